//! The hidden macro behind `operation!()` is written by `#[requires_api]`, not by hand.
use zoom_scopes::Operation;

const BY_HAND: &Operation = zoom_scopes::__private::function_operation!(1, 2,);

fn main() {
    let _ = BY_HAND;
}
