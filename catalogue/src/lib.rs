//! Zoom's documents and all reasoning about them.
//!
//! The catalogue is parsed from the text of Zoom's "OAuth scopes — classic scopes" reference,
//! kept in `data/zoom-classic-scopes.txt`, into a model ([`Catalogue`]) that the code generator
//! (feature `codegen`, `cargo codegen`) renders as the one generated table set,
//! `zoom-scopes-tables`. Everything downstream reads those tables, not this parser: the proc
//! macros, the runtime and the CLI. With the `analysis` feature this crate also plans
//! least-privilege scopes (`plan`), searches operations by words (`search`) and computes a
//! crate's audit (`audit`) over the tables, for `cargo zoom-scopes`.
//!
//! ```
//! let catalogue = zoom_scopes_catalogue::classic();
//! let op = catalogue.operations_titled("Create a meeting").next().unwrap();
//! let scopes = catalogue.ranked_names(op.granted_by());
//! assert_eq!(scopes, ["meeting:write", "meeting:write:admin", "meeting:master"]);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "analysis")]
pub mod audit;
mod builder;
#[cfg(feature = "codegen")]
pub mod codegen;
pub mod link;
mod model;
mod parse;
#[cfg(feature = "analysis")]
pub mod plan;
pub mod reference;
pub mod scope_name;
#[cfg(feature = "analysis")]
pub mod search;

use std::sync::OnceLock;

pub use model::{Api, ApiId, Catalogue, Endpoint, Operation, OperationId, Scope, ScopeId};
pub use parse::{ParseError, parse};
#[cfg(feature = "analysis")]
pub use plan::{Cost, Plan, PlanOptions};
#[cfg(feature = "analysis")]
pub use search::Hit;

/// The text of the catalogue this crate embeds.
pub const CLASSIC_TEXT: &str = include_str!("../data/zoom-classic-scopes.txt");

/// Zoom's API reference as this crate keeps it (`data/api-reference/`), read once per process.
pub fn try_reference() -> Result<&'static reference::Reference, &'static reference::ReferenceError>
{
    static REFERENCE: OnceLock<Result<reference::Reference, reference::ReferenceError>> =
        OnceLock::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/api-reference");
    REFERENCE.get_or_init(|| reference::read_dir(&dir)).as_ref()
}

/// The page and the API reference linked ([`link::link`]), once per process.
///
/// # Panics
/// If either document does not read, which this crate's tests rule out.
pub fn linked() -> &'static link::Linked {
    static LINKED: OnceLock<link::Linked> = OnceLock::new();
    LINKED.get_or_init(|| match try_reference() {
        Ok(reference) => link::link(classic(), reference),
        Err(e) => panic!("the API reference does not read: {e}"),
    })
}

/// The embedded catalogue, parsed once per process.
pub fn try_classic() -> Result<&'static Catalogue, &'static ParseError> {
    static CLASSIC: OnceLock<Result<Catalogue, ParseError>> = OnceLock::new();
    CLASSIC.get_or_init(|| parse(CLASSIC_TEXT)).as_ref()
}

/// The embedded catalogue, parsed once per process.
///
/// # Panics
/// If the embedded data does not parse, which this crate's tests rule out.
pub fn classic() -> &'static Catalogue {
    match try_classic() {
        Ok(catalogue) => catalogue,
        Err(e) => panic!("the embedded scope catalogue does not parse: {e}"),
    }
}
