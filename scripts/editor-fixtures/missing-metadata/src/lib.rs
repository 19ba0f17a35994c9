//! The manifest has no [package.metadata.zoom] table.
use zoom_scopes::requires_api;

#[requires_api("Create a meeting")]
pub fn create_meeting() {}
