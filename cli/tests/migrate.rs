//! `migrate` on fixture crates: a classic user-level app, a classic admin-level app, a
//! granular app and a granular app of mixed levels; the repository's examples; bad input.

mod support;

use serde_json::json;
use support::{run, snapshot};

const USER: &str = "tests/fixtures/classic_user";
const ADMIN: &str = "tests/fixtures/classic_admin";

#[test]
fn a_user_level_classic_app_gets_user_level_granular_scopes() {
    snapshot("migrate.txt", &run(&["migrate", USER]).exits(0).stdout);
    let json = run(&["migrate", USER, "--format", "json"]);
    snapshot("migrate.json", &json.exits(0).stdout);
    let json = json.json();
    assert_eq!(
        json["from"],
        json!(["meeting:write", "meeting:read", "user:read"])
    );
    assert_eq!(
        json["to"],
        json!([
            "meeting:read:meeting",
            "meeting:read:list_meetings",
            "meeting:write:meeting",
            "dashboard:read:list_meetings:admin"
        ])
    );
    assert_eq!(json["level"], "user");
    let ops = json["operations"].as_array().unwrap();
    assert_eq!(ops.len(), 5);
    assert_eq!(
        ops[0],
        json!({
            "title": "Create a meeting",
            "api": "Meeting",
            "granular": ["meeting:write:meeting"],
            "placement": "at_level",
            "declared": true
        })
    );
    // Classic scopes only grant it.
    assert_eq!(ops[3]["title"], "Get Meeting Template detail");
    assert_eq!(
        (&ops[3]["granular"], &ops[3]["placement"]),
        (&json!([]), &json!("no_granular"))
    );
    // Only an :admin granular scope grants it, and no declared classic scope did.
    assert_eq!(ops[4]["placement"], "other_level");
    assert_eq!(ops[4]["declared"], false);
    let zoom = json["zoom_migration"].as_array().unwrap();
    assert_eq!(json["counts"]["zoom_migration"], zoom.len());
    assert_eq!(json["counts"]["to"], 4);
    assert!(zoom.len() > 100, "every level of every operation granted");
    assert!(zoom.contains(&json!("meeting:write:meeting:master")));
    let md = run(&["migrate", USER, "--format", "markdown"]);
    let md = &md.exits(0).stdout;
    assert!(
        md.contains("| Create a meeting | `meeting:write:meeting` |"),
        "{md}"
    );
    assert!(md.contains("```toml\n[package.metadata.zoom]\nscopes = [\"meeting:read:meeting\""));
}

#[test]
fn an_admin_level_classic_app_gets_admin_scopes() {
    let text = run(&["migrate", ADMIN]);
    snapshot("migrate_admin.txt", &text.exits(0).stdout);
    let json = run(&["migrate", ADMIN, "--format", "json"]).exits(0).json();
    assert_eq!(json["level"], "admin");
    assert_eq!(
        json["to"],
        json!([
            "calendar:read:setting",
            "meeting:read:meeting:admin",
            "meeting:write:meeting:admin"
        ])
    );
    let calendar = &json["operations"][2];
    assert_eq!(
        calendar["placement"], "other_level",
        "only a user-level scope grants it"
    );
    // The typed-mode operation is listed apart, not declared.
    assert_eq!(
        json["typed"],
        json!([{
            "title": "Delete a meeting",
            "api": "Meeting",
            "granular": ["meeting:delete:meeting:admin"],
            "placement": "at_level",
            "declared": true
        }])
    );
    assert!(
        !json["to"]
            .as_array()
            .unwrap()
            .contains(&json!("meeting:delete:meeting:admin"))
    );
}

#[test]
fn a_granular_app_has_nothing_to_migrate() {
    for (dir, name) in [
        ("tests/fixtures/granular", "granular-app"),
        ("tests/fixtures/mixed_levels", "mixed-level-app"),
    ] {
        let text = run(&["migrate", dir]);
        assert!(
            text.exits(0)
                .stdout
                .starts_with(&format!("{name} already declares granular scopes (")),
            "{}",
            text.stdout
        );
        assert!(text.stdout.contains("): nothing to migrate\n"));
        let json = run(&["migrate", dir, "--format", "json"]).exits(0).json();
        assert_eq!(json["model"], "granular");
        assert_eq!(json["from"], json["to"]);
        assert_eq!(json["operations"], json!([]));
        assert!(
            json["nothing_to_migrate"]
                .as_str()
                .unwrap()
                .contains("nothing to migrate")
        );
    }
    let undeclared = run(&["migrate", "tests/fixtures/undeclared"]);
    assert!(
        undeclared
            .exits(0)
            .stdout
            .contains("declares no scopes in [package.metadata.zoom]")
    );
}

#[test]
fn the_examples_migrate_to_three_user_level_scopes() {
    let json = run(&["migrate", "../examples", "--format", "json"])
        .exits(0)
        .json();
    assert_eq!(
        json["from"],
        json!(["user:read", "meeting:write", "meeting:read"])
    );
    assert_eq!(
        json["to"],
        json!([
            "meeting:read:list_meetings",
            "user:read:user",
            "meeting:write:meeting"
        ])
    );
    let zoom = json["counts"]["zoom_migration"].as_u64().unwrap();
    assert!(zoom > 3, "{zoom}");
}

#[test]
fn bad_input_exits_2() {
    let missing = run(&["migrate", "tests/fixtures/nowhere"]);
    assert_eq!(
        missing.exits(2).stderr,
        "error: no such directory: tests/fixtures/nowhere\n"
    );
    let no_manifest = run(&["migrate", "tests/fixtures/no_manifest"]);
    assert!(
        no_manifest
            .exits(2)
            .stderr
            .ends_with("has no Cargo.toml; migrate takes the directory of a crate\n")
    );
    run(&["migrate", "tests/fixtures/unknown_title"]).exits(2);
    run(&["migrate", "tests/fixtures/bad_manifest"]).exits(2);
    run(&["migrate", "tests/fixtures/broken"]).exits(2);
}
