//! `audit --format sarif` and `--format github`: the findings placed on their lines for CI.
//! The SARIF log is checked against the SARIF 2.1.0 schema in `tests/schemas/`, and both
//! formats exit as the others do.

mod support;

use serde_json::{Value, json};
use support::{run, run_in, snapshot};

const APP: &str = "tests/fixtures/app";
const CLEAN: &str = "tests/fixtures/clean";

/// The SARIF 2.1.0 schema, as checked in.
fn schema() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/schemas/sarif-2.1.0.json"
    );
    let text = std::fs::read_to_string(path).expect("the schema is checked in");
    // The schema's `language` pattern has a stray `]`, which ECMAScript reads as a literal
    // outside Unicode mode and jsonschema refuses; escaping it changes no other pattern.
    const STRAY: &str = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert_eq!(
        text.matches(STRAY).count(),
        2,
        "the schema changed: revisit"
    );
    let text = text.replace(STRAY, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// Every way `log` breaks the schema.
fn schema_errors(log: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&schema()).expect("the schema compiles");
    validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

fn assert_valid(log: &Value) {
    let errors = schema_errors(log);
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{errors:#?}\n{log:#}"
    );
}

#[test]
fn sarif_of_the_app_fixture() {
    let sarif = run(&["audit", APP, "--format", "sarif"]);
    snapshot("audit.sarif", &sarif.exits(1).stdout);
    let log = sarif.json();
    assert_valid(&log);
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "cargo-zoom-scopes");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["informationUri"], env!("CARGO_PKG_REPOSITORY"));
    let ids: Vec<&str> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "missing-scope",
            "no-scope-at-level",
            "unused-scope",
            "broader-scope",
            "mixed-levels"
        ]
    );
    for rule in driver["rules"].as_array().unwrap() {
        for field in [
            "/name",
            "/shortDescription/text",
            "/fullDescription/text",
            "/help/text",
            "/help/markdown",
            "/defaultConfiguration/level",
        ] {
            assert!(
                rule.pointer(field).is_some_and(Value::is_string),
                "{field} of {rule:#}"
            );
        }
    }
    assert!(run["originalUriBaseIds"]["%SRCROOT%"].is_object());
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 4, "{results:#?}");
    let missing = &results[0];
    assert_eq!(missing["ruleId"], "missing-scope");
    assert_eq!(missing["level"], "error");
    let text = missing["message"]["text"].as_str().unwrap();
    assert!(
        text.contains("Get a user (User)") && text.contains("\"user:read\""),
        "{text}"
    );
    // `    #[requires_api("Get a user", api = "User")]`: the title literal.
    assert_eq!(
        missing["locations"][0]["physicalLocation"],
        json!({
            "artifactLocation": {"uri": "src/client/users.rs", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 4, "startColumn": 20}
        })
    );
    // `scopes = ["meeting:write:admin", "meeting:read", "webinar:read"]`, line 8: the mix of
    // levels is at meeting:read, the first scope of another level than the first one.
    for (result, rule, column) in [
        (&results[1], "unused-scope", 50),
        (&results[2], "broader-scope", 11),
        (&results[3], "mixed-levels", 34),
    ] {
        assert_eq!(result["ruleId"], rule);
        assert_eq!(result["level"], "warning");
        assert_eq!(
            result["locations"][0]["physicalLocation"],
            json!({
                "artifactLocation": {"uri": "Cargo.toml", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 8, "startColumn": column}
            })
        );
    }
}

#[test]
fn sarif_is_the_same_from_anywhere() {
    let here = run(&["audit", APP, "--format", "sarif"]).stdout.clone();
    let inside = run_in(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/app"),
        &["audit", "--format", "sarif"],
    );
    assert_eq!(inside.exits(1).stdout, here);
    let absolute = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/app/Cargo.toml");
    let from_root = run_in("/", &["audit", absolute, "--format", "sarif"]);
    assert_eq!(from_root.exits(1).stdout, here);
    assert!(!here.contains(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn sarif_without_findings_is_valid_too() {
    for dir in [CLEAN, "tests/fixtures/typed_sdk"] {
        let sarif = run(&["audit", dir, "--format", "sarif"]);
        let log = sarif.exits(0).json();
        assert_valid(&log);
        assert_eq!(log["runs"][0]["results"], json!([]), "{dir}");
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"]
                .as_array()
                .unwrap()
                .len(),
            5
        );
    }
}

#[test]
fn the_schema_check_catches_a_broken_log() {
    let mut log = run(&["audit", APP, "--format", "sarif"]).json();
    assert_valid(&log);
    log["runs"][0]["results"][0]["level"] = json!("fatal");
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        json!(0);
    assert_eq!(schema_errors(&log).len(), 2, "{:#?}", schema_errors(&log));
}

#[test]
fn github_commands_of_the_app_fixture() {
    let github = run(&["audit", APP, "--format", "github"]);
    snapshot("audit.github", &github.exits(1).stdout);
    let clean = run(&["audit", CLEAN, "--format", "github"]);
    assert_eq!(
        clean.exits(0).stdout,
        "audit of summaries: 0 missing, 0 unused, 0 broader\n"
    );
}

/// A crate in a fresh temporary directory, with `scopes` declared and `lib` as src/lib.rs.
fn temp_crate(name: &str, scopes: &str, lib: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "zoom-scopes-annotations-{name}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[package.metadata.zoom]\nscopes = {scopes}\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::write(dir.join("src/lib.rs"), lib).unwrap();
    dir
}

/// The exit code of every format for `args`, which must agree.
fn code(args: &[&str]) -> i32 {
    let codes: Vec<i32> = ["text", "json", "markdown", "sarif", "github"]
        .iter()
        .map(|format| run(&[args, &["--format", format]].concat()).code)
        .collect();
    assert!(codes.iter().all(|&c| c == codes[0]), "{args:?}: {codes:?}");
    codes[0]
}

#[test]
fn exit_status_is_that_of_the_other_formats() {
    assert_eq!(code(&["audit", APP]), 1);
    assert_eq!(code(&["audit", CLEAN]), 0);
    assert_eq!(code(&["audit", "tests/fixtures/undeclared"]), 1);
    assert_eq!(code(&["audit", "tests/fixtures/unknown_title"]), 2);
    // Unused and broader scopes only: warnings, unless --deny makes them failures (errors).
    let dir = temp_crate(
        "deny",
        r#"["meeting:write:admin", "webinar:read"]"#,
        "#[zoom_scopes::requires_api(\"Create a meeting\")]\nfn f() {}\n",
    );
    let dir = dir.to_str().unwrap();
    assert_eq!(code(&["audit", dir]), 0);
    assert_eq!(code(&["audit", dir, "--deny", "unused"]), 1);
    assert_eq!(code(&["audit", dir, "--deny", "broader"]), 1);
    let levels = |deny: &[&str]| -> Vec<(String, String)> {
        let log = run(&[&["audit", dir, "--format", "sarif"], deny].concat()).json();
        assert_valid(&log);
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["ruleId"].as_str().unwrap().into(),
                    r["level"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    let pair = |id: &str, level: &str| (id.to_owned(), level.to_owned());
    assert_eq!(
        levels(&[]),
        [
            pair("unused-scope", "warning"),
            pair("broader-scope", "warning"),
            pair("mixed-levels", "warning")
        ]
    );
    assert_eq!(
        levels(&["--deny", "unused"]),
        [
            pair("unused-scope", "error"),
            pair("broader-scope", "warning"),
            pair("mixed-levels", "warning")
        ]
    );
    assert_eq!(code(&["audit", dir, "--deny", "mixed-levels"]), 1);
    assert_eq!(
        levels(&["--deny", "mixed-levels"])[2],
        pair("mixed-levels", "error")
    );
    let github = run(&["audit", dir, "--format", "github", "--deny", "broader"]);
    let lines: Vec<&str> = github.exits(1).stdout.lines().collect();
    assert!(
        lines[0].starts_with("::warning file=Cargo.toml,line=7,col=34,title=Unused Zoom scope::"),
        "{lines:?}"
    );
    assert!(lines[1].starts_with("::error file=Cargo.toml,line=7,col=11,title=Broader Zoom scope than needed::meeting:write:admin is broader than needed: meeting:write would do"), "{lines:?}");
    assert!(lines[2].starts_with("::warning file=Cargo.toml,line=7,col=34,title=User-level and admin-level Zoom scopes mixed::user-level scopes (webinar:read) declared with admin-level ones (meeting:write:admin): Zoom has no app type that holds both"), "{lines:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn operations_no_scope_of_the_level_grants_are_errors() {
    let dir = temp_crate(
        "level",
        r#"["scim2"]"#,
        "#[zoom_scopes::requires_api(\"Create a user\")]\nfn f() {}\n",
    );
    let dir = dir.to_str().unwrap();
    assert_eq!(code(&["audit", dir, "--level", "admin"]), 1);
    let log = run(&["audit", dir, "--level", "admin", "--format", "sarif"]).json();
    assert_valid(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{results:#?}");
    assert_eq!(results[0]["ruleId"], "no-scope-at-level");
    assert_eq!(results[0]["ruleIndex"], 1);
    assert_eq!(results[0]["level"], "error");
    assert_eq!(
        results[0]["message"]["text"],
        "Create a user: no admin-level scope grants it, so --level admin cannot cover it"
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"],
        json!({"startLine": 1, "startColumn": 29})
    );
    // Missing as well: one finding, whose message says both.
    std::fs::write(
        std::path::Path::new(dir).join("Cargo.toml"),
        "[package]\nname = \"level\"\nversion = \"0.1.0\"\n\n[package.metadata.zoom]\nscopes = []\n",
    )
    .unwrap();
    let github = run(&["audit", dir, "--level", "admin", "--format", "github"]);
    assert_eq!(
        github.exits(1).stdout,
        "::error file=src/lib.rs,line=1,col=29,title=Missing Zoom scope::Create a user: no \
         declared scope grants it, and no admin-level scope grants it\n\
         audit of level: 1 missing, 0 unused, 0 broader, 1 with no admin-level scope\n"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_granular_declaration_mixing_levels_is_a_finding_at_its_scope() {
    let fixture = "tests/fixtures/mixed_levels";
    assert_eq!(code(&["audit", fixture]), 0, "a warning");
    assert_eq!(code(&["audit", fixture, "--deny", "mixed-levels"]), 1);
    let log = run(&["audit", fixture, "--format", "sarif"]).json();
    assert_valid(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let mixed: Vec<&Value> = results
        .iter()
        .filter(|r| r["ruleId"] == "mixed-levels")
        .collect();
    assert_eq!(mixed.len(), 1, "{results:#?}");
    assert_eq!(mixed[0]["ruleIndex"], 4);
    assert_eq!(mixed[0]["level"], "warning");
    // `scopes = ["meeting:write:meeting:admin", "meeting:read:meeting", ...]`, line 9.
    assert_eq!(
        mixed[0]["locations"][0]["physicalLocation"]["region"],
        json!({"startLine": 9, "startColumn": 42})
    );
    let text = mixed[0]["message"]["text"].as_str().unwrap();
    assert!(
        text.starts_with(
            "user-level scopes (meeting:read:meeting) declared with admin-level ones \
             (meeting:write:meeting:admin, user:read:user:admin): Zoom has no app type that \
             holds both"
        ),
        "{text}"
    );
    let github = run(&["audit", fixture, "--format", "github"]);
    assert!(github.exits(0).stdout.ends_with(
        "audit of mixed-level-app: 0 missing, 0 unused, 2 broader, user-level and admin-level \
         scopes mixed\n"
    ));
}

#[test]
fn only_audit_speaks_sarif_and_github() {
    for format in ["sarif", "github"] {
        let migrate = run(&["migrate", "tests/fixtures/classic_user", "--format", format]);
        assert!(migrate.exits(2).stderr.contains("is for `audit` only"));
        let r = run(&["explain", "Create a meeting", "--format", format]);
        assert_eq!(
            r.exits(2).stderr,
            format!(
                "error: --format {format} is for `audit` only: it places findings on the lines \
                 of a crate's files; use text, json or markdown here\n"
            )
        );
        assert!(r.stdout.is_empty());
    }
}
