//! A manifest whose scopes mix the two models: one error, naming the line of the first name of
//! the second model and which names are which.
#[zoom_scopes::requires_api("Create a meeting")]
fn create() {}

fn main() {
    create();
}
