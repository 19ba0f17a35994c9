//! Title and API group resolution, as the macros and the CLI make it and as the runtime's
//! `Operation::find` / `Operation::titled` make it, on arbitrary text. The input is the title,
//! optionally followed by a NUL and the API group.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| zoom_scopes_fuzz::targets::title_resolve(data));
