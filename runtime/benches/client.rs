//! Per-request overhead of the client (endpoint resolution or check, scope check, token cache,
//! tracing span, error mapping) against a raw reqwest call to the same loopback endpoint with
//! the same token, all decoding the same JSON. The client sends it two ways:
//! `call(operation).path_param(..)` builds the path from the operation's endpoint, and
//! `get(operation, path)` checks a path given whole against it.
//!
//! Criterion measures the three side by side in one run; then an alternating loop sends one
//! request of each kind in turn (rotating which goes first) and prints the medians and the
//! ratios to raw, which no drift of the machine between criterion's runs can skew.
//!
//! `cargo bench -p zoom-scopes --bench client` (or `benches/client-overhead.sh` from the
//! workspace root, which repeats it and reports the ratios).

use std::time::{Duration, Instant};

use criterion::Criterion;
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderValue};
use serde_json::Value;
use tokio::runtime::Runtime;
use zoom_scopes::client::{Client, RetryPolicy};
use zoom_scopes::mock::MockZoom;
use zoom_scopes::operation;

/// Requests per kind in the alternating loop.
const ALTERNATING: usize = 20_000;

struct Setup {
    // Kept alive for the server's sake.
    _zoom: MockZoom,
    client: Client,
    raw: reqwest::Client,
    url: String,
    bearer: HeaderValue,
}

/// The mock, a client with a token already fetched, and a raw reqwest client configured the
/// same way (no redirects, same timeouts) with that token.
fn setup(runtime: &Runtime) -> Setup {
    runtime.block_on(async {
        let zoom = MockZoom::start()
            .await
            .expect("the mock binds a loopback port");
        let client = zoom
            .client_builder()
            .retry(RetryPolicy::none())
            .build()
            .expect("a client for the mock");
        client.token_info().await.expect("a token from the mock");
        let token = zoom.issued_tokens().pop().expect("the token just issued");
        let raw = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a reqwest client");
        let mut bearer = HeaderValue::try_from(format!("Bearer {token}")).expect("a header value");
        bearer.set_sensitive(true);
        Setup {
            url: format!("{}/users/me", zoom.api_base()),
            _zoom: zoom,
            client,
            raw,
            bearer,
        }
    })
}

async fn raw_request(setup: &Setup) -> Value {
    let response = setup
        .raw
        .get(&setup.url)
        .header(AUTHORIZATION, setup.bearer.clone())
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .send()
        .await
        .expect("the mock answers");
    assert!(response.status().is_success());
    let body = response.bytes().await.expect("a body");
    serde_json::from_slice(&body).expect("JSON")
}

async fn call_request(setup: &Setup) -> Value {
    setup
        .client
        .call(operation!("Get a user", api = "User"))
        .path_param("userId", "me")
        .send()
        .await
        .expect("the mock answers")
}

async fn get_request(setup: &Setup) -> Value {
    setup
        .client
        .get(operation!("Get a user", api = "User"), "/users/me")
        .await
        .expect("the mock answers")
}

/// The kinds of request compared, in the order the alternating loop starts with.
#[derive(Copy, Clone)]
enum Kind {
    Raw,
    Call,
    Get,
}

async fn request(setup: &Setup, kind: Kind) -> Value {
    match kind {
        Kind::Raw => raw_request(setup).await,
        Kind::Call => call_request(setup).await,
        Kind::Get => get_request(setup).await,
    }
}

fn criterion_benches(c: &mut Criterion, runtime: &Runtime, setup: &Setup) {
    let mut group = c.benchmark_group("get_user");
    group.bench_function("raw_reqwest", |b| {
        b.to_async(runtime).iter(|| raw_request(setup))
    });
    group.bench_function("call", |b| b.to_async(runtime).iter(|| call_request(setup)));
    group.bench_function("get", |b| b.to_async(runtime).iter(|| get_request(setup)));
    group.finish();
}

/// One request of each kind in turn, each timed; prints the medians and the ratios to raw.
fn alternating(runtime: &Runtime, setup: &Setup) {
    let kinds = [Kind::Raw, Kind::Call, Kind::Get];
    let samples = runtime.block_on(async {
        let mut samples = kinds.map(|_| Vec::with_capacity(ALTERNATING));
        for i in 0..ALTERNATING {
            // Rotate which goes first, so none always follows another.
            for k in 0..kinds.len() {
                let kind = (i + k) % kinds.len();
                let started = Instant::now();
                std::hint::black_box(request(setup, kinds[kind]).await);
                samples[kind].push(started.elapsed());
            }
        }
        samples
    });
    let [raw, call, get] = samples.map(median);
    println!(
        "alternating, {ALTERNATING} requests each: raw reqwest median {:.1} µs, call {:.1} µs, get {:.1} µs, call ratio {:.3}, get ratio {:.3}",
        micros(raw),
        micros(call),
        micros(get),
        micros(call) / micros(raw),
        micros(get) / micros(raw)
    );
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort_unstable();
    samples[samples.len() / 2]
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let setup = setup(&runtime);
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();
    criterion_benches(&mut criterion, &runtime, &setup);
    criterion.final_summary();
    alternating(&runtime, &setup);
}
