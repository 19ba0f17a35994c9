#[zoom_scopes::requires_api("create a meeting")]
fn create() {}

fn main() {
    create();
}
