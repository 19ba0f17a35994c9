#[zoom_scopes::requires_api("List meetings")]
fn list_meetings() {}

#[zoom_scopes::requires_api("Get a user")]
fn get_user() {}

fn main() {
    list_meetings();
    get_user();
}
