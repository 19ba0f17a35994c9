//! [`OperationId`]: a Zoom API operation, a title within one API group, and the lookup of an
//! operation by title and API group.

use crate::columns::{
    BY_TITLE, DEPRECATED, ENDPOINT_OPERATION_IDS, GRANTED_BY, GRANTED_BY_ENDS, GRANULAR_BY,
    GRANULAR_BY_ENDS, MARKER_NUMBERED, MARKER_NUMBERS, OPERATION_APIS, OPERATION_COUNT,
    OPERATION_ENDPOINT_ENDS, OPERATION_IDS, OPERATION_TITLES, REPLACEMENTS, position, run, some,
};
use crate::naming::{MarkerPath, marker};
use crate::{ApiId, EndpointId, Model, ScopeId, same_api};

/// An operation, numbered in order of first appearance in the catalogue.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OperationId(pub(crate) u16);

impl OperationId {
    /// How many operations are documented.
    pub const COUNT: usize = OPERATION_COUNT;

    /// Position in catalogue order, from 0.
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The operation at `index` in catalogue order, if there is one.
    pub const fn from_index(index: usize) -> Option<OperationId> {
        if index < OPERATION_COUNT {
            Some(OperationId(index as u16))
        } else {
            None
        }
    }

    /// Every operation, in catalogue order.
    pub fn all() -> impl ExactSizeIterator<Item = OperationId> + Clone {
        (0..OPERATION_COUNT as u16).map(OperationId)
    }

    /// The documented title, including any ` [Deprecated]` mark.
    #[inline]
    pub const fn title(self) -> &'static str {
        // no panic: an OperationId only comes from these tables
        OPERATION_TITLES[self.index()]
    }

    /// The API group the title is documented in.
    pub const fn api(self) -> ApiId {
        // no panic: as above
        ApiId(OPERATION_APIS[self.index()])
    }

    /// The classic scopes that grant it (the classic-scope page's), least privileged first:
    /// any one of them grants the operation.
    #[inline]
    pub const fn granted_by(self) -> &'static [ScopeId] {
        run(&GRANTED_BY, &GRANTED_BY_ENDS, self.index())
    }

    /// The granular scopes that grant it (its endpoints' in Zoom's API reference), least
    /// privileged first: any one of them grants the operation.
    #[inline]
    pub const fn granular(self) -> &'static [ScopeId] {
        run(&GRANULAR_BY, &GRANULAR_BY_ENDS, self.index())
    }

    /// The scopes of `model` that grant it, least privileged first.
    pub const fn granted_in(self, model: Model) -> &'static [ScopeId] {
        match model {
            Model::Classic => self.granted_by(),
            Model::Granular => self.granular(),
        }
    }

    /// Whether an OAuth scope of either model grants it; the operations no scope grants are
    /// authorised otherwise (Video SDK, Cobrowse SDK: an SDK key, not OAuth).
    pub const fn oauth(self) -> bool {
        !self.granted_by().is_empty() || !self.granular().is_empty()
    }

    /// Its endpoints in Zoom's API reference (none for the few titles only the scope page has).
    pub fn endpoints(self) -> impl ExactSizeIterator<Item = EndpointId> + Clone {
        let index = self.index();
        // no panic: an OperationId only comes from these tables, with an entry per operation
        let end = OPERATION_ENDPOINT_ENDS[index];
        let before = index.checked_sub(1);
        // no panic: as above, and `before` is before `index`
        let start = before.map_or(0, |b| OPERATION_ENDPOINT_ENDS[b]);
        (start..end).map(EndpointId)
    }

    /// Its typed-mode marker trait, `zoom_scopes::operations::<module>::<name>`.
    pub fn marker(self) -> MarkerPath {
        let path = marker(self.api().name(), self.title());
        match position(&MARKER_NUMBERED, self.0) {
            // no panic: `MARKER_NUMBERS` has an entry for each of `MARKER_NUMBERED`
            Some(at) => path.numbered(MARKER_NUMBERS[at]),
            None => path,
        }
    }

    /// The operationId of Zoom's API reference: the one the scope page links (the account-level
    /// endpoint's when it links both), else its first endpoint's that has one.
    pub const fn operation_id(self) -> Option<&'static str> {
        // no panic: as above
        if let Some(linked) = some(OPERATION_IDS[self.index()]) {
            return Some(linked);
        }
        let index = self.index();
        // no panic: an OperationId only comes from these tables, with an entry per operation
        let end = OPERATION_ENDPOINT_ENDS[index] as usize;
        let mut at = if index == 0 {
            0
        } else {
            // no panic: `index - 1` is before `index`
            OPERATION_ENDPOINT_ENDS[index - 1] as usize
        };
        while at < end {
            // no panic: an endpoint run ends within the endpoints
            if let Some(id) = some(ENDPOINT_OPERATION_IDS[at]) {
                return Some(id);
            }
            at += 1;
        }
        None
    }

    /// Whether Zoom marks the title `[Deprecated]`.
    pub const fn deprecated(self) -> bool {
        self.deprecated_at().is_some()
    }

    /// For a deprecated operation, the same title without the mark, when Zoom documents it.
    pub const fn replacement(self) -> Option<OperationId> {
        match self.deprecated_at() {
            // no panic: `REPLACEMENTS` has an entry for each of `DEPRECATED`
            Some(at) if REPLACEMENTS[at] != u16::MAX => Some(OperationId(REPLACEMENTS[at])),
            _ => None,
        }
    }

    /// This operation's position in `DEPRECATED`, if Zoom marks it.
    const fn deprecated_at(self) -> Option<usize> {
        position(&DEPRECATED, self.0)
    }

    /// The operations with exactly this title, one per API group that documents it, in
    /// catalogue order.
    pub fn titled(title: &str) -> impl Iterator<Item = OperationId> + '_ {
        titled_run(title).iter().copied()
    }

    /// The one operation this exact title names, in the API group `api` when one is given.
    ///
    /// `None` for anything else: an unknown or differently cased title, an API group that does
    /// not document it, or (without `api`) a title that several API groups document with
    /// different granting scopes. Explaining which is the caller's business.
    pub fn find(title: &str, api: Option<&str>) -> Option<OperationId> {
        let titled = titled_run(title);
        match api {
            Some(api) => titled
                .iter()
                .copied()
                .find(|op| same_api(op.api().name(), api)),
            None => named_alone(titled),
        }
    }
}

/// The operations titled `title`, as one run of `BY_TITLE`: it is sorted by title, catalogue
/// order within a title. One binary search, which every question about the title then reads
/// (the macros ask one per annotation, in an unoptimised build).
fn titled_run(title: &str) -> &'static [OperationId] {
    let start = BY_TITLE.partition_point(|op| op.title() < title);
    // no panic: a partition point is at most the length
    let rest = BY_TITLE.split_at(start).1;
    let len = rest.iter().take_while(|op| op.title() == title).count();
    // no panic: `len` counts a prefix of `rest`
    rest.split_at(len).0
}

/// The one operation an unqualified title names, of the operations `titled` with it: `None`
/// when there are none, or when the API groups that document it grant it with different
/// scopes, so that the title alone names no one operation.
fn named_alone(titled: &[OperationId]) -> Option<OperationId> {
    let mut named = named(titled);
    let first = named.next()?;
    // The lists are ranked by privilege, a total order, so equal sets are equal lists.
    let grants = |op: OperationId| (op.granted_by(), op.granular());
    named.all(|op| grants(op) == grants(first)).then_some(first)
}

/// Of the operations `titled` with one title, those the title alone can name: those OAuth
/// scopes grant, or all of them when no scope grants any.
///
/// "Create a session" is Zoom Events' (the page's) as it always was, though the Video SDK,
/// which OAuth scopes do not authorise, has one too. A title only such operations have names
/// them alone.
fn named(titled: &[OperationId]) -> impl Iterator<Item = OperationId> + '_ {
    let oauth = titled.iter().any(|op| op.oauth());
    titled
        .iter()
        .copied()
        .filter(move |op| !oauth || op.oauth())
}

/// Every distinct title, sorted (a title in several API groups comes once).
pub fn titles() -> impl Iterator<Item = &'static str> + Clone {
    BY_TITLE
        .iter()
        .enumerate()
        // no panic: `at - 1` is a position before `at`
        .filter(|&(at, op)| at == 0 || BY_TITLE[at - 1].title() != op.title())
        .map(|(_, op)| op.title())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the API groups that document `title` grant it with different scopes (only
    /// those OAuth scopes grant counting, when there are any): `find`'s rule, written out
    /// over a scan for the tests to hold `find` to.
    fn is_ambiguous(title: &str) -> bool {
        let titled = scan(title);
        let oauth = titled.iter().any(|op| op.oauth());
        let named: Vec<OperationId> = titled
            .into_iter()
            .filter(|op| !oauth || op.oauth())
            .collect();
        let grants = |op: &OperationId| (op.granted_by(), op.granular());
        named.windows(2).any(|w| grants(&w[0]) != grants(&w[1]))
    }

    /// What `titled` must return: a scan of the whole table in catalogue order.
    fn scan(title: &str) -> Vec<OperationId> {
        OperationId::all()
            .filter(|op| op.title() == title)
            .collect()
    }

    fn titled(title: &str) -> Vec<OperationId> {
        OperationId::titled(title).collect()
    }

    /// The counts of the classic-scope page (`catalogue-notes`) and of the API reference as
    /// linked to it (`catalogue/tests/reference.rs`), as the tables hold them.
    #[test]
    fn counts_match_the_documents() {
        let classic = || ScopeId::all().filter(|s| s.model() == Model::Classic);
        assert_eq!(classic().count(), 465);
        // The page lists nothing under 266 of them (two of those grant operations in the
        // granular lists that name them too).
        let page_lists_nothing =
            |s: &ScopeId| !s.grants().iter().any(|op| op.granted_by().contains(s));
        assert_eq!(classic().filter(page_lists_nothing).count(), 266);
        assert_eq!(
            ScopeId::COUNT,
            465 + 2_599 - 2,
            "two granular names are the page's"
        );
        assert_eq!(ApiId::all().len(), 59 + 3);
        assert_eq!(OperationId::COUNT, 1_490 + 356);
        let page_titles = || OperationId::all().take(1_490).map(OperationId::title);
        let mut distinct: Vec<&str> = page_titles().collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 1_431);
        let ambiguous = distinct.iter().filter(|t| is_ambiguous(t)).count();
        assert_eq!(ambiguous, 58);
        let shared: Vec<&str> = ScopeId::all()
            .filter(|s| s.model() == Model::Classic && s.in_model(Model::Granular))
            .map(ScopeId::name)
            .collect();
        assert_eq!(
            shared,
            ["meeting:write:sip_dialing", "webinar:write:sip_dialing"]
        );
        let without_oauth = OperationId::all().filter(|op| !op.oauth()).count();
        assert!(without_oauth > 0);
        assert!(
            OperationId::all()
                .filter(|op| !op.oauth())
                .all(|op| op.index() >= 1_490)
        );
    }

    #[test]
    fn titled_finds_every_operation_in_catalogue_order() {
        for op in OperationId::all() {
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
            assert_eq!(titled(title), Vec::new(), "{title:?}");
        }
    }

    #[test]
    fn the_title_index_is_a_permutation_sorted_by_title() {
        let mut indices: Vec<usize> = BY_TITLE.iter().map(|op| op.index()).collect();
        assert!(
            BY_TITLE
                .windows(2)
                .all(|w| (w[0].title(), w[0]) < (w[1].title(), w[1]))
        );
        indices.sort_unstable();
        assert_eq!(indices, (0..OPERATION_COUNT).collect::<Vec<_>>());
    }

    #[test]
    fn titles_are_distinct_and_sorted() {
        let all: Vec<&str> = titles().collect();
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        let mut scanned: Vec<&str> = OperationId::all().map(OperationId::title).collect();
        scanned.sort_unstable();
        scanned.dedup();
        assert_eq!(all, scanned);
    }

    #[test]
    fn find_names_one_operation_or_none() {
        let create = OperationId::find("Create a meeting", None).expect("documented");
        assert_eq!(create.api().name(), "Meeting");
        assert_eq!(OperationId::find("Crate a meeting", None), None);
        assert_eq!(OperationId::find("create a meeting", None), None);
        assert_eq!(OperationId::find("List meetings", None), None, "ambiguous");
        assert_eq!(OperationId::find("Create a meeting", Some("Webinar")), None);
        assert_eq!(OperationId::find("Create a meeting", Some("")), None);
        assert_eq!(OperationId::find("", None), None);
        let session = OperationId::find("Create a session", None).expect("Zoom Events'");
        assert_eq!(session.api().name(), "Zoom Events");
        let sdk = OperationId::find("Create a session", Some("Video SDK")).expect("the SDK's");
        assert!(!sdk.oauth() && sdk.endpoints().len() > 0);
        let dashboard = OperationId::find("List meetings", Some("dashboard")).expect("documented");
        assert_eq!(dashboard.api().name(), "Dashboard");
        assert_eq!(
            OperationId::find("List meetings", Some("contact center")),
            None
        );
        for op in OperationId::all() {
            let api = op.api().name();
            for written in [
                api.to_owned(),
                api.to_uppercase(),
                api.replace(' ', ""),
                format!(" {api}_"),
            ] {
                let found = OperationId::find(op.title(), Some(&written)).expect("documented");
                assert_eq!(found.title(), op.title());
                assert!(same_api(found.api().name(), api), "{written}");
            }
            match OperationId::find(op.title(), None) {
                Some(found) if found.oauth() == op.oauth() => {
                    assert_eq!(found.granted_by(), op.granted_by());
                    assert_eq!(found.granular(), op.granular());
                }
                // A title OAuth scopes grant in one API group names that one.
                Some(found) => assert!(found.oauth() && !op.oauth(), "{:?}", op.title()),
                None => assert!(is_ambiguous(op.title()), "{:?}", op.title()),
            }
        }
    }

    #[test]
    fn granted_by_is_ranked_and_grants_agree() {
        for op in OperationId::all() {
            let ranked = op.granted_by();
            assert!(
                ranked
                    .windows(2)
                    .all(|w| w[0].privilege() < w[1].privilege())
            );
            for scope in ranked {
                assert!(
                    scope.grants().contains(&op),
                    "{} {}",
                    scope.name(),
                    op.title()
                );
            }
            if let Some(r) = op.replacement() {
                assert!(op.deprecated() && !r.deprecated(), "{}", op.title());
            }
        }
        for scope in ScopeId::all() {
            for op in scope.grants() {
                assert!(
                    op.granted_in(scope.model()).contains(&scope) || op.granular().contains(&scope)
                );
            }
        }
        for op in OperationId::all() {
            let ranked = op.granular();
            assert!(
                ranked
                    .windows(2)
                    .all(|w| w[0].privilege() < w[1].privilege())
            );
            for scope in ranked {
                assert!(scope.in_model(Model::Granular) && scope.grants().contains(&op));
            }
        }
    }
}
