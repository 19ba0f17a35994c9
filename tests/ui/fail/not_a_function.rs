#[zoom_scopes::requires_api("Create a meeting")]
struct Meeting;

fn main() {
    let _ = Meeting;
}
