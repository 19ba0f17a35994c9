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
//!
//! No snapshot may name a path under the target directory: trybuild rewrites only the
//! checkout's paths (`$DIR`, `$WORKSPACE`), so such a snapshot passes with the default target
//! directory and fails with `CARGO_TARGET_DIR` elsewhere. Every case therefore names its
//! manifest under `manifests/`, even `missing_metadata` (a crate's manifest without the table);
//! that the macros read the crate's own `Cargo.toml` when the variable is unset is checked in
//! `generated_crate.rs`, where the crate's path is known.
//!
//! The cases are in two groups (see `ui/README.md`):
//!
//! - the project's own messages (`compile_error!` from the macros, rendered in rustc's
//!   long-stable snippet layout): `ui/fail/`, `ui/pass/`, `ui/typed/`, `ui/manifest/`. These
//!   always run.
//! - `ui/rustc-layout/`: errors rustc words and lays out itself, with the project's text only
//!   inside them (trait-bound errors from `#[diagnostic::on_unimplemented]` in typed mode, the
//!   `deprecated` lint). Their snapshots change with rustc, so they run only on the toolchain
//!   they were blessed with, recorded in `ui/rustc-layout/RUSTC_VERSION` (the output of
//!   `rustc --version`); on any other toolchain they are skipped, with a notice on stderr.
//!   `TRYBUILD=overwrite` runs them on any toolchain and records that toolchain in the file.

use std::io::Write;
use std::path::Path;
use std::process::Command;

/// The cases whose snapshots hold rustc's own diagnostics, under `CARGO_MANIFEST_DIR`.
const RUSTC_LAYOUT: &str = "ui/rustc-layout";
/// Their globs, relative to `CARGO_MANIFEST_DIR` as trybuild takes them; all must fail.
const RUSTC_LAYOUT_CASES: [&str; 2] = [
    "ui/rustc-layout/fail/*.rs",
    "ui/rustc-layout/typed/fail/*.rs",
];

fn with_manifest(manifest: &str, cases: impl FnOnce(&trybuild::TestCases)) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("manifests")
        .join(manifest);
    // SAFETY: the only test in this binary; trybuild's cargo child inherits the variable.
    unsafe { std::env::set_var("ZOOM_SCOPES_MANIFEST", path) };
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

/// The `.rs` cases directly in `dir` (relative to `CARGO_MANIFEST_DIR`), sorted, without
/// the extension.
fn cases_in(dir: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut cases: Vec<String> = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".rs").map(str::to_owned))
        .collect();
    cases.sort();
    cases
}

/// `rustc --version` of the compiler trybuild's cargo uses: `$RUSTC`, else `rustc` on the
/// `PATH` (under rustup, the toolchain this test runs with); `None` if it does not run.
fn running_rustc() -> Option<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc).arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Group (b): runs the `ui/rustc-layout/` cases if this is the toolchain they were blessed with
/// or `TRYBUILD=overwrite` is set (which then records this toolchain); else says why not.
fn rustc_layout_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let version_file = root.join(RUSTC_LAYOUT).join("RUSTC_VERSION");
    let blessed = std::fs::read_to_string(&version_file)
        .unwrap_or_else(|e| panic!("{}: {e}", version_file.display()));
    let blessed = blessed.trim();
    let running = running_rustc();
    let overwrite = std::env::var_os("TRYBUILD").is_some_and(|v| v == "overwrite");
    if running.as_deref() == Some(blessed) || overwrite {
        with_manifest("meeting.toml", |t| {
            for cases in RUSTC_LAYOUT_CASES {
                t.compile_fail(cases);
            }
        });
        if let Some(running) = running
            && running != blessed
        {
            // Only reached with `TRYBUILD=overwrite`: the snapshots are now this toolchain's.
            std::fs::write(&version_file, format!("{running}\n"))
                .unwrap_or_else(|e| panic!("{}: {e}", version_file.display()));
        }
        return;
    }
    let skipped: Vec<String> = RUSTC_LAYOUT_CASES
        .iter()
        .flat_map(|glob| {
            let dir = glob.strip_suffix("/*.rs").expect("a directory's cases");
            cases_in(dir)
                .into_iter()
                .map(move |case| format!("{dir}/{case}.rs"))
        })
        .collect();
    let running = running.unwrap_or_else(|| "a rustc whose `--version` did not run".to_owned());
    // Straight to stderr, as trybuild writes: libtest would capture `eprintln!`.
    let _ = writeln!(
        std::io::stderr(),
        "\nnote: skipped {n} UI cases whose snapshots hold rustc's own diagnostic layout, \
         because they were blessed with `{blessed}` (tests/{RUSTC_LAYOUT}/RUSTC_VERSION) and \
         this is `{running}`:\n    {list}\n\
         The other UI cases ran. To check these on this toolchain, re-bless them with\n    \
         TRYBUILD=overwrite cargo test -p zoom-scopes-tests --test ui\n\
         which rewrites their .stderr files and RUSTC_VERSION; review the diff before \
         keeping it.\n",
        n = skipped.len(),
        list = skipped.join("\n    "),
    );
}

#[test]
fn ui() {
    // Group (a): the project's own messages, on every toolchain.
    // A batch of only failing cases runs `cargo check` (one with passing cases runs `cargo
    // build`): every error must show in `cargo check`, which is what editors run.
    with_manifest("meeting.toml", |t| t.compile_fail("ui/fail/*.rs"));
    with_manifest("meeting.toml", |t| t.pass("ui/pass/*.rs"));
    with_manifest("meeting.toml", |t| t.compile_fail("ui/typed/fail/*.rs"));
    with_manifest("meeting.toml", |t| t.pass("ui/typed/pass/*.rs"));
    for case in cases_in("ui/manifest") {
        let manifest = manifest_of(&case);
        let path = format!("ui/manifest/{case}.rs");
        with_manifest(&manifest, |t| match case.starts_with("pass_") {
            true => t.pass(path),
            false => t.compile_fail(path),
        });
    }
    // Group (b): rustc's own wording and layout, on the toolchain the snapshots are from.
    rustc_layout_cases();
}
