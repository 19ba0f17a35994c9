//! Parsing macro input: `"Title"`, `"Title", api = "Group"`, `"Title", app = A`, lists of
//! scope names, and `#[app]`'s scopes or `manifest`.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitStr, Token};

/// `"Title"` with an optional `api = "Group"` and, for `#[requires_api]`, `app = Type`.
pub struct OperationArgs {
    pub title: LitStr,
    pub api: Option<LitStr>,
    /// The app type of typed mode, as written (`A`, `Self::App`, `<T as Sdk>::App`).
    pub app: Option<TokenStream>,
}

/// Which macro the arguments are for: only `#[requires_api]` takes an app type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Accepts {
    ApiOnly,
    ApiAndApp,
}

const USAGE: &str = "expected an operation title as Zoom documents it, e.g. \"Create a meeting\", \
                     optionally followed by `api = \"Meeting\"`";

pub fn operation_args(tokens: TokenStream, accepts: Accepts) -> syn::Result<OperationArgs> {
    let parser = |input: ParseStream| {
        if input.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("missing operation title: {USAGE}"),
            ));
        }
        let title = string(input, USAGE)?;
        let mut args = OperationArgs {
            title,
            api: None,
            app: None,
        };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: Ident = input.parse().map_err(|e| {
                syn::Error::new(e.span(), format!("expected `api = \"...\"`: {USAGE}"))
            })?;
            match key.to_string().as_str() {
                "api" => {
                    once(&args.api, &key)?;
                    input.parse::<Token![=]>()?;
                    args.api = Some(string(
                        input,
                        "expected the API group as a string, e.g. api = \"Meeting\"",
                    )?);
                }
                "app" if accepts == Accepts::ApiAndApp => {
                    once(&args.app, &key)?;
                    input.parse::<Token![=]>()?;
                    args.app = Some(app_type(input, &key)?);
                }
                _ => return Err(unknown_argument(&key, accepts)),
            }
        }
        Ok(args)
    };
    parser.parse2(tokens)
}

fn once<T>(slot: &Option<T>, key: &Ident) -> syn::Result<()> {
    match slot {
        Some(_) => Err(syn::Error::new(
            key.span(),
            format!("`{key}` is given twice"),
        )),
        None => Ok(()),
    }
}

fn unknown_argument(key: &Ident, accepts: Accepts) -> syn::Error {
    let known = match accepts {
        Accepts::ApiOnly => "the only argument after the title is `api = \"...\"`",
        Accepts::ApiAndApp => {
            "the arguments after the title are `api = \"...\"` and, for typed mode, `app = AppType`"
        }
    };
    syn::Error::new(key.span(), format!("unknown argument `{key}`; {known}"))
}

/// The tokens of a type, up to the next comma outside angle brackets. Kept as tokens: parsing
/// types would need syn's larger feature set, and the tokens go into a `where` clause as they are.
fn app_type(input: ParseStream, key: &Ident) -> syn::Result<TokenStream> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut tokens = TokenStream::new();
        let mut depth = 0usize;
        let mut previous_dash = false;
        while let Some((tt, next)) = rest.token_tree() {
            if let TokenTree::Punct(p) = &tt {
                match p.as_char() {
                    ',' if depth == 0 => break,
                    '<' => depth += 1,
                    // `->` in `Fn() -> T` closes nothing.
                    '>' if !previous_dash => depth = depth.saturating_sub(1),
                    _ => {}
                }
                previous_dash = p.as_char() == '-';
            } else {
                previous_dash = false;
            }
            tokens.extend([tt]);
            rest = next;
        }
        if tokens.is_empty() {
            return Err(syn::Error::new(
                key.span(),
                "expected the app type after `app =`, e.g. `app = A` for `impl<A: App> Zoom<A>`",
            ));
        }
        Ok((tokens, rest))
    })
}

/// Comma-separated scope names.
pub fn scope_names(tokens: TokenStream) -> syn::Result<Vec<LitStr>> {
    let parser = |input: ParseStream| {
        let mut names = Vec::new();
        while !input.is_empty() {
            names.push(string(
                input,
                "expected a scope name as a string, e.g. \"meeting:write\"",
            )?);
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(names)
    };
    parser.parse2(tokens)
}

/// What `#[app(...)]` declares: scope names, or the crate's manifest.
pub enum AppScopes {
    Listed(Vec<LitStr>),
    /// `manifest`: the scopes of `[package.metadata.zoom]`; the ident carries the span.
    Manifest(Ident),
}

const APP_USAGE: &str = "expected the app's scopes, e.g. #[app(\"meeting:write\", \"user:read\")], \
                         or `manifest` to take them from [package.metadata.zoom] in Cargo.toml";

pub fn app_scopes(tokens: TokenStream) -> syn::Result<AppScopes> {
    let parser = |input: ParseStream| {
        if input.is_empty() {
            return Err(syn::Error::new(Span::call_site(), APP_USAGE));
        }
        if input.peek(Ident) {
            let key: Ident = input.parse()?;
            if key != "manifest" {
                return Err(syn::Error::new(
                    key.span(),
                    format!("unknown argument `{key}`: {APP_USAGE}"),
                ));
            }
            if !input.is_empty() {
                return Err(input.error("`manifest` stands alone: the scopes come from Cargo.toml"));
            }
            return Ok(AppScopes::Manifest(key));
        }
        let mut names = Vec::new();
        while !input.is_empty() {
            names.push(string(input, APP_USAGE)?);
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(AppScopes::Listed(names))
    };
    parser.parse2(tokens)
}

/// A string literal, or an error spanned on whatever stands there instead.
fn string(input: ParseStream, expected: &str) -> syn::Result<LitStr> {
    if input.peek(LitStr) {
        return input.parse();
    }
    let found: proc_macro2::TokenTree = input.parse()?;
    Err(syn::Error::new(
        found.span(),
        format!("{expected}; found `{found}`, which is not a string literal"),
    ))
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
