//! Tokens: Zoom's token response, a user token supplied by the caller, and the token the client
//! holds, with its granted scopes and renewal time.

use std::fmt;
use std::time::{Duration, Instant};

use reqwest::header::HeaderValue;
use serde::Deserialize;

use super::secret::{AccessToken, ClientSecret, RefreshToken};
use crate::ScopeSet;

/// The body of a successful answer from Zoom's token endpoint
/// (`POST https://zoom.us/oauth/token`), for any grant.
///
/// Deserialize one from your own authorization-code exchange and hand it to
/// [`UserToken::from_response`]. Its `Debug` shows the scopes, never the tokens.
#[derive(Clone, Deserialize)]
#[non_exhaustive]
pub struct TokenResponse {
    /// The access token.
    pub access_token: AccessToken,
    /// `bearer`.
    #[serde(default)]
    pub token_type: Option<String>,
    /// Seconds until the access token expires (3600 at Zoom).
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// The granted scopes, space-separated.
    #[serde(default)]
    pub scope: String,
    /// A refresh token (user-level OAuth only).
    #[serde(default)]
    pub refresh_token: Option<RefreshToken>,
}

impl fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenResponse")
            .field("access_token", &self.access_token)
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field("scope", &self.scope)
            .field("refresh_token", &self.refresh_token)
            .finish()
    }
}

/// A user-level OAuth access token the caller obtained (authorization-code flow), with what is
/// needed to renew it, if anything.
///
/// ```
/// use std::time::Duration;
/// use zoom_scopes::client::{AccessToken, ClientSecret, RefreshToken, UserToken};
/// let token = UserToken::new(AccessToken::new("eyJ..."), "meeting:write user:read")
///     .expires_in(Duration::from_secs(3599))
///     .refresh(RefreshToken::new("eyJ..."), "client-id", ClientSecret::new("secret"));
/// assert!(!format!("{token:?}").contains("eyJ"));
/// ```
#[derive(Clone, Debug)]
pub struct UserToken {
    pub(crate) access: AccessToken,
    pub(crate) scope: String,
    pub(crate) expires_in: Option<Duration>,
    pub(crate) refresh: Option<RefreshToken>,
    pub(crate) app: Option<(String, ClientSecret)>,
}

impl UserToken {
    /// An access token and the `scope` field of the token response that issued it.
    pub fn new(access: AccessToken, scope: impl Into<String>) -> Self {
        UserToken {
            access,
            scope: scope.into(),
            expires_in: None,
            refresh: None,
            app: None,
        }
    }

    /// The access token, scopes, lifetime and refresh token of a token response. Add the
    /// app's credentials with [`UserToken::refresh_with`] to let the client renew it.
    pub fn from_response(response: TokenResponse) -> Self {
        UserToken {
            access: response.access_token,
            scope: response.scope,
            expires_in: response.expires_in.map(Duration::from_secs),
            refresh: response.refresh_token,
            app: None,
        }
    }

    /// How long the access token had left when it was issued; the client renews it (when it
    /// can) shortly before then.
    #[must_use]
    pub fn expires_in(mut self, lifetime: Duration) -> Self {
        self.expires_in = Some(lifetime);
        self
    }

    /// A refresh token and the app's credentials, so the client can renew the access token
    /// with the `refresh_token` grant.
    #[must_use]
    pub fn refresh(
        self,
        refresh: RefreshToken,
        client_id: impl Into<String>,
        secret: ClientSecret,
    ) -> Self {
        UserToken {
            refresh: Some(refresh),
            ..self.refresh_with(client_id, secret)
        }
    }

    /// The app's credentials, to renew with the refresh token already in the token.
    #[must_use]
    pub fn refresh_with(mut self, client_id: impl Into<String>, secret: ClientSecret) -> Self {
        self.app = Some((client_id.into(), secret));
        self
    }
}

/// What the client knows about its current access token; no secret in it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TokenInfo {
    /// The documented scopes the token grants, classic or granular.
    pub granted: ScopeSet,
    /// Granted scope names this catalogue does not document (scopes newer than it); kept so
    /// nothing Zoom said is lost, but not used by the scope check.
    pub unknown_scopes: Vec<String>,
    /// Time left before the token expires, when Zoom said how long it lives.
    pub expires_in: Option<Duration>,
}

/// The access token the client holds.
pub(crate) struct Token {
    /// `Bearer ...`, built once and marked sensitive so HTTP layers never log it.
    pub bearer: HeaderValue,
    pub refresh: Option<RefreshToken>,
    pub granted: ScopeSet,
    pub unknown: Vec<String>,
    pub expires_at: Option<Instant>,
    /// When to renew: a margin before expiry (10% of the lifetime, at most 60 s).
    pub renew_at: Option<Instant>,
    /// Counts tokens issued to this client, so a caller that saw a token rejected can tell
    /// whether someone already replaced it.
    pub generation: u64,
}

impl Token {
    pub fn new(
        access: &AccessToken,
        scope: &str,
        expires_in: Option<Duration>,
        refresh: Option<RefreshToken>,
        generation: u64,
    ) -> Result<Token, String> {
        let mut bearer = HeaderValue::try_from(format!("Bearer {}", access.expose_secret()))
            .map_err(|_| "the access token holds characters not allowed in a header".to_owned())?;
        bearer.set_sensitive(true);
        let (granted, unknown) = ScopeSet::parse_lenient(scope);
        let now = Instant::now();
        let expires_at = expires_in.and_then(|d| now.checked_add(d));
        let renew_at = expires_in.and_then(|d| now.checked_add(d.saturating_sub(renew_margin(d))));
        Ok(Token {
            bearer,
            refresh,
            granted,
            unknown,
            expires_at,
            renew_at,
            generation,
        })
    }

    /// Whether the token is still good to send (not within its renewal margin).
    pub fn is_fresh(&self, now: Instant) -> bool {
        self.renew_at.is_none_or(|at| now < at)
    }

    /// Whether the token has not expired yet (it may be within its renewal margin).
    pub fn is_valid(&self, now: Instant) -> bool {
        self.expires_at.is_none_or(|at| now < at)
    }

    pub fn info(&self) -> TokenInfo {
        TokenInfo {
            granted: self.granted,
            unknown_scopes: self.unknown.clone(),
            expires_in: self
                .expires_at
                .map(|at| at.saturating_duration_since(Instant::now())),
        }
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("granted", &self.granted)
            .field("unknown", &self.unknown)
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

/// How long before expiry a token is renewed: 10% of its lifetime, at most a minute.
fn renew_margin(lifetime: Duration) -> Duration {
    (lifetime / 10).min(Duration::from_secs(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renewal_margin() {
        assert_eq!(
            renew_margin(Duration::from_secs(3600)),
            Duration::from_secs(60)
        );
        assert_eq!(
            renew_margin(Duration::from_secs(10)),
            Duration::from_secs(1)
        );
        let token = Token::new(
            &AccessToken::new("abc"),
            "user:read granular:read:thing",
            Some(Duration::from_secs(10)),
            None,
            1,
        )
        .unwrap();
        let now = Instant::now();
        assert!(token.is_fresh(now));
        assert!(!token.is_fresh(now + Duration::from_secs(9)));
        assert!(token.is_valid(now + Duration::from_secs(9)));
        assert!(!token.is_valid(now + Duration::from_secs(11)));
        assert_eq!(token.info().unknown_scopes, ["granular:read:thing"]);
        assert!(token.bearer.is_sensitive());
        assert!(!format!("{token:?}").contains("abc"));
    }

    #[test]
    fn token_response_debug_hides_tokens() {
        let response: TokenResponse = serde_json::from_str(
            r#"{"access_token":"at-123","token_type":"bearer","refresh_token":"rt-456","expires_in":3599,"scope":"user:read"}"#,
        )
        .unwrap();
        let debug = format!("{response:?}");
        assert!(
            !debug.contains("at-123") && !debug.contains("rt-456"),
            "{debug}"
        );
        let user = UserToken::from_response(response);
        assert_eq!(user.expires_in, Some(Duration::from_secs(3599)));
        assert!(user.refresh.is_some());
    }

    #[test]
    fn header_unsafe_tokens_are_refused() {
        let err = Token::new(&AccessToken::new("a\nb"), "", None, None, 1).unwrap_err();
        assert!(!err.contains("a\nb"));
    }
}
