//! [`Endpoint`]: one HTTP endpoint of an operation, as Zoom's API reference documents it.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use zoom_scopes_tables::{EndpointId, Method, RateLimit};

use crate::operation::by_id;
use crate::{Model, Operation, Scope, ScopeSet};

/// An HTTP endpoint of Zoom's API reference: a method and a path template, the operation it
/// performs, and the granular scopes that authorise it.
///
/// An operation's endpoints come from [`Operation::endpoints`]: the regular one and, for many,
/// a master-account variant (`/accounts/{accountId}/...`), which only `:master` scopes
/// authorise.
///
/// ```
/// use zoom_scopes::{Method, Scope, operation};
/// let create = operation!("Create a meeting");
/// let regular = create
///     .endpoints()
///     .find(|e| !e.master_account())
///     .expect("documented");
/// assert_eq!((regular.method(), regular.path()), (Method::Post, "/users/{userId}/meetings"));
/// assert_eq!(regular.operation_id(), Some("meetingCreate"));
/// assert_eq!(regular.to_string(), "POST /users/{userId}/meetings");
/// let granular: Vec<Scope> = regular.granular().collect();
/// assert_eq!(granular, [Scope::MEETING_WRITE_MEETING, Scope::MEETING_WRITE_MEETING_ADMIN]);
/// ```
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Endpoint(EndpointId);

impl Endpoint {
    /// The runtime's endpoint for one of the tables' ids.
    pub(crate) const fn from_id(id: EndpointId) -> Endpoint {
        Endpoint(id)
    }

    /// The HTTP method.
    pub const fn method(self) -> Method {
        self.0.method()
    }

    /// The path template as documented, relative to the API base (`/users/{userId}/meetings`).
    pub const fn path(self) -> &'static str {
        self.0.path()
    }

    /// Whether it is a master-account variant (`/accounts/{accountId}/...`), which `:master`
    /// scopes authorise.
    pub const fn master_account(self) -> bool {
        self.0.master_account()
    }

    /// Whether Zoom flags the endpoint deprecated.
    pub const fn deprecated(self) -> bool {
        self.0.deprecated()
    }

    /// Zoom's rate-limit label, when the reference gives one.
    pub const fn rate_limit(self) -> Option<RateLimit> {
        self.0.rate_limit()
    }

    /// The operationId in Zoom's API reference.
    pub const fn operation_id(self) -> Option<&'static str> {
        self.0.operation_id()
    }

    /// The granular scopes that authorise it, least privileged first: any one of them does,
    /// and they are the list Zoom's error 4711 names for this endpoint. Collect them into a
    /// [`ScopeSet`](crate::ScopeSet) for set operations.
    pub fn granular(self) -> impl ExactSizeIterator<Item = Scope> + Clone {
        self.0.granular().iter().map(|&s| Scope::from_id(s))
    }

    /// The operation it performs; `None` for the few endpoints whose title names several
    /// operations of the classic-scope page that no rule tells apart.
    pub fn operation(self) -> Option<&'static Operation> {
        self.0.operation().map(by_id)
    }

    /// The scopes of `model` that grant a request to this endpoint, any one of them: for
    /// classic scopes its operation's (classic scopes are granted per operation), for
    /// granular ones its own ([`granular`](Endpoint::granular): a `:master` scope grants the
    /// master-account variant, not the regular endpoint). [`ScopeSet::covers_endpoint`] tells
    /// whether a grant holds one.
    ///
    /// ```
    /// use zoom_scopes::{Model, Scope, operation};
    /// let [regular, master] = [false, true].map(|m| {
    ///     operation!("Create a meeting").endpoints().find(|e| e.master_account() == m).unwrap()
    /// });
    /// assert!(regular.granted_by_in(Model::Classic).contains(Scope::MEETING_WRITE));
    /// assert!(master.granted_by_in(Model::Classic).contains(Scope::MEETING_WRITE));
    /// assert!(!regular.granted_by_in(Model::Granular).contains(Scope::MEETING_WRITE_MEETING_MASTER));
    /// assert!(master.granted_by_in(Model::Granular).contains(Scope::MEETING_WRITE_MEETING_MASTER));
    /// ```
    pub fn granted_by_in(self, model: Model) -> ScopeSet {
        match model {
            Model::Classic => self.operation().map_or_else(ScopeSet::new, |op| {
                ScopeSet::from_scopes(op.granted_by_in(Model::Classic))
            }),
            Model::Granular => self.granular().collect(),
        }
    }

    /// Its master-account variant, `/accounts/{accountId}` before the same path with the same
    /// method, when Zoom documents one; itself when it is one.
    ///
    /// ```
    /// use zoom_scopes::{Endpoint, Method};
    /// let list = Endpoint::find(Method::Get, "/users/{userId}/meetings").expect("documented");
    /// let master = list.master_variant().expect("documented");
    /// assert_eq!(master.path(), "/accounts/{accountId}/users/{userId}/meetings");
    /// assert!(master.master_account());
    /// ```
    pub fn master_variant(self) -> Option<Endpoint> {
        if self.master_account() {
            return Some(self);
        }
        let variant = format!("{MASTER_ACCOUNT_PREFIX}{}", self.path());
        Endpoint::find(self.method(), &variant).filter(|e| e.master_account())
    }

    /// The endpoint with this method and exact path template (`/meetings/{meetingId}`), if
    /// Zoom's API reference documents it.
    pub fn find(method: Method, path: &str) -> Option<Endpoint> {
        EndpointId::find(method, path).map(Endpoint)
    }

    /// Every endpoint of the API reference, those of each operation together.
    pub fn all() -> impl ExactSizeIterator<Item = Endpoint> + Clone {
        EndpointId::all().map(Endpoint)
    }

    /// The names of its path parameters, in the order of the path (`["userId"]` for
    /// `/users/{userId}/meetings`).
    pub fn path_params(self) -> impl Iterator<Item = &'static str> + Clone {
        segments(self.path()).filter_map(|segment| match segment {
            Segment::Param(name) => Some(name),
            Segment::Literal(_) => None,
        })
    }

    /// Matches a request path (relative to the API base, without its query string) against
    /// the path template: each path parameter with its value as the path holds it (still
    /// percent-encoded), or `None` when the path is not one of this endpoint's.
    ///
    /// ```
    /// use zoom_scopes::{Endpoint, Method};
    /// let get = Endpoint::find(Method::Get, "/meetings/{meetingId}").expect("documented");
    /// assert_eq!(get.match_path("/meetings/85746065432"), Some(vec![("meetingId", "85746065432")]));
    /// assert_eq!(get.match_path("/meetings/85746065432/recordings"), None);
    /// assert_eq!(get.match_path("/meetings/"), None);
    /// ```
    pub fn match_path(self, path: &str) -> Option<Vec<(&'static str, &str)>> {
        let mut params = Vec::new();
        let mut given = path.strip_prefix('/')?.split('/');
        for segment in segments(self.path()) {
            let value = given.next()?;
            match segment {
                Segment::Literal(literal) if literal == value => {}
                Segment::Param(name) if !value.is_empty() => params.push((name, value)),
                _ => return None,
            }
        }
        given.next().is_none().then_some(params)
    }

    /// The endpoint of the API reference that a request with this method and path (relative to
    /// the API base, without its query string) goes to: `GET /meetings/85746065432` is
    /// `GET /meetings/{meetingId}`. Where several templates match, the one whose literal
    /// segments come first wins (`/users/summary` over `/users/{userId}`), as a router that
    /// tries fixed paths before parameters would choose.
    ///
    /// ```
    /// use zoom_scopes::{Endpoint, Method};
    /// let e = Endpoint::resolve(Method::Get, "/meetings/85746065432").expect("documented");
    /// assert_eq!(e.path(), "/meetings/{meetingId}");
    /// assert_eq!(Endpoint::resolve(Method::Get, "/nowhere"), None);
    /// ```
    pub fn resolve(method: Method, path: &str) -> Option<Endpoint> {
        Endpoint::route(method, path).map(|(e, _)| e)
    }

    /// [`resolve`](Endpoint::resolve), with the path parameters of the endpoint found.
    pub(crate) fn route(
        method: Method,
        path: &str,
    ) -> Option<(Endpoint, Vec<(&'static str, &str)>)> {
        let mut given = path.strip_prefix('/')?.split('/');
        let first = given.next().unwrap_or_default();
        let count = 1 + given.count();
        let routes = ROUTES.get_or_init(routes);
        // Templates whose first segment is a literal are keyed by it; any others, by "".
        let keys = if first.is_empty() { 1 } else { 2 };
        let candidates = [first, ""]
            .into_iter()
            .take(keys)
            .filter_map(|key| routes.get(&(method, count, key)))
            .flatten()
            .copied();
        Endpoint::best_match(candidates, path)
    }

    /// The most specific of `candidates` whose template matches `path` (see
    /// [`resolve`](Endpoint::resolve)), with its path parameters.
    pub(crate) fn best_match(
        candidates: impl Iterator<Item = Endpoint>,
        path: &str,
    ) -> Option<(Endpoint, Vec<(&'static str, &str)>)> {
        candidates
            .filter_map(|e| e.match_path(path).map(|params| (e, params)))
            .min_by_key(|(e, _)| specificity(e.path()))
    }
}

/// What a master-account variant's template has before the regular endpoint's.
const MASTER_ACCOUNT_PREFIX: &str = "/accounts/{accountId}";

/// One segment of a path template: `{name}` is a path parameter, any other text is literal.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Segment<'t> {
    Literal(&'t str),
    Param(&'t str),
}

/// The segments of a path template (`/users/{userId}/meetings`), after its leading `/`.
pub(crate) fn segments(template: &str) -> impl Iterator<Item = Segment<'_>> + Clone {
    let rest = template.strip_prefix('/').unwrap_or(template);
    rest.split('/').map(|segment| {
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            Some(name) if !name.is_empty() => Segment::Param(name),
            _ => Segment::Literal(segment),
        }
    })
}

/// Orders matching templates, which have as many segments: at the first segment where they
/// differ in kind, a literal before a parameter. The parameters' positions as bits, the first
/// segment the highest, so the smaller number is the more specific template.
fn specificity(template: &str) -> u128 {
    segments(template).fold(0, |bits, s| {
        (bits << 1) | u128::from(matches!(s, Segment::Param(_)))
    })
}

/// Every endpoint by method, number of segments and first segment when it is a literal (`""`
/// when it is a parameter), built on first use by [`Endpoint::resolve`] (the mock routes
/// each request with it).
type Routes = HashMap<(Method, usize, &'static str), Vec<Endpoint>>;

static ROUTES: OnceLock<Routes> = OnceLock::new();

fn routes() -> Routes {
    let mut routes = Routes::new();
    for e in Endpoint::all() {
        let count = segments(e.path()).count();
        let first = match segments(e.path()).next() {
            Some(Segment::Literal(first)) => first,
            _ => "",
        };
        routes
            .entry((e.method(), count, first))
            .or_default()
            .push(e);
    }
    routes
}

impl fmt::Display for Endpoint {
    /// `POST /users/{userId}/meetings`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method(), self.path())
    }
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Endpoint({} {})", self.method(), self.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Operation;

    #[test]
    fn endpoints_agree_with_their_rows() {
        assert_eq!(Endpoint::all().len(), EndpointId::COUNT);
        for (e, id) in Endpoint::all().zip(EndpointId::all()) {
            assert_eq!((e.method(), e.path()), (id.method(), id.path()));
            assert_eq!(e.master_account(), id.master_account());
            assert_eq!(e.deprecated(), id.deprecated());
            assert_eq!(e.rate_limit(), id.rate_limit());
            assert_eq!(e.operation_id(), id.operation_id());
            let granular: Vec<usize> = e.granular().map(Scope::index).collect();
            let expected: Vec<usize> = id.granular().iter().map(|s| s.index()).collect();
            assert_eq!(granular, expected);
            assert_eq!(
                e.operation().map(Operation::index),
                id.operation().map(|op| op.index())
            );
        }
        for op in Operation::all() {
            for e in op.endpoints() {
                assert_eq!(e.operation(), Some(op), "{e}");
            }
        }
    }

    #[test]
    fn find_takes_the_path_template() {
        let e = Endpoint::find(Method::Get, "/meetings/{meetingId}").expect("documented");
        assert_eq!(e.operation().map(Operation::title), Some("Get a meeting"));
        assert!(!e.master_account());
        assert_eq!(format!("{e:?}"), "Endpoint(GET /meetings/{meetingId})");
        assert_eq!(Endpoint::find(Method::Get, "/meetings/123"), None);
        assert_eq!(Endpoint::find(Method::Put, "/meetings/{meetingId}"), None);
    }

    #[test]
    fn every_template_resolves_to_itself() {
        for e in Endpoint::all() {
            // A template is a path whose parameters hold their own names.
            assert_eq!(Endpoint::resolve(e.method(), e.path()), Some(e), "{e}");
            let names: Vec<&str> = e.path_params().collect();
            let matched = e.match_path(e.path()).expect("matches itself");
            let values: Vec<&str> = matched.iter().map(|&(_, v)| v).collect();
            let expected: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
            assert_eq!(values, expected, "{e}");
        }
    }

    #[test]
    fn literal_segments_win_over_parameters() {
        let literal = Endpoint::all()
            .find(|e| {
                Endpoint::all().any(|other| {
                    other != *e
                        && other.method() == e.method()
                        && other.path_params().count() > e.path_params().count()
                        && other.match_path(e.path()).is_some()
                })
            })
            .expect("a literal path shadowing a template");
        assert_eq!(
            Endpoint::resolve(literal.method(), literal.path()),
            Some(literal)
        );
    }

    #[test]
    fn paths_that_are_no_template() {
        let get = Endpoint::find(Method::Get, "/users/{userId}/meetings").expect("documented");
        assert_eq!(
            get.match_path("/users/me/meetings"),
            Some(vec![("userId", "me")])
        );
        for path in [
            "users/me/meetings",
            "/users//meetings",
            "/users/me/meetings/",
            "/users/me",
        ] {
            assert_eq!(get.match_path(path), None, "{path}");
        }
        assert_eq!(Endpoint::resolve(Method::Get, ""), None);
        assert_eq!(Endpoint::resolve(Method::Get, "/"), None);
        assert_eq!(
            segments("/a/{b}/{}").collect::<Vec<_>>(),
            [
                Segment::Literal("a"),
                Segment::Param("b"),
                Segment::Literal("{}")
            ]
        );
    }
}
