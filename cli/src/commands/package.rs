//! Reading a crate as `audit` and `migrate` do: its manifest's declared scopes (with the
//! macros' manifest reader, which names file and line for every problem) and the uses of the
//! macros in its sources ([`scan`]).

use std::path::{Path, PathBuf};

use zoom_scopes_catalogue::audit::UseError;
use zoom_scopes_macros_core::manifest::{self, Declared, ManifestError, ManifestErrorKind};
use zoom_scopes_tables::ScopeId;

use super::Failure;
use crate::scan::{self, Scan};

/// A crate, read.
pub struct Package {
    /// The directory, as given (or the one of the `Cargo.toml` given).
    pub dir: PathBuf,
    /// The package name.
    pub name: String,
    /// The manifest's text.
    pub text: String,
    /// The declared scopes and extra grants.
    pub declared: Declared,
    /// Whether the manifest has a `[package.metadata.zoom]` table.
    pub declares: bool,
    /// The uses found in the sources.
    pub found: Scan,
}

impl Package {
    /// Reads the crate in `dir` for `command` (named in messages). Every problem is an input
    /// error; the scanner's warnings are printed to standard error.
    pub fn read(dir: &Path, command: &str) -> Result<Package, Failure> {
        let dir = crate_dir(dir, command)?;
        let place = |file: &str| shown(&dir, file);
        let manifest_path = place("Cargo.toml");
        let text = std::fs::read_to_string(dir.join("Cargo.toml"))
            .map_err(|e| Failure::new(ManifestError::unreadable(&manifest_path, &e).to_string()))?;
        // The reader refuses a declaration of both scope models, with the macros' message.
        let (declared, declares) = declared(&manifest_path, &text)?;
        let Some(name) = manifest::package_name(&text) else {
            return Err(Failure::new(format!(
                "{manifest_path} names no package: {command} takes the directory of a package, \
                 not of a workspace root"
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
        Ok(Package {
            dir,
            name,
            text,
            declared,
            declares,
            found,
        })
    }

    /// `file` (relative to the crate) as the user can open it from where they ran the command.
    pub fn place(&self, file: &str) -> String {
        shown(&self.dir, file)
    }

    /// Each declared scope, its line in `Cargo.toml` and its column there when found.
    pub fn declared_at(&self) -> Vec<(ScopeId, usize, Option<usize>)> {
        self.declared
            .scopes
            .iter()
            .map(|d| {
                let column = scope_column(&self.text, d.line, d.scope.name());
                (d.scope, d.line, column)
            })
            .collect()
    }
}

/// The refusal of an audit whose uses name no one operation: each use's place and error.
pub fn use_errors(dir: &Path, errors: &[UseError]) -> Failure {
    let lines = errors
        .iter()
        .map(|e| format!("{}:{}: {}", shown(dir, &e.file), e.line, e.error))
        .collect();
    Failure(lines)
}

/// The crate directory `dir` names: the directory itself, or the one of a `Cargo.toml` path.
fn crate_dir(dir: &Path, command: &str) -> Result<PathBuf, Failure> {
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
                "{shown} is a file; {command} takes the directory of a crate"
            ))),
        };
    }
    if !dir.join("Cargo.toml").is_file() {
        return Err(Failure::new(format!(
            "{shown} has no Cargo.toml; {command} takes the directory of a crate"
        )));
    }
    Ok(dir.to_path_buf())
}

/// `file` (relative to the crate; empty for the crate directory itself) as the user can open
/// it from where they ran the command.
pub fn shown(dir: &Path, file: &str) -> String {
    if file.is_empty() {
        dir.display().to_string()
    } else if dir.as_os_str().is_empty() || dir == Path::new(".") {
        file.to_owned()
    } else {
        format!("{}/{file}", dir.display().to_string().trim_end_matches('/'))
    }
}

/// The 1-based column (in characters) of the string `scope` on line `line` of the manifest: the
/// first one, quoted either way TOML quotes it.
fn scope_column(text: &str, line: usize, scope: &str) -> Option<usize> {
    let on_line = text.lines().nth(line.checked_sub(1)?)?;
    let at = [format!("\"{scope}\""), format!("'{scope}'")]
        .iter()
        .filter_map(|quoted| on_line.find(quoted.as_str()))
        .min()?;
    Some(on_line[..at].chars().count() + 1)
}

/// The declared scopes, and whether the manifest declares any table at all: a crate without
/// `[package.metadata.zoom]` is read as declaring nothing.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_of_declared_scopes() {
        let text = "[package.metadata.zoom]\nscopes = [\"a:b\", 'é', \"a\"]\n";
        assert_eq!(scope_column(text, 2, "a:b"), Some(11));
        assert_eq!(scope_column(text, 2, "é"), Some(18));
        assert_eq!(scope_column(text, 2, "a"), Some(23));
        assert_eq!(scope_column(text, 1, "a"), None);
        assert_eq!(scope_column(text, 9, "a"), None);
        assert_eq!(scope_column(text, 0, "a"), None);
    }
}
