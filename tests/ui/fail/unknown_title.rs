#[zoom_scopes::requires_api("Crate a meeting")]
fn create() {}

#[zoom_scopes::requires_api("Frobnicate the widgets")]
fn nothing_close() {}

fn main() {
    create();
    nothing_close();
}
