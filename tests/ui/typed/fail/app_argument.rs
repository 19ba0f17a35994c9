//! Mistakes in the `app = ...` argument.
use zoom_scopes::App;

pub struct Zoom<A>(A);

impl<A: App> Zoom<A> {
    #[zoom_scopes::requires_api("Create a meeting", app = )]
    pub fn empty(&self) {}

    #[zoom_scopes::requires_api("Create a meeting", app = A, app = A)]
    pub fn twice(&self) {}

    #[zoom_scopes::requires_api("Crate a meeting", app = A)]
    pub fn unknown_title(&self) {}

    #[zoom_scopes::requires_api("List meetings", app = A)]
    pub fn ambiguous(&self) {}
}

fn main() {
    let _ = zoom_scopes::operation!("Create a meeting", app = MyApp);
}
