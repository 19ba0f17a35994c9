//! The proc macros' argument and item handling on arbitrary text: macro arguments, optionally
//! a NUL and the annotated item. See `src/macro_checks.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_scopes_fuzz::macro_checks;

fuzz_target!(|data: &[u8]| {
    macro_checks::use_manifest(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/manifests/meeting.toml"
    ));
    macro_checks::expand_all(&String::from_utf8_lossy(data));
});
