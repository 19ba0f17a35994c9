//! Zoom's API reference: one OpenAPI document per product (`data/api-reference/*.json`, Zoom's
//! own `endpoints.json` files, trimmed), read for what scope checking needs: every endpoint
//! (method and path), its title, operationId, rate-limit label, whether it is deprecated or a
//! master-account variant, and the scopes of both models that authorise it.
//!
//! The scopes are read from `x-extensions` (`x-macro-scopes` classic, `x-granular-scopes`
//! granular), never from `security[].openapi_oauth`, which lumps both models into one list.
//! Quirks of Zoom's files and what the reader does with each:
//! - scope names and titles with leading or trailing white space are trimmed;
//! - a scope name with white space inside (`contact_center:write:queue disposition:admin`) is
//!   kept as documented, like Zoom's other misspellings: it can be declared and looked up, but
//!   no token's space-separated `scope` field can carry it ([`Reference::unspeakable`]);
//! - an endpoint in two documents (the accounts and accounts-master documents share eleven) is
//!   one endpoint, authorised by the union of both lists;
//! - rate-limit labels come in two cases (`LIGHT`, `Light`) and once as `1`: the known labels
//!   are normalised ([`RateLimit`]), anything else is kept as written in
//!   [`Endpoint::rate_limit_text`];
//! - an endpoint with no scope of either model (Video SDK, Cobrowse SDK and a few others) is
//!   kept: it is authorised by something other than OAuth scopes.

mod read;

use std::collections::BTreeSet;

pub use zoom_scopes_tables::{Method, RateLimit};

pub use read::{ReferenceError, read_dir, read_documents};

/// One endpoint of the API reference: a method and a path template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// The HTTP method.
    pub method: Method,
    /// The path template, as documented (`/users/{userId}/meetings`).
    pub path: String,
    /// The summary, trimmed: the operation's title.
    pub title: String,
    /// The operationId.
    pub operation_id: Option<String>,
    /// The product of the document it is in (`info.title`: "Meetings", "Video SDK").
    pub product: String,
    /// The document's file name (the first, when two documents describe the endpoint).
    pub document: String,
    /// Whether it is a master-account variant (`/accounts/{accountId}/...`, in a `-master`
    /// document).
    pub master_account: bool,
    /// Whether Zoom flags it `deprecated`.
    pub deprecated: bool,
    /// The rate-limit label, when it is one Zoom documents.
    pub rate_limit: Option<RateLimit>,
    /// The rate-limit label as written, when there is one.
    pub rate_limit_text: Option<String>,
    /// Classic scopes (`x-macro-scopes`), trimmed, each once, in document order.
    pub classic: Vec<String>,
    /// Granular scopes (`x-granular-scopes`), trimmed, each once, in document order.
    pub granular: Vec<String>,
}

impl Endpoint {
    /// Whether no OAuth scope of either model authorises it.
    pub fn without_scopes(&self) -> bool {
        self.classic.is_empty() && self.granular.is_empty()
    }
}

/// What the documents hold: every operation record as written, and the endpoints they
/// describe, each once, in the order of the documents (sorted by file name) and their paths.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reference {
    /// How many documents were read.
    pub documents: usize,
    /// Every operation record, document by document (an endpoint two documents describe is
    /// here twice).
    pub records: Vec<Endpoint>,
    /// Every distinct endpoint, its scopes the union of its records'.
    pub endpoints: Vec<Endpoint>,
    /// Endpoints described by two documents, with whether their granular lists differed.
    pub merged: Vec<(Method, String, bool)>,
}

impl Reference {
    /// Merges records that describe one endpoint (the same method and path).
    pub fn from_records(documents: usize, records: Vec<Endpoint>) -> Reference {
        let mut endpoints: Vec<Endpoint> = Vec::with_capacity(records.len());
        let mut at: std::collections::HashMap<(Method, String), usize> =
            std::collections::HashMap::new();
        let mut merged = Vec::new();
        for record in &records {
            let key = (record.method, record.path.clone());
            match at.get(&key) {
                Some(&i) => {
                    let first = &mut endpoints[i];
                    let differ = first.granular != record.granular;
                    union(&mut first.classic, &record.classic);
                    union(&mut first.granular, &record.granular);
                    first.deprecated |= record.deprecated;
                    merged.push((record.method, record.path.clone(), differ));
                }
                None => {
                    at.insert(key, endpoints.len());
                    endpoints.push(record.clone());
                }
            }
        }
        Reference {
            documents,
            records,
            endpoints,
            merged,
        }
    }

    /// Every distinct granular scope name.
    pub fn granular_names(&self) -> BTreeSet<&str> {
        self.endpoints
            .iter()
            .flat_map(|e| e.granular.iter().map(String::as_str))
            .collect()
    }

    /// Every distinct classic scope name the documents use.
    pub fn classic_names(&self) -> BTreeSet<&str> {
        self.endpoints
            .iter()
            .flat_map(|e| e.classic.iter().map(String::as_str))
            .collect()
    }

    /// Scope names no token can carry: a token's `scope` field separates names by white space.
    pub fn unspeakable(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .granular_names()
            .into_iter()
            .chain(self.classic_names())
            .filter(|n| n.contains(char::is_whitespace))
            .collect();
        names.dedup();
        names
    }
}

/// Appends the names of `more` that `names` lacks, in their order.
fn union(names: &mut Vec<String>, more: &[String]) {
    for name in more {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
}
