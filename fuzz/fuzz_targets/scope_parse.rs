//! `Scope::from_str`, `ScopeSet::from_str` and `ScopeSet::parse_lenient` on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_scopes_fuzz::runtime_checks;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    runtime_checks::scope_name(&text);
    runtime_checks::scope_field(&text);
});
