//! [`Operation`]: a Zoom API operation, a title within one API group.

use std::fmt;

use zoom_scopes_tables::{OperationId, ScopeId, same_api};

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
    /// The tables' row: title, API group, operationId, deprecation.
    id: OperationId,
    // What `ScopeSet::covers` and `granted_by` read, precomputed from the tables. By
    // reference, and `ranked` a slice of one table in catalogue order: a sweep over the
    // operations (`ScopeSet::covers` on each) then reads 32 bytes an operation in sequence,
    // not 88 with the set inline.
    granted_by: &'static ScopeSet,
    ranked: &'static [Scope],
}

/// Every operation, in catalogue order: `OPERATIONS[i]` is the tables' operation `i`.
static OPERATIONS: [Operation; OperationId::COUNT] = operations();

/// Each operation's granting scopes as a set, in catalogue order.
static GRANTED_BY: [ScopeSet; OperationId::COUNT] = granting_sets();

/// Every operation's granting scopes, least privileged first, one operation after another in
/// catalogue order: each `Operation::ranked` is a run of it.
static RANKED: [Scope; RANKED_LEN] = ranked();

/// The length of [`RANKED`]: the granting scopes of all operations.
const RANKED_LEN: usize = {
    let mut len = 0;
    let mut i = 0;
    while i < OperationId::COUNT {
        len += operation_id(i).granted_by().len();
        i += 1;
    }
    len
};

/// The tables' operation `index`, which exists (`index < OperationId::COUNT`).
const fn operation_id(index: usize) -> OperationId {
    match OperationId::from_index(index) {
        Some(id) => id,
        None => panic!("operation index past the catalogue"),
    }
}

const fn granting_sets() -> [ScopeSet; OperationId::COUNT] {
    let mut sets = [ScopeSet::EMPTY; OperationId::COUNT];
    let mut i = 0;
    while i < OperationId::COUNT {
        let granted_by = operation_id(i).granted_by();
        let mut j = 0;
        while j < granted_by.len() {
            sets[i] = sets[i].with(Scope::from_id(granted_by[j]));
            j += 1;
        }
        i += 1;
    }
    sets
}

const fn ranked() -> [Scope; RANKED_LEN] {
    // Any scope; every element is overwritten.
    let mut ranked = [Scope::at(0); RANKED_LEN];
    let mut at = 0;
    let mut i = 0;
    while i < OperationId::COUNT {
        // The tables rank each operation's granting scopes least privileged first.
        let granted_by: &[ScopeId] = operation_id(i).granted_by();
        let mut j = 0;
        while j < granted_by.len() {
            ranked[at] = Scope::from_id(granted_by[j]);
            at += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(at == RANKED_LEN);
    ranked
}

const fn operations() -> [Operation; OperationId::COUNT] {
    const UNSET: Operation = Operation {
        id: operation_id(0),
        granted_by: &ScopeSet::EMPTY,
        ranked: &[],
    };
    let mut operations = [UNSET; OperationId::COUNT];
    let mut start = 0;
    let mut i = 0;
    while i < OperationId::COUNT {
        let id = operation_id(i);
        let end = start + id.granted_by().len();
        operations[i] = Operation {
            id,
            granted_by: &GRANTED_BY[i],
            ranked: RANKED.split_at(end).0.split_at(start).1,
        };
        start = end;
        i += 1;
    }
    operations
}

/// The runtime's operation for one of the tables' ids.
pub(crate) const fn by_id(id: OperationId) -> &'static Operation {
    &OPERATIONS[id.index()]
}

/// The operation at a catalogue index the `operation!` macro resolved.
pub(crate) const fn by_index(index: usize) -> &'static Operation {
    &OPERATIONS[index]
}

impl Operation {
    /// The documented title, including any ` [Deprecated]` mark.
    pub const fn title(&self) -> &'static str {
        self.id.title()
    }

    /// The API group the title is documented in ("Meeting", "Dashboard", ...).
    pub const fn api(&self) -> &'static str {
        self.id.api().name()
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
        self.id.operation_id()
    }

    /// Whether Zoom marks the operation `[Deprecated]`.
    pub const fn deprecated(&self) -> bool {
        self.id.deprecated()
    }

    /// For a deprecated operation, the same title without the mark, when Zoom documents it.
    pub const fn replacement(&self) -> Option<&'static Operation> {
        match self.id.replacement() {
            Some(id) => Some(by_id(id)),
            None => None,
        }
    }

    /// Position in catalogue order.
    pub const fn index(&self) -> usize {
        self.id.index()
    }

    /// Every documented operation, in catalogue order.
    pub fn all() -> &'static [Operation] {
        &OPERATIONS
    }

    /// The operations with exactly this title (one per API group that documents it), in
    /// catalogue order.
    pub fn titled(title: &str) -> impl Iterator<Item = &'static Operation> + '_ {
        OperationId::titled(title).map(by_id)
    }

    /// The operation with this title in this API group; the group matches ignoring case, spaces
    /// and punctuation ("ContactCenter" is "Contact Center"). A title several API groups
    /// document is found in each of them.
    pub fn find(title: &str, api: &str) -> Option<&'static Operation> {
        OperationId::titled(title)
            .find(|op| same_api(op.api().name(), api))
            .map(by_id)
    }
}

// Every `Operation` is an entry of the one static table: its index is its identity.
impl PartialEq for Operation {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Operation {}

impl std::hash::Hash for Operation {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl fmt::Debug for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Operation")
            .field("title", &self.title())
            .field("api", &self.api())
            .field("granted_by", &self.granted_by)
            .finish()
    }
}

impl fmt::Display for Operation {
    /// `"Create a meeting" (Meeting API)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} ({} API)", self.title(), self.api())
    }
}

impl serde::Serialize for Operation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Operation", 3)?;
        s.serialize_field("title", self.title())?;
        s.serialize_field("api", self.api())?;
        s.serialize_field("scopes", self.ranked)?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use zoom_scopes_tables::{ApiId, api_key};

    use super::*;

    /// What `titled` must return: a scan of the whole table in catalogue order.
    fn scan(title: &str) -> Vec<usize> {
        OPERATIONS
            .iter()
            .filter(|op| op.title() == title)
            .map(Operation::index)
            .collect()
    }

    fn titled(title: &str) -> Vec<usize> {
        Operation::titled(title).map(Operation::index).collect()
    }

    #[test]
    fn each_entry_is_its_tables_row() {
        assert_eq!(OPERATIONS.len(), OperationId::COUNT);
        for (index, op) in OPERATIONS.iter().enumerate() {
            assert_eq!(op.index(), index);
            assert_eq!(OperationId::from_index(index), Some(op.id));
            assert!(std::ptr::eq(by_index(index), op));
            assert!(std::ptr::eq(by_id(op.id), op));
        }
        let ranked: Vec<Scope> = OPERATIONS
            .iter()
            .flat_map(|op| op.granted_by_ranked().iter().copied())
            .collect();
        assert_eq!(ranked, RANKED);
    }

    #[test]
    fn titled_finds_every_operation_in_catalogue_order() {
        for op in &OPERATIONS {
            assert_eq!(titled(op.title()), scan(op.title()), "{:?}", op.title());
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
                let found = Operation::find(op.title(), &written).expect("documented");
                assert_eq!(found.title(), op.title());
                assert_eq!(api_key(found.api()), api_key(api), "{written}");
            }
        }
        let contact = Operation::all()
            .iter()
            .find(|op| op.api() == "ContactCenter")
            .expect("a ContactCenter operation");
        assert!(Operation::find(contact.title(), "Contact Center").is_some());
        assert!(Operation::find("List meetings", "Dashboard").is_some());
        assert_eq!(Operation::find("List meetings", "Dashboards"), None);
        assert_eq!(Operation::find("List meetings", "Dash"), None);
        assert_eq!(Operation::find("List meetings", ""), None);
        assert_eq!(Operation::find("List meetings", "Dashboard\u{e9}"), None);
        assert_eq!(Operation::find("list meetings", "Dashboard"), None);
    }

    /// `find` is the first operation in catalogue order with the title in a group whose key
    /// is the key of `api`, for every title (ambiguous ones included) and every group name the
    /// tables know, in several spellings.
    #[test]
    fn find_is_a_scan_by_title_and_group_key() {
        let mut spellings: Vec<(String, String)> = Vec::new();
        for api in ApiId::all().map(ApiId::name) {
            for written in [api.to_owned(), api.to_uppercase(), api_key(api)] {
                spellings.push((api_key(&written), written));
            }
        }
        spellings.extend(["", "nope"].map(|s| (api_key(s), s.to_owned())));
        // Catalogue order within a title, from a scan of the table.
        let mut by_title: HashMap<&str, Vec<(&Operation, String)>> = HashMap::new();
        for op in &OPERATIONS {
            by_title
                .entry(op.title())
                .or_default()
                .push((op, api_key(op.api())));
        }
        for (title, ops) in &by_title {
            for (key, written) in &spellings {
                let expected = ops.iter().find(|(_, k)| k == key).map(|&(op, _)| op);
                assert_eq!(
                    Operation::find(title, written),
                    expected,
                    "{title:?} in {written:?}"
                );
            }
        }
    }

    #[cfg(target_pointer_width = "64")]
    #[test]
    fn the_hot_path_reads_a_compact_entry() {
        assert_eq!(std::mem::size_of::<Operation>(), 32);
    }
}
