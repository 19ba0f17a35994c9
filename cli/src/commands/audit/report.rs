//! The audit's report: JSON in the public contract's field names, text for people, a
//! Markdown scope-justification table for Zoom's app review, and its findings placed on their
//! lines ([`Finding`]) for SARIF and GitHub annotations.

use std::path::PathBuf;

use serde::Serialize;
use zoom_scopes_catalogue::audit::{Audit, MixedLevels, Resolved};
use zoom_scopes_catalogue::plan::candidates;
use zoom_scopes_tables::{Level, Model, OperationId, ScopeId};

use super::{github, sarif};
use crate::cli::Deny;
use crate::commands::{OperationView, Status, scope_names, short_label};
use crate::render::{Report, Style, Table, Tone, abridged, code, count, escape, manifest_line};

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
    /// The scope model of the declaration, which the audit plans in: `classic` or `granular`.
    model: &'static str,
    /// The declaration's user-level scopes and its `:admin`/`:master` ones, when it has both.
    mixed_levels: Option<MixedLevelsView>,
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
    /// The manifest line and column of each declared scope.
    #[serde(skip)]
    declared_at: Vec<(ScopeId, usize, Option<usize>)>,
    /// The findings `--deny` turns into failures.
    #[serde(skip)]
    deny: Vec<Deny>,
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
    /// Each declared scope, its line in `Cargo.toml` and its column there when found.
    pub declared_at: Vec<(ScopeId, usize, Option<usize>)>,
}

/// A kind of finding: a rule of the SARIF log.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A used operation no declared scope grants.
    Missing,
    /// A used operation no scope of `--level` grants (that a declared scope does grant).
    NoScopeAtLevel,
    /// A declared scope granting none of the used operations.
    Unused,
    /// A declared scope a less privileged set would replace.
    Broader,
    /// User-level scopes declared together with `:admin` or `:master` ones.
    MixedLevels,
}

impl Rule {
    /// Every kind, in the order findings are listed.
    pub const ALL: [Rule; 5] = [
        Rule::Missing,
        Rule::NoScopeAtLevel,
        Rule::Unused,
        Rule::Broader,
        Rule::MixedLevels,
    ];

    /// Whether findings of this kind fail the audit (exit 1), given `--deny`.
    pub fn fails(self, deny: &[Deny]) -> bool {
        match self {
            Rule::Missing | Rule::NoScopeAtLevel => true,
            Rule::Unused => deny.contains(&Deny::Unused),
            Rule::Broader => deny.contains(&Deny::Broader),
            Rule::MixedLevels => deny.contains(&Deny::MixedLevels),
        }
    }

    /// The stable identifier (SARIF `ruleId`).
    pub fn id(self) -> &'static str {
        match self {
            Rule::Missing => "missing-scope",
            Rule::NoScopeAtLevel => "no-scope-at-level",
            Rule::Unused => "unused-scope",
            Rule::Broader => "broader-scope",
            Rule::MixedLevels => "mixed-levels",
        }
    }

    /// A few words for an annotation's title.
    pub fn title(self) -> &'static str {
        match self {
            Rule::Missing => "Missing Zoom scope",
            Rule::NoScopeAtLevel => "No Zoom scope at the level",
            Rule::Unused => "Unused Zoom scope",
            Rule::Broader => "Broader Zoom scope than needed",
            Rule::MixedLevels => "User-level and admin-level Zoom scopes mixed",
        }
    }
}

/// One finding at its place: a use of an operation in the sources, or a declared scope's line
/// in `Cargo.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// Whether it fails the audit: an error, not a warning.
    pub fails: bool,
    pub message: String,
    /// Relative to the crate directory, with `/` separators.
    pub file: String,
    /// 1-based line, and column in characters, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The manifest, where declared scopes are.
const MANIFEST: &str = "Cargo.toml";

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

#[derive(Serialize)]
struct MixedLevelsView {
    /// The user-level scopes declared.
    user: Vec<&'static str>,
    /// The `:admin` and `:master` scopes declared.
    admin: Vec<&'static str>,
}

impl From<&MixedLevels> for MixedLevelsView {
    fn from(mixed: &MixedLevels) -> MixedLevelsView {
        MixedLevelsView {
            user: scope_names(&mixed.user),
            admin: scope_names(&mixed.admin),
        }
    }
}

impl AuditReport {
    pub fn new(audit: Audit, subject: Subject, deny: &[Deny]) -> AuditReport {
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
            model: audit.model.as_str(),
            mixed_levels: audit.mixed_levels.as_ref().map(MixedLevelsView::from),
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
            declared_at: subject.declared_at,
            deny: deny.to_vec(),
            audit,
        }
    }

    /// Findings of a kind that fails (see [`Rule::fails`]): exit 1.
    pub fn status(&self) -> Status {
        let found = |rule: Rule| match rule {
            Rule::Missing => !self.missing.is_empty(),
            Rule::NoScopeAtLevel => !self.no_scope_at_level.is_empty(),
            Rule::Unused => !self.unused.is_empty(),
            Rule::Broader => !self.broader.is_empty(),
            Rule::MixedLevels => self.mixed_levels.is_some(),
        };
        if Rule::ALL.iter().any(|&r| found(r) && r.fails(&self.deny)) {
            Status::Findings
        } else {
            Status::Clean
        }
    }

    pub fn crate_name(&self) -> &str {
        &self.krate
    }

    /// Every finding at its place, in the order of [`Rule::ALL`]: a missing operation at each
    /// of its uses (the title literal), an operation no scope of the level grants likewise
    /// (unless it is missing, whose message says so), an unused or broader scope at its line
    /// in `Cargo.toml`. Typed-mode uses are not findings.
    pub fn findings(&self) -> Vec<Finding> {
        let a = &self.audit;
        let mut findings = Vec::new();
        let mut at_uses = |rule: Rule, op: OperationId, message: String| {
            for u in a.uses_of(op) {
                findings.push(Finding {
                    rule,
                    fails: rule.fails(&self.deny),
                    message: message.clone(),
                    file: u.site.file.clone(),
                    line: Some(u.site.line),
                    column: Some(u.site.column),
                });
            }
        };
        for &op in &a.missing {
            let label = self.label(op);
            let message = match self.fix(op) {
                Some(scope) => format!(
                    "{label}: no declared scope grants it; add \"{scope}\" to the scopes of \
                     [package.metadata.zoom] in Cargo.toml"
                ),
                None => format!(
                    "{label}: no declared scope grants it, and {}",
                    self.unavailable(op)
                ),
            };
            at_uses(Rule::Missing, op, message);
        }
        for &op in &a.minimal.unavailable {
            if !a.missing.contains(&op) {
                let level = self.level.unwrap_or_default();
                let message = format!(
                    "{}: {}, so --level {level} cannot cover it",
                    self.label(op),
                    self.unavailable(op)
                );
                at_uses(Rule::NoScopeAtLevel, op, message);
            }
        }
        let mut in_manifest = |rule: Rule, scope: ScopeId, message: String| {
            let at = self.declared_at.iter().find(|(s, ..)| *s == scope);
            findings.push(Finding {
                rule,
                fails: rule.fails(&self.deny),
                message,
                file: MANIFEST.to_owned(),
                line: at.map(|&(_, line, _)| line),
                column: at.and_then(|&(.., column)| column),
            });
        };
        for &scope in &a.unused {
            let message = format!(
                "{} grants none of the used operations: drop it from the scopes of \
                 [package.metadata.zoom]",
                scope.name()
            );
            in_manifest(Rule::Unused, scope, message);
        }
        for b in &a.broader {
            let message = format!(
                "{} is broader than needed: {} would do",
                b.scope.name(),
                self.scope_list(&b.instead)
            );
            in_manifest(Rule::Broader, b.scope, message);
        }
        if let Some(mixed) = &a.mixed_levels {
            in_manifest(Rule::MixedLevels, mixed.first, self.mixed_message(mixed));
        }
        findings
    }

    /// What a declaration mixing levels is told: which scopes are which, and the way out.
    fn mixed_message(&self, mixed: &MixedLevels) -> String {
        format!(
            "{}: Zoom has no app type that holds both (a user-managed app has user-level scopes, \
             an admin-managed app :admin ones); keep one level, e.g. with \
             `cargo zoom-scopes audit --level user` or `--level admin`",
            mixed_levels(mixed)
        )
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

    /// "1 missing, 1 unused, 1 broader" (and the operations with no scope at the level, and a
    /// mix of levels).
    pub fn summary(&self) -> String {
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
        if self.mixed_levels.is_some() {
            parts.push("user-level and admin-level scopes mixed".to_owned());
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
        let declared = if self.declares && !a.declared.is_empty() {
            format!("{} ({})", self.scope_list(&a.declared), a.model)
        } else if self.declares {
            "nothing: the scopes of [package.metadata.zoom] are empty".to_owned()
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
                None => self.unavailable(op),
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
        if let Some(mixed) = &a.mixed_levels {
            let line = format!("{}: no Zoom app type holds both", mixed_levels(mixed));
            table.row(vec![("levels".into(), Tone::Heading), (line, Tone::Warn)]);
        }
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
            let line = format!("{}: {}", self.label(op), self.unavailable(op));
            more(table, line, Tone::Bad);
        }
        if let Some(change) = self.change(str::to_owned) {
            more(table, change, Tone::Plain);
        }
    }

    /// Why the plan cannot cover `op`: no OAuth scope, no scope of the model, or none of the
    /// level grants it.
    fn unavailable(&self, op: OperationId) -> String {
        let model = self.audit.model;
        if !op.oauth() {
            return "no OAuth scope grants it".to_owned();
        }
        if op.granted_in(model).is_empty() {
            return format!("no {model} scope grants it");
        }
        let level = self.level.unwrap_or_default();
        match model {
            Model::Classic => format!("no {level}-level scope grants it"),
            Model::Granular => format!("no {level}-level granular scope grants it"),
        }
    }

    fn scope_list(&self, ids: &[ScopeId]) -> String {
        scope_names(ids).join(", ")
    }
}

impl Report for AuditReport {
    fn sarif(&self) -> Option<String> {
        Some(sarif::render(self))
    }

    fn github(&self) -> Option<String> {
        Some(github::render(self))
    }

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
            out.push_str(&format!(
                "{} scopes, declared in `[package.metadata.zoom]`:\n\n",
                match a.model {
                    Model::Classic => "Classic",
                    Model::Granular => "Granular",
                }
            ));
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
                // Granular scopes have no description: what they grant describes them.
                let grants = match scope.description() {
                    Some(d) => d.to_owned(),
                    None => {
                        let granted = scope.grants().iter().filter(|&&op| a.grants(scope, op));
                        abridged(&granted.map(|&op| self.label(op)).collect::<Vec<_>>(), 3)
                    }
                };
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    code(scope.name()),
                    escape(&grants),
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
        if let Some(mixed) = &a.mixed_levels {
            notes.push(format!(
                "- **Mixed levels**: {}",
                escape(&self.mixed_message(mixed))
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

/// "user-level scopes (a, b) and admin-level scopes (c)".
fn mixed_levels(mixed: &MixedLevels) -> String {
    format!(
        "user-level scopes ({}) declared with admin-level ones ({})",
        scope_names(&mixed.user).join(", "),
        scope_names(&mixed.admin).join(", ")
    )
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
