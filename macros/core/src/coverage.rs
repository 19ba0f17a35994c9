//! Whether declared scopes grant an operation, and the message that says what to add when not.

use zoom_scopes_tables::{Level, MASTER_ONLY, OperationId, ScopeId};

use crate::manifest::Declared;

/// The error for an operation that none of the declared scopes grants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotCovered {
    /// The operation.
    pub operation: OperationId,
    /// What was declared, in the order written.
    pub declared: Vec<ScopeId>,
}

/// `Ok` when one of the `declared` scopes grants `op`, directly or through an extra grant the
/// manifest adds; otherwise what is missing.
pub fn check(op: OperationId, declared: &Declared) -> Result<(), Box<NotCovered>> {
    let granted = op.granted_by().iter().any(|&s| declared.declares(s));
    if granted || declared.extra_grant(op) {
        return Ok(());
    }
    Err(Box::new(NotCovered {
        operation: op,
        declared: declared.ids(),
    }))
}

impl NotCovered {
    /// The least privileged granting scope: the one to add.
    pub fn add(&self) -> Option<ScopeId> {
        self.operation.granted_by().first().copied()
    }

    /// Whether only `:master` scopes grant the operation.
    pub fn master_only(&self) -> bool {
        let granted_by = self.operation.granted_by();
        !granted_by.is_empty() && granted_by.iter().all(|s| s.level() == Level::Master)
    }

    /// The message, naming `source` (where the scopes were declared) and the line to write.
    /// `fix` renders the declaration with the missing scope added.
    pub fn message(&self, source: &str, fix: &str) -> String {
        let op = self.operation;
        let mut msg = format!(
            "\"{}\" ({} API) is not granted by the scopes declared in {source}",
            op.title(),
            op.api().name()
        );
        let Some(add) = self.add() else {
            msg.push_str("\nnote: Zoom's scope reference lists no scope that grants it");
            return msg;
        };
        msg.push_str(&format!(
            "\n  granted by: {} (least privileged first)",
            names(op.granted_by())
        ));
        let declared = if self.declared.is_empty() {
            "none".to_owned()
        } else {
            names(&self.declared)
        };
        msg.push_str(&format!("\n  declared:   {declared}"));
        msg.push_str(&format!("\nhelp: add \"{}\":\n    {fix}", add.name()));
        if self.master_only() {
            msg.push_str("\nnote: ");
            msg.push_str(MASTER_ONLY);
        }
        msg
    }

    /// The `scopes = [...]` line of a manifest with the missing scope added.
    pub fn manifest_fix(&self) -> String {
        let quoted: Vec<String> = self
            .declared
            .iter()
            .chain(self.add().as_ref())
            .map(|s| format!("\"{}\"", s.name()))
            .collect();
        format!("scopes = [{}]", quoted.join(", "))
    }
}

fn names(scopes: &[ScopeId]) -> String {
    let names: Vec<&str> = scopes.iter().map(|s| s.name()).collect();
    names.join(", ")
}
