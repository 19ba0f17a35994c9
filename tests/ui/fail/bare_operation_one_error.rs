//! When the attribute itself fails, its error is the only one: `operation!()` in its body
//! adds none, whether the title did not resolve or the declared scopes do not grant it.
use zoom_scopes::{Operation, operation, requires_api};

#[requires_api("Crate a meeting")]
fn typo() -> &'static Operation {
    operation!()
}

#[requires_api("Get a user", api = "User")]
#[requires_api("Crate a meeting")]
fn stacked_typo() -> &'static Operation {
    operation!()
}

#[requires_api("Get a meeting")]
fn not_covered() -> &'static Operation {
    operation!()
}

fn main() {
    let _ = (typo(), stacked_typo(), not_covered());
}
