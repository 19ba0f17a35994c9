//! `operation!` and `scopes!` as values, in `const` items too.
use zoom_scopes::{Operation, Scope, ScopeSet, operation, scopes};

const APP: ScopeSet = scopes!("meeting:write", "user:read");
const CREATE: &Operation = operation!("Create a meeting");
const NONE: ScopeSet = scopes!();

fn main() {
    assert_eq!(APP, ScopeSet::from_scopes(&[Scope::MEETING_WRITE, Scope::USER_READ]));
    assert!(APP.covers(CREATE));
    assert!(NONE.is_empty());
    let dashboard = operation!("List meetings", api = "Dashboard");
    assert_eq!(dashboard.api(), "Dashboard");
    assert!(!APP.covers(dashboard));
    assert_eq!(operation!("Get a user", api = "SCIM2").least_privileged(), Some(Scope::SCIM2));
    let _trailing_comma = scopes!("meeting:write",);
}
