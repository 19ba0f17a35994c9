//! The proc macros on arbitrary input: `#[requires_api]`, `#[app]`, `operation!`, `scopes!`
//! and the hidden `function_operation!` expand whatever tokens they are given without
//! panicking, into tokens that lex again, and an annotated item comes back out.

use proc_macro2::TokenStream;

use zoom_scopes_macros_core::expand;

/// Points the macros at a manifest once: outside Cargo no `CARGO_MANIFEST_DIR` is set, and
/// without a manifest only the "cannot find Cargo.toml" path would run.
pub fn use_manifest(path: &str) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: called before any expansion, from the single fuzzing thread.
        unsafe { std::env::set_var("ZOOM_SCOPES_MANIFEST", path) };
    });
}

/// Splits an input into macro arguments and an item at the first NUL, and expands every
/// macro on them. Inputs that do not lex as Rust tokens are what rustc would reject before a
/// macro runs, so they are skipped.
pub fn expand_all(input: &str) {
    let (args, item) = input.split_once('\0').unwrap_or((input, "fn f() {}"));
    let (Ok(args), Ok(item)) = (args.parse::<TokenStream>(), item.parse::<TokenStream>()) else {
        return;
    };
    let item_text = item.to_string();
    for (what, out) in [
        (
            "requires_api",
            expand::requires_api(args.clone(), item.clone()),
        ),
        ("app", expand::app(args.clone(), item.clone())),
        ("operation!", expand::operation(args.clone())),
        (
            "function_operation!",
            expand::function_operation(args.clone()),
        ),
        ("scopes!", expand::scopes(args)),
    ] {
        let text = out.to_string();
        assert!(
            text.parse::<TokenStream>().is_ok(),
            "{what} emitted tokens that do not lex: {text}"
        );
        assert!(!text.is_empty(), "{what} emitted nothing");
        if matches!(what, "requires_api" | "app") {
            let tail = item_text.split_whitespace().last().unwrap_or_default();
            assert!(text.contains(tail), "{what} lost the item: {text}");
        }
    }
}
