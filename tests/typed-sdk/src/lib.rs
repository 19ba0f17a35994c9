//! A typed-mode SDK as a crate of its own, for the compile-time tests: every function is
//! generic over the app type, so this crate compiles whatever scopes apps have, and each
//! app's call is checked against its own scopes where it is made.

use std::marker::PhantomData;

use zoom_scopes::{App, requires_api};

/// A client for the app type `A`.
pub struct Zoom<A: App> {
    app: PhantomData<A>,
}

impl<A: App> Default for Zoom<A> {
    fn default() -> Self {
        Zoom { app: PhantomData }
    }
}

impl<A: App> Zoom<A> {
    /// A method of a generic impl.
    #[requires_api("Create a meeting", app = A)]
    pub fn create_meeting(&self, topic: &str) -> String {
        format!("created {topic}")
    }

    /// An ambiguous title, qualified by its API group.
    #[requires_api("List meetings", api = "Meeting", app = A)]
    pub fn list_meetings(&self) -> Vec<String> {
        Vec::new()
    }

    /// A method with a `where` clause of its own.
    #[requires_api("Get a user", api = "User", app = A)]
    pub fn get_user<I>(&self, id: I) -> String
    where
        I: std::fmt::Display,
    {
        id.to_string()
    }
}

/// A free generic function.
#[requires_api("Delete a meeting", app = A)]
pub fn delete_meeting<A: App>(_zoom: &Zoom<A>, id: u64) -> u64 {
    id
}

/// A trait whose default method is checked against the implementor's app type.
pub trait Users {
    /// The app the implementor acts for.
    type App: App;

    /// A default method body.
    #[requires_api("List users", api = "User", app = Self::App)]
    fn list_users(&self) -> usize {
        0
    }
}

impl<A: App> Users for Zoom<A> {
    type App = A;
}
