//! "Get a meeting" is granted by meeting:read (and broader scopes), not by meeting:write.
use zoom_scopes::requires_api;

#[requires_api("Get a meeting")]
pub fn get_meeting() {}
