#!/usr/bin/env bash
# Build cost of zoom-scopes to an app: a clean `cargo build` of a small generated binary that
# uses zoom-scopes with its default features (the `client` feature: reqwest, tokio and
# serde_json, plus what zoom-scopes brings itself: its proc macros, the catalogue tables, its own
# code and its other dependencies), against the same app written on reqwest + tokio + serde_json
# alone. The baseline's reqwest, tokio and serde_json lines carry the versions and features that
# zoom-scopes declares for them (read from cargo metadata, with tokio's `macros` and
# `rt-multi-thread` added, which both apps use for `#[tokio::main]`), and both apps start from
# this workspace's Cargo.lock, so the shared dependencies build alike and the difference is what
# zoom-scopes adds.
#
# The zoom-scopes app declares granular scopes in [package.metadata.zoom] and has three
# `#[requires_api]` functions calling Zoom through `zoom_scopes::client::Client`; the baseline
# has the same three functions on a bare `reqwest::Client` with a bearer token (JSON through
# serde_json, since zoom-scopes does not enable reqwest's `json` feature). Neither is run.
#
# Each run starts from an empty target directory, offline, in the dev profile; the two apps
# alternate so machine noise hits both alike. Both build with CARGO_INCREMENTAL=0: that is how
# Cargo builds crates.io dependencies, the way a user gets zoom-scopes (here it is a path
# dependency, which Cargo would otherwise compile incrementally). Also prints, untimed, the
# number of crates in each app's dependency graph and the ones only the zoom-scopes app has.
#
#   benches/app-build.sh [RUNS=5]
# Exits 1 when the ratio of the medians (zoom-scopes app / baseline) is over BUDGET (default 1.15).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
budget=${BUDGET:-1.15}
work="$root/target/bench/app-build"
command -v jq >/dev/null || { echo "app-build.sh needs jq" >&2; exit 2; }
cd "$root"
. "$root/benches/common.sh"

# zoom-scopes's own dependency entries; the `client` feature (its default) must be what enables
# reqwest, tokio and serde_json, or the baseline would not be the same stack.
meta=$(cargo metadata --format-version 1 --offline --no-deps |
  jq '.packages[] | select(.name == "zoom-scopes")')
for dep in reqwest tokio serde_json; do
  echo "$meta" | jq -e --arg d "dep:$dep" '.features.default == ["client"] and (.features.client | index($d))' >/dev/null ||
    { echo "expected zoom-scopes's default feature client to enable $dep" >&2; exit 2; }
done
# dep_line NAME [EXTRA_FEATURES_JSON]: zoom-scopes's dependency line for NAME, its features
# replaced by EXTRA_FEATURES_JSON when given, else kept.
dep_line() {
  echo "$meta" | jq -r --arg n "$1" --argjson extra "${2:-null}" '[.dependencies[]
    | select(.kind == null and .name == $n)] | if length == 1 then .[0] else error("no single \($n)") end
    | "\(.name) = { version = \"\(.req)\", default-features = \(.uses_default_features), features = \(($extra // .features) | tojson) }"'
}
main_features='["macros","rt-multi-thread"]'
tokio_all=$(echo "$meta" | jq -c --argjson m "$main_features" '.dependencies[] | select(.kind == null and .name == "tokio") | .features + $m')
zoom_deps="zoom-scopes = { path = \"$root/runtime\" }
$(dep_line serde_json)
$(dep_line tokio "$main_features")"
base_deps="$(dep_line reqwest)
$(dep_line serde_json)
$(dep_line tokio "$tokio_all")"

rm -rf "$work/with-zoom-scopes" "$work/baseline"
mkdir -p "$work/with-zoom-scopes/src" "$work/baseline/src"
cat > "$work/with-zoom-scopes/Cargo.toml" <<TOML
[package]
name = "app-with-zoom-scopes"
version = "0.0.0"
edition = "2024"
publish = false

[package.metadata.zoom]
scopes = ["user:read:user", "meeting:write:meeting", "meeting:read:list_meetings"]

[dependencies]
$zoom_deps

[workspace]
TOML
cat > "$work/baseline/Cargo.toml" <<TOML
[package]
name = "app-baseline"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
$base_deps

[workspace]
TOML

cat > "$work/with-zoom-scopes/src/main.rs" <<'RS'
use serde_json::{Value, json};
use zoom_scopes::client::{Client, ClientSecret, Error};
use zoom_scopes::{operation, requires_api};

#[requires_api("Get a user", api = "User")]
async fn get_user(zoom: &Client) -> Result<Value, Error> {
    zoom.get(operation!("Get a user", api = "User"), "/users/me")
        .await
}

#[requires_api("Create a meeting")]
async fn create_meeting(zoom: &Client, topic: &str) -> Result<Value, Error> {
    zoom.post(
        operation!("Create a meeting"),
        "/users/me/meetings",
        &json!({ "topic": topic, "type": 2, "duration": 30 }),
    )
    .await
}

#[requires_api("List meetings", api = "Meeting")]
async fn list_meetings(zoom: &Client) -> Result<Value, Error> {
    zoom.get(
        operation!("List meetings", api = "Meeting"),
        "/users/me/meetings",
    )
    .await
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_default()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let zoom = Client::builder()
        .server_to_server(
            env("ZOOM_ACCOUNT_ID"),
            env("ZOOM_CLIENT_ID"),
            ClientSecret::new(env("ZOOM_CLIENT_SECRET")),
        )
        .build()?;
    let user = get_user(&zoom).await?;
    println!("user {}", user["display_name"]);
    let meeting = create_meeting(&zoom, "app-build").await?;
    println!("meeting {}", meeting["id"]);
    let page = list_meetings(&zoom).await?;
    println!("{} meeting(s)", page["total_records"]);
    Ok(())
}
RS

cat > "$work/baseline/src/main.rs" <<'RS'
use serde_json::{Value, json};

type Error = Box<dyn std::error::Error + Send + Sync>;

const OAUTH_BASE: &str = "https://zoom.us";
const API_BASE: &str = "https://api.zoom.us/v2";

/// A reqwest client and a Server-to-Server OAuth access token.
struct Zoom {
    http: reqwest::Client,
    token: String,
}

impl Zoom {
    async fn connect(account_id: &str, client_id: &str, secret: &str) -> Result<Self, Error> {
        let http = reqwest::Client::builder().build()?;
        let response = http
            .post(format!("{OAUTH_BASE}/oauth/token"))
            .basic_auth(client_id, Some(secret))
            .form(&[("grant_type", "account_credentials"), ("account_id", account_id)])
            .send()
            .await?
            .error_for_status()?;
        let body: Value = serde_json::from_slice(&response.bytes().await?)?;
        let token = body["access_token"]
            .as_str()
            .ok_or("no access_token in the token response")?
            .to_owned();
        Ok(Zoom { http, token })
    }

    async fn get(&self, path: &str) -> Result<Value, Error> {
        let response = self
            .http
            .get(format!("{API_BASE}{path}"))
            .bearer_auth(&self.token)
            .send()
            .await?
            .error_for_status()?;
        Ok(serde_json::from_slice(&response.bytes().await?)?)
    }

    async fn post(&self, path: &str, body: &Value) -> Result<Value, Error> {
        let response = self
            .http
            .post(format!("{API_BASE}{path}"))
            .bearer_auth(&self.token)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(serde_json::to_vec(body)?)
            .send()
            .await?
            .error_for_status()?;
        Ok(serde_json::from_slice(&response.bytes().await?)?)
    }
}

async fn get_user(zoom: &Zoom) -> Result<Value, Error> {
    zoom.get("/users/me").await
}

async fn create_meeting(zoom: &Zoom, topic: &str) -> Result<Value, Error> {
    zoom.post(
        "/users/me/meetings",
        &json!({ "topic": topic, "type": 2, "duration": 30 }),
    )
    .await
}

async fn list_meetings(zoom: &Zoom) -> Result<Value, Error> {
    zoom.get("/users/me/meetings").await
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_default()
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let zoom = Zoom::connect(
        &env("ZOOM_ACCOUNT_ID"),
        &env("ZOOM_CLIENT_ID"),
        &env("ZOOM_CLIENT_SECRET"),
    )
    .await?;
    let user = get_user(&zoom).await?;
    println!("user {}", user["display_name"]);
    let meeting = create_meeting(&zoom, "app-build").await?;
    println!("meeting {}", meeting["id"]);
    let page = list_meetings(&zoom).await?;
    println!("{} meeting(s)", page["total_records"]);
    Ok(())
}
RS

# Same dependency versions as the workspace.
cp "$root/Cargo.lock" "$work/with-zoom-scopes/Cargo.lock"
cp "$root/Cargo.lock" "$work/baseline/Cargo.lock"
echo "--- dependencies"
echo "  with-zoom-scopes:"; echo "$zoom_deps" | sed 's/^/    /'
echo "  baseline:"; echo "$base_deps" | sed 's/^/    /'

# Untimed: the crates in each app's graph (name and version, the app itself included). This
# resolution also settles each app's Cargo.lock, so the timed builds below can be --locked.
crates() { # app, edge kinds
  (cd "$work/$1" && cargo tree -q --offline -e "$2" --prefix none) | awk '{print $1, $2}' | sort -u
}
echo "--- crates in the dependency graph (cargo tree, the app included)"
for edges in normal normal,build; do
  printf '  %-17s with-zoom-scopes %4s   baseline %4s\n' "-e $edges:" \
    "$(crates with-zoom-scopes $edges | wc -l)" "$(crates baseline $edges | wc -l)"
done
echo "  only in with-zoom-scopes (-e normal,build), the app aside:"
comm -23 <(crates with-zoom-scopes normal,build) <(crates baseline normal,build) |
  grep -v '^app-with-zoom-scopes ' | sed 's/^/    /'
only_base=$(comm -13 <(crates with-zoom-scopes normal,build) <(crates baseline normal,build) | grep -v '^app-baseline ' || true)
[ -z "$only_base" ] || { echo "  only in baseline:"; echo "$only_base" | sed 's/^/    /'; }

# Clean build of one app; prints milliseconds.
build() {
  local target="$work/target-$1"
  rm -rf "$target"
  local start
  start=$(now)
  (cd "$work/$1" && CARGO_INCREMENTAL=0 cargo build -q --offline --locked --target-dir "$target")
  echo $(( ($(now) - start) / 1000000 ))
}

# One untimed build of each first: the first build after the sources change reads them and the
# registry's crates from disk, which would count against whichever app comes first.
for v in with-zoom-scopes baseline; do
  build $v >/dev/null
done

declare -A times
for ((r = 0; r < runs; r++)); do
  for v in with-zoom-scopes baseline; do
    times[$v]+="$(build $v) "
  done
done
rm -rf "$work"/target-*

echo "--- clean cargo build (dev profile, offline, CARGO_INCREMENTAL=0), $runs runs each, alternating (ms):"
z=$(echo "${times[with-zoom-scopes]}" | median)
b=$(echo "${times[baseline]}" | median)
printf '  %-32s median %6s   runs: %s\n' "with zoom-scopes" "$z" "${times[with-zoom-scopes]}"
printf '  %-32s median %6s   runs: %s\n' "reqwest+tokio+serde_json only" "$b" "${times[baseline]}"
awk -v z="$z" -v b="$b" -v budget="$budget" 'BEGIN {
  r = z / b
  printf "  ratio: %.2f (budget <= %s): %s\n", r, budget, (r <= budget) ? "pass" : "MISS"
  exit (r <= budget) ? 0 : 1 }'
