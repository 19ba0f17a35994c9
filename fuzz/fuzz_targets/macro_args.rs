//! The proc macros' argument and item handling on arbitrary text: macro arguments, optionally
//! a NUL and the annotated item. See `src/macro_checks.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| zoom_scopes_fuzz::targets::macro_args(data));
