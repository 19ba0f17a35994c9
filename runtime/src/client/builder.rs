//! [`ClientBuilder`]: credentials, endpoints, timeouts and retries.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use super::auth::{Grant, TokenSource};
use super::secret::ClientSecret;
use super::token::UserToken;
use super::typed::TypedClient;
use super::{Client, Error, Inner, RetryPolicy};
use crate::App;

/// Zoom's REST API base.
pub const DEFAULT_API_BASE: &str = "https://api.zoom.us/v2";
/// Zoom's OAuth base (the token endpoint is `{base}/oauth/token`).
pub const DEFAULT_OAUTH_BASE: &str = "https://zoom.us";

/// Configures a [`Client`]. Credentials are required; everything else has a default.
///
/// ```
/// use std::time::Duration;
/// use zoom_scopes::client::{Client, ClientSecret, RetryPolicy};
///
/// let client = Client::builder()
///     .server_to_server("account-id", "client-id", ClientSecret::new("client-secret"))
///     .timeout(Duration::from_secs(20))
///     .user_agent("my-app/1.0")
///     .retry(RetryPolicy::default().max_retries(5))
///     .build()?;
/// assert!(!format!("{client:?}").contains("client-secret"));
/// # Ok::<(), zoom_scopes::client::Error>(())
/// ```
#[derive(Debug)]
pub struct ClientBuilder {
    credentials: Option<Credentials>,
    api_base: String,
    oauth_base: String,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent: String,
    retry: RetryPolicy,
    check_scopes: bool,
}

#[derive(Debug)]
enum Credentials {
    ServerToServer {
        account_id: String,
        client_id: String,
        secret: ClientSecret,
    },
    User(UserToken),
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            credentials: None,
            api_base: DEFAULT_API_BASE.to_owned(),
            oauth_base: DEFAULT_OAUTH_BASE.to_owned(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            user_agent: concat!(
                "zoom-scopes/",
                env!("CARGO_PKG_VERSION"),
                " (+https://github.com/zoom-scopes/zoom-scopes)"
            )
            .to_owned(),
            retry: RetryPolicy::default(),
            check_scopes: true,
        }
    }
}

impl ClientBuilder {
    /// A builder with Zoom's endpoints, a 30 s timeout and the default retry policy.
    pub fn new() -> Self {
        ClientBuilder::default()
    }

    /// Server-to-Server OAuth: the client fetches account tokens itself, caches them and
    /// renews them before they expire.
    #[must_use]
    pub fn server_to_server(
        mut self,
        account_id: impl Into<String>,
        client_id: impl Into<String>,
        secret: ClientSecret,
    ) -> Self {
        self.credentials = Some(Credentials::ServerToServer {
            account_id: account_id.into(),
            client_id: client_id.into(),
            secret,
        });
        self
    }

    /// A user-level OAuth token the caller obtained; renewed with its refresh token when it
    /// has one and the app's credentials.
    #[must_use]
    pub fn user_token(mut self, token: UserToken) -> Self {
        self.credentials = Some(Credentials::User(token));
        self
    }

    /// The REST API base, default `https://api.zoom.us/v2`. Request paths are appended to it.
    #[must_use]
    pub fn api_base(mut self, base: impl Into<String>) -> Self {
        self.api_base = base.into();
        self
    }

    /// The OAuth base, default `https://zoom.us`; tokens come from `{base}/oauth/token`.
    #[must_use]
    pub fn oauth_base(mut self, base: impl Into<String>) -> Self {
        self.oauth_base = base.into();
        self
    }

    /// The time limit of each HTTP request, from connecting to the end of the body
    /// (default 30 s). Retries get a fresh limit each.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The time limit for opening a connection (default 10 s).
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The `User-Agent` header (default `zoom-scopes/VERSION (+repository)`).
    #[must_use]
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// How to retry rate-limited and failed requests.
    #[must_use]
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Whether to refuse, before sending, operations the token's scopes do not grant (default
    /// on). Turn it off only for tokens whose grant is expressed in scopes this catalogue does
    /// not document (Zoom's granular scopes): the check cannot see them, and Zoom still
    /// answers 4711 for what they lack.
    #[must_use]
    pub fn check_scopes(mut self, check: bool) -> Self {
        self.check_scopes = check;
        self
    }

    /// Builds the client. Nothing is sent: a Server-to-Server token is fetched by the first
    /// request (or [`Client::token_info`]).
    pub fn build(self) -> Result<Client, Error> {
        let api_base = base_url("api_base", &self.api_base)?;
        let oauth_base = base_url("oauth_base", &self.oauth_base)?;
        let token_url = Url::parse(&format!("{oauth_base}/oauth/token"))
            .map_err(|e| Error::config(format!("oauth_base {oauth_base:?}: {e}")))?;
        if self.user_agent.is_empty()
            || reqwest::header::HeaderValue::try_from(&self.user_agent).is_err()
        {
            return Err(Error::config(format!(
                "user_agent {:?} is not a valid header value",
                self.user_agent
            )));
        }
        let tokens = match self.credentials {
            None => {
                return Err(Error::config(
                    "no credentials: call server_to_server(..) or user_token(..)",
                ));
            }
            Some(Credentials::ServerToServer {
                account_id,
                client_id,
                secret,
            }) => {
                for (name, value) in [("account_id", &account_id), ("client_id", &client_id)] {
                    if value.trim().is_empty() {
                        return Err(Error::config(format!("{name} is empty")));
                    }
                }
                if secret.is_empty() {
                    return Err(Error::config("the client secret is empty"));
                }
                let grant = Grant::ServerToServer {
                    account_id,
                    client_id,
                    secret,
                };
                TokenSource::new(grant, token_url)
            }
            Some(Credentials::User(token)) => {
                if token.access.is_empty() {
                    return Err(Error::config("the access token is empty"));
                }
                TokenSource::with_user_token(token, token_url).map_err(Error::config)?
            }
        };
        let http = reqwest::Client::builder()
            .user_agent(self.user_agent)
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            // Zoom's API does not redirect; following one would send the token elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::config(format!("the HTTP client could not be set up: {e}")))?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                api_base,
                tokens,
                retry: self.retry,
                check_scopes: self.check_scopes,
            }),
        })
    }

    /// Builds a [`TypedClient`] for the app `A`: fetches a token now and fails with
    /// [`Error::AppNotGranted`] unless it grants every scope `A` declares.
    pub async fn build_for<A: App>(self) -> Result<TypedClient<A>, Error> {
        TypedClient::new(self.build()?).await
    }
}

/// A base URL, checked and without its trailing slash.
fn base_url(name: &str, value: &str) -> Result<String, Error> {
    let url = Url::parse(value).map_err(|e| Error::config(format!("{name} {value:?}: {e}")))?;
    if !matches!(url.scheme(), "https" | "http") {
        return Err(Error::config(format!(
            "{name} {value:?}: the scheme must be https (or http for a local server)"
        )));
    }
    if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
        return Err(Error::config(format!(
            "{name} {value:?}: a base URL has no user, query or fragment"
        )));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s2s() -> ClientBuilder {
        ClientBuilder::new().server_to_server("acct", "id", ClientSecret::new("sec"))
    }

    fn config_error(builder: ClientBuilder) -> String {
        match builder.build() {
            Err(error @ Error::Config { .. }) => error.to_string(),
            other => panic!("expected a configuration error, got {other:?}"),
        }
    }

    #[test]
    fn bases_are_normalised() {
        assert_eq!(
            base_url("b", "https://api.zoom.us/v2/").unwrap(),
            "https://api.zoom.us/v2"
        );
        assert_eq!(
            base_url("b", "http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
    }

    #[test]
    fn bad_configuration_is_explained() {
        assert!(config_error(ClientBuilder::new()).contains("no credentials"));
        assert!(config_error(s2s().api_base("ftp://x")).contains("scheme"));
        assert!(config_error(s2s().api_base("not a url")).contains("api_base"));
        assert!(config_error(s2s().oauth_base("https://zoom.us/?a=b")).contains("query"));
        assert!(config_error(s2s().user_agent("bad\nagent")).contains("user_agent"));
        let empty = ClientBuilder::new().server_to_server("a", "b", ClientSecret::new(""));
        assert!(config_error(empty).contains("client secret is empty"));
        let blank = ClientBuilder::new().server_to_server(" ", "b", ClientSecret::new("x"));
        assert!(config_error(blank).contains("account_id"));
    }

    #[test]
    fn builds_without_network() {
        assert!(s2s().build().is_ok());
    }
}
