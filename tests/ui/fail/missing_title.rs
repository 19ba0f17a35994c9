#[zoom_scopes::requires_api]
fn bare() {}

#[zoom_scopes::requires_api()]
fn empty_parens() {}

fn main() {
    bare();
    empty_parens();
}
