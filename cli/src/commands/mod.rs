//! One module per subcommand: each turns its arguments into a report, or into an input error.

mod audit;
mod explain;
mod minimal;
mod scope;
mod search;

use std::io;

use serde::Serialize;
use zoom_scopes_catalogue::{Catalogue, Operation, OperationId, Scope, ScopeId};

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
    let catalogue = zoom_scopes_catalogue::try_classic()
        .map_err(|e| Failure::new(format!("the embedded scope catalogue does not parse: {e}")))?;
    let format = cli.format;
    match cli.command {
        Command::Explain { title, api } => explain::run(catalogue, &title, api.as_deref(), format),
        Command::Scope { name } => scope::run(catalogue, &name, format),
        Command::Search { words, limit } => search::run(catalogue, &words.join(" "), limit, format),
        Command::Minimal {
            titles,
            from,
            all,
            level,
        } => minimal::run(
            catalogue,
            &titles,
            from.as_deref(),
            all,
            level.map(Into::into),
            format,
        ),
        Command::Audit { dir, level, deny } => {
            audit::run(catalogue, &dir, level.map(Into::into), &deny, format)
        }
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
    fn new(c: &'static Catalogue, op: OperationId) -> OperationView {
        let op = c.operation(op);
        OperationView {
            title: op.title(),
            api: c.group(op.group()).name(),
        }
    }

    /// "Title (Group)".
    fn label(&self) -> String {
        format!("{} ({})", self.title, self.api)
    }
}

/// "Title (Group)" for a title documented in several groups, else the title alone.
fn short_label(c: &'static Catalogue, op: OperationId) -> String {
    let view = OperationView::new(c, op);
    if c.operations_titled(view.title).nth(1).is_some() {
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
    fn new(c: &'static Catalogue, id: ScopeId) -> ScopeView {
        let scope: &Scope = c.scope(id);
        ScopeView {
            name: scope.name(),
            level: scope.level().as_str(),
            access: scope.access().as_str(),
            description: scope.description(),
        }
    }
}

fn scope_names(c: &'static Catalogue, ids: &[ScopeId]) -> Vec<&'static str> {
    ids.iter().map(|&s| c.scope(s).name()).collect()
}

/// The attribute to write for `op`: with `api` only when the title needs it.
fn annotation(c: &Catalogue, op: &Operation) -> String {
    if c.resolve(op.title(), None).is_ok() {
        format!("#[requires_api({:?})]", op.title())
    } else {
        let group = c.group(op.group()).name();
        format!("#[requires_api({:?}, api = {group:?})]", op.title())
    }
}
