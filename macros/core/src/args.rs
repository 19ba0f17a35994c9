//! The grammar of the macros' arguments: `"Title"`, `"Title", api = "Group"`, `"Title", app =
//! A`, lists of scope names, and `#[app]`'s scopes or `manifest`. The proc macros and `cargo
//! zoom-scopes audit` both read arguments with these functions, so what one refuses the other
//! refuses, with the same message.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};

use crate::Text;
use crate::cursor::Cursor;
use crate::error::{self, Error};

/// `"Title"` with an optional `api = "Group"` and, for `#[requires_api]`, `app = Type`.
pub struct OperationArgs {
    /// The operation title.
    pub title: Text,
    /// The API group, when given.
    pub api: Option<Text>,
    /// The app type of typed mode, as written (`A`, `Self::App`, `<T as Sdk>::App`).
    pub app: Option<TokenStream>,
}

/// Which macro the arguments are for: only `#[requires_api]` takes an app type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Accepts {
    /// `operation!`: a title and `api`.
    ApiOnly,
    /// `#[requires_api]`: a title, `api` and `app`.
    ApiAndApp,
}

const USAGE: &str = "expected an operation title as Zoom documents it, e.g. \"Create a meeting\", \
                     optionally followed by `api = \"Meeting\"`";

/// The error for `operation!()` that reaches the macro with no arguments: `#[requires_api]`
/// rewrites those in its function's body (`expand::function_operation`), so this one is in no
/// such body, or is written under a name the attribute does not look for. The CLI's audit says
/// the same of the calls it finds there.
pub const BARE_OPERATION_OUTSIDE: &str = "`operation!()` without arguments names the operation \
    of the #[requires_api] function it is written in, and this call is not in the body of one\n\
    note: a `fn` nested in such a function is a function of its own, and the attribute finds \
    the call only as `operation!()`, `zoom_scopes::operation!()` or `::zoom_scopes::operation!()`\n\
    help: name the operation, e.g. `operation!(\"Create a meeting\")`";

/// Reads an operation's arguments; an error points at the token at fault.
pub fn operation_args(tokens: TokenStream, accepts: Accepts) -> error::Result<OperationArgs> {
    let mut input = Cursor::new(tokens);
    if input.is_empty() {
        let message = match accepts {
            Accepts::ApiOnly => BARE_OPERATION_OUTSIDE.to_owned(),
            Accepts::ApiAndApp => format!("missing operation title: {USAGE}"),
        };
        return Err(Error::new(Span::call_site(), message));
    }
    let mut args = OperationArgs {
        title: input.string(USAGE)?,
        api: None,
        app: None,
    };
    while !input.is_empty() {
        input.punct(',')?;
        if input.is_empty() {
            break;
        }
        let Some(key) = input.ident() else {
            let span = input.peek().map_or_else(Span::call_site, TokenTree::span);
            return Err(Error::new(
                span,
                format!("expected `api = \"...\"`: {USAGE}"),
            ));
        };
        if key == "api" {
            once(&args.api, &key)?;
            input.punct('=')?;
            args.api =
                Some(input.string("expected the API group as a string, e.g. api = \"Meeting\"")?);
        } else if key == "app" && accepts == Accepts::ApiAndApp {
            once(&args.app, &key)?;
            input.punct('=')?;
            args.app = Some(app_type(&mut input, &key)?);
        } else {
            return Err(unknown_argument(&key, accepts));
        }
    }
    Ok(args)
}

fn once<T>(slot: &Option<T>, key: &Ident) -> error::Result<()> {
    match slot {
        Some(_) => Err(Error::new(key.span(), format!("`{key}` is given twice"))),
        None => Ok(()),
    }
}

fn unknown_argument(key: &Ident, accepts: Accepts) -> Error {
    let known = match accepts {
        Accepts::ApiOnly => "the only argument after the title is `api = \"...\"`",
        Accepts::ApiAndApp => {
            "the arguments after the title are `api = \"...\"` and, for typed mode, `app = AppType`"
        }
    };
    Error::new(key.span(), format!("unknown argument `{key}`; {known}"))
}

/// The app type's tokens. Kept as tokens: parsing types would need a parser of Rust's types
/// (syn, with its larger feature set), and the tokens go into a `where` clause as they are.
fn app_type(input: &mut Cursor, key: &Ident) -> error::Result<TokenStream> {
    let tokens = input.until_comma();
    if tokens.is_empty() {
        return Err(Error::new(
            key.span(),
            "expected the app type after `app =`, e.g. `app = A` for `impl<A: App> Zoom<A>`",
        ));
    }
    Ok(tokens)
}

/// Comma-separated scope names.
pub fn scope_names(tokens: TokenStream) -> error::Result<Vec<Text>> {
    let mut input = Cursor::new(tokens);
    names(
        &mut input,
        "expected a scope name as a string, e.g. \"meeting:write\"",
    )
}

fn names(input: &mut Cursor, expected: &str) -> error::Result<Vec<Text>> {
    let mut names = Vec::new();
    while !input.is_empty() {
        names.push(input.string(expected)?);
        if !input.is_empty() {
            input.punct(',')?;
        }
    }
    Ok(names)
}

/// What `#[app(...)]` declares: scope names, or the crate's manifest.
pub enum AppScopes {
    /// Scope names, as written.
    Listed(Vec<Text>),
    /// `manifest`: the scopes of `[package.metadata.zoom]`; the ident carries the span.
    Manifest(Ident),
}

const APP_USAGE: &str = "expected the app's scopes, e.g. #[app(\"meeting:write\", \"user:read\")], \
                         or `manifest` to take them from [package.metadata.zoom] in Cargo.toml";

/// Reads `#[app(...)]`'s arguments.
pub fn app_scopes(tokens: TokenStream) -> error::Result<AppScopes> {
    let mut input = Cursor::new(tokens);
    if input.is_empty() {
        return Err(Error::new(Span::call_site(), APP_USAGE));
    }
    if let Some(key) = input.ident() {
        if key != "manifest" {
            return Err(Error::new(
                key.span(),
                format!("unknown argument `{key}`: {APP_USAGE}"),
            ));
        }
        if let Some(extra) = input.peek() {
            return Err(Error::new(
                extra.span(),
                "`manifest` stands alone: the scopes come from Cargo.toml",
            ));
        }
        return Ok(AppScopes::Manifest(key));
    }
    Ok(AppScopes::Listed(names(&mut input, APP_USAGE)?))
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn app_of(tokens: TokenStream) -> String {
        operation_args(tokens, Accepts::ApiAndApp)
            .map(|a| a.app.map(|t| t.to_string()).unwrap_or_default())
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn app_types_end_at_a_top_level_comma() {
        assert_eq!(app_of(quote!("Create a meeting", app = A)), "A");
        assert_eq!(
            app_of(quote!(
                "List meetings",
                app = <T as Sdk<X, Y>>::App,
                api = "Meeting"
            )),
            "< T as Sdk < X , Y >> :: App"
        );
        assert_eq!(
            app_of(quote!("Create a meeting", app = Wrap<fn() -> u8, B>)),
            "Wrap < fn () -> u8 , B >"
        );
        assert_eq!(
            app_of(quote!("Create a meeting", app = Self::App,)),
            "Self :: App"
        );
    }

    #[test]
    fn app_argument_errors() {
        assert!(app_of(quote!("Create a meeting", app = )).contains("expected the app type"));
        assert!(app_of(quote!("Create a meeting", app = A, app = B)).contains("given twice"));
        let only_api = operation_args(quote!("Create a meeting", app = A), Accepts::ApiOnly);
        assert!(
            only_api
                .err()
                .is_some_and(|e| e.to_string().contains("the only argument"))
        );
    }

    #[test]
    fn app_scopes_are_names_or_manifest() {
        assert!(matches!(
            app_scopes(quote!("meeting:write", "user:read",)),
            Ok(AppScopes::Listed(names)) if names.len() == 2
        ));
        assert!(matches!(
            app_scopes(quote!(manifest)),
            Ok(AppScopes::Manifest(_))
        ));
        for bad in [
            quote!(),
            quote!(manifests),
            quote!(manifest, "x"),
            quote!(1),
        ] {
            assert!(app_scopes(bad).is_err());
        }
    }
}
