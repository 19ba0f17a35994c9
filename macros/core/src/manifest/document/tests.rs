//! The document tree against the `toml` crate, the reference: both accept the same texts, and
//! read the same tables, lists, strings and positions from them.

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Item, Value, parse};

/// A tree both readers can be compared in: keys sorted, scalars by type, strings with where
/// they are written.
#[derive(Debug, PartialEq)]
enum Norm {
    Table(Vec<(String, Norm)>),
    Array(Vec<Norm>),
    Str(String, std::ops::Range<usize>),
    Scalar(&'static str),
}

fn ours(item: &Item<'_>) -> Norm {
    match &item.value {
        Value::String(s) => Norm::Str(s.to_string(), item.span.clone()),
        Value::Array(a) => Norm::Array(a.items.iter().map(ours).collect()),
        Value::Table(t) => {
            let mut entries: Vec<_> = t
                .entries()
                .map(|e| (e.key.to_string(), ours(&e.item)))
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Norm::Table(entries)
        }
        other => Norm::Scalar(other.type_name()),
    }
}

fn reference(value: &Spanned<DeValue<'_>>) -> Norm {
    match value.get_ref() {
        DeValue::String(s) => Norm::Str(s.to_string(), value.span()),
        DeValue::Integer(_) => Norm::Scalar("an integer"),
        DeValue::Float(_) => Norm::Scalar("a float"),
        DeValue::Boolean(_) => Norm::Scalar("a boolean"),
        DeValue::Datetime(_) => Norm::Scalar("a date-time"),
        DeValue::Array(a) => Norm::Array(a.iter().map(reference).collect()),
        DeValue::Table(t) => reference_table(t),
    }
}

fn reference_table(table: &DeTable<'_>) -> Norm {
    let mut entries: Vec<_> = table
        .iter()
        .map(|(k, v)| (k.get_ref().to_string(), reference(v)))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Norm::Table(entries)
}

/// Both readers on one text: `Ok` with the common tree, or `Err` when both refuse it.
fn compare(text: &str) -> Result<Norm, String> {
    let expected = DeTable::parse(text).map(|t| reference_table(t.get_ref()));
    let actual = parse(text).map(|root| ours(&root));
    match (expected, actual) {
        (Ok(expected), Ok(actual)) => {
            assert_eq!(actual, expected, "{text}");
            Ok(actual)
        }
        (Err(expected), Err(actual)) => Err(format!("{} / {}", expected.message(), actual.message)),
        (Ok(_), Err(actual)) => panic!("refused valid TOML ({}):\n{text}", actual.message),
        (Err(expected), Ok(_)) => panic!("accepted invalid TOML ({}):\n{text}", expected.message()),
    }
}

#[test]
fn reads_what_manifests_are_written_with() {
    let valid = [
        "",
        "# only a comment\n",
        "[package]\nname = \"app\"\nversion = \"0.1.0\" # trailing\n",
        "[package.metadata.zoom]\nscopes = [\"meeting:write\", 'user:read',]\n",
        "[package]\nmetadata.zoom.scopes = [\n  # a comment\n  \"a\",\n\n  \"b\"\n]\n",
        "package = { name = \"x\", metadata = { zoom = { scopes = [] } } }\n",
        "[package]\nname = \"x\"\n[package.metadata]\nzoom = { scopes = [\"a\"] }\n",
        "[a.b.c]\nx = 1\n[a]\ny = 2\n",
        "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n",
        "[[bin]]\nname = \"a\"\npath = \"a.rs\"\n[[bin]]\nname = \"b\"\n[bin.extra]\nx = 1\n",
        "[[a.b]]\n[[a.b]]\n[a.b.c]\nd = 1\n",
        "s1 = \"\"\"\nline\\\n  continued \\u00e9 \\U0001F600 \\t\"\"\"\ns2 = '''\n[package.metadata.zoom]\n'''\n",
        "\"quoted key\" = 1\n'literal key'.x = 2\nbare-key_1 = 3\n",
        "ints = [0x1F, 0o17, 0b11, 1_000, -3, +4]\nfloats = [1.5, -2e3, inf, nan, 6.02e+23]\n",
        "dates = [1979-05-27T07:32:00Z, 1979-05-27 07:32:00, 1979-05-27, 07:32:00.5]\n",
        "nested = [[1, 2], [\"a\", [true]], { a = 1 }]\n",
        "a = { b.c = 1, d = \"e\" }\n",
        "crlf = 1\r\nb = \"x\"\r\n",
        "esc = \"\\\"quotes\\\" and \\\\ backslash\"\n",
    ];
    for text in valid {
        if let Err(e) = compare(text) {
            panic!("both refused {text:?}: {e}");
        }
    }
}

#[test]
fn refuses_what_toml_refuses() {
    let invalid = [
        "[package\nname = 1\n",
        "a = [\"b\"\n",
        "a = 1\na = 2\n",
        "[a]\n[a]\n",
        "a.b = 1\n[a]\n",
        "[a]\nb = 1\n[a.b]\n",
        "a = { b = 1 }\na.c = 2\n",
        "a = { b = 1 }\n[a.c]\n",
        "a = [1]\n[[a]]\n",
        "[[a]]\n[a]\n",
        "a = 1\n[a.b]\n",
        "[fruit]\napple.color = \"red\"\n[fruit.apple]\n",
        "a = \"unterminated\n",
        "a = \"\\q\"\n",
        "a = \"tab\u{1}\"\n",
        "# control \u{7f} in a comment\n",
        "a = 1\rb = 2\n",
        "= 1\n",
        "a = \n",
        "a b = 1\n",
        "[a.]\n",
        "a = { b = 1, b = 2 }\n",
    ];
    for text in invalid {
        assert!(compare(text).is_err(), "{text:?}");
    }
}

/// Date-times are checked for their shape, not for the calendar (that is `toml_datetime`'s
/// work, which the reader does without): Cargo refuses such a manifest before any macro reads
/// it, and the reader never reads a date.
#[test]
fn calendar_errors_in_dates_are_not_checked() {
    for text in ["a = 1979-13-45\n", "a = 25:61:00\n"] {
        assert!(DeTable::parse(text).is_err(), "{text:?}");
        let root = parse(text).unwrap();
        assert_eq!(
            ours(&root),
            Norm::Table(vec![("a".into(), Norm::Scalar("a date-time"))])
        );
    }
}

#[test]
fn nesting_is_bounded() {
    let deep = format!("a = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let error = parse(&deep).unwrap_err();
    assert!(error.message.contains("recursion"), "{}", error.message);
    let ok = format!("a = {}{}\n", "[".repeat(50), "]".repeat(50));
    assert!(compare(&ok).is_ok());
}

#[test]
fn errors_point_at_the_problem() {
    let text = "[package]\nname = \"x\"\nname = \"y\"\n";
    let error = parse(text).unwrap_err();
    assert_eq!(error.message, "duplicate key `name`");
    assert_eq!(&text[error.span.clone()], "name");
    assert_eq!(error.span.start, 21, "the second `name`");
    let error = parse("[package\n").unwrap_err();
    assert_eq!(error.message, "unclosed table, expected `]`");
}

/// Every manifest in this repository (its crates, examples, fixtures and fuzz crate).
#[test]
fn reads_the_repositorys_manifests_like_toml() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut seen = 0;
    let mut pending = vec![root];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() && name != "target" && name != ".git" {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let text = fs::read_to_string(&path).unwrap();
                let result = compare(&text);
                assert!(result.is_ok() || path.to_string_lossy().contains("malformed"));
                seen += 1;
            }
        }
    }
    assert!(seen >= 10, "found only {seen} manifests");
}

/// Pieces of TOML, valid and not, that random documents are made of.
fn piece() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("a".to_owned()),
        Just("b".to_owned()),
        Just("\"a\"".to_owned()),
        Just("'b c'".to_owned()),
        Just("a.b".to_owned()),
        Just("b.a".to_owned()),
        Just("a.\"b\".c".to_owned()),
    ];
    let scalar = prop_oneof![
        Just("1".to_owned()),
        Just("\"s\\n\\u00e9\"".to_owned()),
        Just("'lit'".to_owned()),
        Just("\"\"\"\nml\"\"\"".to_owned()),
        Just("'''ml\nlit'''".to_owned()),
        Just("true".to_owned()),
        Just("1.5e3".to_owned()),
        Just("2024-01-02".to_owned()),
        Just("\"bad \\q\"".to_owned()),
    ];
    let value = scalar.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec(inner.clone(), 0..3)
                .prop_map(|v| format!("[\n{},\n]", v.join(",\n# c\n"))),
            prop::collection::vec(inner, 0..3).prop_map(|v| {
                let keys = ["x", "y", "x.z", "w"];
                let pairs: Vec<String> = v
                    .iter()
                    .zip(keys)
                    .map(|(v, k)| format!("{k} = {v}"))
                    .collect();
                format!("{{ {} }}", pairs.join(", "))
            }),
        ]
    });
    prop_oneof![
        (key.clone(), value).prop_map(|(k, v)| format!("{k} = {v}\n")),
        key.clone().prop_map(|k| format!("[{k}]\n")),
        key.prop_map(|k| format!("[[{k}]]\n")),
        Just("# comment\n".to_owned()),
        Just("\n".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// On random documents, the two readers accept the same ones and read them alike.
    #[test]
    fn agrees_with_toml(pieces in prop::collection::vec(piece(), 0..8)) {
        let _ = compare(&pieces.concat());
    }

    /// Arbitrary text never panics the reader.
    #[test]
    fn never_panics(text in "\\PC{0,64}") {
        let _ = parse(&text);
    }
}
