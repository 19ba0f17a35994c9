//! Helpers shared by the client tests: a mock Zoom and a client with quick retries.

#![allow(dead_code)]

use std::time::Duration;

use zoom_scopes::client::{ClientBuilder, RetryPolicy};
use zoom_scopes::mock::MockZoom;

/// Retries that wait a few milliseconds, so fault tests run fast.
pub fn quick_retries() -> RetryPolicy {
    RetryPolicy::default()
        .max_retries(3)
        .backoff(Duration::from_millis(1), Duration::from_millis(5))
        .max_retry_after(Duration::from_secs(2))
}

pub async fn mock() -> MockZoom {
    MockZoom::start()
        .await
        .expect("the mock binds a loopback port")
}

/// A builder for the mock with quick retries.
pub fn builder(zoom: &MockZoom) -> ClientBuilder {
    zoom.client_builder().retry(quick_retries())
}

/// `http://127.0.0.1:PORT` where nothing listens: the port was just bound and released.
pub fn closed_port_base() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let addr = listener.local_addr().expect("its address");
    drop(listener);
    format!("http://{addr}")
}
