//! `Scope::from_str`, `ScopeSet::from_str` and `ScopeSet::parse_lenient` on arbitrary text.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| zoom_scopes_fuzz::targets::scope_parse(data));
