//! Finding the operations a crate uses: every `#[requires_api]` and `operation!` in its
//! sources, parsed with syn.
//!
//! The scanner lives here, in the CLI: reading Rust source needs syn with its `full` and
//! `visit` features and proc-macro2's `span-locations`, which the proc macros' build, whose
//! time is budgeted, does without. The arguments of each use are read by the macros' own
//! grammar (`zoom_scopes_macros_core::args`), so the audit refuses exactly what the compiler
//! refuses, with the compiler's message. What the uses mean (missing, minimal, unused, broader)
//! is decided by [`audit`](zoom_scopes_catalogue::audit::audit) in the catalogue.
//!
//! Sources are found as Cargo finds them by convention: `src/lib.rs`, `src/main.rs`,
//! `src/bin/`, `examples/`, `tests/` and `benches/` (a file, or a directory with `main.rs`),
//! following `mod` declarations and `#[path]` attributes as rustc does. Every file is read
//! whatever its `#[cfg]`, since the audit is about what the crate may do in any build. The
//! macros are recognised by name, as `zoom_scopes::name`, or under a name a `use ... as ...` of
//! the file gives them or the crate. Uses written inside `macro_rules!` definitions, or inside
//! macro calls whose input is not a list of expressions, are not seen.

mod aliases;
mod targets;
mod visit;

use std::collections::HashSet;
use std::fmt;
use std::path::{Component, Path, PathBuf};

use proc_macro2::Span;
use syn::visit::Visit;
use zoom_scopes_catalogue::audit::Use;

use visit::{FileVisitor, ModDecl};

/// A problem in the audited sources, at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, relative to the crate directory.
    pub file: String,
    /// 1-based line and column, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl Problem {
    fn at(file: &str, span: Span, message: &str) -> Problem {
        let start = span.start();
        let known = start.line > 0;
        Problem {
            file: file.to_owned(),
            line: known.then_some(start.line),
            column: known.then_some(start.column + 1),
            message: message.to_owned(),
        }
    }

    fn in_file(file: &str, message: String) -> Problem {
        Problem {
            file: file.to_owned(),
            line: None,
            column: None,
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The uses found in a crate, and what could not be followed (which does not stop the audit).
#[derive(Debug, Default)]
pub struct Scan {
    pub uses: Vec<Use>,
    /// Files read, in the order read.
    pub files: Vec<String>,
    /// Where the title of each use starts on its line.
    /// Module declarations whose file is not there: the audit goes on without them.
    pub warnings: Vec<Problem>,
}

/// Scans the crate in `dir`, from its conventional roots and `explicit_targets` (the target
/// paths its manifest names). Fails with every problem found: a file that cannot be read or
/// parsed, or a use whose arguments the macro refuses.
pub fn scan(dir: &Path, explicit_targets: &[String]) -> Result<Scan, Vec<Problem>> {
    let roots = targets::roots(dir, explicit_targets);
    if roots.is_empty() {
        // The problem is with the crate directory itself: an empty file name stands for it.
        return Err(vec![Problem::in_file(
            "",
            "no Rust sources: found neither src/lib.rs nor src/main.rs, nor targets in src/bin/, \
             examples/, tests/ or benches/, nor target paths in Cargo.toml"
                .to_owned(),
        )]);
    }
    let mut walker = Walker {
        dir,
        seen: HashSet::new(),
        scan: Scan::default(),
        problems: Vec::new(),
    };
    for root in roots {
        walker.file(&root, Vec::new(), true);
    }
    if walker.problems.is_empty() {
        Ok(walker.scan)
    } else {
        Err(walker.problems)
    }
}

struct Walker<'a> {
    dir: &'a Path,
    seen: HashSet<PathBuf>,
    scan: Scan,
    problems: Vec<Problem>,
}

impl Walker<'_> {
    /// Reads one file of module `module`. `owns_dir` is true for crate roots, `mod.rs` and
    /// `#[path]` files, whose submodules sit beside them rather than in a directory of their
    /// own name.
    fn file(&mut self, path: &Path, module: Vec<String>, owns_dir: bool) {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if !self.seen.insert(key) {
            return;
        }
        let shown = self.shown(path);
        let text = match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    let message = "cannot read: not UTF-8 text".to_owned();
                    self.problems.push(Problem::in_file(&shown, message));
                    return;
                }
            },
            Err(e) => {
                self.problems
                    .push(Problem::in_file(&shown, format!("cannot read: {e}")));
                return;
            }
        };
        let ast = match syn::parse_file(&text) {
            Ok(ast) => ast,
            Err(e) => {
                let reason = e.to_string();
                // The lexer's own message says nothing about the cause.
                let reason = if reason == "cannot parse string into token stream" {
                    "it does not split into tokens: a delimiter, string or comment is not closed, \
                     or a character cannot start a token"
                        .to_owned()
                } else {
                    reason
                };
                let message = format!("does not parse as Rust: {reason}");
                self.problems.push(Problem::at(&shown, e.span(), &message));
                return;
            }
        };
        let mut visitor = FileVisitor::new(&shown, module.clone());
        visitor.visit_file(&ast);
        self.scan.uses.append(&mut visitor.uses);
        self.problems.append(&mut visitor.problems);
        self.scan.files.push(shown.clone());
        for decl in std::mem::take(&mut visitor.mods) {
            let mut child = module.clone();
            child.extend(decl.inline.iter().map(|m| m.name.clone()));
            child.push(decl.name.clone());
            match locate(path, owns_dir, &decl) {
                Ok((found, owns)) => self.file(&found, child, owns),
                Err(tried) => {
                    let tried: Vec<String> = tried.iter().map(|p| self.shown(p)).collect();
                    self.scan.warnings.push(Problem {
                        file: shown.clone(),
                        line: Some(decl.line),
                        column: None,
                        message: format!(
                            "module `{}` has no file (looked for {} in the crate); it is not audited",
                            decl.name,
                            tried.join(" and ")
                        ),
                    });
                }
            }
        }
    }

    /// `path` relative to the crate directory, with `/` separators.
    fn shown(&self, path: &Path) -> String {
        let path = normalise(path);
        let relative = path.strip_prefix(normalise(self.dir)).unwrap_or(&path);
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    }
}

/// The file of an out-of-line module, and whether it owns its directory; or the paths tried.
fn locate(file: &Path, owns_dir: bool, decl: &ModDecl) -> Result<(PathBuf, bool), Vec<PathBuf>> {
    let file_dir = file.parent().unwrap_or(Path::new(""));
    let mut dir = if owns_dir {
        file_dir.to_path_buf()
    } else {
        file_dir.join(file.file_stem().unwrap_or_default())
    };
    for m in &decl.inline {
        dir.push(m.path.as_deref().unwrap_or(&m.name));
    }
    if let Some(path) = &decl.path {
        // At a file's top level `#[path]` is relative to the file's directory; inside inline
        // modules, to the directory those modules stand for.
        let base = if decl.inline.is_empty() {
            file_dir
        } else {
            &dir
        };
        let candidate = base.join(path);
        return if candidate.is_file() {
            Ok((candidate, true))
        } else {
            Err(vec![candidate])
        };
    }
    let flat = dir.join(format!("{}.rs", decl.name));
    let nested = dir.join(&decl.name).join("mod.rs");
    if flat.is_file() {
        Ok((flat, false))
    } else if nested.is_file() {
        Ok((nested, true))
    } else {
        Err(vec![flat, nested])
    }
}

/// Removes `.` and resolves `..` without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_paths() {
        assert_eq!(normalise(Path::new("a/./b/../c")), PathBuf::from("a/c"));
        assert_eq!(normalise(Path::new("../x")), PathBuf::from("../x"));
    }

    #[test]
    fn problems_read_as_file_line_column() {
        let p = Problem {
            file: "src/lib.rs".into(),
            line: Some(3),
            column: Some(7),
            message: "m".into(),
        };
        assert_eq!(p.to_string(), "src/lib.rs:3:7: m");
        assert_eq!(
            Problem::in_file("Cargo.toml", "m".into()).to_string(),
            "Cargo.toml: m"
        );
    }
}
