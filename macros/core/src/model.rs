//! Zoom's two scope models in a declaration. An app has classic scopes (`meeting:write`) or
//! granular ones (`meeting:write:meeting`), not both: a declaration that mixes them is one
//! error, with the one message here, which the manifest reader, `#[app(...)]` and `scopes!`
//! all give. Also the level of a declaration, which orders the granular scopes a
//! not-covered message suggests.

use zoom_scopes_tables::{Level, Mixed, Model, ScopeId};

/// What every message about the two models says to do.
pub const MIGRATE_HELP: &str = "an app has classic or granular scopes, not both; \
                                `cargo zoom-scopes migrate` gives the granular declaration \
                                for what this crate uses";

/// The message for a declaration whose scopes mix the models. `source` names where the
/// scopes were declared (`[package.metadata.zoom] in Cargo.toml:7`, `#[app]`, `scopes!`).
pub fn mixed_message(source: &str, mixed: &Mixed) -> String {
    format!(
        "the scopes declared in {source} mix Zoom's two scope models\n  \
         classic:  {}\n  granular: {}\nhelp: {MIGRATE_HELP}",
        names(&mixed.classic),
        names(&mixed.granular)
    )
}

/// The position in `scopes` of the first name that makes the declaration mixed: the first one
/// only the other model has, after a name only one model has. `None` when the declaration
/// holds one model. (The two names of both models mix with neither.)
pub fn first_mixing(scopes: &[ScopeId]) -> Option<usize> {
    let mut first: Option<Model> = None;
    for (at, &scope) in scopes.iter().enumerate() {
        let Some(model) = only_model(scope) else {
            continue;
        };
        match first {
            None => first = Some(model),
            Some(seen) if seen != model => return Some(at),
            Some(_) => {}
        }
    }
    None
}

/// The one model that has `scope`, or `None` for the names of both.
fn only_model(scope: ScopeId) -> Option<Model> {
    match (
        scope.in_model(Model::Classic),
        scope.in_model(Model::Granular),
    ) {
        (true, false) => Some(Model::Classic),
        (false, true) => Some(Model::Granular),
        _ => None,
    }
}

/// The level of a declaration: user when it holds a user-level scope, else admin when it
/// holds an `:admin` one, else master (user for an empty one). That is the least privileged
/// level it holds, so a declaration with user-level and `:admin` scopes (which no Zoom app
/// type has; `cargo zoom-scopes audit` says so) counts as user-level, and its suggestions stay
/// the least privileged scopes; one with `:admin` and `:master` scopes (a master account's
/// app) counts as admin.
pub fn level(scopes: &[ScopeId]) -> Level {
    scopes
        .iter()
        .map(|s| s.level())
        .min()
        .unwrap_or(Level::User)
}

/// `ranked` (least privileged first) with the scopes at `level` moved to the front, each part
/// keeping its order.
pub fn level_first(ranked: &[ScopeId], level: Level) -> Vec<ScopeId> {
    let at = ranked.iter().filter(|s| s.level() == level);
    let rest = ranked.iter().filter(|s| s.level() != level);
    at.chain(rest).copied().collect()
}

/// How messages name the scopes of a level: `user-level`, `:admin`, `:master`.
pub fn level_name(level: Level) -> &'static str {
    match level {
        Level::User => "user-level",
        Level::Admin => ":admin",
        Level::Master => ":master",
    }
}

/// Scope names, comma-separated.
pub fn names(scopes: &[ScopeId]) -> String {
    let names: Vec<&str> = scopes.iter().map(|s| s.name()).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use zoom_scopes_tables::model_of;

    use super::*;

    fn ids(names: &[&str]) -> Vec<ScopeId> {
        names
            .iter()
            .map(|n| ScopeId::named(n).unwrap_or_else(|| panic!("{n}")))
            .collect()
    }

    #[test]
    fn the_mixed_message_lists_which_names_are_which() {
        let declared = ids(&["meeting:write", "user:read", "meeting:read:meeting"]);
        let mixed = model_of(&declared).unwrap_err();
        assert_eq!(
            mixed_message("[package.metadata.zoom] in Cargo.toml", &mixed),
            "the scopes declared in [package.metadata.zoom] in Cargo.toml mix Zoom's two scope \
             models\n  classic:  meeting:write, user:read\n  granular: meeting:read:meeting\n\
             help: an app has classic or granular scopes, not both; `cargo zoom-scopes migrate` \
             gives the granular declaration for what this crate uses"
        );
    }

    #[test]
    fn the_first_mixing_name_is_the_first_of_the_second_model() {
        let at = |names: &[&str]| first_mixing(&ids(names));
        assert_eq!(at(&[]), None);
        assert_eq!(at(&["meeting:write", "user:read"]), None);
        assert_eq!(at(&["meeting:write:meeting", "user:read:user"]), None);
        assert_eq!(
            at(&["meeting:write", "user:read", "meeting:read:meeting"]),
            Some(2)
        );
        assert_eq!(
            at(&[
                "meeting:write:sip_dialing",
                "meeting:read:meeting",
                "user:read"
            ]),
            Some(2),
            "a name of both models mixes with neither"
        );
        assert_eq!(at(&["meeting:write:sip_dialing", "user:read"]), None);
        // Exactly when the tables call the declaration mixed.
        for names in [
            &["meeting:write", "meeting:read:meeting:admin"][..],
            &["meeting:read:meeting:admin", "meeting:write"],
            &["meeting:write", "meeting:write:sip_dialing"],
        ] {
            let scopes = ids(names);
            assert_eq!(
                first_mixing(&scopes).is_some(),
                model_of(&scopes).is_err(),
                "{names:?}"
            );
        }
    }

    #[test]
    fn the_level_is_the_least_privileged_one_declared() {
        assert_eq!(level(&[]), Level::User);
        assert_eq!(level(&ids(&["meeting:read:meeting"])), Level::User);
        assert_eq!(
            level(&ids(&[
                "meeting:read:meeting:admin",
                "user:read:user:admin"
            ])),
            Level::Admin
        );
        assert_eq!(
            level(&ids(&[
                "meeting:read:meeting:master",
                "meeting:read:meeting:admin"
            ])),
            Level::Admin
        );
        assert_eq!(
            level(&ids(&["meeting:read:meeting:admin", "user:read:user"])),
            Level::User,
            "user-level and :admin, which Zoom has no app type for: user-level"
        );
        assert_eq!(level(&ids(&["meeting:read:meeting:master"])), Level::Master);
        let ranked = ids(&[
            "meeting:write:meeting",
            "meeting:write:meeting:admin",
            "meeting:write:meeting:master",
        ]);
        assert_eq!(level_first(&ranked, Level::User), ranked);
        assert_eq!(
            level_first(&ranked, Level::Admin),
            ids(&[
                "meeting:write:meeting:admin",
                "meeting:write:meeting",
                "meeting:write:meeting:master"
            ])
        );
        assert_eq!(
            level_first(&ranked, Level::Master),
            ids(&[
                "meeting:write:meeting:master",
                "meeting:write:meeting",
                "meeting:write:meeting:admin"
            ])
        );
    }
}
