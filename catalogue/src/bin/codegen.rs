//! `cargo codegen [--check]`: writes (or, with `--check`, verifies) the code generated from
//! the catalogue: the tables every other crate reads, and the runtime's scope constants and
//! marker traits.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zoom_scopes_catalogue::{classic, codegen, link, try_reference};

fn main() -> ExitCode {
    let check = std::env::args().skip(1).any(|a| a == "--check");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let root = root.canonicalize().unwrap_or(root);
    let reference = match try_reference() {
        Ok(reference) => reference,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let files = match codegen::files(classic(), &link::link(classic(), reference)) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut ok = true;
    for (path, text) in &files {
        ok &= update(&root.join(path), text, check);
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Writes `text` to `path` unless it is there already; with `check`, only reports.
fn update(path: &Path, text: &str, check: bool) -> bool {
    let shown = path.display();
    if std::fs::read_to_string(path).is_ok_and(|current| current == text) {
        println!("{shown} is up to date");
        return true;
    }
    if check {
        eprintln!("error: {shown} is stale; run `cargo codegen`");
        return false;
    }
    match std::fs::write(path, text) {
        Ok(()) => {
            println!("wrote {shown}");
            true
        }
        Err(e) => {
            eprintln!("error: cannot write {shown}: {e}");
            false
        }
    }
}
