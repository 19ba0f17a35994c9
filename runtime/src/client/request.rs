//! Sending a request: check the granted scopes, send with the current token, and retry or
//! renew as the answer calls for.

use std::fmt;

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tracing::Instrument;

use super::Client;
use super::error::{Error, RequestInfo};
use super::response::{self, Outcome};
use super::target::{Build, Target};
use super::token::Token;
use crate::{Model, Operation, ScopeSet};

/// What every attempt of one request sends, prepared once.
struct Exchange<'a> {
    info: &'a RequestInfo,
    url: Url,
    body: Option<bytes::Bytes>,
    span: &'a tracing::Span,
}

/// One request, built with [`Client::call`] (from the operation's endpoint) or
/// [`Client::request`] (a method and path given whole), and sent with [`Request::send`].
///
/// ```no_run
/// # async fn run(client: zoom_scopes::client::Client) -> Result<(), zoom_scopes::client::Error> {
/// use zoom_scopes::operation;
/// let meetings: serde_json::Value = client
///     .call(operation!("List meetings", api = "Meeting")) // GET /users/{userId}/meetings
///     .path_param("userId", "me")
///     .query("page_size", "30")
///     .query("type", "upcoming")
///     .send()
///     .await?;
/// # Ok(()) }
/// ```
#[must_use = "a request does nothing until it is sent"]
pub struct Request<'a> {
    client: &'a Client,
    operation: &'static Operation,
    target: Target,
    query: Vec<(String, String)>,
    body: Result<Option<Vec<u8>>, String>,
    /// A builder method that does not apply to this request, found when it is sent.
    misuse: Option<&'static str>,
}

impl<'a> Request<'a> {
    fn new(client: &'a Client, operation: &'static Operation, target: Target) -> Self {
        Request {
            client,
            operation,
            target,
            query: Vec::new(),
            body: Ok(None),
            misuse: None,
        }
    }

    /// Fills the path parameter `{name}` of the endpoint's template with `value`,
    /// percent-encoded (all but `A-Z a-z 0-9 - . _ ~`), so a value holding `/` or a space stays
    /// one segment: `"a/b c"` is sent as `a%2Fb%20c`. Given twice, the later value is used.
    ///
    /// Zoom asks for a meeting or webinar UUID that starts with `/` or contains `//` to be
    /// encoded twice: pass such a UUID already encoded once, and this encodes it again.
    ///
    /// For [`Client::call`]'s requests; sending a request made with a path fails with
    /// [`Error::InvalidRequest`].
    pub fn path_param(mut self, name: impl Into<String>, value: impl fmt::Display) -> Self {
        match &mut self.target {
            Target::Endpoint(build) => build.param(name.into(), &value.to_string()),
            Target::Path { .. } => self.misuse = Some(".path_param()"),
        }
        self
    }

    /// Sends the request to the master-account variant of the endpoint,
    /// `/accounts/{accountId}/...`, for the sub account `account_id` (`:master` granular scopes
    /// grant it). For an operation Zoom documents only under `/accounts/{accountId}`, it fills
    /// that parameter.
    ///
    /// For [`Client::call`]'s requests, like [`path_param`](Request::path_param).
    pub fn master_account(mut self, account_id: impl fmt::Display) -> Self {
        match &mut self.target {
            Target::Endpoint(build) => {
                build.master_account = true;
                build.param("accountId".to_owned(), &account_id.to_string());
            }
            Target::Path { .. } => self.misuse = Some(".master_account()"),
        }
        self
    }

    /// Chooses the endpoint, for an operation that has several (`"Get a channel"` has
    /// `GET /chat/channels/{channelId}` and `GET /chat/users/{userId}/channels/{channelId}`):
    /// its method and template as [`Operation::endpoints`] lists them. Without it, sending such
    /// a request fails with [`EndpointError::SeveralEndpoints`](super::EndpointError), which
    /// lists them.
    ///
    /// ```no_run
    /// # async fn run(client: zoom_scopes::client::Client) -> Result<(), zoom_scopes::client::Error> {
    /// use zoom_scopes::{Method, operation};
    /// let channel: serde_json::Value = client
    ///     .call(operation!("Get a channel"))
    ///     .endpoint(Method::Get, "/chat/users/{userId}/channels/{channelId}")
    ///     .path_param("userId", "me")
    ///     .path_param("channelId", "c1")
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// For [`Client::call`]'s requests, like [`path_param`](Request::path_param).
    pub fn endpoint(mut self, method: crate::Method, template: impl Into<String>) -> Self {
        match &mut self.target {
            Target::Endpoint(build) => build.chosen = Some((method, template.into())),
            Target::Path { .. } => self.misuse = Some(".endpoint()"),
        }
        self
    }

    /// Adds a query parameter (encoded for the URL).
    pub fn query(mut self, key: impl Into<String>, value: impl ToString) -> Self {
        self.query.push((key.into(), value.to_string()));
        self
    }

    /// Sets a JSON body.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.body = json_bytes(body).map(Some);
        self
    }

    /// Sends the request and decodes the answer's JSON as `T`. An empty answer (Zoom's
    /// `204 No Content`) decodes as JSON `null`, so `()` and `Option<_>` accept it.
    ///
    /// Before anything is sent it fails with [`Error::Endpoint`] when the request is not one
    /// of its operation's endpoints, with [`Error::InvalidRequest`] when it is malformed, and
    /// with [`Error::MissingScopes`] when the token does not grant the endpoint.
    pub async fn send<T: DeserializeOwned>(self) -> Result<T, Error> {
        let Request {
            client,
            operation,
            target,
            query,
            mut body,
            misuse,
        } = self;
        let resolved = target.resolve(operation).map_err(|error| Error::Endpoint {
            operation,
            error: Box::new(error),
        })?;
        if let Some(method) = misuse {
            body = Err(format!(
                "{method} applies to requests made with Client::call, not to a path given whole"
            ));
        }
        let info = RequestInfo::new(operation, resolved.method, resolved.path, resolved.endpoint);
        let span = tracing::info_span!(
            "zoom.request",
            operation = info.operation().title(),
            api = info.operation().api(),
            method = %info.method(),
            path = info.path(),
            endpoint = info.endpoint().map(|e| e.path()),
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
        );
        let (status, body) = client
            .execute(&info, &query, body, &span)
            .instrument(span.clone())
            .await?;
        decode(&info, status, &body)
    }
}

/// A JSON request body for [`Client::send`]: any [`Serialize`] value, taken as
/// `&dyn JsonBody` so that `None` needs no type. Implemented for every `Serialize` type and
/// sealed.
pub trait JsonBody: sealed::Sealed {
    /// The value as JSON.
    #[doc(hidden)]
    fn to_json(&self) -> Result<Vec<u8>, serde_json::Error>;
}

impl<B: Serialize + ?Sized> JsonBody for B {
    fn to_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(self)
    }
}

mod sealed {
    pub trait Sealed {}
    impl<B: serde::Serialize + ?Sized> Sealed for B {}
}

fn json_bytes(body: &(impl JsonBody + ?Sized)) -> Result<Vec<u8>, String> {
    body.to_json()
        .map_err(|e| format!("the body does not serialise to JSON: {e}"))
}

fn decode<T: DeserializeOwned>(
    info: &RequestInfo,
    status: StatusCode,
    body: &[u8],
) -> Result<T, Error> {
    let json: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        body
    };
    serde_json::from_slice(json).map_err(|e| Error::Decode {
        request: info.clone(),
        status,
        reason: e.to_string(),
    })
}

impl Client {
    /// Starts a request performing `operation` at its endpoint: the method and path template
    /// come from Zoom's API reference ([`Operation::endpoints`]), the path parameters from
    /// [`Request::path_param`], and [`Request::master_account`] picks the master-account
    /// variant.
    ///
    /// ```no_run
    /// # async fn run(client: zoom_scopes::client::Client) -> Result<(), zoom_scopes::client::Error> {
    /// use zoom_scopes::operation;
    /// let meeting: serde_json::Value = client
    ///     .call(operation!("Get a meeting")) // GET /meetings/{meetingId}
    ///     .path_param("meetingId", 85746065432u64)
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    ///
    /// Sending fails with [`Error::Endpoint`], before anything is sent, for an operation
    /// without endpoints or with several regular ones and no [`Request::endpoint`], for a
    /// missing, empty or unknown path parameter, and for a master-account variant the endpoint
    /// does not have.
    pub fn call(&self, operation: &'static Operation) -> Request<'_> {
        Request::new(self, operation, Target::Endpoint(Build::default()))
    }

    /// Starts a request performing `operation` with a method and path given whole: `path` is
    /// relative to the API base (`"/users/me"`), and may carry a query string. Sending fails
    /// with [`Error::Endpoint`], before anything is sent, when the method and path go to none
    /// of the operation's endpoints (`GET /meetings/1` for "Get a user"); for an operation
    /// without endpoints in Zoom's API reference, they are not checked.
    pub fn request(
        &self,
        operation: &'static Operation,
        method: Method,
        path: &str,
    ) -> Request<'_> {
        let target = Target::Path {
            method,
            path: path.to_owned(),
        };
        Request::new(self, operation, target)
    }

    /// Sends a request with an optional JSON body and decodes the JSON answer.
    ///
    /// ```no_run
    /// # async fn run(client: zoom_scopes::client::Client) -> Result<(), zoom_scopes::client::Error> {
    /// use zoom_scopes::{client::Method, operation};
    /// let meeting: serde_json::Value = client
    ///     .send(
    ///         operation!("Create a meeting"),
    ///         Method::POST,
    ///         "/users/me/meetings",
    ///         Some(&serde_json::json!({ "topic": "Standup" })),
    ///     )
    ///     .await?;
    /// let _: () = client
    ///     .send(operation!("Delete a meeting"), Method::DELETE, "/meetings/1", None)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn send<T: DeserializeOwned>(
        &self,
        operation: &'static Operation,
        method: Method,
        path: &str,
        body: Option<&dyn JsonBody>,
    ) -> Result<T, Error> {
        let mut request = self.request(operation, method, path);
        if let Some(body) = body {
            request.body = json_bytes(body).map(Some);
        }
        request.send().await
    }

    /// `GET path`.
    pub async fn get<T: DeserializeOwned>(
        &self,
        operation: &'static Operation,
        path: &str,
    ) -> Result<T, Error> {
        self.request(operation, Method::GET, path).send().await
    }

    /// `POST path` with a JSON body.
    pub async fn post<T: DeserializeOwned>(
        &self,
        operation: &'static Operation,
        path: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Result<T, Error> {
        self.request(operation, Method::POST, path)
            .json(body)
            .send()
            .await
    }

    /// `PUT path` with a JSON body.
    pub async fn put<T: DeserializeOwned>(
        &self,
        operation: &'static Operation,
        path: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Result<T, Error> {
        self.request(operation, Method::PUT, path)
            .json(body)
            .send()
            .await
    }

    /// `PATCH path` with a JSON body.
    pub async fn patch<T: DeserializeOwned>(
        &self,
        operation: &'static Operation,
        path: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Result<T, Error> {
        self.request(operation, Method::PATCH, path)
            .json(body)
            .send()
            .await
    }

    /// `DELETE path`.
    pub async fn delete<T: DeserializeOwned>(
        &self,
        operation: &'static Operation,
        path: &str,
    ) -> Result<T, Error> {
        self.request(operation, Method::DELETE, path).send().await
    }

    /// The whole exchange for one request: scope check, attempts, retries, one token renewal.
    async fn execute(
        &self,
        info: &RequestInfo,
        query: &[(String, String)],
        body: Result<Option<Vec<u8>>, String>,
        span: &tracing::Span,
    ) -> Result<(StatusCode, bytes::Bytes), Error> {
        let invalid = |reason: String| Error::InvalidRequest {
            request: info.clone(),
            reason,
        };
        let exchange = Exchange {
            info,
            url: self.url(info.path(), query).map_err(invalid)?,
            body: body.map_err(invalid)?.map(bytes::Bytes::from),
            span,
        };
        let inner = &self.inner;
        let mut token = inner
            .tokens
            .token(&inner.http)
            .await
            .map_err(|source| Error::Auth {
                request: Some(info.clone()),
                source,
            })?;
        self.check_granted(&token, info)?;

        let mut attempts = 0;
        let mut retries = 0;
        let mut renewed = false;
        loop {
            attempts += 1;
            let outcome = self.attempt(&exchange, &token, attempts, retries + 1).await;
            span.record("attempts", attempts);
            match outcome {
                Outcome::Done(status, body) => return Ok((status, body)),
                Outcome::TokenRejected(_) if !renewed && inner.tokens.can_renew(&token) => {
                    tracing::info!("access token rejected; renewing it once");
                    renewed = true;
                    token = inner
                        .tokens
                        .replace(&inner.http, &token)
                        .await
                        .map_err(|source| Error::Auth {
                            request: Some(info.clone()),
                            source,
                        })?;
                    self.check_granted(&token, info)?;
                }
                Outcome::Retry { wait, error } if retries < inner.retry.retries() => {
                    retries += 1;
                    tracing::info!(retry = retries, wait_ms = wait.as_millis() as u64, %error, "retrying");
                    tokio::time::sleep(wait).await;
                }
                Outcome::Retry { error, .. }
                | Outcome::TokenRejected(error)
                | Outcome::Fail(error) => {
                    tracing::warn!(%error, "request failed");
                    return Err(error);
                }
            }
        }
    }

    /// One HTTP exchange.
    async fn attempt(
        &self,
        exchange: &Exchange<'_>,
        token: &Token,
        attempts: u32,
        next_retry: u32,
    ) -> Outcome {
        let Exchange {
            info,
            url,
            body,
            span,
        } = exchange;
        let inner = &self.inner;
        let mut request = inner
            .http
            .request(info.method().clone(), url.clone())
            .header(AUTHORIZATION, token.bearer.clone())
            .header(ACCEPT, HeaderValue::from_static("application/json"));
        if let Some(body) = body {
            request = request
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body.clone());
        }
        let response = match request.send().await {
            Ok(response) => response,
            Err(error) => return response::transport(info, error, next_retry, &inner.retry),
        };
        let status = response.status();
        span.record("status", status.as_u16());
        // Only a 429's headers are read (Retry-After, X-RateLimit-*): copy them only then.
        let headers = if status == StatusCode::TOO_MANY_REQUESTS {
            response.headers().clone()
        } else {
            HeaderMap::new()
        };
        match response.bytes().await {
            Ok(body) => response::judge(info, status, &headers, body, attempts, &inner.retry),
            Err(error) => response::transport(info, error, next_retry, &inner.retry),
        }
    }

    /// Refuses a request the token does not grant, before anything is sent: a request to an
    /// endpoint as Zoom grants it ([`ScopeSet::covers_endpoint`]), one of an operation without
    /// endpoints by the operation's scopes. The refusal names the scopes of the token's model.
    fn check_granted(&self, token: &Token, info: &RequestInfo) -> Result<(), Error> {
        let granted = &token.granted;
        let covered = match info.endpoint() {
            Some(endpoint) => granted.covers_endpoint(endpoint),
            None => granted.covers(info.operation()),
        };
        if !self.inner.check_scopes || covered {
            return Ok(());
        }
        let (model, would_grant) = would_grant(granted, info);
        Err(Error::MissingScopes {
            request: info.clone(),
            granted: Box::new(*granted),
            would_grant: Box::new(would_grant),
            model,
        })
    }

    /// The absolute URL of `path`, which must be relative to the API base.
    fn url(&self, path: &str, query: &[(String, String)]) -> Result<Url, String> {
        if !path.starts_with('/') {
            return Err(format!(
                "the path {path:?} must start with '/' (it is relative to the API base)"
            ));
        }
        if path.contains('#') || path.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(format!(
                "the path {path:?} holds a '#', white space or a control character"
            ));
        }
        let mut url = Url::parse(&format!("{}{path}", self.inner.api_base))
            .map_err(|e| format!("the path {path:?} does not make a URL: {e}"))?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }
}

/// The scopes to name when `granted` does not grant the request, and their model
/// ([`ScopeSet::refusal_model`]): the endpoint's, or the operation's for an operation without
/// endpoints.
fn would_grant(granted: &ScopeSet, info: &RequestInfo) -> (Model, ScopeSet) {
    let granting = |model| match info.endpoint() {
        Some(endpoint) => endpoint.granted_by_in(model),
        None => ScopeSet::from_scopes(info.operation().granted_by_in(model)),
    };
    let model = granted.refusal_model(|model| !granting(model).is_empty());
    (model, granting(model))
}
