//! [`EndpointId`]: one endpoint of Zoom's API reference, a method and a path template.

use crate::columns::{
    ENDPOINT_COUNT, ENDPOINT_FLAGS, ENDPOINT_GRANULAR, ENDPOINT_GRANULAR_ENDS, ENDPOINT_METHODS,
    ENDPOINT_OPERATION_IDS, ENDPOINT_PATHS, ENDPOINT_RATE_LIMITS, OPERATION_COUNT,
    OPERATION_ENDPOINT_ENDS, run, some,
};
use crate::{Method, OperationId, RateLimit, ScopeId};

/// An endpoint, numbered operation by operation; those no operation is linked to come last.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EndpointId(pub(crate) u16);

impl EndpointId {
    /// How many endpoints the API reference documents.
    pub const COUNT: usize = ENDPOINT_COUNT;

    /// Position in order, from 0.
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// Every endpoint, in order.
    pub fn all() -> impl ExactSizeIterator<Item = EndpointId> + Clone {
        (0..ENDPOINT_COUNT as u16).map(EndpointId)
    }

    /// The HTTP method.
    pub const fn method(self) -> Method {
        // no panic: an EndpointId only comes from these tables
        ENDPOINT_METHODS[self.index()]
    }

    /// The path template, as documented (`/users/{userId}/meetings`).
    pub const fn path(self) -> &'static str {
        // no panic: as above
        ENDPOINT_PATHS[self.index()]
    }

    /// The operationId in Zoom's API reference.
    pub const fn operation_id(self) -> Option<&'static str> {
        // no panic: as above
        some(ENDPOINT_OPERATION_IDS[self.index()])
    }

    /// Whether it is a master-account variant (`/accounts/{accountId}/...`).
    pub const fn master_account(self) -> bool {
        // no panic: as above
        ENDPOINT_FLAGS[self.index()] & 1 != 0
    }

    /// Whether Zoom flags it deprecated.
    pub const fn deprecated(self) -> bool {
        // no panic: as above
        ENDPOINT_FLAGS[self.index()] & 2 != 0
    }

    /// Zoom's rate-limit label, normalised.
    pub const fn rate_limit(self) -> Option<RateLimit> {
        // no panic: as above
        match ENDPOINT_RATE_LIMITS[self.index()] {
            0 => None,
            // no panic: the generator writes 1 + a position in `RateLimit::ALL`
            n => Some(RateLimit::ALL[n as usize - 1]),
        }
    }

    /// The granular scopes that authorise it, least privileged first.
    pub const fn granular(self) -> &'static [ScopeId] {
        run(&ENDPOINT_GRANULAR, &ENDPOINT_GRANULAR_ENDS, self.index())
    }

    /// The operation it belongs to; `None` for the few endpoints whose title names several
    /// operations of the page that no rule tells apart.
    pub fn operation(self) -> Option<OperationId> {
        // The operations' runs are in order: the first run ending after this endpoint.
        let op = OPERATION_ENDPOINT_ENDS.partition_point(|&end| end <= self.0);
        (op < OPERATION_COUNT).then_some(OperationId(op as u16))
    }

    /// The endpoint with this method and path template.
    pub fn find(method: Method, path: &str) -> Option<EndpointId> {
        EndpointId::all().find(|e| e.method() == method && e.path() == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_and_operations_agree() {
        assert_eq!(EndpointId::COUNT, 2_525);
        for op in OperationId::all() {
            for e in op.endpoints() {
                assert_eq!(e.operation(), Some(op), "{} {}", e.method(), e.path());
                for s in e.granular() {
                    assert!(op.granular().contains(s), "{} {}", op.title(), s.name());
                }
            }
        }
        let unlinked = EndpointId::all()
            .filter(|e| e.operation().is_none())
            .count();
        assert_eq!(unlinked, 11);
        let create = OperationId::find("Create a meeting", None).unwrap();
        let endpoints: Vec<(Method, &str, bool)> = create
            .endpoints()
            .map(|e| (e.method(), e.path(), e.master_account()))
            .collect();
        assert!(
            endpoints.contains(&(Method::Post, "/users/{userId}/meetings", false)),
            "{endpoints:?}"
        );
        let e = EndpointId::find(Method::Post, "/users/{userId}/meetings").unwrap();
        assert_eq!(e.operation_id(), Some("meetingCreate"));
        assert!(e.rate_limit().is_some());
        assert!(
            e.granular()
                .iter()
                .any(|s| s.name() == "meeting:write:meeting")
        );
    }
}
