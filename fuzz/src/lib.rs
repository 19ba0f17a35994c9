//! The invariants the fuzz targets in `fuzz_targets/` check on every input. The regression
//! tests of the catalogue and runtime crates replay the inputs fuzzing found through the same
//! modules (by path), so each invariant is written once.

pub mod catalogue_checks;
pub mod macro_checks;
pub mod runtime_checks;

// The proc macros' pipeline, compiled here as plain modules: a proc-macro crate exports only
// its macros, and the expansion functions take and return `proc_macro2` tokens, which work
// outside a macro. The modules name each other as `crate::...`, so they sit at this root.
#[allow(dead_code)]
#[path = "../../macros/src/app.rs"]
mod app;
#[allow(dead_code)]
#[path = "../../macros/src/args.rs"]
mod args;
#[allow(dead_code)]
#[path = "../../macros/src/attrs.rs"]
mod attrs;
#[allow(dead_code)]
#[path = "../../macros/src/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "../../macros/src/cursor.rs"]
mod cursor;
#[allow(dead_code)]
#[path = "../../macros/src/expand.rs"]
mod expand;
#[allow(dead_code)]
#[path = "../../macros/src/fn_item.rs"]
mod fn_item;
#[allow(dead_code)]
#[path = "../../macros/src/manifest.rs"]
mod manifest;
#[allow(dead_code)]
#[path = "../../macros/src/struct_item.rs"]
mod struct_item;

/// Splits a title-lookup input: the title, then optionally a NUL and the API group.
pub fn title_and_group(input: &str) -> (&str, Option<&str>) {
    match input.split_once('\0') {
        Some((title, group)) => (title, Some(group)),
        None => (input, None),
    }
}
