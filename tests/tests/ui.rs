//! Compile-time behaviour, checked with trybuild: what compiles, and every error's exact text.
//!
//! trybuild builds the cases in a crate of its own whose `Cargo.toml` has no
//! `[package.metadata.zoom]`, so each batch points the macros at a manifest under `manifests/`
//! with `ZOOM_SCOPES_MANIFEST`. The macros record that variable as a build input, so a batch
//! with another manifest recompiles. Bless changed output with `TRYBUILD=overwrite`.
//!
//! Cases under `ui/manifest/` run with `manifests/<case>.toml` (`app_<case>` with the same
//! manifest as `<case>`); those named `pass_*` must compile, the others must fail with their
//! `.stderr`. Cases under `ui/typed/` are apps calling the `typed-sdk` crate. This binary has
//! this one test, so setting the variable races with nothing.

use std::path::Path;

fn with_manifest(manifest: Option<&str>, cases: impl FnOnce(&trybuild::TestCases)) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // SAFETY: the only test in this binary; trybuild's cargo child inherits the variable.
    unsafe {
        match manifest {
            Some(m) => std::env::set_var("ZOOM_SCOPES_MANIFEST", root.join("manifests").join(m)),
            None => std::env::remove_var("ZOOM_SCOPES_MANIFEST"),
        }
    }
    let t = trybuild::TestCases::new();
    cases(&t);
    // Dropping `t` builds and checks the cases.
}

/// `pass_app_x` and `app_x` use the manifest of `pass_x` and `x`.
fn manifest_of(case: &str) -> String {
    let (pass, rest) = match case.strip_prefix("pass_") {
        Some(rest) => ("pass_", rest),
        None => ("", case),
    };
    format!("{pass}{}.toml", rest.strip_prefix("app_").unwrap_or(rest))
}

#[test]
fn ui() {
    // A batch of only failing cases runs `cargo check` (one with passing cases runs `cargo
    // build`): every error must show in `cargo check`, which is what editors run.
    with_manifest(Some("meeting.toml"), |t| t.compile_fail("ui/fail/*.rs"));
    with_manifest(Some("meeting.toml"), |t| t.pass("ui/pass/*.rs"));
    with_manifest(Some("meeting.toml"), |t| {
        t.compile_fail("ui/typed/fail/*.rs")
    });
    with_manifest(Some("meeting.toml"), |t| t.pass("ui/typed/pass/*.rs"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/manifest");
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .expect("ui/manifest")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".rs").map(str::to_owned))
        .collect();
    cases.sort();
    for case in cases {
        // `missing_metadata` uses trybuild's own Cargo.toml, which declares nothing.
        let manifest = (case != "missing_metadata").then(|| manifest_of(&case));
        let path = format!("ui/manifest/{case}.rs");
        with_manifest(manifest.as_deref(), |t| match case.starts_with("pass_") {
            true => t.pass(path),
            false => t.compile_fail(path),
        });
    }
}
