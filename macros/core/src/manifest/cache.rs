//! Finding and reading the annotated crate's manifest, once per content.
//!
//! The manifest is `$CARGO_MANIFEST_DIR/Cargo.toml`, or the file named by `ZOOM_SCOPES_MANIFEST`
//! (relative to the crate) for builds that keep the declaration elsewhere. One expansion per
//! crate includes the file's bytes and reads the variable with `option_env!`, so rustc records
//! both as inputs and Cargo rebuilds the crate when either changes.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use super::{Declared, ManifestError, declared_scopes};

/// The variable that points the macros at another manifest.
pub const OVERRIDE_VAR: &str = "ZOOM_SCOPES_MANIFEST";

/// A manifest's path and what it declares, or every problem with it as a message.
pub struct Manifest {
    /// Where the manifest is.
    pub path: PathBuf,
    /// Whether the file could be read (only then can rustc track it).
    pub found: bool,
    /// What it declares, or its problems.
    pub declared: Checked,
}

/// Where the manifest is; an error message when Cargo did not say.
pub fn locate() -> Result<PathBuf, String> {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let chosen = std::env::var_os(OVERRIDE_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    match (dir, chosen) {
        (Some(dir), Some(chosen)) => Ok(dir.join(chosen)),
        (None, Some(chosen)) => Ok(chosen),
        (Some(dir), None) => Ok(dir.join("Cargo.toml")),
        (None, None) => Err(format!(
            "cannot find the crate's Cargo.toml: CARGO_MANIFEST_DIR is not set\n\
             help: build with Cargo, or set {OVERRIDE_VAR} to the manifest that declares the scopes"
        )),
    }
}

/// Reads and checks the manifest at `path`.
pub fn load(path: PathBuf) -> Manifest {
    match cached_or_read(&path) {
        Ok(declared) => Manifest {
            path,
            found: true,
            declared,
        },
        Err(e) => Manifest {
            declared: Arc::new(Err(vec![
                ManifestError::unreadable(&path.display().to_string(), &e).to_string(),
            ])),
            path,
            found: false,
        },
    }
}

type Checked = Arc<Result<Declared, Vec<String>>>;

/// Every annotation of a crate asks for the same file, so the result is cached per process and
/// re-read only when the file's size or modification time changes (or, where the platform has
/// no modification time, its text).
fn cached_or_read(path: &Path) -> std::io::Result<Checked> {
    let stamp = Stamp::of(path);
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(entry) = entry(&mut cache, path)
        && stamp.is_some()
        && entry.stamp == stamp
    {
        return Ok(Arc::clone(&entry.declared));
    }
    let text = std::fs::read_to_string(path)?;
    if let Some(entry) = entry(&mut cache, path)
        && entry.text == text
    {
        entry.stamp = stamp;
        return Ok(Arc::clone(&entry.declared));
    }
    let shown = path.display().to_string();
    let declared = declared_scopes(&shown, &text)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect());
    let declared = Arc::new(declared);
    let fresh = Entry {
        path: path.to_owned(),
        stamp,
        text,
        declared: Arc::clone(&declared),
        tracked: false,
    };
    match entry(&mut cache, path) {
        Some(entry) => {
            let tracked = entry.tracked;
            *entry = Entry { tracked, ..fresh };
        }
        None => cache.push(fresh),
    }
    Ok(declared)
}

/// Whether the caller is the first in this process to make rustc track `path`; it then must.
///
/// rustc compiles one crate per process and records inputs per crate, so one `include_bytes!`
/// of the manifest covers every annotation; emitting it once keeps large crates fast.
pub fn claim_tracking(path: &Path) -> bool {
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    match entry(&mut cache, path) {
        Some(entry) => !std::mem::replace(&mut entry.tracked, true),
        None => true,
    }
}

/// One entry per manifest: a process sees one, or a few in a long-lived proc-macro server, so
/// a list compared by bytes beats hashing paths on every annotation.
static CACHE: Mutex<Vec<Entry>> = Mutex::new(Vec::new());

fn entry<'c>(cache: &'c mut [Entry], path: &Path) -> Option<&'c mut Entry> {
    cache
        .iter_mut()
        .find(|e| e.path.as_os_str() == path.as_os_str())
}

struct Entry {
    path: PathBuf,
    stamp: Option<Stamp>,
    text: String,
    declared: Checked,
    tracked: bool,
}

#[derive(PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok()?,
        })
    }
}
