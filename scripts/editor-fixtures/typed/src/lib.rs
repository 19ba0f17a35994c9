//! Typed mode: an SDK function needs "Create a meeting" of its app type, and an app type
//! whose scopes (meeting:read) do not grant it calls it.
use std::marker::PhantomData;

use zoom_scopes::{App, requires_api};

pub struct Zoom<A: App> {
    app: PhantomData<A>,
}

impl<A: App> Zoom<A> {
    pub fn new() -> Self {
        Zoom { app: PhantomData }
    }

    #[requires_api("Create a meeting", app = A)]
    pub fn create_meeting(&self, topic: &str) -> String {
        format!("created {topic}")
    }
}

#[zoom_scopes::app("meeting:read")]
pub struct Viewer;

pub fn standup() -> String {
    let viewer = Zoom::<Viewer>::new();
    viewer.create_meeting("standup")
}
