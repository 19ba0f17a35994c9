//! What the mock remembers: credentials, issued tokens, queued faults, counters and meetings.

use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::{Endpoint, Fault, Route};
use crate::client::{AccessToken, ClientSecret, RefreshToken, TokenResponse};
use crate::{Scope, ScopeSet};

pub(crate) struct Config {
    /// The `scope` field of new tokens.
    pub scope: String,
    pub lifetime: Duration,
}

pub(crate) struct Issued {
    pub granted: ScopeSet,
    pub expires_at: Instant,
}

pub(crate) struct State {
    pub account_id: String,
    pub client_id: String,
    pub client_secret: ClientSecret,
    /// `Basic base64(client_id:client_secret)`, as the token endpoint expects it.
    pub basic_auth: String,
    config: Mutex<Config>,
    tokens: Mutex<HashMap<String, Issued>>,
    /// Refresh token -> the scopes it renews; each is accepted once, as Zoom rotates them.
    refresh_tokens: Mutex<HashMap<String, ScopeSet>>,
    faults: Mutex<HashMap<Route, VecDeque<Fault>>>,
    /// A counter per route: the token endpoint and every endpoint of the catalogue, made once
    /// so counting a request only looks its route up.
    counts: HashMap<Route, AtomicUsize>,
    unmatched: AtomicUsize,
    /// The catalogue endpoints of the named endpoints that keep state instead of echoing.
    stateful: Vec<(crate::Endpoint, Endpoint)>,
    pub meetings: Mutex<Vec<serde_json::Value>>,
    serial: AtomicU64,
    /// Every token issued, so tests can look for them where they must not be.
    issued: Mutex<Vec<String>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl State {
    pub fn new() -> State {
        let client_id = format!("mock-client-{}", random_hex(4));
        let secret = format!("mock-secret-{}", random_hex(12));
        let basic_auth = format!(
            "Basic {}",
            base64(format!("{client_id}:{secret}").as_bytes())
        );
        State {
            account_id: format!("mock-account-{}", random_hex(4)),
            client_id,
            client_secret: ClientSecret::new(secret),
            basic_auth,
            config: Mutex::new(Config {
                scope: ScopeSet::from_scopes(&[
                    Scope::USER_READ,
                    Scope::MEETING_WRITE,
                    Scope::MEETING_READ,
                ])
                .to_string(),
                lifetime: Duration::from_secs(3600),
            }),
            tokens: Mutex::new(HashMap::new()),
            refresh_tokens: Mutex::new(HashMap::new()),
            faults: Mutex::new(HashMap::new()),
            counts: every_route().map(|r| (r, AtomicUsize::new(0))).collect(),
            unmatched: AtomicUsize::new(0),
            stateful: Endpoint::ALL
                .into_iter()
                .filter_map(|named| Some((named.reference()?, named)))
                .collect(),
            meetings: Mutex::new(Vec::new()),
            serial: AtomicU64::new(0),
            issued: Mutex::new(Vec::new()),
        }
    }

    pub fn config(&self) -> MutexGuard<'_, Config> {
        lock(&self.config)
    }

    pub fn next_serial(&self) -> u64 {
        self.serial.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Issues an access token with the configured scopes and lifetime; a refresh token too
    /// when `refreshable`.
    pub fn issue(&self, scope: Option<String>, refreshable: bool) -> TokenResponse {
        let (scope, lifetime) = {
            let config = self.config();
            (
                scope.unwrap_or_else(|| config.scope.clone()),
                config.lifetime,
            )
        };
        let serial = self.next_serial();
        let access = format!("mock-access-{serial}-{}", random_hex(16));
        let (granted, _) = ScopeSet::parse_lenient(&scope);
        lock(&self.tokens).insert(
            access.clone(),
            Issued {
                granted,
                expires_at: Instant::now() + lifetime,
            },
        );
        let refresh_token = refreshable.then(|| {
            let refresh = format!("mock-refresh-{serial}-{}", random_hex(16));
            lock(&self.refresh_tokens).insert(refresh.clone(), granted);
            lock(&self.issued).push(refresh.clone());
            RefreshToken::new(refresh)
        });
        lock(&self.issued).push(access.clone());
        TokenResponse {
            access_token: AccessToken::new(access),
            token_type: Some("bearer".to_owned()),
            expires_in: Some(lifetime.as_secs()),
            scope,
            refresh_token,
        }
    }

    pub fn issue_user_token(&self, scopes: ScopeSet) -> TokenResponse {
        self.issue(Some(scopes.to_string()), true)
    }

    /// Uses up a refresh token: the scopes it renews, if it was valid.
    pub fn redeem_refresh_token(&self, refresh: &str) -> Option<ScopeSet> {
        lock(&self.refresh_tokens).remove(refresh)
    }

    /// The scopes of a valid, unexpired access token.
    pub fn granted(&self, access: &str) -> Option<ScopeSet> {
        let tokens = lock(&self.tokens);
        let issued = tokens.get(access)?;
        (Instant::now() < issued.expires_at).then_some(issued.granted)
    }

    pub fn issued(&self) -> Vec<String> {
        lock(&self.issued).clone()
    }

    pub fn expire_tokens(&self) {
        lock(&self.tokens).clear();
    }

    pub fn push_faults(&self, route: Route, fault: Fault, times: usize) {
        let mut faults = lock(&self.faults);
        let queue = faults.entry(route).or_default();
        queue.extend(std::iter::repeat_n(fault, times));
    }

    /// Counts a request to `route` and takes its next queued fault.
    pub fn arrive(&self, route: Route) -> Option<Fault> {
        if let Some(count) = self.counts.get(&route) {
            count.fetch_add(1, Ordering::Relaxed);
        }
        lock(&self.faults).get_mut(&route)?.pop_front()
    }

    pub fn arrive_unmatched(&self) {
        self.unmatched.fetch_add(1, Ordering::Relaxed);
    }

    pub fn requests(&self, route: Route) -> usize {
        self.counts
            .get(&route)
            .map_or(0, |count| count.load(Ordering::Relaxed))
    }

    /// Requests to every API endpoint together.
    pub fn api_requests(&self) -> usize {
        self.counts
            .iter()
            .filter(|(route, _)| matches!(route, Route::Api(_)))
            .map(|(_, count)| count.load(Ordering::Relaxed))
            .sum()
    }

    /// The named endpoint that keeps state for a catalogue endpoint, if one does.
    pub fn stateful(&self, endpoint: crate::Endpoint) -> Option<Endpoint> {
        self.stateful
            .iter()
            .find(|(e, _)| *e == endpoint)
            .map(|&(_, named)| named)
    }

    pub fn unmatched(&self) -> usize {
        self.unmatched.load(Ordering::Relaxed)
    }
}

/// The token endpoint, then every endpoint of the catalogue.
fn every_route() -> impl Iterator<Item = Route> {
    std::iter::once(Route::Token).chain(crate::Endpoint::all().map(Route::Api))
}

/// Random hex digits from the standard library's random hash keys: unguessable enough for
/// test credentials, without a dependency.
fn random_hex(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes * 2);
    while out.len() < bytes * 2 {
        let word = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        out.push_str(&format!("{word:016x}"));
    }
    out.truncate(bytes * 2);
    out
}

/// Standard base64 with padding, for the expected `Authorization: Basic` value.
fn base64(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"id:secret"), "aWQ6c2VjcmV0");
    }

    #[test]
    fn every_route_has_a_counter() {
        let state = State::new();
        assert_eq!(state.counts.len(), crate::Endpoint::all().len() + 1);
        let get_user = Route::from(Endpoint::GetUser);
        assert_eq!(state.arrive(get_user), None);
        assert_eq!(state.requests(get_user), 1);
        assert_eq!(state.api_requests(), 1);
        assert_eq!(state.requests(Route::Token), 0);
    }

    #[test]
    fn each_named_endpoint_but_the_token_keeps_state() {
        let state = State::new();
        assert_eq!(state.stateful.len(), Endpoint::ALL.len() - 1);
        for named in Endpoint::ALL {
            let reference = named.reference();
            assert_eq!(reference.is_none(), named == Endpoint::Token, "{named:?}");
            if let Some(reference) = reference {
                assert_eq!(state.stateful(reference), Some(named));
                assert_eq!(Route::from(named), Route::Api(reference));
            }
        }
        assert_eq!(Route::from(Endpoint::Token), Route::Token);
    }

    #[test]
    fn random_hex_has_the_length_asked() {
        assert_eq!(random_hex(12).len(), 24);
        assert_ne!(random_hex(8), random_hex(8));
    }
}
