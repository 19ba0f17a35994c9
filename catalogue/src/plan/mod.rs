//! Least-privilege planning: the set of scopes an app should request for the operations it
//! performs.
//!
//! Least privilege is lexicographic ([`Cost`]): fewest `:master` scopes, then fewest `:admin`,
//! then fewest write scopes, then fewest scopes. The plan is optimal under that order, not a
//! greedy approximation: it is an exact weighted set cover ([`cover`]), which the catalogue's
//! structure keeps small (most operations are granted by a handful of scopes of one resource).
//!
//! Grants are exact: a scope is a candidate for an operation only when the tables (or an extra
//! grant the app's manifest declares) list the operation under it, in the scope model planned
//! for ([`PlanOptions::model`]): the classic page's lists, or the granular lists of Zoom's API
//! reference. [`migrate`] plans a classic app's granular declaration.
//!
//! ```
//! use zoom_scopes_catalogue::plan::{self, PlanOptions};
//! use zoom_scopes_tables::OperationId;
//!
//! let create = OperationId::find("Create a meeting", None).unwrap();
//! let get = OperationId::find("Get a meeting", None).unwrap();
//! let plan = plan::minimal(&[create, get], PlanOptions::default());
//! let names: Vec<&str> = plan.scopes.iter().map(|s| s.name()).collect();
//! assert_eq!(names, ["meeting:read", "meeting:write"]);
//! ```

mod branch;
mod cover;
pub mod migrate;
mod reduce;

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign};

pub use cover::{Cover, cover};

use zoom_scopes_macros_core::manifest::ExtraGrant;
use zoom_scopes_tables::{Access, Level, Model, OperationId, ScopeId, rank};

/// The privilege a set of scopes carries, compared lexicographically in field order: a plan
/// with fewer `:master` scopes is better whatever the rest, and so on down to the plain count.
///
/// Costs add up field by field, and the lexicographic order is compatible with that addition,
/// which is what lets [`cover`] bound partial solutions.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cost {
    /// `:master` scopes.
    pub master: u32,
    /// `:admin` scopes.
    pub admin: u32,
    /// Scopes that may write (see [`Access`]).
    pub write: u32,
    /// Scopes of any kind.
    pub scopes: u32,
}

impl Cost {
    /// Nothing requested.
    pub const ZERO: Cost = Cost {
        master: 0,
        admin: 0,
        write: 0,
        scopes: 0,
    };

    /// The cost of requesting one scope of this level and access.
    pub fn of_scope(level: Level, access: Access) -> Cost {
        Cost {
            master: u32::from(level == Level::Master),
            admin: u32::from(level == Level::Admin),
            write: u32::from(access == Access::Write),
            scopes: 1,
        }
    }

    /// The privilege of one documented scope.
    pub fn of(scope: ScopeId) -> Cost {
        Cost::of_scope(scope.level(), scope.access())
    }
}

impl Add for Cost {
    type Output = Cost;
    fn add(self, other: Cost) -> Cost {
        Cost {
            master: self.master + other.master,
            admin: self.admin + other.admin,
            write: self.write + other.write,
            scopes: self.scopes + other.scopes,
        }
    }
}

impl AddAssign for Cost {
    fn add_assign(&mut self, other: Cost) {
        *self = *self + other;
    }
}

impl Sum for Cost {
    fn sum<I: Iterator<Item = Cost>>(iter: I) -> Cost {
        iter.fold(Cost::ZERO, Add::add)
    }
}

impl fmt::Display for Cost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: u32| if n == 1 { "" } else { "s" };
        write!(
            f,
            "{} scope{}: {} master, {} admin, {} write",
            self.scopes,
            plural(self.scopes),
            self.master,
            self.admin,
            self.write
        )
    }
}

/// What a plan may use besides the tables' grants.
#[derive(Copy, Clone, Debug)]
pub struct PlanOptions<'a> {
    /// The scope model to propose scopes of; classic by default. Only scopes of this model are
    /// candidates: an operation no scope of the model grants is left out of the plan and
    /// reported in [`Plan::unavailable`].
    pub model: Model,
    /// Propose only scopes of this level. An operation no scope of the level grants is left
    /// out of the plan and reported in [`Plan::unavailable`]: another level is never picked
    /// silently.
    pub level: Option<Level>,
    /// Grants Zoom's page omits, as declared in a manifest's `[package.metadata.zoom.grants]`:
    /// each makes its scope a candidate for its operation.
    pub extra_grants: &'a [ExtraGrant],
}

impl Default for PlanOptions<'_> {
    /// Classic scopes of any level, no extra grants.
    fn default() -> Self {
        PlanOptions {
            model: Model::Classic,
            level: None,
            extra_grants: &[],
        }
    }
}

impl PlanOptions<'_> {
    /// Whether `scope` may be proposed: of the model and, when one is given, of the level.
    pub fn admits(&self, scope: ScopeId) -> bool {
        scope.in_model(self.model) && self.level.is_none_or(|l| scope.level() == l)
    }
}

/// A least-privilege set of scopes for some operations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The scopes to request, least privileged first.
    pub scopes: Vec<ScopeId>,
    /// Their total privilege.
    pub cost: Cost,
    /// Operations no candidate scope grants (none exists in the requested model, or at the
    /// requested level), in the order asked, each once. The plan covers every other operation.
    pub unavailable: Vec<OperationId>,
}

/// The scopes that may grant `op` in a plan: those the tables list it under in
/// `options.model`, and those an extra grant names, restricted to the model and to
/// `options.level`; least privileged first.
pub fn candidates(op: OperationId, options: PlanOptions<'_>) -> Vec<ScopeId> {
    let listed = op.granted_in(options.model).iter().copied();
    let extra = options
        .extra_grants
        .iter()
        .filter(|g| g.operation == op)
        .map(|g| g.scope);
    let mut scopes: Vec<ScopeId> = listed.chain(extra).filter(|&s| options.admits(s)).collect();
    rank(&mut scopes);
    scopes.dedup();
    scopes
}

/// The least-privilege set of scopes granting every operation in `ops` (repeats allowed),
/// exactly optimal under [`Cost`]'s order. Ties between equally privileged plans are broken
/// the same way on every run.
pub fn minimal(ops: &[OperationId], options: PlanOptions<'_>) -> Plan {
    let mut seen = vec![false; OperationId::COUNT];
    let mut wanted: Vec<OperationId> = Vec::new();
    for &op in ops {
        if !std::mem::replace(&mut seen[op.index()], true) {
            wanted.push(op);
        }
    }
    let requirements: Vec<Vec<usize>> = wanted
        .iter()
        .map(|&op| {
            let candidates = candidates(op, options);
            candidates.iter().map(|s| s.index()).collect()
        })
        .collect();
    let costs: Vec<Cost> = ScopeId::all().map(Cost::of).collect();
    let solved = cover(&costs, &requirements);
    // The chosen indices are candidates' indices, so every one is a scope.
    let mut scopes: Vec<ScopeId> = solved
        .chosen
        .iter()
        .filter_map(|&i| ScopeId::from_index(i))
        .collect();
    rank(&mut scopes);
    Plan {
        scopes,
        cost: solved.cost,
        unavailable: solved.unmet.iter().map(|&i| wanted[i]).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(plan: &Plan) -> Vec<&'static str> {
        plan.scopes.iter().map(|s| s.name()).collect()
    }

    fn op(title: &str, api: Option<&str>) -> OperationId {
        OperationId::find(title, api).unwrap()
    }

    fn scope(name: &str) -> ScopeId {
        ScopeId::named(name).unwrap()
    }

    #[test]
    fn costs_order_lexicographically() {
        let user_write = Cost::of_scope(Level::User, Access::Write);
        let admin_read = Cost::of_scope(Level::Admin, Access::Read);
        let master_read = Cost::of_scope(Level::Master, Access::Read);
        assert!(user_write + user_write + user_write < admin_read);
        assert!(admin_read + admin_read < master_read);
        assert_eq!(
            [user_write, admin_read].into_iter().sum::<Cost>(),
            Cost {
                master: 0,
                admin: 1,
                write: 1,
                scopes: 2
            }
        );
        assert_eq!(
            (user_write + admin_read).to_string(),
            "2 scopes: 0 master, 1 admin, 1 write"
        );
        assert_eq!(Cost::of(scope("meeting:read:admin")), admin_read);
    }

    #[test]
    fn least_privileged_scope_for_one_operation() {
        let plan = minimal(&[op("Create a meeting", None)], PlanOptions::default());
        assert_eq!(names(&plan), ["meeting:write"]);
        assert!(plan.unavailable.is_empty());
    }

    #[test]
    fn no_implied_hierarchy() {
        let ops = [op("Create a meeting", None), op("Get a meeting", None)];
        let plan = minimal(&ops, PlanOptions::default());
        assert_eq!(names(&plan), ["meeting:read", "meeting:write"]);
    }

    #[test]
    fn levels_restrict_candidates_and_report_what_they_cannot_cover() {
        let create = op("Create a meeting", None);
        let user = op("Create a user", None);
        let admin = PlanOptions {
            level: Some(Level::Admin),
            ..PlanOptions::default()
        };
        let plan = minimal(&[create, user, create], admin);
        assert_eq!(names(&plan), ["meeting:write:admin"]);
        assert_eq!(
            plan.unavailable,
            [user],
            "only scim2 grants it, a user-level scope"
        );
        let master = PlanOptions {
            level: Some(Level::Master),
            ..PlanOptions::default()
        };
        assert_eq!(names(&minimal(&[create], master)), ["meeting:master"]);
    }

    #[test]
    fn extra_grants_are_candidates() {
        let summary = op("Get a meeting or webinar summary", None);
        assert_eq!(
            names(&minimal(&[summary], PlanOptions::default())),
            ["meeting_summary:master"]
        );
        let extra = [ExtraGrant {
            scope: scope("meeting_summary:read"),
            operation: summary,
            line: 1,
        }];
        let options = PlanOptions {
            extra_grants: &extra,
            ..PlanOptions::default()
        };
        assert_eq!(
            names(&minimal(&[summary], options)),
            ["meeting_summary:read"]
        );
        assert_eq!(
            candidates(summary, options),
            [
                scope("meeting_summary:read"),
                scope("meeting_summary:master")
            ]
        );
    }

    #[test]
    fn empty_request_is_an_empty_plan() {
        let plan = minimal(&[], PlanOptions::default());
        assert!(plan.scopes.is_empty() && plan.unavailable.is_empty());
        assert_eq!(plan.cost, Cost::ZERO);
    }
}
