//! Quickstart: functions that call Zoom, checked at compile time against the scopes this crate
//! declares, and at run time against the scopes Zoom actually granted.
//!
//! This crate's Cargo.toml declares the granular scopes a Zoom app created today chooses,
//! `user:read:user`, `meeting:write:meeting`, `meeting:read:list_meetings` and
//! `meeting:delete:meeting`: every `#[requires_api]` below compiles because one of them grants
//! its operation. Change a title to one they do not grant (say "Update a meeting") and
//! `cargo check` fails, naming the scope to add.
//!
//! Run it with `cargo run --example quickstart`. With `ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID` and
//! `ZOOM_CLIENT_SECRET` set (a Server-to-Server OAuth app) it talks to Zoom; `ZOOM_OAUTH_BASE`
//! and `ZOOM_API_BASE` override the endpoints. Without them it starts the embedded mock Zoom
//! on loopback, which grants `user:read:user` and `meeting:write:meeting` but not
//! `meeting:read:list_meetings`, so one operation is refused before any request is sent.

use std::process::ExitCode;

use serde_json::{Value, json};
use zoom_scopes::client::{Client, ClientSecret, Error};
use zoom_scopes::mock::MockZoom;
use zoom_scopes::{App, Model, Operation, ScopeSet, operation, requires_api, scopes};

/// This app: `#[app(manifest)]` gives it the scopes Cargo.toml declares, the ones the
/// `#[requires_api]` checks use.
#[zoom_scopes::app(manifest)]
struct Quickstart;

/// The scopes this app declares.
const DECLARED: ScopeSet = Quickstart::SCOPES;

// `call` takes the method and path template from the operation's endpoint in Zoom's API
// reference; `operation!()` in the body is the operation the attribute names.
#[requires_api("Get a user", api = "User")]
async fn get_user(zoom: &Client) -> Result<Value, Error> {
    zoom.call(operation!()) // GET /users/{userId}
        .path_param("userId", "me")
        .send()
        .await
}

#[requires_api("Create a meeting")]
async fn create_meeting(zoom: &Client, topic: &str) -> Result<Value, Error> {
    zoom.call(operation!()) // POST /users/{userId}/meetings
        .path_param("userId", "me")
        .json(&json!({ "topic": topic, "type": 2, "duration": 30 }))
        .send()
        .await
}

#[requires_api("List meetings", api = "Meeting")]
async fn list_meetings(zoom: &Client) -> Result<Value, Error> {
    zoom.call(operation!()) // GET /users/{userId}/meetings
        .path_param("userId", "me")
        .query("type", "scheduled")
        .send()
        .await
}

/// Where the example sends its requests.
enum Target {
    Zoom,
    /// Kept alive for the whole run: dropping it stops the server.
    Mock(MockZoom),
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    describe_operations();

    let (target, client) = connect().await?;
    let info = client.token_info().await.map_err(|e| e.to_string())?;
    println!();
    println!("Granted scopes: {}", info.granted);
    if !info.unknown_scopes.is_empty() {
        println!(
            "  and scopes this catalogue does not document: {}",
            info.unknown_scopes.join(" ")
        );
    }
    let not_granted = DECLARED.difference(&info.granted);
    if !not_granted.is_empty() {
        println!("Declared but not granted: {not_granted}");
    }

    println!();
    report(
        operation!("Get a user", api = "User"),
        get_user(&client).await,
        |user| {
            format!(
                "{} <{}>",
                user["display_name"].as_str().unwrap_or("?"),
                user["email"].as_str().unwrap_or("?")
            )
        },
    )?;
    report(
        operation!("Create a meeting"),
        create_meeting(&client, "zoom-scopes quickstart").await,
        |meeting| {
            format!(
                "meeting {} \"{}\"",
                meeting["id"],
                meeting["topic"].as_str().unwrap_or("")
            )
        },
    )?;
    report(
        operation!("List meetings", api = "Meeting"),
        list_meetings(&client).await,
        |page| format!("{} meeting(s)", page["total_records"]),
    )?;

    if let Target::Mock(zoom) = &target {
        println!();
        println!(
            "The mock received {} API request(s) and {} token request(s).",
            zoom.api_requests(),
            zoom.requests(zoom_scopes::mock::Endpoint::Token)
        );
    }
    Ok(())
}

/// The compile-time side: what the catalogue says about each operation this app performs.
fn describe_operations() {
    // The scopes of the declaration's model: an app has classic or granular scopes, not both.
    let model = DECLARED.model().unwrap_or(Model::Granular);
    println!("Declared scopes: {DECLARED}");
    println!();
    println!("Operations this app performs:");
    for op in [
        operation!("Get a user", api = "User"),
        operation!("Create a meeting"),
        operation!("List meetings", api = "Meeting"),
    ] {
        let ranked: Vec<&str> = op.granted_by_in(model).iter().map(|s| s.name()).collect();
        let via = DECLARED.intersection(op.granted_by());
        let endpoint = op.endpoints().find(|e| !e.master_account());
        let endpoint = endpoint.map_or_else(|| "no endpoint".to_owned(), |e| e.to_string());
        println!("  {:<34} {endpoint}", op.to_string());
        println!("  {:<34} granted by {}", "", ranked.join(", "));
        println!("  {:<34} declared through {via}", "");
    }
}

/// A client for real Zoom when the credentials are set, else for a fresh mock.
async fn connect() -> Result<(Target, Client), String> {
    let names = ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"];
    let values: Vec<Option<String>> = names
        .iter()
        .map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .collect();
    match values.as_slice() {
        [Some(account), Some(client_id), Some(secret)] => {
            let mut builder = Client::builder().server_to_server(
                account,
                client_id,
                ClientSecret::new(secret.as_str()),
            );
            if let Ok(base) = std::env::var("ZOOM_OAUTH_BASE") {
                builder = builder.oauth_base(base);
            }
            if let Ok(base) = std::env::var("ZOOM_API_BASE") {
                builder = builder.api_base(base);
            }
            let client = builder.build().map_err(|e| e.to_string())?;
            println!();
            println!("Talking to Zoom at {}.", client.api_base());
            Ok((Target::Zoom, client))
        }
        [None, None, None] => {
            let zoom = MockZoom::start()
                .await
                .map_err(|e| format!("the mock Zoom could not start: {e}"))?;
            zoom.grant(scopes!("user:read:user", "meeting:write:meeting"));
            let client = zoom.client_builder().build().map_err(|e| e.to_string())?;
            println!();
            println!(
                "ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET are not set: running against \
                 the embedded mock Zoom at {}.",
                zoom.api_base()
            );
            Ok((Target::Mock(zoom), client))
        }
        _ => {
            let missing: Vec<&str> = names
                .iter()
                .zip(&values)
                .filter(|(_, value)| value.is_none())
                .map(|(name, _)| *name)
                .collect();
            Err(format!(
                "set all of ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, or none to use \
                 the mock; missing: {}",
                missing.join(", ")
            ))
        }
    }
}

/// Prints an operation's outcome. A scope the token lacks is reported and skipped; any other
/// failure ends the run.
fn report(
    op: &Operation,
    result: Result<Value, Error>,
    summary: impl FnOnce(&Value) -> String,
) -> Result<(), String> {
    match result {
        Ok(value) => {
            println!("  done    {op}: {}", summary(&value));
            Ok(())
        }
        Err(Error::MissingScopes { would_grant, .. }) => {
            let scope = would_grant
                .ranked()
                .first()
                .map_or("a scope Zoom does not document", |s| s.name());
            println!(
                "  skipped {op}: the token does not grant it; {scope} would (no request sent)"
            );
            Ok(())
        }
        Err(other) => Err(other.to_string()),
    }
}
