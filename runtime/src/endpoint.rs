//! [`Endpoint`]: one HTTP endpoint of an operation, as Zoom's API reference documents it.

use std::fmt;

use zoom_scopes_tables::{EndpointId, Method, RateLimit};

use crate::operation::by_id;
use crate::{Operation, Scope};

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

    /// The endpoint with this method and exact path template (`/meetings/{meetingId}`), if
    /// Zoom's API reference documents it.
    pub fn find(method: Method, path: &str) -> Option<Endpoint> {
        EndpointId::find(method, path).map(Endpoint)
    }

    /// Every endpoint of the API reference, those of each operation together.
    pub fn all() -> impl ExactSizeIterator<Item = Endpoint> + Clone {
        EndpointId::all().map(Endpoint)
    }
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
}
