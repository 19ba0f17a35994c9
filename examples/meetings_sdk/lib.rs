//! `meetings_sdk`: a small typed-mode Zoom SDK, as an SDK author would publish it.
//!
//! The SDK cannot know which scopes the apps that use it have, so its functions are generic
//! over the app type `A` and say which operation they perform with
//! `#[requires_api("...", app = A)]`. This crate compiles for every app; each app's calls are
//! checked against that app's scopes, where it makes them (see `examples/typed_app.rs`).

use std::marker::PhantomData;

use zoom_scopes::{App, Operation, operation, requires_api};

/// A request the SDK would send: the operation it performs, the method and the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The Zoom API operation, for run-time checks against a token's granted scopes.
    pub operation: &'static Operation,
    /// The HTTP method.
    pub method: &'static str,
    /// The path under the API base.
    pub path: String,
    /// The JSON body, if the request has one.
    pub body: Option<serde_json::Value>,
}

impl Request {
    fn new(operation: &'static Operation, method: &'static str, path: String) -> Request {
        Request {
            operation,
            method,
            path,
            body: None,
        }
    }
}

/// The SDK's client, for the app type `A`.
pub struct Zoom<A: App> {
    user: String,
    app: PhantomData<A>,
}

impl<A: App> Zoom<A> {
    /// A client acting for `user` ("me" for the token's owner).
    pub fn new(user: impl Into<String>) -> Self {
        Zoom {
            user: user.into(),
            app: PhantomData,
        }
    }

    /// The user. "Get a user" is documented under User and SCIM2 with different scopes, so the
    /// title names its API group.
    #[requires_api("Get a user", api = "User", app = A)]
    pub fn get_user(&self) -> Request {
        let op = operation!("Get a user", api = "User");
        Request::new(op, "GET", format!("/users/{}", self.user))
    }

    /// Schedules a meeting.
    #[requires_api("Create a meeting", app = A)]
    pub fn create_meeting(&self, topic: &str) -> Request {
        let op = operation!("Create a meeting");
        let path = format!("/users/{}/meetings", self.user);
        Request {
            body: Some(serde_json::json!({ "topic": topic })),
            ..Request::new(op, "POST", path)
        }
    }

    /// The user's meetings. "List meetings" is also a Dashboard operation.
    #[requires_api("List meetings", api = "Meeting", app = A)]
    pub fn list_meetings(&self) -> Request {
        let op = operation!("List meetings", api = "Meeting");
        Request::new(op, "GET", format!("/users/{}/meetings", self.user))
    }

    /// Deletes a meeting.
    #[requires_api("Delete a meeting", app = A)]
    pub fn delete_meeting(&self, meeting_id: u64) -> Request {
        let op = operation!("Delete a meeting");
        Request::new(op, "DELETE", format!("/meetings/{meeting_id}"))
    }

    /// Removes a user from the account: needs a user write scope.
    #[requires_api("Delete a user", api = "User", app = A)]
    pub fn delete_user(&self) -> Request {
        let op = operation!("Delete a user", api = "User");
        Request::new(op, "DELETE", format!("/users/{}", self.user))
    }
}
