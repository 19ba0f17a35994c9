//! What must hold for any input to the catalogue crate: the parser and title resolution never
//! panic, and what they answer agrees with the catalogue they answer from.
//!
//! Shared by the fuzz targets and by `catalogue/tests/fuzz_regressions.rs`, which replays the
//! inputs fuzzing found, so a check lives in one place. Uses `zoom-scopes-catalogue` only.

use zoom_scopes_catalogue::manifest::{Declared, declared_scopes, package_name, target_paths};
use zoom_scopes_catalogue::{
    Catalogue, LookupError, Operation, ParseError, classic, index, parse, text,
};

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

/// Every scope resolves by its name, and every operation by its title and group.
fn check_catalogue(c: &Catalogue) {
    assert!(!c.scopes().is_empty(), "a parsed catalogue has scopes");
    for scope in c.scopes() {
        let found = c
            .resolve_scope(scope.name())
            .expect("a scope resolves by name");
        assert_eq!(found.id(), scope.id());
        for &op in scope.grants() {
            assert!(c.operation(op).granted_by().contains(&scope.id()));
        }
    }
    for op in c.operations() {
        assert!(!op.granted_by().is_empty(), "{:?} has no scope", op.title());
        let group = c.group(op.group()).name();
        let found = c
            .resolve(op.title(), Some(group))
            .unwrap_or_else(|e| panic!("{:?} in {group:?} does not resolve: {e}", op.title()));
        assert_eq!(found.title(), op.title());
        assert_eq!(
            text::group_key(c.group(found.group()).name()),
            text::group_key(group)
        );
        match c.resolve(op.title(), None) {
            Ok(found) => assert_eq!(found.title(), op.title()),
            Err(LookupError::Ambiguous { choices, .. }) => assert!(choices.len() >= 2),
            Err(e) => panic!("{:?} is documented, yet: {e}", op.title()),
        }
    }
}

/// Resolves `title` (in `group`, if given) in the embedded catalogue, and checks the answer
/// against the generated static index the macros use.
pub fn resolve_title(title: &str, group: Option<&str>) {
    let c = classic();
    let resolved = c.resolve(title, group);
    check_resolution(c, title, group, &resolved);
    let indexed = index::operation(title, group);
    match (&resolved, indexed) {
        (Ok(op), Some(indexed)) => assert_eq!(indexed.operation_id(), op.id()),
        (Err(_), None) => {}
        (Ok(_), None) => panic!("the index misses {title:?} in {group:?}"),
        (Err(e), Some(_)) => panic!("the index answers {title:?} in {group:?}, yet: {e}"),
    }
}

/// What `c.resolve(title, group)` answered is true of the catalogue.
fn check_resolution(
    c: &Catalogue,
    title: &str,
    group: Option<&str>,
    resolved: &Result<&Operation, LookupError>,
) {
    let documented = c.operations_titled(title).count();
    match resolved {
        Ok(op) => {
            // Found only for a documented title, spelt exactly.
            assert_eq!(op.title(), title);
            if let Some(group) = group {
                let found_in = c.group(op.group()).name();
                assert_eq!(text::group_key(found_in), text::group_key(group));
            }
        }
        Err(e) => {
            // Rendering an error must not panic, whatever it quotes.
            assert!(!e.to_string().is_empty());
            match e {
                LookupError::EmptyTitle => assert!(title.trim().is_empty()),
                LookupError::EmptyGroup => assert!(group.is_some_and(|g| g.trim().is_empty())),
                LookupError::UnknownTitle { suggestions, .. } => {
                    assert_eq!(documented, 0);
                    for s in suggestions {
                        assert!(c.operations_titled(s).next().is_some(), "{s:?} suggested");
                    }
                }
                LookupError::WrongCase {
                    documented: names, ..
                } => {
                    assert_eq!(documented, 0);
                    for name in names {
                        assert_eq!(text::fold(name), text::fold(title));
                    }
                }
                LookupError::Ambiguous { choices, .. } => {
                    assert!(group.is_none());
                    assert!(choices.len() >= 2 && choices.len() == documented);
                }
                LookupError::UnknownGroup { .. } => {
                    let group = group.expect("a group was given");
                    assert!(c.groups_named(group).next().is_none());
                }
                LookupError::NotInGroup { title_in, .. } => {
                    assert!(documented > 0 && title_in.len() == documented);
                }
            }
        }
    }
}

/// Reads `manifest` as a crate's Cargo.toml: every problem is reported at a line of the text
/// and says something; what is declared was written on a line of the text, once.
pub fn read_manifest(manifest: &str) {
    let lines = manifest.split('\n').count();
    match declared_scopes(classic(), "Cargo.toml", manifest) {
        Ok(declared) => check_declared(&declared, lines),
        Err(errors) => {
            assert!(!errors.is_empty(), "a refusal says why");
            for e in errors {
                assert!(e.line.is_none_or(|l| (1..=lines).contains(&l)), "{e}");
                assert!(e.to_string().contains("Cargo.toml"), "names the file: {e}");
            }
        }
    }
    // Only that they return: either may find nothing in a malformed text.
    let _ = package_name(manifest);
    let _ = target_paths(manifest);
}

fn check_declared(declared: &Declared, lines: usize) {
    for (i, d) in declared.scopes.iter().enumerate() {
        assert!((1..=lines).contains(&d.line));
        assert!(!declared.scopes[..i].iter().any(|e| e.scope == d.scope), "declared twice");
    }
    for g in &declared.grants {
        assert!((1..=lines).contains(&g.line));
    }
}
