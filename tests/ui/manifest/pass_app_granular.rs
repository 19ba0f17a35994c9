//! `#[app(manifest)]` with granular scopes implements the markers of what they grant.
use typed_sdk::{Zoom, delete_meeting};
use zoom_scopes::{App, Scope};

#[zoom_scopes::app(manifest)]
struct FromManifest;

fn main() {
    let zoom = Zoom::<FromManifest>::default();
    zoom.create_meeting("standup");
    zoom.list_meetings();
    zoom.get_user("me");
    delete_meeting(&zoom, 9);
    assert!(FromManifest::SCOPES.contains(Scope::MEETING_WRITE_MEETING));
    assert!(!FromManifest::SCOPES.contains(Scope::MEETING_WRITE));
}
