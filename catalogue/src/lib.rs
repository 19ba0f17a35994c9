//! Zoom's classic OAuth scope catalogue, and everything that reasons about it.
//!
//! The catalogue is parsed from the text of Zoom's "OAuth scopes — classic scopes" reference,
//! kept in `data/zoom-classic-scopes.txt`. This crate answers the questions the `zoom-scopes`
//! macros, runtime and CLI ask: which operation a title names, which scopes grant it, least
//! privileged first, what a user probably meant when a name is wrong, and what a crate declares.
//! With the `analysis` feature it also plans least-privilege scopes (`plan`), searches operations
//! by words (`Catalogue::search`) and computes a crate's audit (`audit`), for `cargo zoom-scopes`.
//!
//! ```
//! let catalogue = zoom_scopes_catalogue::classic();
//! let op = catalogue.resolve("Create a meeting", None).unwrap();
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
mod coverage;
mod edit_distance;
pub mod index;
pub mod manifest;
pub mod marker;
mod model;
mod names;
mod parse;
#[cfg(feature = "analysis")]
pub mod plan;
mod resolve;
pub mod scope_name;
#[cfg(feature = "analysis")]
mod search;
mod suggest;
pub mod text;

use std::sync::OnceLock;

pub use coverage::NotCovered;
pub use model::{Catalogue, Endpoint, Group, GroupId, Operation, OperationId, Scope, ScopeId};
pub use names::{Embedded, Names};
pub use parse::{ParseError, parse};
#[cfg(feature = "analysis")]
pub use plan::{Cost, Plan, PlanOptions};
pub use resolve::{Choice, LookupError, SUGGESTIONS, ScopeError, Subject};
pub use scope_name::{Access, Level};
#[cfg(feature = "analysis")]
pub use search::Hit;
pub use suggest::closest;

/// The text of the catalogue this crate embeds.
pub const CLASSIC_TEXT: &str = include_str!("../data/zoom-classic-scopes.txt");

/// The embedded catalogue, parsed once per process.
pub fn try_classic() -> Result<&'static Catalogue, &'static ParseError> {
    static CLASSIC: OnceLock<Result<Catalogue, ParseError>> = OnceLock::new();
    CLASSIC.get_or_init(|| parse(CLASSIC_TEXT)).as_ref()
}

/// The embedded catalogue, parsed once per process.
///
/// # Panics
/// If the embedded data does not parse, which this crate's tests rule out. Callers that must
/// never panic (the proc macros) use [`try_classic`].
pub fn classic() -> &'static Catalogue {
    match try_classic() {
        Ok(catalogue) => catalogue,
        Err(e) => panic!("the embedded scope catalogue does not parse: {e}"),
    }
}
