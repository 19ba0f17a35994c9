//! `migrate [CRATE_DIR]`: the granular declaration to replace a crate's classic scopes with.
//!
//! The crate is read as `audit` reads it ([`Package`]); its uses resolve as the macros resolve
//! them; the catalogue plans the granular scopes ([`migrate`]) at the app's level and computes
//! Zoom's migration set, which the report compares.

use std::path::Path;

use serde::Serialize;
use zoom_scopes_catalogue::audit::audit;
use zoom_scopes_catalogue::plan::migrate::{Placement, Step, app_level, migrate};
use zoom_scopes_tables::{Model, OperationId, model_of};

use super::package::{Package, use_errors};
use super::{Failure, Status, answer, scope_names, short_label};
use crate::render::{Format, Report, Style, Table, Tone, code, count, escape, manifest_line, wrap};

/// How wide the text form's paragraphs are.
const WIDTH: usize = 96;

/// What Zoom's migration set is, in every format.
const ZOOM_SET: &str = "Zoom's \"Migrate\" button assigns every granular scope of every \
                        operation the declared classic scopes grant";

pub fn run(dir: &Path, format: Format) -> Result<Status, Failure> {
    let package = Package::read(dir, "migrate")?;
    let ids = package.declared.ids();
    // A declaration of both models is refused when the crate is read.
    let model = model_of(&ids).unwrap_or(Model::Granular);
    if ids.is_empty() || model == Model::Granular {
        let reason = if ids.is_empty() {
            Nothing::Undeclared
        } else {
            Nothing::Granular
        };
        return answer(&Nothing::report(&package, reason), format, Status::Clean);
    }
    let dir = package.dir.clone();
    let audit = audit(package.found.uses, &package.declared, None)
        .map_err(|errors| use_errors(&dir, &errors))?;
    let used = audit.operations();
    let migration = migrate(&ids, &used);
    let mut typed: Vec<OperationId> = Vec::new();
    for u in &audit.typed {
        if !used.contains(&u.operation) && !typed.contains(&u.operation) {
            typed.push(u.operation);
        }
    }
    // What the typed-mode operations would add, planned the same way.
    let for_typed = migrate(&ids, &typed);
    let declares = |op: OperationId| ids.iter().any(|&s| audit.grants(s, op));
    let report = MigrateReport {
        krate: package.name,
        model: Model::Classic.as_str(),
        level: migration.level.as_str(),
        mixed_levels: migration.mixed_levels,
        from: scope_names(&migration.from),
        to: scope_names(&migration.to),
        operations: migration
            .steps
            .iter()
            .map(|s| StepView::new(s, declares(s.operation)))
            .collect(),
        typed: for_typed
            .steps
            .iter()
            .map(|s| StepView::new(s, declares(s.operation)))
            .collect(),
        zoom_migration: scope_names(&migration.zoom),
        counts: Counts {
            from: migration.from.len(),
            to: migration.to.len(),
            zoom_migration: migration.zoom.len(),
        },
        nothing_to_migrate: None,
    };
    answer(&report, format, Status::Clean)
}

/// The migration, with its JSON form.
#[derive(Serialize)]
struct MigrateReport {
    #[serde(rename = "crate")]
    krate: String,
    /// The declaration's model: `classic`, or `granular` when there is nothing to migrate.
    model: &'static str,
    /// The app's level, which the granular scopes are chosen at: `user` or `admin`.
    level: &'static str,
    /// The classic declaration holds user-level and `:admin`/`:master` scopes.
    mixed_levels: bool,
    /// The classic scopes declared.
    from: Vec<&'static str>,
    /// The granular scopes to declare instead, least privileged first.
    to: Vec<&'static str>,
    /// Each used operation and the scopes of `to` that grant it.
    operations: Vec<StepView>,
    /// Operations used only in typed mode (checked against the scopes of the apps calling
    /// them): not in `to`, with the granular scopes that would grant them.
    typed: Vec<StepView>,
    /// Zoom's migration set: every granular scope of every operation `from` grants.
    zoom_migration: Vec<&'static str>,
    counts: Counts,
    /// Why there is nothing to migrate, when there is not.
    nothing_to_migrate: Option<String>,
}

#[derive(Serialize)]
struct Counts {
    from: usize,
    to: usize,
    zoom_migration: usize,
}

/// A used operation in the report.
#[derive(Serialize)]
struct StepView {
    title: &'static str,
    api: &'static str,
    /// The granular scopes of the declaration that grant it, least privileged first.
    granular: Vec<&'static str>,
    /// `at_level`, `other_level` (no granular scope of the app's level grants it) or
    /// `no_granular` (no granular scope grants it).
    placement: &'static str,
    /// Whether a declared classic scope grants it.
    declared: bool,
    #[serde(skip)]
    label: String,
    #[serde(skip)]
    operation: OperationId,
}

impl StepView {
    fn new(step: &Step, declared: bool) -> StepView {
        let op = step.operation;
        StepView {
            title: op.title(),
            api: op.api().name(),
            granular: scope_names(&step.scopes),
            placement: match step.placement {
                Placement::AtLevel => "at_level",
                Placement::OtherLevel => "other_level",
                Placement::NoGranular => "no_granular",
            },
            declared,
            label: short_label(op),
            operation: op,
        }
    }

    /// The scopes granting it, or why there are none.
    fn scopes(&self, name: impl Fn(&str) -> String) -> String {
        let names = |ids: &[&str]| -> String {
            let names: Vec<String> = ids.iter().map(|s| name(s)).collect();
            names.join(", ")
        };
        if !self.granular.is_empty() {
            return names(&self.granular);
        }
        if !self.operation.oauth() {
            return "no OAuth scope grants it".to_owned();
        }
        let classic = scope_names(self.operation.granted_by());
        format!("no granular scope grants it (classic: {})", names(&classic))
    }
}

impl MigrateReport {
    fn placed(&self, placement: &str) -> impl Iterator<Item = &StepView> + '_ {
        let placement = placement.to_owned();
        self.operations
            .iter()
            .filter(move |s| s.placement == placement)
    }

    /// "3 granular scopes where Zoom's migration set has 41 (38 fewer)".
    fn comparison(&self) -> String {
        let (ours, zoom) = (self.counts.to, self.counts.zoom_migration);
        let difference = match ours.cmp(&zoom) {
            std::cmp::Ordering::Less => format!("{} fewer", zoom - ours),
            std::cmp::Ordering::Equal => "as many".to_owned(),
            std::cmp::Ordering::Greater => format!(
                "{} more: the crate uses operations the classic scopes do not grant",
                ours - zoom
            ),
        };
        format!(
            "{} where Zoom's migration set has {zoom} ({difference})",
            count(ours, "granular scope"),
        )
    }

    /// The notes after the declaration: operations at another level, without granular scopes,
    /// not granted before, and the level mix; each a heading and its operations.
    fn notes(&self) -> Vec<(String, Vec<&StepView>)> {
        let level = self.level;
        let mut notes = Vec::new();
        let other: Vec<&StepView> = self.placed("other_level").collect();
        if !other.is_empty() {
            notes.push((
                format!(
                    "no {level}-level granular scope grants {}; the least privileged granular \
                     scope that does is in the declaration:",
                    count(other.len(), "operation")
                ),
                other,
            ));
        }
        let none: Vec<&StepView> = self.placed("no_granular").collect();
        if !none.is_empty() {
            notes.push((
                format!(
                    "no granular scope grants {}: a granular app cannot perform {}:",
                    count(none.len(), "operation"),
                    if none.len() == 1 { "it" } else { "them" }
                ),
                none,
            ));
        }
        let undeclared: Vec<&StepView> = self
            .operations
            .iter()
            .filter(|s| !s.declared && s.operation.oauth())
            .collect();
        if !undeclared.is_empty() {
            notes.push((
                format!(
                    "the declared classic scopes do not grant {} either (audit reports {} \
                     missing); the declaration grants {}:",
                    count(undeclared.len(), "operation"),
                    if undeclared.len() == 1 { "it" } else { "them" },
                    if undeclared.len() == 1 { "it" } else { "them" },
                ),
                undeclared,
            ));
        }
        notes
    }

    fn mixed_note(&self) -> Option<&'static str> {
        self.mixed_levels.then_some(
            "the classic scopes mix user-level and admin-level ones, which no Zoom app type \
             holds: migrated at admin level, as an admin-managed app",
        )
    }

    fn typed_note(&self) -> Option<String> {
        (!self.typed.is_empty()).then(|| {
            format!(
                "typed mode: {} used only in typed mode (app = ...) {} checked against the \
                 scopes of the apps that call {} and left out of the declaration; an app that \
                 takes this crate's scopes (#[zoom_scopes::app(manifest)]) and calls {} needs \
                 these too:",
                count(self.typed.len(), "operation"),
                if self.typed.len() == 1 { "is" } else { "are" },
                if self.typed.len() == 1 { "it" } else { "them" },
                if self.typed.len() == 1 { "it" } else { "them" },
            )
        })
    }
}

impl Report for MigrateReport {
    fn text(&self, style: &Style) -> String {
        if let Some(reason) = &self.nothing_to_migrate {
            return format!("{reason}\n");
        }
        let heading = format!(
            "migrate of {}: {} to granular {}-level ones",
            self.krate,
            count(self.counts.from, "classic scope"),
            self.level
        );
        let mut out = format!("{}\n\n", style.paint(Tone::Heading, &heading));
        let mut table = Table::indented(2);
        let from_levels = if self.mixed_levels {
            "user and admin level".to_owned()
        } else {
            format!("{}-level", self.level)
        };
        table.row(vec![
            ("from".into(), Tone::Heading),
            (
                format!("{} (classic, {from_levels})", self.from.join(", ")),
                Tone::Scope,
            ),
        ]);
        let to = if self.to.is_empty() {
            "nothing: no used operation has a granular scope".to_owned()
        } else {
            self.to.join(", ")
        };
        table.row(vec![("to".into(), Tone::Heading), (to, Tone::Scope)]);
        out.push_str(&table.render(style));
        if !self.operations.is_empty() {
            out.push('\n');
            let mut table = Table::indented(2);
            for s in &self.operations {
                let tone = if s.granular.is_empty() {
                    Tone::Bad
                } else {
                    Tone::Scope
                };
                table.row(vec![
                    (s.label.clone(), Tone::Plain),
                    (s.scopes(str::to_owned), tone),
                ]);
            }
            out.push_str(&table.render(style));
        }
        out.push_str(&format!(
            "\n[package.metadata.zoom]\n{}\n",
            manifest_line(&self.to)
        ));
        let paragraph = |text: &str| format!("\n{}\n", wrap(text, WIDTH).join("\n"));
        out.push_str(&paragraph(&format!("{}: {ZOOM_SET}.", self.comparison())));
        if let Some(note) = self.mixed_note() {
            out.push_str(&paragraph(&format!("note: {note}.")));
        }
        let list = |out: &mut String, steps: &[&StepView]| {
            let mut table = Table::indented(2);
            for s in steps {
                table.row(vec![
                    (s.label.clone(), Tone::Plain),
                    (s.scopes(str::to_owned), Tone::Dim),
                ]);
            }
            out.push_str(&table.render(style));
        };
        for (heading, steps) in self.notes() {
            out.push_str(&paragraph(&format!("note: {heading}")));
            list(&mut out, &steps);
        }
        if let Some(note) = self.typed_note() {
            out.push_str(&paragraph(&note));
            list(&mut out, &self.typed.iter().collect::<Vec<_>>());
        }
        out
    }

    fn markdown(&self) -> String {
        let mut out = format!("## Granular scopes for {}\n\n", code(&self.krate));
        if let Some(reason) = &self.nothing_to_migrate {
            out.push_str(&format!("{}.\n", escape(reason.trim_end_matches('.'))));
            return out;
        }
        let from: Vec<String> = self.from.iter().map(|s| code(s)).collect();
        out.push_str(&format!(
            "From the classic scopes {}, at {} level:\n\n",
            from.join(", "),
            self.level
        ));
        out.push_str("| Operation | Granular scopes |\n| --- | --- |\n");
        for s in &self.operations {
            out.push_str(&format!("| {} | {} |\n", escape(&s.label), s.scopes(code)));
        }
        out.push_str(&format!(
            "\n```toml\n[package.metadata.zoom]\n{}\n```\n\n{}: {}.\n",
            manifest_line(&self.to),
            escape(&self.comparison()),
            escape(ZOOM_SET)
        ));
        if let Some(note) = self.mixed_note() {
            out.push_str(&format!("\n> Note: {}.\n", escape(note)));
        }
        let list = |out: &mut String, heading: &str, steps: &[&StepView]| {
            let mut heading = heading.trim_end_matches(':').to_owned();
            heading[..1].make_ascii_uppercase();
            out.push_str(&format!("\n{}:\n\n", escape(&heading)));
            for s in steps {
                out.push_str(&format!("- {}: {}\n", escape(&s.label), s.scopes(code)));
            }
        };
        for (heading, steps) in self.notes() {
            list(&mut out, &heading, &steps);
        }
        if let Some(note) = self.typed_note() {
            list(&mut out, &note, &self.typed.iter().collect::<Vec<_>>());
        }
        out
    }
}

/// Why a crate has nothing to migrate.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Nothing {
    /// It declares no scopes.
    Undeclared,
    /// It declares granular scopes already.
    Granular,
}

impl Nothing {
    fn report(package: &Package, reason: Nothing) -> MigrateReport {
        let ids = package.declared.ids();
        let message = match reason {
            Nothing::Granular => format!(
                "{} already declares granular scopes ({}): nothing to migrate\n\
                 help: `cargo zoom-scopes audit` checks them against the operations it uses",
                package.name,
                scope_names(&ids).join(", ")
            ),
            Nothing::Undeclared => format!(
                "{} declares no scopes in [package.metadata.zoom] of {}: nothing to migrate\n\
                 help: `cargo zoom-scopes audit` lists the operations it uses; `cargo \
                 zoom-scopes minimal --model granular TITLE...` plans granular scopes for them",
                package.name,
                package.place("Cargo.toml")
            ),
        };
        let names = scope_names(&ids);
        MigrateReport {
            krate: package.name.clone(),
            model: model_of(&ids).unwrap_or(Model::Granular).as_str(),
            level: app_level(&ids).as_str(),
            mixed_levels: false,
            counts: Counts {
                from: names.len(),
                to: names.len(),
                zoom_migration: 0,
            },
            from: names.clone(),
            to: names,
            operations: Vec::new(),
            typed: Vec::new(),
            zoom_migration: Vec::new(),
            nothing_to_migrate: Some(message),
        }
    }
}
