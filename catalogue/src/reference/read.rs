//! Reading the documents: serde_json into the few fields scope checking needs.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use super::{Endpoint, Method, RateLimit, Reference};

/// A document that could not be read, or does not have the shape of Zoom's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceError {
    /// The document's file name.
    pub document: String,
    /// What is wrong, with the line and column serde_json reports.
    pub reason: String,
}

impl fmt::Display for ReferenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.document, self.reason)
    }
}

impl std::error::Error for ReferenceError {}

#[derive(Deserialize)]
struct Document {
    info: Info,
    #[serde(default)]
    paths: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
}

#[derive(Deserialize)]
struct Info {
    title: String,
}

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    summary: String,
    #[serde(rename = "operationId")]
    operation_id: Option<String>,
    #[serde(default)]
    deprecated: bool,
    #[serde(default)]
    description: String,
    #[serde(rename = "x-extensions", default)]
    extensions: Extensions,
}

#[derive(Deserialize, Default)]
struct Extensions {
    #[serde(rename = "x-macro-scopes", default)]
    classic: Vec<String>,
    #[serde(rename = "x-granular-scopes", default)]
    granular: Vec<String>,
}

/// Reads every `*.json` document in `dir`, in file-name order.
pub fn read_dir(dir: &Path) -> Result<Reference, ReferenceError> {
    let unreadable = |reason: String| ReferenceError {
        document: dir.display().to_string(),
        reason,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| unreadable(e.to_string()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| unreadable(e.to_string()))?.path();
        if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
    files.sort();
    let mut documents = Vec::with_capacity(files.len());
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).map_err(|e| ReferenceError {
            document: name.clone(),
            reason: e.to_string(),
        })?;
        documents.push((name, text));
    }
    read_documents(&documents)
}

/// Reads documents given as (file name, text).
pub fn read_documents(documents: &[(String, String)]) -> Result<Reference, ReferenceError> {
    let mut records = Vec::new();
    for (name, text) in documents {
        read_document(name, text, &mut records)?;
    }
    Ok(Reference::from_records(documents.len(), records))
}

fn read_document(name: &str, text: &str, into: &mut Vec<Endpoint>) -> Result<(), ReferenceError> {
    let error = |reason: String| ReferenceError {
        document: name.to_owned(),
        reason,
    };
    let document: Document = serde_json::from_str(text).map_err(|e| error(e.to_string()))?;
    let master_document = name.trim_end_matches(".json").ends_with("-master");
    for (path, item) in document.paths {
        let master_account = master_document && is_sub_account_path(&path);
        for (key, value) in item {
            // Path items may hold `parameters`, `servers` and the like beside the methods.
            let Some(method) = Method::parse(&key) else {
                continue;
            };
            let record: Record = serde_json::from_value(value)
                .map_err(|e| error(format!("{} {path}: {e}", method.as_str())))?;
            let title = record.summary.trim();
            if title.is_empty() {
                return Err(error(format!("{} {path} has no summary", method.as_str())));
            }
            let rate_limit_text = rate_limit_label(&record.description);
            into.push(Endpoint {
                method,
                title: title.to_owned(),
                operation_id: record.operation_id,
                product: document.info.title.clone(),
                document: name.to_owned(),
                master_account,
                deprecated: record.deprecated,
                rate_limit: rate_limit_text.as_deref().and_then(RateLimit::parse),
                rate_limit_text,
                classic: names(&record.extensions.classic),
                granular: names(&record.extensions.granular),
                path: path.clone(),
            });
        }
    }
    Ok(())
}

/// Whether `path` is under a master account's sub-account: `/accounts/{accountId}` or below.
fn is_sub_account_path(path: &str) -> bool {
    path.strip_prefix("/accounts/{accountId}")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Scope names trimmed, each once, in order; an empty name is dropped.
fn names(written: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(written.len());
    for name in written.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    names
}

/// The label in a description's `**[Rate Limit Label](...):** `LABEL`` line.
fn rate_limit_label(description: &str) -> Option<String> {
    let (_, after) = description.split_once("Rate Limit Label")?;
    let line = after.lines().next()?;
    let (_, quoted) = line.split_once('`')?;
    let (label, _) = quoted.split_once('`')?;
    Some(label.trim().to_owned()).filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(json: &str) -> Result<Reference, ReferenceError> {
        read_documents(&[("test.json".to_owned(), json.to_owned())])
    }

    #[test]
    fn a_record_is_read_from_the_extensions() {
        let r = one(r#"{"info": {"title": "Meetings"}, "paths": {"/users/{userId}/meetings": {
            "parameters": [],
            "post": {"summary": " Create a meeting ", "operationId": "meetingCreate",
              "security": [{"openapi_oauth": ["meeting:write", "meeting:write:meeting"]}],
              "description": "**[Rate Limit Label](https://x):** `Medium`\n",
              "x-extensions": {"x-macro-scopes": [" meeting:write"],
                "x-granular-scopes": ["meeting:write:meeting", "meeting:write:meeting:admin", "meeting:write:meeting"]}}}}}"#)
        .unwrap();
        let e = &r.endpoints[0];
        assert_eq!(
            (e.method, e.path.as_str(), e.title.as_str()),
            (Method::Post, "/users/{userId}/meetings", "Create a meeting")
        );
        assert_eq!(e.classic, ["meeting:write"]);
        assert_eq!(
            e.granular,
            ["meeting:write:meeting", "meeting:write:meeting:admin"]
        );
        assert_eq!(e.rate_limit, Some(RateLimit::Medium));
        assert_eq!(e.operation_id.as_deref(), Some("meetingCreate"));
        assert!(!e.master_account && !e.deprecated && !e.without_scopes());
    }

    #[test]
    fn unknown_labels_are_kept_as_written() {
        let r = one(
            r#"{"info": {"title": "Phone"}, "paths": {"/x": {"get": {"summary": "X",
            "description": "**[Rate Limit Label](https://x):** `1`"}}}}"#,
        )
        .unwrap();
        let e = &r.endpoints[0];
        assert_eq!(
            (e.rate_limit, e.rate_limit_text.as_deref()),
            (None, Some("1"))
        );
        assert!(e.without_scopes());
    }

    #[test]
    fn bad_documents_say_which_and_where() {
        let e = one("{\"info\": {\"title\": \"X\"}, \"paths\": {").unwrap_err();
        assert_eq!(e.document, "test.json");
        assert!(e.reason.contains("line 1"), "{e}");
        let e = one(r#"{"paths": {}}"#).unwrap_err();
        assert!(e.to_string().contains("missing field `info`"), "{e}");
        let e = one(r#"{"info": {"title": "X"}, "paths": {"/x": {"get": {"summary": 3}}}}"#)
            .unwrap_err();
        assert!(
            e.to_string().starts_with("test.json: GET /x: invalid type"),
            "{e}"
        );
        let e = one(r#"{"info": {"title": "X"}, "paths": {"/x": {"get": {"summary": "  "}}}}"#)
            .unwrap_err();
        assert_eq!(e.to_string(), "test.json: GET /x has no summary");
    }

    #[test]
    fn one_endpoint_in_two_documents_is_one_endpoint() {
        let doc = |scope: &str| {
            format!(
                r#"{{"info": {{"title": "Accounts"}}, "paths": {{"/x": {{"get": {{"summary": "X",
                "x-extensions": {{"x-granular-scopes": ["{scope}"]}}}}}}}}}}"#
            )
        };
        let r = read_documents(&[
            ("accounts.json".to_owned(), doc("a:read:x:admin")),
            ("accounts-master.json".to_owned(), doc("a:read:x:master")),
        ])
        .unwrap();
        assert_eq!((r.records.len(), r.endpoints.len()), (2, 1));
        assert_eq!(
            r.endpoints[0].granular,
            ["a:read:x:admin", "a:read:x:master"]
        );
        assert_eq!(r.merged, [(Method::Get, "/x".to_owned(), true)]);
    }
}
