#[zoom_scopes::requires_api(CreateMeeting)]
fn ident() {}

#[zoom_scopes::requires_api(42)]
fn number() {}

#[zoom_scopes::requires_api("List meetings", api = Meeting)]
fn group_ident() {}

fn main() {
    ident();
    number();
    group_ident();
}
