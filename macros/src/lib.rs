//! Proc macros of `zoom-scopes`. Use them through the `zoom-scopes` crate, which re-exports
//! them. This crate is a thin shell over `zoom-scopes-macros-core`, a library that `cargo
//! zoom-scopes` and the fuzz targets link too: the grammar, the manifest reader, the lookups,
//! the messages and the expansions all live there.
//!
//! Each macro is a pipeline: `args` parses the input, `check` asks the generated tables,
//! `expand` emits tokens. Every failure becomes a spanned `compile_error!`, and an annotated
//! item is emitted even then, so one mistake gives one error.
//!
//! `operation!()` without arguments, in the body of a `#[requires_api]` function, names that
//! function's operation. `operation!` cannot see where it is written, so the attribute gives
//! each such call of its body a call of the hidden `function_operation!` with the operation's
//! index as its input (stacked attributes each add theirs, and several are an error that asks
//! for a title).

use proc_macro::TokenStream;
use zoom_scopes_macros_core::expand;

/// See `zoom_scopes::requires_api`.
#[proc_macro_attribute]
pub fn requires_api(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::requires_api(args.into(), item.into()).into()
}

/// See `zoom_scopes::app`.
#[proc_macro_attribute]
pub fn app(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::app(args.into(), item.into()).into()
}

/// See `zoom_scopes::operation!`.
#[proc_macro]
pub fn operation(input: TokenStream) -> TokenStream {
    expand::operation(input.into()).into()
}

/// The call `#[requires_api]` writes into each bare `operation!()` of its function's body:
/// `function_operation!(INDEX, ...)`, one catalogue index per attribute, or `_` for one that
/// named no operation. Not for hand-written calls.
#[doc(hidden)]
#[proc_macro]
pub fn function_operation(input: TokenStream) -> TokenStream {
    expand::function_operation(input.into()).into()
}

/// See `zoom_scopes::scopes!`.
#[proc_macro]
pub fn scopes(input: TokenStream) -> TokenStream {
    expand::scopes(input.into()).into()
}
