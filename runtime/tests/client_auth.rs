//! Tokens against the mock over loopback HTTP: fetch, reuse, renewal, a failed renewal while
//! the token is still valid, one renewal for many concurrent requests, user tokens and the
//! refresh grant, rejected credentials.

mod common;

use std::time::Duration;

use serde_json::Value;
use zoom_scopes::client::{AuthError, Client, ClientSecret, Error, UserToken};
use zoom_scopes::mock::{Endpoint, Fault};
use zoom_scopes::{Scope, operation, scopes};

fn get_user() -> &'static zoom_scopes::Operation {
    operation!("Get a user", api = "User")
}

/// `n` requests at once, each on its own task; all must succeed.
async fn get_users_concurrently(client: &Client, n: usize) {
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.get::<Value>(get_user(), "/users/me").await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
}

#[tokio::test]
async fn fetches_a_token_once_and_reuses_it() {
    let zoom = common::mock().await;
    zoom.grant(scopes!("user:read", "meeting:write"));
    let client = common::builder(&zoom).build().unwrap();
    assert_eq!(zoom.requests(Endpoint::Token), 0, "building sends nothing");

    let info = client.token_info().await.unwrap();
    assert_eq!(info.granted, scopes!("user:read", "meeting:write"));
    assert!(info.unknown_scopes.is_empty());
    assert!(info.expires_in.unwrap() > Duration::from_secs(3500));

    for _ in 0..3 {
        let me: Value = client.get(get_user(), "/users/me").await.unwrap();
        assert_eq!(me["email"], "ada@example.com");
    }
    assert_eq!(zoom.requests(Endpoint::Token), 1);
    assert_eq!(zoom.requests(Endpoint::GetUser), 3);
}

#[tokio::test]
async fn renews_before_expiry() {
    let zoom = common::mock().await;
    zoom.token_lifetime(Duration::from_secs(1));
    let client = common::builder(&zoom).build().unwrap();

    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    assert_eq!(zoom.requests(Endpoint::Token), 1);

    // The mock rejects the token after 1 s; the client renews it 10% earlier, so Zoom never
    // sees an expired token.
    tokio::time::sleep(Duration::from_millis(950)).await;
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    assert_eq!(zoom.requests(Endpoint::Token), 2);
    assert_eq!(
        zoom.requests(Endpoint::GetUser),
        3,
        "no request was rejected"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_renewal_keeps_the_still_valid_token() {
    let zoom = common::mock().await;
    // Renewal is due 10% (300 ms) before the 3 s lifetime ends.
    zoom.token_lifetime(Duration::from_secs(3));
    let client = common::builder(&zoom).build().unwrap();
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    assert_eq!(zoom.requests(Endpoint::Token), 1);

    // Within the renewal margin the token endpoint fails: the request is made with the
    // current token, which Zoom still accepts, and so are concurrent ones, without another
    // token request each.
    tokio::time::sleep(Duration::from_millis(2_750)).await;
    zoom.inject(Endpoint::Token, Fault::ServerError(503));
    get_users_concurrently(&client, 10).await;
    assert_eq!(zoom.requests(Endpoint::Token), 2, "one failed renewal");
    assert_eq!(zoom.requests(Endpoint::GetUser), 11, "none rejected");

    // Once the token has expired, renewal is tried again (and now succeeds).
    tokio::time::sleep(Duration::from_millis(400)).await;
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    assert_eq!(zoom.requests(Endpoint::Token), 3);
    assert_eq!(zoom.requests(Endpoint::GetUser), 12);
}

#[tokio::test]
async fn a_failed_renewal_of_an_expired_token_is_an_error() {
    let zoom = common::mock().await;
    zoom.token_lifetime(Duration::from_secs(1));
    let client = common::builder(&zoom).build().unwrap();
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();

    tokio::time::sleep(Duration::from_millis(1_100)).await;
    zoom.inject(Endpoint::Token, Fault::ServerError(503));
    let error = client
        .get::<Value>(get_user(), "/users/me")
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Auth {
                source: AuthError::Rejected { .. },
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        zoom.requests(Endpoint::GetUser),
        1,
        "no request with an expired token"
    );
    // The next request renews.
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    assert_eq!(zoom.requests(Endpoint::Token), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_requests_share_one_token_request() {
    let zoom = common::mock().await;
    // A slow token endpoint keeps every request waiting on the same renewal.
    zoom.inject(Endpoint::Token, Fault::Delay(Duration::from_millis(200)));
    let client = common::builder(&zoom).build().unwrap();

    get_users_concurrently(&client, 50).await;
    assert_eq!(zoom.requests(Endpoint::Token), 1);
    assert_eq!(zoom.requests(Endpoint::GetUser), 50);
}

#[tokio::test]
async fn a_rejected_token_is_renewed_once_and_the_request_retried() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();

    zoom.expire_tokens();
    let me: Value = client.get(get_user(), "/users/me").await.unwrap();
    assert_eq!(me["id"], "mock-user-id");
    assert_eq!(zoom.requests(Endpoint::Token), 2);
    assert_eq!(
        zoom.requests(Endpoint::GetUser),
        3,
        "one rejected, one retried"
    );
}

#[tokio::test]
async fn a_token_rejected_twice_is_an_error() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();
    zoom.inject_times(Endpoint::GetUser, Fault::InvalidToken, 2);

    let error = client
        .get::<Value>(get_user(), "/users/me")
        .await
        .unwrap_err();
    let Error::InvalidToken { request, code, .. } = &error else {
        panic!("expected InvalidToken, got {error:?}");
    };
    assert_eq!(*code, Some(124));
    assert_eq!(request.path(), "/users/me");
    assert_eq!(zoom.requests(Endpoint::Token), 2, "renewed once, not more");
    assert_eq!(zoom.requests(Endpoint::GetUser), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_rejections_renew_once() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    zoom.expire_tokens();

    get_users_concurrently(&client, 20).await;
    assert_eq!(zoom.requests(Endpoint::Token), 2);
}

#[tokio::test]
async fn user_tokens_are_refreshed_with_the_refresh_grant() {
    let zoom = common::mock().await;
    let issued = zoom.issue_user_token(scopes!("user:read"));
    let first_refresh = issued.refresh_token.clone().unwrap();
    let token =
        UserToken::from_response(issued).refresh_with(zoom.client_id(), zoom.client_secret());
    let client = Client::builder()
        .user_token(token)
        .api_base(zoom.api_base())
        .oauth_base(zoom.oauth_base())
        .retry(common::quick_retries())
        .build()
        .unwrap();

    assert_eq!(
        client.token_info().await.unwrap().granted,
        Scope::USER_READ.into()
    );
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    assert_eq!(
        zoom.requests(Endpoint::Token),
        0,
        "the caller's token is used as it is"
    );

    zoom.expire_tokens();
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    assert_eq!(zoom.requests(Endpoint::Token), 1);
    let rotated = client.refresh_token().unwrap();
    assert_ne!(
        rotated, first_refresh,
        "Zoom rotates refresh tokens; the client keeps the new one"
    );
}

#[tokio::test]
async fn a_user_token_without_refresh_fails_on_124() {
    let zoom = common::mock().await;
    let issued = zoom.issue_user_token(scopes!("user:read"));
    let token = UserToken::new(issued.access_token, issued.scope);
    let client = Client::builder()
        .user_token(token)
        .api_base(zoom.api_base())
        .oauth_base(zoom.oauth_base())
        .build()
        .unwrap();
    zoom.expire_tokens();

    let error = client
        .get::<Value>(get_user(), "/users/me")
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidToken { .. }), "{error:?}");
    assert_eq!(zoom.requests(Endpoint::Token), 0);
    assert_eq!(client.refresh_token(), None);
}

#[tokio::test]
async fn wrong_credentials_are_reported_without_api_requests() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom)
        .server_to_server(
            zoom.account_id(),
            zoom.client_id(),
            ClientSecret::new("wrong"),
        )
        .build()
        .unwrap();
    let error = client
        .get::<Value>(get_user(), "/users/me")
        .await
        .unwrap_err();
    let Error::Auth {
        request: Some(request),
        source:
            AuthError::Rejected {
                status,
                error: code,
                ..
            },
    } = &error
    else {
        panic!("expected a rejected token request, got {error:?}");
    };
    assert_eq!(status.as_u16(), 401);
    assert_eq!(code.as_deref(), Some("invalid_client"));
    assert_eq!(request.operation(), get_user());
    assert!(
        error
            .to_string()
            .contains("Invalid client_id or client_secret"),
        "{error}"
    );
    assert_eq!(zoom.api_requests(), 0);

    let wrong_account = common::builder(&zoom)
        .server_to_server("other-account", zoom.client_id(), zoom.client_secret())
        .build()
        .unwrap();
    let error = wrong_account.token_info().await.unwrap_err();
    assert!(error.to_string().contains("Invalid account_id"), "{error}");
}

#[tokio::test]
async fn an_undecodable_token_answer_is_an_auth_error() {
    let zoom = common::mock().await;
    zoom.inject(Endpoint::Token, Fault::MalformedJson);
    let client = common::builder(&zoom).build().unwrap();
    let error = client.token_info().await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Auth {
                source: AuthError::Decode { .. },
                ..
            }
        ),
        "{error:?}"
    );
    // The next call tries again and succeeds.
    assert!(client.token_info().await.is_ok());
}

#[tokio::test]
async fn an_unreachable_token_endpoint_is_a_transport_error() {
    let oauth_base = common::closed_port_base();
    let client = Client::builder()
        .server_to_server("a", "b", ClientSecret::new("c"))
        .oauth_base(oauth_base)
        .build()
        .unwrap();
    let error = client.token_info().await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Auth {
                source: AuthError::Transport(_),
                request: None
            }
        ),
        "{error:?}"
    );
}
