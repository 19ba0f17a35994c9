//! Operations that no OAuth scope authorises are refused with that reason, whatever the
//! declaration, in both modes.
use zoom_scopes::{App, requires_api};

#[requires_api("Create a session", api = "Video SDK")]
fn create_session() {}

#[requires_api("Send Chatbot messages", api = "Chat")]
fn send_chatbot_message() {}

pub struct Zoom<A>(A);

impl<A: App> Zoom<A> {
    #[requires_api("List live sessions", api = "Cobrowse SDK", app = A)]
    pub fn live_sessions(&self) {}
}

fn main() {
    create_session();
    send_chatbot_message();
}
