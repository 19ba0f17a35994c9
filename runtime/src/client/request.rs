//! Sending a request: check the granted scopes, send with the current token, and retry or
//! renew as the answer calls for.

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode, Url};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tracing::Instrument;

use super::Client;
use super::error::{Error, RequestInfo};
use super::response::{self, Outcome};
use super::token::Token;
use crate::{Model, Operation, Scope, ScopeSet};

/// What every attempt of one request sends, prepared once.
struct Exchange<'a> {
    info: &'a RequestInfo,
    url: Url,
    body: Option<bytes::Bytes>,
    span: &'a tracing::Span,
}

/// One request, built with [`Client::request`] and sent with [`Request::send`].
///
/// ```no_run
/// # async fn run(client: zoom_scopes::client::Client) -> Result<(), zoom_scopes::client::Error> {
/// use zoom_scopes::operation;
/// use zoom_scopes::client::Method;
/// let meetings: serde_json::Value = client
///     .request(operation!("List meetings", api = "Meeting"), Method::GET, "/users/me/meetings")
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
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    body: Result<Option<Vec<u8>>, String>,
}

impl<'a> Request<'a> {
    pub(crate) fn new(
        client: &'a Client,
        operation: &'static Operation,
        method: Method,
        path: &str,
    ) -> Self {
        Request {
            client,
            operation,
            method,
            path: path.to_owned(),
            query: Vec::new(),
            body: Ok(None),
        }
    }

    /// Adds a query parameter (encoded for the URL).
    pub fn query(mut self, key: impl Into<String>, value: impl ToString) -> Self {
        self.query.push((key.into(), value.to_string()));
        self
    }

    /// Sets a JSON body.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.body = serde_json::to_vec(body)
            .map(Some)
            .map_err(|e| format!("the body does not serialise to JSON: {e}"));
        self
    }

    /// Sends the request and decodes the answer's JSON as `T`. An empty answer (Zoom's
    /// `204 No Content`) decodes as JSON `null`, so `()` and `Option<_>` accept it.
    pub async fn send<T: DeserializeOwned>(self) -> Result<T, Error> {
        let client = self.client;
        let info = RequestInfo::new(self.operation, self.method, self.path);
        let span = tracing::info_span!(
            "zoom.request",
            operation = info.operation().title(),
            api = info.operation().api(),
            method = %info.method(),
            path = info.path(),
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
        );
        let (status, body) = client
            .execute(&info, &self.query, self.body, &span)
            .instrument(span.clone())
            .await?;
        decode(&info, status, &body)
    }
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
    /// Starts a request performing `operation`: `path` is relative to the API base
    /// (`"/users/me"`), and may carry a query string.
    pub fn request(
        &self,
        operation: &'static Operation,
        method: Method,
        path: &str,
    ) -> Request<'_> {
        Request::new(self, operation, method, path)
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
    /// # Ok(()) }
    /// ```
    pub async fn send<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        operation: &'static Operation,
        method: Method,
        path: &str,
        body: Option<&B>,
    ) -> Result<T, Error> {
        let request = self.request(operation, method, path);
        match body {
            Some(body) => request.json(body).send().await,
            None => request.send().await,
        }
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
    pub async fn post<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        operation: &'static Operation,
        path: &str,
        body: &B,
    ) -> Result<T, Error> {
        self.send(operation, Method::POST, path, Some(body)).await
    }

    /// `PUT path` with a JSON body.
    pub async fn put<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        operation: &'static Operation,
        path: &str,
        body: &B,
    ) -> Result<T, Error> {
        self.send(operation, Method::PUT, path, Some(body)).await
    }

    /// `PATCH path` with a JSON body.
    pub async fn patch<T: DeserializeOwned, B: Serialize + ?Sized>(
        &self,
        operation: &'static Operation,
        path: &str,
        body: &B,
    ) -> Result<T, Error> {
        self.send(operation, Method::PATCH, path, Some(body)).await
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

    /// Refuses an operation the token does not grant, before anything is sent. A scope of
    /// either model grants it; the refusal names the scopes of the token's model.
    fn check_granted(&self, token: &Token, info: &RequestInfo) -> Result<(), Error> {
        let operation = info.operation();
        if !self.inner.check_scopes || token.granted.covers(operation) {
            return Ok(());
        }
        let (model, would_grant) = would_grant(&token.granted, operation);
        Err(Error::MissingScopes {
            operation,
            method: info.method().clone(),
            path: info.path().to_owned(),
            granted: Box::new(token.granted),
            would_grant: Box::new(ScopeSet::from_scopes(would_grant)),
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

/// The scopes to name when `granted` does not grant `operation`, and their model: the
/// operation's scopes of the grant's model (granular for a token holding a granular name, a
/// mix of both models included; classic for any other, an empty one too), or of the other
/// model when none of the grant's model grants it (the classic-only `/devices` operations,
/// for one).
fn would_grant(granted: &ScopeSet, operation: &'static Operation) -> (Model, &'static [Scope]) {
    let model = granted.model().unwrap_or(Model::Granular);
    let other = match model {
        Model::Classic => Model::Granular,
        Model::Granular => Model::Classic,
    };
    match operation.granted_by_in(model) {
        [] if !operation.granted_by_in(other).is_empty() => (other, operation.granted_by_in(other)),
        scopes => (model, scopes),
    }
}
