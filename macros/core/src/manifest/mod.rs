//! Reading the scopes a crate declares in its `Cargo.toml`:
//!
//! ```toml
//! [package.metadata.zoom]
//! scopes = ["meeting:write", "user:read"]
//! ```
//!
//! The names are classic (`meeting:write`) or granular (`meeting:write:meeting`), of one scope
//! model: a list that mixes them is one error, which says which names are which.
//!
//! Zoom's page omits some grants (`meeting_summary:read` lists nothing, though it exists for
//! meeting summaries). A crate can add them without editing this catalogue:
//!
//! ```toml
//! [package.metadata.zoom.grants]
//! "meeting_summary:read" = ["Get a meeting or webinar summary"]
//! "meeting:read" = [{ title = "List meetings", api = "Meeting" }]
//! ```
//!
//! Every problem is reported with the manifest's path and the line it is on, since the compiler
//! cannot point into a `Cargo.toml` itself.

pub mod cache;
mod document;

use std::fmt;
use std::ops::Range;

use document::{Item, Table, Value};

use zoom_scopes_tables::{Mixed, OperationId, ScopeId, model_of};

use crate::model;
use crate::resolve::{self, LookupError, ScopeError};

/// What to write when a manifest declares nothing.
pub const EXAMPLE: &str = "[package.metadata.zoom]\nscopes = [\"meeting:write\"]";

/// The keys `[package.metadata.zoom]` understands.
const KEYS: [&str; 2] = ["scopes", "grants"];

/// One declared scope and where it was declared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclaredScope {
    /// The documented scope.
    pub scope: ScopeId,
    /// 1-based line in the manifest.
    pub line: usize,
}

/// A grant Zoom's page omits, declared in `[package.metadata.zoom.grants]`: `scope` also
/// grants `operation`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraGrant {
    /// The granting scope.
    pub scope: ScopeId,
    /// The operation it grants.
    pub operation: OperationId,
    /// 1-based line in the manifest.
    pub line: usize,
}

/// What a manifest declares: scopes, in the order written, without repeats, and extra grants.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Declared {
    /// The declared scopes.
    pub scopes: Vec<DeclaredScope>,
    /// Grants the catalogue lacks.
    pub grants: Vec<ExtraGrant>,
}

impl Declared {
    /// The declared scope ids.
    pub fn ids(&self) -> Vec<ScopeId> {
        self.scopes.iter().map(|d| d.scope).collect()
    }

    /// Whether `scope` is declared.
    pub fn declares(&self, scope: ScopeId) -> bool {
        self.scopes.iter().any(|d| d.scope == scope)
    }

    /// Whether a declared scope grants `op` through an extra grant.
    pub fn extra_grant(&self, op: OperationId) -> bool {
        self.grants
            .iter()
            .any(|g| g.operation == op && self.declares(g.scope))
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
    /// An element of `scopes`, or a key of `grants`, is not a documented scope.
    UnknownScope(ScopeError),
    /// `scopes` holds names of both scope models (the line is that of the first name of the
    /// second model).
    MixedModels(Mixed),
    /// An entry of `grants` is neither a title nor `{ title = "...", api = "..." }`.
    BadGrant,
    /// An entry of `grants` does not name exactly one operation.
    UnknownOperation(LookupError),
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
            ManifestErrorKind::MixedModels(mixed) => {
                let source = format!("[package.metadata.zoom] in {at}");
                f.write_str(&model::mixed_message(&source, mixed))
            }
            ManifestErrorKind::BadGrant => write!(
                f,
                "grant in [package.metadata.zoom.grants] at {at} must be an operation title or \
                 {{ title = \"...\", api = \"...\" }}"
            ),
            ManifestErrorKind::UnknownOperation(e) => {
                write!(f, "{at}: in [package.metadata.zoom.grants]: {e}")
            }
        }
    }
}

impl std::error::Error for ManifestError {}

impl ManifestError {
    /// The error for a manifest that cannot be read.
    pub fn unreadable(path: &str, error: &std::io::Error) -> ManifestError {
        ManifestError {
            path: path.to_owned(),
            line: None,
            kind: ManifestErrorKind::Unreadable(error.to_string()),
        }
    }
}

/// Reads the declared scopes from a manifest's text. All problems are returned, not only the
/// first; `path` is used in messages only.
pub fn declared_scopes(path: &str, text: &str) -> Result<Declared, Vec<ManifestError>> {
    let mut reader = Reader {
        path,
        lines: LineIndex::new(text),
        errors: Vec::new(),
    };
    let root = match document::parse(text) {
        Ok(root) => root,
        Err(e) => {
            reader.error(Some(e.span), ManifestErrorKind::Malformed(e.message));
            return Err(reader.errors);
        }
    };
    let declared = reader.zoom_table(&root).map(|(zoom, span)| {
        reader.unknown_keys(zoom);
        let scopes = reader.scopes(zoom, span);
        let grants = zoom
            .get("grants")
            .map(|g| reader.grants(g))
            .unwrap_or_default();
        Declared { scopes, grants }
    });
    match declared {
        Some(declared) if reader.errors.is_empty() => Ok(declared),
        _ => Err(reader.errors),
    }
}

/// The `[package] name` of a manifest, when it has one (a workspace root may not).
pub fn package_name(text: &str) -> Option<String> {
    let root = document::parse(text).ok()?;
    match &table(&root)?
        .get("package")
        .and_then(table)?
        .get("name")?
        .value
    {
        Value::String(name) => Some(name.to_string()),
        _ => None,
    }
}

/// The source paths a manifest gives its targets explicitly (`[lib] path = ...`, and `path` in
/// `[[bin]]`, `[[example]]`, `[[test]]` and `[[bench]]`), relative to the package, in that
/// order. Targets Cargo finds by convention are not listed.
pub fn target_paths(text: &str) -> Vec<String> {
    let Some(root) = document::parse(text).ok() else {
        return Vec::new();
    };
    let Some(root) = table(&root) else {
        return Vec::new();
    };
    let path_of = |target: &Table<'_>| match target.get("path").map(|p| &p.value) {
        Some(Value::String(path)) => Some(path.to_string()),
        _ => None,
    };
    let mut paths = Vec::new();
    paths.extend(root.get("lib").and_then(table).and_then(path_of));
    for kind in ["bin", "example", "test", "bench"] {
        if let Some(Value::Array(targets)) = root.get(kind).map(|t| &t.value) {
            paths.extend(targets.items.iter().filter_map(table).filter_map(path_of));
        }
    }
    paths
}

/// Walks the parsed manifest, collecting every problem with its line.
struct Reader<'a> {
    path: &'a str,
    lines: LineIndex,
    errors: Vec<ManifestError>,
}

impl Reader<'_> {
    fn error(&mut self, span: Option<Range<usize>>, kind: ManifestErrorKind) {
        let line = span.map(|s| self.lines.line(s.start));
        self.errors.push(ManifestError {
            path: self.path.to_owned(),
            line,
            kind,
        });
    }

    fn line(&self, item: &Item<'_>) -> usize {
        self.lines.line(item.span.start)
    }

    /// `[package.metadata.zoom]` and its span.
    fn zoom_table<'t, 'i>(&mut self, root: &'t Item<'i>) -> Option<(&'t Table<'i>, Range<usize>)> {
        let mut item = root;
        for key in ["package", "metadata", "zoom"] {
            let Some(value) = table(item).and_then(|t| t.get(key)) else {
                self.error(None, ManifestErrorKind::MissingTable);
                return None;
            };
            if table(value).is_none() {
                self.error(Some(value.span.clone()), wrong_type(key, "a table", value));
                return None;
            }
            item = value;
        }
        table(item).map(|zoom| (zoom, item.span.clone()))
    }

    fn unknown_keys(&mut self, zoom: &Table<'_>) {
        for entry in zoom.entries() {
            if !KEYS.contains(&entry.key.as_ref()) {
                self.error(
                    Some(entry.key_span.clone()),
                    ManifestErrorKind::UnknownKey(entry.key.to_string()),
                );
            }
        }
    }

    /// `scopes = [...]`, in the order written, without repeats.
    fn scopes(&mut self, zoom: &Table<'_>, zoom_span: Range<usize>) -> Vec<DeclaredScope> {
        let Some(scopes) = zoom.get("scopes") else {
            // A misspelt key was reported already; "no scopes" would say the same thing twice.
            if self.errors.is_empty() {
                self.error(Some(zoom_span), ManifestErrorKind::MissingScopes);
            }
            return Vec::new();
        };
        let Value::Array(list) = &scopes.value else {
            self.error(
                Some(scopes.span.clone()),
                wrong_type("scopes", "a list of strings", scopes),
            );
            return Vec::new();
        };
        let mut declared: Vec<DeclaredScope> = Vec::new();
        for (index, item) in list.items.iter().enumerate() {
            let Value::String(name) = &item.value else {
                let found = item.value.type_name();
                self.error(
                    Some(item.span.clone()),
                    ManifestErrorKind::NotAString { index, found },
                );
                continue;
            };
            match resolve::scope(name) {
                Ok(scope) if declared.iter().any(|d| d.scope == scope) => {}
                Ok(scope) => declared.push(DeclaredScope {
                    scope,
                    line: self.line(item),
                }),
                Err(e) => self.error(Some(item.span.clone()), ManifestErrorKind::UnknownScope(e)),
            }
        }
        let ids: Vec<ScopeId> = declared.iter().map(|d| d.scope).collect();
        if let Err(mixed) = model_of(&ids) {
            let line = model::first_mixing(&ids)
                .and_then(|at| declared.get(at))
                .map(|d| d.line);
            self.errors.push(ManifestError {
                path: self.path.to_owned(),
                line,
                kind: ManifestErrorKind::MixedModels(mixed),
            });
        }
        declared
    }

    /// `[package.metadata.zoom.grants]`: `"scope" = ["Title", { title = "...", api = "..." }]`.
    fn grants(&mut self, grants: &Item<'_>) -> Vec<ExtraGrant> {
        let Some(grants_table) = table(grants) else {
            self.error(
                Some(grants.span.clone()),
                wrong_type("grants", "a table of scope = [titles]", grants),
            );
            return Vec::new();
        };
        let mut extra = Vec::new();
        for entry in grants_table.entries() {
            let scope = match resolve::scope(&entry.key) {
                Ok(scope) => scope,
                Err(e) => {
                    self.error(
                        Some(entry.key_span.clone()),
                        ManifestErrorKind::UnknownScope(e),
                    );
                    continue;
                }
            };
            let value = &entry.item;
            let Value::Array(list) = &value.value else {
                let key = format!("grants.\"{}\"", entry.key);
                self.error(
                    Some(value.span.clone()),
                    wrong_type(&key, "a list of operation titles", value),
                );
                continue;
            };
            for item in &list.items {
                if let Some(operation) = self.granted_operation(item) {
                    extra.push(ExtraGrant {
                        scope,
                        operation,
                        line: self.line(item),
                    });
                }
            }
        }
        extra
    }

    /// `"Title"` or `{ title = "Title", api = "Group" }`, resolved.
    fn granted_operation(&mut self, item: &Item<'_>) -> Option<OperationId> {
        let string = |value: Option<&Item<'_>>| match value.map(|v| &v.value) {
            Some(Value::String(s)) => Some(s.to_string()),
            _ => None,
        };
        let named = match &item.value {
            Value::String(title) => Some((title.to_string(), None)),
            Value::Table(t) => match (string(t.get("title")), t.get("api")) {
                (Some(title), None) => Some((title, None)),
                (Some(title), Some(api)) => string(Some(api)).map(|api| (title, Some(api))),
                (None, _) => None,
            },
            _ => None,
        };
        let Some((title, api)) = named else {
            self.error(Some(item.span.clone()), ManifestErrorKind::BadGrant);
            return None;
        };
        match resolve::operation(&title, api.as_deref()) {
            Ok(op) => Some(op),
            Err(e) => {
                self.error(
                    Some(item.span.clone()),
                    ManifestErrorKind::UnknownOperation(e),
                );
                None
            }
        }
    }
}

/// The table an item holds, if it is one.
fn table<'t, 'i>(item: &'t Item<'i>) -> Option<&'t Table<'i>> {
    match &item.value {
        Value::Table(table) => Some(table),
        _ => None,
    }
}

fn wrong_type(key: &str, expected: &'static str, found: &Item<'_>) -> ManifestErrorKind {
    let key = match key {
        "metadata" => "package.metadata",
        "zoom" => "package.metadata.zoom",
        other => other,
    };
    ManifestErrorKind::WrongType {
        key: key.to_owned(),
        expected,
        found: found.value.type_name(),
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
    use crate::coverage;

    fn read(text: &str) -> Result<Vec<&'static str>, Vec<String>> {
        declared_scopes("Cargo.toml", text)
            .map(|d| d.scopes.iter().map(|s| s.scope.name()).collect())
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
    fn extra_grants() {
        let text = format!(
            "{HEAD}[package.metadata.zoom]\nscopes = [\"meeting_summary:read\"]\n\n[package.metadata.zoom.grants]\n\
             \"meeting_summary:read\" = [\"Get a meeting or webinar summary\"]\n\
             \"meeting:read\" = [{{ title = \"List meetings\", api = \"Meeting\" }}]\n"
        );
        let declared = declared_scopes("Cargo.toml", &text).unwrap();
        let summary = resolve::operation("Get a meeting or webinar summary", None).unwrap();
        let list = resolve::operation("List meetings", Some("Meeting")).unwrap();
        let summary_read = resolve::scope("meeting_summary:read").unwrap();
        let meeting_read = resolve::scope("meeting:read").unwrap();
        let mut pairs: Vec<_> = declared
            .grants
            .iter()
            .map(|g| (g.scope, g.operation))
            .collect();
        pairs.sort();
        let mut expected = [(summary_read, summary), (meeting_read, list)];
        expected.sort();
        assert_eq!(pairs, expected);
        let summary_grant = declared.grants.iter().find(|g| g.operation == summary);
        assert_eq!(summary_grant.map(|g| g.line), Some(8));
        assert!(declared.extra_grant(summary));
        assert!(!declared.extra_grant(list), "meeting:read is not declared");
        assert!(
            !summary.granted_by().contains(&summary_read),
            "the page alone does not grant it"
        );
        assert!(coverage::check(summary, &declared).is_ok());
        assert!(coverage::check(list, &declared).is_err());
    }

    #[test]
    fn granular_scopes_and_grants_are_read() {
        let text = format!(
            "{HEAD}[package.metadata.zoom]\nscopes = [\"meeting:write:meeting:admin\", \"user:read:user:admin\"]\n\
             [package.metadata.zoom.grants]\n\"user:read:user:admin\" = [\"Update a meeting\"]\n"
        );
        let declared = declared_scopes("Cargo.toml", &text).unwrap();
        assert_eq!(
            declared.ids().iter().map(|s| s.name()).collect::<Vec<_>>(),
            ["meeting:write:meeting:admin", "user:read:user:admin"]
        );
        let update = resolve::operation("Update a meeting", None).unwrap();
        assert!(declared.extra_grant(update));
        assert!(coverage::check(update, &declared).is_ok());
        let create = resolve::operation("Create a meeting", None).unwrap();
        assert!(coverage::check(create, &declared).is_ok());
    }

    #[test]
    fn mixed_models_are_one_error_on_the_first_name_of_the_second_model() {
        let text = format!(
            "{HEAD}[package.metadata.zoom]\nscopes = [\n  \"meeting:write\",\n  \"user:read\",\n  \
             \"meeting:read:meeting\",\n  \"user:read:user\",\n]\n"
        );
        let errors = declared_scopes("Cargo.toml", &text).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(8));
        assert_eq!(
            errors[0].to_string(),
            "the scopes declared in [package.metadata.zoom] in Cargo.toml:8 mix Zoom's two scope \
             models\n  classic:  meeting:write, user:read\n  granular: meeting:read:meeting, \
             user:read:user\nhelp: an app has classic or granular scopes, not both; `cargo \
             zoom-scopes migrate` gives the granular declaration for what this crate uses"
        );
        // A name of both models mixes with neither; an unknown name is its own error.
        let both = format!(
            "{HEAD}[package.metadata.zoom]\nscopes = [\"meeting:write:sip_dialing\", \"meeting:write\"]\n"
        );
        assert!(read(&both).is_ok());
        let unknown = format!(
            "{HEAD}[package.metadata.zoom]\nscopes = [\"meeting:write:meting\", \"meeting:read:meeting\"]\n"
        );
        let errors = read(&unknown).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("did you mean \"meeting:write:meeting\""),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn bad_grants_are_reported() {
        let bad = |grants: &str| {
            read(&format!("{HEAD}[package.metadata.zoom]\nscopes = []\n[package.metadata.zoom.grants]\n{grants}\n"))
                .unwrap_err()
        };
        let e = bad("\"meeting:reed\" = [\"Get a meeting\"]");
        assert!(
            e[0].starts_with("Cargo.toml:7: unknown Zoom scope \"meeting:reed\""),
            "{}",
            e[0]
        );
        let e = bad("\"meeting:read\" = [\"List meetings\"]");
        assert!(e[0].starts_with("Cargo.toml:7: in [package.metadata.zoom.grants]: \"List meetings\" is documented in 2"), "{}", e[0]);
        let e = bad("\"meeting:read\" = [3]");
        assert!(
            e[0].contains("must be an operation title or { title"),
            "{}",
            e[0]
        );
        let e = bad("\"meeting:read\" = \"Get a meeting\"");
        assert!(
            e[0].contains("must be a list of operation titles"),
            "{}",
            e[0]
        );
    }

    #[test]
    fn package_names() {
        assert_eq!(package_name(HEAD).as_deref(), Some("app"));
        assert_eq!(package_name("[workspace]\nmembers = []\n"), None);
        assert_eq!(package_name("[package\n"), None);
        assert_eq!(package_name("[package]\nname = 3\n"), None);
    }

    #[test]
    fn explicit_target_paths() {
        let text = format!(
            "{HEAD}[lib]\npath = \"sdk/lib.rs\"\n\n[[example]]\nname = \"a\"\npath = \"a.rs\"\n\n\
             [[example]]\nname = \"b\"\n\n[[bin]]\nname = \"c\"\npath = \"tools/c.rs\"\n"
        );
        assert_eq!(target_paths(&text), ["sdk/lib.rs", "tools/c.rs", "a.rs"]);
        assert!(target_paths(HEAD).is_empty());
        assert!(target_paths("not toml [").is_empty());
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
