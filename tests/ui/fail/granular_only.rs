//! A classic declaration and an operation only granular scopes grant: the message names them
//! and how to migrate.
#[zoom_scopes::requires_api("Get the user's ZAK")]
fn zak() {}

fn main() {
    zak();
}
