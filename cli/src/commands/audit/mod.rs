//! `audit [CRATE_DIR]`: the operations a crate uses against the scopes it declares.
//!
//! Reads the manifest (with the macros' manifest reader, which names file and line for every
//! problem), scans the sources ([`scan`], with the macros' argument grammar), lets the
//! catalogue's `audit` compute the findings over the tables, and renders them ([`report`]).

use std::path::{Path, PathBuf};

mod report;

use zoom_scopes_catalogue::audit::audit;
use zoom_scopes_macros_core::manifest::{self, Declared, ManifestError, ManifestErrorKind};
use zoom_scopes_tables::Level;

use super::{Failure, Status, answer};
use crate::cli::Deny;
use crate::render::Format;
use crate::scan;
use report::{AuditReport, Subject};

pub fn run(
    dir: &Path,
    level: Option<Level>,
    deny: &[Deny],
    format: Format,
) -> Result<Status, Failure> {
    let dir = crate_dir(dir)?;
    let place = |file: &str| shown(&dir, file);
    let manifest_path = place("Cargo.toml");
    let text = std::fs::read_to_string(dir.join("Cargo.toml"))
        .map_err(|e| Failure::new(ManifestError::unreadable(&manifest_path, &e).to_string()))?;
    let (declared, declares) = declared(&manifest_path, &text)?;
    let Some(package) = manifest::package_name(&text) else {
        return Err(Failure::new(format!(
            "{manifest_path} names no package: audit takes the directory of a package, not of \
             a workspace root"
        )));
    };
    let placed = |p: &scan::Problem| {
        let mut p = p.clone();
        p.file = place(&p.file);
        p.to_string()
    };
    let found = scan::scan(&dir, &manifest::target_paths(&text))
        .map_err(|problems| Failure(problems.iter().map(placed).collect()))?;
    for warning in &found.warnings {
        eprintln!("warning: {}", placed(warning));
    }
    let audit = audit(found.uses, &declared, level).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("{}:{}: {}", place(&e.file), e.line, e.error))
            .collect();
        Failure(lines)
    })?;
    let subject = Subject {
        name: package,
        dir,
        files: found.files,
        declares,
    };
    let report = AuditReport::new(audit, subject);
    let status = report.status(deny);
    answer(&report, format, status)
}

/// The crate directory `dir` names: the directory itself, or the one of a `Cargo.toml` path.
fn crate_dir(dir: &Path) -> Result<PathBuf, Failure> {
    let shown = dir.display();
    if !dir.exists() {
        return Err(Failure::new(format!("no such directory: {shown}")));
    }
    if dir.is_file() {
        return match dir.file_name() {
            Some(name) if name == "Cargo.toml" => {
                Ok(dir.parent().unwrap_or(Path::new(".")).to_path_buf())
            }
            _ => Err(Failure::new(format!(
                "{shown} is a file; audit takes the directory of a crate"
            ))),
        };
    }
    if !dir.join("Cargo.toml").is_file() {
        return Err(Failure::new(format!(
            "{shown} has no Cargo.toml; audit takes the directory of a crate"
        )));
    }
    Ok(dir.to_path_buf())
}

/// `file` (relative to the crate; empty for the crate directory itself) as the user can open
/// it from where they ran the command.
fn shown(dir: &Path, file: &str) -> String {
    if file.is_empty() {
        dir.display().to_string()
    } else if dir.as_os_str().is_empty() || dir == Path::new(".") {
        file.to_owned()
    } else {
        format!("{}/{file}", dir.display().to_string().trim_end_matches('/'))
    }
}

/// The declared scopes, and whether the manifest declares any table at all: a crate without
/// `[package.metadata.zoom]` is audited as declaring nothing.
fn declared(path: &str, text: &str) -> Result<(Declared, bool), Failure> {
    match manifest::declared_scopes(path, text) {
        Ok(d) => Ok((d, true)),
        Err(errors)
            if errors
                .iter()
                .all(|e| e.kind == ManifestErrorKind::MissingTable) =>
        {
            Ok((Declared::default(), false))
        }
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            Err(Failure(lines))
        }
    }
}
