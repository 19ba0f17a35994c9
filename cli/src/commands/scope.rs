//! `scope NAME [--model M]`: a scope, classic or granular, and everything it grants.

use serde::Serialize;
use zoom_scopes_macros_core::resolve;
use zoom_scopes_tables::{Model, OperationId, ScopeId, rank};

use super::{Failure, OperationView, Status, answer};
use crate::render::{Format, Report, Style, Tone, code, count, escape};

const GRANTS_NOTHING: &str = "Zoom's scope reference lists no operation under this scope. If you \
                              know it grants one, declare it in [package.metadata.zoom.grants].";

pub fn run(name: &str, model: Option<Model>, format: Format) -> Result<Status, Failure> {
    let scope = resolve::scope(name).map_err(|e| Failure::new(e.to_string()))?;
    let own = if scope.in_model(Model::Classic) {
        Model::Classic
    } else {
        Model::Granular
    };
    let model = model.unwrap_or(own);
    if !scope.in_model(model) {
        return Err(Failure::new(not_in_model(scope, model)));
    }
    let report = ScopeReport {
        name: scope.name(),
        model: model.as_str(),
        models: [Model::Classic, Model::Granular]
            .into_iter()
            .filter(|&m| scope.in_model(m))
            .map(Model::as_str)
            .collect(),
        description: scope.description(),
        api: scope.api().name(),
        level: scope.level().as_str(),
        access: scope.access().as_str(),
        operations: scope
            .grants()
            .iter()
            .filter(|op| op.granted_in(model).contains(&scope))
            .map(|&op| OperationView::new(op))
            .collect(),
    };
    answer(&report, format, Status::Clean)
}

/// Why `scope` is not read in `model`, and where to look instead.
fn not_in_model(scope: ScopeId, model: Model) -> String {
    let name = scope.name();
    match model {
        Model::Granular => {
            let granular = granular_of(scope);
            let help = if granular.is_empty() {
                "help: no granular scope grants the operations it grants".to_owned()
            } else {
                format!(
                    "help: the granular scopes of the operations it grants are {}; \
                     `cargo zoom-scopes migrate` picks the least privileged ones a crate needs",
                    granular.join(", ")
                )
            };
            format!("{name} is a classic scope, not a granular one\n{help}")
        }
        Model::Classic => format!(
            "{name} is a granular scope, not a classic one\n\
             help: drop --model classic to see what it grants"
        ),
    }
}

/// The granular scopes, at the classic scope's level, of the operations it grants, least
/// privileged first; the first few.
fn granular_of(scope: ScopeId) -> Vec<String> {
    let mut ids: Vec<ScopeId> = Vec::new();
    let ops = scope
        .grants()
        .iter()
        .filter(|op| op.granted_by().contains(&scope));
    for &s in ops.flat_map(|op: &OperationId| op.granular()) {
        if s.level() == scope.level() && !ids.contains(&s) {
            ids.push(s);
        }
    }
    rank(&mut ids);
    let mut names: Vec<String> = ids.iter().map(|s| s.name().to_owned()).collect();
    const SHOWN: usize = 5;
    if names.len() > SHOWN {
        let more = names.len() - SHOWN;
        names.truncate(SHOWN);
        names.push(format!("and {more} more"));
    }
    names
}

#[derive(Serialize)]
struct ScopeReport {
    name: &'static str,
    /// The model it is read in: what it grants there is listed.
    model: &'static str,
    /// Every model the name belongs to (two names are in both).
    models: Vec<&'static str>,
    description: Option<&'static str>,
    api: &'static str,
    level: &'static str,
    access: &'static str,
    operations: Vec<OperationView>,
}

impl ScopeReport {
    /// "granular", or for a name of both models "classic (also a granular name)".
    fn model_label(&self) -> String {
        match self.models.iter().find(|&&m| m != self.model) {
            Some(other) => format!("{} (also a {other} name: --model {other})", self.model),
            None => self.model.to_owned(),
        }
    }
}

impl Report for ScopeReport {
    fn text(&self, style: &Style) -> String {
        let mut out = format!(
            "{} {}\n",
            style.paint(Tone::Scope, self.name),
            style.paint(Tone::Dim, &format!("({} API)", self.api))
        );
        if let Some(d) = self.description {
            out.push_str(&format!("  {d}\n"));
        }
        out.push_str(&format!(
            "  model: {}   level: {}   access: {}\n\n",
            self.model_label(),
            self.level,
            self.access
        ));
        if self.operations.is_empty() {
            out.push_str(&format!(
                "  {}: {GRANTS_NOTHING}\n",
                style.paint(Tone::Warn, "note")
            ));
            return out;
        }
        out.push_str(&format!(
            "  grants {}:\n",
            count(self.operations.len(), "operation")
        ));
        for op in &self.operations {
            out.push_str(&format!("    {}\n", op.title));
        }
        out
    }

    fn markdown(&self) -> String {
        let mut out = format!(
            "## {}\n\n{}\n\nAPI group: {} · model: {} · level: {} · access: {}\n\n",
            code(self.name),
            escape(self.description.unwrap_or("(no description)")),
            escape(self.api),
            escape(&self.model_label()),
            self.level,
            self.access
        );
        if self.operations.is_empty() {
            out.push_str(&format!("> Note: {GRANTS_NOTHING}\n"));
            return out;
        }
        out.push_str(&format!(
            "Grants {}:\n\n",
            count(self.operations.len(), "operation")
        ));
        for op in &self.operations {
            out.push_str(&format!("- {}\n", escape(op.title)));
        }
        out
    }
}
