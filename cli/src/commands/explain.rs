//! `explain "Title" [--api GROUP]`: an operation and the scopes that grant it.

use serde::Serialize;
use zoom_scopes_macros_core::resolve::{self, Choice, LookupError, Qualifier};
use zoom_scopes_tables::{Level, MASTER_ONLY, OperationId};

use super::{
    Failure, OperationView, ScopeView, Status, annotation, answer, lookup_message, scope_names,
};
use crate::render::{Format, Report, Style, Table, Tone, code, escape, wrap};

/// How wide the text form's notes are, indentation included.
const NOTE_WIDTH: usize = 80;

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
    /// Granting scopes, least privileged first.
    scopes: Vec<&'static str>,
    scope_details: Vec<ScopeView>,
    /// Only `:master` scopes grant it.
    master_only: bool,
    deprecated: bool,
    replacement: Option<OperationView>,
    annotation: String,
}

impl Explained {
    fn new(op: OperationId) -> Explained {
        let granted = op.granted_by();
        Explained {
            title: op.title(),
            api: op.api().name(),
            operation_id: op.operation_id(),
            scopes: scope_names(granted),
            scope_details: granted.iter().map(|&s| ScopeView::new(s)).collect(),
            master_only: granted.iter().all(|s| s.level() == Level::Master),
            deprecated: op.deprecated(),
            replacement: op.replacement().map(OperationView::new),
            annotation: annotation(op),
        }
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
        out.push_str("\n  granted by, least privileged first:\n");
        let mut table = Table::indented(4);
        for s in &self.scope_details {
            table.row(vec![
                (s.name.to_owned(), Tone::Scope),
                (s.level.to_owned(), Tone::Plain),
                (s.access.to_owned(), Tone::Plain),
                (s.description.unwrap_or("").to_owned(), Tone::Dim),
            ]);
        }
        out.push_str(&table.render(style));
        out.push_str(&format!("\n  annotate with: {}\n", self.annotation));
        if self.master_only {
            let note = style.paint(Tone::Warn, "note");
            let lines = wrap(MASTER_ONLY, NOTE_WIDTH - "  note: ".len());
            out.push_str(&format!("  {note}: {}\n", lines.join("\n        ")));
        }
        if self.deprecated {
            let instead = match &self.replacement {
                Some(r) => format!("; use \"{}\" instead", r.title),
                None => String::new(),
            };
            let note = style.paint(Tone::Warn, "note");
            out.push_str(&format!("  {note}: Zoom marks it deprecated{instead}\n"));
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
        out.push_str("\n\n| Scope | Level | Access | Description |\n| --- | --- | --- | --- |\n");
        for s in &self.scope_details {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                code(s.name),
                s.level,
                s.access,
                escape(s.description.unwrap_or(""))
            ));
        }
        out.push_str(&format!("\nAnnotate with {}.\n", code(&self.annotation)));
        if self.master_only {
            out.push_str(&format!("\n> Note: {}.\n", escape(MASTER_ONLY)));
        }
        if self.deprecated {
            let instead = match &self.replacement {
                Some(r) => format!("; use \"{}\" instead", escape(r.title)),
                None => String::new(),
            };
            out.push_str(&format!("\n> Note: Zoom marks it deprecated{instead}.\n"));
        }
        out
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
