use zoom_scopes::{Operation, operation};

const TYPO: &Operation = operation!("Crate a meeting");
const AMBIGUOUS: &Operation = operation!("List meetings");
const NOT_A_STRING: &Operation = operation!(42);
const EMPTY: &Operation = operation!();

fn main() {
    let _ = (TYPO, AMBIGUOUS, NOT_A_STRING, EMPTY);
}
