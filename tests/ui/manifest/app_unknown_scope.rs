//! `#[app(manifest)]` reports a manifest's mistakes as `#[requires_api]` does, on `manifest`.
#[zoom_scopes::app(manifest)]
struct FromManifest;

fn main() {
    let _ = FromManifest;
}
