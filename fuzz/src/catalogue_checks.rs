//! What must hold for any text given to the parser of Zoom's classic-scope page: it never
//! panics, an error names a line of the input, and a catalogue that parses is consistent.

use zoom_scopes_catalogue::{Catalogue, ParseError, parse};

/// Parses `document` as a classic-scope page; a catalogue that parses must answer for every
/// scope and operation it holds, an error must name a line of the input.
pub fn parse_document(document: &str) {
    match parse(document) {
        Ok(catalogue) => check_catalogue(&catalogue),
        Err(e) => check_parse_error(document, &e),
    }
}

fn check_parse_error(document: &str, e: &ParseError) {
    let lines = document.lines().count().max(1);
    assert!(
        (1..=lines).contains(&e.line),
        "error on line {} of a {lines}-line document: {e}",
        e.line
    );
    assert!(!e.reason.is_empty(), "a parse error says what is wrong");
}

/// Every scope is found by its name, grants go both ways, and every operation is found by
/// its title in its section, granted by at least one scope, ranked least privileged first.
fn check_catalogue(c: &Catalogue) {
    assert!(!c.scopes().is_empty(), "a parsed catalogue has scopes");
    for scope in c.scopes() {
        let found = c
            .scope_named(scope.name())
            .expect("a scope is found by name");
        assert_eq!(found.id(), scope.id());
        for &op in scope.grants() {
            assert!(c.operation(op).granted_by().contains(&scope.id()));
        }
    }
    for op in c.operations() {
        assert!(!op.granted_by().is_empty(), "{:?} has no scope", op.title());
        let ranks: Vec<_> = op
            .granted_by()
            .iter()
            .map(|&s| c.scope(s).privilege())
            .collect();
        assert!(
            ranks.windows(2).all(|w| w[0] < w[1]),
            "{:?} is not ranked",
            op.title()
        );
        let same = c
            .operations_titled(op.title())
            .filter(|o| o.api() == op.api());
        assert_eq!(same.count(), 1, "{:?} twice in one section", op.title());
        for &s in op.granted_by() {
            assert!(c.scope(s).grants().contains(&op.id()));
        }
    }
}
