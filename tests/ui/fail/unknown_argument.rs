#[zoom_scopes::requires_api("Create a meeting", group = "Meeting")]
fn unknown() {}

#[zoom_scopes::requires_api("List meetings", api = "Meeting", api = "Dashboard")]
fn twice() {}

#[zoom_scopes::requires_api("Create a meeting" "Get a user")]
fn no_comma() {}

fn main() {
    unknown();
    twice();
    no_comma();
}
