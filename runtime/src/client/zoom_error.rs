//! Zoom's error bodies: `{"code": 4711, "message": "..."}` from the API, and
//! `{"error": "...", "reason": "..."}` from the token endpoint.

use serde::Deserialize;

use crate::ScopeSet;

/// Zoom's error code for a token that lacks the scopes an endpoint requires.
pub(crate) const MISSING_SCOPES: i64 = 4711;
/// Zoom's error code for an invalid or expired access token.
pub(crate) const INVALID_TOKEN: i64 = 124;

/// An API error body. Both fields are optional: gateways in front of Zoom answer with other
/// shapes, and a partial body still says more than none.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ApiErrorBody {
    pub code: Option<i64>,
    pub message: Option<String>,
}

impl ApiErrorBody {
    /// Reads an error body; anything that is not Zoom's JSON shape is kept as a short message.
    pub fn parse(body: &[u8]) -> ApiErrorBody {
        match serde_json::from_slice::<ApiErrorBody>(body) {
            Ok(parsed) if parsed.code.is_some() || parsed.message.is_some() => parsed,
            _ => ApiErrorBody {
                code: None,
                message: Some(summarise(body)),
            },
        }
    }

    pub fn message_or(&self, default: &str) -> String {
        self.message.clone().unwrap_or_else(|| default.to_owned())
    }
}

/// A token endpoint error body.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct TokenErrorBody {
    pub error: Option<String>,
    pub reason: Option<String>,
}

impl TokenErrorBody {
    pub fn parse(body: &[u8]) -> TokenErrorBody {
        serde_json::from_slice(body).unwrap_or_default()
    }
}

/// The scopes named in a 4711 message, `"Invalid access token, does not contain
/// scopes:[meeting:read, meeting:read:admin]."`: the documented ones (classic or granular), and
/// the names this catalogue does not know (scopes Zoom added since).
pub(crate) fn missing_scopes(message: &str) -> (ScopeSet, Vec<String>) {
    let Some(start) = message.find("scopes:[") else {
        return (ScopeSet::EMPTY, Vec::new());
    };
    let list = &message[start + "scopes:[".len()..];
    let list = list.split(']').next().unwrap_or(list);
    ScopeSet::parse_lenient(list)
}

/// A short, printable stand-in for a body that is not Zoom's error JSON.
fn summarise(body: &[u8]) -> String {
    const LIMIT: usize = 200;
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return "empty body".to_owned();
    }
    let mut short: String = text.chars().take(LIMIT).collect();
    if short.len() < text.len() {
        short.push_str("...");
    }
    format!("body is not Zoom's error JSON: {short:?}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scope;

    #[test]
    fn scopes_in_a_4711_message() {
        let (known, unknown) = missing_scopes(
            "Invalid access token, does not contain scopes:[meeting:read, meeting:read:admin, meeting:read:not_yet_documented].",
        );
        assert_eq!(
            known,
            ScopeSet::from_scopes(&[Scope::MEETING_READ, Scope::MEETING_READ_ADMIN])
        );
        assert_eq!(unknown, ["meeting:read:not_yet_documented"]);
        // Granular names, as Zoom lists them for a granular token.
        let (known, unknown) = missing_scopes(
            "Invalid access token, does not contain scopes:[meeting:write:meeting, meeting:write:meeting:admin].",
        );
        assert_eq!(
            known,
            ScopeSet::from_scopes(&[
                Scope::MEETING_WRITE_MEETING,
                Scope::MEETING_WRITE_MEETING_ADMIN
            ])
        );
        assert!(unknown.is_empty());
    }

    #[test]
    fn a_message_without_a_list_names_nothing() {
        assert_eq!(
            missing_scopes("Invalid access token."),
            (ScopeSet::EMPTY, vec![])
        );
        assert_eq!(
            missing_scopes("does not contain scopes:[user:read"),
            (ScopeSet::from_scopes(&[Scope::USER_READ]), vec![])
        );
    }

    #[test]
    fn bodies_of_any_shape() {
        let zoom = ApiErrorBody::parse(br#"{"code":124,"message":"Invalid access token."}"#);
        assert_eq!(zoom.code, Some(INVALID_TOKEN));
        assert_eq!(zoom.message.as_deref(), Some("Invalid access token."));

        let html = ApiErrorBody::parse(b"<html>502 Bad Gateway</html>");
        assert_eq!(html.code, None);
        assert!(html.message.unwrap().contains("502 Bad Gateway"));

        assert_eq!(
            ApiErrorBody::parse(b"").message.as_deref(),
            Some("empty body")
        );
        let long = ApiErrorBody::parse(&[b'x'; 1000]).message.unwrap();
        assert!(long.len() < 300 && long.ends_with("...\""), "{long}");

        let token = TokenErrorBody::parse(
            br#"{"reason":"Invalid client_id or client_secret","error":"invalid_client"}"#,
        );
        assert_eq!(token.error.as_deref(), Some("invalid_client"));
        assert!(TokenErrorBody::parse(b"nope").reason.is_none());
    }
}
