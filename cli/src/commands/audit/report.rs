//! The audit's report: JSON in the public contract's field names, text for people, and a
//! Markdown scope-justification table for Zoom's app review.

use std::path::PathBuf;

use serde::Serialize;
use zoom_scopes_catalogue::audit::{Audit, Resolved};
use zoom_scopes_catalogue::plan::candidates;
use zoom_scopes_tables::{Level, OperationId, ScopeId};

use crate::cli::Deny;
use crate::commands::{OperationView, Status, scope_names, short_label};
use crate::render::{Report, Style, Table, Tone, code, count, escape, manifest_line};

/// The audit, with its JSON form.
#[derive(Serialize)]
pub struct AuditReport {
    #[serde(rename = "crate")]
    krate: String,
    dir: String,
    /// The source files read, relative to `dir`.
    files: Vec<String>,
    operations: Vec<UseView>,
    declared: Vec<&'static str>,
    /// Titles of used operations no declared scope grants.
    missing: Vec<&'static str>,
    minimal: Vec<&'static str>,
    unused: Vec<&'static str>,
    broader: Vec<BroaderView>,
    level: Option<&'static str>,
    /// Titles of used operations no scope of `level` grants.
    no_scope_at_level: Vec<&'static str>,
    #[serde(skip)]
    declares: bool,
    #[serde(skip)]
    audit: Audit,
}

/// What was audited.
pub struct Subject {
    /// The package name.
    pub name: String,
    pub dir: PathBuf,
    /// The source files read, relative to `dir`.
    pub files: Vec<String>,
    /// Whether the manifest has a `[package.metadata.zoom]` table.
    pub declares: bool,
}

#[derive(Serialize)]
struct UseView {
    title: &'static str,
    api: &'static str,
    function: String,
    file: String,
    line: usize,
    /// Typed mode: checked where an app calls the function, not against `declared`.
    typed: bool,
}

#[derive(Serialize)]
struct BroaderView {
    scope: &'static str,
    instead: Vec<&'static str>,
}

impl AuditReport {
    pub fn new(audit: Audit, subject: Subject) -> AuditReport {
        let titles = |ops: &[OperationId]| -> Vec<&'static str> {
            ops.iter().map(|op| op.title()).collect()
        };
        AuditReport {
            krate: subject.name,
            dir: subject.dir.display().to_string(),
            files: subject.files,
            operations: all_uses(&audit)
                .map(|u| {
                    let op = OperationView::new(u.operation);
                    UseView {
                        title: op.title,
                        api: op.api,
                        function: u.site.function.clone(),
                        file: u.site.file.clone(),
                        line: u.site.line,
                        typed: u.site.typed,
                    }
                })
                .collect(),
            declared: scope_names(&audit.declared),
            missing: titles(&audit.missing),
            minimal: scope_names(&audit.minimal.scopes),
            unused: scope_names(&audit.unused),
            broader: audit
                .broader
                .iter()
                .map(|b| BroaderView {
                    scope: b.scope.name(),
                    instead: scope_names(&b.instead),
                })
                .collect(),
            level: audit.level.map(Level::as_str),
            no_scope_at_level: titles(&audit.minimal.unavailable),
            declares: subject.declares,
            audit,
        }
    }

    pub fn status(&self, deny: &[Deny]) -> Status {
        let denied = |d: Deny, findings: bool| deny.contains(&d) && findings;
        let fails = !self.missing.is_empty()
            || !self.no_scope_at_level.is_empty()
            || denied(Deny::Unused, !self.unused.is_empty())
            || denied(Deny::Broader, !self.broader.is_empty());
        if fails {
            Status::Findings
        } else {
            Status::Clean
        }
    }

    fn label(&self, op: OperationId) -> String {
        short_label(op)
    }

    /// What to add for a missing operation: its least privileged scope at the audit's level.
    fn fix(&self, op: OperationId) -> Option<&'static str> {
        let candidates = candidates(op, self.audit.plan_options());
        candidates.first().map(|s| s.name())
    }

    /// "function (file:line)" for each use.
    fn places<'a>(&self, uses: impl Iterator<Item = &'a Resolved>) -> Vec<String> {
        uses.map(|u| format!("{} ({}:{})", u.site.function, u.site.file, u.site.line))
            .collect()
    }

    fn summary(&self) -> String {
        let mut parts = vec![
            format!("{} missing", self.missing.len()),
            format!("{} unused", self.unused.len()),
            format!("{} broader", self.broader.len()),
        ];
        if let Some(level) = self.level {
            parts.push(format!(
                "{} with no {level}-level scope",
                self.no_scope_at_level.len()
            ));
        }
        parts.join(", ")
    }

    /// How the declaration differs from the least-privilege cover: the scopes to add and to
    /// drop, each written by `name`; `None` when they agree.
    fn change(&self, name: impl Fn(&str) -> String) -> Option<String> {
        let a = &self.audit;
        let names =
            |ids: Vec<&ScopeId>| -> Vec<String> { ids.iter().map(|s| name(s.name())).collect() };
        let add = names(
            a.minimal
                .scopes
                .iter()
                .filter(|s| !a.declared.contains(s))
                .collect(),
        );
        let drop = names(
            a.declared
                .iter()
                .filter(|s| !a.minimal.scopes.contains(s))
                .collect(),
        );
        let mut parts = Vec::new();
        if !add.is_empty() {
            parts.push(format!("add {}", add.join(", ")));
        }
        if !drop.is_empty() {
            parts.push(format!("drop {}", drop.join(", ")));
        }
        (!parts.is_empty()).then(|| format!("to get there: {}", parts.join("; ")))
    }

    /// "audit of NAME (N uses of M operations in K files read)".
    fn heading(&self, style: &Style) -> String {
        let a = &self.audit;
        let counts = format!(
            "({} of {} in {} read)",
            count(a.uses.len() + a.typed.len(), "use"),
            count(a.operations().len(), "operation"),
            count(self.files.len(), "file")
        );
        format!(
            "{} {}\n",
            style.paint(Tone::Heading, &format!("audit of {}", self.krate)),
            style.paint(Tone::Dim, &counts)
        )
    }

    /// One row per use: place, function, operation (and the mark of typed mode).
    fn uses_table(&self) -> Table {
        let mut table = Table::indented(2);
        for u in all_uses(&self.audit) {
            let mut label = self.label(u.operation);
            if u.site.typed {
                label.push_str(" [typed]");
            }
            table.row(vec![
                (format!("{}:{}", u.site.file, u.site.line), Tone::Dim),
                (u.site.function.clone(), Tone::Plain),
                (label, Tone::Heading),
            ]);
        }
        table
    }

    /// The line on typed-mode uses, when there are any.
    fn typed_note(&self) -> Option<String> {
        let typed = self.audit.typed.len();
        (typed > 0).then(|| {
            format!(
                "{} in typed mode [typed] {} checked where an app calls {}, against that \
                 app's scopes, and left out of the findings",
                count(typed, "use"),
                if typed == 1 { "is" } else { "are" },
                if typed == 1 { "it" } else { "them" },
            )
        })
    }

    /// declared, missing, unused, broader and minimal, each with its lines.
    fn findings_table(&self) -> Table {
        let a = &self.audit;
        let mut table = Table::default();
        let declared = if self.declares {
            self.scope_list(&a.declared)
        } else {
            "nothing: Cargo.toml has no [package.metadata.zoom] table".to_owned()
        };
        table.row(vec![
            ("declared".into(), Tone::Heading),
            (declared, Tone::Scope),
        ]);
        let missing = a.missing.iter().map(|&op| {
            let fix = match self.fix(op) {
                Some(scope) => format!("add \"{scope}\""),
                None => self.unavailable(),
            };
            let used_by = self.places(a.uses_of(op));
            let details = used_by.iter().map(|p| format!("  used by {p}")).collect();
            (format!("{}: {fix}", self.label(op)), details)
        });
        finding_rows(&mut table, "missing", Tone::Bad, missing.collect());
        let unused = a.unused.iter().map(|s| {
            let name = s.name();
            (
                format!("{name}: grants none of the used operations"),
                Vec::new(),
            )
        });
        finding_rows(&mut table, "unused", Tone::Warn, unused.collect());
        let broader = a.broader.iter().map(|b| {
            let instead = self.scope_list(&b.instead);
            (
                format!("{}: {instead} would do", b.scope.name()),
                Vec::new(),
            )
        });
        finding_rows(&mut table, "broader", Tone::Warn, broader.collect());
        self.minimal_rows(&mut table);
        table
    }

    /// The least-privilege cover, its manifest line, what it leaves out, how to get there.
    fn minimal_rows(&self, table: &mut Table) {
        let a = &self.audit;
        let more = |table: &mut Table, text: String, tone: Tone| {
            table.row(vec![(String::new(), Tone::Plain), (text, tone)]);
        };
        if a.minimal.scopes.is_empty() {
            let nothing = ("nothing to request".to_owned(), Tone::Plain);
            table.row(vec![("minimal".into(), Tone::Heading), nothing]);
        } else {
            let scopes = (self.scope_list(&a.minimal.scopes), Tone::Scope);
            table.row(vec![("minimal".into(), Tone::Heading), scopes]);
            more(table, manifest_line(&self.minimal), Tone::Dim);
        }
        for &op in &a.minimal.unavailable {
            let line = format!("{}: {}", self.label(op), self.unavailable());
            more(table, line, Tone::Bad);
        }
        if let Some(change) = self.change(str::to_owned) {
            more(table, change, Tone::Plain);
        }
    }

    fn unavailable(&self) -> String {
        format!(
            "no {}-level scope grants it",
            self.level.unwrap_or_default()
        )
    }

    fn scope_list(&self, ids: &[ScopeId]) -> String {
        scope_names(ids).join(", ")
    }
}

impl Report for AuditReport {
    fn text(&self, style: &Style) -> String {
        let mut out = self.heading(style);
        if !self.audit.uses.is_empty() || !self.audit.typed.is_empty() {
            out.push('\n');
            out.push_str(&self.uses_table().render(style));
        }
        if let Some(note) = self.typed_note() {
            out.push_str(&format!("\n{}\n", style.paint(Tone::Dim, &note)));
        }
        out.push('\n');
        out.push_str(&self.findings_table().render(style));
        out.push_str(&format!("\n{}\n", self.summary()));
        out
    }

    fn markdown(&self) -> String {
        let a = &self.audit;
        let mut out = format!("## Zoom scopes of {}\n\n", code(&self.krate));
        if !self.declares || a.declared.is_empty() {
            out.push_str("The crate declares no scopes in `[package.metadata.zoom]`.\n");
        } else {
            out.push_str(
                "| Scope | What it grants | Used for | Functions |\n| --- | --- | --- | --- |\n",
            );
            for &scope in &a.declared {
                let mut used_for: Vec<String> = Vec::new();
                for u in a.uses_granted_by(scope) {
                    let label = escape(&self.label(u.operation));
                    if !used_for.contains(&label) {
                        used_for.push(label);
                    }
                }
                let functions = markdown_places(a.uses_granted_by(scope));
                let used_for = if used_for.is_empty() {
                    "*nothing used*".to_owned()
                } else {
                    used_for.join("; ")
                };
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    code(scope.name()),
                    escape(scope.description().unwrap_or("")),
                    used_for,
                    functions.join(", ")
                ));
            }
        }
        let mut notes = Vec::new();
        for &op in &a.missing {
            let fix = self
                .fix(op)
                .map(|s| format!(": add {}", code(s)))
                .unwrap_or_default();
            let places = markdown_places(a.uses_of(op));
            notes.push(format!(
                "- **Missing**: {}, needed by {}{fix}",
                escape(&self.label(op)),
                places.join(", ")
            ));
        }
        for s in &a.unused {
            notes.push(format!(
                "- **Unused**: {} grants none of the used operations",
                code(s.name())
            ));
        }
        for b in &a.broader {
            let instead: Vec<String> = scope_names(&b.instead).iter().map(|s| code(s)).collect();
            notes.push(format!(
                "- **Broader than needed**: {}; {} would do",
                code(b.scope.name()),
                instead.join(", ")
            ));
        }
        if let Some(note) = self.typed_note() {
            notes.push(format!("- **Typed mode**: {}", escape(&note)));
        }
        if !notes.is_empty() {
            out.push('\n');
            out.push_str(&notes.join("\n"));
            out.push('\n');
        }
        let minimal: Vec<String> = self.minimal.iter().map(|s| code(s)).collect();
        let within = self
            .level
            .map(|l| format!(" ({l}-level scopes only)"))
            .unwrap_or_default();
        let change = self
            .change(code)
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "\nLeast privilege for the operations used{within}: {}{change}.\n",
            if minimal.is_empty() {
                "nothing".to_owned()
            } else {
                minimal.join(", ")
            }
        ));
        out
    }
}

/// "`function` (file:line)" for each use, in Markdown.
fn markdown_places<'a>(uses: impl Iterator<Item = &'a Resolved>) -> Vec<String> {
    uses.map(|u| {
        format!(
            "{} ({}:{})",
            code(&u.site.function),
            escape(&u.site.file),
            u.site.line
        )
    })
    .collect()
}

/// Every use, typed or not, in source order.
fn all_uses(audit: &Audit) -> impl Iterator<Item = &Resolved> {
    let mut uses: Vec<&Resolved> = audit.uses.iter().chain(&audit.typed).collect();
    uses.sort_by(|a, b| (&a.site.file, a.site.line).cmp(&(&b.site.file, b.site.line)));
    uses.into_iter()
}

/// Rows for one kind of finding: "none" when there is none, else each line with its details.
fn finding_rows(table: &mut Table, kind: &str, tone: Tone, lines: Vec<(String, Vec<String>)>) {
    if lines.is_empty() {
        table.row(vec![
            (kind.to_owned(), Tone::Heading),
            ("none".into(), Tone::Good),
        ]);
    }
    for (line, details) in lines {
        table.row(vec![(kind.to_owned(), Tone::Heading), (line, tone)]);
        for detail in details {
            table.row(vec![(String::new(), Tone::Plain), (detail, Tone::Dim)]);
        }
    }
}
