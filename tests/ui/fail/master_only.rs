#[zoom_scopes::requires_api("Get a meeting or webinar summary")]
fn summary() {}

fn main() {
    summary();
}
