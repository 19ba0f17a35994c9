//! The operations `minimal` is asked about: titles on the command line or in a file, each
//! `TITLE` or `TITLE @ GROUP` (GROUP an API group).
//!
//! A title documented in several API groups is qualified as `"TITLE @ GROUP"`: titles hold
//! `:`, `/` and parentheses but never `@`. A text that is itself a documented title is taken
//! whole, so a future title with an `@` in it still works.

use std::io::Read;
use std::path::Path;

use zoom_scopes_macros_core::resolve::{self, LookupError, Qualifier};
use zoom_scopes_tables::OperationId;

use crate::commands::{Failure, lookup_message};

/// One operation as the user wrote it, and where (a file and line, for `--from`).
pub struct Input {
    pub text: String,
    pub origin: Option<String>,
}

/// The lines of a title list: `#` comments and blank lines skipped.
pub fn read_list(file: &Path) -> Result<Vec<Input>, Failure> {
    let shown = file.display().to_string();
    let mut text = String::new();
    let read = if shown == "-" {
        std::io::stdin().read_to_string(&mut text).map(drop)
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    read.map_err(|e| Failure::new(format!("cannot read {shown}: {e}")))?;
    Ok(text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map(|(i, line)| Input {
            text: line.to_owned(),
            origin: Some(format!("{shown}:{}", i + 1)),
        })
        .collect())
}

/// Every input's operation, or every input's error.
pub fn resolve_all(inputs: &[Input]) -> Result<Vec<OperationId>, Failure> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match operation(&input.text) {
            Ok(op) => found.push(op),
            Err(e) => {
                let message = lookup_message(&e, Qualifier::AtApi);
                errors.push(match &input.origin {
                    Some(at) => format!("{at}: {message}"),
                    None => message,
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(Failure(errors))
    }
}

/// `TITLE` or `TITLE @ GROUP`.
fn operation(text: &str) -> Result<OperationId, LookupError> {
    let text = text.trim();
    if OperationId::titled(text).next().is_some() {
        return resolve::operation(text, None);
    }
    match text.rsplit_once('@') {
        Some((title, api)) => resolve::operation(title.trim(), Some(api.trim())),
        None => resolve::operation(text, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_qualified_titles() {
        let title = |op: OperationId| op.title();
        assert_eq!(
            title(operation("Create a meeting").unwrap()),
            "Create a meeting"
        );
        let qualified = operation("  List meetings @ Meeting ").unwrap();
        assert_eq!(qualified.api().name(), "Meeting");
        assert!(matches!(
            operation("List meetings"),
            Err(LookupError::Ambiguous { .. })
        ));
        assert!(matches!(
            operation("List meetings @ Meetingz"),
            Err(LookupError::UnknownApi { .. })
        ));
        assert!(operation("Migrate 1:1 conversation or channel operations").is_ok());
    }

    #[test]
    fn every_bad_input_is_reported_with_its_origin() {
        let inputs = [
            Input {
                text: "Crate a meeting".into(),
                origin: Some("ops.txt:2".into()),
            },
            Input {
                text: "Get a meeting".into(),
                origin: None,
            },
            Input {
                text: "List meetings".into(),
                origin: None,
            },
            Input {
                text: "Create a meeting @ Meetings".into(),
                origin: None,
            },
        ];
        let Failure(messages) = resolve_all(&inputs).unwrap_err();
        assert_eq!(messages.len(), 3);
        assert!(
            messages[0]
                .starts_with("ops.txt:2: no Zoom API operation is titled \"Crate a meeting\""),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("\"List meetings @ Meeting\""),
            "{}",
            messages[1]
        );
        assert!(
            messages[2].ends_with("help: it is documented in \"Meeting\""),
            "{}",
            messages[2]
        );
    }
}
