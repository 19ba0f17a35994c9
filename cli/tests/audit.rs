//! `audit` on fixture crates under `tests/fixtures/`: findings in every format, exit codes,
//! `--deny`, `--level`, and every kind of bad input.

mod support;

use serde_json::json;
use support::{run, run_in, snapshot};
use zoom_scopes_macros_core::args::{self, Accepts};

const APP: &str = "tests/fixtures/app";

#[test]
fn findings_in_text_and_markdown() {
    snapshot("audit.txt", &run(&["audit", APP]).exits(1).stdout);
    let md = run(&["audit", APP, "--format", "markdown"]);
    snapshot("audit.md", &md.exits(1).stdout);
}

#[test]
fn json_follows_the_public_contract() {
    let json = run(&["audit", APP, "--format", "json"]).exits(1).json();
    assert_eq!(json["crate"], "meeting-bot");
    let ops = json["operations"].as_array().unwrap();
    assert_eq!(ops.len(), 9, "{ops:#?}");
    assert!(ops.contains(&json!({
        "title": "Get a user",
        "api": "User",
        "function": "client::users::Users::me",
        "file": "src/client/users.rs",
        "line": 4,
        "typed": false
    })));
    assert!(ops.contains(&json!({
        "title": "List meetings",
        "api": "Meeting",
        "function": "client::Zoom::list_meetings",
        "file": "src/client/mod.rs",
        "line": 10,
        "typed": true
    })));
    assert_eq!(
        json["declared"],
        json!(["meeting:write:admin", "meeting:read", "webinar:read"])
    );
    assert_eq!(json["missing"], json!(["Get a user"]));
    assert_eq!(
        json["minimal"],
        json!(["meeting:read", "user:read", "meeting:write"])
    );
    assert_eq!(json["unused"], json!(["webinar:read"]));
    assert_eq!(
        json["broader"],
        json!([{"scope": "meeting:write:admin", "instead": ["meeting:write"]}])
    );
    assert_eq!(json["level"], serde_json::Value::Null);
    assert_eq!(json["model"], "classic");
    assert_eq!(
        json["mixed_levels"],
        json!({"user": ["meeting:read", "webinar:read"], "admin": ["meeting:write:admin"]})
    );
}

#[test]
fn a_granular_declaration_is_audited_with_granular_scopes() {
    const GRANULAR: &str = "tests/fixtures/granular";
    let text = run(&["audit", GRANULAR]);
    snapshot("audit_granular.txt", &text.exits(1).stdout);
    let json = run(&["audit", GRANULAR, "--format", "json"])
        .exits(1)
        .json();
    assert_eq!(json["model"], "granular");
    assert_eq!(json["missing"], json!(["List meetings"]));
    assert_eq!(
        json["minimal"],
        json!([
            "meeting:read:meeting",
            "meeting:read:list_meetings",
            "user:read:user",
            "meeting:write:meeting"
        ])
    );
    assert_eq!(json["unused"], json!(["webinar:read:webinar"]));
    assert_eq!(json["mixed_levels"], serde_json::Value::Null);
    // Granular scopes have no description: the Markdown says what they grant.
    let md = run(&["audit", GRANULAR, "--format", "markdown"]);
    let md = &md.exits(1).stdout;
    assert!(md.contains("Granular scopes, declared in"), "{md}");
    assert!(
        md.contains("| `meeting:write:meeting` | Create a meeting | Create a meeting |"),
        "{md}"
    );
    let admin = run(&["audit", GRANULAR, "--level", "admin", "--format", "json"]).json();
    assert_eq!(
        admin["minimal"],
        json!([
            "meeting:read:meeting:admin",
            "meeting:read:list_meetings:admin",
            "user:read:user:admin",
            "meeting:write:meeting:admin"
        ])
    );
}

#[test]
fn user_level_scopes_declared_with_admin_ones_are_a_finding() {
    const MIXED: &str = "tests/fixtures/mixed_levels";
    let text = run(&["audit", MIXED]);
    let out = &text.exits(0).stdout;
    assert!(
        out.contains(
            "levels    user-level scopes (meeting:read:meeting) declared with admin-level ones \
             (meeting:write:meeting:admin, user:read:user:admin): no Zoom app type holds both"
        ),
        "{out}"
    );
    assert!(
        out.ends_with("user-level and admin-level scopes mixed\n"),
        "{out}"
    );
    let json = run(&["audit", MIXED, "--format", "json"]).exits(0).json();
    assert_eq!(
        json["mixed_levels"],
        json!({
            "user": ["meeting:read:meeting"],
            "admin": ["meeting:write:meeting:admin", "user:read:user:admin"]
        })
    );
    run(&["audit", MIXED, "--deny", "mixed-levels"]).exits(1);
    let md = run(&["audit", MIXED, "--format", "markdown"]);
    assert!(
        md.exits(0)
            .stdout
            .contains("- **Mixed levels**: user-level scopes")
    );
}

#[test]
fn a_declaration_of_both_models_is_refused() {
    let dir = temp_crate(
        "both-models",
        r#"["meeting:write", "meeting:read:meeting"]"#,
        "#[zoom_scopes::requires_api(\"Create a meeting\")]\nfn f() {}\n",
    );
    let shown = dir.to_str().unwrap();
    for command in ["audit", "migrate"] {
        let r = run(&[command, shown]);
        let err = &r.exits(2).stderr;
        assert!(r.stdout.is_empty());
        // The manifest reader's message or the CLI's: both name each scope's model.
        assert!(err.contains("/Cargo.toml:7"), "{err}");
        assert!(
            err.contains("meeting:write") && err.contains("meeting:read:meeting"),
            "{err}"
        );
        assert!(err.contains("classic") && err.contains("granular"), "{err}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn every_source_location_is_scanned() {
    let json = run(&["audit", APP, "--format", "json"]).json();
    let files: Vec<&str> = json["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["file"].as_str().unwrap())
        .collect();
    for file in [
        "src/lib.rs",             // crate root, operation! in a static and #[requires_api]
        "src/client/mod.rs",      // mod client; -> client/mod.rs, method with app = A
        "src/client/users.rs",    // nested module, trait item
        "src/shared/reports.rs",  // #[path = "shared/reports.rs"]
        "examples/quickstart.rs", // examples/
        "tests/common/mod.rs",    // tests/ and its modules
    ] {
        assert!(files.contains(&file), "{file} not in {files:?}");
    }
}

#[test]
fn clean_crate_exits_0_with_extra_grants() {
    let clean = run(&["audit", "tests/fixtures/clean"]);
    snapshot("audit_clean.txt", &clean.exits(0).stdout);
    let json = run(&["audit", "tests/fixtures/clean", "--format", "json"]).json();
    assert_eq!(json["missing"], json!([]));
    assert_eq!(
        json["minimal"],
        json!(["meeting:read", "meeting_summary:read"])
    );
}

#[test]
fn deny_turns_unused_and_broader_into_failures() {
    // The clean crate has neither: denying both still passes.
    run(&["audit", "tests/fixtures/clean", "--deny", "unused,broader"]).exits(0);
    // A crate whose only findings are unused and broader scopes passes unless denied.
    let dir = temp_crate(
        "deny",
        r#"["meeting:write:admin", "webinar:read"]"#,
        "#[zoom_scopes::requires_api(\"Create a meeting\")]\nfn f() {}\n",
    );
    let dir = dir.to_str().unwrap();
    run(&["audit", dir]).exits(0);
    run(&["audit", dir, "--deny", "unused"]).exits(1);
    run(&["audit", dir, "--deny", "broader"]).exits(1);
    run(&["audit", dir, "--deny", "unused", "--deny", "broader"]).exits(1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn level_restricts_the_plan_and_reports_what_it_cannot_grant() {
    let admin = run(&["audit", APP, "--level", "admin", "--format", "json"]).json();
    assert_eq!(admin["level"], "admin");
    assert_eq!(
        admin["minimal"],
        json!([
            "meeting:read:admin",
            "user:read:admin",
            "meeting:write:admin"
        ])
    );
    assert_eq!(
        admin["broader"],
        json!([]),
        "meeting:write is not an admin scope"
    );
    let dir = temp_crate(
        "level",
        r#"["scim2"]"#,
        "#[zoom_scopes::requires_api(\"Create a user\")]\nfn f() {}\n",
    );
    let dir = dir.to_str().unwrap();
    run(&["audit", dir]).exits(0);
    let admin = run(&["audit", dir, "--level", "admin"]);
    assert!(
        admin
            .exits(1)
            .stdout
            .contains("Create a user: no admin-level scope grants it"),
        "{}",
        admin.stdout
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn crate_without_scope_table_declares_nothing() {
    let undeclared = run(&["audit", "tests/fixtures/undeclared"]);
    let out = &undeclared.exits(1).stdout;
    assert!(
        out.contains("Cargo.toml has no [package.metadata.zoom] table"),
        "{out}"
    );
    assert!(
        out.contains("missing   Create a meeting: add \"meeting:write\""),
        "{out}"
    );
    let md = run(&["audit", "tests/fixtures/undeclared", "--format", "markdown"]);
    assert!(md.exits(1).stdout.contains("declares no scopes"));
}

#[test]
fn default_directory_and_cargo_argv() {
    let here = run_in(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/clean"),
        &["zoom-scopes", "audit", "--format", "json"],
    );
    assert_eq!(here.exits(0).json()["crate"], "summaries");
    let manifest = run(&["audit", "tests/fixtures/clean/Cargo.toml"]);
    manifest.exits(0);
}

#[test]
fn missing_directory() {
    let r = run(&["audit", "tests/fixtures/nowhere"]);
    assert_eq!(
        r.exits(2).stderr,
        "error: no such directory: tests/fixtures/nowhere\n"
    );
    assert!(r.stdout.is_empty());
}

#[test]
fn directory_without_manifest() {
    let r = run(&["audit", "tests/fixtures/no_manifest"]);
    assert_eq!(
        r.exits(2).stderr,
        "error: tests/fixtures/no_manifest has no Cargo.toml; audit takes the directory of a crate\n"
    );
    let file = run(&["audit", "tests/fixtures/app/src/lib.rs"]);
    assert!(
        file.exits(2)
            .stderr
            .contains("is a file; audit takes the directory of a crate")
    );
}

#[test]
fn crate_without_sources_or_package() {
    let dir = temp_crate("empty", "[]", "");
    std::fs::remove_dir_all(dir.join("src")).unwrap();
    let shown = dir.to_str().unwrap();
    let r = run(&["audit", shown]);
    assert_eq!(
        r.exits(2).stderr,
        format!(
            "error: {shown}: no Rust sources: found neither src/lib.rs nor src/main.rs, nor \
             targets in src/bin/, examples/, tests/ or benches/, nor target paths in Cargo.toml\n"
        )
    );
    std::fs::write(dir.join("Cargo.toml"), "[workspace]\nmembers = [\"a\"]\n").unwrap();
    let r = run(&["audit", shown]);
    assert!(
        r.exits(2).stderr.ends_with(
            "/Cargo.toml names no package: audit takes the directory of a package, not of a workspace root\n"
        ),
        "{}",
        r.stderr
    );
    std::fs::write(dir.join("Cargo.toml"), "[package\nname = ").unwrap();
    let r = run(&["audit", shown]);
    assert!(
        r.exits(2)
            .stderr
            .contains("/Cargo.toml:1 is not valid TOML: "),
        "{}",
        r.stderr
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn file_that_does_not_parse() {
    let r = run(&["audit", "tests/fixtures/broken"]);
    assert!(
        r.exits(2)
            .stderr
            .starts_with("error: tests/fixtures/broken/src/half.rs:3:18: does not parse as Rust: "),
        "{}",
        r.stderr
    );
    let dir = temp_crate("syntax", r#"[]"#, "fn f() {\n    let = 3;\n}\n");
    let r = run(&["audit", dir.to_str().unwrap()]);
    assert!(
        r.exits(2)
            .stderr
            .contains("/src/lib.rs:2:9: does not parse as Rust: expected"),
        "{}",
        r.stderr
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn unknown_and_ambiguous_titles_in_the_crate() {
    let r = run(&["audit", "tests/fixtures/unknown_title"]);
    let errors: Vec<&str> = r
        .exits(2)
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(
        errors,
        [
            "error: tests/fixtures/unknown_title/src/lib.rs:6: no Zoom API operation is titled \"Crate a meeting\"",
            "error: tests/fixtures/unknown_title/src/lib.rs:9: \"List meetings\" is documented in 2 API groups with different scopes; choose one with `api = \"...\"`:",
        ]
    );
    assert!(r.stderr.contains("did you mean \"Create a meeting\""));
    assert!(r.stdout.is_empty());
}

#[test]
fn bad_manifest_names_file_and_line() {
    let r = run(&["audit", "tests/fixtures/bad_manifest"]);
    assert!(
        r.exits(2).stderr.starts_with(
            "error: tests/fixtures/bad_manifest/Cargo.toml:9: unknown Zoom scope \"division:write:admin\""
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_arguments_and_missing_module_files() {
    let dir = temp_crate(
        "arguments",
        r#"["meeting:write"]"#,
        "mod gone;\n#[zoom_scopes::requires_api(\"Create a meeting\", group = \"Meeting\")]\nfn f() {}\n",
    );
    let r = run(&["audit", dir.to_str().unwrap()]);
    assert!(
        r.exits(2).stderr.contains("/src/lib.rs:2:49: unknown argument `group`; the arguments after the title are `api = \"...\"`"),
        "{}",
        r.stderr
    );
    std::fs::write(
        dir.join("src/lib.rs"),
        "mod gone;\n#[zoom_scopes::requires_api(\"Create a meeting\")]\nfn f() {}\n",
    )
    .unwrap();
    let r = run(&["audit", dir.to_str().unwrap()]);
    r.exits(0);
    assert!(
        r.stderr
            .contains("src/lib.rs:1: module `gone` has no file (looked for ")
            && r.stderr.contains("src/gone.rs and ")
            && r.stderr
                .contains("src/gone/mod.rs in the crate); it is not audited"),
        "{}",
        r.stderr
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// What the macros' grammar says about `args` (the tokens between the parentheses).
fn macro_error(args: &str, accepts: Accepts) -> String {
    let tokens: proc_macro2::TokenStream = args.parse().expect("tokens");
    match args::operation_args(tokens, accepts) {
        Ok(_) => panic!("the macros accept {args}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn what_the_compiler_refuses_the_audit_refuses_with_its_message() {
    // `api` twice: the compiler refuses it, and an audit that took the last one would check
    // another operation than the one the crate claims.
    let r = run(&["audit", "tests/fixtures/api_twice"]);
    let expected = macro_error(
        r#""List meetings", api = "Meeting", api = "Dashboard""#,
        Accepts::ApiAndApp,
    );
    assert_eq!(expected, "`api` is given twice");
    assert_eq!(
        r.exits(2).stderr,
        format!("error: tests/fixtures/api_twice/src/lib.rs:2:50: {expected}\n")
    );
    assert!(r.stdout.is_empty());
    // `app = ...` is typed mode, which `operation!` does not have.
    let r = run(&["audit", "tests/fixtures/operation_app"]);
    let expected = macro_error(r#""Create a meeting", app = MyApp"#, Accepts::ApiOnly);
    assert!(
        expected.starts_with(
            "unknown argument `app`; the only argument after the title is `api = \"...\"`"
        ),
        "{expected}"
    );
    assert_eq!(
        r.exits(2).stderr,
        format!("error: tests/fixtures/operation_app/src/lib.rs:2:49: {expected}\n")
    );
}

#[test]
fn a_declaration_of_both_scope_models_is_refused_with_the_macros_message() {
    let dir = temp_crate(
        "mixed-models",
        r#"["meeting:write", "meeting:read:meeting"]"#,
        "#[zoom_scopes::requires_api(\"Create a meeting\")]\npub fn f() {}\n",
    );
    for command in ["audit", "migrate"] {
        let r = run(&[command, dir.to_str().unwrap()]);
        let stderr = &r.exits(2).stderr;
        assert!(
            stderr.contains("mix Zoom's two scope models"),
            "{command}: {stderr}"
        );
        assert!(
            stderr.contains("  classic:  meeting:write\n  granular: meeting:read:meeting"),
            "{stderr}"
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn requires_api_on_anything_but_a_function_is_refused_like_the_compiler_does() {
    let dir = temp_crate(
        "misplaced",
        r#"["meeting:write"]"#,
        "use zoom_scopes::requires_api;\n#[requires_api(\"Create a meeting\")]\npub struct Meeting;\n\
         pub struct S;\nimpl S {\n    #[requires_api(\"Create a meeting\")]\n    const C: u8 = 1;\n}\n",
    );
    let r = run(&["audit", dir.to_str().unwrap()]);
    let stderr = &r.exits(2).stderr;
    let message = zoom_scopes_macros_core::expand::NOT_ON_A_FUNCTION;
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    assert!(
        errors[0].ends_with(&format!("/src/lib.rs:2:1: {message}")),
        "{stderr}"
    );
    assert!(
        errors[1].ends_with(&format!("/src/lib.rs:6:5: {message}")),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn errors_at_the_end_of_the_arguments_are_on_the_use() {
    let dir = temp_crate(
        "end",
        r#"["meeting:write"]"#,
        "fn f() {}\n  #[zoom_scopes::requires_api]\nfn g() {}\nfn h() {\n    zoom_scopes::operation!(\"Create a meeting\", api =);\n}\n",
    );
    let r = run(&["audit", dir.to_str().unwrap()]);
    let errors: Vec<&str> = r
        .exits(2)
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 2, "{}", r.stderr);
    let missing = macro_error("", Accepts::ApiAndApp);
    assert!(
        errors[0].ends_with(&format!("/src/lib.rs:2:3: {missing}")),
        "{}",
        errors[0]
    );
    let unfinished = macro_error(r#""Create a meeting", api ="#, Accepts::ApiOnly);
    assert!(
        errors[1].ends_with(&format!("/src/lib.rs:5:5: {unfinished}")),
        "{}",
        errors[1]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// A crate in a fresh temporary directory, with `scopes` declared and `lib` as src/lib.rs.
fn temp_crate(name: &str, scopes: &str, lib: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zoom-scopes-audit-{name}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[package.metadata.zoom]\nscopes = {scopes}\n"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::write(dir.join("src/lib.rs"), lib).unwrap();
    dir
}

#[test]
fn typed_mode_uses_are_listed_but_not_held_against_the_crate() {
    // The library is at a path Cargo.toml names (`[lib] path = "sdk/lib.rs"`).
    const SDK: &str = "tests/fixtures/typed_sdk";
    let json = run(&["audit", SDK, "--format", "json"]).exits(0).json();
    let typed: Vec<(&str, bool)> = json["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|op| {
            (
                op["function"].as_str().unwrap(),
                op["typed"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        typed,
        [
            ("Zoom::create_meeting", true),
            ("Zoom::create_meeting", true),
            ("me", false)
        ]
    );
    assert_eq!(json["missing"], json!([]));
    assert_eq!(json["minimal"], json!(["user:read"]));
    let text = run(&["audit", SDK]).exits(0).stdout.clone();
    assert!(text.contains("Create a meeting [typed]"), "{text}");
    assert!(text.contains("2 uses in typed mode"), "{text}");
}
