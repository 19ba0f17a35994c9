//! [`Error`]: every way a request can fail, each naming the operation, method and path.

use std::fmt;
use std::time::Duration;

use reqwest::{Method, StatusCode};

use super::endpoint_error::EndpointError;
use crate::{Endpoint, Model, Operation, ScopeSet};

/// The request a failure belongs to: its operation, HTTP method and path (relative to the API
/// base, query included), and the endpoint of the operation it goes to.
#[derive(Clone, PartialEq, Eq)]
pub struct RequestInfo {
    /// The operation's position in [`Operation::all`]: four bytes, with the endpoint's in the
    /// same word, where a reference takes eight, so that [`Error`] stays small.
    operation: u32,
    endpoint: Option<Endpoint>,
    method: Method,
    path: Box<str>,
}

impl RequestInfo {
    pub(crate) fn new(
        operation: &'static Operation,
        method: Method,
        path: String,
        endpoint: Option<Endpoint>,
    ) -> Self {
        RequestInfo {
            // no truncation: the catalogue has a few thousand operations
            operation: operation.index() as u32,
            endpoint,
            method,
            path: path.into_boxed_str(),
        }
    }

    /// The endpoint of the operation the request goes to (`GET /meetings/{meetingId}`);
    /// `None` for an operation Zoom's API reference documents no endpoint for.
    pub fn endpoint(&self) -> Option<Endpoint> {
        self.endpoint
    }

    /// The operation the request performs.
    pub fn operation(&self) -> &'static Operation {
        // no panic: `new` stored the index of an operation of `Operation::all`
        &Operation::all()[self.operation as usize]
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The path, relative to the API base.
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Debug for RequestInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestInfo")
            .field("operation", self.operation())
            .field("endpoint", &self.endpoint)
            .field("method", &self.method)
            .field("path", &self.path)
            .finish()
    }
}

impl fmt::Display for RequestInfo {
    /// `"Create a meeting" (Meeting API), POST /users/me/meetings`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {} {}", self.operation(), self.method, self.path)
    }
}

/// Why getting an OAuth access token failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// Zoom's token endpoint refused the request (wrong credentials, a revoked refresh token...).
    #[error("Zoom's token endpoint answered {status}: {}", describe_rejection(.error.as_deref(), .reason.as_deref()))]
    Rejected {
        /// HTTP status of the answer.
        status: StatusCode,
        /// Zoom's `error` field (`invalid_client`, `invalid_grant`, ...).
        error: Option<String>,
        /// Zoom's `reason` field, a sentence.
        reason: Option<String>,
    },
    /// The token endpoint could not be reached, or did not answer in time.
    #[error("the token endpoint could not be reached: {0}")]
    Transport(#[source] reqwest::Error),
    /// The token endpoint's answer is not a token response.
    #[error(
        "the token endpoint answered {status} with a body that is not a token response: {reason}"
    )]
    Decode {
        /// HTTP status of the answer.
        status: StatusCode,
        /// What was wrong with it (never the body itself, which would hold the token).
        reason: String,
    },
    /// Zoom rejected the access token and the client has no way to get another: a user token
    /// without a refresh token.
    #[error("the access token was rejected and there is no refresh token to renew it")]
    CannotRenew,
}

fn describe_rejection(error: Option<&str>, reason: Option<&str>) -> String {
    match (error, reason) {
        (Some(error), Some(reason)) => format!("{reason} ({error})"),
        (Some(text), None) | (None, Some(text)) => text.to_owned(),
        (None, None) => "no reason given".to_owned(),
    }
}

/// Why a client could not be built or a request failed.
///
/// Every variant about a request names its operation, and its method and path once they are
/// known (all but [`Error::Endpoint`]); none holds a secret, so an `Error` can be logged as it
/// is.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The token does not grant the request: refused before sending anything.
    #[error(
        "{request}: not granted by the token's scopes; {}; the token grants {}",
        needs(.would_grant, *.model, .granted),
        or_none(.granted)
    )]
    MissingScopes {
        /// The refused request.
        request: RequestInfo,
        /// The scopes the token grants (boxed, like the other sets here, to keep `Error` small).
        granted: Box<ScopeSet>,
        /// The scopes of `model` that would grant the request, any one of them (`ranked()`
        /// lists them least privileged first): granular ones for a token of granular scopes,
        /// classic ones otherwise. For a request to an endpoint, the endpoint's
        /// ([`Endpoint::granted_by_in`]: the master-account variant's `:master` scopes, or the
        /// regular endpoint's others); the operation's for an operation without endpoints.
        /// Empty for an operation no OAuth scope authorises ([`Operation::oauth`]).
        would_grant: Box<ScopeSet>,
        /// The scope model of `would_grant`: the model of the token's scopes
        /// ([`ScopeSet::model`]; granular for a token holding names of both), or the other one
        /// when no scope of the token's model grants the operation.
        model: Model,
    },

    /// A typed client's app declares scopes the token does not grant.
    #[error(
        "the app {app} declares scopes Zoom did not grant: {} (declared: {}; granted: {})",
        ranked(.not_granted),
        or_none(.declared),
        or_none(.granted)
    )]
    AppNotGranted {
        /// The app type's name.
        app: &'static str,
        /// The scopes the app declares (`App::SCOPES`).
        declared: Box<ScopeSet>,
        /// The scopes the token grants.
        granted: Box<ScopeSet>,
        /// The declared scopes missing from the grant.
        not_granted: Box<ScopeSet>,
    },

    /// No access token could be had.
    #[error("{}could not get an access token: {source}", context(.request))]
    Auth {
        /// The request that needed the token, if any.
        request: Option<RequestInfo>,
        /// What went wrong.
        #[source]
        source: AuthError,
    },

    /// Zoom answered error 4711: the token lacks scopes Zoom requires for the endpoint. Zoom
    /// names the alternatives, any one of which it would accept (for a granular token, the
    /// endpoint's granular scopes: `meeting:write:meeting, meeting:write:meeting:admin`).
    #[error(
        "{request}: Zoom refused the token (error 4711), missing scopes: {}{}",
        or_none(.missing),
        unknown_suffix(.unknown)
    )]
    ZoomMissingScopes {
        /// The request Zoom refused.
        request: RequestInfo,
        /// The documented scopes Zoom named.
        missing: Box<ScopeSet>,
        /// Names Zoom gave that this catalogue does not document (scopes newer than it).
        unknown: Vec<String>,
        /// Zoom's message.
        message: String,
    },

    /// Zoom rejected the access token (error 124) and a renewed one was rejected too, or it
    /// could not be renewed.
    #[error("{request}: Zoom rejected the access token: {message}")]
    InvalidToken {
        /// The request Zoom refused.
        request: RequestInfo,
        /// Zoom's error code, if it sent one (124 for an invalid or expired token).
        code: Option<i64>,
        /// Zoom's message.
        message: String,
    },

    /// Zoom kept answering 429, or asked to wait longer than the retry policy allows.
    #[error("{request}: rate limited by Zoom after {attempts} attempt(s){}: {message}", retry_hint(.retry_after))]
    RateLimited {
        /// The request that was limited.
        request: RequestInfo,
        /// How long Zoom asked to wait, when it said.
        retry_after: Option<Duration>,
        /// Zoom's `X-RateLimit-Type` (`QPS`, `Daily-limit`, ...), when sent.
        limit_type: Option<String>,
        /// Requests sent, retries included.
        attempts: u32,
        /// Zoom's message.
        message: String,
    },

    /// Zoom answered with an error status (after retries, for server errors of idempotent
    /// requests).
    #[error("{request}: Zoom answered {status}{}: {message}", code_suffix(*.code))]
    Api {
        /// The request.
        request: RequestInfo,
        /// The HTTP status.
        status: StatusCode,
        /// Zoom's error code, when the body has one.
        code: Option<i64>,
        /// Zoom's message, or what the body said when it is not Zoom's error format.
        message: String,
        /// Requests sent, retries included.
        attempts: u32,
    },

    /// Zoom's answer could not be decoded as the expected type.
    #[error("{request}: the answer ({status}) could not be decoded: {reason}")]
    Decode {
        /// The request.
        request: RequestInfo,
        /// The HTTP status of the answer.
        status: StatusCode,
        /// What the decoder said.
        reason: String,
    },

    /// The request could not be sent or its answer not read (connection, timeout).
    #[error("{request}: {}: {source}", transport_kind(.source))]
    Transport {
        /// The request.
        request: RequestInfo,
        /// The HTTP client's error.
        #[source]
        source: reqwest::Error,
    },

    /// The request is not one of its operation's endpoints, or cannot be built from them (a
    /// path parameter missing, several endpoints to choose from, ...): nothing was sent.
    #[error("{operation}: {error}")]
    Endpoint {
        /// The operation of the request.
        operation: &'static Operation,
        /// What does not match (boxed to keep `Error` small).
        error: Box<EndpointError>,
    },

    /// The request itself is malformed (a path that is not relative to the API base, a body
    /// that does not serialise): nothing was sent.
    #[error("{request}: invalid request: {reason}")]
    InvalidRequest {
        /// The request.
        request: RequestInfo,
        /// What is wrong.
        reason: String,
    },

    /// The client's configuration is incomplete or invalid.
    #[error("invalid client configuration: {reason}")]
    Config {
        /// What is wrong.
        reason: String,
    },
}

impl Error {
    /// The request the error belongs to, when it belongs to one.
    pub fn request(&self) -> Option<RequestInfo> {
        match self {
            Error::Auth { request, .. } => request.clone(),
            Error::MissingScopes { request, .. }
            | Error::ZoomMissingScopes { request, .. }
            | Error::InvalidToken { request, .. }
            | Error::RateLimited { request, .. }
            | Error::Api { request, .. }
            | Error::Decode { request, .. }
            | Error::Transport { request, .. }
            | Error::InvalidRequest { request, .. } => Some(request.clone()),
            Error::Endpoint { .. } | Error::AppNotGranted { .. } | Error::Config { .. } => None,
        }
    }

    /// The operation the failed request performs, when the error belongs to a request (an
    /// [`Error::Endpoint`] included, which has no method and path to report).
    pub fn operation(&self) -> Option<&'static Operation> {
        match self {
            Error::Endpoint { operation, .. } => Some(operation),
            _ => self.request().map(|r| r.operation()),
        }
    }

    /// Whether the failure is about scopes: refused locally, by Zoom (4711), or an app whose
    /// declared scopes were not granted.
    pub fn is_scope_error(&self) -> bool {
        matches!(
            self,
            Error::MissingScopes { .. }
                | Error::ZoomMissingScopes { .. }
                | Error::AppNotGranted { .. }
        )
    }

    pub(crate) fn config(reason: impl Into<String>) -> Self {
        Error::Config {
            reason: reason.into(),
        }
    }
}

/// Scopes least privileged first, comma-separated.
fn ranked(set: &ScopeSet) -> String {
    let names: Vec<&str> = set.ranked().into_iter().map(|s| s.name()).collect();
    if names.is_empty() {
        "no documented scope".to_owned()
    } else {
        names.join(", ")
    }
}

/// What a refused operation needs: the scopes of `model` that grant it, or that no OAuth scope
/// does.
fn needs(would_grant: &ScopeSet, model: Model, granted: &ScopeSet) -> String {
    if would_grant.is_empty() {
        return "no OAuth scope authorises it (it takes other credentials, such as an SDK key)"
            .to_owned();
    }
    let token_model = granted.model().unwrap_or(Model::Granular);
    let fallback = if model == token_model {
        String::new()
    } else {
        format!("; no {token_model} scope grants it")
    };
    format!(
        "it needs one of {} ({model} scopes, least privileged first{fallback})",
        ranked(would_grant)
    )
}

fn or_none(set: &ScopeSet) -> String {
    if set.is_empty() {
        "none".to_owned()
    } else {
        ranked(set)
    }
}

fn context(request: &Option<RequestInfo>) -> String {
    request
        .as_ref()
        .map_or_else(String::new, |r| format!("{r}: "))
}

fn unknown_suffix(unknown: &[String]) -> String {
    if unknown.is_empty() {
        String::new()
    } else {
        format!(" and {} not in the catalogue", unknown.join(", "))
    }
}

fn retry_hint(retry_after: &Option<Duration>) -> String {
    retry_after.map_or_else(String::new, |d| {
        format!(" (retry after {} s)", d.as_secs_f64().ceil())
    })
}

fn code_suffix(code: Option<i64>) -> String {
    code.map_or_else(String::new, |c| format!(" (code {c})"))
}

fn transport_kind(error: &reqwest::Error) -> &'static str {
    if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "could not connect"
    } else {
        "transport error"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Functions returning `Result<_, Error>`, in this crate and its users', stay clear of
    /// clippy's `result_large_err` (128 bytes).
    #[test]
    fn errors_stay_small() {
        assert!(
            std::mem::size_of::<Error>() < 128,
            "{}",
            std::mem::size_of::<Error>()
        );
    }
}
