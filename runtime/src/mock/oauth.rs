//! The mock's token endpoint: `POST /oauth/token` with the `account_credentials` and
//! `refresh_token` grants, HTTP Basic client authentication, and Zoom's error shapes.

use hyper::StatusCode;

use super::server::{Answer, Received, json};
use super::state::State;
use crate::client::TokenResponse;

pub(crate) fn token(state: &State, request: &Received) -> Answer {
    if request.authorization.as_deref() != Some(state.basic_auth.as_str()) {
        return refusal(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Invalid client_id or client_secret",
        );
    }
    // Zoom takes the parameters in the query string or in a form body.
    let mut params: Vec<(String, String)> = Vec::new();
    if let Some(query) = &request.query {
        params.extend(form_urlencoded::parse(query.as_bytes()).into_owned());
    }
    params.extend(form_urlencoded::parse(&request.body).into_owned());
    let param = |name: &str| {
        params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    };
    match param("grant_type") {
        Some("account_credentials") => {
            if param("account_id") != Some(state.account_id.as_str()) {
                return refusal(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "Invalid account_id",
                );
            }
            issued(&state.issue(None, false))
        }
        Some("refresh_token") => {
            match param("refresh_token").and_then(|r| state.redeem_refresh_token(r)) {
                Some(scopes) => issued(&state.issue_user_token(scopes)),
                None => refusal(StatusCode::BAD_REQUEST, "invalid_request", "Invalid Token!"),
            }
        }
        Some(_) => refusal(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "Unsupported grant type",
        ),
        None => refusal(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Missing grant_type",
        ),
    }
}

fn issued(token: &TokenResponse) -> Answer {
    let mut body = serde_json::json!({
        "access_token": token.access_token.expose_secret(),
        "token_type": "bearer",
        "expires_in": token.expires_in,
        "scope": token.scope,
    });
    if let Some(refresh) = &token.refresh_token {
        body["refresh_token"] = refresh.expose_secret().into();
    }
    json(StatusCode::OK, &body)
}

/// The token endpoint's error shape: `{"reason": ..., "error": ...}`.
fn refusal(status: StatusCode, error: &str, reason: &str) -> Answer {
    json(
        status,
        &serde_json::json!({ "reason": reason, "error": error }),
    )
}
