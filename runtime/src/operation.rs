//! [`Operation`]: a Zoom API operation, a title within one API group.

use std::fmt;
use std::sync::OnceLock;

use zoom_scopes_tables::OperationId;

use crate::endpoint::Endpoint;
use crate::{Model, RateLimit, Scope, ScopeSet};

/// A Zoom API operation: a title within one API group, the scopes of both scope models that
/// grant it, and its HTTP endpoints.
///
/// Get one, checked at compile time, with [`operation!`](crate::operation!):
///
/// ```
/// use zoom_scopes::{Model, Scope, operation};
/// let op = operation!("Create a meeting");
/// assert_eq!(op.title(), "Create a meeting");
/// assert_eq!(op.api(), "Meeting");
/// assert_eq!(op.least_privileged(), Some(Scope::MEETING_WRITE));
/// assert_eq!(op.least_privileged_in(Model::Granular), Some(Scope::MEETING_WRITE_MEETING));
/// assert!(op.granted_by().contains(Scope::MEETING_MASTER));
/// assert!(op.granted_by().contains(Scope::MEETING_WRITE_MEETING_ADMIN));
/// ```
///
/// Zoom has two scope models ([`Model`]): the classic scopes of the classic-scope page
/// (`meeting:write`) and the granular scopes of the API reference (`meeting:write:meeting`),
/// the only ones apps created since March 2024 can hold. An operation is granted by any one
/// scope of either list: [`granted_by`](Operation::granted_by) holds both,
/// [`granted_by_in`](Operation::granted_by_in) ranks one model's.
pub struct Operation {
    /// The tables' row: title, API group, operationId, deprecation, endpoints.
    id: OperationId,
    // The operation's run of `GRANTING`, from `start`: its `classic` classic scopes, then its
    // `granular` granular ones. Positions, not slices, so an entry is 10 bytes (a sweep over
    // the operations reads them in sequence) and the tables are built without slicing in
    // const evaluation.
    start: u16,
    classic: u8,
    granular: u8,
    // What `ScopeSet::covers` reads: the same scopes as `bits` (word, mask) pairs of a
    // `ScopeSet` from `bits_start` in `BIT_WORDS` and `BIT_MASKS`. An operation's scopes of
    // one model are mostly neighbours (`meeting:read`, `meeting:read:admin`,
    // `meeting:master`): about two words an operation for its three scopes, so `covers` tests
    // fewer.
    bits_start: u16,
    bits: u8,
}

/// Every operation, in catalogue order: `OPERATIONS[i]` is the tables' operation `i`.
static OPERATIONS: [Operation; OperationId::COUNT] = LAYOUT.operations;

/// Every operation's granting scopes, one operation after another in catalogue order, each
/// operation's classic list then its granular list, both least privileged first: each
/// operation's scopes are a run of it.
static GRANTING: [Scope; GRANTING_LEN] = granting(&LAYOUT.scopes);

/// The length of [`GRANTING`]: the granting scopes of all operations, in both models.
const GRANTING_LEN: usize = LAYOUT.len;

/// Every operation's granting scopes as (word, mask) pairs of a `ScopeSet`, one operation
/// after another: the word's index here, its mask in [`BIT_MASKS`].
static BIT_WORDS: [u8; BITS_LEN] = bit_words(&LAYOUT.bit_words);

/// The masks of [`BIT_WORDS`]' pairs.
static BIT_MASKS: [u64; BITS_LEN] = bit_masks(&LAYOUT.bit_masks);

/// The number of (word, mask) pairs of all operations.
const BITS_LEN: usize = LAYOUT.bits;

/// Room for [`LAYOUT`] to lay the scopes out before their number is known: eight an
/// operation (there are about three), so a larger catalogue still fits.
const CAPACITY: usize = 8 * OperationId::COUNT;

/// The tables' lists copied into one array in a single pass over the operations, evaluated
/// once and read by the items above. Const evaluation pays for each call it interprets, and a
/// list from the tables is a few dozen (`split_at` and its checks): reading each list once,
/// rather than once to count, once to copy and once to slice, is most of this crate's build.
struct Layout {
    scopes: [Scope; CAPACITY],
    len: usize,
    bit_words: [u8; CAPACITY],
    bit_masks: [u64; CAPACITY],
    bits: usize,
    operations: [Operation; OperationId::COUNT],
}

const LAYOUT: Layout = layout();

/// The tables' operation `index`, which exists (`index < OperationId::COUNT`).
const fn operation_id(index: usize) -> OperationId {
    match OperationId::from_index(index) {
        Some(id) => id,
        None => panic!("operation index past the catalogue"),
    }
}

const fn layout() -> Layout {
    const UNSET: Operation = Operation {
        id: operation_id(0),
        start: 0,
        classic: 0,
        granular: 0,
        bits_start: 0,
        bits: 0,
    };
    // Any scope; every element before `len` is overwritten.
    let mut layout = Layout {
        scopes: [Scope::at(0); CAPACITY],
        len: 0,
        bit_words: [0; CAPACITY],
        bit_masks: [0; CAPACITY],
        bits: 0,
        operations: [UNSET; OperationId::COUNT],
    };
    let mut i = 0;
    while i < OperationId::COUNT {
        let id = operation_id(i);
        // The tables rank each list least privileged first.
        let (classic, granular) = (id.granted_by(), id.granular());
        let start = layout.len;
        assert!(
            start + classic.len() + granular.len() <= CAPACITY,
            "the operations' scopes outgrow CAPACITY: raise it"
        );
        assert!(start <= u16::MAX as usize && classic.len() <= u8::MAX as usize);
        assert!(granular.len() <= u8::MAX as usize);
        let mut j = 0;
        while j < classic.len() {
            layout.scopes[layout.len] = Scope(classic[j]);
            layout.len += 1;
            j += 1;
        }
        j = 0;
        while j < granular.len() {
            layout.scopes[layout.len] = Scope(granular[j]);
            layout.len += 1;
            j += 1;
        }
        // The (word, mask) pairs of the scopes just laid out, each word once.
        let bits_start = layout.bits;
        let mut k = start;
        while k < layout.len {
            let index = layout.scopes[k].0.index();
            let (word, mask) = (index / 64, 1 << (index % 64));
            let mut pair = bits_start;
            while pair < layout.bits && layout.bit_words[pair] as usize != word {
                pair += 1;
            }
            if pair == layout.bits {
                assert!(word <= u8::MAX as usize);
                layout.bit_words[pair] = word as u8;
                layout.bits += 1;
            }
            layout.bit_masks[pair] |= mask;
            k += 1;
        }
        assert!(bits_start <= u16::MAX as usize && layout.bits - bits_start <= u8::MAX as usize);
        layout.operations[i] = Operation {
            id,
            start: start as u16,
            classic: classic.len() as u8,
            granular: granular.len() as u8,
            bits_start: bits_start as u16,
            bits: (layout.bits - bits_start) as u8,
        };
        i += 1;
    }
    layout
}

/// The first [`BITS_LEN`] words of the layout.
const fn bit_words(words: &[u8; CAPACITY]) -> [u8; BITS_LEN] {
    let mut out = [0; BITS_LEN];
    let mut i = 0;
    while i < BITS_LEN {
        out[i] = words[i];
        i += 1;
    }
    out
}

/// The first [`BITS_LEN`] masks of the layout.
const fn bit_masks(masks: &[u64; CAPACITY]) -> [u64; BITS_LEN] {
    let mut out = [0; BITS_LEN];
    let mut i = 0;
    while i < BITS_LEN {
        out[i] = masks[i];
        i += 1;
    }
    out
}

/// The first [`GRANTING_LEN`] scopes of the layout.
const fn granting(scopes: &[Scope; CAPACITY]) -> [Scope; GRANTING_LEN] {
    let mut granting = [Scope::at(0); GRANTING_LEN];
    let mut i = 0;
    while i < GRANTING_LEN {
        granting[i] = scopes[i];
        i += 1;
    }
    granting
}

/// Each operation's granting scopes of both models as a set, built on first use. A
/// precomputed table of the sets would be 1,846 sets of 384 bytes (709 KB in every binary,
/// and const evaluation to build it); these are 16 bytes an operation until a set is asked
/// for, and `ScopeSet::covers` never asks.
static GRANTED_BY: [OnceLock<Box<ScopeSet>>; OperationId::COUNT] =
    [const { OnceLock::new() }; OperationId::COUNT];

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

    /// The scopes that grant this operation, of both scope models: any one of them does.
    ///
    /// Built on first use for each operation; [`ScopeSet::covers`] does not need it.
    pub fn granted_by(&self) -> &'static ScopeSet {
        // no panic: an `Operation` is an entry of `OPERATIONS`, with an entry here per entry
        GRANTED_BY[self.index()].get_or_init(|| Box::new(ScopeSet::from_scopes(self.granting())))
    }

    /// The classic scopes that grant it (the classic-scope page's), least privileged first.
    ///
    /// Classic only, as before granular scopes were known, for compatibility: it is
    /// [`granted_by_in(Model::Classic)`](Operation::granted_by_in), and empty for the
    /// operations only granular scopes grant.
    pub const fn granted_by_ranked(&self) -> &'static [Scope] {
        self.granted_by_in(Model::Classic)
    }

    /// The scopes of `model` that grant it, least privileged first (user-level, then `:admin`,
    /// then `:master`); any one of them does. Empty when no scope of that model grants it.
    #[inline]
    pub const fn granted_by_in(&self, model: Model) -> &'static [Scope] {
        let (classic, granular) = self.granting().split_at(self.classic as usize);
        match model {
            Model::Classic => classic,
            Model::Granular => granular,
        }
    }

    /// Every granting scope as (word, mask) pairs of a [`ScopeSet`], each word once: the
    /// word's index in the set's words, and the mask of the granting scopes' bits in it.
    #[inline]
    pub(crate) const fn granting_bits(&self) -> (&'static [u8], &'static [u64]) {
        let start = self.bits_start as usize;
        let end = start + self.bits as usize;
        // no panic: `layout` placed each run inside both tables
        (
            BIT_WORDS.split_at(end).0.split_at(start).1,
            BIT_MASKS.split_at(end).0.split_at(start).1,
        )
    }

    /// Every granting scope: the classic list, then the granular list, each least privileged
    /// first.
    #[inline]
    pub(crate) const fn granting(&self) -> &'static [Scope] {
        let start = self.start as usize;
        let end = start + self.classic as usize + self.granular as usize;
        // no panic: `layout` placed each run inside `GRANTING`
        GRANTING.split_at(end).0.split_at(start).1
    }

    /// The least privileged classic scope that grants it: the one to ask for. Classic, for
    /// compatibility; `None` for the operations only granular scopes grant (see
    /// [`least_privileged_in`](Operation::least_privileged_in)).
    pub const fn least_privileged(&self) -> Option<Scope> {
        self.least_privileged_in(Model::Classic)
    }

    /// The least privileged scope of `model` that grants it: the one an app of that model
    /// asks for.
    pub const fn least_privileged_in(&self, model: Model) -> Option<Scope> {
        match self.granted_by_in(model) {
            [first, ..] => Some(*first),
            [] => None,
        }
    }

    /// Whether an OAuth scope (of either model) grants it. The few operations none does are
    /// authorised otherwise (Video SDK, Cobrowse SDK: an SDK key, not an OAuth token); no
    /// [`ScopeSet`] covers them.
    pub const fn oauth(&self) -> bool {
        self.classic > 0 || self.granular > 0
    }

    /// Its HTTP endpoints in Zoom's API reference: the regular one and, for many operations,
    /// a master-account variant. None for the few titles only the classic-scope page has.
    pub fn endpoints(&self) -> impl ExactSizeIterator<Item = Endpoint> + Clone + use<> {
        self.id.endpoints().map(Endpoint::from_id)
    }

    /// Zoom's rate-limit label for it: the heaviest of its endpoints' labels
    /// ([`Endpoint::rate_limit`], the two cases the reference writes them in normalised), so
    /// the one operation whose endpoints differ (`LIGHT` and `MEDIUM`) counts as the heavier.
    /// `None` when no endpoint of it has a label. The client's retry policy reads the label of
    /// the endpoint a request goes to (see `client::RetryPolicy`).
    ///
    /// ```
    /// use zoom_scopes::{RateLimit, operation};
    /// assert_eq!(operation!("Create a meeting").rate_limit(), Some(RateLimit::Light));
    /// assert_eq!(operation!("Get a user", api = "User").rate_limit(), Some(RateLimit::Light));
    /// ```
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.endpoints().filter_map(Endpoint::rate_limit).max()
    }

    /// The operationId from Zoom's API reference, when the scope reference links to it (the
    /// regular endpoint's when there is also a master-account variant).
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
        OperationId::find(title, Some(api)).map(by_id)
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
            .field("granted_by", self.granted_by())
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
    /// `{"title", "api", "scopes", "granular"}`: the classic and the granular scopes that grant
    /// it, each least privileged first, as `cargo zoom-scopes explain --format json` prints them.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Operation", 4)?;
        s.serialize_field("title", self.title())?;
        s.serialize_field("api", self.api())?;
        s.serialize_field("scopes", self.granted_by_in(Model::Classic))?;
        s.serialize_field("granular", self.granted_by_in(Model::Granular))?;
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use zoom_scopes_tables::{ApiId, ScopeId, api_key};

    use super::*;

    #[test]
    fn each_entry_is_its_tables_row() {
        assert_eq!(OPERATIONS.len(), OperationId::COUNT);
        for (index, op) in OPERATIONS.iter().enumerate() {
            assert_eq!(op.index(), index);
            assert_eq!(OperationId::from_index(index), Some(op.id));
            assert!(std::ptr::eq(by_index(index), op));
            assert!(std::ptr::eq(by_id(op.id), op));
        }
        let granting: Vec<Scope> = OPERATIONS
            .iter()
            .flat_map(|op| {
                let (classic, granular) = (Model::Classic, Model::Granular);
                [op.granted_by_in(classic), op.granted_by_in(granular)].concat()
            })
            .collect();
        assert_eq!(granting, GRANTING);
        for op in &OPERATIONS {
            let tables = |scopes: &[ScopeId]| -> Vec<Scope> {
                scopes.iter().map(|&s| Scope::from_id(s)).collect()
            };
            assert_eq!(op.granted_by_ranked(), tables(op.id.granted_by()), "{op}");
            assert_eq!(
                op.granted_by_in(Model::Granular),
                tables(op.id.granular()),
                "{op}"
            );
            let both = [tables(op.id.granted_by()), tables(op.id.granular())].concat();
            assert_eq!(op.granting(), both, "{op}");
            // The (word, mask) pairs are the same scopes, each word once.
            let (words, masks) = op.granting_bits();
            assert_eq!(words.len(), masks.len());
            let mut from_bits: Vec<usize> = Vec::new();
            for (&word, &mask) in words.iter().zip(masks) {
                assert!(mask != 0, "{op}");
                from_bits.extend(
                    (0..64)
                        .filter(|b| mask >> b & 1 == 1)
                        .map(|b| word as usize * 64 + b),
                );
            }
            from_bits.sort_unstable();
            let mut indices: Vec<usize> = both.iter().map(|s| s.index()).collect();
            indices.sort_unstable();
            indices.dedup();
            assert_eq!(from_bits, indices, "{op}");
            let mut distinct = words.to_vec();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), words.len(), "{op}: a word twice");
            assert_eq!(op.oauth(), op.id.oauth(), "{op}");
            assert_eq!(*op.granted_by(), ScopeSet::from_scopes(op.granting()));
            assert!(std::ptr::eq(op.granted_by(), op.granted_by()), "built once");
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

    #[test]
    fn the_hot_path_reads_a_compact_entry() {
        assert_eq!(std::mem::size_of::<Operation>(), 10);
    }
}
