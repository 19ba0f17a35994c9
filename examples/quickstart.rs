//! Quickstart: annotate the functions that call Zoom, and let the compiler check the scopes.
//!
//! This crate's Cargo.toml declares `user:read`, `meeting:write` and `meeting:read`:
//! every `#[requires_api]` below compiles because one of them grants its operation. Change a
//! title to one they do not grant (say "Delete a meeting") and `cargo check` fails, naming the
//! scope to add.
//!
//! Run it with `cargo run --example quickstart`.

use zoom_scopes::{Operation, ScopeSet, operation, requires_api, scopes};

/// The scopes this app declares, checked at compile time.
const DECLARED: ScopeSet = scopes!("user:read", "meeting:write", "meeting:read");

#[requires_api("Get a user", api = "User")]
fn get_user() -> &'static str {
    "GET /users/me"
}

#[requires_api("Create a meeting")]
fn create_meeting() -> &'static str {
    "POST /users/me/meetings"
}

#[requires_api("List meetings", api = "Meeting")]
fn list_meetings() -> &'static str {
    "GET /users/me/meetings"
}

fn describe(op: &Operation, request: &str) {
    let ranked: Vec<&str> = op.granted_by_ranked().iter().map(|s| s.name()).collect();
    let via: Vec<&str> = DECLARED
        .intersection(op.granted_by())
        .iter()
        .map(|s| s.name())
        .collect();
    println!("  {:<34} {request}", format!("{op}"));
    println!("  {:<34} granted by {}", "", ranked.join(", "));
    println!("  {:<34} this app has it through {}", "", via.join(", "));
}

fn main() {
    println!("Declared scopes: {DECLARED}");
    println!();
    println!("Operations this app performs:");
    describe(operation!("Get a user", api = "User"), get_user());
    describe(operation!("Create a meeting"), create_meeting());
    describe(
        operation!("List meetings", api = "Meeting"),
        list_meetings(),
    );

    // A token's `scope` field, as Zoom returns it, parsed and compared with what the code needs.
    let granted: ScopeSet = "user:read meeting:write"
        .parse()
        .expect("documented scope names");
    let get = operation!("Get a meeting");
    println!();
    println!("A token granting \"{granted}\":");
    for op in [
        operation!("Create a meeting"),
        operation!("Delete a meeting"),
        get,
    ] {
        match granted.covers(op) {
            true => println!("  can   {op}"),
            false => {
                let add = op.least_privileged().map_or("?", |s| s.name());
                println!("  can't {op}: needs {add} (or a more privileged scope)");
            }
        }
    }
}
