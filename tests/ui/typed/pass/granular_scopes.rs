//! An app type with granular scopes (here :admin ones) calls what they grant.
use typed_sdk::{Users, Zoom, delete_meeting};
use zoom_scopes::{App, Scope};

#[zoom_scopes::app(
    "meeting:write:meeting:admin",
    "meeting:read:list_meetings:admin",
    "meeting:delete:meeting:admin",
    "user:read:user:admin",
    "user:read:list_users:admin"
)]
struct Admin;

/// Only the scope of the one operation it calls.
#[zoom_scopes::app("meeting:write:meeting")]
struct Scheduler;

fn main() {
    let zoom = Zoom::<Admin>::default();
    zoom.create_meeting("standup");
    zoom.list_meetings();
    zoom.get_user("me");
    delete_meeting(&zoom, 9);
    zoom.list_users();
    Zoom::<Scheduler>::default().create_meeting("standup");
    assert!(Admin::SCOPES.contains(Scope::MEETING_WRITE_MEETING_ADMIN));
    assert_eq!(Scheduler::SCOPES.len(), 1);
}
