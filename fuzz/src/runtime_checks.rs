//! What must hold for any text given to the runtime's parsers and lookups: `Scope::from_str`,
//! `ScopeSet::from_str`, `ScopeSet::parse_lenient`, `Operation::find` and `Operation::titled`
//! never panic, round-trip through `Display`, and agree with the catalogue they were generated
//! from.
//!
//! Shared by the fuzz targets and by `runtime/tests/fuzz_regressions.rs`.

use zoom_scopes::{Operation, Scope, ScopeSet};
use zoom_scopes_catalogue::index;

/// `text` as one scope name.
pub fn scope_name(text: &str) {
    let parsed = text.parse::<Scope>();
    match &parsed {
        Ok(scope) => {
            assert_eq!(scope.name(), text);
            assert_eq!(scope.to_string().parse::<Scope>().as_ref(), Ok(scope));
        }
        Err(e) => {
            assert_eq!(e.name(), text);
            assert!(!e.to_string().is_empty());
        }
    }
    // The runtime's generated tables and the catalogue's index number scopes alike.
    let indexed = index::scope(text).map(|id| id.index());
    assert_eq!(parsed.ok().map(Scope::index), indexed, "{text:?}");
}

/// `text` as a token's `scope` field.
pub fn scope_field(text: &str) {
    let (known, unknown) = ScopeSet::parse_lenient(text);
    // Printing the known scopes and parsing them back gives the same set.
    assert_eq!(known.to_string().parse::<ScopeSet>(), Ok(known));
    let names = text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|n| !n.is_empty())
        .count();
    assert!(known.len() + unknown.len() <= names);
    for (i, name) in unknown.iter().enumerate() {
        assert!(!name.is_empty(), "an empty unknown name from {text:?}");
        assert!(
            !name.contains(|c: char| c == ',' || c.is_whitespace()),
            "{name:?} still holds a separator"
        );
        assert!(name.parse::<Scope>().is_err(), "{name:?} is a known scope");
        assert!(!unknown[..i].contains(name), "{name:?} reported twice");
    }
    match text.parse::<ScopeSet>() {
        Ok(set) => {
            assert!(unknown.is_empty());
            assert_eq!(set, known);
        }
        Err(e) => {
            assert_eq!(e.unknown(), unknown.as_slice());
            assert_eq!(e.known(), known);
            assert!(!e.to_string().is_empty());
        }
    }
}

/// `title` looked up in the runtime tables, with and without a group, against the index.
pub fn operation_lookup(title: &str, group: Option<&str>) {
    let titled: Vec<usize> = Operation::titled(title).map(Operation::index).collect();
    for &i in &titled {
        assert_eq!(Operation::all()[i].title(), title);
    }
    if let Some(group) = group {
        let found = Operation::find(title, group);
        if let Some(op) = found {
            assert_eq!(op.title(), title);
            assert!(titled.contains(&op.index()));
        }
        let indexed = index::operation(title, Some(group)).map(|op| op.operation_id().index());
        assert_eq!(
            found.map(Operation::index),
            indexed,
            "{title:?} in {group:?}"
        );
    }
}
