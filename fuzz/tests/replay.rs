//! Replays every saved input in `regressions/<target>/` through the target's checks, the
//! functions the fuzz targets run, so a finding stays fixed once its input is kept there.

use std::fs;
use std::path::Path;

use zoom_scopes_fuzz::targets;

#[test]
fn saved_inputs_pass_their_targets_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    for (target, check) in targets::ALL {
        let dir = root.join(target);
        let mut inputs: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.expect("a directory entry").path())
            .collect();
        inputs.sort();
        assert!(!inputs.is_empty(), "no saved inputs for {target}");
        for input in inputs {
            let data = fs::read(&input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
            eprintln!("{target}: {}", input.display());
            check(&data);
        }
    }
}

#[test]
fn every_saved_input_belongs_to_a_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    for entry in fs::read_dir(root).expect("regressions/") {
        let name = entry.expect("a directory entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            targets::ALL.iter().any(|(target, _)| *target == name),
            "regressions/{name} names no fuzz target"
        );
    }
}
