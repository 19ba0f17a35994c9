//! `cargo codegen [--check]`: writes (or, with `--check`, verifies) the runtime crate's tables
//! generated from the catalogue.

use std::path::PathBuf;
use std::process::ExitCode;

use zoom_scopes_catalogue::{classic, codegen};

fn main() -> ExitCode {
    let check = std::env::args().skip(1).any(|a| a == "--check");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let path = root.join("runtime/src/generated/tables.rs");
    let text = match codegen::runtime_tables(classic()) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current == text {
        println!("{} is up to date", path.display());
        return ExitCode::SUCCESS;
    }
    if check {
        eprintln!("error: {} is stale; run `cargo codegen`", path.display());
        return ExitCode::FAILURE;
    }
    match std::fs::write(&path, text) {
        Ok(()) => {
            println!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
