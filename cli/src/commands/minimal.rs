//! `minimal TITLE... [--from FILE] [--all] [--level L]`: the least-privilege set of scopes
//! granting every named operation.
//!
//! A title documented in several API groups is qualified as `"TITLE @ GROUP"`: titles hold
//! `:`, `/` and parentheses but never `@`. A text that is itself a documented title is taken
//! whole, so a future title with an `@` in it still works.

use std::io::Read;
use std::path::Path;

use serde::Serialize;
use zoom_scopes_catalogue::{Catalogue, Cost, Level, LookupError, OperationId, Plan, PlanOptions};

use super::{Failure, OperationView, ScopeView, Status, answer, scope_names, short_label};
use crate::lookup::{self, Qualifier};
use crate::render::{
    Format, Report, Style, Table, Tone, abridged, code, count, escape, manifest_line,
};

pub fn run(
    c: &'static Catalogue,
    titles: &[String],
    from: Option<&Path>,
    all: bool,
    level: Option<Level>,
    format: Format,
) -> Result<Status, Failure> {
    let wanted = if all {
        c.operations().iter().map(|op| op.id()).collect()
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
        resolve_all(c, &inputs)?
    };
    let options = PlanOptions {
        level,
        ..PlanOptions::default()
    };
    let plan = c.plan(&wanted, &options);
    let report = MinimalReport::new(c, &wanted, &plan, level);
    let status = if report.no_scope_at_level.is_empty() {
        Status::Clean
    } else {
        Status::Findings
    };
    answer(&report, format, status)
}

/// One operation as the user wrote it, and where (a file and line, for `--from`).
struct Input {
    text: String,
    origin: Option<String>,
}

/// The lines of a title list: `#` comments and blank lines skipped.
fn read_list(file: &Path) -> Result<Vec<Input>, Failure> {
    let shown = file.display().to_string();
    let mut text = String::new();
    let read = if shown == "-" {
        std::io::stdin().read_to_string(&mut text).map(drop)
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    read.map_err(|e| Failure::new(format!("cannot read {shown}: {e}")))?;
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(|(i, line)| Input {
            text: line.to_owned(),
            origin: Some(format!("{shown}:{}", i + 1)),
        })
        .collect())
}

/// Every input's operation, or every input's error.
fn resolve_all(c: &Catalogue, inputs: &[Input]) -> Result<Vec<OperationId>, Failure> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match resolve(c, &input.text) {
            Ok(op) => found.push(op),
            Err(e) => {
                let message = lookup::message(&e, Qualifier::AtGroup);
                errors.push(match &input.origin {
                    Some(at) => format!("{at}: {message}"),
                    None => message,
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(Failure(errors))
    }
}

/// `TITLE` or `TITLE @ GROUP`.
fn resolve(c: &Catalogue, text: &str) -> Result<OperationId, LookupError> {
    let text = text.trim();
    if c.operations_titled(text).next().is_some() {
        return c.resolve(text, None).map(|op| op.id());
    }
    match text.rsplit_once('@') {
        Some((title, group)) => c.resolve(title.trim(), Some(group.trim())),
        None => c.resolve(text, None),
    }
    .map(|op| op.id())
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
    /// The operations' titles, with their group when the title needs one.
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
    fn new(
        c: &'static Catalogue,
        wanted: &[OperationId],
        plan: &Plan,
        level: Option<Level>,
    ) -> Self {
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
                    .filter(|&op| c.operation(op).granted_by().contains(&s))
                    .collect();
                Covered {
                    scope: ScopeView::new(c, s),
                    operations: granted
                        .iter()
                        .map(|&op| OperationView::new(c, op))
                        .collect(),
                    labels: granted.iter().map(|&op| short_label(c, op)).collect(),
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
            operations: distinct
                .iter()
                .map(|&op| OperationView::new(c, op))
                .collect(),
            level: level.map(Level::as_str),
            scopes: scope_names(c, &plan.scopes),
            cost: plan.cost.into(),
            headline,
            covers,
            no_scope_at_level: plan
                .unavailable
                .iter()
                .map(|&op| Unavailable {
                    operation: OperationView::new(c, op),
                    scopes: scope_names(c, c.operation(op).granted_by()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use zoom_scopes_catalogue::classic;

    #[test]
    fn titles_and_qualified_titles() {
        let c = classic();
        let title = |op: OperationId| c.operation(op).title().to_owned();
        assert_eq!(
            title(resolve(c, "Create a meeting").unwrap()),
            "Create a meeting"
        );
        let qualified = resolve(c, "  List meetings @ Meeting ").unwrap();
        assert_eq!(c.group(c.operation(qualified).group()).name(), "Meeting");
        assert!(matches!(
            resolve(c, "List meetings"),
            Err(LookupError::Ambiguous { .. })
        ));
        assert!(matches!(
            resolve(c, "List meetings @ Meetingz"),
            Err(LookupError::UnknownGroup { .. })
        ));
        assert!(resolve(c, "Migrate 1:1 conversation or channel operations").is_ok());
    }

    #[test]
    fn every_bad_input_is_reported_with_its_origin() {
        let c = classic();
        let inputs = [
            Input {
                text: "Crate a meeting".into(),
                origin: Some("ops.txt:2".into()),
            },
            Input {
                text: "Get a meeting".into(),
                origin: None,
            },
            Input {
                text: "List meetings".into(),
                origin: None,
            },
        ];
        let Failure(messages) = resolve_all(c, &inputs).unwrap_err();
        assert_eq!(messages.len(), 2);
        assert!(
            messages[0]
                .starts_with("ops.txt:2: no Zoom API operation is titled \"Crate a meeting\""),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("\"List meetings @ Meeting\""),
            "{}",
            messages[1]
        );
    }
}
