//! `scopes!` takes granular names; `operation!` returns an operation no OAuth scope authorises
//! (it names the operation and performs nothing: `#[requires_api]` is what refuses it).
use zoom_scopes::{Operation, Scope, ScopeSet, operation, scopes};

const GRANULAR: ScopeSet = scopes!("meeting:write:meeting", "user:read:user");
/// The two names of both models go with either.
const SHARED: ScopeSet = scopes!("meeting:write:sip_dialing", "meeting:write:meeting");
const SESSION: &Operation = operation!("Create a session", api = "Video SDK");

fn main() {
    assert!(GRANULAR.contains(Scope::MEETING_WRITE_MEETING));
    assert_eq!(SHARED.len(), 2);
    assert_eq!(SESSION.api(), "Video SDK");
    assert!(SESSION.granted_by().is_empty());
}
