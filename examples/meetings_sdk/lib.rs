//! `meetings_sdk`: a small typed-mode Zoom SDK, as an SDK author would publish it.
//!
//! The SDK cannot know which scopes the apps that use it have, so its functions are generic
//! over the app type `A` and say which operation they perform with
//! `#[requires_api("...", app = A)]`. This crate compiles for every app; each app's calls are
//! checked against that app's scopes, where it makes them (see `examples/typed_app.rs`).
//!
//! Each function sends its operation with `Client::call`: `operation!()` in its body is the
//! operation its attribute names, and the method and path come from that operation's endpoint
//! in Zoom's API reference, so the SDK writes neither the title twice nor a path by hand.

use serde_json::Value;
use zoom_scopes::client::{Error, TypedClient};
use zoom_scopes::{App, operation, requires_api};

/// The SDK's client, for the app type `A`: a client Zoom's token was checked against for
/// `A`'s scopes, and the user it acts for.
pub struct Zoom<A: App> {
    client: TypedClient<A>,
    user: String,
}

impl<A: App> Zoom<A> {
    /// A client acting for `user` ("me" for the token's owner).
    pub fn new(client: TypedClient<A>, user: impl Into<String>) -> Self {
        Zoom {
            client,
            user: user.into(),
        }
    }

    /// The user. "Get a user" is documented under User and SCIM2 with different scopes, so the
    /// title names its API group.
    #[requires_api("Get a user", api = "User", app = A)]
    pub async fn get_user(&self) -> Result<Value, Error> {
        self.client
            .call(operation!())
            .path_param("userId", &self.user)
            .send()
            .await
    }

    /// Schedules a meeting.
    #[requires_api("Create a meeting", app = A)]
    pub async fn create_meeting(&self, topic: &str) -> Result<Value, Error> {
        self.client
            .call(operation!())
            .path_param("userId", &self.user)
            .json(&serde_json::json!({ "topic": topic }))
            .send()
            .await
    }

    /// The user's meetings. "List meetings" is also a Dashboard operation.
    #[requires_api("List meetings", api = "Meeting", app = A)]
    pub async fn list_meetings(&self) -> Result<Value, Error> {
        self.client
            .call(operation!())
            .path_param("userId", &self.user)
            .send()
            .await
    }

    /// Deletes a meeting.
    #[requires_api("Delete a meeting", app = A)]
    pub async fn delete_meeting(&self, meeting_id: u64) -> Result<(), Error> {
        self.client
            .call(operation!())
            .path_param("meetingId", meeting_id)
            .send()
            .await
    }

    /// Removes a user from the account: needs a user write scope.
    #[requires_api("Delete a user", api = "User", app = A)]
    pub async fn delete_user(&self) -> Result<(), Error> {
        self.client
            .call(operation!())
            .path_param("userId", &self.user)
            .send()
            .await
    }
}
