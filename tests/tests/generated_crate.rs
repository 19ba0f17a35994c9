//! The macro against the whole catalogue, at the compiler: crates generated with one
//! `#[requires_api]` function per operation, checked with `cargo check`.
//!
//! - every operation compiles when its least privileged granting scope is declared;
//! - a sample of operations each fails, at its own line, when only scopes outside the
//!   sample's granting sets are declared;
//! - editing only `Cargo.toml` re-runs the check (the macro makes rustc track the file);
//! - typed mode: a client generic over the app with one method per operation; an app type
//!   with the least privileged scopes calls every method, and one without `meeting:write`
//!   fails exactly at the calls that need it;
//! - granular scopes: every operation with granular scopes compiles when the crate declares
//!   each one's least privileged granular scope, and without `meeting:write:meeting` exactly
//!   those it alone grants fail, each naming it as the scope to add.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use zoom_scopes_catalogue::{Operation, ScopeId, classic};
use zoom_scopes_tables as tables;

/// Every how-many-th operation goes into the failing sample (1,490 / 6 = 249 functions).
const SAMPLE_STRIDE: usize = 6;

struct Crate {
    name: String,
    dir: PathBuf,
}

impl Crate {
    fn new(name: &str, ops: &[&Operation]) -> Crate {
        Crate::with_source(name, &source(ops))
    }

    fn with_source(name: &str, source: &str) -> Crate {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("generated-crates")
            .join(name);
        std::fs::create_dir_all(dir.join("src")).unwrap();
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        // The workspace's lock file pins the same dependency versions, so `--offline` works.
        std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
        std::fs::write(dir.join("src/lib.rs"), source).unwrap();
        Crate {
            name: name.to_owned(),
            dir,
        }
    }

    fn declare(&self, scopes: &[ScopeId]) {
        let c = classic();
        let names: Vec<&str> = scopes.iter().map(|&s| c.scope(s).name()).collect();
        self.declare_names(&names);
    }

    fn declare_names(&self, names: &[&str]) {
        let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
        self.write_manifest(&format!(
            "[package.metadata.zoom]\nscopes = [{}]\n\n",
            quoted.join(", ")
        ));
    }

    /// `Cargo.toml`, with `zoom` (the `[package.metadata.zoom]` table, or nothing) after
    /// `[package]`.
    fn write_manifest(&self, zoom: &str) {
        let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
        let manifest = format!(
            "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             {zoom}[dependencies]\nzoom-scopes = {{ path = {:?}, default-features = false }}\n\n[workspace]\n",
            self.name,
            runtime.canonicalize().unwrap().display().to_string()
        );
        std::fs::write(self.dir.join("Cargo.toml"), manifest).unwrap();
    }

    /// `cargo check`: success, and the (line, message) of each error in `src/lib.rs`.
    fn check(&self) -> (bool, Vec<(usize, String)>) {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("generated-crates/target");
        let out = Command::new(cargo)
            .args(["check", "--offline", "--quiet", "--message-format=json"])
            .env("CARGO_TARGET_DIR", target)
            .env_remove("ZOOM_SCOPES_MANIFEST")
            .current_dir(&self.dir)
            .output()
            .expect("cargo runs");
        let errors = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|m| m["reason"] == "compiler-message" && m["message"]["level"] == "error")
            .filter_map(|m| {
                let span = m["message"]["spans"].as_array()?.first()?.clone();
                let line = span["line_start"].as_u64()? as usize;
                Some((line, m["message"]["message"].as_str()?.to_owned()))
            })
            .collect();
        (out.status.success(), errors)
    }
}

/// Without `ZOOM_SCOPES_MANIFEST` the macros read the crate's own `Cargo.toml`, and name it when
/// it declares nothing. (The UI test of this message, `ui/manifest/missing_metadata.rs`, names
/// a manifest under `manifests/`: trybuild's crate is under the target directory, whose path
/// its snapshots cannot hold.)
#[test]
fn undeclared_crate_names_its_own_manifest() {
    let krate = Crate::with_source(
        "undeclared",
        "#[zoom_scopes::requires_api(\"Create a meeting\")]\npub fn create() {}\n",
    );
    krate.write_manifest("");
    let (ok, errors) = krate.check();
    assert!(!ok);
    // Cargo gives the crate its directory as the working directory resolves it.
    let manifest = krate.dir.canonicalize().unwrap().join("Cargo.toml");
    let expected = format!(
        "{} declares no Zoom scopes\n\
         help: add the scopes your Zoom app has, e.g.\n\
         [package.metadata.zoom]\n\
         scopes = [\"meeting:write\"]",
        manifest.display()
    );
    assert_eq!(errors, [(1, expected)]);
}

/// One function per operation, on lines 2, 4, 6, ...: function `i` is on line `2 * i + 3`
/// (its attribute on `2 * i + 2`).
fn source(ops: &[&Operation]) -> String {
    let c = classic();
    let mut src = String::from("#![allow(deprecated)]\n");
    for (i, op) in ops.iter().enumerate() {
        let api = c.api(op.api()).name();
        src.push_str(&format!(
            "#[zoom_scopes::requires_api({:?}, api = {:?})]\npub fn op_{i}() {{}}\n",
            op.title(),
            api
        ));
    }
    src
}

/// The least privileged scope of every operation (each once, in id order), and the same list
/// without `meeting:write`, which some operations need and no other scope in it grants.
fn least_and_without_meeting_write() -> (Vec<ScopeId>, Vec<ScopeId>) {
    let c = classic();
    let least: BTreeSet<ScopeId> = c
        .operations()
        .iter()
        .filter_map(|op| c.least_privileged(op.id()))
        .collect();
    let meeting_write = c.scope_named("meeting:write").unwrap().id();
    let fewer = least
        .iter()
        .copied()
        .filter(|&s| s != meeting_write)
        .collect();
    (least.into_iter().collect(), fewer)
}

fn attribute_line(i: usize) -> usize {
    2 * i + 2
}

#[test]
fn whole_catalogue_at_the_compiler() {
    let c = classic();
    let all: Vec<&Operation> = c.operations().iter().collect();
    let (least, fewer) = least_and_without_meeting_write();

    let krate = Crate::new("whole-catalogue", &all);
    krate.declare(&least);
    let (ok, errors) = krate.check();
    assert!(
        ok && errors.is_empty(),
        "least privileged scopes must compile: {errors:#?}"
    );

    // Drop one scope that some operations need and nothing else grants them in the set:
    // only those fail, and the check re-runs though only Cargo.toml changed.
    krate.declare(&fewer);
    let (ok, errors) = krate.check();
    assert!(
        !ok,
        "removing meeting:write from Cargo.toml must re-run the check"
    );
    let expected: Vec<usize> = (0..all.len())
        .filter(|&i| !c.covers(&fewer, all[i].id()))
        .map(attribute_line)
        .collect();
    let lines: Vec<usize> = errors.iter().map(|(l, _)| *l).collect();
    assert!(!expected.is_empty());
    assert_eq!(lines, expected);
    assert!(
        errors
            .iter()
            .all(|(_, m)| m.contains("help: add \"meeting:write\"")),
        "{errors:#?}"
    );
}

#[test]
fn outside_scopes_fail_every_function() {
    let c = classic();
    let sample: Vec<&Operation> = c.operations().iter().step_by(SAMPLE_STRIDE).collect();
    assert!(sample.len() >= 200, "{} functions", sample.len());
    let granting: BTreeSet<ScopeId> = sample
        .iter()
        .flat_map(|op| op.granted_by().iter().copied())
        .collect();
    let outside: Vec<ScopeId> = c
        .scopes()
        .iter()
        .map(|s| s.id())
        .filter(|s| !granting.contains(s))
        .collect();
    assert!(!outside.is_empty());

    let krate = Crate::new("outside-scopes", &sample);
    krate.declare(&outside);
    let (ok, errors) = krate.check();
    assert!(!ok);
    let lines: Vec<usize> = errors.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        lines,
        (0..sample.len()).map(attribute_line).collect::<Vec<_>>(),
        "one error per function"
    );
    for ((_, message), op) in errors.iter().zip(&sample) {
        assert!(
            message.starts_with(&format!("{:?}", op.title())),
            "{message}"
        );
        let least = c.scope(c.least_privileged(op.id()).unwrap()).name();
        assert!(
            message.contains(&format!("help: add \"{least}\"")),
            "{message}"
        );
    }
}

/// Typed mode: `Zoom<A>` with one method per operation, then, one call a line, every method
/// called through `Zoom<Least>` and through `Zoom<Fewer>`. Returns the source and the line of
/// the first call through `Fewer` (call `i` is on that line plus `i`).
fn typed_source(ops: &[&Operation], least: &[ScopeId], fewer: &[ScopeId]) -> (String, usize) {
    let c = classic();
    let names = |scopes: &[ScopeId]| {
        let names: Vec<String> = scopes
            .iter()
            .map(|&s| format!("{:?}", c.scope(s).name()))
            .collect();
        names.join(", ")
    };
    let mut src = String::from(
        "#![allow(deprecated)]\npub struct Zoom<A>(::core::marker::PhantomData<A>);\n\
         impl<A: ::zoom_scopes::App> Zoom<A> {\n",
    );
    for (i, op) in ops.iter().enumerate() {
        let api = c.api(op.api()).name();
        src.push_str(&format!(
            "#[zoom_scopes::requires_api({:?}, api = {:?}, app = A)]\npub fn op_{i}(&self) {{}}\n",
            op.title(),
            api
        ));
    }
    src.push_str(&format!(
        "}}\n#[zoom_scopes::app({})]\npub struct Least;\n#[zoom_scopes::app({})]\npub struct Fewer;\n",
        names(least),
        names(fewer)
    ));
    for app in ["Least", "Fewer"] {
        src.push_str(&format!("pub fn calls_{app}(zoom: &Zoom<{app}>) {{\n"));
        for i in 0..ops.len() {
            src.push_str(&format!("zoom.op_{i}();\n"));
        }
        src.push_str("}\n");
    }
    let first_fewer_call = src.lines().count() - ops.len();
    (src, first_fewer_call)
}

#[test]
fn typed_mode_over_the_whole_catalogue() {
    let c = classic();
    let all: Vec<&Operation> = c.operations().iter().collect();
    let (least, fewer) = least_and_without_meeting_write();
    let (source, first_fewer_call) = typed_source(&all, &least, &fewer);
    let krate = Crate::with_source("typed-catalogue", &source);
    krate.declare(&[]);
    let (ok, errors) = krate.check();
    assert!(!ok);
    let expected: Vec<usize> = (0..all.len())
        .filter(|&i| !c.covers(&fewer, all[i].id()))
        .map(|i| first_fewer_call + i)
        .collect();
    assert!(!expected.is_empty());
    let lines: Vec<usize> = errors.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, expected, "{errors:#?}");
    for (_, message) in &errors {
        assert!(
            message.starts_with("`Fewer` has no scope that grants"),
            "{message}"
        );
    }
}

/// The operations granular scopes grant that `(title, api = group)` names (a few titles are in
/// two groups whose names fold to one, "Contact Center" and "ContactCenter"), in table order.
fn granular_operations() -> Vec<tables::OperationId> {
    tables::OperationId::all()
        .filter(|op| !op.granular().is_empty())
        .filter(|&op| tables::OperationId::find(op.title(), Some(op.api().name())) == Some(op))
        .collect()
}

/// One function per operation, as [`source`] writes them.
fn granular_source(ops: &[tables::OperationId]) -> String {
    let mut src = String::from("#![allow(deprecated)]\n");
    for (i, op) in ops.iter().enumerate() {
        src.push_str(&format!(
            "#[zoom_scopes::requires_api({:?}, api = {:?})]\npub fn op_{i}() {{}}\n",
            op.title(),
            op.api().name()
        ));
    }
    src
}

#[test]
fn granular_scopes_at_the_compiler() {
    let ops = granular_operations();
    assert!(ops.len() >= 1_600, "{} functions", ops.len());
    // Each operation's least privileged granular scope, each once, in the order first needed.
    let mut least: Vec<tables::ScopeId> = Vec::new();
    for op in &ops {
        let scope = op.granular()[0];
        if !least.contains(&scope) {
            least.push(scope);
        }
    }
    let names =
        |scopes: &[tables::ScopeId]| -> Vec<&str> { scopes.iter().map(|s| s.name()).collect() };
    assert_eq!(
        tables::model_of(&least),
        Ok(tables::Model::Granular),
        "a granular declaration"
    );

    let krate = Crate::with_source("granular-catalogue", &granular_source(&ops));
    krate.declare_names(&names(&least));
    let (ok, errors) = krate.check();
    assert!(
        ok && errors.is_empty(),
        "least privileged granular scopes must compile: {errors:#?}"
    );

    // Without meeting:write:meeting, exactly the operations no other declared scope grants
    // fail, each naming it as the scope to add; editing only Cargo.toml re-runs the check.
    let dropped = tables::ScopeId::named("meeting:write:meeting").unwrap();
    let fewer: Vec<tables::ScopeId> = least.iter().copied().filter(|&s| s != dropped).collect();
    krate.declare_names(&names(&fewer));
    let (ok, errors) = krate.check();
    assert!(
        !ok,
        "removing a scope from Cargo.toml must re-run the check"
    );
    let expected: Vec<usize> = (0..ops.len())
        .filter(|&i| !ops[i].granular().iter().any(|s| fewer.contains(s)))
        .map(attribute_line)
        .collect();
    assert!(!expected.is_empty());
    let lines: Vec<usize> = errors.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, expected);
    for (_, message) in &errors {
        assert!(
            message.contains("is not granted by the granular scopes declared in")
                && message.contains("help: add \"meeting:write:meeting\""),
            "{message}"
        );
    }
}
