//! `explain "Title" [--api GROUP]`: an operation, the scopes of each model that grant it, and
//! its endpoints.

use serde::Serialize;
use zoom_scopes_macros_core::resolve::{self, Choice, LookupError, Qualifier};
use zoom_scopes_tables::{EndpointId, Level, MASTER_ONLY, Model, OperationId, ScopeId};

use super::{
    Failure, OperationView, ScopeView, Status, annotation, answer, lookup_message, scope_names,
};
use crate::render::{Format, Report, Style, Table, Tone, code, escape, wrap};

/// How wide the text form's notes are, indentation included.
const NOTE_WIDTH: usize = 80;

/// What `explain` says of an operation no OAuth scope authorises.
const NO_OAUTH: &str = "no OAuth scope of either model grants it: Zoom's API reference names no \
                        scope for its endpoints (the Video SDK's are authorised with an SDK key, \
                        not with OAuth), so #[requires_api] refuses it";

pub fn run(title: &str, api: Option<&str>, format: Format) -> Result<Status, Failure> {
    match resolve::operation(title, api) {
        Ok(op) => answer(&Explained::new(op), format, Status::Clean),
        Err(LookupError::Ambiguous { title, choices }) => {
            answer(&Ambiguous::new(title, choices), format, Status::Findings)
        }
        Err(e) => Err(Failure::new(lookup_message(&e, Qualifier::ApiFlag))),
    }
}

/// An operation, explained.
#[derive(Serialize)]
struct Explained {
    title: &'static str,
    api: &'static str,
    operation_id: Option<&'static str>,
    /// Whether an OAuth scope of either model grants it.
    oauth: bool,
    /// Classic granting scopes, least privileged first.
    scopes: Vec<&'static str>,
    scope_details: Vec<ScopeView>,
    /// Granular granting scopes, least privileged first.
    granular: Vec<&'static str>,
    granular_details: Vec<ScopeView>,
    /// Its endpoints: the regular ones, then the master-account variants.
    endpoints: Vec<EndpointView>,
    endpoint_details: Vec<EndpointDetails>,
    /// Classic scopes grant it, and only `:master` ones.
    master_only: bool,
    /// Granular scopes grant it, and only `:master` ones.
    granular_master_only: bool,
    deprecated: bool,
    replacement: Option<OperationView>,
    /// The attribute to write; none for an operation no OAuth scope grants.
    annotation: Option<String>,
}

/// An endpoint in the public contract's fields.
#[derive(Serialize)]
struct EndpointView {
    method: &'static str,
    path: &'static str,
    master_account: bool,
}

/// An endpoint with what else the API reference says of it.
#[derive(Serialize)]
struct EndpointDetails {
    #[serde(flatten)]
    endpoint: EndpointView,
    operation_id: Option<&'static str>,
    /// Zoom's rate-limit label, upper case (`LIGHT`, `MEDIUM`, `HEAVY`, `RESOURCE-INTENSIVE`).
    rate_limit: Option<&'static str>,
    deprecated: bool,
}

impl EndpointView {
    fn new(e: EndpointId) -> EndpointView {
        EndpointView {
            method: e.method().as_str(),
            path: e.path(),
            master_account: e.master_account(),
        }
    }
}

/// Non-empty, and only `:master` scopes.
fn master_only(scopes: &[ScopeId]) -> bool {
    !scopes.is_empty() && scopes.iter().all(|s| s.level() == Level::Master)
}

impl Explained {
    fn new(op: OperationId) -> Explained {
        let classic = op.granted_by();
        let granular = op.granular();
        let mut endpoints: Vec<EndpointId> = op.endpoints().collect();
        endpoints.sort_by_key(|e| e.master_account());
        let details = |scopes: &[ScopeId]| scopes.iter().map(|&s| ScopeView::new(s)).collect();
        Explained {
            title: op.title(),
            api: op.api().name(),
            operation_id: op.operation_id(),
            oauth: op.oauth(),
            scopes: scope_names(classic),
            scope_details: details(classic),
            granular: scope_names(granular),
            granular_details: details(granular),
            endpoints: endpoints.iter().map(|&e| EndpointView::new(e)).collect(),
            endpoint_details: endpoints
                .iter()
                .map(|&e| EndpointDetails {
                    endpoint: EndpointView::new(e),
                    operation_id: e.operation_id(),
                    rate_limit: e.rate_limit().map(|r| r.as_str()),
                    deprecated: e.deprecated(),
                })
                .collect(),
            master_only: master_only(classic),
            granular_master_only: master_only(granular),
            deprecated: op.deprecated(),
            replacement: op.replacement().map(OperationView::new),
            annotation: op.oauth().then(|| annotation(op)),
        }
    }

    /// The scopes of `model`, with their details.
    fn model(&self, model: Model) -> (&[&'static str], &[ScopeView]) {
        match model {
            Model::Classic => (&self.scopes, &self.scope_details),
            Model::Granular => (&self.granular, &self.granular_details),
        }
    }

    /// What a model's empty list means.
    fn none_of(&self, model: Model) -> &'static str {
        match model {
            Model::Classic => {
                "none (the classic-scope page does not list it; only granular scopes grant it)"
            }
            Model::Granular => {
                "none (Zoom's API reference names only classic scopes for it; only classic \
                 scopes grant it)"
            }
        }
    }

    /// The note on `:master` scopes: which models grant the operation only with them.
    fn master_note(&self) -> Option<String> {
        match (self.master_only, self.granular_master_only) {
            (false, false) => None,
            (true, true) => Some(MASTER_ONLY.to_owned()),
            (classic, _) => {
                let model = if classic { "classic" } else { "granular" };
                let both = !self.scopes.is_empty() && !self.granular.is_empty();
                let only = if both {
                    format!(":master {model} scopes")
                } else {
                    ":master scopes".to_owned()
                };
                Some(MASTER_ONLY.replacen(":master scopes", &only, 1))
            }
        }
    }

    /// The deprecation note, with the replacement when Zoom documents one.
    fn deprecation(&self, quote: impl Fn(&str) -> String) -> Option<String> {
        self.deprecated.then(|| {
            let instead = match &self.replacement {
                Some(r) => format!("; use \"{}\" instead", quote(r.title)),
                None => String::new(),
            };
            format!("Zoom marks it deprecated{instead}")
        })
    }
}

impl Report for Explained {
    fn text(&self, style: &Style) -> String {
        let mut out = format!(
            "{} {}\n",
            style.paint(Tone::Heading, self.title),
            style.paint(Tone::Dim, &format!("({} API)", self.api))
        );
        if let Some(id) = self.operation_id {
            out.push_str(&format!("  operationId: {id}\n"));
        }
        let note = style.paint(Tone::Warn, "note");
        let note_line = |text: &str| {
            let lines = wrap(text, NOTE_WIDTH - "  note: ".len());
            format!("  {note}: {}\n", lines.join("\n        "))
        };
        if self.oauth {
            for model in [Model::Classic, Model::Granular] {
                let (names, details) = self.model(model);
                if names.is_empty() {
                    out.push_str(&format!("\n  {model} scopes: {}\n", self.none_of(model)));
                    continue;
                }
                out.push_str(&format!("\n  {model} scopes, least privileged first:\n"));
                let mut table = Table::indented(4);
                for s in details {
                    table.row(vec![
                        (s.name.to_owned(), Tone::Scope),
                        (s.level.to_owned(), Tone::Plain),
                        (s.access.to_owned(), Tone::Plain),
                        (s.description.unwrap_or("").to_owned(), Tone::Dim),
                    ]);
                }
                out.push_str(&table.render(style));
            }
        } else {
            out.push('\n');
            out.push_str(&note_line(NO_OAUTH));
        }
        if self.endpoint_details.is_empty() {
            out.push_str("\n  endpoints: none in Zoom's API reference\n");
        } else {
            out.push_str("\n  endpoints (method, path, rate-limit label):\n");
            let mut table = Table::indented(4);
            for e in &self.endpoint_details {
                let mut row = vec![
                    (e.endpoint.method.to_owned(), Tone::Plain),
                    (e.endpoint.path.to_owned(), Tone::Heading),
                    (e.rate_limit.unwrap_or("no label").to_owned(), Tone::Dim),
                ];
                if e.endpoint.master_account {
                    row.push(("master account".to_owned(), Tone::Plain));
                }
                if e.deprecated {
                    row.push(("deprecated".to_owned(), Tone::Warn));
                }
                table.row(row);
            }
            out.push_str(&table.render(style));
        }
        if let Some(annotation) = &self.annotation {
            out.push_str(&format!("\n  annotate with: {annotation}\n"));
        }
        if let Some(master) = self.master_note() {
            out.push_str(&note_line(&master));
        }
        if let Some(deprecated) = self.deprecation(str::to_owned) {
            out.push_str(&note_line(&deprecated));
        }
        out
    }

    fn markdown(&self) -> String {
        let mut out = format!(
            "## {}\n\nAPI group: {}",
            escape(self.title),
            escape(self.api)
        );
        if let Some(id) = self.operation_id {
            out.push_str(&format!(" · operationId: {}", code(id)));
        }
        out.push('\n');
        if self.oauth {
            for model in [Model::Classic, Model::Granular] {
                let (names, details) = self.model(model);
                if names.is_empty() {
                    let none = self.none_of(model);
                    out.push_str(&format!("\n{} scopes: {}.\n", capital(model), escape(none)));
                    continue;
                }
                // Zoom describes classic scopes only.
                let described = details.iter().any(|s| s.description.is_some());
                let (header, rule) = if described {
                    (" Description |", " --- |")
                } else {
                    ("", "")
                };
                out.push_str(&format!(
                    "\n| {} scope | Level | Access |{header}\n| --- | --- | --- |{rule}\n",
                    capital(model)
                ));
                for s in details {
                    let description = match (described, s.description) {
                        (true, d) => format!(" {} |", escape(d.unwrap_or(""))),
                        (false, _) => String::new(),
                    };
                    out.push_str(&format!(
                        "| {} | {} | {} |{description}\n",
                        code(s.name),
                        s.level,
                        s.access,
                    ));
                }
            }
        } else {
            out.push_str(&format!("\n> Note: {}.\n", escape(NO_OAUTH)));
        }
        if !self.endpoint_details.is_empty() {
            out.push_str(
                "\n| Method | Path | Master account | Rate-limit label |\n| --- | --- | --- | --- |\n",
            );
            for e in &self.endpoint_details {
                let mut label = e.rate_limit.unwrap_or("").to_owned();
                if e.deprecated {
                    label.push_str(" (deprecated)");
                }
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    e.endpoint.method,
                    code(e.endpoint.path),
                    if e.endpoint.master_account {
                        "yes"
                    } else {
                        "no"
                    },
                    label.trim()
                ));
            }
        }
        if let Some(annotation) = &self.annotation {
            out.push_str(&format!("\nAnnotate with {}.\n", code(annotation)));
        }
        if let Some(master) = self.master_note() {
            out.push_str(&format!("\n> Note: {}.\n", escape(&master)));
        }
        if let Some(deprecated) = self.deprecation(escape) {
            out.push_str(&format!("\n> Note: {deprecated}.\n"));
        }
        out
    }
}

/// "Classic" or "Granular".
fn capital(model: Model) -> &'static str {
    match model {
        Model::Classic => "Classic",
        Model::Granular => "Granular",
    }
}

/// A title documented in several API groups with different scopes.
#[derive(Serialize)]
struct Ambiguous {
    title: String,
    ambiguous: bool,
    choices: Vec<ChoiceView>,
    /// The text form: the lookup's own message, as the command line qualifies a title.
    #[serde(skip)]
    message: String,
}

#[derive(Serialize)]
struct ChoiceView {
    api: String,
    scopes: Vec<String>,
}

impl From<Choice> for ChoiceView {
    fn from(c: Choice) -> ChoiceView {
        ChoiceView {
            api: c.api,
            scopes: c.scopes,
        }
    }
}

impl Ambiguous {
    fn new(title: String, choices: Vec<Choice>) -> Ambiguous {
        let error = LookupError::Ambiguous {
            title: title.clone(),
            choices: choices.clone(),
        };
        let message = error.render(Qualifier::ApiFlag);
        Ambiguous {
            title,
            ambiguous: true,
            choices: choices.into_iter().map(ChoiceView::from).collect(),
            message,
        }
    }
}

impl Report for Ambiguous {
    fn text(&self, _style: &Style) -> String {
        format!("{}\n", self.message)
    }

    fn markdown(&self) -> String {
        let mut out = format!(
            "## {}\n\nDocumented in {} API groups with different scopes:\n\n| API group | Granted by |\n| --- | --- |\n",
            escape(&self.title),
            self.choices.len()
        );
        for c in &self.choices {
            let scopes: Vec<String> = c.scopes.iter().map(|s| code(s)).collect();
            out.push_str(&format!("| {} | {} |\n", escape(&c.api), scopes.join(", ")));
        }
        out
    }
}
