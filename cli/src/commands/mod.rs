//! One module per subcommand: each turns its arguments into a report, or into an input error.

mod audit;
mod explain;
mod migrate;
mod minimal;
mod package;
mod scope;
mod search;

use std::io;

use serde::Serialize;
use zoom_scopes_macros_core::resolve::{LookupError, Qualifier};
use zoom_scopes_tables::{OperationId, ScopeId};

use crate::cli::{Cli, Command};
use crate::render::{Format, Report, emit};

/// How a command that ran went.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Nothing to report: exit 0.
    Clean,
    /// Findings: exit 1.
    Findings,
}

/// Why a command could not give an answer (exit 2): one message per problem found.
#[derive(Debug)]
pub struct Failure(pub Vec<String>);

impl Failure {
    /// One problem.
    pub fn new(message: impl Into<String>) -> Failure {
        Failure(vec![message.into()])
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::new(format!("cannot write the output: {e}"))
    }
}

pub fn run(cli: Cli) -> Result<Status, Failure> {
    let format = cli.format;
    if format.annotates() && !matches!(cli.command, Command::Audit { .. }) {
        return Err(Failure::new(format!(
            "--format {} is for `audit` only: it places findings on the lines of a crate's \
             files; use text, json or markdown here",
            format.name()
        )));
    }
    match cli.command {
        Command::Explain { title, api } => explain::run(&title, api.as_deref(), format),
        Command::Scope { name, model } => scope::run(&name, model.map(Into::into), format),
        Command::Search { words, limit } => search::run(&words.join(" "), limit, format),
        Command::Minimal {
            titles,
            from,
            all,
            model,
            level,
        } => {
            let scopes = minimal::Scopes {
                model: model.into(),
                level: level.map(Into::into),
            };
            minimal::run(&titles, from.as_deref(), all, scopes, format)
        }
        Command::Audit { dir, level, deny } => {
            audit::run(&dir, level.map(Into::into), &deny, format)
        }
        Command::Migrate { dir } => migrate::run(&dir, format),
    }
}

/// Prints `report` and passes `status` on.
fn answer<R: Report>(report: &R, format: Format, status: Status) -> Result<Status, Failure> {
    emit(report, format)?;
    Ok(status)
}

/// An operation in reports: `{"title", "api"}`.
#[derive(Clone, Debug, Serialize)]
struct OperationView {
    title: &'static str,
    api: &'static str,
}

impl OperationView {
    fn new(op: OperationId) -> OperationView {
        OperationView {
            title: op.title(),
            api: op.api().name(),
        }
    }

    /// "Title (API group)".
    fn label(&self) -> String {
        format!("{} ({})", self.title, self.api)
    }
}

/// "Title (API group)" for a title documented in several API groups, else the title alone.
fn short_label(op: OperationId) -> String {
    let view = OperationView::new(op);
    if OperationId::titled(view.title).nth(1).is_some() {
        view.label()
    } else {
        view.title.to_owned()
    }
}

/// A scope in reports, with what its name says about its privilege.
#[derive(Clone, Debug, Serialize)]
struct ScopeView {
    name: &'static str,
    level: &'static str,
    access: &'static str,
    description: Option<&'static str>,
}

impl ScopeView {
    fn new(scope: ScopeId) -> ScopeView {
        ScopeView {
            name: scope.name(),
            level: scope.level().as_str(),
            access: scope.access().as_str(),
            description: scope.description(),
        }
    }
}

fn scope_names(ids: &[ScopeId]) -> Vec<&'static str> {
    ids.iter().map(|s| s.name()).collect()
}

/// The attribute to write for `op`: with `api` only when the title alone does not name it (a
/// title several API groups document, or the Video SDK's "Create a session", which the title
/// alone names in Zoom Events).
fn annotation(op: OperationId) -> String {
    if OperationId::find(op.title(), None) == Some(op) {
        format!("#[requires_api({:?})]", op.title())
    } else {
        let api = op.api().name();
        format!("#[requires_api({:?}, api = {api:?})]", op.title())
    }
}

/// A title lookup's error for the command line: the shared message, with the API group written
/// as `qualifier` writes it, and for an unknown title the command that finds titles by words.
fn lookup_message(error: &LookupError, qualifier: Qualifier) -> String {
    let mut message = error.render(qualifier);
    if let LookupError::UnknownTitle { .. } = error {
        message.push_str(
            "\nhelp: `cargo zoom-scopes search WORDS` finds operations by the words of their titles",
        );
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use zoom_scopes_macros_core::resolve;

    #[test]
    fn lookup_messages_name_the_command_line_form() {
        let e = resolve::operation("List meetings", None).unwrap_err();
        let flag = lookup_message(&e, Qualifier::ApiFlag);
        assert!(flag.contains("choose one with --api \"GROUP\""), "{flag}");
        assert!(flag.contains("--api \"Meeting\"  "), "{flag}");
        let at = lookup_message(&e, Qualifier::AtApi);
        assert!(at.contains("\"List meetings @ Meeting\""), "{at}");
        let e = resolve::operation("Create a meeting", Some("Meetin")).unwrap_err();
        let msg = lookup_message(&e, Qualifier::ApiFlag);
        assert!(msg.contains("did you mean \"Meeting\""), "{msg}");
        assert!(msg.contains("documented in --api \"Meeting\""), "{msg}");
        let e = resolve::operation("Crate a meeting", None).unwrap_err();
        assert!(lookup_message(&e, Qualifier::ApiFlag).contains("cargo zoom-scopes search"));
        let e = resolve::operation("create a meeting", None).unwrap_err();
        assert!(!lookup_message(&e, Qualifier::ApiFlag).contains("cargo zoom-scopes search"));
    }

    #[test]
    fn annotations_name_the_api_group_only_when_needed() {
        let create = resolve::operation("Create a meeting", None).unwrap();
        assert_eq!(annotation(create), "#[requires_api(\"Create a meeting\")]");
        let list = resolve::operation("List meetings", Some("Meeting")).unwrap();
        assert_eq!(
            annotation(list),
            "#[requires_api(\"List meetings\", api = \"Meeting\")]"
        );
        assert_eq!(short_label(list), "List meetings (Meeting)");
        assert_eq!(short_label(create), "Create a meeting");
        let sdk = resolve::operation("Create a session", Some("Video SDK")).unwrap();
        assert_eq!(
            annotation(sdk),
            "#[requires_api(\"Create a session\", api = \"Video SDK\")]"
        );
    }
}
