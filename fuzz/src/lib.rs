//! The invariants the fuzz targets in `fuzz_targets/` check on every input, as plain
//! functions: the targets call them, and `tests/replay.rs` replays the saved inputs in
//! `regressions/` through them, so each invariant is written once.

pub mod catalogue_checks;
pub mod lookup_checks;
pub mod macro_checks;
pub mod runtime_checks;

/// Splits a title-lookup input: the title, then optionally a NUL and the API group.
pub fn title_and_api(input: &str) -> (&str, Option<&str>) {
    match input.split_once('\0') {
        Some((title, api)) => (title, Some(api)),
        None => (input, None),
    }
}

/// One function per fuzz target, taking the raw input: the targets in `fuzz_targets/` are
/// these, and `tests/replay.rs` runs the saved inputs through the same ones.
pub mod targets {
    use crate::{catalogue_checks, lookup_checks, macro_checks, runtime_checks, title_and_api};

    /// The manifest the macros read: outside Cargo no `CARGO_MANIFEST_DIR` is set.
    const MANIFEST: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/manifests/meeting.toml"
    );

    /// What a target does with one input.
    pub type Check = fn(&[u8]);

    /// Every target, by name.
    pub const ALL: [(&str, Check); 5] = [
        ("catalogue_parse", catalogue_parse),
        ("scope_parse", scope_parse),
        ("title_resolve", title_resolve),
        ("macro_args", macro_args),
        ("manifest_read", manifest_read),
    ];

    /// The classic-scope page parser; invalid UTF-8 becomes U+FFFD, which it must also handle.
    pub fn catalogue_parse(data: &[u8]) {
        catalogue_checks::parse_document(&String::from_utf8_lossy(data));
    }

    /// A scope name and a token's `scope` field.
    pub fn scope_parse(data: &[u8]) {
        let text = String::from_utf8_lossy(data);
        runtime_checks::scope_name(&text);
        runtime_checks::scope_field(&text);
    }

    /// A title, optionally a NUL and an API group.
    pub fn title_resolve(data: &[u8]) {
        let text = String::from_utf8_lossy(data);
        let (title, api) = title_and_api(&text);
        lookup_checks::resolve_title(title, api);
        runtime_checks::operation_lookup(title, api);
    }

    /// Macro arguments, optionally a NUL and the annotated item.
    pub fn macro_args(data: &[u8]) {
        macro_checks::use_manifest(MANIFEST);
        macro_checks::expand_all(&String::from_utf8_lossy(data));
    }

    /// A crate's `Cargo.toml`.
    pub fn manifest_read(data: &[u8]) {
        lookup_checks::read_manifest(&String::from_utf8_lossy(data));
    }
}
