//! The audit of a crate: given the operations its sources use and the scopes its manifest
//! declares, what is missing, what least-privilege set would do, and which declared scopes are
//! not needed or broader than needed.
//!
//! Finding the uses (parsing Rust, with the macros' own argument grammar) is the caller's job;
//! titles resolve here exactly as the macros resolve them (`resolve::operation`), and the
//! grants are the generated tables' plus the manifest's extra grants, in the scope model of the
//! declaration ([`model_of`]): a granular declaration is planned and checked with granular
//! scopes.

use std::fmt;

use zoom_scopes_macros_core::manifest::{Declared, ExtraGrant};
use zoom_scopes_macros_core::resolve::{self, LookupError, Subject};
use zoom_scopes_tables::{Level, Model, OperationId, ScopeId, model_of};

use crate::plan::{self, Cost, Plan, PlanOptions};

/// One place in a crate's sources that names an operation: a `#[requires_api]` attribute or an
/// `operation!` call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Use {
    /// The title as written.
    pub title: String,
    /// The `api = "..."` API group, when given.
    pub api: Option<String>,
    /// The function (or item) it is on or in, as a path within its file's crate target.
    pub function: String,
    /// The source file, as the caller names it.
    pub file: String,
    /// 1-based line of the title.
    pub line: usize,
    /// 1-based column (in characters) of the title literal.
    pub column: usize,
    /// 1-based line of the API group, when given: where an error about it is reported, as the
    /// macros report it on the `api` literal.
    pub api_line: Option<usize>,
    /// Typed mode (`app = ...`): the scopes checked are those of the app calling the function,
    /// not this crate's, so the use is listed but not held against the declared scopes.
    pub typed: bool,
}

/// A use and the operation it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// Where and how it was written.
    pub site: Use,
    /// The operation.
    pub operation: OperationId,
}

/// A use whose title (and API group) does not name exactly one operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UseError {
    /// The source file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong, with suggestions; it displays as the macros word it.
    pub error: LookupError,
}

impl fmt::Display for UseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.error)
    }
}

impl std::error::Error for UseError {}

/// A declared scope that grants more than the crate needs: `instead` grants every used
/// operation it grants, with less privilege.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Broader {
    /// The declared scope.
    pub scope: ScopeId,
    /// The less privileged replacement, least privileged first (declared already or not).
    pub instead: Vec<ScopeId>,
}

/// A declaration holding user-level scopes and `:admin` or `:master` ones: Zoom has no app
/// type with both (a user-managed app holds user-level scopes, an admin-managed app `:admin`
/// ones).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MixedLevels {
    /// The user-level scopes declared, in the order written.
    pub user: Vec<ScopeId>,
    /// The `:admin` and `:master` scopes declared, in the order written.
    pub admin: Vec<ScopeId>,
    /// The declared scope that made the mix: the first one, in the order written, whose level
    /// is not that of the first declared scope.
    pub first: ScopeId,
}

impl MixedLevels {
    /// The mix in `declared`, if there is one.
    pub fn of(declared: &[ScopeId]) -> Option<MixedLevels> {
        let is_user = |s: &&ScopeId| s.level() == Level::User;
        let (user, admin): (Vec<ScopeId>, Vec<ScopeId>) = declared.iter().partition(is_user);
        let first_is_user = declared.first().is_some_and(|s| is_user(&s));
        let first = declared
            .iter()
            .copied()
            .find(|s| is_user(&s) != first_is_user)?;
        Some(MixedLevels { user, admin, first })
    }
}

/// The findings of an audit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Audit {
    /// Every use checked against the declared scopes, by file and line.
    pub uses: Vec<Resolved>,
    /// Every use in typed mode, by file and line: checked where apps call them.
    pub typed: Vec<Resolved>,
    /// The declared scopes, as written.
    pub declared: Vec<ScopeId>,
    /// The scope model of the declaration ([`model_of`]), which the audit plans and checks in.
    /// A declaration mixing both models (which the manifest reader refuses) is audited as
    /// granular, the only model apps created since March 2024 have: its classic names grant
    /// nothing there.
    pub model: Model,
    /// User-level scopes declared together with `:admin` or `:master` ones.
    pub mixed_levels: Option<MixedLevels>,
    /// The extra grants the manifest declares.
    pub extra_grants: Vec<ExtraGrant>,
    /// The level plans were restricted to, if any.
    pub level: Option<Level>,
    /// Used operations no declared scope grants, in order of first use.
    pub missing: Vec<OperationId>,
    /// The least-privilege cover of every used operation (at `level`, if given).
    pub minimal: Plan,
    /// Declared scopes that grant none of the used operations.
    pub unused: Vec<ScopeId>,
    /// Declared scopes a less privileged set would replace.
    pub broader: Vec<Broader>,
}

/// Audits `uses` against `declared`, in the declaration's scope model. Fails with every use
/// that does not resolve.
pub fn audit(
    mut uses: Vec<Use>,
    declared: &Declared,
    level: Option<Level>,
) -> Result<Audit, Vec<UseError>> {
    uses.sort_by(|a, b| (&a.file, a.line, &a.title).cmp(&(&b.file, b.line, &b.title)));
    let mut resolved = Vec::with_capacity(uses.len());
    let mut errors = Vec::new();
    for site in uses {
        match resolve::operation(&site.title, site.api.as_deref()) {
            Ok(operation) => resolved.push(Resolved { operation, site }),
            Err(error) => errors.push(UseError {
                line: match error.subject() {
                    Subject::Api => site.api_line.unwrap_or(site.line),
                    Subject::Title => site.line,
                },
                file: site.file,
                error,
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (typed, resolved): (Vec<Resolved>, Vec<Resolved>) =
        resolved.into_iter().partition(|u| u.site.typed);
    let used = distinct_operations(&resolved);
    let declared_ids = declared.ids();
    let model = model_of(&declared_ids).unwrap_or(Model::Granular);
    let options = PlanOptions {
        model,
        level,
        extra_grants: &declared.grants,
    };
    let grants = |scope, op| grants(model, &declared.grants, scope, op);
    let missing = used
        .iter()
        .copied()
        .filter(|&op| !declared_ids.iter().any(|&s| grants(s, op)))
        .collect();
    let mut unused = Vec::new();
    let mut broader = Vec::new();
    for &scope in &declared_ids {
        let needs: Vec<OperationId> = used
            .iter()
            .copied()
            .filter(|&op| grants(scope, op))
            .collect();
        if needs.is_empty() {
            unused.push(scope);
            continue;
        }
        // A plan containing `scope` costs at least as much as `scope` alone, so a cheaper
        // plan is a replacement without it.
        let alternative = plan::minimal(&needs, options);
        if alternative.unavailable.is_empty() && alternative.cost < Cost::of(scope) {
            broader.push(Broader {
                scope,
                instead: alternative.scopes,
            });
        }
    }
    Ok(Audit {
        minimal: plan::minimal(&used, options),
        uses: resolved,
        typed,
        mixed_levels: MixedLevels::of(&declared_ids),
        declared: declared_ids,
        model,
        extra_grants: declared.grants.clone(),
        level,
        missing,
        unused,
        broader,
    })
}

impl Audit {
    /// Whether `scope` grants `op` in the audit's model, by the tables or by one of the
    /// manifest's extra grants.
    pub fn grants(&self, scope: ScopeId, op: OperationId) -> bool {
        grants(self.model, &self.extra_grants, scope, op)
    }

    /// The uses that `scope` grants, in source order.
    pub fn uses_granted_by(&self, scope: ScopeId) -> impl Iterator<Item = &Resolved> + '_ {
        self.uses
            .iter()
            .filter(move |u| self.grants(scope, u.operation))
    }

    /// The uses of `op`, in source order.
    pub fn uses_of(&self, op: OperationId) -> impl Iterator<Item = &Resolved> + '_ {
        self.uses.iter().filter(move |u| u.operation == op)
    }

    /// The distinct used operations, in order of first use.
    pub fn operations(&self) -> Vec<OperationId> {
        distinct_operations(&self.uses)
    }

    /// The options the audit planned with: its model, its level and the manifest's extra
    /// grants.
    pub fn plan_options(&self) -> PlanOptions<'_> {
        PlanOptions {
            model: self.model,
            level: self.level,
            extra_grants: &self.extra_grants,
        }
    }
}

/// Whether `scope` grants `op` in `model`, by the tables or by an extra grant.
fn grants(model: Model, extra: &[ExtraGrant], scope: ScopeId, op: OperationId) -> bool {
    op.granted_in(model).contains(&scope)
        || extra.iter().any(|g| g.scope == scope && g.operation == op)
}

fn distinct_operations(uses: &[Resolved]) -> Vec<OperationId> {
    let mut ops = Vec::new();
    for u in uses {
        if !ops.contains(&u.operation) {
            ops.push(u.operation);
        }
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;
    use zoom_scopes_macros_core::manifest::DeclaredScope;

    fn site(title: &str, api: Option<&str>, line: usize) -> Use {
        Use {
            title: title.to_owned(),
            api: api.map(str::to_owned),
            function: format!("f{line}"),
            file: "src/lib.rs".to_owned(),
            line,
            column: 1,
            api_line: api.map(|_| line + 1),
            typed: false,
        }
    }

    fn declare(names: &[&str]) -> Declared {
        Declared {
            scopes: names
                .iter()
                .enumerate()
                .map(|(i, n)| DeclaredScope {
                    scope: ScopeId::named(n).unwrap(),
                    line: i + 1,
                })
                .collect(),
            grants: Vec::new(),
        }
    }

    fn names(ids: &[ScopeId]) -> Vec<&'static str> {
        ids.iter().map(|s| s.name()).collect()
    }

    fn titles(ids: &[OperationId]) -> Vec<&'static str> {
        ids.iter().map(|op| op.title()).collect()
    }

    #[test]
    fn missing_minimal_unused_broader() {
        let uses = vec![
            site("Get a meeting", None, 9),
            site("Create a meeting", None, 3),
            site("List meetings", Some("Meeting"), 5),
            site("Get a user", Some("User"), 7),
        ];
        let declared = declare(&["meeting:write:admin", "meeting:read", "webinar:read"]);
        let audit = audit(uses, &declared, None).unwrap();
        let lines: Vec<usize> = audit.uses.iter().map(|u| u.site.line).collect();
        assert_eq!(lines, [3, 5, 7, 9], "by file and line");
        assert_eq!(titles(&audit.missing), ["Get a user"]);
        assert_eq!(
            names(&audit.minimal.scopes),
            ["meeting:read", "user:read", "meeting:write"]
        );
        assert_eq!(names(&audit.unused), ["webinar:read"]);
        assert_eq!(audit.broader.len(), 1);
        assert_eq!(names(&[audit.broader[0].scope]), ["meeting:write:admin"]);
        assert_eq!(names(&audit.broader[0].instead), ["meeting:write"]);
    }

    #[test]
    fn a_broader_scope_may_be_replaced_by_several() {
        let uses = vec![
            site("Create a meeting", None, 1),
            site("Get a meeting", None, 2),
        ];
        let audit = audit(uses, &declare(&["meeting:master"]), None).unwrap();
        assert!(audit.missing.is_empty());
        assert_eq!(
            names(&audit.broader[0].instead),
            ["meeting:read", "meeting:write"]
        );
    }

    #[test]
    fn levels_apply_to_minimal_and_broader() {
        let uses = vec![
            site("Create a meeting", None, 1),
            site("Create a user", None, 2),
        ];
        let declared = declare(&["meeting:write:admin", "scim2"]);
        let audit = audit(uses, &declared, Some(Level::Admin)).unwrap();
        assert!(audit.missing.is_empty());
        assert!(
            audit.broader.is_empty(),
            "meeting:write is not an admin scope"
        );
        assert_eq!(names(&audit.minimal.scopes), ["meeting:write:admin"]);
        assert_eq!(titles(&audit.minimal.unavailable), ["Create a user"]);
    }

    #[test]
    fn extra_grants_count_as_grants() {
        let summary = OperationId::find("Get a meeting or webinar summary", None).unwrap();
        let mut declared = declare(&["meeting_summary:read"]);
        declared.grants.push(ExtraGrant {
            scope: declared.scopes[0].scope,
            operation: summary,
            line: 4,
        });
        let uses = vec![site("Get a meeting or webinar summary", None, 1)];
        let audit = audit(uses, &declared, None).unwrap();
        assert!(audit.missing.is_empty() && audit.unused.is_empty() && audit.broader.is_empty());
        assert_eq!(names(&audit.minimal.scopes), ["meeting_summary:read"]);
        assert_eq!(audit.uses_granted_by(declared.scopes[0].scope).count(), 1);
    }

    #[test]
    fn every_bad_use_is_reported_with_its_place() {
        let uses = vec![
            site("Crate a meeting", None, 4),
            site("List meetings", None, 2),
            site("Create a meeting", None, 1),
        ];
        let errors = audit(uses, &Declared::default(), None).unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 2);
        assert!(
            shown[0].starts_with("src/lib.rs:2: \"List meetings\" is documented in 2 API groups"),
            "{}",
            shown[0]
        );
        assert!(
            shown[1]
                .starts_with("src/lib.rs:4: no Zoom API operation is titled \"Crate a meeting\""),
            "{}",
            shown[1]
        );
        assert!(
            shown[1].contains("did you mean \"Create a meeting\""),
            "{}",
            shown[1]
        );
    }

    /// As the macros do, an error about the API group is reported where the group is written,
    /// and one about the title where the title is.
    #[test]
    fn api_group_errors_are_reported_at_the_api_group() {
        let uses = vec![
            site("List meetings", Some("Meetings"), 10),
            site("Crate a meeting", Some("Meeting"), 20),
        ];
        let errors = audit(uses, &Declared::default(), None).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [11, 20]);
    }

    #[test]
    fn nothing_used_leaves_every_declared_scope_unused() {
        let audit = audit(Vec::new(), &declare(&["meeting:write"]), None).unwrap();
        assert!(audit.missing.is_empty() && audit.minimal.scopes.is_empty());
        assert_eq!(names(&audit.unused), ["meeting:write"]);
    }

    #[test]
    fn a_granular_declaration_is_audited_with_granular_scopes() {
        let uses = vec![
            site("Create a meeting", None, 1),
            site("Get a meeting", None, 2),
            site("Get a user", Some("User"), 3),
        ];
        let declared = declare(&["meeting:write:meeting:admin", "meeting:read:meeting"]);
        let audit = audit(uses, &declared, None).unwrap();
        assert_eq!(audit.model, Model::Granular);
        assert_eq!(titles(&audit.missing), ["Get a user"]);
        assert_eq!(
            names(&audit.minimal.scopes),
            [
                "meeting:read:meeting",
                "user:read:user",
                "meeting:write:meeting"
            ]
        );
        assert!(audit.unused.is_empty());
        assert_eq!(
            names(&[audit.broader[0].scope]),
            ["meeting:write:meeting:admin"]
        );
        assert_eq!(names(&audit.broader[0].instead), ["meeting:write:meeting"]);
        let mixed = audit.mixed_levels.expect("user-level and :admin scopes");
        assert_eq!(names(&mixed.user), ["meeting:read:meeting"]);
        assert_eq!(names(&mixed.admin), ["meeting:write:meeting:admin"]);
        assert_eq!(names(&[mixed.first]), ["meeting:read:meeting"]);
    }

    #[test]
    fn models_and_levels_of_declarations() {
        let uses = || vec![site("Create a meeting", None, 1)];
        let classic = audit(uses(), &declare(&["meeting:write"]), None).unwrap();
        assert_eq!(classic.model, Model::Classic);
        assert!(classic.missing.is_empty() && classic.mixed_levels.is_none());
        // A mix of models, which the manifest reader refuses, is audited as granular.
        let mixed = declare(&["meeting:write", "meeting:write:meeting"]);
        let mixed = audit(uses(), &mixed, None).unwrap();
        assert_eq!(mixed.model, Model::Granular);
        assert_eq!(names(&mixed.unused), ["meeting:write"]);
        assert_eq!(MixedLevels::of(&[]), None, "nothing declared mixes nothing");
        let one_level = ScopeId::named("meeting:write:admin").unwrap();
        assert_eq!(MixedLevels::of(&[one_level, one_level]), None);
    }
}
