//! Scope-checked Zoom API clients.
//!
//! Zoom apps are granted OAuth scopes (`meeting:write`, `user:read:admin`, ...), and each Zoom API
//! operation is granted by some of them. This crate makes the check happen at compile time:
//!
//! ```
//! use zoom_scopes::requires_api;
//!
//! // Compiles only if the scopes in this crate's Cargo.toml grant "Create a meeting":
//! // [package.metadata.zoom]
//! // scopes = ["meeting:write"]
//! #[requires_api("Create a meeting")]
//! async fn create_meeting() { /* ... */ }
//! ```
//!
//! The same catalogue is available as values: [`Scope`] (one constant per documented scope,
//! classic or granular), [`ScopeSet`] (a `Copy` bitset that parses a token's `scope` field), and
//! [`Operation`] (a title within an API group, with the scopes of both [`Model`]s that grant it
//! and its [`Endpoint`]s), obtained and checked at compile time with [`operation!`] and
//! [`scopes!`].
//!
//! Zoom has two scope models: the classic scopes of its classic-scope page (`meeting:write`)
//! and the granular scopes of its API reference (`meeting:write:meeting`), the only ones apps
//! created since March 2024 hold. A scope of either model grants what Zoom lists under it:
//!
//! ```
//! use zoom_scopes::{Model, ScopeSet, operation};
//! let create = operation!("Create a meeting");
//! let classic: ScopeSet = "meeting:write".parse().unwrap();
//! let granular: ScopeSet = "meeting:write:meeting".parse().unwrap();
//! assert!(classic.covers(create) && granular.covers(create));
//! let names = |model| -> Vec<&str> {
//!     create.granted_by_in(model).iter().map(|s| s.name()).collect()
//! };
//! assert_eq!(names(Model::Granular)[0], "meeting:write:meeting");
//! assert_eq!(names(Model::Classic)[0], "meeting:write");
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The macros expand to `::zoom_scopes::...`; the mock and the client's tests use them inside
// this crate.
#[cfg(feature = "client")]
extern crate self as zoom_scopes;

mod app;
#[cfg(feature = "client")]
pub mod client;
mod endpoint;
mod generated;
mod operation;
// Users name the marker traits `zoom_scopes::operations::...`; the file is named for what it
// holds, apart from `operation.rs` (the `Operation` type).
#[path = "markers.rs"]
pub mod operations;
mod scope;
mod scope_set;

pub use app::App;
pub use endpoint::Endpoint;
pub use operation::Operation;
pub use scope::{Scope, UnknownScope};
pub use scope_set::{Iter as ScopeSetIter, ParseScopeSetError, ScopeSet};
// Defined once, in the tables crate: the proc macros and the CLI classify scopes and endpoints
// with the same types.
pub use zoom_scopes_tables::{Access, Level, Method, Model, RateLimit};

/// Marks a function as performing a Zoom API operation; the build fails unless the scopes this
/// crate declares in `[package.metadata.zoom]` grant it. In typed mode, `app = A` instead bounds
/// the function on `A` being granted the operation (see [`app`](macro@app) and [`operations`]).
///
/// ```
/// #[zoom_scopes::requires_api("Create a meeting")]
/// async fn create_meeting() {}
///
/// #[zoom_scopes::requires_api("List meetings", api = "Meeting")] // `api` for ambiguous titles
/// fn list_meetings() {}
///
/// // Typed mode, for SDKs: checked where an app calls it, against the app type's scopes.
/// struct Zoom<A>(std::marker::PhantomData<A>);
/// impl<A: zoom_scopes::App> Zoom<A> {
///     #[zoom_scopes::requires_api("Delete a user", api = "User", app = A)]
///     fn delete_user(&self) {}
/// }
/// ```
///
/// An operation the declared scopes do not grant is a compile error:
///
/// ```compile_fail
/// #[zoom_scopes::requires_api("Delete a user", api = "User")] // needs user:write or more
/// fn delete_user() {}
/// ```
///
/// The function gains documentation naming the operation and its granting scopes. Errors name
/// the scopes that would grant the operation, least privileged first, and the line to add.
///
/// In the function's body, [`operation!()`](operation!) without arguments is the function's
/// operation, so the title is written once:
///
/// ```
/// use zoom_scopes::{Operation, operation, requires_api};
///
/// #[requires_api("Create a meeting")]
/// fn create_meeting() -> &'static Operation {
///     operation!() // "Create a meeting", as the attribute names it
/// }
/// assert_eq!(create_meeting().title(), "Create a meeting");
/// ```
///
/// With stacked attributes the function performs several operations, and a bare
/// `operation!()` in it is an error that lists the `operation!("...")` calls naming each one.
pub use zoom_scopes_macros::requires_api;

/// Makes a struct a Zoom app type: implements [`App`] with the listed scopes, and the
/// [`operations`] marker trait of every operation they grant, for SDKs in typed mode.
///
/// ```
/// use zoom_scopes::{App, Scope};
///
/// #[zoom_scopes::app("meeting:write", "user:read")]
/// pub struct Scheduler;
///
/// assert!(Scheduler::SCOPES.contains(Scope::MEETING_WRITE));
/// ```
///
/// `#[app(manifest)]` takes the scopes (and extra grants) from this crate's
/// `[package.metadata.zoom]`, as `#[requires_api]` does. Scope names are checked like those in
/// `Cargo.toml`, with the same messages:
///
/// ```compile_fail
/// #[zoom_scopes::app("meeting:wirte")] // error: unknown scope, did you mean "meeting:write"?
/// struct Typo;
/// ```
///
/// An SDK bounds its functions with `#[requires_api("Title", app = A)]`; calling one with an
/// app type whose scopes do not grant the operation fails to compile at the call, naming the
/// app type, the operation and the scope to add.
pub use zoom_scopes_macros::app;

/// The [`Operation`] with this title (and, for titles in several API groups, `api = "..."`),
/// checked at compile time: `operation!("Create a meeting")` is a `&'static Operation`.
///
/// Without arguments, in the body of a [`#[requires_api]`](macro@requires_api) function
/// (closures, async blocks and other macros' arguments included), it is that function's
/// operation. A `fn` nested in the body is a function of its own.
///
/// ```
/// use zoom_scopes::{operation, requires_api};
///
/// #[requires_api("Get a meeting")]
/// async fn get_meeting() -> String {
///     format!("{} needs {:?}", operation!().title(), operation!().least_privileged())
/// }
/// ```
///
/// Anywhere else `operation!()` is an error, which says to name the operation:
///
/// ```compile_fail
/// let op = zoom_scopes::operation!(); // error: not in the body of a #[requires_api] function
/// ```
pub use zoom_scopes_macros::operation;

/// A [`ScopeSet`] of documented scope names, checked at compile time and usable in `const`:
/// `const S: ScopeSet = scopes!("meeting:write", "user:read");`.
pub use zoom_scopes_macros::scopes;

/// Every API group name, in catalogue order: the sections of Zoom's classic-scope page
/// ("Account", "Contact Center", ...), each once, as [`Scope::api`] and [`Operation::api`]
/// return them. Two names may be spellings of one product ("Contact Center" and
/// "ContactCenter" are both sections); [`Operation::find`] matches either.
///
/// Every scope and every operation is in one of them; with [`Scope::all`] and
/// [`Operation::all`], this iterates the whole catalogue.
///
/// ```
/// let apis: Vec<&str> = zoom_scopes::apis().collect();
/// assert!(apis.contains(&"Meeting"));
/// assert!(zoom_scopes::Scope::all().all(|s| apis.contains(&s.api())));
/// ```
pub fn apis() -> impl ExactSizeIterator<Item = &'static str> + Clone {
    zoom_scopes_tables::ApiId::all().map(zoom_scopes_tables::ApiId::name)
}

#[cfg(feature = "mock")]
pub mod mock;

#[doc(hidden)]
pub mod __private {
    //! Used by the macros' expansions; not a public API.
    use crate::Operation;

    /// The operation at a catalogue index the macro resolved.
    pub const fn operation(index: usize) -> &'static Operation {
        crate::operation::by_index(index)
    }

    /// The call `#[requires_api]` writes into each bare `operation!()` of its function's body.
    pub use zoom_scopes_macros::function_operation;
}
