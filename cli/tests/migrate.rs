//! `migrate` on fixture crates: a classic user-level app, a classic admin-level app, a
//! granular app and a granular app of mixed levels; the repository's examples, before and after
//! their move to granular scopes; bad input.

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

/// The classic scopes the examples declared before they moved to granular ones.
const EXAMPLES_CLASSIC: &str = r#"scopes = ["user:read", "meeting:write", "meeting:read"]"#;

/// The examples declare what `migrate` gives for their former classic declaration: the
/// granular scopes of the operations their functions perform, and the one typed-mode operation
/// the app taking the crate's scopes (`Scheduler`, `#[app(manifest)]`) calls.
#[test]
fn the_examples_declare_what_migrate_gives_for_their_classic_scopes() {
    let now = run(&["migrate", "../examples", "--format", "json"])
        .exits(0)
        .json();
    assert_eq!(now["model"], "granular");
    let declared = now["from"].as_array().unwrap();

    let classic = copy_examples_with(EXAMPLES_CLASSIC);
    let json = run(&["migrate", &classic, "--format", "json"])
        .exits(0)
        .json();
    assert_eq!(
        json["from"],
        json!(["user:read", "meeting:write", "meeting:read"])
    );
    assert_eq!(json["level"], "user");
    let to = json["to"].as_array().unwrap();
    assert_eq!(
        to,
        &[
            json!("meeting:read:list_meetings"),
            json!("user:read:user"),
            json!("meeting:write:meeting")
        ]
    );
    let typed = json["typed"].as_array().unwrap();
    let delete = typed
        .iter()
        .find(|op| op["title"] == "Delete a meeting")
        .expect("Scheduler calls delete_meeting");
    let mut expected: Vec<&serde_json::Value> = to.iter().collect();
    expected.push(&delete["granular"][0]);
    let mut declared: Vec<&serde_json::Value> = declared.iter().collect();
    expected.sort_by_key(|v| v.as_str());
    declared.sort_by_key(|v| v.as_str());
    assert_eq!(declared, expected);
    let zoom = json["counts"]["zoom_migration"].as_u64().unwrap();
    assert!(zoom > 100, "Zoom's set holds every level: {zoom}");
}

/// A copy of `examples/` in the test's temporary directory whose Cargo.toml declares `scopes`
/// (a whole `scopes = [...]` line) instead; its path.
fn copy_examples_with(scopes: &str) -> String {
    let to = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("examples-classic");
    let _ = std::fs::remove_dir_all(&to);
    copy_dir(std::path::Path::new("../examples"), &to);
    let manifest = to.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("scopes = ["))
        .expect("the examples declare scopes on one line");
    std::fs::write(&manifest, text.replacen(line, scopes, 1)).unwrap();
    to.to_str().unwrap().to_owned()
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
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
