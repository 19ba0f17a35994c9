//! Finding and reading the annotated crate's manifest, once per content.
//!
//! The manifest is `$CARGO_MANIFEST_DIR/Cargo.toml`, or the file named by `ZOOM_SCOPES_MANIFEST`
//! (relative to the crate) for builds that keep the declaration elsewhere. The expansion
//! includes the file's bytes and reads the variable with `option_env!`, so rustc records both as
//! inputs and Cargo rebuilds the crate when either changes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use zoom_scopes_catalogue::Catalogue;
use zoom_scopes_catalogue::manifest::{Declared, declared_scopes};

/// The variable that points the macros at another manifest.
pub const OVERRIDE_VAR: &str = "ZOOM_SCOPES_MANIFEST";

/// A manifest's path and what it declares, or every problem with it as a message.
pub struct Manifest {
    pub path: PathBuf,
    pub declared: Result<Declared, Vec<String>>,
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

/// Reads and checks the manifest at `path`. Parsed results are cached by content: every
/// annotation in a crate reads the same file.
pub fn load(catalogue: &Catalogue, path: PathBuf) -> Manifest {
    type Cache = HashMap<PathBuf, (String, Result<Declared, Vec<String>>)>;
    static CACHE: Mutex<Option<Cache>> = Mutex::new(None);

    let shown = path.display().to_string();
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            let declared = Err(vec![format!("cannot read {shown}: {e}")]);
            return Manifest { path, declared };
        }
    };
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    let cache = cache.get_or_insert_with(HashMap::new);
    if let Some((cached, declared)) = cache.get(&path) {
        if *cached == text {
            return Manifest {
                declared: declared.clone(),
                path,
            };
        }
    }
    let declared = declared_scopes(catalogue, &shown, &text)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect());
    cache.insert(path.clone(), (text, declared.clone()));
    Manifest { path, declared }
}
