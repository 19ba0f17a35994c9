//! [`MockZoom`]: a Zoom on loopback, for examples and for testing apps built on the client.
//!
//! It serves Zoom's token endpoint (Server-to-Server `account_credentials` and the
//! `refresh_token` grant) and, under the API base `/v2`, every endpoint of Zoom's API reference
//! ([`crate::Endpoint::all`], the master-account variants `/accounts/{accountId}/...`
//! included). A request goes to the endpoint [`crate::Endpoint::resolve`] gives for its method
//! and path; a path that is no endpoint (or a method the path does not have) is answered 404,
//! `{"code":404,"message":"No API endpoint matches GET /v2/nowhere."}`, and counted in
//! [`MockZoom::unmatched_requests`].
//!
//! Its tokens carry whatever scopes a test grants, classic or granular ([`MockZoom::grant`]).
//! Like Zoom, it grants an endpoint to a token holding one of the classic scopes of the
//! endpoint's operation (classic scopes are operation-level) or one of the endpoint's own
//! granular scopes ([`crate::Endpoint::granular`]: a `:master` scope grants the master-account
//! variant, not the regular endpoint); an endpoint without an operation is granted by its
//! granular scopes only. Otherwise it answers HTTP 400 with error 4711, naming the
//! alternatives least privileged first: the endpoint's granular scopes for a token of granular
//! scopes, `{"code":4711,"message":"Invalid access token, does not contain
//! scopes:[meeting:write:meeting, meeting:write:meeting:admin]."}`, the operation's classic
//! ones for a classic token (the other model's when the token's has none for the endpoint).
//! An unknown or expired token gets 401 with error 124, `Invalid access token.`, and so does
//! every request to the endpoints no OAuth scope authorises, whatever the token: the Video
//! SDK's and the Cobrowse SDK's, which take a JWT signed with an SDK key, and the few others
//! Zoom's reference documents without a scope (a chatbot's messages, Marketplace event
//! subscriptions, ...), which take tokens of other kinds.
//!
//! A granted request is answered with a small JSON body that echoes it, so a test sees what
//! its client sent: the endpoint, its operation and API group (when it has an operation), the
//! path parameters and query pairs, percent-decoded, and the request's body (parsed as JSON,
//! or as a string when it is not JSON):
//!
//! ```json
//! {"endpoint": "PATCH /meetings/{meetingId}", "operation": "Update a meeting", "api": "Meeting",
//!  "path_params": {"meetingId": "85746065432"}, "query": {"occurrence_id": "1"},
//!  "body": {"topic": "Standup"}}
//! ```
//!
//! with status 200 for `GET`, `PUT` and `PATCH`, 201 for `POST`, and 204 without a body for
//! `DELETE`. A path parameter that is not UTF-8 once decoded gets 400 with error 300. Five
//! endpoints keep state instead of echoing ([`Endpoint`]): meetings are created, listed,
//! fetched and deleted (3001 for an unknown meeting), and the one user answers as `me`, by id
//! or by email (1001 for anyone else).
//!
//! Faults ([`Fault`]) can be queued per endpoint, any endpoint: rate limits, server errors,
//! rejected tokens, slow answers, malformed JSON. Every request is counted per endpoint. Both
//! take a [`Route`]: the token endpoint, or an endpoint of the catalogue; one of the five named
//! [`Endpoint`]s converts to its catalogue endpoint's route, so `Endpoint::GetUser` and
//! `Route::Api` of `GET /users/{userId}` are one counter and one queue of faults.
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
//!
//! // Any endpoint of the catalogue has a counter, and a queue of faults.
//! let webinar = operation!("Get a webinar").endpoints().next().expect("documented");
//! assert_eq!(zoom.requests(webinar), 0);
//! # Ok(()) }
//! ```
//!
//! Built on hyper's HTTP/1 server rather than a mocking crate such as wiremock: reqwest
//! already compiles hyper, so the mock costs almost nothing extra to build, and answering from
//! plain Rust code gives full control over what a fault looks like on the wire (broken bodies,
//! delays, headers) and lets the mock keep Zoom's state (tokens, meetings) between requests.

mod api;
mod echo;
mod oauth;
mod routing;
mod server;
mod state;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::client::{ClientBuilder, ClientSecret, TokenResponse};
use crate::{Method, Operation, ScopeSet, operation};

use state::State;

/// The token endpoint and the five endpoints the mock keeps state for (it serves every other
/// endpoint of the catalogue too, as [`Route::Api`]).
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
}

/// What the mock counts requests and queues faults for: the token endpoint, or an endpoint of
/// the catalogue.
///
/// [`MockZoom::inject`], [`MockZoom::inject_times`] and [`MockZoom::requests`] take anything
/// that converts to one: a named [`Endpoint`] (`Endpoint::GetUser` is the route of
/// `GET /users/{userId}`) or a [`crate::Endpoint`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Route {
    /// `POST /oauth/token`.
    Token,
    /// An endpoint of the API reference, under `/v2`.
    Api(crate::Endpoint),
}

impl From<crate::Endpoint> for Route {
    fn from(endpoint: crate::Endpoint) -> Route {
        Route::Api(endpoint)
    }
}

impl From<Endpoint> for Route {
    fn from(endpoint: Endpoint) -> Route {
        // Only the token endpoint has no reference: the mock's tests check that each of the
        // others has one, so this never turns an API endpoint into the token's route.
        endpoint.reference().map_or(Route::Token, Route::Api)
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
    /// `meeting:read` (the least privileged scopes of the endpoints it keeps state for) to
    /// tokens valid one hour, with fresh random credentials. Must run inside a tokio runtime.
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

    /// Answers the next request to `route` with `fault` (after any faults already queued).
    pub fn inject(&self, route: impl Into<Route>, fault: Fault) {
        self.inject_times(route, fault, 1);
    }

    /// Answers the next `times` requests to `route` with `fault`.
    pub fn inject_times(&self, route: impl Into<Route>, fault: Fault, times: usize) {
        self.state.push_faults(route.into(), fault, times);
    }

    /// Requests received for `route`, whatever the answer (faults and refusals included).
    pub fn requests(&self, route: impl Into<Route>) -> usize {
        self.state.requests(route.into())
    }

    /// Requests received for the API endpoints, all together (the token endpoint excluded).
    pub fn api_requests(&self) -> usize {
        self.state.api_requests()
    }

    /// Requests that matched no endpoint (404).
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
