#[zoom_scopes::requires_api("List meetings", api = "Meetings")]
fn list_meetings() {}

fn main() {
    list_meetings();
}
