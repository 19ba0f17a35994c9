//! `explain`, `scope`, `search` and `minimal`, run as a user runs them, in every format.

mod support;

use support::{run, snapshot};

#[test]
fn explain_text_markdown_json() {
    let text = run(&["explain", "Create a meeting"]);
    snapshot("explain.txt", &text.exits(0).stdout);
    let md = run(&["explain", "Create a meeting", "--format", "markdown"]);
    snapshot("explain.md", &md.exits(0).stdout);
    let json = run(&["explain", "Create a meeting", "--format", "json"]).json();
    assert_eq!(json["title"], "Create a meeting");
    assert_eq!(json["api"], "Meeting");
    assert_eq!(
        json["scopes"],
        serde_json::json!(["meeting:write", "meeting:write:admin", "meeting:master"])
    );
    assert_eq!(json["scope_details"][1]["level"], "admin");
    assert_eq!(json["master_only"], false);
    assert_eq!(
        json["granular"],
        serde_json::json!([
            "meeting:write:meeting",
            "meeting:write:meeting:admin",
            "meeting:write:meeting:master"
        ])
    );
    assert_eq!(json["granular_details"][2]["level"], "master");
    // The public contract's fields, exactly; the regular endpoint first.
    assert_eq!(
        json["endpoints"],
        serde_json::json!([
            {"method": "POST", "path": "/users/{userId}/meetings", "master_account": false},
            {
                "method": "POST",
                "path": "/accounts/{accountId}/users/{userId}/meetings",
                "master_account": true
            }
        ])
    );
    assert_eq!(json["endpoint_details"][0]["rate_limit"], "LIGHT");
    assert_eq!(json["endpoint_details"][0]["operation_id"], "meetingCreate");
    assert_eq!(json["oauth"], true);
    assert_eq!(json["annotation"], "#[requires_api(\"Create a meeting\")]");
}

#[test]
fn explain_says_when_no_oauth_scope_or_no_scope_of_a_model_grants_it() {
    let sdk = run(&["explain", "Create a session", "--api", "Video SDK"]);
    snapshot("explain_no_oauth.txt", &sdk.exits(0).stdout);
    let json = run(&[
        "explain",
        "Create a session",
        "--api",
        "Video SDK",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(json["oauth"], false);
    assert_eq!(json["scopes"], serde_json::json!([]));
    assert_eq!(json["granular"], serde_json::json!([]));
    assert_eq!(json["annotation"], serde_json::Value::Null);
    assert_eq!(json["master_only"], false);
    assert_eq!(json["endpoints"].as_array().unwrap().len(), 2);
    let md = run(&[
        "explain",
        "Create a session",
        "--api",
        "Video SDK",
        "--format",
        "markdown",
    ]);
    assert!(
        md.exits(0)
            .stdout
            .contains("> Note: no OAuth scope of either model grants it")
    );
    // The title alone names Zoom Events' operation, which OAuth scopes grant.
    let events = run(&["explain", "Create a session", "--format", "json"]).json();
    assert_eq!(events["api"], "Zoom Events");
    // A title of the API reference only: granular scopes, no classic one.
    let new = run(&["explain", "List subaccounts"]);
    let out = &new.exits(0).stdout;
    assert!(
        out.contains("classic scopes: none (the classic-scope page does not list it"),
        "{out}"
    );
    assert!(
        out.contains("account:read:list_sub_accounts:master"),
        "{out}"
    );
}

#[test]
fn explain_notes_master_only_and_deprecated() {
    let master = run(&["explain", "Get a meeting or webinar summary"]);
    snapshot("explain_master_only.txt", &master.exits(0).stdout);
    let json = run(&[
        "explain",
        "Get a meeting or webinar summary",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(
        json["master_only"], true,
        "classic: meeting_summary:master only"
    );
    assert_eq!(json["granular_master_only"], false);
    assert_eq!(json["granular"][0], "meeting:read:summary");
    let deprecated = run(&["explain", "Get indicators settings [Deprecated]"]);
    assert!(
        deprecated
            .exits(0)
            .stdout
            .contains("deprecated; use \"Get indicators settings\" instead")
    );
}

#[test]
fn explain_ambiguous_lists_the_groups_and_exits_1() {
    let text = run(&["explain", "List meetings"]);
    snapshot("explain_ambiguous.txt", &text.exits(1).stdout);
    let json = run(&["explain", "List meetings", "--format", "json"]);
    let json = json.exits(1).json();
    assert_eq!(json["ambiguous"], true);
    assert_eq!(json["choices"][1]["api"], "Meeting");
    let md = run(&["explain", "List meetings", "--format", "markdown"]);
    assert!(md.exits(1).stdout.contains("| Meeting | `meeting:read`"));
    let chosen = run(&["explain", "List meetings", "--api", "contact center"]);
    assert_eq!(
        chosen.exits(2).stderr,
        "error: \"List meetings\" is not documented in the \"contact center\" API group\n\
         help: it is documented in \"Dashboard\" or \"Meeting\"\n"
    );
    let chosen = run(&[
        "explain",
        "List meetings",
        "--api",
        "meeting",
        "--format",
        "json",
    ]);
    assert_eq!(chosen.exits(0).json()["scopes"][0], "meeting:read");
}

#[test]
fn explain_unknown_suggests_and_exits_2() {
    let unknown = run(&["explain", "Crate a meeting"]);
    unknown.exits(2);
    assert!(unknown.stdout.is_empty());
    assert!(
        unknown.stderr.starts_with(
            "error: no Zoom API operation is titled \"Crate a meeting\"\nhelp: did you mean \"Create a meeting\""
        ),
        "{}",
        unknown.stderr
    );
    let case = run(&["explain", "create a meeting"]);
    assert!(
        case.exits(2)
            .stderr
            .contains("the documented title is \"Create a meeting\"")
    );
    assert!(
        unknown
            .stderr
            .ends_with("\nhelp: `cargo zoom-scopes search WORDS` finds operations by the words of their titles\n"),
        "{}",
        unknown.stderr
    );
    let api = run(&["explain", "Create a meeting", "--api", "Meetings"]);
    assert_eq!(
        api.exits(2).stderr,
        "error: no Zoom API group is named \"Meetings\"\nhelp: did you mean \"Meeting\" or \"Zoom Meeting\"?\n\
         help: it is documented in --api \"Meeting\"\n"
    );
    let empty = run(&["explain", "Create a meeting", "--api", " "]);
    assert_eq!(
        empty.exits(2).stderr,
        "error: the API group is empty\nhelp: name the group as Zoom documents it, e.g. --api \"Meeting\"\n"
    );
}

#[test]
fn scope_text_markdown_json() {
    snapshot(
        "scope.txt",
        &run(&["scope", "meeting:read:admin"]).exits(0).stdout,
    );
    let md = run(&["scope", "meeting:read:admin", "--format", "markdown"]);
    snapshot("scope.md", &md.exits(0).stdout);
    let json = run(&["scope", "meeting:read:admin", "--format", "json"]).json();
    assert_eq!(json["name"], "meeting:read:admin");
    assert_eq!(json["level"], "admin");
    assert_eq!(json["access"], "read");
    assert_eq!(json["api"], "Meeting");
    let ops = json["operations"].as_array().unwrap();
    assert!(ops.iter().any(|o| o["title"] == "Get a meeting"));
    assert!(!ops.iter().any(|o| o["title"] == "Create a meeting"));
}

#[test]
fn scope_knows_granular_names_and_shows_the_model() {
    let text = run(&["scope", "meeting:write:meeting:admin"]);
    snapshot("scope_granular.txt", &text.exits(0).stdout);
    let json = run(&["scope", "meeting:write:meeting:admin", "--format", "json"]).json();
    assert_eq!(json["model"], "granular");
    assert_eq!(json["models"], serde_json::json!(["granular"]));
    assert_eq!(json["level"], "admin");
    assert_eq!(json["access"], "write");
    assert_eq!(json["description"], serde_json::Value::Null);
    assert_eq!(
        json["operations"],
        serde_json::json!([{"title": "Create a meeting", "api": "Meeting"}])
    );
    let classic = run(&["scope", "meeting:read:admin", "--format", "json"]).json();
    assert_eq!(classic["model"], "classic");
    // A name of both models lists what it grants in the one asked for.
    let both = run(&["scope", "meeting:write:sip_dialing", "--format", "json"]).json();
    assert_eq!(both["model"], "classic");
    assert_eq!(both["models"], serde_json::json!(["classic", "granular"]));
    assert_eq!(both["operations"], serde_json::json!([]));
    let granular = run(&[
        "scope",
        "meeting:write:sip_dialing",
        "--model",
        "granular",
        "--format",
        "json",
    ]);
    let granular = granular.exits(0).json();
    assert_eq!(granular["model"], "granular");
    assert_eq!(granular["operations"].as_array().unwrap().len(), 1);
    let md = run(&["scope", "meeting:write:meeting", "--format", "markdown"]);
    assert!(md.exits(0).stdout.contains("model: granular"));
    // A name outside the model asked for is an input error, with the way on.
    let wrong = run(&["scope", "meeting:write", "--model", "granular"]);
    let err = &wrong.exits(2).stderr;
    assert!(
        err.starts_with("error: meeting:write is a classic scope, not a granular one\nhelp: "),
        "{err}"
    );
    assert!(
        err.contains("meeting:delete:meeting, and ") && err.contains("migrate"),
        "{err}"
    );
    let wrong = run(&["scope", "meeting:write:meeting", "--model", "classic"]);
    assert!(
        wrong
            .exits(2)
            .stderr
            .starts_with("error: meeting:write:meeting is a granular scope, not a classic one")
    );
}

#[test]
fn scope_listing_nothing_says_how_to_add_grants() {
    let empty = run(&["scope", "meeting_summary:read"]);
    assert!(
        empty
            .exits(0)
            .stdout
            .contains("[package.metadata.zoom.grants]")
    );
    let json = run(&["scope", "pac:master", "--format", "json"]).json();
    assert_eq!(json["description"], serde_json::Value::Null);
}

#[test]
fn scope_unknown_exits_2_with_the_documented_spelling() {
    let unknown = run(&["scope", "division:write:admin"]);
    assert!(
        unknown
            .exits(2)
            .stderr
            .contains("did you mean \"division:wirte:admin\""),
        "{}",
        unknown.stderr
    );
}

#[test]
fn search_text_markdown_json() {
    let text = run(&["search", "list", "meetings", "--limit", "5"]);
    snapshot("search.txt", &text.exits(0).stdout);
    let md = run(&[
        "search", "meeting", "create", "--limit", "3", "--format", "markdown",
    ]);
    snapshot("search.md", &md.exits(0).stdout);
    let json = run(&["search", "list meetings", "--format", "json"]).json();
    assert_eq!(json["query"], "list meetings");
    let first = &json["results"][0];
    assert_eq!(first["title"], "List meetings");
    assert_eq!(first["needs_api"], true);
    assert!(first["annotation"].as_str().unwrap().contains(", api = \""));
    assert_eq!(
        json["results"].as_array().unwrap().len(),
        10,
        "default limit"
    );
}

#[test]
fn search_without_results_exits_1() {
    let none = run(&["search", "zzzz", "qqqq"]);
    assert!(none.exits(1).stdout.contains("no operation matches"));
    let json = run(&["search", "zzzz", "--format", "json"]);
    assert_eq!(json.exits(1).json()["results"], serde_json::json!([]));
}

#[test]
fn minimal_text_markdown_json() {
    let args = [
        "minimal",
        "Create a meeting",
        "Get a meeting",
        "List meetings @ Meeting",
        "Get a user @ User",
    ];
    snapshot("minimal.txt", &run(&args).exits(0).stdout);
    let md = run(&[&args[..], &["--format", "markdown"]].concat());
    snapshot("minimal.md", &md.exits(0).stdout);
    let json = run(&[&args[..], &["--format", "json"]].concat()).json();
    assert_eq!(
        json["scopes"],
        serde_json::json!(["meeting:read", "user:read", "meeting:write"])
    );
    assert_eq!(
        json["cost"],
        serde_json::json!({"master": 0, "admin": 0, "write": 1, "scopes": 3})
    );
    assert_eq!(json["operations"].as_array().unwrap().len(), 4);
    assert_eq!(json["covers"][0]["name"], "meeting:read");
    assert_eq!(json["covers"][0]["operations"][1]["title"], "List meetings");
    assert_eq!(json["level"], serde_json::Value::Null);
}

#[test]
fn minimal_reads_a_file_with_comments() {
    let dir = std::env::temp_dir().join(format!("zoom-scopes-minimal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("ops.txt");
    std::fs::write(
        &list,
        "# what the bot does\nCreate a meeting\n\n  List meetings @ Meeting\n",
    )
    .unwrap();
    let json = run(&[
        "minimal",
        "--from",
        list.to_str().unwrap(),
        "--format",
        "json",
    ])
    .json();
    assert_eq!(
        json["scopes"],
        serde_json::json!(["meeting:read", "meeting:write"])
    );
    std::fs::write(&list, "Create a meeting\nList meetings\nCrate a meeting\n").unwrap();
    let bad = run(&["minimal", "--from", list.to_str().unwrap()]);
    bad.exits(2);
    let errors: Vec<&str> = bad
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 2, "{}", bad.stderr);
    assert!(errors[0].ends_with("ops.txt:2: \"List meetings\" is documented in 2 API groups with different scopes; choose one with \"TITLE @ GROUP\":"), "{}", errors[0]);
    assert!(bad.stderr.contains("\"List meetings @ Meeting\""));
    assert!(errors[1].ends_with("ops.txt:3: no Zoom API operation is titled \"Crate a meeting\""));
    std::fs::write(&list, "Create a meeting @ Meetings\n").unwrap();
    let bad = run(&["minimal", "--from", list.to_str().unwrap()]);
    assert!(
        bad.exits(2).stderr.ends_with(
            "ops.txt:1: no Zoom API group is named \"Meetings\"\nhelp: did you mean \"Meeting\" or \"Zoom Meeting\"?\n\
             help: it is documented in \"Meeting\"\n"
        ),
        "{}",
        bad.stderr
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let missing = run(&["minimal", "--from", "no/such/list.txt"]);
    assert!(
        missing
            .exits(2)
            .stderr
            .starts_with("error: cannot read no/such/list.txt: ")
    );
}

#[test]
fn minimal_by_level_reports_what_the_level_cannot_grant() {
    let admin = run(&[
        "minimal",
        "Create a meeting",
        "Create a user",
        "--level",
        "admin",
    ]);
    snapshot("minimal_admin.txt", &admin.exits(1).stdout);
    let json = run(&[
        "minimal",
        "Create a user",
        "--level",
        "admin",
        "--format",
        "json",
    ]);
    let json = json.exits(1).json();
    assert_eq!(json["level"], "admin");
    assert_eq!(json["scopes"], serde_json::json!([]));
    assert_eq!(json["no_scope_at_level"][0]["title"], "Create a user");
    assert_eq!(
        json["no_scope_at_level"][0]["scopes"],
        serde_json::json!(["scim2"])
    );
}

#[test]
fn minimal_with_granular_scopes() {
    let args = [
        "minimal",
        "--model",
        "granular",
        "Create a meeting",
        "Get a meeting",
        "List meetings @ Meeting",
        "Get a user @ User",
    ];
    snapshot("minimal_granular.txt", &run(&args).exits(0).stdout);
    let json = run(&[&args[..], &["--format", "json"]].concat()).json();
    assert_eq!(json["model"], "granular");
    assert_eq!(
        json["scopes"],
        serde_json::json!([
            "meeting:read:meeting",
            "meeting:read:list_meetings",
            "user:read:user",
            "meeting:write:meeting"
        ])
    );
    assert_eq!(json["no_scope_in_model"], serde_json::json!([]));
    // An operation no scope of the model grants is listed with the other model's (exit 1).
    let classic = run(&["minimal", "Create a meeting", "List subaccounts"]);
    assert!(
        classic
            .exits(1)
            .stdout
            .contains("no classic scope grants 1 operation (left out of the plan):"),
        "{}",
        classic.stdout
    );
    let json = run(&[
        "minimal",
        "List subaccounts",
        "Create a session @ Video SDK",
        "--model",
        "granular",
        "--level",
        "admin",
        "--format",
        "json",
    ]);
    let json = json.exits(1).json();
    assert_eq!(
        json["no_scope_in_model"],
        serde_json::json!([{"title": "Create a session", "api": "Video SDK", "scopes": []}])
    );
    assert_eq!(
        json["no_scope_at_level"],
        serde_json::json!([{
            "title": "List subaccounts",
            "api": "Account",
            "scopes": ["account:read:list_sub_accounts:master"]
        }])
    );
}

#[test]
fn minimal_of_the_whole_catalogue() {
    let json = run(&["minimal", "--all", "--format", "json"])
        .exits(0)
        .json();
    // Every operation a classic scope grants: the classic page's.
    assert_eq!(json["operations"].as_array().unwrap().len(), 1490);
    assert_eq!(json["model"], "classic");
    assert_eq!(
        json["cost"],
        serde_json::json!({"master": 13, "admin": 69, "write": 73, "scopes": 119})
    );
    let text = run(&["minimal", "--all"]);
    assert!(text.exits(0).stdout.starts_with(
        "1490 operations: least privilege is 119 scopes: 13 master, 69 admin, 73 write\n"
    ));
    // Every operation a granular scope grants, covered exactly.
    let json = run(&[
        "minimal", "--all", "--model", "granular", "--format", "json",
    ]);
    let json = json.exits(0).json();
    assert_eq!(json["operations"].as_array().unwrap().len(), 1695);
    assert_eq!(
        json["cost"],
        serde_json::json!({"master": 29, "admin": 842, "write": 786, "scopes": 1420})
    );
    let text = run(&["minimal", "--all", "--model", "granular"]);
    assert!(text.exits(0).stdout.starts_with(
        "1695 operations, granular scopes: least privilege is 1420 scopes: 29 master, 842 admin, \
         786 write\n"
    ));
}

#[test]
fn cargo_subcommand_and_direct_invocation_agree() {
    let direct = run(&["explain", "Create a meeting", "--format", "json"]);
    let via_cargo = run(&[
        "zoom-scopes",
        "explain",
        "Create a meeting",
        "--format",
        "json",
    ]);
    assert_eq!(direct.exits(0).stdout, via_cargo.exits(0).stdout);
}

#[test]
fn help_documents_exit_codes_and_usage_errors_exit_2() {
    let help = run(&["--help"]);
    for line in [
        "Exit status:",
        "0  done",
        "1  findings",
        "2  usage or input errors",
    ] {
        assert!(
            help.exits(0).stdout.contains(line),
            "{line}: {}",
            help.stdout
        );
    }
    assert!(help.stdout.contains("Usage: cargo zoom-scopes"));
    let audit_help = run(&["audit", "--help"]);
    assert!(audit_help.exits(0).stdout.contains("--deny <FINDING>"));
    assert!(
        run(&["--version"])
            .exits(0)
            .stdout
            .starts_with("cargo-zoom-scopes ")
    );
    assert!(
        run(&["frobnicate"])
            .exits(2)
            .stderr
            .contains("unrecognized subcommand")
    );
    assert!(run(&["minimal"]).exits(2).stderr.contains("required"));
    assert!(
        run(&["audit", "--level", "root"])
            .exits(2)
            .stderr
            .contains("invalid value")
    );
    assert!(run(&[]).exits(2).stderr.contains("Usage"));
}
