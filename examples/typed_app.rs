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
//!    |     zoom.delete_user().await?;
//!    |          ^^^^^^^^^^^ needs `user:write`, `user:write:admin` or `user:master`
//!    = note: add "user:write" to the scopes of `Scheduler`: the least privileged scope that grants it
//!    = note: an app with granular scopes adds "user:delete:user", the least privileged granular scope that grants it
//! ```
//!
//! Run it with `cargo run --example typed_app`: the SDK's requests go to the embedded mock
//! Zoom on loopback, which grants each app the scopes it declares.

use std::process::ExitCode;

use meetings_sdk::Zoom;
use serde_json::Value;
use zoom_scopes::App;
use zoom_scopes::mock::MockZoom;

/// This app, as Zoom's Marketplace knows it.
#[zoom_scopes::app(manifest)]
struct Scheduler;

/// A second app that only reads, created before March 2024 and so with classic scopes: the
/// same SDK checks its calls against them. It may call fewer SDK functions.
#[zoom_scopes::app("user:read", "meeting:read")]
struct Viewer;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mock = MockZoom::start().await?;

    println!("Scheduler declares: {}", Scheduler::SCOPES);
    mock.grant(Scheduler::SCOPES);
    let zoom = Zoom::new(mock.client_builder().build_for::<Scheduler>().await?, "me");
    let user = zoom.get_user().await?;
    show("get_user", &user["email"]);
    let meeting = zoom.create_meeting("Weekly sync").await?;
    show("create_meeting", &meeting["id"]);
    show(
        "list_meetings",
        &zoom.list_meetings().await?["total_records"],
    );
    let id = meeting["id"].as_u64().unwrap_or_default();
    zoom.delete_meeting(id).await?;
    show("delete_meeting", &Value::from(id));
    // zoom.delete_user().await?; // does not compile: no declared scope grants "Delete a user"

    println!("Viewer declares: {}", Viewer::SCOPES);
    mock.grant(Viewer::SCOPES);
    let viewer = Zoom::new(mock.client_builder().build_for::<Viewer>().await?, "me");
    show("get_user", &viewer.get_user().await?["email"]);
    show(
        "list_meetings",
        &viewer.list_meetings().await?["total_records"],
    );
    // viewer.create_meeting("Standup").await?; // does not compile: Viewer lacks meeting:write
    Ok(())
}

/// One SDK call and the part of its answer worth showing.
fn show(call: &str, answer: &Value) {
    println!("  {call:<16}{answer}");
}
