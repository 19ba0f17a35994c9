//! `minimal TITLE... [--from FILE] [--all] [--level L]`: the least-privilege set of scopes
//! granting every named operation.

mod input;

use std::path::Path;

use serde::Serialize;
use zoom_scopes_catalogue::plan::{self, Cost, Plan, PlanOptions};
use zoom_scopes_tables::{Level, OperationId};

use super::{Failure, OperationView, ScopeView, Status, answer, scope_names, short_label};
use crate::render::{
    Format, Report, Style, Table, Tone, abridged, code, count, escape, manifest_line,
};
use input::{Input, read_list, resolve_all};

pub fn run(
    titles: &[String],
    from: Option<&Path>,
    all: bool,
    level: Option<Level>,
    format: Format,
) -> Result<Status, Failure> {
    let wanted = if all {
        OperationId::all().collect()
    } else {
        let mut inputs: Vec<Input> = titles
            .iter()
            .map(|t| Input {
                text: t.clone(),
                origin: None,
            })
            .collect();
        if let Some(file) = from {
            inputs.extend(read_list(file)?);
        }
        resolve_all(&inputs)?
    };
    let options = PlanOptions {
        level,
        ..PlanOptions::default()
    };
    let plan = plan::minimal(&wanted, options);
    let report = MinimalReport::new(&wanted, &plan, level);
    let status = if report.no_scope_at_level.is_empty() {
        Status::Clean
    } else {
        Status::Findings
    };
    answer(&report, format, status)
}

#[derive(Serialize)]
struct MinimalReport {
    operations: Vec<OperationView>,
    level: Option<&'static str>,
    /// The scopes to request, least privileged first.
    scopes: Vec<&'static str>,
    cost: CostView,
    #[serde(skip)]
    headline: String,
    /// Each scope of the plan and the requested operations it grants.
    covers: Vec<Covered>,
    /// Requested operations that no scope of `level` grants.
    no_scope_at_level: Vec<Unavailable>,
}

/// The plan's privilege, field by field.
#[derive(Serialize)]
struct CostView {
    master: u32,
    admin: u32,
    write: u32,
    scopes: u32,
}

impl From<Cost> for CostView {
    fn from(c: Cost) -> CostView {
        CostView {
            master: c.master,
            admin: c.admin,
            write: c.write,
            scopes: c.scopes,
        }
    }
}

#[derive(Serialize)]
struct Covered {
    #[serde(flatten)]
    scope: ScopeView,
    operations: Vec<OperationView>,
    /// The operations' titles, with their API group when the title needs one.
    #[serde(skip)]
    labels: Vec<String>,
}

#[derive(Serialize)]
struct Unavailable {
    #[serde(flatten)]
    operation: OperationView,
    /// The scopes that do grant it, at other levels.
    scopes: Vec<&'static str>,
}

impl MinimalReport {
    fn new(wanted: &[OperationId], plan: &Plan, level: Option<Level>) -> Self {
        let mut distinct: Vec<OperationId> = Vec::new();
        for &op in wanted {
            if !distinct.contains(&op) {
                distinct.push(op);
            }
        }
        let covers = plan
            .scopes
            .iter()
            .map(|&s| {
                let granted: Vec<OperationId> = distinct
                    .iter()
                    .copied()
                    .filter(|op| op.granted_by().contains(&s))
                    .collect();
                Covered {
                    scope: ScopeView::new(s),
                    operations: granted.iter().map(|&op| OperationView::new(op)).collect(),
                    labels: granted.iter().map(|&op| short_label(op)).collect(),
                }
            })
            .collect();
        let within = match level {
            Some(level) => format!(", {level}-level scopes only"),
            None => String::new(),
        };
        let headline = format!(
            "{}{within}: least privilege is {}",
            count(distinct.len(), "operation"),
            plan.cost
        );
        MinimalReport {
            operations: distinct.iter().map(|&op| OperationView::new(op)).collect(),
            level: level.map(Level::as_str),
            scopes: scope_names(&plan.scopes),
            cost: plan.cost.into(),
            headline,
            covers,
            no_scope_at_level: plan
                .unavailable
                .iter()
                .map(|&op| Unavailable {
                    operation: OperationView::new(op),
                    scopes: scope_names(op.granted_by()),
                })
                .collect(),
        }
    }
}

impl Report for MinimalReport {
    fn text(&self, style: &Style) -> String {
        let mut out = format!("{}\n\n", style.paint(Tone::Heading, &self.headline));
        let mut table = Table::indented(2);
        for c in &self.covers {
            table.row(vec![
                (c.scope.name.to_owned(), Tone::Scope),
                (c.scope.level.to_owned(), Tone::Plain),
                (c.scope.access.to_owned(), Tone::Plain),
                (abridged(&c.labels, 3), Tone::Dim),
            ]);
        }
        if !table.is_empty() {
            out.push_str(&table.render(style));
            out.push_str(&format!(
                "\n[package.metadata.zoom]\n{}\n",
                manifest_line(&self.scopes)
            ));
        }
        if let Some(level) = self.level.filter(|_| !self.no_scope_at_level.is_empty()) {
            let n = count(self.no_scope_at_level.len(), "operation");
            let heading = format!("no {level}-level scope grants {n} (left out of the plan):");
            out.push_str(&format!("\n{}\n", style.paint(Tone::Bad, &heading)));
            let mut table = Table::indented(2);
            for u in &self.no_scope_at_level {
                table.row(vec![
                    (u.operation.label(), Tone::Plain),
                    (format!("granted by {}", u.scopes.join(", ")), Tone::Dim),
                ]);
            }
            out.push_str(&table.render(style));
        }
        out
    }

    fn markdown(&self) -> String {
        let mut out = format!(
            "## Least-privilege scopes\n\n{}.\n\n",
            escape(&self.headline)
        );
        out.push_str("| Scope | Level | Access | Grants |\n| --- | --- | --- | --- |\n");
        for c in &self.covers {
            let titles: Vec<String> = c.labels.iter().map(|l| escape(l)).collect();
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                code(c.scope.name),
                c.scope.level,
                c.scope.access,
                titles.join("; ")
            ));
        }
        out.push_str(&format!(
            "\n```toml\n[package.metadata.zoom]\n{}\n```\n",
            manifest_line(&self.scopes)
        ));
        if let Some(level) = self.level.filter(|_| !self.no_scope_at_level.is_empty()) {
            out.push_str(&format!("\nNo {level}-level scope grants:\n\n"));
            for u in &self.no_scope_at_level {
                let scopes: Vec<String> = u.scopes.iter().map(|s| code(s)).collect();
                out.push_str(&format!(
                    "- {} (granted by {})\n",
                    escape(&u.operation.label()),
                    scopes.join(", ")
                ));
            }
        }
        out
    }
}
