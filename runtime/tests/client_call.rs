//! `Client::call` over loopback against the mock: the request comes from the operation's
//! endpoint, every mistake in it is an error before anything is sent, and paths given whole are
//! checked against the operation's endpoints.

mod common;

use std::collections::BTreeSet;

use serde_json::{Value, json};
use zoom_scopes::client::{EndpointError, Error};
use zoom_scopes::mock::{self, MockZoom};
use zoom_scopes::{Endpoint, Method, Model, Operation, Scope, ScopeSet, operation, scopes};

/// API groups sampled, and operations taken from each.
const APIS: usize = 6;
const PER_API: usize = 4;

/// The catalogue endpoints the mock keeps state for, which do not echo.
fn stateful() -> Vec<Endpoint> {
    mock::Endpoint::ALL
        .into_iter()
        .filter_map(mock::Endpoint::reference)
        .collect()
}

/// Operations whose one endpoint the mock echoes and a granular scope grants: `PER_API` from
/// each of the first `APIS` API groups that have that many, in catalogue order.
fn sample() -> Vec<(&'static Operation, Endpoint)> {
    let stateful = stateful();
    let callable = |op: &'static Operation| {
        let mut endpoints = op.endpoints().filter(|e| !e.master_account());
        match (endpoints.next(), endpoints.next()) {
            (Some(e), None) if e.granular().len() > 0 && !stateful.contains(&e) => Some((op, e)),
            _ => None,
        }
    };
    let mut sample = Vec::new();
    let mut apis = 0;
    for api in zoom_scopes::apis() {
        let ops: Vec<_> = Operation::all()
            .iter()
            .filter(|op| op.api() == api)
            .filter_map(callable)
            .take(PER_API)
            .collect();
        if ops.len() == PER_API {
            sample.extend(ops);
            apis += 1;
        }
        if apis == APIS {
            break;
        }
    }
    sample
}

/// A value for a path parameter: a literal no template has, so the path resolves to the
/// endpoint whose template it fills.
fn value_of(name: &str) -> String {
    format!("v-{name}-7")
}

/// A mock granting `scopes`, and a client for it.
async fn granting(scopes: ScopeSet) -> (MockZoom, zoom_scopes::client::Client) {
    let zoom = common::mock().await;
    zoom.grant(scopes);
    let client = common::builder(&zoom)
        .build()
        .expect("a client for the mock");
    (zoom, client)
}

/// Nothing reached the mock's API: no endpoint counted a request, and none was unmatched.
fn nothing_sent(zoom: &MockZoom) {
    assert_eq!(zoom.api_requests() + zoom.unmatched_requests(), 0);
}

fn endpoint_error(error: &Error) -> &EndpointError {
    match error {
        Error::Endpoint { error, .. } => error,
        other => panic!("expected Error::Endpoint, got {other:?}"),
    }
}

#[tokio::test]
async fn call_sends_each_operations_method_and_path() {
    let sample = sample();
    let apis: BTreeSet<&str> = sample.iter().map(|(op, _)| op.api()).collect();
    assert_eq!(
        (sample.len(), apis.len()),
        (APIS * PER_API, APIS),
        "{sample:?}"
    );
    // One granular scope of each endpoint: exactly what each request needs.
    let granted: ScopeSet = sample
        .iter()
        .filter_map(|(_, e)| e.granular().next())
        .collect();
    let (zoom, client) = granting(granted).await;

    for (op, endpoint) in &sample {
        let mut request = client.call(op);
        for name in endpoint.path_params() {
            request = request.path_param(name, value_of(name));
        }
        if matches!(
            endpoint.method(),
            Method::Post | Method::Put | Method::Patch
        ) {
            request = request.json(&json!({ "sent": op.title() }));
        }
        let echo: Value = request.send().await.unwrap_or_else(|e| panic!("{op}: {e}"));
        assert_eq!(zoom.requests(*endpoint), 1, "{op}: {endpoint}");
        if endpoint.method() == Method::Delete {
            assert_eq!(echo, Value::Null, "{op}: 204 without a body");
            continue;
        }
        assert_eq!(echo["endpoint"], endpoint.to_string(), "{op}");
        assert_eq!(echo["operation"], op.title(), "{op}");
        let params: serde_json::Map<String, Value> = endpoint
            .path_params()
            .map(|name| (name.to_owned(), Value::from(value_of(name))))
            .collect();
        assert_eq!(echo["path_params"], Value::Object(params), "{op}");
        if endpoint.method() != Method::Get {
            assert_eq!(echo["body"], json!({ "sent": op.title() }), "{op}");
        }
    }
    assert_eq!(zoom.api_requests(), sample.len());
    assert_eq!(zoom.unmatched_requests(), 0);
}

#[tokio::test]
async fn the_master_account_variant() {
    let (zoom, client) = granting(scopes!("meeting:read:list_meetings:master")).await;
    let listed: Value = client
        .call(operation!("List meetings", api = "Meeting"))
        .master_account("sub-account-id")
        .path_param("userId", "me")
        .query("type", "scheduled")
        .send()
        .await
        .expect("the master scope grants the master-account variant");
    assert_eq!(
        listed["endpoint"],
        "GET /accounts/{accountId}/users/{userId}/meetings"
    );
    assert_eq!(
        listed["path_params"],
        json!({ "accountId": "sub-account-id", "userId": "me" })
    );
    assert_eq!(listed["query"], json!({ "type": "scheduled" }));

    // The regular endpoint is not granted by the `:master` scope: refused before sending.
    let error = client
        .call(operation!("List meetings", api = "Meeting"))
        .path_param("userId", "me")
        .send::<Value>()
        .await
        .unwrap_err();
    let Error::MissingScopes {
        request,
        would_grant,
        model,
        ..
    } = &error
    else {
        panic!("expected MissingScopes, got {error:?}");
    };
    let regular = request.endpoint().expect("the regular endpoint");
    assert_eq!(regular.path(), "/users/{userId}/meetings");
    assert_eq!(request.path(), "/users/me/meetings");
    assert_eq!(*model, Model::Granular);
    assert_eq!(**would_grant, regular.granted_by_in(Model::Granular));
    assert!(!would_grant.contains(Scope::MEETING_READ_LIST_MEETINGS_MASTER));
    assert_eq!(zoom.api_requests(), 1, "only the master-account request");
}

#[tokio::test]
async fn an_operation_documented_only_under_accounts_takes_master_account() {
    let op = Operation::all()
        .iter()
        .find(|op| {
            op.endpoints().len() == 1
                && op
                    .endpoints()
                    .all(|e| e.master_account() && e.granular().len() > 0)
        })
        .expect("the SIP trunk API has such operations");
    let endpoint = op.endpoints().next().expect("one");
    let (zoom, client) = granting(endpoint.granular().collect()).await;
    let mut request = client.call(op).master_account("sub 1");
    for name in endpoint.path_params().filter(|&n| n != "accountId") {
        request = request.path_param(name, value_of(name));
    }
    if matches!(
        endpoint.method(),
        Method::Post | Method::Put | Method::Patch
    ) {
        request = request.json(&json!({}));
    }
    let echo: Option<Value> = request.send().await.expect("granted");
    if let Some(echo) = echo {
        assert_eq!(echo["path_params"]["accountId"], "sub 1");
    }
    assert_eq!(zoom.requests(endpoint), 1, "{op}");
}

#[tokio::test]
async fn path_parameters_are_percent_encoded() {
    let (zoom, client) = granting(scopes!("meeting:update:meeting")).await;
    let echo: Value = client
        .call(operation!("Update a meeting"))
        .path_param("meetingId", "a/b c?d#e%f")
        .json(&json!({ "topic": "Standup" }))
        .send()
        .await
        .expect("granted");
    // One segment: the same endpoint, the value decoded back whole.
    assert_eq!(echo["endpoint"], "PATCH /meetings/{meetingId}");
    assert_eq!(echo["path_params"], json!({ "meetingId": "a/b c?d#e%f" }));
    assert_eq!(echo["query"], json!({}));
    assert_eq!(zoom.unmatched_requests(), 0);
}

#[tokio::test]
async fn mistakes_in_a_call_are_errors_before_anything_is_sent() {
    let (zoom, client) = granting(scopes!(
        "meeting:read",
        "meeting:write",
        "chat_channel:read"
    ))
    .await;
    let get = operation!("Get a meeting");

    let missing = client.call(get).send::<Value>().await.unwrap_err();
    assert!(matches!(
        endpoint_error(&missing),
        EndpointError::MissingPathParam {
            name: "meetingId",
            ..
        }
    ));
    assert_eq!(missing.operation(), Some(get));
    assert_eq!(
        missing.to_string(),
        "\"Get a meeting\" (Meeting API): GET /meetings/{meetingId} needs the path parameter \
         meetingId: add .path_param(\"meetingId\", ...)"
    );

    let empty = client.call(get).path_param("meetingId", "").send::<Value>();
    assert!(matches!(
        endpoint_error(&empty.await.unwrap_err()),
        EndpointError::EmptyPathParam {
            name: "meetingId",
            ..
        }
    ));

    let unknown = client
        .call(get)
        .path_param("meetingId", 1)
        .path_param("meetingID", 1)
        .send::<Value>()
        .await
        .unwrap_err();
    let EndpointError::UnknownPathParam { name, .. } = endpoint_error(&unknown) else {
        panic!("expected UnknownPathParam, got {unknown:?}");
    };
    assert_eq!(name, "meetingID");
    assert!(
        unknown.to_string().contains("its parameters are meetingId"),
        "{unknown}"
    );
    let account = client
        .call(operation!("List meetings", api = "Meeting"))
        .path_param("userId", "me")
        .path_param("accountId", "sub")
        .send::<Value>()
        .await
        .unwrap_err();
    assert_eq!(
        account.to_string(),
        "\"List meetings\" (Meeting API): GET /users/{userId}/meetings has no path parameter \
         \"accountId\"; its parameters are userId (for the master-account variant, call \
         .master_account(id))"
    );

    let no_endpoint = Operation::all()
        .iter()
        .find(|op| op.endpoints().len() == 0)
        .expect("the classic page has titles the reference does not");
    let error = client.call(no_endpoint).send::<Value>().await.unwrap_err();
    assert_eq!(endpoint_error(&error), &EndpointError::NoEndpoint);

    let without_master = Operation::all()
        .iter()
        .find(|op| op.endpoints().len() == 1 && op.endpoints().all(|e| !e.master_account()))
        .expect("many operations have no master-account variant");
    let error = client
        .call(without_master)
        .master_account("sub")
        .send::<Value>()
        .await
        .unwrap_err();
    assert!(matches!(
        endpoint_error(&error),
        EndpointError::NoMasterAccountVariant { .. }
    ));

    let channel = operation!("Get a channel");
    let error = client.call(channel).send::<Value>().await.unwrap_err();
    let EndpointError::SeveralEndpoints { endpoints } = endpoint_error(&error) else {
        panic!("expected SeveralEndpoints, got {error:?}");
    };
    assert_eq!(endpoints.len(), 2);
    assert!(
        error
            .to_string()
            .contains("choose one with .endpoint(Method::Get, \"/chat/channels/{channelId}\")"),
        "{error}"
    );

    let error = client
        .call(channel)
        .endpoint(Method::Get, "/meetings/{meetingId}")
        .send::<Value>()
        .await
        .unwrap_err();
    assert!(matches!(
        endpoint_error(&error),
        EndpointError::NotItsEndpoint { .. }
    ));

    // A path given whole that goes to another operation's endpoint.
    let user = operation!("Get a user", api = "User");
    let error = client.get::<Value>(user, "/meetings/1").await.unwrap_err();
    let EndpointError::NotItsPath { goes_to, .. } = endpoint_error(&error) else {
        panic!("expected NotItsPath, got {error:?}");
    };
    assert_eq!(goes_to.and_then(|e| e.operation()), Some(get));
    assert_eq!(
        error.to_string(),
        "\"Get a user\" (User API): GET /meetings/1 is not one of its endpoints (GET \
         /accounts/{accountId}/users/{userId}, GET /users/{userId}); it goes to GET /meetings/{meetingId}, which is \"Get a meeting\" \
         (Meeting API)"
    );
    // A method the operation's endpoint does not have.
    let error = client.delete::<()>(get, "/meetings/1").await.unwrap_err();
    assert!(matches!(
        endpoint_error(&error),
        EndpointError::NotItsPath { .. }
    ));

    // A path builder method on a request given its path whole.
    let error = client
        .request(get, zoom_scopes::client::Method::GET, "/meetings/1")
        .path_param("meetingId", 2)
        .send::<Value>()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest { .. }), "{error:?}");
    nothing_sent(&zoom);
}

#[tokio::test]
async fn a_chosen_endpoint_is_sent() {
    let (zoom, client) = granting(scopes!("chat_channel:read")).await;
    let echo: Value = client
        .call(operation!("Get a channel"))
        .endpoint(Method::Get, "/chat/users/{userId}/channels/{channelId}")
        .path_param("userId", "me")
        .path_param("channelId", "c1")
        .send()
        .await
        .expect("granted");
    assert_eq!(
        echo["endpoint"],
        "GET /chat/users/{userId}/channels/{channelId}"
    );
    assert_eq!(zoom.api_requests(), 1);
}

#[tokio::test]
async fn paths_given_whole_still_work_and_send_takes_none() {
    let (zoom, client) = granting(scopes!("meeting:read", "meeting:write")).await;
    let created: Value = client
        .post(
            operation!("Create a meeting"),
            "/users/me/meetings",
            &json!({ "topic": "Standup" }),
        )
        .await
        .expect("granted");
    let id = created["id"].as_u64().expect("an id");
    let fetched: Value = client
        .send(
            operation!("Get a meeting"),
            zoom_scopes::client::Method::GET,
            &format!("/meetings/{id}?occurrence_id=1"),
            None,
        )
        .await
        .expect("its endpoint, with a query");
    assert_eq!(fetched["topic"], "Standup");
    let fetched: Value = client
        .call(operation!("Get a meeting"))
        .path_param("meetingId", id)
        .send()
        .await
        .expect("the same meeting");
    assert_eq!(fetched["topic"], "Standup");
    assert_eq!(zoom.requests(mock::Endpoint::GetMeeting), 2);
}
