//! The generated columns as the lookups read them: plain columns as they are, and the columns
//! of ids and enums converted to their types once, by const evaluation when this crate is
//! compiled (the generated file holds plain numbers because they are cheap to type-check; see
//! `zoom_scopes_catalogue::codegen::tables`).

use crate::generated as raw;
use crate::{Access, Level, Method, OperationId, ScopeId};

pub(crate) const SCOPE_COUNT: usize = raw::SCOPE_NAMES.len();
pub(crate) const CLASSIC_SCOPES: usize = raw::CLASSIC_SCOPES;
pub(crate) static SHARED_SCOPES: [u16; raw::SHARED_SCOPES.len()] = raw::SHARED_SCOPES;

pub(crate) static APIS: [&str; raw::APIS.len()] = raw::APIS;
pub(crate) static SCOPE_NAMES: [&str; SCOPE_COUNT] = raw::SCOPE_NAMES;
pub(crate) static SCOPE_SLOTS: [u16; raw::SCOPE_SLOTS.len()] = raw::SCOPE_SLOTS;
pub(crate) static SCOPE_DESCRIPTIONS: [&str; SCOPE_COUNT] = raw::SCOPE_DESCRIPTIONS;
pub(crate) static SCOPE_APIS: [u16; SCOPE_COUNT] = raw::SCOPE_APIS;
pub(crate) static SCOPE_LEVELS: [Level; SCOPE_COUNT] = levels(raw::SCOPE_LEVELS);
pub(crate) static SCOPE_ACCESS: [Access; SCOPE_COUNT] = access(raw::SCOPE_ACCESS);
pub(crate) static SCOPE_GRANT_ENDS: [u16; SCOPE_COUNT] = raw::SCOPE_GRANT_ENDS;
pub(crate) static SCOPE_GRANTS: [OperationId; raw::SCOPE_GRANTS.len()] =
    operation_ids(raw::SCOPE_GRANTS);

pub(crate) const OPERATION_COUNT: usize = raw::OPERATION_TITLES.len();
pub(crate) static OPERATION_TITLES: [&str; OPERATION_COUNT] = raw::OPERATION_TITLES;
pub(crate) static OPERATION_APIS: [u16; OPERATION_COUNT] = raw::OPERATION_APIS;
pub(crate) static OPERATION_IDS: [&str; OPERATION_COUNT] = raw::OPERATION_IDS;
pub(crate) static GRANTED_BY_ENDS: [u16; OPERATION_COUNT] = raw::GRANTED_BY_ENDS;
pub(crate) static GRANTED_BY: [ScopeId; raw::GRANTED_BY.len()] = scope_ids(raw::GRANTED_BY);
pub(crate) static DEPRECATED: [u16; raw::DEPRECATED.len()] = raw::DEPRECATED;
pub(crate) static REPLACEMENTS: [u16; raw::DEPRECATED.len()] = raw::REPLACEMENTS;
pub(crate) static GRANULAR_BY_ENDS: [u16; OPERATION_COUNT] = raw::GRANULAR_BY_ENDS;
pub(crate) static GRANULAR_BY: [ScopeId; raw::GRANULAR_BY.len()] = scope_ids(raw::GRANULAR_BY);
pub(crate) static BY_TITLE: [OperationId; OPERATION_COUNT] = operation_ids(raw::BY_TITLE);
pub(crate) static MARKER_NUMBERED: [u16; raw::MARKER_NUMBERED.len()] = raw::MARKER_NUMBERED;
pub(crate) static MARKER_NUMBERS: [u8; raw::MARKER_NUMBERED.len()] = raw::MARKER_NUMBERS;
pub(crate) static OPERATION_ENDPOINT_ENDS: [u16; OPERATION_COUNT] = raw::OPERATION_ENDPOINT_ENDS;

pub(crate) const ENDPOINT_COUNT: usize = raw::ENDPOINT_PATHS.len();
pub(crate) static ENDPOINT_METHODS: [Method; ENDPOINT_COUNT] = methods(raw::ENDPOINT_METHODS);
pub(crate) static ENDPOINT_PATHS: [&str; ENDPOINT_COUNT] = raw::ENDPOINT_PATHS;
pub(crate) static ENDPOINT_OPERATION_IDS: [&str; ENDPOINT_COUNT] = raw::ENDPOINT_OPERATION_IDS;
pub(crate) static ENDPOINT_FLAGS: [u8; ENDPOINT_COUNT] = raw::ENDPOINT_FLAGS;
pub(crate) static ENDPOINT_RATE_LIMITS: [u8; ENDPOINT_COUNT] = raw::ENDPOINT_RATE_LIMITS;
pub(crate) static ENDPOINT_GRANULAR_ENDS: [u16; ENDPOINT_COUNT] = raw::ENDPOINT_GRANULAR_ENDS;
pub(crate) static ENDPOINT_GRANULAR: [ScopeId; raw::ENDPOINT_GRANULAR.len()] =
    scope_ids(raw::ENDPOINT_GRANULAR);

/// A sorted column's position of `value`; a binary search written out, as
/// `slice::binary_search` is not `const`.
pub(crate) const fn position(sorted: &[u16], value: u16) -> Option<usize> {
    let (mut low, mut high) = (0, sorted.len());
    while low < high {
        let mid = low + (high - low) / 2;
        // no panic: `mid` is below `high`, at most the length
        let at = sorted[mid];
        if at == value {
            return Some(mid);
        } else if at < value {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    None
}

/// Row `row`'s run of a flat column whose runs end at `ends`.
pub(crate) const fn run<T>(column: &'static [T], ends: &'static [u16], row: usize) -> &'static [T] {
    // no panic: `row` is an id of these tables, and `ends` has a value per row
    let end = ends[row] as usize;
    // no panic: as above, and `row - 1` is before `row`
    let start = if row == 0 { 0 } else { ends[row - 1] as usize };
    column.split_at(end).0.split_at(start).1
}

/// Empty text stands for none in the generated columns.
pub(crate) const fn some(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

const fn scope_ids<const N: usize>(raw: [u16; N]) -> [ScopeId; N] {
    let mut ids = [ScopeId(0); N];
    let mut i = 0;
    while i < N {
        // no panic: const evaluation (a failure is a build error), and `i` is below `N`
        ids[i] = ScopeId(raw[i]);
        i += 1;
    }
    ids
}

const fn operation_ids<const N: usize>(raw: [u16; N]) -> [OperationId; N] {
    let mut ids = [OperationId(0); N];
    let mut i = 0;
    while i < N {
        // no panic: const evaluation (a failure is a build error), and `i` is below `N`
        ids[i] = OperationId(raw[i]);
        i += 1;
    }
    ids
}

const fn methods<const N: usize>(raw: [u8; N]) -> [Method; N] {
    let mut methods = [Method::Get; N];
    let mut i = 0;
    while i < N {
        // no panic: const evaluation (a failure is a build error), and `i` is below `N`
        methods[i] = Method::ALL[raw[i] as usize];
        i += 1;
    }
    methods
}

const fn levels<const N: usize>(raw: [u8; N]) -> [Level; N] {
    let mut levels = [Level::User; N];
    let mut i = 0;
    while i < N {
        // no panic: const evaluation (a failure is a build error), and `i` is below `N`
        levels[i] = match raw[i] {
            0 => Level::User,
            1 => Level::Admin,
            2 => Level::Master,
            // no panic: const evaluation: a build error of this crate, never a run-time panic
            _ => panic!("a level the generator does not write"),
        };
        i += 1;
    }
    levels
}

const fn access<const N: usize>(raw: [u8; N]) -> [Access; N] {
    let mut access = [Access::Read; N];
    let mut i = 0;
    while i < N {
        // no panic: const evaluation (a failure is a build error), and `i` is below `N`
        access[i] = match raw[i] {
            0 => Access::Read,
            1 => Access::Write,
            // no panic: const evaluation: a build error of this crate, never a run-time panic
            _ => panic!("an access the generator does not write"),
        };
        i += 1;
    }
    access
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_have_one_value_per_row_and_runs_cover_their_lists() {
        assert_eq!(
            SCOPE_GRANT_ENDS.last().map(|&e| usize::from(e)),
            Some(SCOPE_GRANTS.len())
        );
        assert_eq!(
            GRANTED_BY_ENDS.last().map(|&e| usize::from(e)),
            Some(GRANTED_BY.len())
        );
        assert!(SCOPE_GRANT_ENDS.is_sorted() && GRANTED_BY_ENDS.is_sorted());
        assert!(DEPRECATED.is_sorted());
        let classic = &SCOPE_DESCRIPTIONS[..CLASSIC_SCOPES];
        assert_eq!(classic.iter().filter(|d| d.is_empty()).count(), 1);
        assert!(
            SCOPE_DESCRIPTIONS[CLASSIC_SCOPES..]
                .iter()
                .all(|d| d.is_empty())
        );
        assert!(
            SHARED_SCOPES
                .iter()
                .all(|&s| usize::from(s) < CLASSIC_SCOPES)
        );
    }
}
