//! Secrets never show: not in `Debug` or `Display` of the client, its builder, tokens or any
//! error, nor in anything written to `tracing` while requests run, fail, retry and renew.

mod common;

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};
use zoom_scopes::client::{
    AccessToken, Client, ClientSecret, Error, RefreshToken, RetryPolicy, TokenResponse, UserToken,
};
use zoom_scopes::mock::{Endpoint, Fault, MockZoom};
use zoom_scopes::{App, ScopeSet, operation, scopes};

/// A subscriber that writes every span, field and event, at every level, into a buffer.
#[derive(Clone, Default)]
struct Capture {
    out: Arc<Mutex<String>>,
    ids: Arc<AtomicU64>,
}

struct Writer<'a>(&'a mut String);

impl Visit for Writer<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
}

impl Capture {
    fn text(&self) -> String {
        self.out.lock().unwrap().clone()
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }

    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut out = self.out.lock().unwrap();
        let _ = write!(out, "\nspan {}", span.metadata().name());
        span.record(&mut Writer(&mut out));
        Id::from_u64(self.ids.fetch_add(1, Ordering::Relaxed) + 1)
    }

    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut out = self.out.lock().unwrap();
        out.push_str("\nrecord");
        values.record(&mut Writer(&mut out));
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut out = self.out.lock().unwrap();
        let _ = write!(
            out,
            "\n{} {}",
            event.metadata().level(),
            event.metadata().target()
        );
        event.record(&mut Writer(&mut out));
    }

    fn enter(&self, _: &Id) {}

    fn exit(&self, _: &Id) {}
}

/// Every form a secret could take in output: the token or secret itself, and HTTP Basic's
/// encoding of the client credentials.
fn secrets(zoom: &MockZoom) -> Vec<String> {
    let mut secrets = zoom.issued_tokens();
    assert!(!secrets.is_empty());
    let secret = zoom.client_secret().expose_secret().to_owned();
    secrets.push(basic(&format!("{}:{secret}", zoom.client_id())));
    secrets.push(secret);
    secrets
}

fn basic(text: &str) -> String {
    // Standard base64, enough to recognise an Authorization: Basic value.
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in text.as_bytes().chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

fn assert_no_secret(what: &str, text: &str, secrets: &[String]) {
    for secret in secrets {
        assert!(
            !text.contains(secret.as_str()),
            "{what} shows a secret:\n{text}"
        );
    }
}

/// The error and everything it was caused by, in every format.
fn formatted(error: &Error) -> String {
    let mut text = format!("{error}\n{error:?}\n{error:#?}");
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let _ = write!(text, "\n{cause}\n{cause:?}");
        source = cause.source();
    }
    text
}

struct NeedsMore;
impl App for NeedsMore {
    const SCOPES: ScopeSet = scopes!("user:read", "meeting:read", "recording:read");
}

#[tokio::test]
async fn no_secret_in_errors_or_tracing() {
    let capture = Capture::default();
    let _guard = tracing::subscriber::set_default(capture.clone());

    let zoom = common::mock().await;
    zoom.grant(scopes!("user:read", "meeting:write"));
    let quick = common::quick_retries().max_retries(1);
    let client = common::builder(&zoom)
        .retry(quick.clone())
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let get_user = operation!("Get a user", api = "User");
    let create = operation!("Create a meeting");
    let mut errors: Vec<Error> = Vec::new();

    // Successes, a renewal after 124, and a retry after a server error, all traced.
    let _: Value = client.get(get_user, "/users/me").await.unwrap();
    zoom.expire_tokens();
    let _: Value = client.get(get_user, "/users/me").await.unwrap();
    zoom.inject(Endpoint::GetUser, Fault::ServerError(503));
    let _: Value = client.get(get_user, "/users/me").await.unwrap();

    // One error of each kind.
    errors.push(
        client
            .get::<Value>(
                operation!("List meetings", api = "Meeting"),
                "/users/me/meetings",
            )
            .await
            .unwrap_err(),
    );
    errors.push(
        common::builder(&zoom)
            .build_for::<NeedsMore>()
            .await
            .unwrap_err(),
    );
    let unchecked = common::builder(&zoom).check_scopes(false).build().unwrap();
    errors.push(
        unchecked
            .get::<Value>(operation!("Get a meeting"), "/meetings/1")
            .await
            .unwrap_err(),
    );
    zoom.inject_times(Endpoint::GetUser, Fault::InvalidToken, 2);
    errors.push(
        client
            .get::<Value>(get_user, "/users/me")
            .await
            .unwrap_err(),
    );
    zoom.inject_times(
        Endpoint::GetUser,
        Fault::RateLimited { retry_after: None },
        2,
    );
    errors.push(
        client
            .get::<Value>(get_user, "/users/me")
            .await
            .unwrap_err(),
    );
    zoom.inject(Endpoint::CreateMeeting, Fault::ServerError(500));
    errors.push(
        client
            .post::<Value>(create, "/users/me/meetings", &json!({"topic": "x"}))
            .await
            .unwrap_err(),
    );
    zoom.inject(Endpoint::GetUser, Fault::MalformedJson);
    errors.push(
        client
            .get::<Value>(get_user, "/users/me")
            .await
            .unwrap_err(),
    );
    zoom.inject(
        Endpoint::CreateMeeting,
        Fault::Delay(Duration::from_secs(2)),
    );
    errors.push(
        client
            .post::<Value>(create, "/users/me/meetings", &json!({"topic": "x"}))
            .await
            .unwrap_err(),
    );
    errors.push(client.get::<Value>(get_user, "users/me").await.unwrap_err());
    errors.push(Client::builder().build().unwrap_err());

    // Token endpoint failures: refused, undecodable, unreachable, and a token that cannot renew.
    let wrong = common::builder(&zoom)
        .server_to_server(
            zoom.account_id(),
            zoom.client_id(),
            ClientSecret::new("not-the-secret"),
        )
        .build()
        .unwrap();
    errors.push(wrong.get::<Value>(get_user, "/users/me").await.unwrap_err());
    zoom.inject(Endpoint::Token, Fault::MalformedJson);
    errors.push(
        common::builder(&zoom)
            .build()
            .unwrap()
            .token_info()
            .await
            .unwrap_err(),
    );
    let unreachable = common::builder(&zoom)
        .oauth_base(common::closed_port_base())
        .build()
        .unwrap();
    errors.push(unreachable.token_info().await.unwrap_err());
    let user = zoom.issue_user_token(scopes!("user:read"));
    let user_refresh = user.refresh_token.clone().unwrap();
    let stuck = Client::builder()
        .user_token(UserToken::new(
            user.access_token.clone(),
            user.scope.clone(),
        ))
        .api_base(zoom.api_base())
        .oauth_base(zoom.oauth_base())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    zoom.expire_tokens();
    errors.push(stuck.get::<Value>(get_user, "/users/me").await.unwrap_err());
    // A refresh token the token endpoint refuses.
    let refused = Client::builder()
        .user_token(
            UserToken::new(user.access_token.clone(), user.scope.clone()).refresh(
                RefreshToken::new("refresh-never-issued"),
                zoom.client_id(),
                zoom.client_secret(),
            ),
        )
        .api_base(zoom.api_base())
        .oauth_base(zoom.oauth_base())
        .build()
        .unwrap();
    errors.push(
        refused
            .get::<Value>(get_user, "/users/me")
            .await
            .unwrap_err(),
    );

    let kinds: Vec<String> = errors
        .iter()
        .map(|e| {
            format!("{e:?}")
                .split([' ', '{', '('])
                .next()
                .unwrap()
                .to_owned()
        })
        .collect();
    for kind in [
        "MissingScopes",
        "AppNotGranted",
        "ZoomMissingScopes",
        "InvalidToken",
        "RateLimited",
        "Api",
        "Decode",
        "Transport",
        "InvalidRequest",
        "Config",
        "Auth",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "no {kind} among {kinds:?}");
    }

    let mut secrets = secrets(&zoom);
    secrets.push(user_refresh.expose_secret().to_owned());
    secrets.push("refresh-never-issued".to_owned());
    for error in &errors {
        assert_no_secret("an error", &formatted(error), &secrets);
        // Errors of requests name them; building a client and `token_info` are not requests.
        if !matches!(
            error,
            Error::AppNotGranted { .. } | Error::Config { .. } | Error::Auth { request: None, .. }
        ) {
            assert!(error.request().is_some(), "{error:?} names its request");
        }
    }

    // The values that hold secrets format without them.
    let builder = common::builder(&zoom);
    let typed = common::builder(&zoom).build_for::<Minimal>().await.unwrap();
    let response: TokenResponse = serde_json::from_value(json!({
        "access_token": secrets[0], "refresh_token": secrets[1], "scope": "user:read", "expires_in": 3600
    }))
    .unwrap();
    let values = [
        format!("{client:?} {client:#?}"),
        format!("{builder:?}"),
        format!("{typed:?}"),
        format!("{zoom:?}"),
        format!("{response:?}"),
        format!(
            "{:?}",
            UserToken::from_response(response.clone()).refresh_with("id", zoom.client_secret())
        ),
        format!("{:?} {}", zoom.client_secret(), zoom.client_secret()),
        format!(
            "{:?} {}",
            AccessToken::new(&secrets[0]),
            AccessToken::new(&secrets[0])
        ),
        format!("{:?}", client.token_info().await.unwrap()),
        format!("{:?}", client.refresh_token()),
    ];
    for value in &values {
        assert_no_secret("a value", value, &secrets);
    }

    let traced = capture.text();
    assert_no_secret("tracing output", &traced, &secrets);
    // The capture saw the requests, so its silence about secrets means something.
    for expected in [
        "span zoom.request",
        "operation=\"Get a user\"",
        "span zoom.token",
        "status=503",
        "retrying",
        "renewing",
    ] {
        assert!(
            traced.contains(expected),
            "tracing output lacks {expected:?}:\n{traced}"
        );
    }
}

struct Minimal;
impl App for Minimal {
    const SCOPES: ScopeSet = scopes!("user:read");
}
