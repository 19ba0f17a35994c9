//! The shapes of the generated rows. Variable-length lists (a scope's grants, an operation's
//! granting scopes) are ranges of one flat table each: rustc checks a few long arrays much
//! faster than one promoted slice per row, and every user of the macros compiles these tables.

use crate::{Access, ApiId, Level, OperationId};

/// A range of a flat table, `start..end`.
#[derive(Copy, Clone)]
pub(crate) struct R(pub(crate) u16, pub(crate) u16);

impl R {
    /// The part of `table` this range covers.
    pub(crate) const fn of<T>(self, table: &'static [T]) -> &'static [T] {
        let (start, end) = (self.0 as usize, self.1 as usize);
        table.split_at(end).0.split_at(start).1
    }
}

/// One documented scope.
pub(crate) struct ScopeRow {
    pub(crate) name: &'static str,
    pub(crate) description: Option<&'static str>,
    pub(crate) api: ApiId,
    pub(crate) level: Level,
    pub(crate) access: Access,
    /// Into `SCOPE_GRANTS`.
    pub(crate) grants: R,
}

/// One operation: a title within one API group.
pub(crate) struct OperationRow {
    pub(crate) title: &'static str,
    pub(crate) api: ApiId,
    /// Into `GRANTED_BY`, least privileged first.
    pub(crate) granted_by: R,
    pub(crate) operation_id: Option<&'static str>,
    pub(crate) deprecated: bool,
    pub(crate) replacement: Option<OperationId>,
}
