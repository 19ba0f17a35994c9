//! Whether declared scopes grant an operation, and the messages that say what to add when not.
//!
//! A classic scope grants what the classic-scope page lists under it, a granular scope the
//! operations whose granular lists (Zoom's API reference) name it. No name is in the lists of
//! the other model except the two names both models have, which grant what either lists; so a
//! declaration of either model is checked against both lists at once ([`granting`]). The
//! messages speak the declaration's model: a classic declaration is told classic scopes, a
//! granular one granular scopes, those at its [level](crate::model::level) first.

use zoom_scopes_tables::{Level, MASTER_ONLY, Model, OperationId, ScopeId, model_of};

use crate::manifest::Declared;
use crate::model::{self, MIGRATE_HELP, level_name, names};

/// The error for an operation that none of the declared scopes grants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotCovered {
    /// The operation.
    pub operation: OperationId,
    /// What was declared, in the order written.
    pub declared: Vec<ScopeId>,
}

/// The scopes that grant `op`, of both models: the classic ones, then the granular ones.
pub fn granting(op: OperationId) -> impl Iterator<Item = ScopeId> {
    op.granted_by().iter().chain(op.granular()).copied()
}

/// `Ok` when one of the `declared` scopes grants `op`, directly or through an extra grant the
/// manifest adds; otherwise what is missing.
pub fn check(op: OperationId, declared: &Declared) -> Result<(), Box<NotCovered>> {
    let granted = granting(op).any(|s| declared.declares(s));
    if granted || declared.extra_grant(op) {
        return Ok(());
    }
    Err(Box::new(NotCovered {
        operation: op,
        declared: declared.ids(),
    }))
}

impl NotCovered {
    /// The scope model of the declaration: granular when it names a granular scope, classic
    /// otherwise (a mix, which every reader of declarations refuses, counts as classic).
    pub fn model(&self) -> Model {
        model_of(&self.declared).unwrap_or(Model::Classic)
    }

    /// The declaration's level ([`model::level`]).
    pub fn level(&self) -> Level {
        model::level(&self.declared)
    }

    /// The scopes of the declaration's model that grant the operation, in the order messages
    /// list them: least privileged first for a classic declaration; for a granular one, those
    /// at the declaration's level first, then the others least privileged first.
    pub fn granting(&self) -> Vec<ScopeId> {
        let op = self.operation;
        match self.model() {
            Model::Classic => op.granted_by().to_vec(),
            Model::Granular => model::level_first(op.granular(), self.level()),
        }
    }

    /// The scope to add: the first of [`NotCovered::granting`], the least privileged granting
    /// scope (of a granular declaration's level, when one is).
    pub fn add(&self) -> Option<ScopeId> {
        self.granting().first().copied()
    }

    /// Whether only `:master` scopes (of the declaration's model) grant the operation.
    pub fn master_only(&self) -> bool {
        let granting = self.granting();
        !granting.is_empty() && granting.iter().all(|s| s.level() == Level::Master)
    }

    /// The message, naming `source` (where the scopes were declared) and the line to write.
    /// `fix` renders the declaration with the missing scope added.
    pub fn message(&self, source: &str, fix: &str) -> String {
        let op = self.operation;
        let model = self.model();
        let scopes = match model {
            Model::Classic => "scopes",
            Model::Granular => "granular scopes",
        };
        let mut msg = format!(
            "\"{}\" ({} API) is not granted by the {scopes} declared in {source}",
            op.title(),
            op.api().name()
        );
        let granting = self.granting();
        let Some(&add) = granting.first() else {
            self.none_in_model(&mut msg);
            return msg;
        };
        msg.push_str(&format!(
            "\n  granted by: {} ({})",
            names(&granting),
            self.order()
        ));
        msg.push_str(&format!("\n  declared:   {}", self.declared_names()));
        msg.push_str(&format!("\nhelp: add \"{}\":\n    {fix}", add.name()));
        let level = self.level();
        if model == Model::Granular && add.level() != level {
            msg.push_str(&format!(
                "\nnote: no {} granular scope grants it",
                level_name(level)
            ));
        }
        if self.master_only() {
            msg.push_str("\nnote: ");
            msg.push_str(MASTER_ONLY);
        }
        msg
    }

    /// How [`NotCovered::granting`] is ordered, as the message says it.
    fn order(&self) -> String {
        match (self.model(), self.level()) {
            (Model::Classic, _) | (Model::Granular, Level::User) => {
                "least privileged first".to_owned()
            }
            (Model::Granular, level) => format!(
                "{} first, the declaration's level; then least privileged first",
                level_name(level)
            ),
        }
    }

    fn declared_names(&self) -> String {
        if self.declared.is_empty() {
            "none".to_owned()
        } else {
            names(&self.declared)
        }
    }

    /// The end of the message when no scope of the declaration's model grants the operation:
    /// what the other model has, or that OAuth scopes do not authorise it at all.
    fn none_in_model(&self, msg: &mut String) {
        let op = self.operation;
        match self.model() {
            _ if !op.oauth() => {
                msg.push_str("\nnote: ");
                msg.push_str(&not_authorised_reason(op));
            }
            Model::Classic => {
                msg.push_str(&format!("\n  declared:   {}", self.declared_names()));
                msg.push_str(&format!(
                    "\nnote: no classic scope grants it; the granular scopes that do are {} \
                     (least privileged first)\nhelp: {MIGRATE_HELP}",
                    names(op.granular())
                ));
            }
            Model::Granular => {
                msg.push_str(&format!("\n  declared:   {}", self.declared_names()));
                msg.push_str(&format!(
                    "\nnote: Zoom's API reference names no granular scope for it; the classic \
                     scopes that grant it are {}\nhelp: if a granular scope does grant it, say \
                     so in [package.metadata.zoom.grants]",
                    names(op.granted_by())
                ));
            }
        }
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

/// The API groups whose operations an SDK's own keys authorise, not OAuth scopes.
const SDKS: [&str; 2] = ["Video SDK", "Cobrowse SDK"];

/// The error for an operation that no OAuth scope authorises (`!op.oauth()`): no declaration
/// can grant it, so `#[requires_api]` refuses it whatever is declared.
pub fn not_authorised(op: OperationId) -> String {
    format!(
        "\"{}\" ({} API) is not authorised by OAuth scopes: {}\n\
         help: #[requires_api] checks an app's OAuth scopes, and this operation takes none; \
         call it without the attribute, with the credentials it takes",
        op.title(),
        op.api().name(),
        not_authorised_reason(op)
    )
}

/// Why no OAuth scope authorises `op`.
fn not_authorised_reason(op: OperationId) -> String {
    let api = op.api().name();
    if SDKS.contains(&api) {
        format!(
            "the {api} authorises it with its own keys (a JWT signed with the SDK key and \
             secret), not with an app's OAuth scopes"
        )
    } else {
        "Zoom documents no scope, classic or granular, that grants it".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::DeclaredScope;

    fn declared(names: &[&str]) -> Declared {
        Declared {
            scopes: names
                .iter()
                .map(|n| DeclaredScope {
                    scope: ScopeId::named(n).unwrap_or_else(|| panic!("{n}")),
                    line: 1,
                })
                .collect(),
            grants: Vec::new(),
        }
    }

    fn op(title: &str, api: Option<&str>) -> OperationId {
        OperationId::find(title, api).unwrap_or_else(|| panic!("{title}"))
    }

    #[test]
    fn granular_declarations_get_granular_scopes_at_their_level_first() {
        let get = op("Get a meeting", None);
        let admin = declared(&["meeting:write:meeting:admin", "user:read:user:admin"]);
        let err = check(get, &admin).unwrap_err();
        assert_eq!(err.model(), Model::Granular);
        assert_eq!(
            err.add().map(ScopeId::name),
            Some("meeting:read:meeting:admin")
        );
        assert_eq!(
            err.message("[package.metadata.zoom] in Cargo.toml", &err.manifest_fix()),
            "\"Get a meeting\" (Meeting API) is not granted by the granular scopes declared in \
             [package.metadata.zoom] in Cargo.toml\n  \
             granted by: meeting:read:meeting:admin, meeting:read:meeting, \
             meeting:read:meeting:master (:admin first, the declaration's level; then least \
             privileged first)\n  \
             declared:   meeting:write:meeting:admin, user:read:user:admin\n\
             help: add \"meeting:read:meeting:admin\":\n    \
             scopes = [\"meeting:write:meeting:admin\", \"user:read:user:admin\", \
             \"meeting:read:meeting:admin\"]"
        );
        let user = check(get, &declared(&["meeting:write:meeting"])).unwrap_err();
        let msg = user.message("X", &user.manifest_fix());
        assert!(
            msg.contains(
                "granted by: meeting:read:meeting, meeting:read:meeting:admin, \
                 meeting:read:meeting:master (least privileged first)"
            ),
            "{msg}"
        );
        assert!(msg.contains("help: add \"meeting:read:meeting\":"), "{msg}");
        // An empty declaration is classic, and gets today's message.
        let none = check(get, &declared(&[])).unwrap_err();
        assert_eq!(none.add().map(ScopeId::name), Some("meeting:read"));
    }

    #[test]
    fn a_level_with_no_granting_scope_says_so() {
        let lower = OperationId::all()
            .find(|op| {
                let g = op.granular();
                !g.is_empty() && g.iter().all(|s| s.level() == Level::User)
            })
            .expect("an operation only user-level granular scopes grant");
        let err = check(lower, &declared(&["user:read:user:admin"])).unwrap_err();
        let msg = err.message("X", &err.manifest_fix());
        assert!(
            msg.ends_with("\nnote: no :admin granular scope grants it"),
            "{msg}"
        );
    }

    #[test]
    fn the_other_model_is_named_when_the_declared_one_has_no_scope() {
        let classic_only = OperationId::all()
            .find(|op| op.granular().is_empty() && !op.granted_by().is_empty())
            .expect("an operation only classic scopes grant");
        let err = check(classic_only, &declared(&["meeting:read:meeting"])).unwrap_err();
        assert_eq!(err.add(), None);
        let msg = err.message("X", &err.manifest_fix());
        assert!(
            msg.contains("names no granular scope for it; the classic scopes that grant it are"),
            "{msg}"
        );
        let granular_only = OperationId::all()
            .find(|op| !op.granular().is_empty() && op.granted_by().is_empty())
            .expect("an operation only granular scopes grant");
        let err = check(granular_only, &declared(&["meeting:read"])).unwrap_err();
        let msg = err.message("X", &err.manifest_fix());
        assert!(
            msg.contains("note: no classic scope grants it; the granular scopes that do are"),
            "{msg}"
        );
        assert!(msg.ends_with(MIGRATE_HELP), "{msg}");
    }

    #[test]
    fn operations_without_oauth_scopes_give_the_reason() {
        let sdk = op("Create a session", Some("Video SDK"));
        assert!(!sdk.oauth());
        assert_eq!(
            not_authorised(sdk),
            "\"Create a session\" (Video SDK API) is not authorised by OAuth scopes: the Video \
             SDK authorises it with its own keys (a JWT signed with the SDK key and secret), \
             not with an app's OAuth scopes\n\
             help: #[requires_api] checks an app's OAuth scopes, and this operation takes none; \
             call it without the attribute, with the credentials it takes"
        );
        let other = OperationId::all()
            .find(|op| !op.oauth() && !SDKS.contains(&op.api().name()))
            .expect("an operation of another API group without scopes");
        assert!(not_authorised(other).contains("Zoom documents no scope, classic or granular"));
        let err = check(sdk, &declared(&["meeting:read"])).unwrap_err();
        let msg = err.message("X", &err.manifest_fix());
        assert!(msg.contains("its own keys"), "{msg}");
    }
}
