//! A declaration holds classic or granular scopes: a mix is one error, on the first name of
//! the second model, in `scopes!` and `#[app]`.
use zoom_scopes::{ScopeSet, scopes};

const MIXED: ScopeSet = scopes!("meeting:write", "user:read", "meeting:read:meeting");

#[zoom_scopes::app("meeting:write:meeting", "meeting:read:meeting", "user:read")]
struct Mixed;

fn main() {
    let _ = (MIXED, Mixed);
    // The type with the wrong declaration raises no second error where it is used.
    typed_sdk::Zoom::<Mixed>::default().create_meeting("standup");
}
