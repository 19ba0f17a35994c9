#[zoom_scopes::requires_api("Create a meeting")]
fn create() {}

fn main() {
    create();
}
