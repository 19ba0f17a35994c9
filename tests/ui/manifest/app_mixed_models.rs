//! `#[app(manifest)]` with a manifest that mixes the models: the same one error, on `manifest`.
#[zoom_scopes::app(manifest)]
struct FromManifest;

fn main() {
    let _ = FromManifest;
}
