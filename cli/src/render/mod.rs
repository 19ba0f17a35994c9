//! Output: the three formats every command speaks, the two `audit` adds for CI, and the
//! helpers their renderers share.
//!
//! Each command builds a report value; JSON is its serde form (field names are part of the
//! public contract), text is for people (aligned, coloured on a terminal), Markdown is for
//! documents such as Zoom's app review. SARIF and GitHub workflow commands place findings on
//! the lines of a crate's files; only `audit` has such findings.

mod markdown;
mod style;
mod table;

use std::io::{self, Write};

use serde::Serialize;

pub use markdown::{code, escape};
pub use style::{Style, Tone};
pub use table::Table;

/// The output format chosen with `--format`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned text, coloured when standard output is a terminal and NO_COLOR is unset.
    Text,
    /// One JSON document.
    Json,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// SARIF 2.1.0, for GitHub code scanning (audit only).
    Sarif,
    /// GitHub Actions workflow commands: annotations on the lines of the findings (audit only).
    Github,
}

impl Format {
    /// Whether the format places findings in files, which only `audit` has.
    pub fn annotates(self) -> bool {
        matches!(self, Format::Sarif | Format::Github)
    }

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Sarif => "sarif",
            Format::Github => "github",
        }
    }
}

/// A command's result, renderable in every format.
pub trait Report: Serialize {
    fn text(&self, style: &Style) -> String;
    fn markdown(&self) -> String;
    /// A SARIF 2.1.0 log of the findings; `None` for a report without findings in files.
    fn sarif(&self) -> Option<String> {
        None
    }
    /// GitHub Actions workflow commands, one per finding; `None` likewise.
    fn github(&self) -> Option<String> {
        None
    }
}

/// Writes `report` to standard output. A closed pipe (`| head`) is not an error.
pub fn emit<R: Report>(report: &R, format: Format) -> io::Result<()> {
    let body = match format {
        Format::Text => report.text(&Style::detect()),
        Format::Markdown => report.markdown(),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(report).map_err(io::Error::other)?;
            json.push('\n');
            json
        }
        Format::Sarif | Format::Github => {
            let body = if format == Format::Sarif {
                report.sarif()
            } else {
                report.github()
            };
            body.ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::Unsupported,
                    format!("--format {} is for `audit` only", format.name()),
                )
            })?
        }
    };
    let mut out = io::stdout().lock();
    match out.write_all(body.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// "1 operation", "2 operations".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The `scopes = [...]` line of a manifest.
pub fn manifest_line(scopes: &[&str]) -> String {
    let quoted: Vec<String> = scopes.iter().map(|s| format!("{s:?}")).collect();
    format!("scopes = [{}]", quoted.join(", "))
}

/// `text` in lines of at most `width` characters, broken between words (a longer word stands
/// alone on its line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + 1 + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Up to `keep` items joined with "; ", then how many more.
pub fn abridged(items: &[String], keep: usize) -> String {
    if items.len() <= keep {
        return items.join("; ");
    }
    format!(
        "{}; and {} more",
        items[..keep].join("; "),
        items.len() - keep
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(count(1, "scope"), "1 scope");
        assert_eq!(count(0, "scope"), "0 scopes");
        assert_eq!(manifest_line(&["a:b", "c"]), r#"scopes = ["a:b", "c"]"#);
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(abridged(&items, 3), "a; b; c");
        assert_eq!(abridged(&items, 1), "a; and 2 more");
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("aaaaaa b", 3), ["aaaaaa", "b"]);
        assert!(wrap("", 3).is_empty());
    }
}
