//! Mistyped granular names get granular names as suggestions, in `scopes!` and `#[app]`.
use zoom_scopes::{ScopeSet, scopes};

const MISSPELT: ScopeSet = scopes!("meeting:write:meting", "meeting:read:meeting:admn");

#[zoom_scopes::app("meeting:read:meeting", "user:raed:user")]
struct Typo;

fn main() {
    let _ = (MISSPELT, Typo);
}
