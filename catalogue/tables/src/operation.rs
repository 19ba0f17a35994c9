//! [`OperationId`]: a Zoom API operation, a title within one API group, and the lookup of an
//! operation by title and API group.

use crate::columns::{
    BY_TITLE, DEPRECATED, GRANTED_BY, GRANTED_BY_ENDS, OPERATION_APIS, OPERATION_COUNT,
    OPERATION_IDS, OPERATION_TITLES, REPLACEMENTS, run, some,
};
use crate::{ApiId, ScopeId, same_api};

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

    /// The granting scopes, least privileged first: any one of them grants the operation.
    #[inline]
    pub const fn granted_by(self) -> &'static [ScopeId] {
        run(&GRANTED_BY, &GRANTED_BY_ENDS, self.index())
    }

    /// The operationId of Zoom's API reference, when the scope page links to it (the
    /// account-level endpoint's when it links both).
    pub const fn operation_id(self) -> Option<&'static str> {
        // no panic: as above
        some(OPERATION_IDS[self.index()])
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

    /// This operation's position in `DEPRECATED` (sorted), if Zoom marks it; a binary search
    /// written out, as `slice::binary_search` is not `const`.
    const fn deprecated_at(self) -> Option<usize> {
        let (mut low, mut high) = (0, DEPRECATED.len());
        while low < high {
            let mid = low + (high - low) / 2;
            // no panic: `mid` is below `high`, at most the length
            let at = DEPRECATED[mid];
            if at == self.0 {
                return Some(mid);
            } else if at < self.0 {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        None
    }

    /// The operations with exactly this title, one per API group that documents it, in
    /// catalogue order.
    pub fn titled(title: &str) -> impl Iterator<Item = OperationId> + '_ {
        // `BY_TITLE` is sorted by title, catalogue order within a title: the matches are one
        // run, in catalogue order.
        let start = BY_TITLE.partition_point(|op| op.title() < title);
        // no panic: a partition point is at most the length
        BY_TITLE[start..]
            .iter()
            .copied()
            .take_while(move |op| op.title() == title)
    }

    /// The one operation this exact title names, in the API group `api` when one is given.
    ///
    /// `None` for anything else: an unknown or differently cased title, an API group that does
    /// not document it, or (without `api`) a title that several API groups document with
    /// different granting scopes. Explaining which is the caller's business.
    pub fn find(title: &str, api: Option<&str>) -> Option<OperationId> {
        let mut found = OperationId::titled(title);
        match api {
            Some(api) => found.find(|op| same_api(op.api().name(), api)),
            None if is_ambiguous(title) => None,
            None => found.next(),
        }
    }
}

/// Whether the API groups that document `title` grant it with different scopes, so that the
/// title alone names no one operation.
pub fn is_ambiguous(title: &str) -> bool {
    // `granted_by` is ranked by privilege, a total order, so equal sets are equal lists.
    let mut sets = OperationId::titled(title).map(OperationId::granted_by);
    let first = sets.next();
    sets.any(|s| Some(s) != first)
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

    /// What `titled` must return: a scan of the whole table in catalogue order.
    fn scan(title: &str) -> Vec<OperationId> {
        OperationId::all()
            .filter(|op| op.title() == title)
            .collect()
    }

    fn titled(title: &str) -> Vec<OperationId> {
        OperationId::titled(title).collect()
    }

    /// The counts of the classic-scope page (`catalogue-notes`), as the tables hold them.
    #[test]
    fn counts_match_the_page() {
        assert_eq!(ScopeId::COUNT, 465);
        assert_eq!(ApiId::all().len(), 59);
        assert_eq!(titles().count(), 1431);
        assert_eq!(OperationId::COUNT, 1490);
        assert_eq!(
            ScopeId::all().filter(|s| s.grants().is_empty()).count(),
            266
        );
        assert_eq!(titles().filter(|t| is_ambiguous(t)).count(), 58);
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
                Some(found) => assert_eq!(found.granted_by(), op.granted_by()),
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
                assert!(op.granted_by().contains(&scope));
            }
        }
    }
}
