//! A granular declaration that does not grant the operation: the granular scopes that do, at
//! the declaration's level (:admin) first, and the line to write.
#[zoom_scopes::requires_api("Get a meeting")]
fn get_meeting() {}

/// An operation only classic scopes grant.
#[zoom_scopes::requires_api("Upload clip file")]
fn upload_clip() {}

fn main() {
    get_meeting();
    upload_clip();
}
