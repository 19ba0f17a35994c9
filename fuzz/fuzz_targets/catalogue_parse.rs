//! The classic-scope document parser on arbitrary text.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| zoom_scopes_fuzz::targets::catalogue_parse(data));
