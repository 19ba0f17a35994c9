#![deny(deprecated)]

#[zoom_scopes::requires_api("Get indicators settings [Deprecated]")]
fn indicators() {}

fn main() {
    indicators();
    let _ = zoom_scopes::operation!("List conversations [Deprecated]", api = "Zoom IQ");
}
