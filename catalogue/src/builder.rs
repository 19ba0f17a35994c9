//! Assembles a [`Catalogue`] from parsed lines: assigns ids, merges repeated (title, API
//! group) pairs, ranks granting scopes and builds the lookup indexes.

use std::collections::HashMap;

use crate::model::{Api, ApiId, Catalogue, Endpoint, Operation, OperationId, Scope, ScopeId};
use crate::parse::{OperationLine, ParseError, undeprecated};

#[derive(Default)]
pub(crate) struct Builder {
    scopes: Vec<Scope>,
    apis: Vec<Api>,
    operations: Vec<Operation>,
    scope_by_name: HashMap<String, ScopeId>,
    op_by_pair: HashMap<(String, ApiId), OperationId>,
    /// The scope that `- operation` lines belong to; none right after a section header.
    current: Option<ScopeId>,
}

fn id16(len: usize, what: &str) -> Result<u16, String> {
    u16::try_from(len).map_err(|_| format!("more {what} than the catalogue can number"))
}

impl Builder {
    pub fn section(&mut self, name: &str, _line: usize) -> Result<(), String> {
        if self.apis.iter().any(|g| g.name == name) {
            return Err(format!("section `{name} scopes` appears twice"));
        }
        let id = ApiId(id16(self.apis.len(), "sections")?);
        self.apis.push(Api {
            id,
            name: name.to_owned(),
            scopes: Vec::new(),
        });
        self.current = None;
        Ok(())
    }

    pub fn scope(
        &mut self,
        name: &str,
        description: Option<&str>,
        line: usize,
    ) -> Result<(), String> {
        let api = self
            .apis
            .last_mut()
            .ok_or("scope before any section header")?;
        if let Some(&earlier) = self.scope_by_name.get(name) {
            let first = self.scopes[earlier.index()].line;
            return Err(format!(
                "scope `{name}` is documented twice (first on line {first})"
            ));
        }
        let id = ScopeId(id16(self.scopes.len(), "scopes")?);
        api.scopes.push(id);
        self.current = Some(id);
        self.scope_by_name.insert(name.to_owned(), id);
        self.scopes.push(Scope {
            id,
            name: name.to_owned(),
            description: description.map(str::to_owned),
            api: api.id,
            grants: Vec::new(),
            line,
        });
        Ok(())
    }

    pub fn operation(&mut self, line: OperationLine, _at: usize) -> Result<(), String> {
        let current = self
            .current
            .ok_or("operation line before any scope of its section")?;
        let scope = &mut self.scopes[current.index()];
        let api = scope.api;
        let key = (line.title, api);
        let id = match self.op_by_pair.get(&key) {
            Some(&id) => id,
            None => {
                let id = OperationId(id16(self.operations.len(), "operations")?);
                self.operations.push(Operation {
                    id,
                    title: key.0.clone(),
                    api,
                    granted_by: Vec::new(),
                    endpoints: Vec::new(),
                    deprecated: line.deprecated,
                    replacement: None,
                });
                self.op_by_pair.insert(key, id);
                id
            }
        };
        // The same title may stand several times under one scope (distinct endpoints sharing a
        // title): the scope grants the operation once.
        if !scope.grants.contains(&id) {
            scope.grants.push(id);
        }
        let op = &mut self.operations[id.index()];
        if !op.granted_by.contains(&scope.id) {
            op.granted_by.push(scope.id);
        }
        if let Some(operation_id) = line.operation_id {
            let endpoint = Endpoint {
                operation_id,
                master_account: line.master_account,
            };
            if !op.endpoints.contains(&endpoint) {
                op.endpoints.push(endpoint);
            }
        }
        Ok(())
    }

    pub fn finish(self) -> Result<Catalogue, ParseError> {
        if self.scopes.is_empty() {
            return Err(ParseError {
                line: 1,
                reason: "the document lists no scopes".to_owned(),
            });
        }
        let Builder {
            scopes,
            apis,
            mut operations,
            scope_by_name,
            op_by_pair,
            ..
        } = self;
        for op in &mut operations {
            crate::model::rank(&scopes, &mut op.granted_by);
            // Primary endpoints first, each kind in document order.
            let (primary, master): (Vec<Endpoint>, Vec<Endpoint>) =
                std::mem::take(&mut op.endpoints)
                    .into_iter()
                    .partition(|e| !e.master_account);
            op.endpoints = primary;
            op.endpoints.extend(master);
        }
        let replacements: Vec<_> = operations
            .iter()
            .filter(|op| op.deprecated)
            .filter_map(|op| {
                let base = undeprecated(&op.title)?;
                let same_api = op_by_pair.get(&(base.to_owned(), op.api));
                let any_api = || operations.iter().find(|o| o.title == base).map(|o| o.id);
                Some((op.id, same_api.copied().or_else(any_api)?))
            })
            .collect();
        for (deprecated, replacement) in replacements {
            operations[deprecated.index()].replacement = Some(replacement);
        }
        let mut ops_by_title: HashMap<String, Vec<OperationId>> = HashMap::new();
        for op in &operations {
            ops_by_title
                .entry(op.title.clone())
                .or_default()
                .push(op.id);
        }
        Ok(Catalogue {
            scopes,
            apis,
            operations,
            scope_by_name,
            ops_by_title,
        })
    }
}
