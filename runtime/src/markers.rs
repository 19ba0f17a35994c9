//! Typed mode: one marker trait per Zoom API operation, one module per API group.
//!
//! `operations::meeting::CreateAMeeting` is implemented by the app types whose scopes grant
//! "Create a meeting". [`#[app]`](crate::app) implements exactly the markers its scopes grant,
//! and `#[requires_api("Create a meeting", app = A)]` bounds a function on `A:
//! operations::meeting::CreateAMeeting`. An SDK generic over the app thus compiles for any app,
//! and the check happens where an app calls it: `cargo check` reports an unmet bound at that
//! call, with a message that names the app type, the operation and the scope to add.
//!
//! ```
//! use zoom_scopes::operations::meeting::CreateAMeeting;
//!
//! #[zoom_scopes::app("meeting:write")]
//! struct Scheduler;
//!
//! fn needs_create<A: CreateAMeeting>() {}
//! needs_create::<Scheduler>();
//! ```
//!
//! ```compile_fail
//! use zoom_scopes::operations::meeting::CreateAMeeting;
//!
//! #[zoom_scopes::app("meeting:read")] // reads meetings; does not create them
//! struct Viewer;
//!
//! fn needs_create<A: CreateAMeeting>() {}
//! needs_create::<Viewer>(); // error: `Viewer` has no scope that grants "Create a meeting"
//! ```
//!
//! Trait names are the titles in `UpperCamelCase` ("Get a user's settings" ->
//! `GetAUsersSettings`); module names are the API groups in `snake_case` ("Contact Center" ->
//! `contact_center`). Implement them only through `#[app]`: a hand-written impl claims a grant
//! the scopes may not give.

include!("generated/markers.rs");
