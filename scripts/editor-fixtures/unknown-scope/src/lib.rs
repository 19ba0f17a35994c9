//! The manifest declares "meeting:wirte", which Zoom does not document.
use zoom_scopes::requires_api;

#[requires_api("Create a meeting")]
pub fn create_meeting() {}
