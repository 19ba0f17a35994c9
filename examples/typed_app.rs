//! An app using a typed SDK (`meetings_sdk`, in `examples/meetings_sdk/`).
//!
//! The app is a type; `#[zoom_scopes::app(manifest)]` gives it the granular scopes this crate
//! declares in Cargo.toml (`user:read:user`, `meeting:write:meeting`,
//! `meeting:read:list_meetings`, `meeting:delete:meeting`). Every SDK call below is checked
//! against them by `cargo check`, here, where the call is made. Uncomment the `delete_user`
//! call and the build fails:
//!
//! ```text
//! error[E0277]: `Scheduler` has no scope that grants "Delete a user" (User API)
//!    |     zoom.delete_user();
//!    |          ^^^^^^^^^^^ needs `user:write`, `user:write:admin` or `user:master`
//!    = note: add "user:write" to the scopes of `Scheduler`: the least privileged scope that grants it
//!    = note: an app with granular scopes adds "user:delete:user", the least privileged granular scope that grants it
//! ```
//!
//! Run it with `cargo run --example typed_app`.

use meetings_sdk::{Request, Zoom};
use zoom_scopes::App;

/// This app, as Zoom's Marketplace knows it.
#[zoom_scopes::app(manifest)]
struct Scheduler;

/// A second app that only reads, created before March 2024 and so with classic scopes: the
/// same SDK checks its calls against them. It may call fewer SDK functions.
#[zoom_scopes::app("user:read", "meeting:read")]
struct Viewer;

fn show(request: &Request) {
    let body = request
        .body
        .as_ref()
        .map(|b| b.to_string())
        .unwrap_or_default();
    println!(
        "  {:<7}{:<20}{:<24}{}",
        request.method, request.path, body, request.operation
    );
}

fn main() {
    println!("Scheduler declares: {}", Scheduler::SCOPES);
    let zoom = Zoom::<Scheduler>::new("me");
    show(&zoom.get_user());
    show(&zoom.create_meeting("Weekly sync"));
    show(&zoom.list_meetings());
    show(&zoom.delete_meeting(85_746_065));
    // zoom.delete_user(); // does not compile: no declared scope grants "Delete a user"

    println!("Viewer declares: {}", Viewer::SCOPES);
    let viewer = Zoom::<Viewer>::new("me");
    show(&viewer.get_user());
    show(&viewer.list_meetings());
    // viewer.create_meeting("Standup"); // does not compile: Viewer lacks meeting:write
}
