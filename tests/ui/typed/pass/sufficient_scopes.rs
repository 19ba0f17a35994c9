//! Apps whose scopes grant what they call compile, whichever scope of the granting ones they
//! have, including through a trait's default method and a free function.
use typed_sdk::{Users, Zoom, delete_meeting};
use zoom_scopes::{App, Scope};

#[zoom_scopes::app("meeting:write", "meeting:read", "user:read")]
struct Scheduler;

#[zoom_scopes::app("meeting:master", "user:read:admin")]
pub(crate) struct Master {
    _private: (),
}

#[zoom_scopes::app(manifest)] // tests/manifests/meeting.toml: user:read, meeting:write, ...
struct FromManifest;

fn main() {
    let zoom = Zoom::<Scheduler>::default();
    assert_eq!(zoom.create_meeting("standup"), "created standup");
    assert!(zoom.list_meetings().is_empty());
    assert_eq!(zoom.get_user(7), "7");
    assert_eq!(delete_meeting(&zoom, 9), 9);
    assert_eq!(zoom.list_users(), 0);

    let master = Zoom::<Master>::default();
    master.create_meeting("standup");
    master.list_meetings();
    master.get_user("me");
    master.list_users();

    let manifest = Zoom::<FromManifest>::default();
    manifest.create_meeting("standup");
    manifest.get_user("me");

    assert!(Scheduler::SCOPES.contains(Scope::MEETING_READ));
    assert_eq!(Master::SCOPES.len(), 2);
    assert!(FromManifest::SCOPES.contains(Scope::ACCOUNT_READ_ADMIN));
}
