//! [`TypedClient`]: a client for one [`App`], checked against the token when it is made.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use super::{Client, Error};
use crate::App;

/// A [`Client`] for the app `A`, made only when Zoom's token grants every scope `A` declares.
///
/// It dereferences to [`Client`], so requests are sent the same way, and each is still checked
/// against the token's scopes (a renewed token could grant less).
///
/// ```no_run
/// # async fn run() -> Result<(), zoom_scopes::client::Error> {
/// use zoom_scopes::client::{Client, ClientSecret};
/// use zoom_scopes::{App, ScopeSet, scopes};
///
/// struct MyApp;
/// impl App for MyApp {
///     const SCOPES: ScopeSet = scopes!("meeting:write", "user:read");
/// }
///
/// let zoom = Client::builder()
///     .server_to_server("account", "client", ClientSecret::new("secret"))
///     .build_for::<MyApp>()
///     .await?; // Error::AppNotGranted names what Zoom did not grant
/// # Ok(()) }
/// ```
pub struct TypedClient<A: App> {
    client: Client,
    app: PhantomData<fn() -> A>,
}

impl<A: App> TypedClient<A> {
    /// Fetches the client's token (if it has none yet) and checks that it grants `A::SCOPES`.
    pub async fn new(client: Client) -> Result<Self, Error> {
        let granted = client.token_info().await?.granted;
        let not_granted = A::SCOPES.difference(&granted);
        if !not_granted.is_empty() {
            return Err(Error::AppNotGranted {
                app: std::any::type_name::<A>(),
                declared: Box::new(A::SCOPES),
                granted: Box::new(granted),
                not_granted: Box::new(not_granted),
            });
        }
        Ok(TypedClient {
            client,
            app: PhantomData,
        })
    }

    /// The untyped client.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The untyped client, by value.
    pub fn into_client(self) -> Client {
        self.client
    }
}

impl<A: App> Deref for TypedClient<A> {
    type Target = Client;

    fn deref(&self) -> &Client {
        &self.client
    }
}

impl<A: App> Clone for TypedClient<A> {
    fn clone(&self) -> Self {
        TypedClient {
            client: self.client.clone(),
            app: PhantomData,
        }
    }
}

impl<A: App> fmt::Debug for TypedClient<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypedClient")
            .field("app", &std::any::type_name::<A>())
            .field("client", &self.client)
            .finish()
    }
}
