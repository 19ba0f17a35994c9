//! A granular declaration grants what the granular lists name, and its extra grants.
#[zoom_scopes::requires_api("Create a meeting")]
fn create() {}

#[zoom_scopes::requires_api("List meetings", api = "Meeting")]
fn list() {}

#[zoom_scopes::requires_api("Get a user", api = "User")]
fn me() {}

/// Granted by `[package.metadata.zoom.grants]`, which takes granular names too.
#[zoom_scopes::requires_api("Update a meeting")]
fn update() {}

fn main() {
    create();
    list();
    me();
    update();
}
