//! The work behind zoom-scopes' proc macros, as a library that anything can link.
//!
//! The proc-macro crate (`zoom-scopes-macros`) is a thin shell over this one; `cargo
//! zoom-scopes` and the fuzz targets link it too, so the three read the same grammar and print
//! the same messages. Nothing here parses Zoom's documents: every lookup runs over the generated
//! tables (`zoom-scopes-tables`), and only a failed lookup does more work, to explain itself.
//!
//! - [`args`]: the grammar of `#[requires_api(...)]`, `operation!(...)`, `scopes!(...)` and
//!   `#[app(...)]`, read token by token; string literals come back as [`Text`].
//! - [`manifest`]: the scopes a crate declares in `[package.metadata.zoom]` of its `Cargo.toml`.
//! - [`resolve`]: titles, API groups and scope names to table ids, or errors with suggestions.
//! - [`coverage`]: whether declared scopes grant an operation, and the message when not.
//! - [`model`]: Zoom's two scope models in a declaration: the one message for a mix of them,
//!   and a declaration's level.
//! - [`check`]: the three above as the macros ask them, with errors on the literal at fault.
//! - [`suggest`] and [`edit_distance`]: how close a name is to another, for "did you mean"
//!   (and for `cargo zoom-scopes search`).
//! - [`expand`]: the macros themselves, tokens in and tokens out; an error becomes a spanned
//!   `compile_error!` beside the item, which is still emitted.
//! - [`Error`]: spanned messages, emitted as `compile_error!`s; the grammar's and the checks'
//!   error. It emits what `syn::Error` would, but the macro crate does not build syn.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod args;
pub mod check;
pub mod coverage;
mod cursor;
pub mod edit_distance;
pub mod error;
pub mod expand;
mod lit_str;
pub mod manifest;
pub mod model;
#[cfg(test)]
mod never_panics;
pub mod resolve;
pub mod suggest;

pub use cursor::Text;
pub use error::{Error, Result};
