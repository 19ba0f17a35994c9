#[zoom_scopes::requires_api("Create a meeting", api = "Webinar")]
fn create() {}

fn main() {
    create();
}
