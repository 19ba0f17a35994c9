//! Getting and renewing access tokens: Server-to-Server OAuth (`account_credentials`) and user
//! tokens renewed with the `refresh_token` grant.
//!
//! The current token sits behind a plain `RwLock`, read on every request without waiting.
//! Renewal goes through one async mutex: whoever holds it fetches, everyone else waits for it
//! and then finds the new token already there, so 50 concurrent requests cause one token
//! request. Each token carries a generation number, so a request whose token Zoom rejected
//! renews only if nobody has replaced that token yet.
//!
//! Renewal starts a margin before expiry. If it fails then (the token endpoint is down, say),
//! requests go on with the token, which is still valid, and the next attempt waits a few
//! seconds, so an outage of the token endpoint neither fails requests a valid token can make
//! nor turns each of them into a token request. Once the token has expired, a failed renewal
//! is the request's error.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use reqwest::{StatusCode, Url};
use tracing::Instrument;

use super::error::AuthError;
use super::secret::{ClientSecret, RefreshToken};
use super::token::{Token, TokenResponse, UserToken};
use super::zoom_error::TokenErrorBody;

/// How the client gets its tokens.
pub(crate) enum Grant {
    ServerToServer {
        account_id: String,
        client_id: String,
        secret: ClientSecret,
    },
    /// A caller-supplied token; renewable only with the app's credentials and a refresh token.
    User { app: Option<(String, ClientSecret)> },
}

impl std::fmt::Debug for Grant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Grant::ServerToServer {
                account_id,
                client_id,
                secret,
            } => f
                .debug_struct("ServerToServer")
                .field("account_id", account_id)
                .field("client_id", client_id)
                .field("secret", secret)
                .finish(),
            Grant::User { app } => f
                .debug_struct("User")
                .field("client_id", &app.as_ref().map(|(id, _)| id))
                .finish_non_exhaustive(),
        }
    }
}

/// How long requests keep a still-valid token after its renewal failed, before trying again.
const RENEWAL_RETRY: Duration = Duration::from_secs(5);

/// What a failed renewal leaves the caller with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnFailure {
    /// The current token, if it has not expired: it is only due for renewal.
    KeepValidToken,
    /// The error: the current token is known to be refused.
    Fail,
}

#[derive(Debug)]
pub(crate) struct TokenSource {
    grant: Grant,
    token_url: Url,
    current: RwLock<Option<Arc<Token>>>,
    renewing: tokio::sync::Mutex<()>,
    generation: AtomicU64,
    /// After a failed renewal of a still-valid token: no new attempt before this instant.
    retry_renewal_at: Mutex<Option<Instant>>,
}

impl TokenSource {
    pub fn new(grant: Grant, token_url: Url) -> Self {
        TokenSource {
            grant,
            token_url,
            current: RwLock::new(None),
            renewing: tokio::sync::Mutex::new(()),
            generation: AtomicU64::new(0),
            retry_renewal_at: Mutex::new(None),
        }
    }

    /// A source that starts with the caller's token.
    pub fn with_user_token(token: UserToken, token_url: Url) -> Result<Self, String> {
        let source = TokenSource::new(Grant::User { app: token.app }, token_url);
        let first = Token::new(
            &token.access,
            &token.scope,
            token.expires_in,
            token.refresh,
            source.next_generation(),
        )?;
        source.store(Arc::new(first));
        Ok(source)
    }

    /// The token to send: the current one while it is fresh (or cannot be renewed, or its
    /// renewal failed moments ago and it has not expired), else a renewed one.
    pub async fn token(&self, http: &reqwest::Client) -> Result<Arc<Token>, AuthError> {
        if let Some(token) = self.peek()
            && self.usable(&token, Instant::now())
        {
            return Ok(token);
        }
        self.renew_if(
            http,
            |current| current.is_none_or(|t| !self.usable(t, Instant::now())),
            OnFailure::KeepValidToken,
        )
        .await
    }

    /// A replacement for a token Zoom rejected, unless another request has already replaced it.
    pub async fn replace(
        &self,
        http: &reqwest::Client,
        rejected: &Token,
    ) -> Result<Arc<Token>, AuthError> {
        let generation = rejected.generation;
        self.renew_if(
            http,
            |current| current.is_none_or(|t| t.generation == generation),
            OnFailure::Fail,
        )
        .await
    }

    /// Whether `token` is the one to send now, without renewing it.
    fn usable(&self, token: &Token, now: Instant) -> bool {
        token.is_fresh(now) || !self.can_renew(token) || self.renewal_put_off(token, now)
    }

    /// Whether a renewal of this still-valid token failed moments ago.
    fn renewal_put_off(&self, token: &Token, now: Instant) -> bool {
        token.is_valid(now)
            && self
                .retry_renewal_at
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .is_some_and(|at| now < at)
    }

    /// The current token, if any, without renewing it.
    pub fn peek(&self) -> Option<Arc<Token>> {
        self.current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Whether a token rejected by Zoom could be replaced by another.
    pub fn can_renew(&self, token: &Token) -> bool {
        match &self.grant {
            Grant::ServerToServer { .. } => true,
            Grant::User { app } => app.is_some() && token.refresh.is_some(),
        }
    }

    /// Renews under the one renewal lock, if `stale` still holds for the current token once
    /// the lock is ours: callers queued behind a renewal get its result instead of another one.
    async fn renew_if(
        &self,
        http: &reqwest::Client,
        stale: impl Fn(Option<&Token>) -> bool,
        on_failure: OnFailure,
    ) -> Result<Arc<Token>, AuthError> {
        let _renewing = self.renewing.lock().await;
        let current = self.peek();
        if let Some(token) = &current
            && !stale(Some(token))
        {
            return Ok(Arc::clone(token));
        }
        match self.fetch(http, current.as_deref()).await {
            Ok(token) => {
                let token = Arc::new(token);
                self.store(Arc::clone(&token));
                self.put_off_renewal(None);
                Ok(token)
            }
            Err(error) => match current {
                Some(token)
                    if on_failure == OnFailure::KeepValidToken
                        && token.is_valid(Instant::now()) =>
                {
                    // Set while the lock is held, so the callers queued behind this renewal
                    // take the current token instead of trying again at once.
                    self.put_off_renewal(Some(Instant::now() + RENEWAL_RETRY));
                    tracing::warn!(
                        %error,
                        expires_in = ?token.expires_at.map(|at| at.saturating_duration_since(Instant::now())),
                        retry_in = ?RENEWAL_RETRY,
                        "token renewal failed; the current token is used until it expires"
                    );
                    Ok(token)
                }
                _ => Err(error),
            },
        }
    }

    fn put_off_renewal(&self, until: Option<Instant>) {
        *self
            .retry_renewal_at
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = until;
    }

    fn store(&self, token: Arc<Token>) {
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = Some(token);
    }

    fn next_generation(&self) -> u64 {
        self.generation.fetch_add(1, Ordering::Relaxed) + 1
    }

    async fn fetch(
        &self,
        http: &reqwest::Client,
        current: Option<&Token>,
    ) -> Result<Token, AuthError> {
        let (request, grant_type) = match &self.grant {
            Grant::ServerToServer {
                account_id,
                client_id,
                secret,
            } => {
                let mut url = self.token_url.clone();
                url.query_pairs_mut()
                    .append_pair("grant_type", "account_credentials")
                    .append_pair("account_id", account_id);
                let request = http
                    .post(url)
                    .basic_auth(client_id, Some(secret.expose_secret()));
                (request, "account_credentials")
            }
            Grant::User { app } => {
                let refresh = current.and_then(|t| t.refresh.as_ref());
                let (Some((client_id, secret)), Some(refresh)) = (app, refresh) else {
                    return Err(AuthError::CannotRenew);
                };
                // The refresh token goes in the form body, not the URL, so it never lands in
                // an access log.
                let request = http
                    .post(self.token_url.clone())
                    .basic_auth(client_id, Some(secret.expose_secret()))
                    .form(&[
                        ("grant_type", "refresh_token"),
                        ("refresh_token", refresh.expose_secret()),
                    ]);
                (request, "refresh_token")
            }
        };
        let span = tracing::info_span!("zoom.token", grant_type, status = tracing::field::Empty);
        let recorder = span.clone();
        async {
            let response = request.send().await.map_err(AuthError::Transport)?;
            let status = response.status();
            recorder.record("status", status.as_u16());
            let body = response.bytes().await.map_err(AuthError::Transport)?;
            if !status.is_success() {
                let body = TokenErrorBody::parse(&body);
                tracing::warn!(error = ?body.error, reason = ?body.reason, "token request refused");
                return Err(AuthError::Rejected {
                    status,
                    error: body.error,
                    reason: body.reason,
                });
            }
            let response: TokenResponse =
                serde_json::from_slice(&body).map_err(|e| decode_error(status, &e))?;
            // Zoom rotates refresh tokens; when an answer carries none, the old one still holds.
            let refresh = response
                .refresh_token
                .or_else(|| current.and_then(|t| t.refresh.clone()));
            let token = Token::new(
                &response.access_token,
                &response.scope,
                response.expires_in.map(Duration::from_secs),
                refresh,
                self.next_generation(),
            )
            .map_err(|reason| AuthError::Decode { status, reason })?;
            log_issued(&token);
            Ok(token)
        }
        .instrument(span)
        .await
    }
}

fn log_issued(token: &Token) {
    tracing::info!(
        granted = %token.granted,
        generation = token.generation,
        expires_in = ?token.expires_at.map(|at| at.saturating_duration_since(Instant::now())),
        "access token issued"
    );
    if !token.unknown.is_empty() {
        tracing::warn!(
            unknown = ?token.unknown,
            "the token grants scopes this catalogue does not document; the scope check ignores them"
        );
    }
}

/// Describes an undecodable token response without quoting it: the body holds the token.
fn decode_error(status: StatusCode, error: &serde_json::Error) -> AuthError {
    use serde_json::error::Category;
    let at = format!("line {} column {}", error.line(), error.column());
    let text = error.to_string();
    let reason = match error.classify() {
        Category::Data if text.starts_with("missing field") => {
            text.split(" at line").next().unwrap_or(&text).to_owned()
        }
        Category::Data => format!("a field has an unexpected type or value ({at})"),
        Category::Syntax => format!("not JSON ({at})"),
        Category::Eof => "truncated JSON".to_owned(),
        Category::Io => "unreadable".to_owned(),
    };
    AuthError::Decode { status, reason }
}

/// Wraps the refresh token the current token carries, for callers that persist it.
pub(crate) fn current_refresh_token(source: &TokenSource) -> Option<RefreshToken> {
    source.peek().and_then(|t| t.refresh.clone())
}
