//! Whether declared scopes grant an operation, and the message that says what to add when not.

use crate::model::{Catalogue, Operation, ScopeId};
use crate::scope_name::Level;

/// The error for an operation that none of the declared scopes grants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotCovered {
    /// The operation's title.
    pub title: String,
    /// Its API group.
    pub group: String,
    /// Granting scopes, least privileged first.
    pub granted_by: Vec<String>,
    /// What was declared, as written.
    pub declared: Vec<String>,
    /// The least privileged granting scope: the one to add.
    pub add: String,
    /// Whether only `:master` scopes grant the operation.
    pub master_only: bool,
}

impl Catalogue {
    /// `Ok` when one of `declared` grants `op`; otherwise what is missing.
    /// Grants a manifest adds are checked by
    /// [`Declared::extra_grant`](crate::manifest::Declared::extra_grant).
    pub fn check(&self, op: &Operation, declared: &[ScopeId]) -> Result<(), Box<NotCovered>> {
        if self.covers(declared, op.id()) {
            return Ok(());
        }
        let name = |id: ScopeId| self.scope(id).name().to_owned();
        let granted_by: Vec<String> = op.granted_by().iter().map(|&id| name(id)).collect();
        Err(Box::new(NotCovered {
            title: op.title().to_owned(),
            group: self.group(op.group()).name().to_owned(),
            add: granted_by.first().cloned().unwrap_or_default(),
            master_only: op
                .granted_by()
                .iter()
                .all(|&id| self.scope(id).level() == Level::Master),
            granted_by,
            declared: declared.iter().map(|&id| name(id)).collect(),
        }))
    }
}

impl NotCovered {
    /// The message, naming `source` (where the scopes were declared) and the line to write.
    /// `fix` renders the declaration with the missing scope added.
    pub fn message(&self, source: &str, fix: &str) -> String {
        let mut msg = format!(
            "\"{}\" ({} API) is not granted by the scopes declared in {source}",
            self.title, self.group
        );
        if self.granted_by.is_empty() {
            msg.push_str("\nnote: Zoom's scope reference lists no scope that grants it");
            return msg;
        }
        msg.push_str(&format!(
            "\n  granted by: {} (least privileged first)",
            self.granted_by.join(", ")
        ));
        let declared = if self.declared.is_empty() {
            "none".to_owned()
        } else {
            self.declared.join(", ")
        };
        msg.push_str(&format!("\n  declared:   {declared}"));
        msg.push_str(&format!("\nhelp: add \"{}\":\n    {fix}", self.add));
        if self.master_only {
            msg.push_str(
                "\nnote: only :master scopes grant it; they grant the master-account variant \
                 (/accounts/{accountId}/...) of the operation",
            );
        }
        msg
    }

    /// The `scopes = [...]` line of a manifest with the missing scope added.
    pub fn manifest_fix(&self) -> String {
        let mut all: Vec<&str> = self.declared.iter().map(String::as_str).collect();
        all.push(&self.add);
        let quoted: Vec<String> = all.iter().map(|s| format!("\"{s}\"")).collect();
        format!("scopes = [{}]", quoted.join(", "))
    }
}
