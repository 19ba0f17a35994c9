//! What must hold for any text given to the runtime's parsers and lookups: `Scope::from_str`,
//! `ScopeSet::from_str`, `ScopeSet::parse_lenient`, `Operation::find` and `Operation::titled`
//! never panic, round-trip through `Display`, and answer what the generated tables answer.

use zoom_scopes::{Operation, Scope, ScopeSet};
use zoom_scopes_tables::{OperationId, ScopeId, same_api};

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
    // The runtime's scopes are the tables' rows.
    let row = ScopeId::named(text).map(ScopeId::index);
    assert_eq!(parsed.ok().map(Scope::index), row, "{text:?}");
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

/// `title` looked up by the runtime, with and without an API group, against the tables.
pub fn operation_lookup(title: &str, api: Option<&str>) {
    let titled: Vec<usize> = Operation::titled(title).map(Operation::index).collect();
    let rows: Vec<usize> = OperationId::titled(title).map(OperationId::index).collect();
    assert_eq!(titled, rows, "{title:?}");
    for &i in &titled {
        assert_eq!(Operation::all()[i].title(), title);
    }
    if let Some(api) = api {
        let found = Operation::find(title, api);
        if let Some(op) = found {
            assert_eq!(op.title(), title);
            assert!(same_api(op.api(), api));
        }
        let row = OperationId::titled(title).find(|op| same_api(op.api().name(), api));
        assert_eq!(
            found.map(Operation::index),
            row.map(OperationId::index),
            "{title:?} in {api:?}"
        );
    }
}
