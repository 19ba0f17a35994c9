//! Reading the scopes a crate declares in its `Cargo.toml`:
//!
//! ```toml
//! [package.metadata.zoom]
//! scopes = ["meeting:write", "user:read"]
//! ```
//!
//! Every problem is reported with the manifest's path and the line it is on, since the compiler
//! cannot point into a `Cargo.toml` itself.

use std::fmt;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::{Catalogue, ScopeId};
use crate::resolve::ScopeError;

/// What to write when a manifest declares nothing.
pub const EXAMPLE: &str = "[package.metadata.zoom]\nscopes = [\"meeting:write\"]";

/// The keys `[package.metadata.zoom]` understands.
const KEYS: [&str; 1] = ["scopes"];

/// One declared scope and where it was declared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclaredScope {
    /// The documented scope.
    pub scope: ScopeId,
    /// 1-based line in the manifest.
    pub line: usize,
}

/// The scopes a manifest declares, in the order written, without repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Declared {
    /// The declared scopes.
    pub scopes: Vec<DeclaredScope>,
}

impl Declared {
    /// The declared scope ids.
    pub fn ids(&self) -> Vec<ScopeId> {
        self.scopes.iter().map(|d| d.scope).collect()
    }
}

/// A problem with a manifest's scope declaration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestError {
    /// The manifest's path, as given.
    pub path: String,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// What is wrong.
    pub kind: ManifestErrorKind,
}

/// What is wrong with a manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ManifestErrorKind {
    /// The file could not be read.
    Unreadable(String),
    /// The file is not valid TOML.
    Malformed(String),
    /// There is no `[package.metadata.zoom]` table.
    MissingTable,
    /// The table has no `scopes` key.
    MissingScopes,
    /// A key the table does not understand (a typo, most often).
    UnknownKey(String),
    /// `package`, `metadata`, `zoom` or `scopes` has the wrong type.
    WrongType {
        /// The dotted key.
        key: String,
        /// The type it must have.
        expected: &'static str,
        /// The type it has.
        found: &'static str,
    },
    /// An element of `scopes` is not a string.
    NotAString {
        /// 0-based position in the list.
        index: usize,
        /// The type it has.
        found: &'static str,
    },
    /// An element of `scopes` is not a documented scope.
    UnknownScope(ScopeError),
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = match self.line {
            Some(line) => format!("{}:{line}", self.path),
            None => self.path.clone(),
        };
        match &self.kind {
            ManifestErrorKind::Unreadable(reason) => write!(f, "cannot read {at}: {reason}"),
            ManifestErrorKind::Malformed(reason) => write!(f, "{at} is not valid TOML: {reason}"),
            ManifestErrorKind::MissingTable => write!(
                f,
                "{at} declares no Zoom scopes\nhelp: add the scopes your Zoom app has, e.g.\n{EXAMPLE}"
            ),
            ManifestErrorKind::MissingScopes => write!(
                f,
                "[package.metadata.zoom] in {at} has no `scopes` list\n\
                 help: add the scopes your Zoom app has, e.g. scopes = [\"meeting:write\"]"
            ),
            ManifestErrorKind::UnknownKey(key) => {
                write!(f, "unknown key `{key}` in [package.metadata.zoom] at {at}")?;
                match crate::suggest::closest(key, KEYS, 1).first() {
                    Some(known) => write!(f, "\nhelp: did you mean `{known}`?"),
                    None => write!(f, "\nhelp: the known keys are: {}", KEYS.join(", ")),
                }
            }
            ManifestErrorKind::WrongType {
                key,
                expected,
                found,
            } => {
                write!(f, "`{key}` in {at} must be {expected}, found {found}")?;
                if key.ends_with("scopes") {
                    f.write_str("\nhelp: write it as scopes = [\"meeting:write\", \"user:read\"]")?;
                }
                Ok(())
            }
            ManifestErrorKind::NotAString { index, found } => write!(
                f,
                "scope #{} in [package.metadata.zoom] at {at} must be a string, found {found}\n\
                 help: write each scope as a quoted string, e.g. \"meeting:write\"",
                index + 1
            ),
            ManifestErrorKind::UnknownScope(e) => write!(f, "{at}: {e}"),
        }
    }
}

impl std::error::Error for ManifestError {}

/// Reads the declared scopes from a manifest's text. All problems are returned, not only the
/// first; `path` is used in messages only.
pub fn declared_scopes(
    catalogue: &Catalogue,
    path: &str,
    text: &str,
) -> Result<Declared, Vec<ManifestError>> {
    let lines = LineIndex::new(text);
    let error = |span: Option<Range<usize>>, kind| ManifestError {
        path: path.to_owned(),
        line: span.map(|s| lines.line(s.start)),
        kind,
    };
    let root = DeTable::parse(text).map_err(|e| {
        let reason = e.message().trim().to_owned();
        vec![error(e.span(), ManifestErrorKind::Malformed(reason))]
    })?;
    let zoom = ["package", "metadata", "zoom"].iter().try_fold(
        (root.get_ref(), root.span()),
        |(table, _), key| {
            let value = get(table, key)
                .ok_or_else(|| vec![error(None, ManifestErrorKind::MissingTable)])?;
            match value.get_ref() {
                DeValue::Table(t) => Ok((t, value.span())),
                other => Err(vec![error(
                    Some(value.span()),
                    wrong_type(key, "a table", other),
                )]),
            }
        },
    )?;
    let (zoom, zoom_span) = zoom;
    let mut errors = Vec::new();
    for (key, _) in zoom.iter() {
        if !KEYS.contains(&key.get_ref().as_ref()) {
            errors.push(error(
                Some(key.span()),
                ManifestErrorKind::UnknownKey(key.get_ref().to_string()),
            ));
        }
    }
    let Some(scopes) = get(zoom, "scopes") else {
        // A misspelt key was reported above; "no scopes" would say the same thing twice.
        if errors.is_empty() {
            errors.push(error(Some(zoom_span), ManifestErrorKind::MissingScopes));
        }
        return Err(errors);
    };
    let DeValue::Array(items) = scopes.get_ref() else {
        errors.push(error(
            Some(scopes.span()),
            wrong_type("scopes", "a list of strings", scopes.get_ref()),
        ));
        return Err(errors);
    };
    let mut declared = Declared::default();
    for (index, item) in items.iter().enumerate() {
        let span = Some(item.span());
        let DeValue::String(name) = item.get_ref() else {
            errors.push(error(
                span,
                ManifestErrorKind::NotAString {
                    index,
                    found: type_name(item.get_ref()),
                },
            ));
            continue;
        };
        match catalogue.resolve_scope(name) {
            Ok(scope) if declared.scopes.iter().any(|d| d.scope == scope.id()) => {}
            Ok(scope) => declared.scopes.push(DeclaredScope {
                scope: scope.id(),
                line: lines.line(item.span().start),
            }),
            Err(e) => errors.push(error(span, ManifestErrorKind::UnknownScope(e))),
        }
    }
    if errors.is_empty() {
        Ok(declared)
    } else {
        Err(errors)
    }
}

fn get<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == key)
        .map(|(_, v)| v)
}

fn wrong_type(key: &str, expected: &'static str, found: &DeValue<'_>) -> ManifestErrorKind {
    let key = match key {
        "metadata" => "package.metadata",
        "zoom" => "package.metadata.zoom",
        other => other,
    };
    ManifestErrorKind::WrongType {
        key: key.to_owned(),
        expected,
        found: type_name(found),
    }
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// Byte offset to 1-based line number.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic;

    fn read(text: &str) -> Result<Vec<&'static str>, Vec<String>> {
        let c = classic();
        declared_scopes(c, "Cargo.toml", text)
            .map(|d| d.scopes.iter().map(|s| c.scope(s.scope).name()).collect())
            .map_err(|es| es.iter().map(ToString::to_string).collect())
    }

    const HEAD: &str = "[package]\nname = \"app\"\nversion = \"0.1.0\"\n";

    #[test]
    fn reads_declared_scopes_in_order_without_repeats() {
        let text = format!(
            "{HEAD}\n[package.metadata.zoom]\nscopes = [\"user:read\", \"meeting:write\", \"user:read\"]\n"
        );
        assert_eq!(read(&text).unwrap(), ["user:read", "meeting:write"]);
        let inline = format!("{HEAD}metadata = {{ zoom = {{ scopes = [] }} }}\n");
        assert_eq!(read(&inline).unwrap(), Vec::<&str>::new());
    }

    #[test]
    fn lines_are_reported() {
        let text = format!(
            "{HEAD}\n[package.metadata.zoom]\nscopes = [\n  \"meeting:write\",\n  \"division:write:admin\",\n]\n"
        );
        let errors = read(&text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("Cargo.toml:8: unknown Zoom scope \"division:write:admin\""),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].contains("did you mean \"division:wirte:admin\""),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn missing_table_says_what_to_add() {
        let errors = read(HEAD).unwrap_err();
        assert!(
            errors[0].contains("declares no Zoom scopes"),
            "{}",
            errors[0]
        );
        assert!(errors[0].contains(EXAMPLE));
        let errors = read(&format!("{HEAD}[package.metadata.docs]\nx = 1\n")).unwrap_err();
        assert!(errors[0].contains("declares no Zoom scopes"));
        let errors = read(&format!("{HEAD}[package.metadata.zoom]\n")).unwrap_err();
        assert!(errors[0].contains("has no `scopes` list"), "{}", errors[0]);
    }

    #[test]
    fn wrong_types_are_named() {
        let errors = read(&format!(
            "{HEAD}[package.metadata.zoom]\nscopes = \"meeting:write\"\n"
        ))
        .unwrap_err();
        assert!(
            errors[0]
                .starts_with("`scopes` in Cargo.toml:5 must be a list of strings, found a string"),
            "{}",
            errors[0]
        );
        let errors = read(&format!(
            "{HEAD}[package.metadata.zoom]\nscopes = [\"meeting:write\", 3, true]\n"
        ))
        .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(
            errors[0].contains("scope #2") && errors[0].contains("found an integer"),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].contains("scope #3") && errors[1].contains("found a boolean"),
            "{}",
            errors[1]
        );
        let errors = read(&format!("{HEAD}metadata = 3\n")).unwrap_err();
        assert!(
            errors[0].contains("`package.metadata` in Cargo.toml:4 must be a table"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn unknown_keys_are_errors() {
        let errors = read(&format!(
            "{HEAD}[package.metadata.zoom]\nscope = []\nscopes = []\n"
        ))
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("unknown key `scope` in [package.metadata.zoom] at Cargo.toml:5"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn malformed_toml_gives_file_line_and_reason() {
        let errors = read("[package\nname = 1\n").unwrap_err();
        assert!(
            errors[0].starts_with("Cargo.toml:1 is not valid TOML: "),
            "{}",
            errors[0]
        );
        let errors =
            read(&format!("{HEAD}[package.metadata.zoom]\nscopes = [\"a\"\n")).unwrap_err();
        assert!(errors[0].starts_with("Cargo.toml:"), "{}", errors[0]);
    }

    #[test]
    fn line_index() {
        let idx = LineIndex::new("a\nbc\n\nd");
        assert_eq!(
            [0, 1, 2, 3, 4, 5, 6].map(|o| idx.line(o)),
            [1, 1, 2, 2, 2, 3, 4]
        );
    }
}
