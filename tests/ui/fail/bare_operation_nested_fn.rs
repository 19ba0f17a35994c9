//! A function nested in a `#[requires_api]` function is a function of its own: without an
//! attribute of its own, its `operation!()` names nothing.
use zoom_scopes::{Operation, operation, requires_api};

#[requires_api("Create a meeting")]
fn outer() -> &'static Operation {
    fn helper() -> &'static Operation {
        operation!()
    }
    let _ = helper();
    operation!()
}

fn main() {
    outer();
}
