//! Parser for the text of Zoom's "OAuth scopes — classic scopes" reference.
//!
//! The document is a sequence of sections; each section is a run of scope blocks:
//!
//! ```text
//! <Group> scopes
//! The following are the available <Group> scopes and their associated API calls:
//! <scope name>
//! <description>                  (missing for one scope)
//! Associated API
//! - <operation title>            (zero or more; some are Markdown links)
//! ```
//!
//! Scope names are recognised by the `Associated API` line that follows them, never by their
//! shape: a few have no colon at all. Every line that fits none of these shapes is an error that
//! names its line number, so a changed page is noticed rather than half-read.

use std::fmt;

use crate::builder::Builder;
use crate::model::Catalogue;
use crate::scope_name;

const ASSOCIATED: &str = "Associated API";
const INTRO_PREFIX: &str = "The following are the available ";
const INTRO_SUFFIX: &str = " scopes and their associated API calls:";
const DEPRECATED: &str = "[Deprecated]";

/// A line of the data file that does not fit the document's shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong with it.
    pub reason: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for ParseError {}

/// One `- ...` line under a scope, with the link unwrapped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OperationLine {
    pub title: String,
    pub operation_id: Option<String>,
    pub master_account: bool,
    pub deprecated: bool,
}

/// Parses the whole document into a catalogue.
pub fn parse(text: &str) -> Result<Catalogue, ParseError> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let mut builder = Builder::default();
    let mut at = 0;
    while at < lines.len() {
        at = parse_item(&lines, at, &mut builder)?;
    }
    builder.finish()
}

/// Parses the section header, scope block or operation line starting at `at`; returns the index
/// of the next unread line.
fn parse_item(lines: &[(usize, &str)], at: usize, b: &mut Builder) -> Result<usize, ParseError> {
    let (line, text) = lines[at];
    let next = |k: usize| lines.get(at + k).map(|&(_, t)| t);
    if let Some(group) = section_header(text, next(1)) {
        b.section(group, line)
            .map_err(|reason| ParseError { line, reason })?;
        return Ok(at + 2);
    }
    if let Some(item) = text.strip_prefix("- ") {
        let op = operation_line(item).map_err(|reason| ParseError { line, reason })?;
        b.operation(op, line)
            .map_err(|reason| ParseError { line, reason })?;
        return Ok(at + 1);
    }
    let (description, consumed) = match (next(1), next(2)) {
        (Some(ASSOCIATED), _) => (None, 2),
        (Some(desc), Some(ASSOCIATED)) => (Some(desc), 3),
        _ => return Err(unexpected(line, text)),
    };
    if !scope_name::is_well_formed(text) {
        return Err(ParseError {
            line,
            reason: format!("`{text}` stands where a scope name should, and is not one"),
        });
    }
    b.scope(text, description, line)
        .map_err(|reason| ParseError { line, reason })?;
    Ok(at + consumed)
}

fn unexpected(line: usize, text: &str) -> ParseError {
    let reason = if text == ASSOCIATED {
        "`Associated API` without a scope name before it".to_owned()
    } else if text.starts_with(INTRO_PREFIX) {
        "section introduction without a `<Group> scopes` header before it".to_owned()
    } else {
        format!(
            "expected a section header, a scope (name, description, `{ASSOCIATED}`) or a \
             `- operation` line, found `{text}`"
        )
    };
    ParseError { line, reason }
}

/// `<Group> scopes` followed by its introduction line gives the group name.
fn section_header<'a>(text: &'a str, next: Option<&str>) -> Option<&'a str> {
    let group = text.strip_suffix(" scopes")?;
    let intro = next?
        .strip_prefix(INTRO_PREFIX)?
        .strip_suffix(INTRO_SUFFIX)?;
    (intro == group && !group.trim().is_empty()).then_some(group)
}

/// Unwraps `[title](link)` and reads the deprecation mark.
pub(crate) fn operation_line(item: &str) -> Result<OperationLine, String> {
    let item = item.trim();
    let (title, link) = match item.strip_prefix('[') {
        Some(rest) => split_link(rest)?,
        None => (item, None),
    };
    let title = title.trim();
    if title.is_empty() {
        return Err("operation line without a title".to_owned());
    }
    let link = link.map(str::trim);
    Ok(OperationLine {
        title: title.to_owned(),
        operation_id: link.and_then(operation_id_of),
        master_account: link.is_some_and(|l| l.contains("/ma/")),
        deprecated: title.ends_with(DEPRECATED),
    })
}

/// Splits `title](link)` (the text after the opening bracket) at the bracket that closes the
/// title; titles may hold brackets of their own (`... [Deprecated]`).
fn split_link(rest: &str) -> Result<(&str, Option<&str>), String> {
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            ']' => {
                let link = rest[i + 1..]
                    .strip_prefix('(')
                    .and_then(|l| l.strip_suffix(')'))
                    .ok_or_else(|| format!("malformed Markdown link `[{rest}`"))?;
                return Ok((&rest[..i], Some(link)));
            }
            _ => {}
        }
    }
    Err(format!("unclosed `[` in operation line `[{rest}`"))
}

/// The operationId after `#operation/`, without the stray ` [Deprecated]` some links carry.
fn operation_id_of(link: &str) -> Option<String> {
    let (_, id) = link.split_once("#operation/")?;
    let id = id.split_whitespace().next()?.trim_end_matches('.');
    (!id.is_empty()).then(|| id.to_owned())
}

/// The title a deprecated title points to: the mark and a trailing full stop removed.
pub(crate) fn undeprecated(title: &str) -> Option<&str> {
    let base = title.strip_suffix(DEPRECATED)?.trim_end();
    Some(base.strip_suffix('.').unwrap_or(base).trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> ParseError {
        parse(text).expect_err("should not parse")
    }

    const SMALL: &str = "Meeting scopes
The following are the available Meeting scopes and their associated API calls:
meeting:write
Create meetings
Associated API
- Create a meeting
- [List phone numbers](/docs/api/rest/reference/Number Management/ma/#operation/listPhoneNumbers)
pac:master
Associated API
meeting:read
View meetings
Associated API
- Get a meeting
";

    #[test]
    fn parses_a_small_document() {
        let c = parse(SMALL).unwrap();
        assert_eq!(c.scopes().len(), 3);
        assert_eq!(c.apis().len(), 1);
        assert_eq!(c.operations().len(), 3);
        let pac = c.scope_named("pac:master").unwrap();
        assert_eq!(pac.description(), None);
        assert_eq!(pac.line(), 8);
        let phones = c.operations_titled("List phone numbers").next().unwrap();
        assert_eq!(phones.operation_id(), Some("listPhoneNumbers"));
        assert!(phones.endpoints()[0].master_account());
    }

    #[test]
    fn links_with_nested_brackets() {
        let op = operation_line(
            "[Initiate an upload. [Deprecated]](/docs/x/#operation/InitiateUpload. [Deprecated])",
        )
        .unwrap();
        assert_eq!(op.title, "Initiate an upload. [Deprecated]");
        assert_eq!(op.operation_id.as_deref(), Some("InitiateUpload"));
        assert!(op.deprecated);
        assert!(!op.master_account);
        assert_eq!(undeprecated(&op.title), Some("Initiate an upload"));
    }

    #[test]
    fn titles_keep_colons_slashes_and_parentheses() {
        let op = operation_line("Migrate 1:1 conversation or channel operations").unwrap();
        assert_eq!(op.title, "Migrate 1:1 conversation or channel operations");
        assert_eq!(
            operation_line("Update a H.323/SIP device (beta)")
                .unwrap()
                .operation_id,
            None
        );
    }

    #[test]
    fn malformed_links_are_errors() {
        assert!(operation_line("[Title(/no/closing/bracket)").is_err());
        assert!(operation_line("[Title] (/space/before/paren)").is_err());
        assert!(operation_line("[](/docs/#operation/x)").is_err());
        assert!(operation_line("   ").is_err());
    }

    #[test]
    fn errors_carry_line_numbers() {
        let e = err(
            "Meeting scopes\nThe following are the available Meeting scopes and their associated API calls:\nmeeting:write\n- Create a meeting\n",
        );
        assert_eq!(e.line, 3);
        let e = err("- Create a meeting\n");
        assert_eq!(e.line, 1);
        assert!(e.reason.contains("before any scope"), "{e}");
        let e = err("meeting:write\nDesc\nAssociated API\n");
        assert_eq!(e.line, 1);
        assert!(e.reason.contains("before any section"), "{e}");
        let e = err(&SMALL.replace("meeting:read\n", "meeting read\n"));
        assert_eq!(e.line, 10);
        assert!(e.to_string().starts_with("line 10: `meeting read`"), "{e}");
        let e = err(&SMALL.replace("pac:master", "meeting:write"));
        assert_eq!(e.line, 8);
        assert!(e.reason.contains("documented twice"), "{e}");
        let e = err("Associated API\n");
        assert!(e.reason.contains("without a scope name"), "{e}");
    }

    #[test]
    fn empty_document_is_an_error() {
        assert!(err("").reason.contains("no scopes"));
        assert!(err("\n\n  \n").reason.contains("no scopes"));
    }

    #[test]
    fn header_without_intro_is_not_a_header() {
        let e = err("Meeting scopes\nmeeting:write\nDesc\nAssociated API\n");
        assert_eq!(e.line, 1);
    }

    #[test]
    fn carriage_returns_and_blank_lines_are_tolerated() {
        let crlf = SMALL.replace('\n', "\r\n\r\n");
        assert_eq!(parse(&crlf).unwrap().operations().len(), 3);
    }
}
