//! What must hold for any title, API group or manifest given to the lookups every tool makes
//! (`zoom-scopes-macros-core` over the generated tables): they never panic, an answer is an
//! exact documented name, and an error is true of the tables and renders.

use zoom_scopes_macros_core::manifest::{Declared, declared_scopes, package_name, target_paths};
use zoom_scopes_macros_core::resolve::{self, LookupError, Qualifier};
use zoom_scopes_tables::text::fold;
use zoom_scopes_tables::{ApiId, OperationId, same_api};

/// Resolves `title` (in `api`, if given), and checks the answer against the tables.
pub fn resolve_title(title: &str, api: Option<&str>) {
    let documented = OperationId::titled(title).count();
    match resolve::operation(title, api) {
        Ok(op) => {
            // Found only for a documented title, spelt exactly.
            assert_eq!(op.title(), title);
            if let Some(api) = api {
                assert!(same_api(op.api().name(), api));
            }
        }
        Err(e) => {
            // Rendering an error must not panic, whatever it quotes.
            for q in [Qualifier::Argument, Qualifier::ApiFlag, Qualifier::AtApi] {
                assert!(!e.render(q).is_empty());
            }
            match e {
                LookupError::EmptyTitle => assert!(title.trim().is_empty()),
                LookupError::EmptyApi => assert!(api.is_some_and(|g| g.trim().is_empty())),
                LookupError::UnknownTitle { suggestions, .. } => {
                    assert_eq!(documented, 0);
                    for s in suggestions {
                        assert!(OperationId::titled(&s).next().is_some(), "{s:?} suggested");
                    }
                }
                LookupError::WrongCase {
                    documented: names, ..
                } => {
                    assert_eq!(documented, 0);
                    for name in names {
                        assert_eq!(fold(&name), fold(title));
                    }
                }
                LookupError::Ambiguous { choices, .. } => {
                    assert!(api.is_none());
                    assert!(choices.len() >= 2 && choices.len() == documented);
                }
                LookupError::UnknownApi { suggestions, .. } => {
                    let api = api.expect("an API group was given");
                    assert!(ApiId::named(api).next().is_none());
                    for s in suggestions {
                        assert!(ApiId::named(&s).next().is_some(), "{s:?} suggested");
                    }
                }
                LookupError::NotInApi { title_in, .. } => {
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
    match declared_scopes("Cargo.toml", manifest) {
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
        assert!(
            !declared.scopes[..i].iter().any(|e| e.scope == d.scope),
            "declared twice"
        );
    }
    for g in &declared.grants {
        assert!((1..=lines).contains(&g.line));
    }
}
