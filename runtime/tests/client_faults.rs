//! Zoom's failure modes against the mock: rate limits, server errors, slow and malformed
//! answers, and the bounds on retrying them.

mod common;

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zoom_scopes::client::{Error, RetryPolicy};
use zoom_scopes::mock::{Endpoint, Fault};
use zoom_scopes::{Operation, operation};

fn get_user() -> &'static Operation {
    operation!("Get a user", api = "User")
}

fn create_meeting() -> &'static Operation {
    operation!("Create a meeting")
}

#[tokio::test]
async fn rate_limits_wait_for_retry_after() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();
    client.token_info().await.unwrap();
    zoom.inject(
        Endpoint::CreateMeeting,
        Fault::RateLimited {
            retry_after: Some(1),
        },
    );

    let started = Instant::now();
    let meeting: Value = client
        .post(
            create_meeting(),
            "/users/me/meetings",
            &json!({ "topic": "Retry" }),
        )
        .await
        .unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was honoured"
    );
    assert_eq!(meeting["topic"], "Retry");
    assert_eq!(
        zoom.requests(Endpoint::CreateMeeting),
        2,
        "429 is retried even for POST"
    );
}

#[tokio::test]
async fn rate_limits_without_retry_after_back_off_and_give_up() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom)
        .retry(common::quick_retries().max_retries(2))
        .build()
        .unwrap();
    zoom.inject_times(
        Endpoint::GetUser,
        Fault::RateLimited { retry_after: None },
        10,
    );

    let error = client
        .get::<Value>(get_user(), "/users/me")
        .await
        .unwrap_err();
    let Error::RateLimited {
        attempts,
        limit_type,
        retry_after,
        ..
    } = &error
    else {
        panic!("expected RateLimited, got {error:?}");
    };
    assert_eq!(*attempts, 3);
    assert_eq!(limit_type.as_deref(), Some("QPS"));
    assert_eq!(*retry_after, None);
    assert_eq!(zoom.requests(Endpoint::GetUser), 3);
}

#[tokio::test]
async fn long_waits_and_daily_limits_fail_at_once() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();
    zoom.inject(
        Endpoint::GetUser,
        Fault::RateLimited {
            retry_after: Some(120),
        },
    );
    let error = client
        .get::<Value>(get_user(), "/users/me")
        .await
        .unwrap_err();
    assert!(
        matches!(error, Error::RateLimited { retry_after: Some(d), attempts: 1, .. } if d == Duration::from_secs(120)),
        "{error:?}"
    );
    assert!(error.to_string().contains("retry after 120 s"), "{error}");

    zoom.inject(Endpoint::GetUser, Fault::DailyLimit);
    let error = client
        .get::<Value>(get_user(), "/users/me")
        .await
        .unwrap_err();
    let Error::RateLimited {
        limit_type,
        retry_after,
        ..
    } = &error
    else {
        panic!("expected RateLimited, got {error:?}");
    };
    assert_eq!(limit_type.as_deref(), Some("Daily-limit"));
    assert!(retry_after.unwrap() <= Duration::from_secs(86_400));
    assert_eq!(zoom.requests(Endpoint::GetUser), 2, "neither was retried");
}

#[tokio::test]
async fn server_errors_are_retried_for_idempotent_requests() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();
    zoom.inject(Endpoint::GetUser, Fault::ServerError(503));
    zoom.inject(Endpoint::GetUser, Fault::ServerError(502));
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    assert_eq!(zoom.requests(Endpoint::GetUser), 3);

    zoom.inject_times(Endpoint::GetUser, Fault::ServerError(500), 10);
    let error = client
        .get::<Value>(get_user(), "/users/me")
        .await
        .unwrap_err();
    let Error::Api {
        status,
        attempts,
        code,
        ..
    } = &error
    else {
        panic!("expected Api, got {error:?}");
    };
    assert_eq!(status.as_u16(), 500);
    assert_eq!(*code, Some(500));
    assert_eq!(*attempts, 4, "three retries, then the error");
    assert_eq!(zoom.requests(Endpoint::GetUser), 3 + 4);
}

#[tokio::test]
async fn server_errors_are_not_retried_for_post() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();
    zoom.inject(Endpoint::CreateMeeting, Fault::ServerError(500));
    let error = client
        .post::<Value>(
            create_meeting(),
            "/users/me/meetings",
            &json!({ "topic": "Once" }),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Api { attempts: 1, .. }), "{error:?}");
    assert_eq!(zoom.requests(Endpoint::CreateMeeting), 1);
    let message = error.to_string();
    assert!(
        message.starts_with(
            "\"Create a meeting\" (Meeting API), POST /users/me/meetings: Zoom answered 500"
        ),
        "{message}"
    );
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();
    let error = client
        .get::<Value>(operation!("Get a meeting"), "/meetings/123")
        .await
        .unwrap_err();
    let Error::Api {
        status,
        code,
        message,
        ..
    } = &error
    else {
        panic!("expected Api, got {error:?}");
    };
    assert_eq!((status.as_u16(), *code), (404, Some(3001)));
    assert_eq!(message, "Meeting does not exist: 123.");
    assert_eq!(zoom.requests(Endpoint::GetMeeting), 1);
}

#[tokio::test]
async fn malformed_json_is_a_decode_error() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();
    zoom.inject(Endpoint::GetUser, Fault::MalformedJson);
    let error = client
        .get::<Value>(get_user(), "/users/me")
        .await
        .unwrap_err();
    let Error::Decode {
        request, status, ..
    } = &error
    else {
        panic!("expected Decode, got {error:?}");
    };
    assert_eq!(status.as_u16(), 200);
    assert_eq!(request.operation(), get_user());
    assert_eq!(zoom.requests(Endpoint::GetUser), 1);

    // A well-formed answer of the wrong shape is a decode error too.
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Wrong {
        no_such_field: u32,
    }
    let error = client
        .get::<Wrong>(get_user(), "/users/me")
        .await
        .unwrap_err();
    assert!(error.to_string().contains("no_such_field"), "{error}");
}

#[tokio::test]
async fn slow_answers_time_out_and_are_retried_when_idempotent() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    client.token_info().await.unwrap();

    zoom.inject(Endpoint::GetUser, Fault::Delay(Duration::from_secs(2)));
    let _: Value = client.get(get_user(), "/users/me").await.unwrap();
    assert_eq!(zoom.requests(Endpoint::GetUser), 2);

    zoom.inject(
        Endpoint::CreateMeeting,
        Fault::Delay(Duration::from_secs(2)),
    );
    let error = client
        .post::<Value>(
            create_meeting(),
            "/users/me/meetings",
            &json!({ "topic": "Slow" }),
        )
        .await
        .unwrap_err();
    let Error::Transport { source, .. } = &error else {
        panic!("expected Transport, got {error:?}");
    };
    assert!(source.is_timeout());
    assert!(error.to_string().contains("timed out"), "{error}");
    assert_eq!(
        zoom.requests(Endpoint::CreateMeeting),
        1,
        "a POST that may have happened is not repeated"
    );
}

#[tokio::test]
async fn no_content_decodes_as_unit() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let created: Value = client
        .post(
            create_meeting(),
            "/users/me/meetings",
            &json!({ "topic": "Gone soon" }),
        )
        .await
        .unwrap();
    let path = format!("/meetings/{}", created["id"]);
    client
        .delete::<()>(operation!("Delete a meeting"), &path)
        .await
        .unwrap();
    let error = client
        .delete::<()>(operation!("Delete a meeting"), &path)
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Api {
                code: Some(3001),
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_unreachable_api_is_a_transport_error() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom)
        .api_base(format!("{}/v2", common::closed_port_base()))
        .build()
        .unwrap();
    let error = client
        .get::<Value>(get_user(), "/users/me")
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Transport { source, .. } if source.is_connect()),
        "{error:?}"
    );
    assert!(error.to_string().contains("could not connect"), "{error}");
}
