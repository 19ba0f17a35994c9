//! A crate's `Cargo.toml`, arbitrary bytes, read for its declared Zoom scopes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_scopes_fuzz::catalogue_checks;

fuzz_target!(|data: &[u8]| {
    catalogue_checks::read_manifest(&String::from_utf8_lossy(data));
});
