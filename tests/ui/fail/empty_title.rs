#[zoom_scopes::requires_api("")]
fn empty() {}

#[zoom_scopes::requires_api("   ")]
fn blank() {}

#[zoom_scopes::requires_api("Create a meeting", api = "")]
fn empty_group() {}

fn main() {
    empty();
    blank();
    empty_group();
}
