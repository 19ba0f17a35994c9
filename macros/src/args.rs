//! Parsing macro input: `"Title"`, `"Title", api = "Group"`, and lists of scope names.

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitStr, Token};

/// `"Title"` with an optional `api = "Group"`.
pub struct OperationArgs {
    pub title: LitStr,
    pub api: Option<LitStr>,
}

const USAGE: &str = "expected an operation title as Zoom documents it, e.g. \"Create a meeting\", \
                     optionally followed by `api = \"Meeting\"`";

pub fn operation_args(tokens: TokenStream) -> syn::Result<OperationArgs> {
    let parser = |input: ParseStream| {
        if input.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("missing operation title: {USAGE}"),
            ));
        }
        let title = string(input, USAGE)?;
        let mut api = None;
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: Ident = input.parse().map_err(|e| {
                syn::Error::new(e.span(), format!("expected `api = \"...\"`: {USAGE}"))
            })?;
            if key != "api" {
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown argument `{key}`; the only argument after the title is `api = \"...\"`"
                    ),
                ));
            }
            if api.is_some() {
                return Err(syn::Error::new(key.span(), "`api` is given twice"));
            }
            input.parse::<Token![=]>()?;
            api = Some(string(
                input,
                "expected the API group as a string, e.g. api = \"Meeting\"",
            )?);
        }
        Ok(OperationArgs { title, api })
    };
    parser.parse2(tokens)
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
