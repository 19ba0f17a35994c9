//! A crate's `Cargo.toml`, arbitrary bytes, read for its declared Zoom scopes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| zoom_scopes_fuzz::targets::manifest_read(data));
