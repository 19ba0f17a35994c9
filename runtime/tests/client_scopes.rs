//! Scope checks against the mock with classic tokens: refused before sending, Zoom's own 4711,
//! typed clients, and scope names the catalogue does not know. Granular tokens:
//! `client_granular.rs`.

mod common;

use serde_json::{Value, json};
use zoom_scopes::client::{Error, Method};
use zoom_scopes::mock::{Endpoint, Fault};
use zoom_scopes::{App, Model, Scope, ScopeSet, operation, scopes};

#[tokio::test]
async fn an_ungranted_operation_is_refused_without_a_request() {
    let zoom = common::mock().await;
    zoom.grant(scopes!("user:read", "meeting:write"));
    let client = common::builder(&zoom).build().unwrap();

    let list = operation!("List meetings", api = "Meeting");
    let error = client
        .get::<Value>(list, "/users/me/meetings")
        .await
        .unwrap_err();
    let Error::MissingScopes {
        request,
        granted,
        would_grant,
        model,
    } = &error
    else {
        panic!("expected MissingScopes, got {error:?}");
    };
    assert_eq!(request.operation(), list);
    assert_eq!(*request.method(), Method::GET);
    assert_eq!(request.path(), "/users/me/meetings");
    assert_eq!(**granted, scopes!("user:read", "meeting:write"));
    // A classic token: the classic scopes that grant it.
    assert_eq!(*model, Model::Classic);
    assert_eq!(
        would_grant.ranked(),
        list.granted_by_in(Model::Classic).to_vec()
    );
    assert!(would_grant.contains(Scope::MEETING_READ));
    assert!(error.is_scope_error());
    assert_eq!(error.operation(), Some(list));

    let message = error.to_string();
    assert!(
        message.starts_with("\"List meetings\" (Meeting API), GET /users/me/meetings"),
        "{message}"
    );
    assert!(message.contains("needs one of meeting:read, "), "{message}");
    assert!(
        message.contains("(classic scopes, least privileged first)"),
        "{message}"
    );

    assert_eq!(zoom.requests(Endpoint::ListMeetings), 0);
    assert_eq!(zoom.api_requests(), 0, "nothing reached the API");
    assert_eq!(zoom.unmatched_requests(), 0);
}

#[tokio::test]
async fn granted_operations_go_through() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();

    let created: Value = client
        .send(
            operation!("Create a meeting"),
            Method::POST,
            "/users/me/meetings",
            Some(&json!({ "topic": "Standup" })),
        )
        .await
        .unwrap();
    assert_eq!(created["topic"], "Standup");
    let id = created["id"].as_u64().unwrap();

    let listed: Value = client
        .request(
            operation!("List meetings", api = "Meeting"),
            Method::GET,
            "/users/me/meetings",
        )
        .query("page_size", 30)
        .send()
        .await
        .unwrap();
    assert_eq!(listed["total_records"], 1);

    let got: Value = client
        .get(operation!("Get a meeting"), &format!("/meetings/{id}"))
        .await
        .unwrap();
    assert_eq!(got["id"], id);
}

#[tokio::test]
async fn zoom_4711_is_parsed_into_scopes() {
    let zoom = common::mock().await;
    zoom.grant(scopes!("meeting:write"));
    // With the local check off, the request reaches the mock, which answers as Zoom does.
    let client = common::builder(&zoom).check_scopes(false).build().unwrap();
    let error = client
        .get::<Value>(operation!("Get a user", api = "User"), "/users/me")
        .await
        .unwrap_err();
    let Error::ZoomMissingScopes {
        request,
        missing,
        unknown,
        message,
    } = &error
    else {
        panic!("expected ZoomMissingScopes, got {error:?}");
    };
    assert_eq!(
        **missing,
        ScopeSet::from_scopes(operation!("Get a user", api = "User").granted_by_in(Model::Classic))
    );
    assert!(unknown.is_empty());
    assert!(message.contains("does not contain scopes:["), "{message}");
    assert_eq!(request.path(), "/users/me");
    assert_eq!(zoom.requests(Endpoint::GetUser), 1, "4711 is not retried");

    // Granular names are known; names newer than the catalogue are kept apart, not dropped.
    zoom.inject(
        Endpoint::GetUser,
        Fault::Error {
            status: 400,
            code: 4711,
            message: "Invalid access token, does not contain scopes:[user:read, user:read:user, user:read:someday]."
                .into(),
        },
    );
    zoom.grant(scopes!("user:read"));
    let client = common::builder(&zoom).build().unwrap();
    let error = client
        .get::<Value>(operation!("Get a user", api = "User"), "/users/me")
        .await
        .unwrap_err();
    let Error::ZoomMissingScopes {
        missing, unknown, ..
    } = &error
    else {
        panic!("expected ZoomMissingScopes, got {error:?}");
    };
    assert_eq!(
        **missing,
        ScopeSet::from([Scope::USER_READ, Scope::USER_READ_USER])
    );
    assert_eq!(unknown, &["user:read:someday"]);
    assert!(
        error
            .to_string()
            .contains("user:read:someday not in the catalogue"),
        "{error}"
    );
}

#[tokio::test]
async fn unknown_granted_scopes_are_kept_and_ignored_by_the_check() {
    let zoom = common::mock().await;
    zoom.grant_raw("user:read meeting:write:someday");
    let client = common::builder(&zoom).build().unwrap();
    let info = client.token_info().await.unwrap();
    assert_eq!(info.granted, scopes!("user:read"));
    assert_eq!(info.unknown_scopes, ["meeting:write:someday"]);
    let _: Value = client
        .get(operation!("Get a user", api = "User"), "/users/me")
        .await
        .unwrap();
}

struct MeetingApp;
impl App for MeetingApp {
    const SCOPES: ScopeSet = scopes!("meeting:write", "user:read");
}

struct ReportingApp;
impl App for ReportingApp {
    const SCOPES: ScopeSet = scopes!("user:read", "report:read:admin", "meeting:read");
}

#[tokio::test]
async fn a_typed_client_checks_the_app_scopes_at_construction() {
    let zoom = common::mock().await;
    zoom.grant(scopes!("user:read", "meeting:write"));

    let typed = common::builder(&zoom)
        .build_for::<MeetingApp>()
        .await
        .unwrap();
    let _: Value = typed
        .get(operation!("Get a user", api = "User"), "/users/me")
        .await
        .unwrap();
    assert!(format!("{typed:?}").contains("MeetingApp"));

    let error = common::builder(&zoom)
        .build_for::<ReportingApp>()
        .await
        .unwrap_err();
    let Error::AppNotGranted {
        app,
        not_granted,
        granted,
        declared,
    } = &error
    else {
        panic!("expected AppNotGranted, got {error:?}");
    };
    assert!(app.ends_with("ReportingApp"));
    assert_eq!(**not_granted, scopes!("report:read:admin", "meeting:read"));
    assert_eq!(**granted, scopes!("user:read", "meeting:write"));
    assert_eq!(**declared, ReportingApp::SCOPES);
    let message = error.to_string();
    assert!(
        message.contains("did not grant: meeting:read, report:read:admin"),
        "{message}"
    );
}

#[tokio::test]
async fn malformed_requests_are_refused_before_sending() {
    let zoom = common::mock().await;
    let client = common::builder(&zoom).build().unwrap();
    let op = operation!("Get a user", api = "User");
    for path in ["users/me", "/users/me#x", "/users/ me", "/users/\nme"] {
        let error = client.get::<Value>(op, path).await.unwrap_err();
        assert!(
            matches!(error, Error::InvalidRequest { .. }),
            "{path:?}: {error:?}"
        );
    }
    assert_eq!(zoom.api_requests() + zoom.requests(Endpoint::Token), 0);
}
