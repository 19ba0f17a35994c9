//! The HTTP side of the mock: accept connections, route requests, apply faults.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use super::routing::{self, Matched};
use super::state::State;
use super::{Fault, api, oauth};

pub(crate) type Answer = Response<Full<Bytes>>;

/// A request as the handlers see it: already read whole.
pub(crate) struct Received {
    pub method: Method,
    pub path: String,
    pub query: Option<String>,
    pub authorization: Option<String>,
    pub body: Bytes,
}

/// Binds `127.0.0.1:0` and serves until the returned task is aborted.
pub(crate) async fn serve(
    state: Arc<State>,
) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, 0)).await?;
    let addr = listener.local_addr()?;
    let task = tokio::spawn(async move {
        // Connections run inside this task's set, so aborting the server ends them too.
        let mut connections = tokio::task::JoinSet::new();
        loop {
            let (stream, _) = match listener.accept().await {
                Ok(accepted) => accepted,
                // A failed accept (too many open files, a reset) ends only that connection.
                Err(_) => continue,
            };
            let _ = stream.set_nodelay(true);
            let state = Arc::clone(&state);
            connections.spawn(async move {
                let service = service_fn(move |request| {
                    let state = Arc::clone(&state);
                    async move { Ok::<_, Infallible>(handle(&state, request).await) }
                });
                // A client hanging up mid-request is its business, not the mock's.
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
            // Reap finished connections so the set does not grow without bound.
            while connections.try_join_next().is_some() {}
        }
    });
    Ok((addr, task))
}

async fn handle(state: &State, request: Request<Incoming>) -> Answer {
    let (parts, body) = request.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return zoom_error(StatusCode::BAD_REQUEST, 300, "Unreadable request body."),
    };
    let request = Received {
        method: parts.method,
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        authorization: parts
            .headers
            .get(hyper::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body,
    };
    let Some(matched) = routing::route(&request.method, &request.path) else {
        state.arrive_unmatched();
        return no_endpoint(&request);
    };
    match state.arrive(matched.route()) {
        Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
        Some(fault) => {
            if let Some(answer) = fault_answer(&fault) {
                return answer;
            }
        }
        None => {}
    }
    match matched {
        Matched::Token => oauth::token(state, &request),
        Matched::Api { endpoint, params } => api::answer(state, &request, endpoint, &params),
    }
}

/// Zoom's 404 for a request no endpoint takes, naming its method and path.
fn no_endpoint(request: &Received) -> Answer {
    zoom_error(
        StatusCode::NOT_FOUND,
        404,
        &format!(
            "No API endpoint matches {} {}.",
            request.method, request.path
        ),
    )
}

/// The answer a fault gives instead of the normal one (none for a delay, which only postpones
/// the normal answer).
fn fault_answer(fault: &Fault) -> Option<Answer> {
    let answer = match fault {
        Fault::RateLimited { retry_after } => {
            let mut answer = zoom_error(
                StatusCode::TOO_MANY_REQUESTS,
                429,
                "You have reached the maximum per-second rate limit for this API. Try again later.",
            );
            let headers = answer.headers_mut();
            headers.insert("x-ratelimit-type", HeaderValue::from_static("QPS"));
            if let Some(seconds) = retry_after {
                headers.insert(RETRY_AFTER, HeaderValue::from(*seconds));
            }
            answer
        }
        Fault::DailyLimit => {
            let mut answer = zoom_error(
                StatusCode::TOO_MANY_REQUESTS,
                429,
                "You have exceeded the daily rate limit of this API. You may resume these requests at GMT 00:00:00.",
            );
            let headers = answer.headers_mut();
            headers.insert("x-ratelimit-type", HeaderValue::from_static("Daily-limit"));
            if let Ok(value) = HeaderValue::try_from(next_midnight_utc()) {
                headers.insert(RETRY_AFTER, value);
            }
            answer
        }
        Fault::ServerError(status) => zoom_error(
            StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            *status as i64,
            "Internal error (injected by the mock).",
        ),
        Fault::InvalidToken => zoom_error(StatusCode::UNAUTHORIZED, 124, "Invalid access token."),
        Fault::MalformedJson => json_bytes(StatusCode::OK, Bytes::from_static(b"{\"id\": \"trunc")),
        Fault::Error {
            status,
            code,
            message,
        } => zoom_error(
            StatusCode::from_u16(*status).unwrap_or(StatusCode::BAD_REQUEST),
            *code,
            message,
        ),
        Fault::Delay(_) => return None,
    };
    Some(answer)
}

/// The next midnight UTC as `YYYY-MM-DDT00:00:00Z`, as Zoom sends for daily limits.
fn next_midnight_utc() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs();
    let days = i64::try_from(now / 86_400 + 1).unwrap_or(0);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}T00:00:00Z")
}

/// The date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Zoom's error body.
pub(crate) fn zoom_error(status: StatusCode, code: i64, message: &str) -> Answer {
    json(
        status,
        &serde_json::json!({ "code": code, "message": message }),
    )
}

pub(crate) fn json(status: StatusCode, value: &serde_json::Value) -> Answer {
    json_bytes(status, Bytes::from(value.to_string()))
}

fn json_bytes(status: StatusCode, body: Bytes) -> Answer {
    let mut answer = Response::new(Full::new(body));
    *answer.status_mut() = status;
    answer.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=UTF-8"),
    );
    answer
}

pub(crate) fn empty(status: StatusCode) -> Answer {
    let mut answer = Response::new(Full::new(Bytes::new()));
    *answer.status_mut() = status;
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(18_413), (2020, 5, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert!(next_midnight_utc().ends_with("T00:00:00Z"));
    }
}
