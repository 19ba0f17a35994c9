//! `audit --format sarif`: the report's findings as a SARIF 2.1.0 log, the format GitHub code
//! scanning reads (`github/codeql-action/upload-sarif`), so they show on a pull request's lines.
//!
//! One rule per kind of finding ([`Rule`]); one result per [`Finding`]: a missing operation at
//! the title literal of each use, an unused or broader scope at its line in `Cargo.toml`, a mix
//! of levels at the declared scope that made it. Paths
//! are relative to the crate directory (`uriBaseId` `%SRCROOT%`), and the log holds no absolute
//! path, time or machine name: the same crate gives the same bytes everywhere.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::report::{AuditReport, Finding, Rule};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const VERSION: &str = "2.1.0";
/// The base the artifact paths are relative to: the audited crate's directory.
const SRCROOT: &str = "%SRCROOT%";

/// The SARIF log of `report`'s findings, pretty-printed, with a final newline.
pub fn render(report: &AuditReport) -> String {
    let mut json = serde_json::to_string_pretty(&log(report)).expect("the log serialises");
    json.push('\n');
    json
}

fn log(report: &AuditReport) -> Log {
    let results = report.findings().iter().map(result).collect();
    let mut bases = BTreeMap::new();
    bases.insert(
        SRCROOT,
        BaseLocation {
            description: Message {
                text: "The directory of the audited crate, the one with its Cargo.toml; every \
                       path in this log is relative to it."
                    .to_owned(),
            },
        },
    );
    Log {
        schema: SCHEMA,
        version: VERSION,
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: env!("CARGO_PKG_NAME"),
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules: Rule::ALL.iter().map(|&r| descriptor(r)).collect(),
                },
            },
            original_uri_base_ids: bases,
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

fn descriptor(rule: Rule) -> Descriptor {
    let about = About::of(rule);
    Descriptor {
        id: rule.id(),
        name: about.name,
        short_description: Message {
            text: about.short.to_owned(),
        },
        full_description: Message {
            text: about.full.to_owned(),
        },
        help: Help {
            text: about.help.to_owned(),
            markdown: about.help_markdown.to_owned(),
        },
        default_configuration: Configuration {
            level: level(rule.fails(&[])),
        },
    }
}

fn result(finding: &Finding) -> SarifResult {
    let rule_index = Rule::ALL
        .iter()
        .position(|&r| r == finding.rule)
        .expect("every rule is listed");
    let region = finding.line.map(|line| Region {
        start_line: line,
        start_column: finding.column,
    });
    SarifResult {
        rule_id: finding.rule.id(),
        rule_index,
        level: level(finding.fails),
        message: Message {
            text: finding.message.clone(),
        },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact(&finding.file),
                region,
            },
        }],
    }
}

/// `error` for what fails the audit, `warning` for the rest.
fn level(fails: bool) -> &'static str {
    if fails { "error" } else { "warning" }
}

/// A file as SARIF names it: a relative URI reference against `%SRCROOT%` (an absolute path, of
/// a file outside the crate, as a `file:` URI).
fn artifact(file: &str) -> ArtifactLocation {
    if Path::new(file).is_absolute() {
        let path = file.replace('\\', "/");
        let slash = if path.starts_with('/') { "" } else { "/" };
        ArtifactLocation {
            uri: format!("file://{slash}{}", percent_encoded(&path)),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: percent_encoded(file),
            uri_base_id: Some(SRCROOT),
        }
    }
}

/// `path` with every byte but unreserved characters and `/` percent-encoded: a valid URI
/// reference whatever the file is called (a `:` in it would otherwise read as a scheme).
fn percent_encoded(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What a rule is, for the people reading an alert.
struct About {
    name: &'static str,
    short: &'static str,
    full: &'static str,
    help: &'static str,
    help_markdown: &'static str,
}

impl About {
    fn of(rule: Rule) -> About {
        match rule {
            Rule::Missing => About {
                name: "MissingScope",
                short: "A used operation that no declared scope grants",
                full: "The crate performs a Zoom API operation, named by a #[requires_api] \
                       attribute or an operation! value, that none of the scopes declared in the \
                       [package.metadata.zoom] table of its Cargo.toml grants. Zoom refuses such \
                       a call at run time (error 4711), and the macros refuse it at compile time.",
                help: "Add the scope the message names to `scopes` in [package.metadata.zoom]: \
                       it is the least privileged scope that grants the operation. \
                       `cargo zoom-scopes explain \"TITLE\"` lists every scope that grants it, \
                       least privileged first.",
                help_markdown: "Add the scope the message names to `scopes` in \
                                `[package.metadata.zoom]` of `Cargo.toml`: it is the least \
                                privileged scope that grants the operation. \
                                `cargo zoom-scopes explain \"TITLE\"` lists every scope that \
                                grants it, least privileged first.",
            },
            Rule::NoScopeAtLevel => About {
                name: "NoScopeAtLevel",
                short: "A used operation that no scope of the --level grants",
                full: "The audit was asked to plan with scopes of one level (--level user, admin \
                       or master), and no scope of that level grants this operation: an app of \
                       that kind cannot perform it.",
                help: "Drop the operation, or plan for an app of another level; \
                       `cargo zoom-scopes explain \"TITLE\"` lists the scopes that grant it and \
                       their levels.",
                help_markdown: "Drop the operation, or plan for an app of another level: \
                                `cargo zoom-scopes explain \"TITLE\"` lists the scopes that grant \
                                it and their levels.",
            },
            Rule::Unused => About {
                name: "UnusedScope",
                short: "A declared scope that grants none of the used operations",
                full: "A scope declared in [package.metadata.zoom] grants none of the operations \
                       the crate's #[requires_api] and operation! uses name. An app should \
                       request only the scopes it needs; Zoom's app review asks why each one is \
                       requested.",
                help: "Drop the scope from `scopes` in [package.metadata.zoom], unless the app \
                       needs it for calls the audit cannot see. `cargo zoom-scopes audit` prints \
                       the least-privilege set of scopes for the operations used. \
                       `--deny unused` makes this finding fail the audit.",
                help_markdown: "Drop the scope from `scopes` in `[package.metadata.zoom]`, unless \
                                the app needs it for calls the audit cannot see. \
                                `cargo zoom-scopes audit` prints the least-privilege set of \
                                scopes for the operations used; `--deny unused` makes this \
                                finding fail the audit.",
            },
            Rule::Broader => About {
                name: "BroaderScope",
                short: "A declared scope that a less privileged set would replace",
                full: "A scope declared in [package.metadata.zoom] grants operations the crate \
                       uses, but a less privileged set of scopes (fewer :master, then :admin, \
                       then write scopes) grants all of them too.",
                help: "Replace the scope with the ones the message names. Least privilege is \
                       lexicographic: fewest :master scopes, then fewest :admin, then fewest \
                       write scopes, then fewest scopes. `--deny broader` makes this finding \
                       fail the audit.",
                help_markdown: "Replace the scope with the ones the message names. Least \
                                privilege is lexicographic: fewest `:master` scopes, then fewest \
                                `:admin`, then fewest write scopes, then fewest scopes. \
                                `--deny broader` makes this finding fail the audit.",
            },
            Rule::MixedLevels => About {
                name: "MixedLevels",
                short: "User-level scopes declared together with :admin or :master ones",
                full: "The scopes declared in [package.metadata.zoom] include user-level scopes \
                       (meeting:write, meeting:write:meeting) and :admin or :master ones. Zoom \
                       has no app type that holds both: a user-managed app requests user-level \
                       scopes, an admin-managed app :admin ones.",
                help: "Keep the scopes of the app's level. `cargo zoom-scopes audit --level user` \
                       (or `--level admin`) plans the least-privilege set of one level and lists \
                       the operations that level cannot grant. `--deny mixed-levels` makes this \
                       finding fail the audit.",
                help_markdown: "Keep the scopes of the app's level: \
                                `cargo zoom-scopes audit --level user` (or `--level admin`) plans \
                                the least-privilege set of one level and lists the operations \
                                that level cannot grant. `--deny mixed-levels` makes this \
                                finding fail the audit.",
            },
        }
    }
}

// The subset of SARIF 2.1.0 written, in its property names and in a reading order.

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    original_uri_base_ids: BTreeMap<&'static str, BaseLocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: &'static str,
    short_description: Message,
    full_description: Message,
    help: Help,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct BaseLocation {
    description: Message,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_uri_references() {
        assert_eq!(percent_encoded("src/client/mod.rs"), "src/client/mod.rs");
        assert_eq!(percent_encoded("src/a b:c%.rs"), "src/a%20b%3Ac%25.rs");
        assert_eq!(percent_encoded("src/é.rs"), "src/%C3%A9.rs");
        let inside = artifact("src/lib.rs");
        assert_eq!(
            (inside.uri.as_str(), inside.uri_base_id),
            ("src/lib.rs", Some(SRCROOT))
        );
        let outside = artifact("/elsewhere/x.rs");
        assert_eq!(
            (outside.uri.as_str(), outside.uri_base_id),
            ("file:///elsewhere/x.rs", None)
        );
    }

    #[test]
    fn levels_follow_whether_a_finding_fails() {
        assert_eq!(
            descriptor(Rule::Missing).default_configuration.level,
            "error"
        );
        assert_eq!(
            descriptor(Rule::NoScopeAtLevel).default_configuration.level,
            "error"
        );
        assert_eq!(
            descriptor(Rule::Unused).default_configuration.level,
            "warning"
        );
        assert_eq!(
            descriptor(Rule::Broader).default_configuration.level,
            "warning"
        );
        assert_eq!(
            descriptor(Rule::MixedLevels).default_configuration.level,
            "warning"
        );
    }
}
