//! `ScopeSet`: parsing a token's `scope` field, printing, algebra, serde, coverage.

use proptest::prelude::*;
use zoom_scopes::{Operation, Scope, ScopeSet, operation, scopes};

#[test]
fn parses_token_scope_fields() {
    let expected = scopes!("meeting:write", "user:read");
    for field in [
        "meeting:write user:read",
        "user:read,meeting:write",
        "  meeting:write \t user:read\n",
        "meeting:write, user:read,,",
        "meeting:write meeting:write user:read",
    ] {
        assert_eq!(field.parse::<ScopeSet>(), Ok(expected), "{field:?}");
    }
    assert_eq!("".parse::<ScopeSet>(), Ok(ScopeSet::EMPTY));
    assert_eq!(" , ".parse::<ScopeSet>(), Ok(ScopeSet::EMPTY));
}

#[test]
fn unknown_names_are_named_and_nothing_is_lost() {
    let err = "meeting:write division:write:admin meeting:read:meeting:soon Meeting:Write meeting:read:meeting:soon meeting:read:meeting"
        .parse::<ScopeSet>()
        .unwrap_err();
    assert_eq!(
        err.unknown(),
        [
            "division:write:admin",
            "meeting:read:meeting:soon",
            "Meeting:Write"
        ]
    );
    assert_eq!(
        err.known(),
        ScopeSet::from([Scope::MEETING_WRITE, Scope::MEETING_READ_MEETING])
    );
    assert_eq!(
        err.to_string(),
        "unknown Zoom scopes: \"division:write:admin\" (did you mean \"division:wirte:admin\"?), \
         \"meeting:read:meeting:soon\", \"Meeting:Write\" (did you mean \"meeting:write\"?)"
    );
    let (known, unknown) = ScopeSet::parse_lenient("user:read granular:scope");
    assert_eq!(
        (known, unknown),
        (
            ScopeSet::from(Scope::USER_READ),
            vec!["granular:scope".to_owned()]
        )
    );
}

#[test]
fn displays_space_separated_in_catalogue_order() {
    let set = scopes!("user:read", "meeting:write", "account:master");
    assert_eq!(set.to_string(), "account:master meeting:write user:read");
    assert_eq!(ScopeSet::EMPTY.to_string(), "");
    assert_eq!(
        format!("{set:?}"),
        "{\"account:master\", \"meeting:write\", \"user:read\"}"
    );
}

#[test]
fn serde_is_a_list_of_names() {
    let set = scopes!("user:read", "meeting:write");
    let json = serde_json::to_string(&set).unwrap();
    assert_eq!(json, "[\"meeting:write\",\"user:read\"]");
    assert_eq!(serde_json::from_str::<ScopeSet>(&json).unwrap(), set);
    let err = serde_json::from_str::<ScopeSet>("[\"meeting:write\", \"nope\"]").unwrap_err();
    assert!(
        err.to_string().contains("unknown Zoom scope \"nope\""),
        "{err}"
    );
    assert!(serde_json::from_str::<ScopeSet>("\"meeting:write\"").is_err());
}

#[test]
fn coverage_follows_the_catalogue() {
    let app = scopes!("meeting:write");
    assert!(app.covers(operation!("Create a meeting")));
    assert!(
        !app.covers(operation!("Get a meeting")),
        "no implied hierarchy"
    );
    assert!(scopes!("meeting:master").covers(operation!("Get a meeting")));
    assert!(!ScopeSet::EMPTY.covers(operation!("Create a meeting")));
    assert_eq!(ScopeSet::ALL.len(), 3_062);
    for op in Operation::all() {
        assert_eq!(ScopeSet::ALL.covers(op), op.oauth(), "{op}");
    }
    let sdk = Operation::find("Create a session", "Video SDK").expect("documented");
    assert!(!sdk.oauth() && !ScopeSet::ALL.covers(sdk));
    let summary = operation!("Get a meeting or webinar summary");
    assert_eq!(summary.granted_by_ranked(), [Scope::MEETING_SUMMARY_MASTER]);
    assert!(!scopes!("meeting_summary:read", "meeting_summary:read:admin").covers(summary));
}

#[test]
fn ranked_is_least_privileged_first() {
    let set = scopes!(
        "meeting:master",
        "meeting:write:admin",
        "meeting:read",
        "meeting:write"
    );
    assert_eq!(
        set.ranked(),
        [
            Scope::MEETING_READ,
            Scope::MEETING_WRITE,
            Scope::MEETING_WRITE_ADMIN,
            Scope::MEETING_MASTER
        ]
    );
}

#[test]
fn insert_remove_and_iteration() {
    let mut set = ScopeSet::new();
    assert!(set.insert(Scope::USER_READ));
    assert!(!set.insert(Scope::USER_READ));
    assert_eq!(set.len(), 1);
    assert!(set.remove(Scope::USER_READ));
    assert!(!set.remove(Scope::USER_READ));
    assert!(set.is_empty());
    let last = Scope::all().last().unwrap();
    let set = ScopeSet::from([Scope::ACCOUNT_MASTER, last]);
    assert_eq!(
        set.iter().collect::<Vec<_>>(),
        [Scope::ACCOUNT_MASTER, last]
    );
    assert_eq!(set.iter().len(), 2);
    assert_eq!(ScopeSet::ALL.iter().count(), 3_062);
    assert_eq!(ScopeSet::ALL.iter().last(), Some(last));
}

fn any_set() -> impl Strategy<Value = ScopeSet> {
    proptest::collection::vec(0..3_062usize, 0..40)
        .prop_map(|ix| ix.into_iter().filter_map(Scope::from_index).collect())
}

proptest! {
    #[test]
    fn algebra_laws(a in any_set(), b in any_set(), c in any_set()) {
        prop_assert_eq!(a | b, b | a);
        prop_assert_eq!(a & b, b & a);
        prop_assert_eq!((a | b) | c, a | (b | c));
        prop_assert_eq!(a & (b | c), (a & b) | (a & c));
        prop_assert_eq!(a - b, a & (ScopeSet::ALL - b));
        prop_assert!((a - b).is_subset(&a));
        prop_assert!((a & b).is_subset(&a) && (a | b).is_superset(&a));
        prop_assert_eq!((a | b).len() + (a & b).len(), a.len() + b.len());
        prop_assert_eq!(a.intersects(&b), !(a & b).is_empty());
        for s in a.iter() {
            prop_assert!(a.contains(s));
        }
    }

    #[test]
    fn text_and_serde_round_trip(a in any_set()) {
        prop_assert_eq!(a.to_string().parse::<ScopeSet>(), Ok(a));
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(serde_json::from_str::<ScopeSet>(&json).unwrap(), a);
    }

    #[test]
    fn coverage_is_monotone(a in any_set(), b in any_set(), op in 0..1_846usize) {
        let op = &Operation::all()[op];
        if a.covers(op) {
            prop_assert!((a | b).covers(op));
        }
        prop_assert_eq!(a.covers(op), op.granted_by().iter().any(|s| a.contains(s)));
    }

    #[test]
    fn parsing_never_panics(text in "\\PC*") {
        let _ = text.parse::<ScopeSet>();
        let _ = text.parse::<Scope>();
    }
}

#[test]
fn operations_are_identified_by_their_entry() {
    let a = operation!("List meetings", api = "Meeting");
    let b = operation!("List meetings", api = "Dashboard");
    assert_ne!(a, b);
    assert_eq!(a, &Operation::all()[a.index()]);
    assert_eq!(Operation::find("List meetings", "meeting"), Some(a));
    assert_eq!(Operation::titled("List meetings").count(), 2);
    assert_eq!(a.to_string(), "\"List meetings\" (Meeting API)");
    let json = serde_json::to_value(a).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "title": "List meetings",
            "api": "Meeting",
            "scopes": ["meeting:read", "meeting:read:admin", "meeting:master"],
            "granular": [
                "meeting:read:list_meetings",
                "meeting:read:list_meetings:admin",
                "meeting:read:list_meetings:master"
            ]
        })
    );
}
