//! What one HTTP attempt's outcome means: done, retry after a wait, renew the token, or fail.

use std::time::{Duration, SystemTime};

use bytes::Bytes as Body;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};

use super::error::{Error, RequestInfo};
use super::retry::{RetryPolicy, parse_retry_after};
use super::zoom_error::{ApiErrorBody, INVALID_TOKEN, MISSING_SCOPES, missing_scopes};

/// The outcome of one attempt.
pub(crate) enum Outcome {
    /// A success status and its body.
    Done(StatusCode, Body),
    /// Worth retrying after `wait`, if the policy still allows; `error` if it does not.
    Retry { wait: Duration, error: Error },
    /// Zoom rejected the token (124): renew it once and retry.
    TokenRejected(Error),
    /// Final.
    Fail(Error),
}

/// Methods whose repetition is harmless, so a server error or a broken connection may be
/// retried: Zoom may have carried out a `POST` or `PATCH` before failing.
pub(crate) fn idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS | Method::TRACE
    )
}

/// Judges a transport failure: a connection that was never made is safe to retry for any
/// method; a request that may have reached Zoom only for idempotent ones.
pub(crate) fn transport(
    request: &RequestInfo,
    error: reqwest::Error,
    retry: u32,
    policy: &RetryPolicy,
) -> Outcome {
    let retryable = error.is_connect() || idempotent(request.method());
    let error = Error::Transport {
        request: request.clone(),
        source: error,
    };
    if retryable {
        Outcome::Retry {
            wait: policy.backoff_delay(retry),
            error,
        }
    } else {
        Outcome::Fail(error)
    }
}

/// Judges an answer. `attempts` counts requests sent so far, `retry` the number the next
/// retry would be.
pub(crate) fn judge(
    request: &RequestInfo,
    status: StatusCode,
    headers: &HeaderMap,
    body: Body,
    attempts: u32,
    policy: &RetryPolicy,
) -> Outcome {
    if status.is_success() {
        return Outcome::Done(status, body);
    }
    let parsed = ApiErrorBody::parse(&body);
    if parsed.code == Some(MISSING_SCOPES) {
        let message = parsed.message_or("the token does not contain the required scopes");
        let (missing, unknown) = missing_scopes(&message);
        return Outcome::Fail(Error::ZoomMissingScopes {
            request: request.clone(),
            missing: Box::new(missing),
            unknown,
            message,
        });
    }
    if status == StatusCode::UNAUTHORIZED && matches!(parsed.code, None | Some(INVALID_TOKEN)) {
        return Outcome::TokenRejected(Error::InvalidToken {
            request: request.clone(),
            code: parsed.code,
            message: parsed.message_or("unauthorized"),
        });
    }
    if status == StatusCode::TOO_MANY_REQUESTS {
        return rate_limited(request, headers, parsed, attempts, policy);
    }
    let error = Error::Api {
        request: request.clone(),
        status,
        code: parsed.code,
        message: parsed.message_or("no message"),
        attempts,
    };
    if status.is_server_error() && idempotent(request.method()) {
        Outcome::Retry {
            wait: policy.backoff_delay(attempts),
            error,
        }
    } else {
        Outcome::Fail(error)
    }
}

/// A 429: wait as long as `Retry-After` says when that is acceptable, back off when Zoom did
/// not say (at least the floor of the endpoint's rate-limit label), and give up at once on a
/// daily limit (it resets at midnight UTC).
fn rate_limited(
    request: &RequestInfo,
    headers: &HeaderMap,
    parsed: ApiErrorBody,
    attempts: u32,
    policy: &RetryPolicy,
) -> Outcome {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let retry_after = header("retry-after").and_then(|v| parse_retry_after(v, SystemTime::now()));
    let limit_type = header("x-ratelimit-type").map(str::to_owned);
    let daily = limit_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("daily-limit"));
    let error = Error::RateLimited {
        request: request.clone(),
        retry_after,
        limit_type,
        attempts,
        message: parsed.message_or("too many requests"),
    };
    match retry_after {
        Some(wait) if policy.accepts_wait(wait) => Outcome::Retry { wait, error },
        Some(_) => Outcome::Fail(error),
        None if daily => Outcome::Fail(error),
        None => Outcome::Retry {
            wait: policy
                .rate_limit_delay(attempts, request.endpoint().and_then(|e| e.rate_limit())),
            error,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RateLimit, operation};
    use reqwest::header::HeaderValue;

    fn info(method: Method) -> RequestInfo {
        RequestInfo::new(
            operation!("Get a user", api = "User"),
            method,
            "/users/me".into(),
            None,
        )
    }

    fn judge_answer(
        method: Method,
        status: u16,
        headers: &[(&'static str, &str)],
        body: &str,
    ) -> Outcome {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        let status = StatusCode::from_u16(status).unwrap();
        judge(
            &info(method),
            status,
            &map,
            Body::copy_from_slice(body.as_bytes()),
            1,
            &RetryPolicy::default(),
        )
    }

    #[test]
    fn success_is_done() {
        assert!(matches!(judge_answer(Method::GET, 204, &[], ""), Outcome::Done(s, _) if s == 204));
    }

    #[test]
    fn code_4711_names_the_scopes() {
        let outcome = judge_answer(
            Method::GET,
            400,
            &[],
            r#"{"code":4711,"message":"Invalid access token, does not contain scopes:[user:read, user:read:admin]."}"#,
        );
        let Outcome::Fail(Error::ZoomMissingScopes { missing, .. }) = outcome else {
            panic!("expected 4711");
        };
        assert_eq!(missing.to_string(), "user:read user:read:admin");
    }

    #[test]
    fn code_124_asks_for_a_new_token() {
        let body = r#"{"code":124,"message":"Invalid access token."}"#;
        assert!(matches!(
            judge_answer(Method::POST, 401, &[], body),
            Outcome::TokenRejected(_)
        ));
        // Another 401 code is a plain refusal.
        let other = r#"{"code":300,"message":"nope"}"#;
        assert!(matches!(
            judge_answer(Method::GET, 401, &[], other),
            Outcome::Fail(Error::Api { .. })
        ));
    }

    #[test]
    fn rate_limits() {
        let body = r#"{"code":429,"message":"slow down"}"#;
        let Outcome::Retry { wait, .. } =
            judge_answer(Method::POST, 429, &[("retry-after", "2")], body)
        else {
            panic!("a short Retry-After is waited for");
        };
        assert_eq!(wait, Duration::from_secs(2));
        assert!(matches!(
            judge_answer(Method::GET, 429, &[("retry-after", "3600")], body),
            Outcome::Fail(Error::RateLimited {
                retry_after: Some(_),
                ..
            })
        ));
        assert!(matches!(
            judge_answer(
                Method::GET,
                429,
                &[("x-ratelimit-type", "Daily-limit")],
                body
            ),
            Outcome::Fail(Error::RateLimited { .. })
        ));
        assert!(matches!(
            judge_answer(Method::GET, 429, &[("x-ratelimit-type", "QPS")], body),
            Outcome::Retry { .. }
        ));
    }

    #[test]
    fn a_heavy_endpoints_429_waits_for_its_labels_floor() {
        let body = r#"{"code":429,"message":"slow down"}"#;
        for label in [RateLimit::Heavy, RateLimit::ResourceIntensive] {
            let endpoint = crate::Endpoint::all()
                .find(|e| e.rate_limit() == Some(label) && e.operation().is_some())
                .expect("the reference labels some endpoints so");
            let info = RequestInfo::new(
                endpoint.operation().expect("found with one"),
                Method::GET,
                endpoint.path().into(),
                Some(endpoint),
            );
            let policy = RetryPolicy::default();
            let outcome = judge(
                &info,
                StatusCode::TOO_MANY_REQUESTS,
                &HeaderMap::new(),
                Body::copy_from_slice(body.as_bytes()),
                1,
                &policy,
            );
            let Outcome::Retry { wait, .. } = outcome else {
                panic!("a 429 without Retry-After is retried");
            };
            assert!(
                wait >= policy.rate_limit_wait_floor(label),
                "{label:?}: {wait:?}"
            );
        }
    }

    #[test]
    fn server_errors_retry_only_when_idempotent() {
        assert!(matches!(
            judge_answer(Method::GET, 503, &[], "oops"),
            Outcome::Retry { .. }
        ));
        assert!(matches!(
            judge_answer(Method::DELETE, 500, &[], ""),
            Outcome::Retry { .. }
        ));
        assert!(matches!(
            judge_answer(Method::POST, 502, &[], ""),
            Outcome::Fail(Error::Api { .. })
        ));
        assert!(matches!(
            judge_answer(Method::GET, 404, &[], "{}"),
            Outcome::Fail(Error::Api { .. })
        ));
    }
}
