//! The invariants the fuzz targets in `fuzz_targets/` check on every input. The regression
//! tests of the catalogue and runtime crates replay the inputs fuzzing found through the same
//! modules (by path), so each invariant is written once.

pub mod catalogue_checks;
pub mod runtime_checks;

/// Splits a title-lookup input: the title, then optionally a NUL and the API group.
pub fn title_and_group(input: &str) -> (&str, Option<&str>) {
    match input.split_once('\0') {
        Some((title, group)) => (title, Some(group)),
        None => (input, None),
    }
}
