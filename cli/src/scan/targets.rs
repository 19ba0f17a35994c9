//! The crate roots of a package directory: the ones Cargo finds by convention, and the ones
//! its `Cargo.toml` names with `path = ...`.

use std::path::{Path, PathBuf};

/// `src/lib.rs`, `src/main.rs`, then the targets of `src/bin/`, `examples/`, `tests/` and
/// `benches/`, each in name order, then `explicit`, the manifest's target paths relative to
/// `dir` (each root once).
pub fn roots(dir: &Path, explicit: &[String]) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = ["src/lib.rs", "src/main.rs"]
        .iter()
        .map(|f| dir.join(f))
        .filter(|p| p.is_file())
        .collect();
    for folder in ["src/bin", "examples", "tests", "benches"] {
        roots.extend(targets_in(&dir.join(folder)));
    }
    for path in explicit {
        let path = dir.join(path);
        if path.is_file() && !roots.contains(&path) {
            roots.push(path);
        }
    }
    roots
}

/// `*.rs` files of a target folder, and `*/main.rs` of its subfolders.
fn targets_in(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            if p.is_file() && p.extension().is_some_and(|e| e == "rs") {
                Some(p)
            } else if p.join("main.rs").is_file() {
                Some(p.join("main.rs"))
            } else {
                None
            }
        })
        .collect()
}
