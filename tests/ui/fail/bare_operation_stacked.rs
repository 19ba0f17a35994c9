//! With stacked attributes a function performs several operations, and `operation!()` cannot
//! tell which one is meant: one error, on the call, listing the calls that name each one.
use zoom_scopes::{Operation, operation, requires_api};

#[requires_api("Get a user", api = "User")]
#[requires_api("Create a meeting")]
fn create_meeting_for_me() -> &'static Operation {
    let f = || operation!();
    f()
}

fn main() {
    create_meeting_for_me();
}
