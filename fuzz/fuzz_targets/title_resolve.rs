//! Title and API group resolution: `Catalogue::resolve`, the static index the macros use, and
//! the runtime's `Operation::find` / `Operation::titled`, on arbitrary text. The input is the
//! title, optionally followed by a NUL and the group.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zoom_scopes_fuzz::{catalogue_checks, runtime_checks, title_and_group};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (title, group) = title_and_group(&text);
    catalogue_checks::resolve_title(title, group);
    runtime_checks::operation_lookup(title, group);
});
