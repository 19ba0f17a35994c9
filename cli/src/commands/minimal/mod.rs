//! `minimal TITLE... [--from FILE] [--all] [--model M] [--level L]`: the least-privilege set
//! of scopes of one model granting every named operation.

mod input;

use std::path::Path;

use serde::Serialize;
use zoom_scopes_catalogue::plan::{self, Cost, Plan, PlanOptions};
use zoom_scopes_tables::{Level, Model, OperationId};

use super::{Failure, OperationView, ScopeView, Status, answer, scope_names, short_label};
use crate::render::{
    Format, Report, Style, Table, Tone, abridged, code, count, escape, manifest_line,
};
use input::{Input, read_list, resolve_all};

/// The scopes a plan may propose: of one model and, when given, one level.
#[derive(Copy, Clone, Debug)]
pub struct Scopes {
    pub model: Model,
    pub level: Option<Level>,
}

pub fn run(
    titles: &[String],
    from: Option<&Path>,
    all: bool,
    scopes: Scopes,
    format: Format,
) -> Result<Status, Failure> {
    let Scopes { model, level } = scopes;
    let wanted = if all {
        // Every operation a scope of the model grants: the others (Video SDK operations, and
        // in each model those only the other grants) cannot be in any plan.
        OperationId::all()
            .filter(|op| !op.granted_in(model).is_empty())
            .collect()
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
        model,
        level,
        ..PlanOptions::default()
    };
    let plan = plan::minimal(&wanted, options);
    let report = MinimalReport::new(&wanted, &plan, scopes);
    let status = if report.no_scope_at_level.is_empty() && report.no_scope_in_model.is_empty() {
        Status::Clean
    } else {
        Status::Findings
    };
    answer(&report, format, status)
}

#[derive(Serialize)]
struct MinimalReport {
    operations: Vec<OperationView>,
    /// The scope model planned in: `classic` or `granular`.
    model: &'static str,
    level: Option<&'static str>,
    /// The scopes to request, least privileged first.
    scopes: Vec<&'static str>,
    cost: CostView,
    #[serde(skip)]
    headline: String,
    /// Each scope of the plan and the requested operations it grants.
    covers: Vec<Covered>,
    /// Requested operations that no scope of `level` grants (a scope of the model does).
    no_scope_at_level: Vec<Unavailable>,
    /// Requested operations that no scope of `model` grants, with the other model's scopes.
    no_scope_in_model: Vec<Unavailable>,
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
    /// The scopes that do grant it: of the model at other levels in `no_scope_at_level`, of
    /// the other model in `no_scope_in_model` (none: no OAuth scope grants it).
    scopes: Vec<&'static str>,
}

impl MinimalReport {
    fn new(wanted: &[OperationId], plan: &Plan, scopes: Scopes) -> Self {
        let Scopes { model, level } = scopes;
        let mut seen = vec![false; OperationId::COUNT];
        let mut distinct: Vec<OperationId> = Vec::new();
        for &op in wanted {
            if !std::mem::replace(&mut seen[op.index()], true) {
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
                    .filter(|op| op.granted_in(model).contains(&s))
                    .collect();
                Covered {
                    scope: ScopeView::new(s),
                    operations: granted.iter().map(|&op| OperationView::new(op)).collect(),
                    labels: granted.iter().map(|&op| short_label(op)).collect(),
                }
            })
            .collect();
        let within = match (model, level) {
            (Model::Classic, Some(level)) => format!(", {level}-level scopes only"),
            (Model::Classic, None) => String::new(),
            (Model::Granular, Some(level)) => format!(", {level}-level granular scopes only"),
            (Model::Granular, None) => ", granular scopes".to_owned(),
        };
        let headline = format!(
            "{}{within}: least privilege is {}",
            count(distinct.len(), "operation"),
            plan.cost
        );
        let other = model.other();
        let (outside, at_other_level): (Vec<OperationId>, Vec<OperationId>) = plan
            .unavailable
            .iter()
            .partition(|op| op.granted_in(model).is_empty());
        MinimalReport {
            operations: distinct.iter().map(|&op| OperationView::new(op)).collect(),
            model: model.as_str(),
            level: level.map(Level::as_str),
            scopes: scope_names(&plan.scopes),
            cost: plan.cost.into(),
            headline,
            covers,
            no_scope_at_level: at_other_level
                .iter()
                .map(|&op| Unavailable {
                    operation: OperationView::new(op),
                    scopes: scope_names(op.granted_in(model)),
                })
                .collect(),
            no_scope_in_model: outside
                .iter()
                .map(|&op| Unavailable {
                    operation: OperationView::new(op),
                    scopes: scope_names(op.granted_in(other)),
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
        for left in self.left_out() {
            out.push_str(&format!("\n{}\n", style.paint(Tone::Bad, &left.heading)));
            let mut table = Table::indented(2);
            for u in left.operations {
                table.row(vec![
                    (u.operation.label(), Tone::Plain),
                    (left.granted_by(u, str::to_owned), Tone::Dim),
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
        for left in self.left_out() {
            let mut heading = left.heading.trim_end_matches(':').to_owned();
            heading[..1].make_ascii_uppercase();
            out.push_str(&format!("\n{heading}:\n\n"));
            for u in left.operations {
                out.push_str(&format!(
                    "- {} ({})\n",
                    escape(&u.operation.label()),
                    left.granted_by(u, code)
                ));
            }
        }
        out
    }
}

/// Operations left out of the plan, under a heading.
struct LeftOut<'a> {
    heading: String,
    operations: &'a [Unavailable],
    /// What grants them instead: other levels of the model, or the other model.
    other_model: Option<Model>,
}

impl LeftOut<'_> {
    /// "granted by a, b", "granular scopes grant it: a", or "no OAuth scope grants it", each
    /// name written by `name`.
    fn granted_by(&self, u: &Unavailable, name: impl Fn(&str) -> String) -> String {
        let names: Vec<String> = u.scopes.iter().map(|s| name(s)).collect();
        match self.other_model {
            _ if names.is_empty() => "no OAuth scope grants it".to_owned(),
            Some(model) => format!("{model} scopes grant it: {}", names.join(", ")),
            None => format!("granted by {}", names.join(", ")),
        }
    }
}

impl MinimalReport {
    /// The operations left out of the plan: those no scope of the model grants, then those no
    /// scope of the level does.
    fn left_out(&self) -> Vec<LeftOut<'_>> {
        let granular = self.model == Model::Granular.as_str();
        let mut lists = Vec::new();
        if !self.no_scope_in_model.is_empty() {
            let n = count(self.no_scope_in_model.len(), "operation");
            lists.push(LeftOut {
                heading: format!("no {} scope grants {n} (left out of the plan):", self.model),
                operations: &self.no_scope_in_model,
                other_model: Some(if granular {
                    Model::Classic
                } else {
                    Model::Granular
                }),
            });
        }
        if let Some(level) = self.level.filter(|_| !self.no_scope_at_level.is_empty()) {
            let n = count(self.no_scope_at_level.len(), "operation");
            let model = if granular { " granular" } else { "" };
            lists.push(LeftOut {
                heading: format!(
                    "no {level}-level{model} scope grants {n} (left out of the plan):"
                ),
                operations: &self.no_scope_at_level,
                other_model: None,
            });
        }
        lists
    }
}
