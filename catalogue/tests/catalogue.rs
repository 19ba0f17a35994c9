//! The embedded catalogue against the counts and facts known about Zoom's page.

use std::collections::HashSet;

use zoom_scopes_catalogue::{Catalogue, Level, LookupError, classic};

fn scopes_of(c: &Catalogue, title: &str, group: Option<&str>) -> Vec<String> {
    let op = c
        .resolve(title, group)
        .unwrap_or_else(|e| panic!("{title}: {e}"));
    c.ranked_names(op.granted_by())
        .into_iter()
        .map(str::to_owned)
        .collect()
}

#[test]
fn counts_match_the_document() {
    let c = classic();
    assert_eq!(c.scopes().len(), 465, "scopes");
    assert_eq!(c.groups().len(), 59, "sections");
    assert_eq!(c.titles().count(), 1431, "distinct titles");
    assert_eq!(c.operations().len(), 1490, "(title, section) pairs");
    assert_eq!(
        c.scopes().iter().filter(|s| s.grants().is_empty()).count(),
        266,
        "scopes listing nothing"
    );
    assert_eq!(c.ambiguous_titles().count(), 58, "ambiguous titles");
}

#[test]
fn link_lines_are_unwrapped() {
    let c = classic();
    let linked: HashSet<(&str, &str)> = c
        .operations()
        .iter()
        .flat_map(|op| {
            op.endpoints()
                .iter()
                .map(move |e| (op.title(), e.operation_id()))
        })
        .collect();
    // 96 link lines in the page, 89 distinct: the same link repeated under several scopes.
    let distinct_links: usize = c.operations().iter().map(|op| op.endpoints().len()).sum();
    assert_eq!(distinct_links, 89);
    assert!(linked.contains(&("List phone numbers", "listPhoneNumbers")));
    assert!(c.titles().all(|t| !t.starts_with('[') && !t.contains("](")));
    let phones = c
        .resolve("List phone numbers", Some("NumberManagement"))
        .unwrap();
    assert_eq!(phones.operation_id(), Some("listPhoneNumbers"));
    assert!(phones.endpoints().iter().any(|e| e.master_account()));
    assert!(phones.endpoints().iter().any(|e| !e.master_account()));
}

#[test]
fn known_facts() {
    let c = classic();
    assert_eq!(
        scopes_of(c, "Create a meeting", None),
        ["meeting:write", "meeting:write:admin", "meeting:master"]
    );
    assert_eq!(
        scopes_of(c, "Get a meeting", None),
        ["meeting:read", "meeting:read:admin", "meeting:master"]
    );
    assert_eq!(scopes_of(c, "Create a user", None), ["scim2"]);
    assert_eq!(
        c.resolve("Create a user", None).unwrap().group(),
        c.groups_named("SCIM2").next().unwrap().id()
    );
    assert_eq!(
        scopes_of(c, "Get a meeting or webinar summary", None),
        ["meeting_summary:master"]
    );
    for listed_nothing in ["meeting_summary:read", "meeting_summary:read:admin"] {
        assert!(
            c.scope_named(listed_nothing).unwrap().grants().is_empty(),
            "{listed_nothing}"
        );
    }
    // No implied hierarchy: meeting:write does not grant reading a meeting.
    let write = c.scope_named("meeting:write").unwrap().id();
    let get = c.resolve("Get a meeting", None).unwrap();
    assert!(!c.covers(&[write], get.id()));
}

#[test]
fn scope_name_quirks() {
    let c = classic();
    for name in [
        "scim2",
        "user_profile",
        "meeting:write:admin:sip_dialing",
        "division:wirte:admin",
    ] {
        assert!(c.scope_named(name).is_some(), "{name}");
    }
    assert_eq!(c.scope_named("pac:master").unwrap().description(), None);
    assert_eq!(
        c.scopes()
            .iter()
            .filter(|s| s.description().is_none())
            .count(),
        1
    );
    let e = c
        .resolve_scope("division:write:admin")
        .unwrap_err()
        .to_string();
    assert!(e.contains("did you mean \"division:wirte:admin\""), "{e}");
    let e = c.resolve_scope("Meeting:Write").unwrap_err().to_string();
    assert!(e.contains("did you mean \"meeting:write\""), "{e}");
    // Prefixes do not follow sections.
    let zva = c.scope_named("zva_report:read:admin");
    if let Some(zva) = zva {
        assert_eq!(c.group(zva.group()).name(), "Report");
    }
}

#[test]
fn one_title_several_times_under_one_scope_is_one_grant() {
    let c = classic();
    let phone_master = c.scope_named("phone:master").unwrap();
    let unassign = c.resolve("Unassign a phone number", None).unwrap();
    assert_eq!(
        phone_master
            .grants()
            .iter()
            .filter(|&&id| id == unassign.id())
            .count(),
        1
    );
}

#[test]
fn ambiguous_titles_list_their_groups() {
    let c = classic();
    for (title, groups) in [
        ("List meetings", &["Meeting", "Dashboard"][..]),
        ("Create a channel", &["Chat", "Zoom Video Management"]),
        ("Get a user", &["User", "SCIM2"]),
        ("List users", &["User", "SCIM2"]),
        ("List phone numbers", &["Phone", "NumberManagement"]),
    ] {
        let Err(LookupError::Ambiguous { choices, .. }) = c.resolve(title, None) else {
            panic!("{title} should be ambiguous");
        };
        let names: Vec<&str> = choices.iter().map(|ch| ch.group.as_str()).collect();
        for g in groups {
            assert!(names.contains(g), "{title}: {names:?}");
            assert!(c.resolve(title, Some(g)).is_ok(), "{title} in {g}");
        }
    }
    assert_eq!(
        scopes_of(c, "List meetings", Some("Meeting"))[0],
        "meeting:read"
    );
    let dashboard = scopes_of(c, "List meetings", Some("dashboard"));
    assert!(
        dashboard.contains(&"dashboard_meetings:read:admin".to_owned()),
        "{dashboard:?}"
    );
}

#[test]
fn case_variants_across_sections() {
    let c = classic();
    let lower = c.resolve("Delete virtual background files", None).unwrap();
    assert_eq!(c.group(lower.group()).name(), "Account");
    let upper = c
        .resolve("Delete Virtual Background files", Some("Group"))
        .unwrap();
    assert_eq!(c.group(upper.group()).name(), "Group");
    let Err(LookupError::WrongCase { documented, .. }) =
        c.resolve("delete virtual background files", None)
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
fn group_names_match_ignoring_case_and_space() {
    let c = classic();
    assert_eq!(
        c.groups_named("Contact Center").count(),
        2,
        "Contact Center and ContactCenter"
    );
    assert_eq!(c.groups_named("contactcenter").count(), 2);
    assert_eq!(
        c.groups_named("Workforce Management")
            .next()
            .unwrap()
            .name(),
        "workforce_management"
    );
    assert_eq!(
        c.groups_named("special & chatbot").next().unwrap().name(),
        "Special&ChatBot"
    );
    assert_eq!(c.groups_named("Conference Room Connector (CRC)").count(), 1);
    let wm = c.scope_named("workforce_management:write:admin").unwrap();
    assert_eq!(c.group(wm.group()).name(), "default");
}

#[test]
fn deprecated_titles_point_to_their_replacement() {
    let c = classic();
    let old = c
        .resolve("Get indicators settings [Deprecated]", None)
        .unwrap();
    assert!(old.deprecated());
    let new = c.operation(old.replacement().unwrap());
    assert_eq!(new.title(), "Get indicators settings");
    assert!(!new.deprecated());
    assert!(
        c.operations()
            .iter()
            .filter(|o| !o.deprecated())
            .all(|o| o.replacement().is_none())
    );
}

#[test]
fn titles_with_punctuation_resolve() {
    let c = classic();
    for title in [
        "Migrate 1:1 conversation or channel operations",
        "Update a H.323/SIP device",
    ] {
        assert!(c.resolve(title, None).is_ok(), "{title}");
    }
}

#[test]
fn lookup_errors_are_helpful() {
    let c = classic();
    let e = c.resolve("Crate a meeting", None).unwrap_err();
    assert!(
        e.to_string().contains("did you mean \"Create a meeting\""),
        "{e}"
    );
    let e = c.resolve("Create a meeting", Some("Webinar")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "\"Create a meeting\" is not documented in the \"Webinar\" API group\nhelp: it is documented in api = \"Meeting\""
    );
    let e = c.resolve("Create a meeting", Some("Meetings")).unwrap_err();
    assert!(e.to_string().contains("did you mean \"Meeting\""), "{e}");
    assert_eq!(c.resolve("  ", None).unwrap_err(), LookupError::EmptyTitle);
    // The title is checked first: a wrong group is not worth mentioning for an unknown title.
    assert!(matches!(
        c.resolve("Crate a meeting", Some("Nope")),
        Err(LookupError::UnknownTitle { .. })
    ));
    assert_eq!(
        c.resolve("Create a meeting", Some("")).unwrap_err(),
        LookupError::EmptyGroup
    );
}

/// Every operation is reachable by its title (with its group where the title is ambiguous), is
/// covered by its least privileged granting scope, and is not covered by all the other scopes.
#[test]
fn every_operation_is_granted_exactly_by_its_scopes() {
    let c = classic();
    let all: Vec<_> = c.scopes().iter().map(|s| s.id()).collect();
    for op in c.operations() {
        let group = c.group(op.group()).name();
        let resolved = c.resolve(op.title(), Some(group)).unwrap();
        assert_eq!(resolved.id(), op.id(), "{} in {group}", op.title());
        let least = c
            .least_privileged(op.id())
            .expect("every operation has a granting scope");
        assert!(c.check(op, &[least]).is_ok());
        let others: Vec<_> = all
            .iter()
            .copied()
            .filter(|s| !op.granted_by().contains(s))
            .collect();
        let err = c.check(op, &others).unwrap_err();
        assert_eq!(err.add, c.scope(least).name());
        // Least privileged first.
        let ranks: Vec<_> = op
            .granted_by()
            .iter()
            .map(|&s| c.scope(s).privilege())
            .collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{}", op.title());
    }
}

#[test]
fn master_only_operations_say_so() {
    let c = classic();
    let op = c.resolve("Get a meeting or webinar summary", None).unwrap();
    let err = c.check(op, &[]).unwrap_err();
    assert!(err.master_only);
    let msg = err.message("Cargo.toml", &err.manifest_fix());
    assert!(msg.contains("master-account variant"), "{msg}");
    assert!(c.operations().iter().any(|o| {
        o.granted_by()
            .iter()
            .all(|&s| c.scope(s).level() == Level::Master)
    }));
}

#[test]
fn not_covered_message_names_the_fix() {
    let c = classic();
    let op = c.resolve("Create a meeting", None).unwrap();
    let user_read = c.scope_named("user:read").unwrap().id();
    let err = c.check(op, &[user_read]).unwrap_err();
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

#[test]
fn embedded_text_has_no_prose_lines() {
    let first = zoom_scopes_catalogue::CLASSIC_TEXT.lines().next().unwrap();
    assert_eq!(first, "Account scopes");
}
