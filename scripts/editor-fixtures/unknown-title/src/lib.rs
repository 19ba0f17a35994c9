//! No operation is titled "Crate a meeting" (did you mean "Create a meeting"?).
use zoom_scopes::requires_api;

#[requires_api("Crate a meeting")]
pub fn create_meeting() {}
