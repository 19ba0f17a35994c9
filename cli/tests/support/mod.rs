//! Running the built `cargo-zoom-scopes` binary, and comparing its output with checked-in
//! snapshots under `tests/snapshots/` (`ZOOM_SCOPES_BLESS=1` rewrites them).

use std::path::PathBuf;
use std::process::Command;

/// What one run printed, and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary from the package directory, so fixture paths are `tests/fixtures/...`.
pub fn run(args: &[&str]) -> Run {
    run_in(env!("CARGO_MANIFEST_DIR"), args)
}

pub fn run_in(dir: &str, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_cargo-zoom-scopes"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs");
    let run = Run {
        code: output
            .status
            .code()
            .expect("exited, not killed by a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "{args:?} panicked:\n{}",
        run.stderr
    );
    assert!(
        !run.stdout.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
    run
}

impl Run {
    /// Asserts the exit code, showing both streams when it differs.
    pub fn exits(&self, code: i32) -> &Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}:\n{}", self.stdout))
    }
}

/// Compares `actual` with `tests/snapshots/<name>`.
pub fn snapshot(name: &str, actual: &str) {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "snapshots", name]
        .iter()
        .collect();
    if std::env::var_os("ZOOM_SCOPES_BLESS").is_some() {
        std::fs::write(&path, actual).expect("snapshot written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run with ZOOM_SCOPES_BLESS=1 to write it. Output:\n{actual}",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from its snapshot (ZOOM_SCOPES_BLESS=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}
