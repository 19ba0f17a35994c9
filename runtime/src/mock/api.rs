//! The mock's API endpoints: Zoom's token and scope checks, then the stateful handlers or the
//! echo.

use std::borrow::Cow;

use hyper::StatusCode;
use serde_json::{Value, json};

use super::server::{Answer, Received, empty, zoom_error};
use super::state::State;
use super::{Endpoint, echo, routing};
use crate::{Model, Scope, ScopeSet};

const USER_ID: &str = "mock-user-id";
const USER_EMAIL: &str = "ada@example.com";

/// Checks the token and its scopes as Zoom does, then answers the request to `endpoint`, whose
/// path parameters (still percent-encoded) are `params`.
pub(crate) fn answer(
    state: &State,
    request: &Received,
    endpoint: crate::Endpoint,
    params: &[(&'static str, &str)],
) -> Answer {
    let Some(granted) = bearer(request).and_then(|token| state.granted(token)) else {
        return invalid_token();
    };
    let granting = Granting::of(endpoint);
    if granting.is_empty() {
        // No OAuth scope authorises it (the Video SDK's, a chatbot's messages, ...): it takes a
        // JWT signed with an SDK key or a token of another kind, so no OAuth token is valid
        // there, whatever its scopes.
        return invalid_token();
    }
    if let Some(refusal) = granting.refusal(&granted) {
        return refusal;
    }
    let params = match routing::decode(params) {
        Ok(params) => params,
        Err(name) => {
            return zoom_error(
                StatusCode::BAD_REQUEST,
                300,
                &format!("Invalid path parameter: {name} (not UTF-8 once percent-decoded)."),
            );
        }
    };
    match state.stateful(endpoint) {
        Some(named) => stateful(state, request, named, first_value(&params)),
        None => echo::answer(request, endpoint, &params),
    }
}

/// The token of an `Authorization: Bearer ...` header.
fn bearer(request: &Received) -> Option<&str> {
    request
        .authorization
        .as_deref()
        .and_then(|value| value.strip_prefix("Bearer "))
}

fn invalid_token() -> Answer {
    zoom_error(StatusCode::UNAUTHORIZED, 124, "Invalid access token.")
}

/// The value of an endpoint's one path parameter (the stateful endpoints each have one).
fn first_value<'v>(params: &'v [(&'static str, Cow<'_, str>)]) -> &'v str {
    params.first().map_or("", |(_, value)| value.as_ref())
}

/// The answer of one of the endpoints the mock keeps state for, for the user or meeting `id`.
fn stateful(state: &State, request: &Received, named: Endpoint, id: &str) -> Answer {
    match named {
        Endpoint::GetUser => with_user(id, || {
            super::server::json(StatusCode::OK, &user_json(state))
        }),
        Endpoint::CreateMeeting => with_user(id, || create_meeting(state, &request.body)),
        Endpoint::ListMeetings => with_user(id, || list_meetings(state)),
        Endpoint::GetMeeting => get_meeting(state, id),
        Endpoint::DeleteMeeting => delete_meeting(state, id),
        // Never stateful: the token endpoint is no API endpoint, and is not routed here.
        Endpoint::Token => zoom_error(StatusCode::NOT_FOUND, 404, "Not an API endpoint."),
    }
}

/// The scopes Zoom accepts for an endpoint: the classic scopes of its operation (classic
/// scopes are operation-level) and the granular scopes of this very endpoint (a `:master`
/// scope grants the master-account variant, `/accounts/{accountId}/...`, not the regular
/// endpoint). Both least privileged first.
struct Granting {
    classic: &'static [Scope],
    endpoint: crate::Endpoint,
}

impl Granting {
    fn of(endpoint: crate::Endpoint) -> Granting {
        let classic = endpoint
            .operation()
            .map_or(&[][..], |op| op.granted_by_in(Model::Classic));
        Granting { classic, endpoint }
    }

    /// Whether no OAuth scope authorises the endpoint.
    fn is_empty(&self) -> bool {
        self.classic.is_empty() && self.endpoint.granular().len() == 0
    }

    /// Zoom's 4711 answer when `granted` holds none of the scopes. The message names the
    /// alternatives least privileged first: the endpoint's granular scopes for a token of
    /// granular scopes, the operation's classic ones for a classic token; the other model's
    /// when the token's has none for this endpoint, as they are then the only ones that do.
    fn refusal(&self, granted: &ScopeSet) -> Option<Answer> {
        if granted.covers_endpoint(self.endpoint) {
            return None;
        }
        // Collected only for the message: a granted request allocates nothing here.
        let granular: Vec<Scope> = self.endpoint.granular().collect();
        let listed = |model| match model {
            Model::Classic => self.classic,
            Model::Granular => granular.as_slice(),
        };
        let model = granted.refusal_model(|model| !listed(model).is_empty());
        let named: Vec<&str> = listed(model).iter().map(|s| s.name()).collect();
        Some(zoom_error(
            StatusCode::BAD_REQUEST,
            4711,
            &format!(
                "Invalid access token, does not contain scopes:[{}].",
                named.join(", ")
            ),
        ))
    }
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
