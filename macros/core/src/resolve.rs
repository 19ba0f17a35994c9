//! Turning what a user wrote (a title, an optional API group, a scope name) into table ids, or
//! into an error that says how to fix it.
//!
//! Correct input is one exact lookup in the tables; only a failed lookup scans them, to explain
//! itself with suggestions. Every tool renders these errors through [`LookupError::render`],
//! naming the API group the way its own input does ([`Qualifier`]).

use std::fmt;

use zoom_scopes_tables::text::fold;
use zoom_scopes_tables::{ApiId, OperationId, ScopeId, titles};

use crate::suggest::{best, closest, quoted_list, scores};

/// How many "did you mean" names an error offers.
pub const SUGGESTIONS: usize = 3;

/// Which part of the user's input an error is about, so a caller can point at it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The operation title.
    Title,
    /// The `api = "..."` API group.
    Api,
}

/// One API group a title is documented in, with the scopes that grant it there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The API group's documented name.
    pub api: String,
    /// Granting scopes, least privileged first.
    pub scopes: Vec<String>,
}

/// Why a title (and API group) did not resolve to exactly one operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupError {
    /// The title is empty or only white space.
    EmptyTitle,
    /// The API group is empty or only white space.
    EmptyApi,
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
    /// The title is in several API groups with different scopes, and none was given.
    Ambiguous {
        /// The title as written.
        title: String,
        /// One entry per API group that documents the title.
        choices: Vec<Choice>,
    },
    /// No API group has this name.
    UnknownApi {
        /// The API group as written.
        api: String,
        /// Close API group names, best first.
        suggestions: Vec<String>,
        /// The API groups that document the title, if it is known.
        title_in: Vec<String>,
    },
    /// The API group exists but does not document this title.
    NotInApi {
        /// The title as written.
        title: String,
        /// The API group as written.
        api: String,
        /// The API groups that do document the title.
        title_in: Vec<String>,
    },
}

/// How the input a message answers names an API group: the macros' `api = "Meeting"`, or a
/// command line's.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// `api = "Meeting"`, in a macro's arguments.
    Argument,
    /// `--api "Meeting"`, on a command line.
    ApiFlag,
    /// `"TITLE @ Meeting"`, a title and its API group in one command-line word.
    AtApi,
}

impl Qualifier {
    /// The title qualified by `api`, as this input writes it.
    pub fn write(self, title: &str, api: &str) -> String {
        match self {
            Qualifier::Argument => format!("api = \"{api}\""),
            Qualifier::ApiFlag => format!("--api \"{api}\""),
            Qualifier::AtApi => format!("\"{title} @ {api}\""),
        }
    }

    /// The form, with placeholders.
    fn how(self) -> &'static str {
        match self {
            Qualifier::Argument => "`api = \"...\"`",
            Qualifier::ApiFlag => "--api \"GROUP\"",
            Qualifier::AtApi => "\"TITLE @ GROUP\"",
        }
    }
}

impl LookupError {
    /// The part of the input the error is about.
    pub fn subject(&self) -> Subject {
        match self {
            LookupError::EmptyApi
            | LookupError::UnknownApi { .. }
            | LookupError::NotInApi { .. } => Subject::Api,
            _ => Subject::Title,
        }
    }

    /// The message, naming API groups the way `qualifier` writes them. [`Display`] is the
    /// macros' form, [`Qualifier::Argument`].
    ///
    /// [`Display`]: fmt::Display
    pub fn render(&self, qualifier: Qualifier) -> String {
        let mut msg = String::new();
        match self {
            LookupError::EmptyTitle => msg.push_str(
                "the operation title is empty\n\
                 help: write the title as Zoom documents it, e.g. \"Create a meeting\"",
            ),
            LookupError::EmptyApi => {
                msg.push_str(
                    "the API group is empty\nhelp: name the group as Zoom documents it, e.g. ",
                );
                msg.push_str(&qualifier.write("TITLE", "Meeting"));
            }
            LookupError::UnknownTitle { title, suggestions } => {
                msg.push_str(&format!("no Zoom API operation is titled \"{title}\""));
                did_you_mean(&mut msg, suggestions);
            }
            LookupError::WrongCase { title, documented } => {
                let names: Vec<&str> = documented.iter().map(String::as_str).collect();
                msg.push_str(&format!(
                    "no Zoom API operation is titled \"{title}\" (titles are case-sensitive)\n\
                     help: the documented title is {}",
                    quoted_list(&names)
                ));
            }
            LookupError::Ambiguous { title, choices } => {
                msg.push_str(&format!(
                    "\"{title}\" is documented in {} API groups with different scopes; \
                     choose one with {}:",
                    choices.len(),
                    qualifier.how()
                ));
                let rows: Vec<String> = choices
                    .iter()
                    .map(|c| qualifier.write(title, &c.api))
                    .collect();
                let width = rows.iter().map(String::len).max().unwrap_or(0);
                for (written, c) in rows.iter().zip(choices) {
                    msg.push_str(&format!(
                        "\n    {written:width$}  granted by {}",
                        c.scopes.join(", ")
                    ));
                }
            }
            LookupError::UnknownApi {
                api,
                suggestions,
                title_in,
            } => {
                msg.push_str(&format!("no Zoom API group is named \"{api}\""));
                did_you_mean(&mut msg, suggestions);
                documented_in(&mut msg, title_in, qualifier);
            }
            LookupError::NotInApi {
                title,
                api,
                title_in,
            } => {
                msg.push_str(&format!(
                    "\"{title}\" is not documented in the \"{api}\" API group"
                ));
                documented_in(&mut msg, title_in, qualifier);
            }
        }
        msg
    }
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Qualifier::Argument))
    }
}

impl std::error::Error for LookupError {}

fn did_you_mean(msg: &mut String, suggestions: &[String]) {
    if !suggestions.is_empty() {
        let names: Vec<&str> = suggestions.iter().map(String::as_str).collect();
        msg.push_str(&format!("\nhelp: did you mean {}?", quoted_list(&names)));
    }
}

/// Where the title is documented: one API group as the input would qualify it, several as a list.
fn documented_in(msg: &mut String, apis: &[String], qualifier: Qualifier) {
    match apis {
        [] => {}
        [one] => {
            let written = match qualifier {
                Qualifier::AtApi => format!("\"{one}\""),
                _ => qualifier.write("", one),
            };
            msg.push_str(&format!("\nhelp: it is documented in {written}"));
        }
        many => {
            let names: Vec<&str> = many.iter().map(String::as_str).collect();
            msg.push_str(&format!(
                "\nhelp: it is documented in {}",
                quoted_list(&names)
            ));
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
                let mut msg = format!("unknown Zoom scope \"{name}\"");
                did_you_mean(&mut msg, suggestions);
                if suggestions.first().is_some_and(|s| fold(s) != fold(name)) {
                    msg.push_str("\nnote: scope names are written exactly as Zoom documents them");
                }
                f.write_str(&msg)
            }
        }
    }
}

impl std::error::Error for ScopeError {}

/// The operation a title names, qualified by an API group when one is given.
pub fn operation(title: &str, api: Option<&str>) -> Result<OperationId, LookupError> {
    OperationId::find(title, api).ok_or_else(|| explain(title, api))
}

/// Why `title` (in `api`) names no one operation.
fn explain(title: &str, api: Option<&str>) -> LookupError {
    if title.trim().is_empty() {
        return LookupError::EmptyTitle;
    }
    let found: Vec<OperationId> = OperationId::titled(title).collect();
    if found.is_empty() {
        return unknown_title(title);
    }
    let title_in = || found.iter().map(|op| op.api().name().to_owned()).collect();
    match api {
        Some(api) if api.trim().is_empty() => LookupError::EmptyApi,
        Some(api) if ApiId::named(api).next().is_none() => LookupError::UnknownApi {
            api: api.to_owned(),
            suggestions: owned(closest(api, ApiId::all().map(ApiId::name), SUGGESTIONS)),
            title_in: title_in(),
        },
        Some(api) => LookupError::NotInApi {
            title: title.to_owned(),
            api: api.to_owned(),
            title_in: title_in(),
        },
        None => LookupError::Ambiguous {
            title: title.to_owned(),
            choices: found.iter().map(|&op| choice(op)).collect(),
        },
    }
}

fn unknown_title(title: &str) -> LookupError {
    let folded = fold(title);
    let documented: Vec<&str> = titles().filter(|t| fold(t) == folded).collect();
    if !documented.is_empty() {
        return LookupError::WrongCase {
            title: title.to_owned(),
            documented: owned(documented),
        };
    }
    LookupError::UnknownTitle {
        title: title.to_owned(),
        suggestions: owned(closest(title, titles(), SUGGESTIONS)),
    }
}

/// One choice of an ambiguous title: its classic scopes, or its granular ones where no
/// classic scope grants it.
fn choice(op: OperationId) -> Choice {
    let granting = match op.granted_by() {
        [] => op.granular(),
        classic => classic,
    };
    Choice {
        api: op.api().name().to_owned(),
        scopes: granting.iter().map(|s| s.name().to_owned()).collect(),
    }
}

/// The scope a name names, which must be spelt exactly as documented.
pub fn scope(name: &str) -> Result<ScopeId, ScopeError> {
    if let Some(scope) = ScopeId::named(name) {
        return Ok(scope);
    }
    if name.trim().is_empty() {
        return Err(ScopeError::Empty);
    }
    Err(ScopeError::Unknown {
        name: name.to_owned(),
        suggestions: scope_suggestions(name),
    })
}

/// The documented names closest to `name`, from the scope model of the closest one: a
/// declaration holds one model, so a mistyped classic name gets classic names, and a mistyped
/// granular name granular ones (two names belong to both models and go with either).
///
/// One pass scores the names of both models (the error path only: a correct name is one
/// hash lookup); the model filter then only drops candidates.
fn scope_suggestions(name: &str) -> Vec<String> {
    let mut scored = scores(name, ScopeId::all().map(ScopeId::name));
    // The first of the best scores: ties go to the classic names, which come first.
    let top = scored
        .iter()
        .fold(None, |top: Option<(usize, f64)>, &(at, score)| match top {
            Some((_, best)) if best >= score => top,
            _ => Some((at, score)),
        });
    if let Some(model) = top
        .and_then(|(at, _)| ScopeId::from_index(at))
        .map(ScopeId::model)
    {
        scored.retain(|&(at, _)| ScopeId::from_index(at).is_some_and(|s| s.in_model(model)));
    }
    best(scored, SUGGESTIONS)
        .into_iter()
        .filter_map(ScopeId::from_index)
        .map(|s| s.name().to_owned())
        .collect()
}

fn owned(names: Vec<&str>) -> Vec<String> {
    names.into_iter().map(str::to_owned).collect()
}
