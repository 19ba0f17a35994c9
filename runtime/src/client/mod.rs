//! The HTTP client: Zoom OAuth, and a check of the granted scopes before every request.
//!
//! Each request names the [`Operation`](crate::Operation) it performs, and goes to one of its
//! endpoints in Zoom's API reference: [`Client::call`] builds the method and path from the
//! operation's endpoint and the path parameters given, and [`Client::request`] (with `get`,
//! `post`, ...) checks that a method and path given whole go to one of them. Either way a
//! request that does not fails with [`Error::Endpoint`] before anything is sent.
//!
//! Before sending, the client compares the endpoint with the scopes Zoom granted (the token's
//! `scope` field, classic or granular scopes) and refuses with [`Error::MissingScopes`]
//! without touching the network, instead of letting Zoom answer error 4711. The refusal names
//! the scopes that would grant the endpoint in the token's scope model, least privileged
//! first: `meeting:write:meeting` for a token of granular scopes, `meeting:write` for a
//! classic one.
//!
//! ```no_run
//! # async fn run() -> Result<(), zoom_scopes::client::Error> {
//! use zoom_scopes::client::{Client, ClientSecret, Error};
//! use zoom_scopes::operation;
//!
//! let client = Client::builder()
//!     .server_to_server("account-id", "client-id", ClientSecret::new("client-secret"))
//!     .build()?;
//! println!("granted: {}", client.token_info().await?.granted);
//!
//! let me: serde_json::Value = client
//!     .call(operation!("Get a user", api = "User")) // GET /users/{userId}
//!     .path_param("userId", "me")
//!     .send()
//!     .await?;
//! match client
//!     .call(operation!("Create a meeting")) // POST /users/{userId}/meetings
//!     .path_param("userId", "me")
//!     .json(&serde_json::json!({ "topic": "Standup" }))
//!     .send::<serde_json::Value>()
//!     .await
//! {
//!     Ok(meeting) => println!("created {}", meeting["id"]),
//!     Err(Error::MissingScopes { request, would_grant, .. }) => {
//!         println!("skipped {}: needs one of {would_grant}", request.operation())
//!     }
//!     Err(other) => return Err(other),
//! }
//! # Ok(()) }
//! ```
//!
//! - Tokens: Server-to-Server OAuth ([`ClientBuilder::server_to_server`]) is fetched, cached
//!   and renewed shortly before it expires, one renewal at a time however many requests wait
//!   for it; a user token ([`ClientBuilder::user_token`]) is renewed with its refresh token.
//!   When Zoom rejects a token (error 124), the client renews it once and retries.
//! - Retries ([`RetryPolicy`]): 429 answers after `Retry-After` or a backoff; server errors
//!   and lost connections only for idempotent methods.
//! - Secrets ([`ClientSecret`], [`AccessToken`], [`RefreshToken`]) never appear in `Debug`,
//!   `Display`, errors or `tracing` output. Requests run in a `zoom.request` span that names
//!   the operation, method, path, status and attempts.
//! - Zoom's errors become typed: [`Error::ZoomMissingScopes`] (4711, with the scopes parsed),
//!   [`Error::InvalidToken`], [`Error::RateLimited`], [`Error::Api`], [`Error::Decode`].
//!
//! The client runs on tokio.

mod auth;
mod builder;
mod endpoint_error;
mod error;
mod request;
mod response;
mod retry;
mod secret;
pub(crate) mod target;
mod token;
mod typed;
mod zoom_error;

use std::fmt;
use std::sync::Arc;

pub use builder::{ClientBuilder, DEFAULT_API_BASE, DEFAULT_OAUTH_BASE};
pub use endpoint_error::EndpointError;
pub use error::{AuthError, Error, RequestInfo};
pub use request::{JsonBody, Request};
pub use reqwest::Method;
pub use retry::RetryPolicy;
pub use secret::{AccessToken, ClientSecret, RefreshToken};
pub use token::{TokenInfo, TokenResponse, UserToken};
pub use typed::TypedClient;

/// A Zoom API client that checks the granted scopes before each request. Cheap to clone: the
/// clones share one connection pool and one token.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// Without a trailing slash; request paths start with one.
    api_base: String,
    tokens: auth::TokenSource,
    retry: RetryPolicy,
    check_scopes: bool,
}

impl Client {
    /// Configure a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// The scopes and lifetime of the current token, fetching one first if there is none
    /// (or renewing it when it is about to expire).
    pub async fn token_info(&self) -> Result<TokenInfo, Error> {
        let token = self
            .inner
            .tokens
            .token(&self.inner.http)
            .await
            .map_err(|source| Error::Auth {
                request: None,
                source,
            })?;
        Ok(token.info())
    }

    /// The refresh token of a user token, as last rotated by Zoom: persist it after the client
    /// renews the access token, since Zoom's refresh tokens are single-use.
    pub fn refresh_token(&self) -> Option<RefreshToken> {
        auth::current_refresh_token(&self.inner.tokens)
    }

    /// The API base requests go to.
    pub fn api_base(&self) -> &str {
        &self.inner.api_base
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("api_base", &self.inner.api_base)
            .field("tokens", &self.inner.tokens)
            .field("retry", &self.inner.retry)
            .field("check_scopes", &self.inner.check_scopes)
            .finish_non_exhaustive()
    }
}
