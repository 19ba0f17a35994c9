//! The one generated copy of Zoom's scope data, and the exact lookups over it.
//!
//! `cargo codegen` renders `src/generated.rs` from the catalogue (`zoom-scopes-catalogue`,
//! which parses Zoom's documents); every other crate of zoom-scopes reads the data here: the
//! runtime's `Scope`, `ScopeSet` and `Operation`, the proc macros' checks and messages, and the
//! `cargo zoom-scopes` reports. A fact lives in one row; each question (a scope by name, an
//! operation by title and API group) has one function.
//!
//! Ids are positions: a [`ScopeId`] is the scope's row (and its bit in the runtime's
//! `ScopeSet`), an [`OperationId`] the operation's, an [`ApiId`] the API group's. Ids only come
//! from this crate's tables, so every accessor is a plain index.
//!
//! ```
//! use zoom_scopes_tables::{Level, OperationId, ScopeId};
//! let op = OperationId::find("Create a meeting", None).unwrap();
//! let names: Vec<&str> = op.granted_by().iter().map(|s| s.name()).collect();
//! assert_eq!(names, ["meeting:write", "meeting:write:admin", "meeting:master"]);
//! assert_eq!(ScopeId::named("meeting:master").map(ScopeId::level), Some(Level::Master));
//! ```
//!
//! Without the default `data` feature the crate is only its vocabulary ([`Level`], [`Access`],
//! [`naming`], [`text`]), for the code generator, which must not compile the file it writes.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "data")]
mod api;
#[cfg(feature = "data")]
mod columns;
#[cfg(feature = "data")]
mod endpoint;
#[cfg(feature = "data")]
#[rustfmt::skip]
#[allow(clippy::all)]
mod generated;
mod http;
mod level;
pub mod name_hash;
pub mod naming;
#[cfg(feature = "data")]
mod operation;
#[cfg(feature = "data")]
mod scope;
pub mod text;

#[cfg(feature = "data")]
pub use api::ApiId;
#[cfg(feature = "data")]
pub use endpoint::EndpointId;
pub use http::{Method, RateLimit};
pub use level::{Access, Level, MASTER_ONLY, Model};
#[cfg(feature = "data")]
pub use operation::{OperationId, titles};
#[cfg(feature = "data")]
pub use scope::{Mixed, ScopeId, model_of, rank};
pub use text::{api_key, same_api};
