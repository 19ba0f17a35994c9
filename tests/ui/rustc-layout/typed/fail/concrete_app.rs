//! `app = ` a concrete type is checked where the function is defined.
#[zoom_scopes::app("user:read")]
pub struct Reader;

#[zoom_scopes::requires_api("Create a meeting", app = Reader)]
pub fn create_meeting() {}

fn main() {}
