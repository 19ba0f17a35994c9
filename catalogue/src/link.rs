//! Linking Zoom's API reference to the classic-scope page: which operation each endpoint is,
//! and the operations, API groups and granular scopes the reference adds.
//!
//! An operation stays a (title, API group) of the page, so every title and `api = "..."`
//! users write keeps naming what it named. The rules, in order, for one endpoint:
//! 1. **Title**: its title is on the page in one API group: that operation.
//! 2. **Title and classic scopes**: its title is on the page in several API groups: the one
//!    whose classic scopes include one of the endpoint's `x-macro-scopes`, when exactly one
//!    does, or the first of those that do when the page grants them all alike (they are one
//!    choice: an unqualified title names it).
//! 3. Otherwise, for a title on the page, the endpoint stays **ambiguous**: linked to no
//!    operation, listed in [`Linked::ambiguous`].
//! 0. **No OAuth scope**: an endpoint no scope of either model authorises is an operation of
//!    its own, in an API group named after its product, whatever its title: the page lists
//!    only what OAuth scopes grant.
//! 4. **New title**: a title the page lacks becomes an operation of its own, in the API group
//!    of its classic scopes when those the page knows all belong to one group; otherwise in the
//!    API group most of its product's other endpoints are linked to, and for a product none of
//!    whose endpoints the page knows, in an API group named after the product ("Video SDK";
//!    one of the page's sections when the names match ignoring case and punctuation).
//!
//! Endpoints that share a new title and API group are one operation, as the page's
//! operations are (a regular endpoint and its master-account variant share a title).
//! Granular scopes are numbered in order of first appearance; each belongs to the API group of
//! the first operation that lists it (a scope only ambiguous endpoints name, to the API group of
//! the first operation their title names).

use std::collections::HashMap;

use zoom_scopes_tables::text::same_api;

use crate::model::{ApiId, Catalogue, OperationId};
use crate::reference::{Endpoint, Reference};

/// How an endpoint was linked.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Its title is the page's, in one API group.
    Title,
    /// Its title is the page's in several API groups; its classic scopes picked one.
    TitleAndScopes,
    /// Its title is the page's in several API groups, and its classic scopes pick none or
    /// several.
    Ambiguous,
    /// A new title whose page-known classic scopes all belong to one API group.
    NewInOneGroup,
    /// A new title with no classic scope the page knows.
    NewWithoutClassic,
    /// A new title whose classic scopes belong to several API groups.
    NewAcrossGroups,
    /// An endpoint no OAuth scope authorises (Video SDK, Cobrowse SDK): its own operation in
    /// its product's API group, whatever its title, since the page lists only what OAuth
    /// scopes grant ("Create a session" of the Video SDK is not Zoom Events' one).
    WithoutScopes,
}

/// An operation of the linked catalogue: the page's, or one the reference adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkedOperation {
    /// The title.
    pub title: String,
    /// Its API group, an index into [`Linked::apis`].
    pub api: usize,
    /// The page's operation, for the page's titles.
    pub page: Option<OperationId>,
    /// Its endpoints, indices into [`Linked::endpoints`], in reference order.
    pub endpoints: Vec<usize>,
    /// Its granular scopes, indices into [`Linked::granular`], in order of first appearance.
    pub granular: Vec<usize>,
}

/// A granular scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GranularScope {
    /// The name as documented (trimmed).
    pub name: String,
    /// The API group of the first operation that lists it, an index into [`Linked::apis`].
    pub api: usize,
}

/// The page and the reference as one catalogue.
#[derive(Clone, Debug)]
pub struct Linked {
    /// API group names: the page's sections, then the products new operations are filed under.
    pub apis: Vec<String>,
    /// The page's operations (same numbers), then the new ones.
    pub operations: Vec<LinkedOperation>,
    /// Every granular scope.
    pub granular: Vec<GranularScope>,
    /// Every endpoint, with how it was linked and its operation (none when ambiguous).
    pub endpoints: Vec<(Endpoint, Rule, Option<usize>)>,
}

impl Linked {
    /// The endpoints no rule could link.
    pub fn ambiguous(&self) -> impl Iterator<Item = &Endpoint> {
        self.endpoints
            .iter()
            .filter(|(_, rule, _)| *rule == Rule::Ambiguous)
            .map(|(e, _, _)| e)
    }

    /// How many endpoints each rule linked.
    pub fn count(&self, rule: Rule) -> usize {
        self.endpoints.iter().filter(|(_, r, _)| *r == rule).count()
    }

    /// How many distinct titles each rule made new operations of.
    pub fn new_titles(&self, rule: Rule) -> usize {
        let mut titles: Vec<&str> = self
            .endpoints
            .iter()
            .filter(|(_, r, _)| *r == rule)
            .map(|(e, _, _)| e.title.as_str())
            .collect();
        titles.sort_unstable();
        titles.dedup();
        titles.len()
    }
}

/// Links `reference` to the page's catalogue `c`.
pub fn link(c: &Catalogue, reference: &Reference) -> Linked {
    let mut linker = Linker {
        c,
        apis: c.apis().iter().map(|g| g.name().to_owned()).collect(),
        operations: c
            .operations()
            .iter()
            .map(|op| LinkedOperation {
                title: op.title().to_owned(),
                api: op.api().index(),
                page: Some(op.id()),
                endpoints: Vec::new(),
                granular: Vec::new(),
            })
            .collect(),
        new_by_pair: HashMap::new(),
        granular: Vec::new(),
        granular_by_name: HashMap::new(),
    };
    // Rules 1 to 3 and the first case of 4 first: where a product's endpoints went decides
    // where its other new titles go.
    let mut placed: Vec<Option<(Rule, Option<usize>)>> = reference
        .endpoints
        .iter()
        .map(|e| linker.place(e))
        .collect();
    let homes = document_homes(&linker, reference, &placed);
    for (slot, endpoint) in placed.iter_mut().zip(&reference.endpoints) {
        if slot.is_none() {
            *slot =
                Some(linker.new_elsewhere(endpoint, homes.get(endpoint.product.as_str()).copied()));
        }
    }
    let mut endpoints = Vec::with_capacity(reference.endpoints.len());
    for (at, (endpoint, slot)) in reference.endpoints.iter().zip(placed).enumerate() {
        let (rule, operation) = slot.unwrap_or((Rule::Ambiguous, None));
        if let Some(op) = operation {
            linker.attach(op, at, endpoint);
        }
        endpoints.push((endpoint.clone(), rule, operation));
    }
    // The granular scopes only ambiguous endpoints name are scopes all the same: known by name,
    // granting no operation this catalogue can name.
    for (endpoint, _, operation) in &endpoints {
        if operation.is_none() {
            let api = c
                .operations_titled(&endpoint.title)
                .next()
                .map_or(0, |op| op.api().index());
            for name in &endpoint.granular {
                linker.granular_scope(name, api);
            }
        }
    }
    Linked {
        apis: linker.apis,
        operations: linker.operations,
        granular: linker.granular,
        endpoints,
    }
}

struct Linker<'c> {
    c: &'c Catalogue,
    apis: Vec<String>,
    operations: Vec<LinkedOperation>,
    new_by_pair: HashMap<(String, usize), usize>,
    granular: Vec<GranularScope>,
    granular_by_name: HashMap<String, usize>,
}

impl Linker<'_> {
    /// The rule that links `endpoint`, and its operation; `None` for a new title whose API
    /// group its document decides.
    fn place(&mut self, endpoint: &Endpoint) -> Option<(Rule, Option<usize>)> {
        if endpoint.without_scopes() {
            let api = self.product_api(&endpoint.product);
            return Some((Rule::WithoutScopes, Some(self.new_operation(endpoint, api))));
        }
        let titled: Vec<OperationId> = self
            .c
            .operations_titled(&endpoint.title)
            .map(|op| op.id())
            .collect();
        match titled.as_slice() {
            [one] => Some((Rule::Title, Some(one.index()))),
            [] => self.new_in_one_group(endpoint),
            several => {
                let mut named: Vec<&OperationId> = several
                    .iter()
                    .filter(|&&op| self.granted_by_one_of(op, &endpoint.classic))
                    .collect();
                if named.is_empty() {
                    // No classic scope of the endpoint's names one: all of them are candidates.
                    named = several.iter().collect();
                }
                Some(match named.as_slice() {
                    [one] => (Rule::TitleAndScopes, Some(one.index())),
                    // Several that the page grants alike are one choice: the one an
                    // unqualified title names.
                    [first, rest @ ..] if rest.iter().all(|op| self.alike(**first, **op)) => {
                        (Rule::TitleAndScopes, Some(first.index()))
                    }
                    _ => (Rule::Ambiguous, None),
                })
            }
        }
    }

    /// Whether the page grants two operations with the same scopes.
    fn alike(&self, a: OperationId, b: OperationId) -> bool {
        self.c.operation(a).granted_by() == self.c.operation(b).granted_by()
    }

    /// Whether one of the classic scopes `names` grants the page's operation `op`.
    fn granted_by_one_of(&self, op: OperationId, names: &[String]) -> bool {
        let granted_by = self.c.operation(op).granted_by();
        names.iter().any(|name| {
            self.c
                .scope_named(name)
                .is_some_and(|s| granted_by.contains(&s.id()))
        })
    }

    /// The API groups of the page's classic scopes among `endpoint`'s.
    fn classic_apis(&self, endpoint: &Endpoint) -> Vec<ApiId> {
        let mut groups: Vec<ApiId> = endpoint
            .classic
            .iter()
            .filter_map(|name| self.c.scope_named(name))
            .map(|s| s.api())
            .collect();
        groups.sort_unstable();
        groups.dedup();
        groups
    }

    /// Rule 4, first case: a new title whose page-known classic scopes are of one API group.
    fn new_in_one_group(&mut self, endpoint: &Endpoint) -> Option<(Rule, Option<usize>)> {
        match self.classic_apis(endpoint).as_slice() {
            [one] => Some((
                Rule::NewInOneGroup,
                Some(self.new_operation(endpoint, one.index())),
            )),
            _ => None,
        }
    }

    /// Rule 4, other cases: in `home`, the API group of its product's endpoints, else one named
    /// after the product.
    fn new_elsewhere(&mut self, endpoint: &Endpoint, home: Option<usize>) -> (Rule, Option<usize>) {
        let rule = match self.classic_apis(endpoint).len() {
            0 => Rule::NewWithoutClassic,
            _ => Rule::NewAcrossGroups,
        };
        let api = home.unwrap_or_else(|| self.product_api(&endpoint.product));
        (rule, Some(self.new_operation(endpoint, api)))
    }

    /// The operation of a new title in API group `api`, made on its first endpoint.
    fn new_operation(&mut self, endpoint: &Endpoint, api: usize) -> usize {
        let key = (endpoint.title.clone(), api);
        if let Some(&op) = self.new_by_pair.get(&key) {
            return op;
        }
        let op = self.operations.len();
        self.operations.push(LinkedOperation {
            title: endpoint.title.clone(),
            api,
            page: None,
            endpoints: Vec::new(),
            granular: Vec::new(),
        });
        self.new_by_pair.insert(key, op);
        op
    }

    /// The API group named after a product: a section whose name matches, or a new group.
    fn product_api(&mut self, product: &str) -> usize {
        if let Some(at) = self.apis.iter().position(|a| same_api(a, product)) {
            return at;
        }
        self.apis.push(product.to_owned());
        self.apis.len() - 1
    }

    /// Adds `endpoint` (at `at`) and its granular scopes to operation `op`.
    fn attach(&mut self, op: usize, at: usize, endpoint: &Endpoint) {
        let api = self.operations[op].api;
        self.operations[op].endpoints.push(at);
        for name in &endpoint.granular {
            let scope = self.granular_scope(name, api);
            if !self.operations[op].granular.contains(&scope) {
                self.operations[op].granular.push(scope);
            }
        }
    }

    /// The number of the granular scope `name`, numbering it in API group `api` if it is new.
    fn granular_scope(&mut self, name: &str, api: usize) -> usize {
        if let Some(&scope) = self.granular_by_name.get(name) {
            return scope;
        }
        self.granular.push(GranularScope {
            name: name.to_owned(),
            api,
        });
        self.granular_by_name
            .insert(name.to_owned(), self.granular.len() - 1);
        self.granular.len() - 1
    }
}

/// The API group most of each product's placed endpoints belong to (the first of equals in
/// the page's order), for the products with any: a product's documents (its regular and
/// master-account ones) share it.
fn document_homes<'r>(
    linker: &Linker<'_>,
    reference: &'r Reference,
    placed: &[Option<(Rule, Option<usize>)>],
) -> HashMap<&'r str, usize> {
    let mut counts: HashMap<&str, HashMap<usize, usize>> = HashMap::new();
    for (endpoint, slot) in reference.endpoints.iter().zip(placed) {
        if let Some((rule, Some(op))) = slot
            && *rule != Rule::WithoutScopes
        {
            let api = linker.operations[*op].api;
            *counts
                .entry(endpoint.product.as_str())
                .or_default()
                .entry(api)
                .or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(document, apis)| {
            let best = apis
                .into_iter()
                .max_by_key(|&(api, n)| (n, std::cmp::Reverse(api)))?;
            Some((document, best.0))
        })
        .collect()
}
