//! [`App`]: a Zoom app as a type, for SDKs whose scope checks happen where the app calls them.

use crate::ScopeSet;

/// A Zoom app: the scopes it declares.
///
/// ```
/// use zoom_scopes::{App, Scope, ScopeSet};
/// struct MyApp;
/// impl App for MyApp {
///     const SCOPES: ScopeSet = ScopeSet::from_scopes(&[Scope::MEETING_WRITE]);
/// }
/// assert!(MyApp::SCOPES.contains(Scope::MEETING_WRITE));
/// ```
pub trait App {
    /// The scopes the app declares in the Zoom Marketplace.
    const SCOPES: ScopeSet;
}
