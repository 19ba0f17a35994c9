//! Lookup errors in the words of the command line: where the macro says `api = "..."`, the
//! CLI says `--api "..."` (explain) or `"TITLE @ GROUP"` (minimal).

use zoom_scopes_catalogue::{Choice, LookupError, text};

/// How a title is qualified by its group on this command line.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// `--api "GROUP"`.
    ApiFlag,
    /// `"TITLE @ GROUP"`.
    AtGroup,
}

impl Qualifier {
    pub fn write(self, title: &str, group: &str) -> String {
        match self {
            Qualifier::ApiFlag => format!("--api {group:?}"),
            Qualifier::AtGroup => format!("\"{title} @ {group}\""),
        }
    }

    fn how(self) -> &'static str {
        match self {
            Qualifier::ApiFlag => "--api \"GROUP\"",
            Qualifier::AtGroup => "\"TITLE @ GROUP\"",
        }
    }
}

/// One group of an ambiguous title: how to pick it, and what grants it there.
pub fn choice(
    title: &str,
    group: &str,
    scopes: &[String],
    qualifier: Qualifier,
) -> (String, String) {
    let written = qualifier.write(title, group);
    (written, format!("granted by {}", scopes.join(", ")))
}

/// The message for a lookup error.
pub fn message(error: &LookupError, qualifier: Qualifier) -> String {
    match error {
        LookupError::Ambiguous {
            title,
            choices: all,
        } => {
            let mut msg = format!(
                "\"{title}\" is documented in {} API groups with different scopes; choose one with {}:",
                all.len(),
                qualifier.how()
            );
            let rows: Vec<(String, String)> = all
                .iter()
                .map(|c: &Choice| choice(title, &c.group, &c.scopes, qualifier))
                .collect();
            let width = rows.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
            for (written, scopes) in rows {
                msg.push_str(&format!("\n    {written:width$}  {scopes}"));
            }
            msg
        }
        LookupError::EmptyGroup => "the API group is empty".to_owned(),
        LookupError::UnknownGroup {
            group,
            suggestions,
            title_in,
        } => {
            let mut msg = format!("no Zoom API group is named \"{group}\"");
            if !suggestions.is_empty() {
                msg.push_str(&format!("\nhelp: did you mean {}?", quoted(suggestions)));
            }
            msg.push_str(&documented_in(title_in));
            msg
        }
        LookupError::NotInGroup {
            title,
            group,
            title_in,
        } => format!(
            "\"{title}\" is not documented in the \"{group}\" API group{}",
            documented_in(title_in)
        ),
        LookupError::UnknownTitle { .. } => format!(
            "{error}\nhelp: `cargo zoom-scopes search WORDS` finds operations by the words of their titles"
        ),
        other => other.to_string(),
    }
}

fn documented_in(groups: &[String]) -> String {
    if groups.is_empty() {
        String::new()
    } else {
        format!("\nhelp: the title is documented in {}", quoted(groups))
    }
}

fn quoted(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    text::either(&quoted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zoom_scopes_catalogue::classic;

    #[test]
    fn ambiguity_names_the_command_line_form() {
        let e = classic().resolve("List meetings", None).unwrap_err();
        let flag = message(&e, Qualifier::ApiFlag);
        assert!(flag.contains("choose one with --api \"GROUP\""), "{flag}");
        assert!(flag.contains("--api \"Meeting\"  "), "{flag}");
        let at = message(&e, Qualifier::AtGroup);
        assert!(at.contains("\"List meetings @ Meeting\""), "{at}");
    }

    #[test]
    fn groups_and_titles() {
        let c = classic();
        let e = c.resolve("Create a meeting", Some("Meetin")).unwrap_err();
        let msg = message(&e, Qualifier::ApiFlag);
        assert!(msg.contains("did you mean \"Meeting\""), "{msg}");
        assert!(msg.contains("documented in \"Meeting\""), "{msg}");
        let e = c.resolve("Crate a meeting", None).unwrap_err();
        assert!(message(&e, Qualifier::ApiFlag).contains("cargo zoom-scopes search"));
    }
}
