//! A grant Zoom's page omits, added in [package.metadata.zoom.grants], satisfies the check.
#[zoom_scopes::requires_api("Get a meeting or webinar summary")]
fn summary() {}

fn main() {
    summary();
}
