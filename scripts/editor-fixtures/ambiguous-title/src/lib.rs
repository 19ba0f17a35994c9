//! "List meetings" is in the Meeting and Dashboard APIs: it needs `api = "..."`.
use zoom_scopes::requires_api;

#[requires_api("List meetings")]
pub fn list_meetings() {}
