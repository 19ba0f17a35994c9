//! A deprecated title compiles (with a warning that `allow(deprecated)` silences).
#![allow(deprecated)]

#[zoom_scopes::requires_api("Get indicators settings [Deprecated]")]
fn indicators() {}

fn main() {
    indicators();
    assert!(zoom_scopes::operation!("Get indicators settings [Deprecated]").deprecated());
}
