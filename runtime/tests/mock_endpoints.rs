//! The mock serves every endpoint of the catalogue: the echo, Zoom's scope checks per endpoint,
//! 404 for what is no endpoint, faults and counters per route.
//!
//! Requests go out through raw reqwest with a token from `MockZoom::issue_user_token`, so these
//! tests check the mock alone, whatever the client does.

mod common;

use std::time::Instant;

use serde_json::{Map, Value, json};
use zoom_scopes::mock::{self, Fault, MockZoom, Route};
use zoom_scopes::{Endpoint, Method, Model, Scope, ScopeSet, operation};

/// A value for each path parameter of `endpoint`, holding a space and a `/` so every request
/// also checks the decoding: the path as sent (encoded) and the values the echo must give back.
fn filled(endpoint: Endpoint) -> (String, Map<String, Value>) {
    let mut path = endpoint.path().to_owned();
    let mut decoded = Map::new();
    for name in endpoint.path_params() {
        path = path.replace(&format!("{{{name}}}"), &format!("{name}%20x%2Fy"));
        decoded.insert(name.to_owned(), Value::from(format!("{name} x/y")));
    }
    (path, decoded)
}

/// The classic scopes of the endpoint's operation (empty without an operation).
fn classic(endpoint: Endpoint) -> &'static [Scope] {
    endpoint
        .operation()
        .map_or(&[][..], |op| op.granted_by_in(Model::Classic))
}

/// Whether some OAuth scope authorises the endpoint.
fn oauth(endpoint: Endpoint) -> bool {
    endpoint.granular().len() > 0 || !classic(endpoint).is_empty()
}

/// The catalogue endpoints the mock keeps state for, which do not echo.
fn stateful() -> Vec<Endpoint> {
    mock::Endpoint::ALL
        .into_iter()
        .filter_map(mock::Endpoint::reference)
        .collect()
}

/// A token granting exactly `scopes`.
fn token(zoom: &MockZoom, scopes: ScopeSet) -> String {
    zoom.issue_user_token(scopes)
        .access_token
        .expose_secret()
        .to_owned()
}

fn reqwest_method(method: Method) -> reqwest::Method {
    reqwest::Method::from_bytes(method.as_str().as_bytes()).expect("an HTTP method")
}

/// Sends `method` to `path_and_query` under the API base, with a JSON body when given: the
/// status and the body (JSON, `Null` when empty or not JSON).
async fn send(
    zoom: &MockZoom,
    http: &reqwest::Client,
    token: &str,
    method: reqwest::Method,
    path_and_query: &str,
    body: Option<&Value>,
) -> (u16, Value) {
    let url = format!("{}{path_and_query}", zoom.api_base());
    let mut request = http.request(method, url).bearer_auth(token);
    if let Some(body) = body {
        request = request
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string());
    }
    let answer = request.send().await.expect("the mock answers");
    let status = answer.status().as_u16();
    let bytes = answer.bytes().await.expect("a body");
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

/// `endpoint`'s request as sent with a value for every path parameter.
async fn send_filled(
    zoom: &MockZoom,
    http: &reqwest::Client,
    token: &str,
    endpoint: Endpoint,
) -> (u16, Value) {
    let (path, _) = filled(endpoint);
    send(
        zoom,
        http,
        token,
        reqwest_method(endpoint.method()),
        &path,
        None,
    )
    .await
}

/// The answer is Zoom's 4711 naming `scopes`.
fn assert_refused(answer: (u16, Value), scopes: &[Scope]) {
    assert_eq!(answer, (400, message_4711(scopes)));
}

fn message_4711(scopes: &[Scope]) -> Value {
    let names: Vec<&str> = scopes.iter().map(|s| s.name()).collect();
    json!({
        "code": 4711,
        "message": format!("Invalid access token, does not contain scopes:[{}].", names.join(", "))
    })
}

/// The scope the sweep grants for the `i`-th endpoint: its first granular scope, or the first
/// classic scope of its operation, alternating where it has both so both models are swept.
fn granting_scope(i: usize, endpoint: Endpoint) -> Option<Scope> {
    let granular = endpoint.granular().next();
    let classic = classic(endpoint).first().copied();
    if i.is_multiple_of(2) {
        granular.or(classic)
    } else {
        classic.or(granular)
    }
}

/// What the echo of a request to `endpoint` with `params`, the sweep's query and `body` holds.
fn expected_echo(endpoint: Endpoint, params: Map<String, Value>, body: Option<&Value>) -> Value {
    let mut echo = json!({
        "endpoint": endpoint.to_string(),
        "path_params": params,
        "query": {"page_size": "1", "q": "a b/c"},
    });
    if let Some(op) = endpoint.operation() {
        echo["operation"] = op.title().into();
        echo["api"] = op.api().into();
    }
    if let Some(body) = body {
        echo["body"] = body.clone();
    }
    echo
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_endpoint_with_a_scope_echoes_its_request() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    let stateful = stateful();
    let started = Instant::now();
    let mut sent = 0;
    for (i, endpoint) in Endpoint::all().enumerate() {
        let Some(scope) = granting_scope(i, endpoint) else {
            continue; // no OAuth scope: see `sdk_endpoints_take_no_oauth_token`
        };
        if stateful.contains(&endpoint) {
            continue; // they keep state: see the client tests
        }
        let (path, params) = filled(endpoint);
        let body = matches!(
            endpoint.method(),
            Method::Post | Method::Put | Method::Patch
        )
        .then(|| json!({ "probe": i, "text": "a b/c" }));
        let token = token(&zoom, ScopeSet::from(scope));
        let (status, echo) = send(
            &zoom,
            &http,
            &token,
            reqwest_method(endpoint.method()),
            &format!("{path}?page_size=1&q=a+b%2Fc"),
            body.as_ref(),
        )
        .await;
        sent += 1;
        let expected_status = match endpoint.method() {
            Method::Get | Method::Put | Method::Patch => 200,
            Method::Post => 201,
            Method::Delete => 204,
        };
        assert_eq!(status, expected_status, "{endpoint} with {scope}: {echo}");
        if endpoint.method() == Method::Delete {
            assert_eq!(echo, Value::Null, "{endpoint}: no body");
        } else {
            assert_eq!(
                echo,
                expected_echo(endpoint, params, body.as_ref()),
                "{endpoint}"
            );
        }
        assert_eq!(zoom.requests(endpoint), 1, "{endpoint}");
    }
    eprintln!("{sent} endpoints over loopback in {:?}", started.elapsed());
    assert!(sent > 2000, "the whole catalogue, not a sample: {sent}");
    assert_eq!(zoom.api_requests(), sent);
    assert_eq!(zoom.unmatched_requests(), 0);
    assert_eq!(zoom.requests(Route::Token), 0);
}

/// A scope of `model` that grants neither the endpoint nor, for a classic scope, its operation.
fn unrelated(endpoint: Endpoint, model: Model) -> Scope {
    Scope::all()
        .find(|s| {
            s.model() == model
                && !endpoint.granular().any(|g| g == *s)
                && !classic(endpoint).contains(s)
        })
        .expect("a scope of each model grants something else")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_without_the_endpoints_scopes_gets_4711_listing_them() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    let mut refused = 0;
    // Every tenth endpoint that takes OAuth scopes, stateful ones included: a refusal comes
    // before any state is touched.
    for endpoint in Endpoint::all().filter(|e| oauth(*e)).step_by(10) {
        let granular: Vec<Scope> = endpoint.granular().collect();
        let classic = classic(endpoint);
        for (model, own, other) in [
            (Model::Granular, granular.as_slice(), classic),
            (Model::Classic, classic, granular.as_slice()),
        ] {
            let token = token(&zoom, ScopeSet::from(unrelated(endpoint, model)));
            let (status, body) = send_filled(&zoom, &http, &token, endpoint).await;
            // The token's model's list, or the other's when the endpoint has none of it.
            let named = if own.is_empty() { other } else { own };
            assert_eq!(
                (status, &body),
                (400, &message_4711(named)),
                "{endpoint} {model:?}"
            );
            refused += 1;
        }
    }
    assert!(refused > 400, "{refused}");
    assert_eq!(zoom.api_requests(), refused);
}

#[tokio::test]
async fn the_mocks_4711_names_the_lists_zoom_names() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    let get_meeting = mock::Endpoint::GetMeeting.reference().expect("documented");
    let granular = token(&zoom, ScopeSet::from(Scope::USER_READ_USER));
    assert_refused(
        send_filled(&zoom, &http, &granular, get_meeting).await,
        &[
            Scope::MEETING_READ_MEETING,
            Scope::MEETING_READ_MEETING_ADMIN,
        ],
    );
    let classic = token(&zoom, ScopeSet::from(Scope::USER_READ));
    assert_refused(
        send_filled(&zoom, &http, &classic, get_meeting).await,
        &[
            Scope::MEETING_READ,
            Scope::MEETING_READ_ADMIN,
            Scope::MEETING_MASTER,
        ],
    );
}

#[tokio::test]
async fn a_master_scope_grants_the_master_account_variant_only() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    let create = operation!("Create a meeting");
    let regular = create.endpoints().find(|e| !e.master_account()).unwrap();
    let master = create.endpoints().find(|e| e.master_account()).unwrap();
    assert_eq!(
        master.path(),
        "/accounts/{accountId}/users/{userId}/meetings"
    );

    let master_token = token(&zoom, ScopeSet::from(Scope::MEETING_WRITE_MEETING_MASTER));
    let (status, echo) = send_filled(&zoom, &http, &master_token, master).await;
    assert_eq!(status, 201);
    assert_eq!(echo["endpoint"], master.to_string());
    assert_eq!(
        echo["path_params"],
        json!({"accountId": "accountId x/y", "userId": "userId x/y"})
    );
    assert_refused(
        send_filled(&zoom, &http, &master_token, regular).await,
        &[
            Scope::MEETING_WRITE_MEETING,
            Scope::MEETING_WRITE_MEETING_ADMIN,
        ],
    );

    let regular_token = token(&zoom, ScopeSet::from(Scope::MEETING_WRITE_MEETING));
    assert_refused(
        send_filled(&zoom, &http, &regular_token, master).await,
        &[Scope::MEETING_WRITE_MEETING_MASTER],
    );

    // A classic scope is the operation's: it grants both variants.
    let classic = token(&zoom, ScopeSet::from(Scope::MEETING_MASTER));
    let (status, _) = send_filled(&zoom, &http, &classic, master).await;
    assert_eq!(status, 201);
    assert_eq!(zoom.requests(master), 3);
    assert_eq!(zoom.requests(regular), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn master_and_regular_granular_scopes_do_not_cross_over_the_catalogue() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    let stateful = stateful();
    let mut pairs = 0;
    for op in zoom_scopes::Operation::all() {
        let regular = op.endpoints().find(|e| !e.master_account());
        let master = op.endpoints().find(|e| e.master_account());
        let (Some(regular), Some(master)) = (regular, master) else {
            continue;
        };
        if stateful.contains(&regular) {
            continue;
        }
        for (granted, refused) in [(master, regular), (regular, master)] {
            if !oauth(refused) {
                continue; // 401 for any token: see `sdk_endpoints_take_no_oauth_token`
            }
            // A scope of the one variant the other does not list.
            let Some(scope) = granted
                .granular()
                .find(|s| !refused.granular().any(|r| r == *s))
            else {
                continue;
            };
            let token = token(&zoom, ScopeSet::from(scope));
            let (status, _) = send_filled(&zoom, &http, &token, granted).await;
            assert!(
                (200..300).contains(&status),
                "{granted} with {scope}: {status}"
            );
            let (status, body) = send_filled(&zoom, &http, &token, refused).await;
            assert_eq!(
                (status, &body["code"]),
                (400, &json!(4711)),
                "{refused} with {scope}"
            );
            pairs += 1;
        }
    }
    assert!(pairs > 100, "{pairs}");
}

#[tokio::test]
async fn what_is_no_endpoint_is_404_and_counted_as_unmatched() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    let token = token(&zoom, ScopeSet::from(Scope::MEETING_READ));
    // A known path, with a method it does not have.
    assert!(Endpoint::resolve(Method::Get, "/meetings/1").is_some());
    assert_eq!(Endpoint::resolve(Method::Put, "/meetings/1"), None);
    for (method, path) in [
        (reqwest::Method::GET, "/nowhere"),
        (reqwest::Method::PUT, "/meetings/1"),
        (reqwest::Method::HEAD, "/meetings/1"),
        (reqwest::Method::GET, "/meetings/1/no/such/thing"),
    ] {
        let (status, body) = send(&zoom, &http, &token, method.clone(), path, None).await;
        assert_eq!(status, 404, "{method} {path}");
        if method != reqwest::Method::HEAD {
            assert_eq!(
                body,
                json!({"code": 404, "message": format!("No API endpoint matches {method} /v2{path}.")})
            );
        }
    }
    let outside = http
        .get(format!("{}/meetings/1", zoom.oauth_base()))
        .send()
        .await
        .expect("the mock answers");
    assert_eq!(outside.status().as_u16(), 404, "outside the API base");
    assert_eq!(zoom.unmatched_requests(), 5);
    assert_eq!(zoom.api_requests(), 0);
}

#[tokio::test]
async fn path_parameters_are_percent_decoded() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    let settings = operation!("Get user settings")
        .endpoints()
        .find(|e| !e.master_account())
        .expect("documented");
    assert_eq!(settings.path(), "/users/{userId}/settings");
    let token = token(&zoom, ScopeSet::from(Scope::USER_READ));
    let (status, echo) = send(
        &zoom,
        &http,
        &token,
        reqwest::Method::GET,
        "/users/a%2Fb%20c/settings",
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(echo["path_params"], json!({"userId": "a/b c"}));
    assert_eq!(zoom.requests(settings), 1);

    // The stateful endpoints see decoded values too: the user by its email.
    let (status, user) = send(
        &zoom,
        &http,
        &token,
        reqwest::Method::GET,
        "/users/ada%40example.com",
        None,
    )
    .await;
    assert_eq!((status, &user["id"]), (200, &json!("mock-user-id")));

    // Bytes that are no UTF-8 once decoded: Zoom's 400, and the mock keeps serving.
    let (status, body) = send(
        &zoom,
        &http,
        &token,
        reqwest::Method::GET,
        "/users/%FF%FE/settings",
        None,
    )
    .await;
    assert_eq!((status, &body["code"]), (400, &json!(300)));
    assert_eq!(zoom.requests(settings), 2);
    let (status, _) = send_filled(&zoom, &http, &token, settings).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn faults_and_counters_work_on_any_endpoint() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    let webinar = operation!("Get a webinar").endpoints().next().unwrap();
    let token = token(&zoom, ScopeSet::from_scopes(classic(webinar)));

    zoom.inject(Route::Api(webinar), Fault::ServerError(503));
    zoom.inject_times(
        webinar,
        Fault::Error {
            status: 404,
            code: 3001,
            message: "Webinar does not exist.".into(),
        },
        2,
    );
    let (status, body) = send_filled(&zoom, &http, &token, webinar).await;
    assert_eq!((status, &body["code"]), (503, &json!(503)));
    for _ in 0..2 {
        let (status, body) = send_filled(&zoom, &http, &token, webinar).await;
        assert_eq!((status, &body["code"]), (404, &json!(3001)));
    }
    let (status, echo) = send_filled(&zoom, &http, &token, webinar).await;
    assert_eq!((status, &echo["operation"]), (200, &json!("Get a webinar")));
    assert_eq!(zoom.requests(webinar), 4);
    assert_eq!(zoom.requests(Route::Api(webinar)), 4);
    assert_eq!(zoom.requests(mock::Endpoint::GetUser), 0, "counted apart");
    assert_eq!(zoom.api_requests(), 4);
}

#[tokio::test]
async fn a_named_endpoint_and_its_catalogue_route_are_one() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    let get_user = Endpoint::find(Method::Get, "/users/{userId}").expect("documented");
    assert_eq!(Route::from(mock::Endpoint::GetUser), Route::Api(get_user));
    assert_eq!(Route::from(mock::Endpoint::Token), Route::Token);
    let token = token(&zoom, ScopeSet::from(Scope::USER_READ));

    // A fault queued on the catalogue route meets a request to the named endpoint...
    zoom.inject(Route::Api(get_user), Fault::ServerError(502));
    let (status, _) = send(
        &zoom,
        &http,
        &token,
        reqwest::Method::GET,
        "/users/me",
        None,
    )
    .await;
    assert_eq!(status, 502);
    // ...and the other way round.
    zoom.inject(mock::Endpoint::GetUser, Fault::InvalidToken);
    let (status, body) = send(
        &zoom,
        &http,
        &token,
        reqwest::Method::GET,
        "/users/me",
        None,
    )
    .await;
    assert_eq!((status, &body["code"]), (401, &json!(124)));
    let (status, user) = send(
        &zoom,
        &http,
        &token,
        reqwest::Method::GET,
        "/users/me",
        None,
    )
    .await;
    assert_eq!((status, &user["email"]), (200, &json!("ada@example.com")));

    assert_eq!(zoom.requests(mock::Endpoint::GetUser), 3);
    assert_eq!(zoom.requests(get_user), 3);
    assert_eq!(zoom.api_requests(), 3);
}

#[tokio::test]
async fn sdk_endpoints_take_no_oauth_token() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    // Holds a scope of each model: a token could not grant more to an endpoint of no scope.
    let token = token(
        &zoom,
        ScopeSet::from_scopes(&[Scope::MEETING_MASTER, Scope::MEETING_READ_MEETING]),
    );
    let sdk: Vec<Endpoint> = Endpoint::all().filter(|e| !oauth(*e)).collect();
    assert!(
        sdk.iter()
            .any(|e| e.operation().is_some_and(|op| op.api() == "Video SDK")),
        "the Video SDK's endpoints are among them"
    );
    let apis: std::collections::BTreeSet<&str> = sdk
        .iter()
        .map(|e| e.operation().map_or("-", |op| op.api()))
        .collect();
    eprintln!(
        "{} endpoints without an OAuth scope, in {apis:?}",
        sdk.len()
    );
    for &endpoint in &sdk {
        let (status, body) = send_filled(&zoom, &http, &token, endpoint).await;
        assert_eq!(
            (status, body),
            (
                401,
                json!({"code": 124, "message": "Invalid access token."})
            ),
            "{endpoint}"
        );
        assert_eq!(zoom.requests(endpoint), 1, "{endpoint}");
    }
    assert_eq!(zoom.api_requests(), sdk.len());
}

#[tokio::test]
async fn an_unknown_or_expired_token_gets_124_on_any_endpoint() {
    let zoom = common::mock().await;
    let http = reqwest::Client::new();
    let webinar = operation!("Get a webinar").endpoints().next().unwrap();
    let (status, body) = send_filled(&zoom, &http, "not-a-token", webinar).await;
    assert_eq!((status, &body["code"]), (401, &json!(124)));
    let token = token(&zoom, ScopeSet::from_scopes(classic(webinar)));
    zoom.expire_tokens();
    let (status, body) = send_filled(&zoom, &http, &token, webinar).await;
    assert_eq!((status, &body["code"]), (401, &json!(124)));
    assert_eq!(zoom.requests(webinar), 2);
}
