//! The parsed catalogue: scopes, API groups and operations, as the code generator reads them.
//!
//! Everything is owned and addressed by small copyable ids in document order; the generated
//! tables (`zoom-scopes-tables`) keep the same numbers, so a row there is the entry here.

use std::collections::HashMap;

use zoom_scopes_tables::{Access, Level};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub(crate) u16);

        impl $name {
            /// Position in catalogue (document) order, from 0.
            pub fn index(self) -> usize {
                usize::from(self.0)
            }
        }
    };
}

id_type!(
    /// A scope, numbered in document order.
    ScopeId
);
id_type!(
    /// An API group (a section of the document), numbered in document order.
    ApiId
);
id_type!(
    /// An operation, a (title, API group) pair, numbered in order of first appearance.
    OperationId
);

/// One documented OAuth scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    pub(crate) id: ScopeId,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) api: ApiId,
    pub(crate) grants: Vec<OperationId>,
    pub(crate) line: usize,
}

/// One section of the document: an API group such as "Meeting" or "Contact Center".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Api {
    pub(crate) id: ApiId,
    pub(crate) name: String,
    pub(crate) scopes: Vec<ScopeId>,
}

/// A documented endpoint behind an operation, when the document links to its reference page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub(crate) operation_id: String,
    pub(crate) master_account: bool,
}

/// An operation: a title within one API group, and the scopes that grant it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Operation {
    pub(crate) id: OperationId,
    pub(crate) title: String,
    pub(crate) api: ApiId,
    pub(crate) granted_by: Vec<ScopeId>,
    pub(crate) endpoints: Vec<Endpoint>,
    pub(crate) deprecated: bool,
    pub(crate) replacement: Option<OperationId>,
}

/// The parsed catalogue with its lookup indexes.
#[derive(Clone, Debug)]
pub struct Catalogue {
    pub(crate) scopes: Vec<Scope>,
    pub(crate) apis: Vec<Api>,
    pub(crate) operations: Vec<Operation>,
    pub(crate) scope_by_name: HashMap<String, ScopeId>,
    pub(crate) ops_by_title: HashMap<String, Vec<OperationId>>,
}

impl Scope {
    /// This scope's id.
    pub fn id(&self) -> ScopeId {
        self.id
    }
    /// The documented name, exactly as Zoom spells it (`division:wirte:admin` included).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The one-line description, absent for the one scope the document leaves without one.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
    /// The API group (section) the scope is documented in.
    pub fn api(&self) -> ApiId {
        self.api
    }
    /// The operations this scope grants, in document order, each once.
    pub fn grants(&self) -> &[OperationId] {
        &self.grants
    }
    /// User, admin or master level.
    pub fn level(&self) -> Level {
        crate::scope_name::level_of(&self.name)
    }
    /// Read or write access.
    pub fn access(&self) -> Access {
        crate::scope_name::access_of(&self.name)
    }
    /// The sort key for "least privileged first": level, then access, then document order.
    pub fn privilege(&self) -> (Level, Access, ScopeId) {
        (self.level(), self.access(), self.id)
    }
    /// The 1-based line of the data file the scope is documented on.
    pub fn line(&self) -> usize {
        self.line
    }
}

impl Api {
    /// This API group's id.
    pub fn id(&self) -> ApiId {
        self.id
    }
    /// The section name as documented ("Contact Center", "ContactCenter", "default", ...).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The scopes documented in this section.
    pub fn scopes(&self) -> &[ScopeId] {
        &self.scopes
    }
}

impl Endpoint {
    /// The operationId from the reference link (`listPhoneNumbers`).
    pub fn operation_id(&self) -> &str {
        &self.operation_id
    }
    /// Whether the link is to the master-account variant (`/ma/` in the path).
    pub fn master_account(&self) -> bool {
        self.master_account
    }
}

impl Operation {
    /// This operation's id.
    pub fn id(&self) -> OperationId {
        self.id
    }
    /// The documented title, including any ` [Deprecated]` suffix.
    pub fn title(&self) -> &str {
        &self.title
    }
    /// The API group the title is documented in.
    pub fn api(&self) -> ApiId {
        self.api
    }
    /// The granting scopes, least privileged first.
    pub fn granted_by(&self) -> &[ScopeId] {
        &self.granted_by
    }
    /// The endpoints the document links for this operation (often none).
    pub fn endpoints(&self) -> &[Endpoint] {
        &self.endpoints
    }
    /// The operationId of the account-level endpoint when the document gives one, else of the
    /// master-account one.
    pub fn operation_id(&self) -> Option<&str> {
        let primary = self.endpoints.iter().find(|e| !e.master_account);
        primary
            .or(self.endpoints.first())
            .map(Endpoint::operation_id)
    }
    /// Whether the title carries Zoom's `[Deprecated]` mark.
    pub fn deprecated(&self) -> bool {
        self.deprecated
    }
    /// For a deprecated operation, the same title without the mark, when the catalogue has it.
    pub fn replacement(&self) -> Option<OperationId> {
        self.replacement
    }
}

impl Catalogue {
    /// Every scope, in document order.
    pub fn scopes(&self) -> &[Scope] {
        &self.scopes
    }
    /// Every API group, in document order.
    pub fn apis(&self) -> &[Api] {
        &self.apis
    }
    /// Every operation, in order of first appearance.
    pub fn operations(&self) -> &[Operation] {
        &self.operations
    }
    /// The scope with this id.
    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.index()]
    }
    /// The API group with this id.
    pub fn api(&self, id: ApiId) -> &Api {
        &self.apis[id.index()]
    }
    /// The operation with this id.
    pub fn operation(&self, id: OperationId) -> &Operation {
        &self.operations[id.index()]
    }
    /// The scope with exactly this documented name.
    pub fn scope_named(&self, name: &str) -> Option<&Scope> {
        self.scope_by_name.get(name).map(|&id| self.scope(id))
    }
    /// The operations with exactly this title, one per group that documents it.
    pub fn operations_titled(&self, title: &str) -> impl Iterator<Item = &Operation> {
        let ids = self
            .ops_by_title
            .get(title)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        ids.iter().map(|&id| self.operation(id))
    }
    /// Distinct documented titles (a title in several groups counts once).
    pub fn titles(&self) -> impl Iterator<Item = &str> {
        self.ops_by_title.keys().map(String::as_str)
    }
    /// Titles documented in several groups with different granting scopes: these need `api`.
    pub fn ambiguous_titles(&self) -> impl Iterator<Item = &str> {
        self.ops_by_title
            .iter()
            .filter(|(_, ids)| self.differ(ids))
            .map(|(t, _)| t.as_str())
    }

    /// Whether operations sharing a title are granted by different scope sets.
    pub(crate) fn differ(&self, ids: &[OperationId]) -> bool {
        // `granted_by` is ranked by `privilege`, a total order, so equal sets are equal lists.
        let mut sets = ids.iter().map(|&id| &self.operation(id).granted_by);
        let first = sets.next();
        sets.any(|s| Some(s) != first)
    }

    /// Scope ids for names, least privileged first.
    pub fn ranked_names(&self, ids: &[ScopeId]) -> Vec<&str> {
        let mut ids = ids.to_vec();
        self.rank(&mut ids);
        ids.iter().map(|&id| self.scope(id).name()).collect()
    }

    /// Sorts scope ids least privileged first.
    pub fn rank(&self, scopes: &mut [ScopeId]) {
        rank(&self.scopes, scopes);
    }

    /// The least privileged scope that grants `op`.
    pub fn least_privileged(&self, op: OperationId) -> Option<ScopeId> {
        self.operation(op).granted_by.first().copied()
    }

    /// Whether any of `declared` grants `op`.
    pub fn covers(&self, declared: &[ScopeId], op: OperationId) -> bool {
        self.operation(op)
            .granted_by
            .iter()
            .any(|s| declared.contains(s))
    }
}

/// Sorts `ids` least privileged first. `privilege` ends with the id, a total order, so the
/// unstable sort gives the one possible result; every ranking goes through this one function
/// so that the sort is compiled once.
pub(crate) fn rank(scopes: &[Scope], ids: &mut [ScopeId]) {
    // no panic: scope ids index the catalogue's scopes
    ids.sort_unstable_by_key(|&id| scopes[id.index()].privilege());
}
