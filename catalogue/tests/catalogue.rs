//! The parsed catalogue against the counts and facts known about Zoom's page. How the tables
//! generated from it answer lookups is tested with the lookups (`macros/core/tests/resolve.rs`).

use std::collections::HashSet;

use zoom_scopes_catalogue::{Catalogue, Operation, classic};

/// The operation with exactly this title in the section named exactly `group`, or the only one
/// with this title.
fn op<'c>(c: &'c Catalogue, title: &str, group: Option<&str>) -> &'c Operation {
    let mut found = c
        .operations_titled(title)
        .filter(|op| group.is_none_or(|g| c.api(op.api()).name() == g));
    let first = found
        .next()
        .unwrap_or_else(|| panic!("{title} in {group:?}"));
    assert!(found.next().is_none(), "{title} is in several sections");
    first
}

fn scopes_of(c: &Catalogue, title: &str, group: Option<&str>) -> Vec<String> {
    c.ranked_names(op(c, title, group).granted_by())
        .into_iter()
        .map(str::to_owned)
        .collect()
}

#[test]
fn counts_match_the_document() {
    let c = classic();
    assert_eq!(c.scopes().len(), 465, "scopes");
    assert_eq!(c.apis().len(), 59, "sections");
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
    let phones = op(c, "List phone numbers", Some("NumberManagement"));
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
    assert_eq!(c.api(op(c, "Create a user", None).api()).name(), "SCIM2");
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
    let get = op(c, "Get a meeting", None);
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
    assert!(
        c.scope_named("division:write:admin").is_none(),
        "kept as documented"
    );
    // Prefixes do not follow sections.
    let zva = c.scope_named("zva_report:read:admin");
    if let Some(zva) = zva {
        assert_eq!(c.api(zva.api()).name(), "Report");
    }
}

#[test]
fn one_title_several_times_under_one_scope_is_one_grant() {
    let c = classic();
    let phone_master = c.scope_named("phone:master").unwrap();
    let unassign = op(c, "Unassign a phone number", None);
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
fn titles_in_several_sections() {
    let c = classic();
    for (title, groups) in [
        ("List meetings", &["Meeting", "Dashboard"][..]),
        ("Create a channel", &["Chat", "Zoom Video Management"]),
        ("Get a user", &["User", "SCIM2"]),
        ("List users", &["User", "SCIM2"]),
        ("List phone numbers", &["Phone", "NumberManagement"]),
    ] {
        let ambiguous: Vec<&str> = c.ambiguous_titles().collect();
        assert!(ambiguous.contains(&title), "{title}");
        for g in groups {
            op(c, title, Some(g));
        }
    }
    assert_eq!(
        scopes_of(c, "List meetings", Some("Meeting"))[0],
        "meeting:read"
    );
    let dashboard = scopes_of(c, "List meetings", Some("Dashboard"));
    assert!(
        dashboard.contains(&"dashboard_meetings:read:admin".to_owned()),
        "{dashboard:?}"
    );
}

#[test]
fn case_variants_across_sections() {
    let c = classic();
    let lower = op(c, "Delete virtual background files", None);
    assert_eq!(c.api(lower.api()).name(), "Account");
    let upper = op(c, "Delete Virtual Background files", Some("Group"));
    assert_eq!(c.api(upper.api()).name(), "Group");
    assert_eq!(
        c.operations_titled("Delete Virtual Background files")
            .count(),
        2
    );
}

#[test]
fn section_names_vary_in_form() {
    let c = classic();
    let names: Vec<&str> = c.apis().iter().map(|g| g.name()).collect();
    for name in [
        "Contact Center",
        "ContactCenter",
        "Conference Room Connector (CRC)",
        "Special&ChatBot",
        "default",
        "workforce_management",
    ] {
        assert!(names.contains(&name), "{name}");
    }
    let wm = c.scope_named("workforce_management:write:admin").unwrap();
    assert_eq!(c.api(wm.api()).name(), "default");
}

#[test]
fn deprecated_titles_point_to_their_replacement() {
    let c = classic();
    let old = op(c, "Get indicators settings [Deprecated]", None);
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
fn granting_scopes_are_ranked_least_privileged_first() {
    let c = classic();
    for op in c.operations() {
        let ranks: Vec<_> = op
            .granted_by()
            .iter()
            .map(|&s| c.scope(s).privilege())
            .collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{}", op.title());
        assert_eq!(
            c.least_privileged(op.id()),
            op.granted_by().first().copied()
        );
    }
}

#[test]
fn embedded_text_has_no_prose_lines() {
    let first = zoom_scopes_catalogue::CLASSIC_TEXT.lines().next().unwrap();
    assert_eq!(first, "Account scopes");
}
