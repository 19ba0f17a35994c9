use zoom_scopes::requires_api;

#[requires_api("Get a meeting")]
fn get_meeting() {}

fn main() {
    get_meeting();
}
