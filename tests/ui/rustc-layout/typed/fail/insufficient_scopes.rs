//! An app calls a typed SDK (another crate) with scopes that do not grant what it calls: each
//! call is an error in this crate, at the call, naming the app, the operation and the scope.
use typed_sdk::{Users, Zoom, delete_meeting};

#[zoom_scopes::app("meeting:read", "user:read")]
struct Viewer;

#[zoom_scopes::app("meeting:write")]
struct Scheduler;

fn main() {
    let viewer = Zoom::<Viewer>::default();
    viewer.list_meetings();
    viewer.get_user("me");
    viewer.list_users();
    viewer.create_meeting("standup");
    delete_meeting(&viewer, 1);

    let scheduler = Zoom::<Scheduler>::default();
    scheduler.create_meeting("standup");
    delete_meeting(&scheduler, 1);
    scheduler.list_meetings();
    scheduler.list_users();
}
