//! Lookups over the generated tables, as every tool makes them: exact answers for correct
//! input, and errors that say how to fix the rest.

use zoom_scopes_macros_core::coverage::{self, check, granting};
use zoom_scopes_macros_core::manifest::{Declared, DeclaredScope};
use zoom_scopes_macros_core::resolve::{self, LookupError, Qualifier};
use zoom_scopes_tables::{ApiId, Level, Model, OperationId, ScopeId};

fn resolve(title: &str, api: Option<&str>) -> Result<OperationId, LookupError> {
    resolve::operation(title, api)
}

fn scope(name: &str) -> ScopeId {
    resolve::scope(name).unwrap_or_else(|e| panic!("{e}"))
}

fn declared(scopes: &[ScopeId]) -> Declared {
    Declared {
        scopes: scopes
            .iter()
            .map(|&scope| DeclaredScope { scope, line: 1 })
            .collect(),
        grants: Vec::new(),
    }
}

#[test]
fn scope_names_are_exact_with_suggestions() {
    for name in [
        "scim2",
        "user_profile",
        "meeting:write:admin:sip_dialing",
        "division:wirte:admin",
    ] {
        assert_eq!(scope(name).name(), name);
    }
    let e = resolve::scope("division:write:admin")
        .unwrap_err()
        .to_string();
    assert!(e.contains("did you mean \"division:wirte:admin\""), "{e}");
    let e = resolve::scope("Meeting:Write").unwrap_err().to_string();
    assert!(e.contains("did you mean \"meeting:write\""), "{e}");
    assert!(
        !e.contains("written exactly"),
        "a case slip needs no note: {e}"
    );
    assert_eq!(
        resolve::scope(" ").unwrap_err().to_string(),
        "empty scope name"
    );
}

#[test]
fn ambiguous_titles_list_their_api_groups() {
    for (title, apis) in [
        ("List meetings", &["Meeting", "Dashboard"][..]),
        ("Create a channel", &["Chat", "Zoom Video Management"]),
        ("Get a user", &["User", "SCIM2"]),
        ("List users", &["User", "SCIM2"]),
        ("List phone numbers", &["Phone", "NumberManagement"]),
    ] {
        let Err(LookupError::Ambiguous { choices, .. }) = resolve(title, None) else {
            panic!("{title} should be ambiguous");
        };
        let names: Vec<&str> = choices.iter().map(|ch| ch.api.as_str()).collect();
        for api in apis {
            assert!(names.contains(api), "{title}: {names:?}");
            assert!(resolve(title, Some(api)).is_ok(), "{title} in {api}");
        }
    }
    let e = resolve("List meetings", None).unwrap_err();
    let message = e.to_string();
    assert!(
        message.contains("choose one with `api = \"...\"`:"),
        "{message}"
    );
    assert!(
        message.contains("\n    api = \"Meeting\"    granted by meeting:read"),
        "{message}"
    );
    assert!(
        message.contains("\n    api = \"Dashboard\"  granted by dashboard"),
        "{message}"
    );
    let flag = e.render(Qualifier::ApiFlag);
    assert!(flag.contains("choose one with --api \"GROUP\""), "{flag}");
    assert!(flag.contains("--api \"Meeting\"  "), "{flag}");
    let at = e.render(Qualifier::AtApi);
    assert!(at.contains("\"List meetings @ Meeting\""), "{at}");
}

#[test]
fn case_variants_across_sections() {
    let lower = resolve("Delete virtual background files", None).unwrap();
    assert_eq!(lower.api().name(), "Account");
    let upper = resolve("Delete Virtual Background files", Some("Group")).unwrap();
    assert_eq!(upper.api().name(), "Group");
    let Err(LookupError::WrongCase { documented, .. }) =
        resolve("delete virtual background files", None)
    else {
        panic!("expected a case error");
    };
    assert_eq!(
        documented,
        [
            "Delete Virtual Background files",
            "Delete virtual background files"
        ]
    );
}

#[test]
fn api_group_names_match_ignoring_case_and_space() {
    let named = |name: &str| ApiId::named(name).map(ApiId::name).collect::<Vec<_>>();
    assert_eq!(named("Contact Center"), ["Contact Center", "ContactCenter"]);
    assert_eq!(named("contactcenter").len(), 2);
    assert_eq!(named("Workforce Management"), ["workforce_management"]);
    assert_eq!(named("special & chatbot"), ["Special&ChatBot"]);
    assert_eq!(named("Conference Room Connector (CRC)").len(), 1);
    let list = resolve("List meetings", Some("dashboard")).unwrap();
    assert_eq!(list.api().name(), "Dashboard");
}

#[test]
fn titles_with_punctuation_resolve() {
    for title in [
        "Migrate 1:1 conversation or channel operations",
        "Update a H.323/SIP device",
    ] {
        assert!(resolve(title, None).is_ok(), "{title}");
    }
}

#[test]
fn lookup_errors_are_helpful() {
    let e = resolve("Crate a meeting", None).unwrap_err();
    assert!(
        e.to_string().contains("did you mean \"Create a meeting\""),
        "{e}"
    );
    let e = resolve("Create a meeting", Some("Webinar")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "\"Create a meeting\" is not documented in the \"Webinar\" API group\nhelp: it is documented in api = \"Meeting\""
    );
    assert_eq!(
        e.render(Qualifier::ApiFlag),
        "\"Create a meeting\" is not documented in the \"Webinar\" API group\nhelp: it is documented in --api \"Meeting\""
    );
    let e = resolve("Create a meeting", Some("Meetings")).unwrap_err();
    assert!(e.to_string().contains("did you mean \"Meeting\""), "{e}");
    assert_eq!(resolve("  ", None).unwrap_err(), LookupError::EmptyTitle);
    // The title is checked first: a wrong API group is not worth mentioning for an unknown title.
    assert!(matches!(
        resolve("Crate a meeting", Some("Nope")),
        Err(LookupError::UnknownTitle { .. })
    ));
    assert_eq!(
        resolve("Create a meeting", Some("")).unwrap_err(),
        LookupError::EmptyApi
    );
    assert_eq!(
        LookupError::EmptyApi.to_string(),
        "the API group is empty\nhelp: name the group as Zoom documents it, e.g. api = \"Meeting\""
    );
}

/// Every operation is reachable by its title and API group; one a classic scope grants is
/// covered by its least privileged classic scope, and not by all the other classic scopes.
#[test]
fn every_operation_is_granted_exactly_by_its_scopes() {
    for op in OperationId::all() {
        let api = op.api().name();
        assert_eq!(
            resolve(op.title(), Some(api)),
            Ok(op),
            "{} in {api}",
            op.title()
        );
        let Some(&least) = op.granted_by().first() else {
            continue;
        };
        assert!(check(op, &declared(&[least])).is_ok());
        let others: Vec<ScopeId> = ScopeId::all()
            .filter(|s| s.in_model(Model::Classic) && !granting(op).any(|g| g == *s))
            .collect();
        let err = check(op, &declared(&others)).unwrap_err();
        assert_eq!(err.model(), Model::Classic);
        assert_eq!(err.add(), Some(least));
    }
}

/// The granular model over the whole catalogue: every operation with granular scopes is
/// covered by each of them alone, and by none outside its list, whose error names its least
/// privileged granular scope (at the declaration's level, for an `:admin` declaration).
#[test]
fn every_operation_is_granted_exactly_by_its_granular_scopes() {
    let granular: Vec<ScopeId> = ScopeId::all()
        .filter(|s| s.in_model(Model::Granular))
        .collect();
    let mut checked = 0;
    for op in OperationId::all().filter(|op| !op.granular().is_empty()) {
        for &scope in op.granular() {
            assert!(
                check(op, &declared(&[scope])).is_ok(),
                "{} alone grants {}",
                scope.name(),
                op.title()
            );
        }
        let outside: Vec<ScopeId> = granular
            .iter()
            .copied()
            .filter(|s| !granting(op).any(|g| g == *s))
            .collect();
        let err = check(op, &declared(&outside)).unwrap_err();
        assert_eq!(err.model(), Model::Granular, "{}", op.title());
        assert_eq!(err.level(), Level::User);
        assert_eq!(err.add(), op.granular().first().copied(), "{}", op.title());
        let message = err.message("X", &err.manifest_fix());
        assert!(
            message.starts_with(&format!(
                "\"{}\" ({} API) is not granted by the granular scopes declared in X\n",
                op.title(),
                op.api().name()
            )),
            "{message}"
        );
        let admin: Vec<ScopeId> = outside
            .iter()
            .copied()
            .filter(|s| s.level() == Level::Admin)
            .collect();
        let err = check(op, &declared(&admin)).unwrap_err();
        assert_eq!(err.level(), Level::Admin);
        let expected = op
            .granular()
            .iter()
            .find(|s| s.level() == Level::Admin)
            .or(op.granular().first())
            .copied();
        assert_eq!(err.add(), expected, "{}", op.title());
        checked += 1;
    }
    assert!(checked > 1_600, "{checked} operations with granular scopes");
}

/// No name of one model is in the other model's lists, but for the two names of both; so
/// checking a declaration against both lists is checking it against its own model's.
#[test]
fn each_model_lists_only_its_own_names() {
    for op in OperationId::all() {
        assert!(op.granted_by().iter().all(|s| s.in_model(Model::Classic)));
        assert!(op.granular().iter().all(|s| s.in_model(Model::Granular)));
    }
}

/// Operations no OAuth scope authorises are refused with that reason, whatever is declared.
#[test]
fn operations_without_oauth_scopes_are_not_authorised() {
    let sdk = resolve("Create a session", Some("Video SDK")).unwrap();
    assert!(!sdk.oauth());
    assert!(coverage::not_authorised(sdk).contains("its own keys"));
    let without: Vec<OperationId> = OperationId::all().filter(|op| !op.oauth()).collect();
    assert!(!without.is_empty());
    let everything: Vec<ScopeId> = ScopeId::all().collect();
    for op in without {
        assert!(check(op, &declared(&everything)).is_err(), "{}", op.title());
        let reason = coverage::not_authorised(op);
        assert!(
            reason.contains("is not authorised by OAuth scopes") && !reason.contains("granted by:"),
            "{reason}"
        );
    }
}

/// "Did you mean" over both models: a classic name's suggestions are classic names, a
/// granular name's granular ones.
#[test]
fn suggestions_come_from_the_model_of_the_closest_name() {
    let suggestions = |name: &str| match resolve::scope(name) {
        Err(resolve::ScopeError::Unknown { suggestions, .. }) => suggestions,
        other => panic!("{name}: {other:?}"),
    };
    for (typo, first) in [
        ("Meeting:Write", "meeting:write"),
        ("meeting:wirte", "meeting:write"),
        ("meeting:write:meting", "meeting:write:meeting"),
        ("meeting:read:meeting:admn", "meeting:read:meeting:admin"),
        ("Meeting:Read:Meeting", "meeting:read:meeting"),
        ("user:raed:user", "user:read:user"),
    ] {
        let got = suggestions(typo);
        assert_eq!(
            got.first().map(String::as_str),
            Some(first),
            "{typo}: {got:?}"
        );
        let model = scope(first).model();
        assert!(
            got.iter().all(|s| scope(s).in_model(model)),
            "{typo}: {got:?}"
        );
    }
}

#[test]
fn master_only_operations_say_so() {
    let op = resolve("Get a meeting or webinar summary", None).unwrap();
    let err = check(op, &declared(&[])).unwrap_err();
    assert!(err.master_only());
    let msg = err.message("Cargo.toml", &err.manifest_fix());
    assert!(msg.contains("master-account variant"), "{msg}");
    assert!(OperationId::all().any(|o| o.granted_by().iter().all(|s| s.level() == Level::Master)));
    let create = resolve("Create a meeting", None).unwrap();
    assert!(!check(create, &declared(&[])).unwrap_err().master_only());
}

#[test]
fn not_covered_message_names_the_fix() {
    let op = resolve("Create a meeting", None).unwrap();
    let err = check(op, &declared(&[scope("user:read")])).unwrap_err();
    assert_eq!(
        err.manifest_fix(),
        "scopes = [\"user:read\", \"meeting:write\"]"
    );
    assert_eq!(
        err.message("[package.metadata.zoom] in Cargo.toml", &err.manifest_fix()),
        "\"Create a meeting\" (Meeting API) is not granted by the scopes declared in [package.metadata.zoom] in Cargo.toml
  granted by: meeting:write, meeting:write:admin, meeting:master (least privileged first)
  declared:   user:read
help: add \"meeting:write\":
    scopes = [\"user:read\", \"meeting:write\"]"
    );
}
