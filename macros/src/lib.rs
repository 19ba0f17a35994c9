//! Proc macros of `zoom-scopes`. Use them through the `zoom-scopes` crate, which re-exports
//! them; the decisions (lookup, coverage, messages) live in `zoom-scopes-catalogue`.
//!
//! Each macro is a pipeline: `args` parses the input, `check` asks the catalogue, `expand`
//! emits tokens. Every failure becomes a spanned `compile_error!`, and an annotated item is
//! emitted even then, so one mistake gives one error.

mod app;
mod args;
mod attrs;
mod check;
mod cursor;
mod expand;
mod fn_item;
mod manifest;
#[cfg(test)]
mod never_panics;
mod struct_item;

use proc_macro::TokenStream;

/// See `zoom_scopes::requires_api`.
#[proc_macro_attribute]
pub fn requires_api(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::requires_api(args.into(), item.into()).into()
}

/// See `zoom_scopes::app`.
#[proc_macro_attribute]
pub fn app(args: TokenStream, item: TokenStream) -> TokenStream {
    app::app(args.into(), item.into()).into()
}

/// See `zoom_scopes::operation!`.
#[proc_macro]
pub fn operation(input: TokenStream) -> TokenStream {
    expand::operation(input.into()).into()
}

/// See `zoom_scopes::scopes!`.
#[proc_macro]
pub fn scopes(input: TokenStream) -> TokenStream {
    expand::scopes(input.into()).into()
}
