//! `operation!()` without arguments outside the body of a `#[requires_api]` function, and
//! through a name the attribute does not look for.
use zoom_scopes::{Operation, operation, operation as op, requires_api};

const TOP: &Operation = operation!();

fn not_annotated() -> &'static Operation {
    operation!()
}

#[requires_api("Create a meeting")]
fn through_an_alias() -> &'static Operation {
    op!()
}

fn main() {
    let _ = (TOP, not_annotated(), through_an_alias());
}
