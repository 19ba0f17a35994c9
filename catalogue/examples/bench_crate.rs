//! Writes a crate with one function per unambiguous operation title, for compile-time
//! measurements (`benches/compile-time.sh`).
//!
//! `cargo run -p zoom-scopes-catalogue --example bench_crate -- DIR COUNT MODE`, where MODE is
//! `requires_api` (each function annotated), `identity` (the same attribute, for the script to
//! point at an identity macro) or `plain` (no attribute).
//! The manifest declares the least privileged scope of every operation used.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;

use zoom_scopes_tables::OperationId;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, count, mode] = args.as_slice() else {
        eprintln!("usage: bench_crate DIR COUNT requires_api|identity|plain");
        return ExitCode::from(2);
    };
    let (Ok(count), true) = (
        count.parse::<usize>(),
        matches!(mode.as_str(), "requires_api" | "identity" | "plain"),
    ) else {
        eprintln!("usage: bench_crate DIR COUNT requires_api|identity|plain");
        return ExitCode::from(2);
    };
    // Titles the macros take without `api` whose operation a classic scope grants (the crate
    // declares classic scopes), each once, in catalogue order.
    let mut seen = BTreeSet::new();
    let ops: Vec<OperationId> = OperationId::all()
        .filter(|op| {
            OperationId::find(op.title(), None) == Some(*op) && !op.granted_by().is_empty()
        })
        .filter(|op| seen.insert(op.title()))
        .take(count)
        .collect();
    let scopes: BTreeSet<&str> = ops
        .iter()
        .filter_map(|op| op.granted_by().first())
        .map(|s| s.name())
        .collect();
    let mut src = String::from("#![allow(deprecated, dead_code)]\n");
    for (i, op) in ops.iter().enumerate() {
        if mode != "plain" {
            src.push_str(&format!("#[zoom_scopes::requires_api({:?})]\n", op.title()));
        }
        src.push_str(&format!(
            "pub fn op_{i}(x: u32) -> u32 {{ x.wrapping_mul({i}) }}\n"
        ));
    }
    let runtime = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../runtime");
    let quoted: Vec<String> = scopes.iter().map(|s| format!("{s:?}")).collect();
    let manifest = format!(
        "[package]\nname = \"bench-{mode}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [package.metadata.zoom]\nscopes = [{}]\n\n[dependencies]\nzoom-scopes = {{ path = {:?}, default-features = false }}\n\n[workspace]\n",
        quoted.join(", "),
        runtime.display().to_string()
    );
    let dir = PathBuf::from(dir);
    let written = std::fs::create_dir_all(dir.join("src"))
        .and_then(|()| std::fs::write(dir.join("Cargo.toml"), manifest))
        .and_then(|()| std::fs::write(dir.join("src/lib.rs"), src));
    if let Err(e) = written {
        eprintln!("error: cannot write {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    println!("{} functions, {} scopes declared", ops.len(), scopes.len());
    ExitCode::SUCCESS
}
