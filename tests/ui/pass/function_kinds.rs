//! Every kind of function `#[requires_api]` goes on, with the scopes in manifests/meeting.toml.
use zoom_scopes::requires_api;

#[requires_api("Create a meeting")]
fn free() {}

#[requires_api("Create a meeting")]
async fn asynchronous() -> u8 {
    1
}

#[requires_api("Get a user", api = "User")]
fn generic<T: Into<String>>(id: T) -> String
where
    T: Clone,
{
    id.into()
}

/// Stacked: one operation per attribute.
#[requires_api("Create a meeting")]
#[requires_api("Get a user", api = "user")]
pub(crate) fn stacked() {}

struct Client;

impl Client {
    #[requires_api("Create a meeting")]
    fn method(&self) -> u8 {
        #![allow(clippy::all)]
        2
    }

    #[requires_api("Create a meeting")]
    const fn constant() -> u8 {
        3
    }
}

trait Sdk {
    #[requires_api("Create a meeting")]
    fn default_method(&self) -> u8 {
        4
    }

    #[requires_api("Get a user", api = "User")]
    fn declared(&self);
}

impl Sdk for Client {
    fn declared(&self) {}
}

fn main() {
    free();
    let _ = asynchronous();
    assert_eq!(generic("me"), "me");
    stacked();
    assert_eq!(Client.method() + Client::constant() + Client.default_method(), 9);
    Client.declared();
}
