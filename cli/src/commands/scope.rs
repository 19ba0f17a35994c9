//! `scope NAME`: a scope and everything it grants.

use serde::Serialize;
use zoom_scopes_macros_core::resolve;

use super::{Failure, OperationView, Status, answer};
use crate::render::{Format, Report, Style, Tone, code, count, escape};

const GRANTS_NOTHING: &str = "Zoom's scope reference lists no operation under this scope. If you \
                              know it grants one, declare it in [package.metadata.zoom.grants].";

pub fn run(name: &str, format: Format) -> Result<Status, Failure> {
    let scope = resolve::scope(name).map_err(|e| Failure::new(e.to_string()))?;
    let report = ScopeReport {
        name: scope.name(),
        description: scope.description(),
        api: scope.api().name(),
        level: scope.level().as_str(),
        access: scope.access().as_str(),
        operations: scope
            .grants()
            .iter()
            .map(|&op| OperationView::new(op))
            .collect(),
    };
    answer(&report, format, Status::Clean)
}

#[derive(Serialize)]
struct ScopeReport {
    name: &'static str,
    description: Option<&'static str>,
    api: &'static str,
    level: &'static str,
    access: &'static str,
    operations: Vec<OperationView>,
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
            "  level: {}   access: {}\n\n",
            self.level, self.access
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
            "## {}\n\n{}\n\nAPI group: {} · level: {} · access: {}\n\n",
            code(self.name),
            escape(self.description.unwrap_or("(no description)")),
            escape(self.api),
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
