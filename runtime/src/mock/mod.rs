//! [`MockZoom`]: a Zoom on loopback, for examples and for testing apps built on the client.
//!
//! It serves Zoom's token endpoint (Server-to-Server `account_credentials` and the
//! `refresh_token` grant) and a few REST endpoints ([`Endpoint`]), each tied to its catalogue
//! [`Operation`] with [`operation!`](crate::operation!) and to its endpoint of Zoom's API
//! reference ([`Endpoint::reference`]). Its tokens carry whatever scopes a test grants,
//! classic or granular ([`MockZoom::grant`]). Like Zoom, it answers HTTP 400 with error 4711
//! when a token lacks the scopes of an endpoint, naming the alternatives least privileged
//! first (for a granular token the endpoint's granular scopes:
//! `{"code":4711,"message":"Invalid access token, does not contain
//! scopes:[meeting:write:meeting, meeting:write:meeting:admin]."}`), and 124 for an unknown or
//! expired token. Faults ([`Fault`]) can be queued per endpoint: rate limits, server errors,
//! rejected tokens, slow answers, malformed JSON. Every request is counted.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use zoom_scopes::mock::{Endpoint, Fault, MockZoom};
//! use zoom_scopes::{operation, scopes};
//!
//! let zoom = MockZoom::start().await?;
//! zoom.grant(scopes!("user:read"));
//! zoom.inject(Endpoint::GetUser, Fault::ServerError(503));
//!
//! let client = zoom.client_builder().build()?;
//! let me: serde_json::Value = client.get(operation!("Get a user", api = "User"), "/users/me").await?;
//! assert_eq!(me["email"], "ada@example.com");
//! assert_eq!(zoom.requests(Endpoint::GetUser), 2); // the 503, then the retry
//! # Ok(()) }
//! ```
//!
//! Built on hyper's HTTP/1 server rather than a mocking crate such as wiremock: reqwest
//! already compiles hyper, so the mock costs almost nothing extra to build, and answering from
//! plain Rust code gives full control over what a fault looks like on the wire (broken bodies,
//! delays, headers) and lets the mock keep Zoom's state (tokens, meetings) between requests.

mod api;
mod oauth;
mod server;
mod state;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::client::{ClientBuilder, ClientSecret, TokenResponse};
use crate::{Method, Operation, ScopeSet, operation};

use state::State;

/// The endpoints the mock serves.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Endpoint {
    /// `POST /oauth/token`.
    Token,
    /// `GET /v2/users/{userId}`: "Get a user" (User API).
    GetUser,
    /// `POST /v2/users/{userId}/meetings`: "Create a meeting".
    CreateMeeting,
    /// `GET /v2/users/{userId}/meetings`: "List meetings" (Meeting API).
    ListMeetings,
    /// `GET /v2/meetings/{meetingId}`: "Get a meeting".
    GetMeeting,
    /// `DELETE /v2/meetings/{meetingId}`: "Delete a meeting".
    DeleteMeeting,
}

impl Endpoint {
    /// Every endpoint.
    pub const ALL: [Endpoint; 6] = [
        Endpoint::Token,
        Endpoint::GetUser,
        Endpoint::CreateMeeting,
        Endpoint::ListMeetings,
        Endpoint::GetMeeting,
        Endpoint::DeleteMeeting,
    ];

    /// The operation an API endpoint performs (`None` for the token endpoint).
    pub fn operation(self) -> Option<&'static Operation> {
        Some(match self {
            Endpoint::Token => return None,
            Endpoint::GetUser => operation!("Get a user", api = "User"),
            Endpoint::CreateMeeting => operation!("Create a meeting"),
            Endpoint::ListMeetings => operation!("List meetings", api = "Meeting"),
            Endpoint::GetMeeting => operation!("Get a meeting"),
            Endpoint::DeleteMeeting => operation!("Delete a meeting"),
        })
    }

    /// The endpoint of Zoom's API reference an API endpoint serves (`None` for the token
    /// endpoint): its method and path template, and the granular scopes Zoom checks for it.
    pub fn reference(self) -> Option<crate::Endpoint> {
        let (method, path) = match self {
            Endpoint::Token => return None,
            Endpoint::GetUser => (Method::Get, "/users/{userId}"),
            Endpoint::CreateMeeting => (Method::Post, "/users/{userId}/meetings"),
            Endpoint::ListMeetings => (Method::Get, "/users/{userId}/meetings"),
            Endpoint::GetMeeting => (Method::Get, "/meetings/{meetingId}"),
            Endpoint::DeleteMeeting => (Method::Delete, "/meetings/{meetingId}"),
        };
        // Checked for each endpoint by the mock's tests: documented, and an endpoint of the
        // operation.
        self.operation()?
            .endpoints()
            .find(|e| e.method() == method && e.path() == path)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A misbehaviour to answer one request with, queued with [`MockZoom::inject`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// 429 with Zoom's per-second limit body, and `Retry-After` in whole seconds when given.
    RateLimited {
        /// The `Retry-After` header, in seconds.
        retry_after: Option<u64>,
    },
    /// 429 for a daily limit: `X-RateLimit-Type: Daily-limit`, `Retry-After` at the next
    /// midnight UTC in RFC 3339 form.
    DailyLimit,
    /// This status (500, 502, 503, ...) with a Zoom error body.
    ServerError(u16),
    /// 401 with error 124, as for an expired token.
    InvalidToken,
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// 200 with a body that is not JSON.
    MalformedJson,
    /// Any status with Zoom's error body `{"code": code, "message": message}`.
    Error {
        /// HTTP status.
        status: u16,
        /// Zoom's error code.
        code: i64,
        /// Zoom's message.
        message: String,
    },
}

/// A Zoom API and OAuth server on `127.0.0.1`, on a port of its own. Stops when dropped.
pub struct MockZoom {
    addr: SocketAddr,
    state: Arc<State>,
    server: tokio::task::JoinHandle<()>,
}

impl MockZoom {
    /// Starts a server on `127.0.0.1:0` that grants `user:read`, `meeting:write` and
    /// `meeting:read` (the least privileged scopes of its endpoints) to tokens valid one hour,
    /// with fresh random credentials. Must run inside a tokio runtime.
    pub async fn start() -> std::io::Result<MockZoom> {
        let state = Arc::new(State::new());
        let (addr, server) = server::serve(Arc::clone(&state)).await?;
        Ok(MockZoom {
            addr,
            state,
            server,
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The API base to give the client (`http://127.0.0.1:PORT/v2`).
    pub fn api_base(&self) -> String {
        format!("http://{}/v2", self.addr)
    }

    /// The OAuth base to give the client (`http://127.0.0.1:PORT`).
    pub fn oauth_base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The Server-to-Server account id it accepts.
    pub fn account_id(&self) -> &str {
        &self.state.account_id
    }

    /// The client id it accepts.
    pub fn client_id(&self) -> &str {
        &self.state.client_id
    }

    /// The client secret it accepts (random for each server).
    pub fn client_secret(&self) -> ClientSecret {
        self.state.client_secret.clone()
    }

    /// A client builder pointed at this server, with its Server-to-Server credentials.
    pub fn client_builder(&self) -> ClientBuilder {
        ClientBuilder::new()
            .server_to_server(self.account_id(), self.client_id(), self.client_secret())
            .api_base(self.api_base())
            .oauth_base(self.oauth_base())
    }

    /// The scopes granted to tokens issued from now on, classic (`scopes!("meeting:write")`)
    /// or granular (`scopes!("meeting:write:meeting")`), as the token's `scope` field lists
    /// them.
    pub fn grant(&self, scopes: ScopeSet) {
        self.state.config().scope = scopes.to_string();
    }

    /// The exact `scope` field of tokens issued from now on, for names this catalogue does not
    /// document or a field written in a particular way (comma-separated, repeats). Unknown
    /// names grant nothing at the mock's endpoints.
    pub fn grant_raw(&self, scope_field: impl Into<String>) {
        self.state.config().scope = scope_field.into();
    }

    /// The `expires_in` of tokens issued from now on (whole seconds, at least one).
    pub fn token_lifetime(&self, lifetime: Duration) {
        self.state.config().lifetime = Duration::from_secs(lifetime.as_secs().max(1));
    }

    /// Makes every access token issued so far invalid: requests with them get error 124.
    pub fn expire_tokens(&self) {
        self.state.expire_tokens();
    }

    /// Issues a user-level token directly (as an authorization-code exchange would), with a
    /// refresh token the token endpoint accepts once.
    pub fn issue_user_token(&self, scopes: ScopeSet) -> TokenResponse {
        self.state.issue_user_token(scopes)
    }

    /// Every access and refresh token issued so far, to check that none leaks into logs or
    /// error messages.
    pub fn issued_tokens(&self) -> Vec<String> {
        self.state.issued()
    }

    /// Answers the next request to `endpoint` with `fault` (after any faults already queued).
    pub fn inject(&self, endpoint: Endpoint, fault: Fault) {
        self.inject_times(endpoint, fault, 1);
    }

    /// Answers the next `times` requests to `endpoint` with `fault`.
    pub fn inject_times(&self, endpoint: Endpoint, fault: Fault, times: usize) {
        self.state.push_faults(endpoint, fault, times);
    }

    /// Requests received for `endpoint`, whatever the answer (faults and refusals included).
    pub fn requests(&self, endpoint: Endpoint) -> usize {
        self.state.requests(endpoint)
    }

    /// Requests received for the REST endpoints, all together (the token endpoint excluded).
    pub fn api_requests(&self) -> usize {
        Endpoint::ALL
            .iter()
            .filter(|e| **e != Endpoint::Token)
            .map(|e| self.requests(*e))
            .sum()
    }

    /// Requests that matched no endpoint.
    pub fn unmatched_requests(&self) -> usize {
        self.state.unmatched()
    }
}

impl Drop for MockZoom {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl std::fmt::Debug for MockZoom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockZoom")
            .field("addr", &self.addr)
            .field("account_id", &self.state.account_id)
            .field("client_id", &self.state.client_id)
            .field("client_secret", &self.state.client_secret)
            .finish_non_exhaustive()
    }
}
