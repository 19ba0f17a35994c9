//! Granular scopes (`meeting:write:meeting`) at run time: parsing and printing them, the
//! coverage of every operation by each of its scopes, the client's check of a granular token
//! before each request, and the mock's 4711 answers naming an endpoint's granular scopes.

mod common;

use serde_json::{Value, json};
use zoom_scopes::client::{Error, Method};
use zoom_scopes::mock::{Endpoint, MockZoom};
use zoom_scopes::{App, Model, Operation, Scope, ScopeSet, operation};

/// Zoom's 4711 message for these alternatives.
fn message_4711(scopes: &[&str]) -> String {
    format!(
        "Invalid access token, does not contain scopes:[{}].",
        scopes.join(", ")
    )
}

#[test]
fn granular_names_parse_print_and_serialise() {
    let field = "meeting:write:meeting:admin, meeting:write:meeting user:read:user";
    let set: ScopeSet = field.parse().unwrap();
    let expected = ScopeSet::from([
        Scope::MEETING_WRITE_MEETING,
        Scope::MEETING_WRITE_MEETING_ADMIN,
        Scope::USER_READ_USER,
    ]);
    assert_eq!(set, expected);
    assert_eq!(set.model(), Some(Model::Granular));
    assert_eq!(
        set.to_string(),
        "meeting:write:meeting meeting:write:meeting:admin user:read:user"
    );
    assert_eq!(set.to_string().parse::<ScopeSet>(), Ok(set));
    assert_eq!(
        set.ranked(),
        [
            Scope::USER_READ_USER,
            Scope::MEETING_WRITE_MEETING,
            Scope::MEETING_WRITE_MEETING_ADMIN
        ],
        "user-level first, read before write"
    );

    let json = serde_json::to_string(&set).unwrap();
    assert_eq!(
        json,
        r#"["meeting:write:meeting","meeting:write:meeting:admin","user:read:user"]"#
    );
    assert_eq!(serde_json::from_str::<ScopeSet>(&json).unwrap(), set);
    let scope: Scope = serde_json::from_str("\"meeting:read:list_meetings:master\"").unwrap();
    assert_eq!(scope.name(), "meeting:read:list_meetings:master");
    assert_eq!(
        (scope.model(), scope.level()),
        (Model::Granular, zoom_scopes::Level::Master)
    );

    // Unknown granular-looking names are errors with the hints classic names get.
    let error = "Meeting:Write:Meeting meeting:write:meeting:someday"
        .parse::<ScopeSet>()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown Zoom scopes: \"Meeting:Write:Meeting\" (did you mean \"meeting:write:meeting\"?), \
         \"meeting:write:meeting:someday\""
    );
    assert_eq!(error.known(), ScopeSet::EMPTY);

    // A token of one model, the other, none, or (never from Zoom) both.
    let model = |field: &str| field.parse::<ScopeSet>().unwrap().model();
    assert_eq!(model("meeting:write user:read"), Some(Model::Classic));
    assert_eq!(model(""), Some(Model::Classic));
    assert_eq!(model("meeting:write:sip_dialing"), Some(Model::Classic));
    assert_eq!(
        model("meeting:write:sip_dialing meeting:write:meeting"),
        Some(Model::Granular)
    );
    assert_eq!(model("meeting:write meeting:write:meeting"), None);
}

/// For every operation: each of its scopes, of either model, covers it alone, and every scope
/// outside its two lists together does not.
#[test]
fn every_operation_is_covered_by_exactly_its_scopes() {
    let mut checked = 0;
    for op in Operation::all() {
        let classic = op.granted_by_in(Model::Classic);
        let granular = op.granted_by_in(Model::Granular);
        assert_eq!(op.granted_by_ranked(), classic);
        for &scope in classic.iter().chain(granular) {
            assert!(ScopeSet::from(scope).covers(op), "{op} by {scope}");
            assert!(op.granted_by().contains(scope), "{op} by {scope}");
            assert!(
                scope.grants().any(|granted| granted == op),
                "{op} by {scope}"
            );
            checked += 1;
        }
        for &scope in classic {
            assert!(scope.in_model(Model::Classic), "{op}: {scope}");
        }
        for &scope in granular {
            assert!(scope.in_model(Model::Granular), "{op}: {scope}");
        }
        let outside =
            ScopeSet::ALL - ScopeSet::from_scopes(classic) - ScopeSet::from_scopes(granular);
        assert!(!outside.covers(op), "{op}");
        assert_eq!(ScopeSet::ALL.covers(op), op.oauth(), "{op}");
        assert_eq!(op.oauth(), !classic.is_empty() || !granular.is_empty());
        assert_eq!(
            op.least_privileged_in(Model::Classic),
            classic.first().copied()
        );
        assert_eq!(
            op.least_privileged_in(Model::Granular),
            granular.first().copied()
        );
        for list in [classic, granular] {
            assert!(
                list.windows(2).all(|w| w[0].privilege() < w[1].privilege()),
                "{op}"
            );
        }
    }
    assert!(checked > 5_000, "{checked}");
    let granular_only = Operation::all()
        .iter()
        .filter(|op| op.granted_by_ranked().is_empty() && op.oauth())
        .count();
    assert!(granular_only > 0, "operations only the API reference has");
}

#[test]
fn operations_have_their_endpoints() {
    let create = operation!("Create a meeting");
    let endpoints: Vec<String> = create.endpoints().map(|e| e.to_string()).collect();
    assert_eq!(
        endpoints,
        [
            "POST /accounts/{accountId}/users/{userId}/meetings",
            "POST /users/{userId}/meetings"
        ]
    );
    let master = create.endpoints().find(|e| e.master_account()).unwrap();
    assert_eq!(
        master.granular().collect::<Vec<_>>(),
        [Scope::MEETING_WRITE_MEETING_MASTER]
    );
    let regular = create.endpoints().find(|e| !e.master_account()).unwrap();
    assert_eq!(regular.method(), zoom_scopes::Method::Post);
    assert_eq!(regular.rate_limit(), Some(zoom_scopes::RateLimit::Light));
    assert!(!regular.deprecated());
    assert_eq!(regular.operation(), Some(create));
    assert_eq!(
        create.least_privileged_in(Model::Granular),
        Some(Scope::MEETING_WRITE_MEETING)
    );
    assert_eq!(create.least_privileged(), Some(Scope::MEETING_WRITE));

    let sdk = Operation::find("Create a session", "Video SDK").expect("documented");
    assert!(!sdk.oauth());
    assert!(sdk.endpoints().len() > 0);
    assert!(sdk.endpoints().all(|e| e.granular().len() == 0));

    // Each endpoint the mock serves is an endpoint of its operation in Zoom's reference.
    for endpoint in Endpoint::ALL {
        let Some(op) = endpoint.operation() else {
            assert_eq!(endpoint.reference(), None);
            continue;
        };
        let reference = endpoint.reference().expect("documented");
        assert_eq!(reference.operation(), Some(op), "{endpoint:?}");
        assert!(!reference.master_account());
        assert!(reference.granular().len() > 0, "{endpoint:?}");
    }
}

/// A mock whose tokens grant these scopes.
async fn granting(scopes: &[Scope]) -> MockZoom {
    let zoom = common::mock().await;
    zoom.grant(ScopeSet::from_scopes(scopes));
    zoom
}

#[tokio::test]
async fn a_granular_token_grants_exactly_the_operations_its_scopes_list() {
    let zoom = granting(&[Scope::MEETING_WRITE_MEETING]).await;
    let writer = common::builder(&zoom).build().unwrap();
    let created: Value = writer
        .post(
            operation!("Create a meeting"),
            "/users/me/meetings",
            &json!({ "topic": "Standup" }),
        )
        .await
        .unwrap();
    let id = created["id"].as_u64().unwrap();

    zoom.grant(ScopeSet::from(Scope::MEETING_READ_MEETING));
    let reader = common::builder(&zoom).build().unwrap();
    let info = reader.token_info().await.unwrap();
    assert_eq!(info.granted, ScopeSet::from(Scope::MEETING_READ_MEETING));
    assert!(info.unknown_scopes.is_empty(), "granular names are known");

    let got: Value = reader
        .get(operation!("Get a meeting"), &format!("/meetings/{id}"))
        .await
        .unwrap();
    assert_eq!(got["topic"], "Standup");
    assert_eq!(zoom.requests(Endpoint::GetMeeting), 1);

    let create = operation!("Create a meeting");
    let error = reader
        .post::<Value>(create, "/users/me/meetings", &json!({ "topic": "Retro" }))
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
    assert_eq!(
        (request.operation(), request.method()),
        (create, &Method::POST)
    );
    let regular = Endpoint::CreateMeeting.reference();
    assert_eq!(request.endpoint(), regular);
    assert_eq!(**granted, ScopeSet::from(Scope::MEETING_READ_MEETING));
    assert_eq!(*model, Model::Granular);
    // The regular endpoint's own scopes: `:master` grants only the master-account variant.
    assert_eq!(
        would_grant.ranked(),
        [
            Scope::MEETING_WRITE_MEETING,
            Scope::MEETING_WRITE_MEETING_ADMIN
        ]
    );
    let message = error.to_string();
    assert!(
        message.contains(
            "it needs one of meeting:write:meeting, meeting:write:meeting:admin \
             (granular scopes, least privileged first); \
             the token grants meeting:read:meeting"
        ),
        "{message}"
    );
    assert_eq!(
        zoom.requests(Endpoint::CreateMeeting),
        1,
        "only the writer's"
    );

    // No hierarchy: reading a meeting is not listing meetings, nor reading a user.
    for (op, path) in [
        (
            operation!("List meetings", api = "Meeting"),
            "/users/me/meetings",
        ),
        (operation!("Get a user", api = "User"), "/users/me"),
    ] {
        let error = reader.get::<Value>(op, path).await.unwrap_err();
        assert!(matches!(error, Error::MissingScopes { .. }), "{error:?}");
    }
    let delete = operation!("Delete a meeting");
    let error = reader
        .delete::<()>(delete, &format!("/meetings/{id}"))
        .await
        .unwrap_err();
    let Error::MissingScopes { would_grant, .. } = &error else {
        panic!("expected MissingScopes, got {error:?}");
    };
    assert_eq!(would_grant.ranked()[0], Scope::MEETING_DELETE_MEETING);
    assert_eq!(zoom.api_requests(), 2, "the create and the get");
    assert_eq!(zoom.unmatched_requests(), 0);
}

#[tokio::test]
async fn refusals_name_the_other_model_or_no_scope_when_the_token_model_has_none() {
    let zoom = granting(&[Scope::USER_READ_USER]).await;
    let client = common::builder(&zoom).build().unwrap();

    // "List sub accounts" only has a classic scope.
    let sub_accounts = Operation::find("List sub accounts", "Account").expect("documented");
    assert!(sub_accounts.granted_by_in(Model::Granular).is_empty());
    let error = client
        .get::<Value>(sub_accounts, "/accounts")
        .await
        .unwrap_err();
    let Error::MissingScopes {
        would_grant, model, ..
    } = &error
    else {
        panic!("expected MissingScopes, got {error:?}");
    };
    assert_eq!(*model, Model::Classic);
    assert_eq!(
        would_grant.ranked(),
        sub_accounts.granted_by_in(Model::Classic)
    );
    assert!(
        error
            .to_string()
            .contains("(classic scopes, least privileged first; no granular scope grants it)"),
        "{error}"
    );

    // No OAuth scope authorises the Video SDK's operations.
    let sdk = Operation::find("Create a session", "Video SDK").expect("documented");
    let error = client
        .post::<Value>(sdk, "/videosdk/sessions", &json!({}))
        .await
        .unwrap_err();
    let Error::MissingScopes { would_grant, .. } = &error else {
        panic!("expected MissingScopes, got {error:?}");
    };
    assert!(would_grant.is_empty());
    assert!(
        error.to_string().contains("no OAuth scope authorises it"),
        "{error}"
    );
    assert_eq!(zoom.api_requests() + zoom.unmatched_requests(), 0);
}

#[tokio::test]
async fn zoom_4711_names_the_endpoints_granular_scopes() {
    let zoom = granting(&[Scope::MEETING_READ_MEETING]).await;
    // With the local check off, the request reaches the mock, which answers as Zoom does.
    let client = common::builder(&zoom).check_scopes(false).build().unwrap();
    let error = client
        .post::<Value>(
            operation!("Create a meeting"),
            "/users/me/meetings",
            &json!({ "topic": "Standup" }),
        )
        .await
        .unwrap_err();
    let Error::ZoomMissingScopes {
        missing,
        unknown,
        message,
        ..
    } = &error
    else {
        panic!("expected ZoomMissingScopes, got {error:?}");
    };
    assert_eq!(
        message,
        &message_4711(&["meeting:write:meeting", "meeting:write:meeting:admin"])
    );
    assert_eq!(
        **missing,
        ScopeSet::from([
            Scope::MEETING_WRITE_MEETING,
            Scope::MEETING_WRITE_MEETING_ADMIN
        ])
    );
    assert!(unknown.is_empty(), "granular names are known");
    assert_eq!(
        zoom.requests(Endpoint::CreateMeeting),
        1,
        "4711 is not retried"
    );
}

/// Sends `method path` to the mock with a token of `scopes`, as any HTTP client would, and
/// returns the status and the JSON body.
async fn raw(
    zoom: &MockZoom,
    scopes: ScopeSet,
    method: reqwest::Method,
    path: &str,
) -> (u16, Value) {
    let token = zoom.issue_user_token(scopes);
    let answer = reqwest::Client::new()
        .request(method, format!("{}{path}", zoom.api_base()))
        .bearer_auth(token.access_token.expose_secret())
        .header("content-type", "application/json")
        .body(r#"{"topic":"Raw"}"#)
        .send()
        .await
        .expect("the mock answers");
    let status = answer.status().as_u16();
    let body = answer.bytes().await.expect("a body");
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_mock_answers_4711_over_http_as_zoom_does() {
    let zoom = common::mock().await;
    let post = reqwest::Method::POST;
    let create = "/users/me/meetings";

    // A granular token: the endpoint's granular scopes, least privileged first. The
    // `:master` scope is the master-account variant's, not this endpoint's.
    for scopes in [
        ScopeSet::from(Scope::MEETING_READ_MEETING),
        ScopeSet::from(Scope::MEETING_WRITE_MEETING_MASTER),
    ] {
        let (status, body) = raw(&zoom, scopes, post.clone(), create).await;
        assert_eq!(status, 400, "{scopes}");
        assert_eq!(
            body,
            json!({
                "code": 4711,
                "message": "Invalid access token, does not contain scopes:[meeting:write:meeting, meeting:write:meeting:admin]."
            }),
            "{scopes}"
        );
    }
    let (status, body) = raw(
        &zoom,
        ScopeSet::from(Scope::USER_READ_USER),
        reqwest::Method::GET,
        "/meetings/1",
    )
    .await;
    assert_eq!((status, &body["code"]), (400, &json!(4711)));
    assert_eq!(
        body["message"],
        message_4711(&["meeting:read:meeting", "meeting:read:meeting:admin"])
    );

    // A classic token: the operation's classic scopes, as before.
    let (status, body) = raw(
        &zoom,
        ScopeSet::from(Scope::MEETING_READ),
        post.clone(),
        create,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        body["message"],
        message_4711(&["meeting:write", "meeting:write:admin", "meeting:master"])
    );

    // Any one of the named scopes is enough.
    for scope in [
        Scope::MEETING_WRITE_MEETING,
        Scope::MEETING_WRITE_MEETING_ADMIN,
        Scope::MEETING_WRITE,
    ] {
        let (status, body) = raw(&zoom, ScopeSet::from(scope), post.clone(), create).await;
        assert_eq!((status, &body["topic"]), (201, &json!("Raw")), "{scope}");
    }
    assert_eq!(zoom.requests(Endpoint::CreateMeeting), 6);
    assert_eq!(zoom.requests(Endpoint::GetMeeting), 1);
}

#[tokio::test]
async fn the_mock_issues_granular_scopes_at_its_token_endpoint() {
    let zoom = common::mock().await;
    zoom.grant_raw("meeting:read:meeting,user:read:user");
    let client = common::builder(&zoom).build().unwrap();
    let info = client.token_info().await.unwrap();
    assert_eq!(
        info.granted,
        ScopeSet::from([Scope::MEETING_READ_MEETING, Scope::USER_READ_USER])
    );
    assert!(info.unknown_scopes.is_empty());
    let me: Value = client
        .get(operation!("Get a user", api = "User"), "/users/me")
        .await
        .unwrap();
    assert_eq!(me["email"], "ada@example.com");

    // A user-level token, as an authorization-code exchange would give.
    let token = zoom.issue_user_token(ScopeSet::from(Scope::USER_READ_USER));
    assert_eq!(token.scope, "user:read:user");
}

struct GranularApp;
impl App for GranularApp {
    const SCOPES: ScopeSet =
        ScopeSet::from_scopes(&[Scope::MEETING_WRITE_MEETING, Scope::USER_READ_USER]);
}

#[tokio::test]
async fn a_typed_client_for_a_granular_app() {
    let zoom = granting(&[Scope::MEETING_WRITE_MEETING, Scope::USER_READ_USER]).await;
    let typed = common::builder(&zoom)
        .build_for::<GranularApp>()
        .await
        .unwrap();
    let _: Value = typed
        .get(operation!("Get a user", api = "User"), "/users/me")
        .await
        .unwrap();

    zoom.grant(ScopeSet::from(Scope::USER_READ_USER));
    let error = common::builder(&zoom)
        .build_for::<GranularApp>()
        .await
        .unwrap_err();
    let Error::AppNotGranted { not_granted, .. } = &error else {
        panic!("expected AppNotGranted, got {error:?}");
    };
    assert_eq!(**not_granted, ScopeSet::from(Scope::MEETING_WRITE_MEETING));
}
