//! The generated columns as the lookups read them: plain columns as they are, and the columns
//! of ids and enums converted to their types once, by const evaluation when this crate is
//! compiled (the generated file holds plain numbers because they are cheap to type-check; see
//! `zoom_scopes_catalogue::codegen::tables`).

use crate::generated as raw;
use crate::{Access, Level, OperationId, ScopeId};

pub(crate) const SCOPE_COUNT: usize = raw::SCOPE_NAMES.len();

pub(crate) static APIS: [&str; raw::APIS.len()] = raw::APIS;
pub(crate) static SCOPE_NAMES: [&str; SCOPE_COUNT] = raw::SCOPE_NAMES;
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
pub(crate) static BY_TITLE: [OperationId; OPERATION_COUNT] = operation_ids(raw::BY_TITLE);

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
        assert!(SCOPE_DESCRIPTIONS.iter().filter(|d| d.is_empty()).count() == 1);
    }
}
