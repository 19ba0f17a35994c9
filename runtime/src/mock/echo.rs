//! The answer of the endpoints the mock keeps no state for: what the request said, so a test
//! sees what its client sent.

use std::borrow::Cow;

use hyper::StatusCode;
use serde_json::{Map, Value};

use super::server::{Answer, Received, empty, json};
use crate::Method;

/// 200 (`GET`, `PUT`, `PATCH`) or 201 (`POST`) with the echo, or 204 with no body (`DELETE`).
pub(crate) fn answer(
    request: &Received,
    endpoint: crate::Endpoint,
    params: &[(&'static str, Cow<'_, str>)],
) -> Answer {
    let status = match endpoint.method() {
        Method::Get | Method::Put | Method::Patch => StatusCode::OK,
        Method::Post => StatusCode::CREATED,
        Method::Delete => return empty(StatusCode::NO_CONTENT),
    };
    json(status, &Value::Object(echo(request, endpoint, params)))
}

/// `{"endpoint", "operation", "api", "path_params", "query", "body"}`: `operation` and `api`
/// when the endpoint has an operation, `body` when the request had one.
fn echo(
    request: &Received,
    endpoint: crate::Endpoint,
    params: &[(&'static str, Cow<'_, str>)],
) -> Map<String, Value> {
    let mut echo = Map::new();
    echo.insert("endpoint".into(), endpoint.to_string().into());
    if let Some(operation) = endpoint.operation() {
        echo.insert("operation".into(), operation.title().into());
        echo.insert("api".into(), operation.api().into());
    }
    let path_params = params
        .iter()
        .map(|(name, value)| ((*name).to_owned(), Value::from(value.as_ref())))
        .collect();
    echo.insert("path_params".into(), Value::Object(path_params));
    echo.insert(
        "query".into(),
        Value::Object(query(request.query.as_deref())),
    );
    if !request.body.is_empty() {
        echo.insert("body".into(), body(&request.body));
    }
    echo
}

/// The query's pairs, decoded as a form (`+` is a space); a key given twice keeps its last
/// value. Bytes that are not UTF-8 become U+FFFD rather than an error: the echo only reports.
fn query(query: Option<&str>) -> Map<String, Value> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .map(|(key, value)| (key.into_owned(), Value::from(value.into_owned())))
        .collect()
}

/// The request's body as JSON, or as text when it is not JSON (a multipart upload, a form).
fn body(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes)
        .unwrap_or_else(|_| Value::from(String::from_utf8_lossy(bytes).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_decoded_as_forms() {
        let pairs = query(Some("page_size=30&q=a+b%2Fc&q=last&flag"));
        assert_eq!(
            Value::Object(pairs),
            serde_json::json!({"page_size": "30", "q": "last", "flag": ""})
        );
        assert!(query(None).is_empty());
    }

    #[test]
    fn bodies_are_json_or_text() {
        assert_eq!(body(br#"{"topic":"x"}"#), serde_json::json!({"topic": "x"}));
        assert_eq!(body(b"not json"), Value::from("not json"));
        assert_eq!(body(b"\xff"), Value::from("\u{fffd}"));
    }
}
