//! The mock's REST endpoints: routing, Zoom's token and scope checks, and the handlers.

use hyper::{Method, StatusCode};
use serde_json::{Value, json};

use super::Endpoint;
use super::server::{Answer, Received, empty, zoom_error};
use super::state::State;
use crate::{Model, Scope, ScopeSet};

const USER_ID: &str = "mock-user-id";
const USER_EMAIL: &str = "ada@example.com";

/// A request matched to an endpoint, with its path parameters.
pub(crate) enum Route {
    Token,
    GetUser(String),
    CreateMeeting(String),
    ListMeetings(String),
    GetMeeting(String),
    DeleteMeeting(String),
}

impl Route {
    pub fn endpoint(&self) -> Endpoint {
        match self {
            Route::Token => Endpoint::Token,
            Route::GetUser(_) => Endpoint::GetUser,
            Route::CreateMeeting(_) => Endpoint::CreateMeeting,
            Route::ListMeetings(_) => Endpoint::ListMeetings,
            Route::GetMeeting(_) => Endpoint::GetMeeting,
            Route::DeleteMeeting(_) => Endpoint::DeleteMeeting,
        }
    }
}

pub(crate) fn route(method: &Method, path: &str) -> Option<Route> {
    if path == "/oauth/token" {
        return (*method == Method::POST).then_some(Route::Token);
    }
    let segments: Vec<&str> = path.strip_prefix("/v2/")?.split('/').collect();
    let id = |s: &str| s.to_owned();
    match (method.clone(), segments.as_slice()) {
        (Method::GET, ["users", user]) => Some(Route::GetUser(id(user))),
        (Method::POST, ["users", user, "meetings"]) => Some(Route::CreateMeeting(id(user))),
        (Method::GET, ["users", user, "meetings"]) => Some(Route::ListMeetings(id(user))),
        (Method::GET, ["meetings", meeting]) => Some(Route::GetMeeting(id(meeting))),
        (Method::DELETE, ["meetings", meeting]) => Some(Route::DeleteMeeting(id(meeting))),
        _ => None,
    }
}

/// Checks the token and its scopes as Zoom does, then answers.
pub(crate) fn answer(state: &State, request: &Received, route: Route) -> Answer {
    let token = request
        .authorization
        .as_deref()
        .and_then(|value| value.strip_prefix("Bearer "));
    let Some(granted) = token.and_then(|token| state.granted(token)) else {
        return zoom_error(StatusCode::UNAUTHORIZED, 124, "Invalid access token.");
    };
    if let Some(refusal) = missing_scopes(&granted, route.endpoint()) {
        return refusal;
    }
    match route {
        Route::Token => zoom_error(StatusCode::NOT_FOUND, 404, "Not an API endpoint."),
        Route::GetUser(user) => with_user(&user, || {
            super::server::json(StatusCode::OK, &user_json(state))
        }),
        Route::CreateMeeting(user) => with_user(&user, || create_meeting(state, &request.body)),
        Route::ListMeetings(user) => with_user(&user, || list_meetings(state)),
        Route::GetMeeting(id) => get_meeting(state, &id),
        Route::DeleteMeeting(id) => delete_meeting(state, &id),
    }
}

/// Zoom's 4711 answer when the token lacks the scopes of `endpoint`, as Zoom checks them: one of
/// the operation's classic scopes, or one of the granular scopes of this very endpoint (a
/// `:master` scope grants the master-account variant, `/accounts/{accountId}/...`, which the
/// mock does not serve). The message names the alternatives least privileged first: the
/// endpoint's granular scopes for a token of granular scopes, the operation's classic ones
/// otherwise.
fn missing_scopes(granted: &ScopeSet, endpoint: Endpoint) -> Option<Answer> {
    let operation = endpoint.operation()?;
    let documented = endpoint.reference()?;
    let classic = operation.granted_by_in(Model::Classic);
    let granular: Vec<Scope> = documented.granular().collect();
    if classic
        .iter()
        .chain(&granular)
        .any(|&s| granted.contains(s))
    {
        return None;
    }
    let named: Vec<&str> = match granted.model() {
        Some(Model::Classic) => classic.iter().map(|s| s.name()).collect(),
        // Granular, or a mix of both models, which Zoom never grants.
        _ => granular.iter().map(|s| s.name()).collect(),
    };
    Some(zoom_error(
        StatusCode::BAD_REQUEST,
        4711,
        &format!(
            "Invalid access token, does not contain scopes:[{}].",
            named.join(", ")
        ),
    ))
}

/// Runs `then` for the mock's one user (`me`, its id or its email); 1001 for anyone else.
fn with_user(user: &str, then: impl FnOnce() -> Answer) -> Answer {
    if [USER_ID, USER_EMAIL, "me"].contains(&user) {
        then()
    } else {
        zoom_error(
            StatusCode::NOT_FOUND,
            1001,
            &format!("User does not exist: {user}."),
        )
    }
}

fn user_json(state: &State) -> Value {
    json!({
        "id": USER_ID,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "display_name": "Ada Lovelace",
        "email": USER_EMAIL,
        "type": 2,
        "account_id": state.account_id,
        "timezone": "UTC",
        "status": "active",
    })
}

fn create_meeting(state: &State, body: &[u8]) -> Answer {
    let Ok(Value::Object(request)) = serde_json::from_slice::<Value>(body) else {
        return zoom_error(
            StatusCode::BAD_REQUEST,
            300,
            "Request Body should be a valid JSON object.",
        );
    };
    let topic = match request.get("topic") {
        None => "Zoom Meeting".to_owned(),
        Some(Value::String(topic)) if topic.chars().count() <= 200 => topic.clone(),
        Some(_) => {
            return zoom_error(
                StatusCode::BAD_REQUEST,
                300,
                "Invalid field: topic (a string of at most 200 characters).",
            );
        }
    };
    let serial = state.next_serial();
    let id = 85_000_000_000 + serial;
    let meeting = json!({
        "id": id,
        "uuid": format!("mock-uuid-{serial}"),
        "host_id": USER_ID,
        "host_email": USER_EMAIL,
        "topic": topic,
        "type": request.get("type").cloned().unwrap_or(json!(2)),
        "start_time": request.get("start_time").cloned().unwrap_or(Value::Null),
        "duration": request.get("duration").cloned().unwrap_or(json!(60)),
        "timezone": request.get("timezone").cloned().unwrap_or(json!("UTC")),
        "agenda": request.get("agenda").cloned().unwrap_or(json!("")),
        "join_url": format!("https://zoom.us/j/{id}"),
    });
    state
        .meetings
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(meeting.clone());
    super::server::json(StatusCode::CREATED, &meeting)
}

fn list_meetings(state: &State) -> Answer {
    let meetings = state
        .meetings
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    super::server::json(
        StatusCode::OK,
        &json!({
            "page_size": 30,
            "total_records": meetings.len(),
            "next_page_token": "",
            "meetings": meetings,
        }),
    )
}

fn get_meeting(state: &State, id: &str) -> Answer {
    let meetings = state
        .meetings
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    match meetings.iter().find(|m| id_matches(m, id)) {
        Some(meeting) => super::server::json(StatusCode::OK, meeting),
        None => no_meeting(id),
    }
}

fn delete_meeting(state: &State, id: &str) -> Answer {
    let mut meetings = state
        .meetings
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let before = meetings.len();
    meetings.retain(|m| !id_matches(m, id));
    if meetings.len() < before {
        empty(StatusCode::NO_CONTENT)
    } else {
        no_meeting(id)
    }
}

/// Whether a stored meeting has the id given in a path.
fn id_matches(meeting: &Value, id: &str) -> bool {
    meeting["id"].as_u64().is_some_and(|n| id.parse() == Ok(n))
}

fn no_meeting(id: &str) -> Answer {
    zoom_error(
        StatusCode::NOT_FOUND,
        3001,
        &format!("Meeting does not exist: {id}."),
    )
}
