//! The classic-scope document parser on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_scopes_fuzz::catalogue_checks;

fuzz_target!(|data: &[u8]| {
    // The parser takes text; invalid UTF-8 becomes U+FFFD, which the parser must also handle.
    catalogue_checks::parse_document(&String::from_utf8_lossy(data));
});
