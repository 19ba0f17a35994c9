//! From classic to granular scopes: the least-privilege granular declaration for the
//! operations a classic app uses, at the app's own level, and the set Zoom's "Migrate" button
//! assigns instead.
//!
//! An app has one level: a user-managed app holds user-level scopes, an admin-managed app
//! `:admin` ones ([`app_level`]). The migrated declaration grants every used operation with
//! granular scopes of that level where some exist; an operation no granular scope of the level
//! grants gets the least privileged granular scopes that do, and is marked so
//! ([`Placement::OtherLevel`]); an operation no granular scope grants at all (classic scopes
//! only, or no OAuth scope) is marked [`Placement::NoGranular`]. Both covers are exact
//! ([`minimal`]).
//!
//! ```
//! use zoom_scopes_catalogue::plan::migrate::{migrate, zoom_migration};
//! use zoom_scopes_tables::{Level, OperationId, ScopeId};
//!
//! let classic = [ScopeId::named("meeting:write").unwrap()];
//! let create = OperationId::find("Create a meeting", None).unwrap();
//! let migration = migrate(&classic, &[create]);
//! assert_eq!(migration.level, Level::User);
//! let to: Vec<&str> = migration.to.iter().map(|s| s.name()).collect();
//! assert_eq!(to, ["meeting:write:meeting"]);
//! assert!(zoom_migration(&classic).len() > migration.to.len());
//! ```

use zoom_scopes_tables::{Level, Model, OperationId, ScopeId, rank};

use super::{Cost, PlanOptions, minimal};

/// How the migrated declaration grants a used operation.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    /// With a granular scope of the app's level.
    AtLevel,
    /// No granular scope of the app's level grants it: with the least privileged granular
    /// scope of another level that does.
    OtherLevel,
    /// No granular scope grants it: only classic scopes do, or no OAuth scope at all.
    NoGranular,
}

/// One used operation and the migrated scopes that grant it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The operation.
    pub operation: OperationId,
    /// Whether the app's level grants it.
    pub placement: Placement,
    /// The scopes of [`Migration::to`] that grant it, least privileged first; empty for
    /// [`Placement::NoGranular`].
    pub scopes: Vec<ScopeId>,
}

/// A classic declaration's least-privilege granular replacement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    /// The classic scopes declared, as given.
    pub from: Vec<ScopeId>,
    /// The app's level ([`app_level`]).
    pub level: Level,
    /// Whether the classic declaration holds user-level scopes together with `:admin` or
    /// `:master` ones, which no Zoom app type does; the migration is then at admin level.
    pub mixed_levels: bool,
    /// Each used operation, once, in the order given.
    pub steps: Vec<Step>,
    /// The granular scopes to declare, least privileged first.
    pub to: Vec<ScopeId>,
    /// Their privilege.
    pub cost: Cost,
    /// Zoom's migration set for `from` ([`zoom_migration`]), least privileged first.
    pub zoom: Vec<ScopeId>,
}

impl Migration {
    /// The steps placed `placement`.
    pub fn placed(&self, placement: Placement) -> impl Iterator<Item = &Step> + '_ {
        self.steps.iter().filter(move |s| s.placement == placement)
    }
}

/// The level of the app a classic declaration belongs to: admin when it holds an `:admin` or
/// `:master` scope (an admin-managed app), user otherwise (a user-managed app).
pub fn app_level(classic: &[ScopeId]) -> Level {
    if classic.iter().any(|s| s.level() > Level::User) {
        Level::Admin
    } else {
        Level::User
    }
}

/// What Zoom's "Migrate" button assigns for a classic declaration: for each declared classic
/// scope, every operation the classic page lists under it, and every granular scope (of any
/// level) that grants one of those operations; least privileged first.
pub fn zoom_migration(classic: &[ScopeId]) -> Vec<ScopeId> {
    let mut seen = vec![false; ScopeId::COUNT];
    let mut set = Vec::new();
    for &scope in classic {
        let listed = scope
            .grants()
            .iter()
            .filter(|op| op.granted_by().contains(&scope));
        for op in listed {
            for &granular in op.granular() {
                if !std::mem::replace(&mut seen[granular.index()], true) {
                    set.push(granular);
                }
            }
        }
    }
    rank(&mut set);
    set
}

/// The least-privilege granular declaration for the operations `used` (repeats allowed) of an
/// app that declares the classic scopes `classic`, at the app's level ([`app_level`]).
pub fn migrate(classic: &[ScopeId], used: &[OperationId]) -> Migration {
    let level = app_level(classic);
    let granular = |level: Option<Level>| PlanOptions {
        model: Model::Granular,
        level,
        ..PlanOptions::default()
    };
    let at_level = minimal(used, granular(Some(level)));
    // No scope of the level grants these, so no scope chosen above does: a second exact cover
    // over every level is the cheapest way to add them.
    let other = minimal(&at_level.unavailable, granular(None));
    let mut to: Vec<ScopeId> = at_level
        .scopes
        .iter()
        .chain(&other.scopes)
        .copied()
        .collect();
    rank(&mut to);
    let mut steps: Vec<Step> = Vec::new();
    for &operation in used {
        if steps.iter().any(|s| s.operation == operation) {
            continue;
        }
        let placement = if other.unavailable.contains(&operation) {
            Placement::NoGranular
        } else if at_level.unavailable.contains(&operation) {
            Placement::OtherLevel
        } else {
            Placement::AtLevel
        };
        let scopes = to
            .iter()
            .copied()
            .filter(|s| operation.granular().contains(s))
            .collect();
        steps.push(Step {
            operation,
            placement,
            scopes,
        });
    }
    let user = classic.iter().any(|s| s.level() == Level::User);
    Migration {
        from: classic.to_vec(),
        level,
        mixed_levels: user && level == Level::Admin,
        steps,
        cost: at_level.cost + other.cost,
        to,
        zoom: zoom_migration(classic),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scopes(names: &[&str]) -> Vec<ScopeId> {
        names.iter().map(|n| ScopeId::named(n).unwrap()).collect()
    }

    fn names(ids: &[ScopeId]) -> Vec<&'static str> {
        ids.iter().map(|s| s.name()).collect()
    }

    fn op(title: &str, api: Option<&str>) -> OperationId {
        OperationId::find(title, api).unwrap()
    }

    #[test]
    fn a_user_level_app_gets_user_level_scopes() {
        let classic = scopes(&["user:read", "meeting:write", "meeting:read"]);
        let used = [
            op("Get a user", Some("User")),
            op("Create a meeting", None),
            op("List meetings", Some("Meeting")),
            op("Create a meeting", None),
        ];
        let m = migrate(&classic, &used);
        assert_eq!(m.level, Level::User);
        assert!(!m.mixed_levels);
        assert_eq!(
            names(&m.to),
            [
                "meeting:read:list_meetings",
                "user:read:user",
                "meeting:write:meeting"
            ]
        );
        assert_eq!(m.steps.len(), 3, "each operation once");
        assert!(m.steps.iter().all(|s| s.placement == Placement::AtLevel));
        assert_eq!(names(&m.steps[1].scopes), ["meeting:write:meeting"]);
        assert!(m.to.iter().all(|s| s.in_model(Model::Granular)));
        assert!(m.zoom.len() > m.to.len());
        assert!(m.to.iter().all(|s| m.zoom.contains(s)));
    }

    #[test]
    fn an_admin_level_app_gets_admin_scopes_and_is_told_what_its_level_lacks() {
        let classic = scopes(&["meeting:write:admin", "scim2"]);
        let create = op("Create a meeting", None);
        let scim = op("Get a user", Some("SCIM2"));
        let m = migrate(&classic, &[create, scim]);
        assert_eq!(m.level, Level::Admin);
        assert!(m.mixed_levels, "scim2 is user-level");
        assert_eq!(names(&m.to), ["meeting:write:meeting:admin", "scim2:admin"]);
        let summary = op("Get a meeting or webinar summary", None);
        let m = migrate(&scopes(&["user:read"]), &[summary]);
        assert_eq!(names(&m.to), ["meeting:read:summary"]);
        // An operation only an :admin granular scope grants, in a user-level app.
        let dashboard = op("List meetings", Some("Dashboard"));
        let m = migrate(&scopes(&["meeting:read"]), &[dashboard]);
        assert_eq!(m.steps[0].placement, Placement::OtherLevel);
        assert_eq!(names(&m.to), ["dashboard:read:list_meetings:admin"]);
    }

    #[test]
    fn operations_no_granular_scope_grants_are_marked() {
        let classic_only = OperationId::all()
            .find(|op| !op.granted_by().is_empty() && op.granular().is_empty())
            .unwrap();
        let sdk = op("Create a session", Some("Video SDK"));
        let m = migrate(&scopes(&["meeting:read"]), &[classic_only, sdk]);
        assert!(m.to.is_empty() && m.cost == Cost::ZERO);
        assert!(
            m.steps
                .iter()
                .all(|s| s.placement == Placement::NoGranular && s.scopes.is_empty())
        );
    }

    #[test]
    fn zooms_set_is_every_granular_scope_of_every_listed_operation() {
        let classic = scopes(&["meeting:write"]);
        let set = zoom_migration(&classic);
        assert!(set.windows(2).all(|w| w[0].privilege() < w[1].privilege()));
        for op in classic[0].grants() {
            for s in op.granular() {
                assert!(set.contains(s), "{}", s.name());
            }
        }
        assert!(
            set.iter()
                .any(|s| s.name() == "meeting:write:meeting:master")
        );
        assert!(zoom_migration(&[]).is_empty());
        // A scope the page lists nothing under migrates to nothing.
        assert!(zoom_migration(&scopes(&["meeting_summary:read"])).is_empty());
    }
}
