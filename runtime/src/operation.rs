//! [`Operation`]: a Zoom API operation, a title within one API group.

use std::fmt;

use crate::generated::tables::{APIS, BY_TITLE, OPERATIONS};
use crate::{Scope, ScopeSet};

/// A Zoom API operation as the classic-scope reference documents it: a title within one API
/// group, and the scopes that grant it.
///
/// Get one, checked at compile time, with [`operation!`](crate::operation!):
///
/// ```
/// use zoom_scopes::{Scope, operation};
/// let op = operation!("Create a meeting");
/// assert_eq!(op.title(), "Create a meeting");
/// assert_eq!(op.api(), "Meeting");
/// assert_eq!(op.least_privileged(), Some(Scope::MEETING_WRITE));
/// assert!(op.granted_by().contains(Scope::MEETING_MASTER));
/// ```
pub struct Operation {
    pub(crate) index: u16,
    pub(crate) title: &'static str,
    pub(crate) api: u16,
    // By reference, and `ranked` a slice of one table in catalogue order: a sweep over the
    // operations (`ScopeSet::covers` on each) then reads 72 bytes an operation in sequence,
    // not 128 with the set inline.
    pub(crate) granted_by: &'static ScopeSet,
    pub(crate) ranked: &'static [Scope],
    pub(crate) operation_id: Option<&'static str>,
    pub(crate) deprecated: bool,
    pub(crate) replacement: Option<u16>,
}

/// The operation at `index` in catalogue order.
pub(crate) fn by_index(index: usize) -> &'static Operation {
    &OPERATIONS[index]
}

impl Operation {
    /// The documented title, including any ` [Deprecated]` mark.
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// The API group the title is documented in ("Meeting", "Dashboard", ...).
    pub const fn api(&self) -> &'static str {
        APIS[self.api as usize]
    }

    /// The scopes that grant this operation.
    pub const fn granted_by(&self) -> &ScopeSet {
        self.granted_by
    }

    /// The granting scopes, least privileged first.
    pub const fn granted_by_ranked(&self) -> &'static [Scope] {
        self.ranked
    }

    /// The least privileged granting scope: the one to ask for.
    pub const fn least_privileged(&self) -> Option<Scope> {
        match self.ranked {
            [first, ..] => Some(*first),
            [] => None,
        }
    }

    /// The operationId from Zoom's API reference, when the scope reference links to it.
    pub const fn operation_id(&self) -> Option<&'static str> {
        self.operation_id
    }

    /// Whether Zoom marks the operation `[Deprecated]`.
    pub const fn deprecated(&self) -> bool {
        self.deprecated
    }

    /// For a deprecated operation, the same title without the mark, when Zoom documents it.
    pub fn replacement(&self) -> Option<&'static Operation> {
        self.replacement.map(|i| by_index(usize::from(i)))
    }

    /// Position in catalogue order.
    pub const fn index(&self) -> usize {
        self.index as usize
    }

    /// Every documented operation, in catalogue order.
    pub fn all() -> &'static [Operation] {
        &OPERATIONS
    }

    /// The operations with exactly this title (one per API group that documents it).
    pub fn titled(title: &str) -> impl Iterator<Item = &'static Operation> + '_ {
        // `BY_TITLE` is sorted by title, catalogue order within a title: the matches are one
        // run, in catalogue order.
        let start = BY_TITLE.partition_point(|&i| by_index(usize::from(i)).title < title);
        BY_TITLE[start..]
            .iter()
            .map(|&i| by_index(usize::from(i)))
            .take_while(move |op| op.title == title)
    }

    /// The operation with this title in this API group; the group matches ignoring case, spaces
    /// and punctuation ("ContactCenter" is "Contact Center").
    pub fn find(title: &str, api: &str) -> Option<&'static Operation> {
        Operation::titled(title).find(|op| same_api(op.api(), api))
    }
}

/// Whether two API group names are equal once case, spaces and punctuation are folded away;
/// compared without allocating.
fn same_api(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // The same folding, byte by byte: for ASCII, `char::is_alphanumeric` and
        // `char::to_lowercase` are their `ascii` forms.
        ascii_key(a).eq(ascii_key(b))
    } else {
        api_key(a).eq(api_key(b))
    }
}

/// An ASCII API group name with case, spaces and punctuation folded away.
fn ascii_key(name: &str) -> impl Iterator<Item = u8> + '_ {
    name.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
}

/// An API group name with case, spaces and punctuation folded away.
fn api_key(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

// Every `Operation` is an entry of the one static table: its index is its identity.
impl PartialEq for Operation {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}

impl Eq for Operation {}

impl std::hash::Hash for Operation {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl fmt::Debug for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Operation")
            .field("title", &self.title)
            .field("api", &self.api())
            .field("granted_by", &self.granted_by)
            .finish()
    }
}

impl fmt::Display for Operation {
    /// `"Create a meeting" (Meeting API)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} ({} API)", self.title, self.api())
    }
}

impl serde::Serialize for Operation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Operation", 3)?;
        s.serialize_field("title", self.title)?;
        s.serialize_field("api", self.api())?;
        s.serialize_field("scopes", self.ranked)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `titled` must return: a scan of the whole table in catalogue order.
    fn scan(title: &str) -> Vec<usize> {
        OPERATIONS
            .iter()
            .filter(|op| op.title == title)
            .map(Operation::index)
            .collect()
    }

    fn titled(title: &str) -> Vec<usize> {
        Operation::titled(title).map(Operation::index).collect()
    }

    #[test]
    fn titled_finds_every_operation_in_catalogue_order() {
        for op in &OPERATIONS {
            assert_eq!(titled(op.title), scan(op.title), "{:?}", op.title);
        }
        assert_eq!(titled("List meetings").len(), 2);
    }

    #[test]
    fn titled_finds_nothing_for_other_strings() {
        for title in [
            "",
            "create a meeting",
            "Create a meetin",
            "Create a meeting ",
            "Create a meeting\0",
            "\u{10ffff}",
            "Zzz",
        ] {
            assert_eq!(titled(title), Vec::<usize>::new(), "{title:?}");
        }
    }

    #[test]
    fn the_title_index_is_a_permutation_sorted_by_title() {
        let mut indices: Vec<usize> = BY_TITLE.iter().map(|&i| usize::from(i)).collect();
        assert!(
            indices
                .windows(2)
                .all(|w| (OPERATIONS[w[0]].title, w[0]) < (OPERATIONS[w[1]].title, w[1]))
        );
        indices.sort_unstable();
        assert_eq!(indices, (0..OPERATIONS.len()).collect::<Vec<_>>());
    }

    #[test]
    fn find_matches_the_group_ignoring_case_space_and_punctuation() {
        for op in &OPERATIONS {
            let api = op.api();
            for written in [
                api.to_owned(),
                api.to_uppercase(),
                api.to_lowercase(),
                api.replace(' ', ""),
                format!(" {api}_"),
            ] {
                let found = Operation::find(op.title, &written).expect("documented");
                assert_eq!(found.title, op.title);
                assert!(api_key(found.api()).eq(api_key(api)), "{written}");
            }
        }
        let contact = Operation::all()
            .iter()
            .find(|op| op.api() == "ContactCenter")
            .expect("a ContactCenter operation");
        assert!(Operation::find(contact.title, "Contact Center").is_some());
        assert!(Operation::find("List meetings", "Dashboard").is_some());
        assert_eq!(Operation::find("List meetings", "Dashboards"), None);
        assert_eq!(Operation::find("List meetings", "Dash"), None);
        assert_eq!(Operation::find("List meetings", ""), None);
        assert_eq!(Operation::find("List meetings", "Dashboard\u{e9}"), None);
        assert_eq!(Operation::find("list meetings", "Dashboard"), None);
    }

    #[test]
    fn the_ascii_group_key_is_the_char_group_key() {
        let mut names: Vec<String> = (0..=127u8).map(|b| char::from(b).to_string()).collect();
        for api in APIS {
            names.extend([
                api.to_owned(),
                api.to_uppercase(),
                api.replace(' ', "-"),
                format!("_{api} 2"),
            ]);
        }
        for name in &names {
            assert!(
                ascii_key(name).map(char::from).eq(api_key(name)),
                "{name:?}"
            );
        }
        assert!(same_api("Contact Center", "CONTACT_CENTER"));
        assert!(same_api("Special&ChatBot", "special chatbot"));
        assert!(!same_api("Special", "Special&ChatBot"));
        assert!(same_api("Zo\u{d3}m", "zo\u{f3}m"));
        assert!(!same_api("Zoom", "Zo\u{f3}m"));
    }
}
