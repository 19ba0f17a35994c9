//! `audit --format github`: the report's findings as GitHub Actions workflow commands, which a
//! workflow step turns into annotations on the pull request's lines:
//! `::error file=src/lib.rs,line=4,col=16,title=...::message` for what fails the audit,
//! `::warning ...` for the rest, then the summary line, which the log shows as it is.
//!
//! Paths are relative to the crate directory. Values are escaped as GitHub's runner unescapes
//! them: `%`, `\r` and `\n` everywhere, and `:` and `,` in the properties too.

use super::report::{AuditReport, Finding};

/// One workflow command per finding, then the summary.
pub fn render(report: &AuditReport) -> String {
    let mut out = String::new();
    for finding in report.findings() {
        out.push_str(&command(&finding));
        out.push('\n');
    }
    out.push_str(&format!(
        "audit of {}: {}\n",
        report.crate_name(),
        report.summary()
    ));
    out
}

fn command(finding: &Finding) -> String {
    let name = if finding.fails { "error" } else { "warning" };
    let mut properties = vec![format!("file={}", property(&finding.file))];
    if let Some(line) = finding.line {
        properties.push(format!("line={line}"));
    }
    if let Some(column) = finding.column {
        properties.push(format!("col={column}"));
    }
    properties.push(format!("title={}", property(finding.rule.title())));
    format!(
        "::{name} {}::{}",
        properties.join(","),
        data(&finding.message)
    )
}

/// A command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property's value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::audit::report::Rule;

    #[test]
    fn values_are_escaped_as_the_runner_unescapes_them() {
        assert_eq!(data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn commands_name_the_place_and_the_kind() {
        let mut finding = Finding {
            rule: Rule::Missing,
            fails: true,
            message: "Get a user (User): add \"user:read\"".to_owned(),
            file: "src/a,b.rs".to_owned(),
            line: Some(4),
            column: Some(16),
        };
        assert_eq!(
            command(&finding),
            "::error file=src/a%2Cb.rs,line=4,col=16,title=Missing Zoom scope::Get a user (User): add \"user:read\""
        );
        finding.rule = Rule::Unused;
        finding.fails = false;
        finding.file = "Cargo.toml".to_owned();
        finding.column = None;
        finding.message = "webinar:read".to_owned();
        assert_eq!(
            command(&finding),
            "::warning file=Cargo.toml,line=4,title=Unused Zoom scope::webinar:read"
        );
    }
}
