// The annotated function is still emitted after an error: calls to it, its signature and its
// body compile, so the one mistake is the only error.
#[zoom_scopes::requires_api("Get a meeting")]
fn get_meeting(id: u64) -> String {
    id.to_string()
}

fn main() {
    let _: String = get_meeting(7);
}
