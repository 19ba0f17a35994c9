//! Resolving the names a user writes, through the full catalogue or the static index.

use crate::index;
use crate::model::{Catalogue, OperationId, ScopeId};
use crate::resolve::{LookupError, ScopeError};

/// Turns scope names and operation titles into ids, or into errors that say how to fix them.
pub trait Names {
    /// The scope with exactly this documented name.
    fn scope(&self, name: &str) -> Result<ScopeId, ScopeError>;
    /// The operation this title names, in this API group when one is given.
    fn operation(&self, title: &str, group: Option<&str>) -> Result<OperationId, LookupError>;
}

impl Names for Catalogue {
    fn scope(&self, name: &str) -> Result<ScopeId, ScopeError> {
        self.resolve_scope(name).map(|s| s.id())
    }

    fn operation(&self, title: &str, group: Option<&str>) -> Result<OperationId, LookupError> {
        self.resolve(title, group).map(|op| op.id())
    }
}

/// The embedded catalogue, answered from the static [`index`] and parsed only to explain an
/// error: what every build that compiles pays is a binary search.
#[derive(Copy, Clone, Debug, Default)]
pub struct Embedded;

impl Names for Embedded {
    fn scope(&self, name: &str) -> Result<ScopeId, ScopeError> {
        if let Some(id) = index::scope(name) {
            return Ok(id);
        }
        let explained = crate::try_classic()
            .ok()
            .and_then(|c| c.resolve_scope(name).err());
        // Without an explanation the index and the text disagree, which the tests rule out:
        // answer plainly rather than panic.
        Err(explained.unwrap_or_else(|| ScopeError::Unknown {
            name: name.to_owned(),
            suggestions: Vec::new(),
        }))
    }

    fn operation(&self, title: &str, group: Option<&str>) -> Result<OperationId, LookupError> {
        if let Some(op) = index::operation(title, group) {
            return Ok(op.operation_id());
        }
        let explained = crate::try_classic()
            .ok()
            .and_then(|c| c.resolve(title, group).err());
        Err(explained.unwrap_or_else(|| LookupError::UnknownTitle {
            title: title.to_owned(),
            suggestions: Vec::new(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic;

    #[test]
    fn embedded_answers_like_the_catalogue() {
        let c = classic();
        for name in [
            "meeting:write",
            "division:write:admin",
            "Meeting:Write",
            "",
            "scim2",
        ] {
            assert_eq!(Embedded.scope(name), Names::scope(c, name), "{name:?}");
        }
        for (title, group) in [
            ("Create a meeting", None),
            ("Crate a meeting", None),
            ("List meetings", None),
            ("List meetings", Some("Meeting")),
            ("List meetings", Some("Meetings")),
            ("Create a meeting", Some("Webinar")),
            ("create a meeting", None),
            ("", None),
        ] {
            assert_eq!(
                Embedded.operation(title, group),
                Names::operation(c, title, group),
                "{title:?} {group:?}"
            );
        }
    }
}
