//! Turning what a user wrote (a title, an optional API group, a scope name) into catalogue
//! entries, or into an error that says how to fix it.

use std::fmt;

use crate::model::{Catalogue, GroupId, Operation, Scope, ScopeId};
use crate::suggest::{closest, quoted_list};
use crate::text;

/// How many "did you mean" names an error offers.
pub const SUGGESTIONS: usize = 3;

/// Which part of the user's input an error is about, so a caller can point at it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The operation title.
    Title,
    /// The `api = "..."` group.
    Group,
}

/// One API group a title is documented in, with the scopes that grant it there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The group's documented name.
    pub group: String,
    /// Granting scopes, least privileged first.
    pub scopes: Vec<String>,
}

/// Why a title (and group) did not resolve to exactly one operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupError {
    /// The title is empty or only white space.
    EmptyTitle,
    /// The group is empty or only white space.
    EmptyGroup,
    /// No title matches, even ignoring case.
    UnknownTitle {
        /// The title as written.
        title: String,
        /// Close documented titles, best first.
        suggestions: Vec<String>,
    },
    /// A title matches only when case is ignored.
    WrongCase {
        /// The title as written.
        title: String,
        /// The documented titles it matches ignoring case.
        documented: Vec<String>,
    },
    /// The title is in several groups with different scopes, and no group was given.
    Ambiguous {
        /// The title as written.
        title: String,
        /// One entry per group that documents the title.
        choices: Vec<Choice>,
    },
    /// No group has this name.
    UnknownGroup {
        /// The group as written.
        group: String,
        /// Close group names, best first.
        suggestions: Vec<String>,
        /// The groups that document the title, if it is known.
        title_in: Vec<String>,
    },
    /// The group exists but does not document this title.
    NotInGroup {
        /// The title as written.
        title: String,
        /// The group as written.
        group: String,
        /// The groups that do document the title.
        title_in: Vec<String>,
    },
}

impl LookupError {
    /// The part of the input the error is about.
    pub fn subject(&self) -> Subject {
        match self {
            LookupError::EmptyGroup
            | LookupError::UnknownGroup { .. }
            | LookupError::NotInGroup { .. } => Subject::Group,
            _ => Subject::Title,
        }
    }
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LookupError::EmptyTitle => f.write_str(
                "the operation title is empty\n\
                 help: write the title as Zoom documents it, e.g. \"Create a meeting\"",
            ),
            LookupError::EmptyGroup => f.write_str(
                "the API group is empty\nhelp: name the group as Zoom documents it, e.g. api = \"Meeting\"",
            ),
            LookupError::UnknownTitle { title, suggestions } => {
                write!(f, "no Zoom API operation is titled \"{title}\"")?;
                did_you_mean(f, suggestions)
            }
            LookupError::WrongCase { title, documented } => {
                write!(f, "no Zoom API operation is titled \"{title}\" (titles are case-sensitive)")?;
                let names: Vec<&str> = documented.iter().map(String::as_str).collect();
                write!(f, "\nhelp: the documented title is {}", quoted_list(&names))
            }
            LookupError::Ambiguous { title, choices } => {
                write!(
                    f,
                    "\"{title}\" is documented in {} API groups with different scopes; \
                     choose one with `api = \"...\"`:",
                    choices.len()
                )?;
                let width = choices.iter().map(|c| c.group.len()).max().unwrap_or(0);
                for c in choices {
                    let pad = width - c.group.len();
                    write!(f, "\n    api = \"{}\"{:pad$}  granted by {}", c.group, "", c.scopes.join(", "))?;
                }
                Ok(())
            }
            LookupError::UnknownGroup { group, suggestions, title_in } => {
                write!(f, "no Zoom API group is named \"{group}\"")?;
                did_you_mean(f, suggestions)?;
                documented_in(f, title_in)
            }
            LookupError::NotInGroup { title, group, title_in } => {
                write!(f, "\"{title}\" is not documented in the \"{group}\" API group")?;
                documented_in(f, title_in)
            }
        }
    }
}

impl std::error::Error for LookupError {}

fn did_you_mean(f: &mut fmt::Formatter<'_>, suggestions: &[String]) -> fmt::Result {
    if suggestions.is_empty() {
        return Ok(());
    }
    let names: Vec<&str> = suggestions.iter().map(String::as_str).collect();
    write!(f, "\nhelp: did you mean {}?", quoted_list(&names))
}

fn documented_in(f: &mut fmt::Formatter<'_>, groups: &[String]) -> fmt::Result {
    match groups {
        [] => Ok(()),
        [one] => write!(f, "\nhelp: it is documented in api = \"{one}\""),
        many => {
            let names: Vec<&str> = many.iter().map(String::as_str).collect();
            write!(f, "\nhelp: it is documented in {}", quoted_list(&names))
        }
    }
}

/// Why a scope name is not a documented scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScopeError {
    /// The name is empty or only white space.
    Empty,
    /// No scope has this name.
    Unknown {
        /// The name as written.
        name: String,
        /// Close documented names, best first.
        suggestions: Vec<String>,
    },
}

impl fmt::Display for ScopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScopeError::Empty => f.write_str("empty scope name"),
            ScopeError::Unknown { name, suggestions } => {
                write!(f, "unknown Zoom scope \"{name}\"")?;
                did_you_mean(f, suggestions)?;
                if suggestions
                    .first()
                    .is_some_and(|s| text::fold(s) != text::fold(name))
                {
                    f.write_str("\nnote: scope names are written exactly as Zoom documents them")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ScopeError {}

impl Catalogue {
    /// Resolves a title, qualified by an API group when one is given.
    pub fn resolve(&self, title: &str, group: Option<&str>) -> Result<&Operation, LookupError> {
        if title.trim().is_empty() {
            return Err(LookupError::EmptyTitle);
        }
        let found: Vec<&Operation> = self.operations_titled(title).collect();
        if found.is_empty() {
            return Err(self.unknown_title(title));
        }
        match group {
            Some(group) => self.pick_group(title, group, &found),
            None if self.differ(&self.ops_by_title[title]) => Err(LookupError::Ambiguous {
                title: title.to_owned(),
                choices: found.iter().map(|op| self.choice(op)).collect(),
            }),
            // One group, or several that agree on the scopes: any of them answers the same.
            None => Ok(found[0]),
        }
    }

    /// The one of `found` (the operations titled `title`) documented in `group`.
    fn pick_group<'c>(
        &'c self,
        title: &str,
        group: &str,
        found: &[&'c Operation],
    ) -> Result<&'c Operation, LookupError> {
        if group.trim().is_empty() {
            return Err(LookupError::EmptyGroup);
        }
        let groups: Vec<GroupId> = self.groups_named(group).map(|g| g.id).collect();
        if groups.is_empty() {
            let names = self.groups.iter().map(|g| g.name.as_str());
            return Err(LookupError::UnknownGroup {
                group: group.to_owned(),
                suggestions: owned(closest(group, names, SUGGESTIONS)),
                title_in: self.group_names(found),
            });
        }
        match found.iter().find(|op| groups.contains(&op.group)) {
            Some(op) => Ok(op),
            None => Err(LookupError::NotInGroup {
                title: title.to_owned(),
                group: group.to_owned(),
                title_in: self.group_names(found),
            }),
        }
    }

    fn unknown_title(&self, title: &str) -> LookupError {
        if let Some(documented) = self.titles_by_folded.get(&text::fold(title)) {
            let mut documented: Vec<&str> = documented.iter().map(String::as_str).collect();
            // Sorted as `&str`, like the titles below, so that one sort is compiled for both.
            documented.sort_unstable();
            let documented = owned(documented);
            return LookupError::WrongCase {
                title: title.to_owned(),
                documented,
            };
        }
        let mut titles: Vec<&str> = self.titles().collect();
        titles.sort_unstable();
        LookupError::UnknownTitle {
            title: title.to_owned(),
            suggestions: owned(closest(title, titles, SUGGESTIONS)),
        }
    }

    fn choice(&self, op: &Operation) -> Choice {
        Choice {
            group: self.group(op.group).name.clone(),
            scopes: op
                .granted_by
                .iter()
                .map(|&s| self.scope(s).name.clone())
                .collect(),
        }
    }

    fn group_names(&self, ops: &[&Operation]) -> Vec<String> {
        ops.iter()
            .map(|op| self.group(op.group).name.clone())
            .collect()
    }

    /// Resolves a scope name, which must be spelt exactly as documented.
    pub fn resolve_scope(&self, name: &str) -> Result<&Scope, ScopeError> {
        if name.trim().is_empty() {
            return Err(ScopeError::Empty);
        }
        if let Some(scope) = self.scope_named(name) {
            return Ok(scope);
        }
        let names = self.scopes.iter().map(|s| s.name.as_str());
        Err(ScopeError::Unknown {
            name: name.to_owned(),
            suggestions: owned(closest(name, names, SUGGESTIONS)),
        })
    }

    /// Scope ids for names, least privileged first.
    pub fn ranked_names(&self, ids: &[ScopeId]) -> Vec<&str> {
        let mut ids = ids.to_vec();
        self.rank(&mut ids);
        ids.iter().map(|&id| self.scope(id).name()).collect()
    }
}

fn owned(names: Vec<&str>) -> Vec<String> {
    names.into_iter().map(str::to_owned).collect()
}
