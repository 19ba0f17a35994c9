//! The proc macros must never panic: a panic in a proc macro is an unhelpful compiler error
//! ("proc macro panicked") instead of the spanned message the user needs. This test reads the
//! sources every expansion runs (the macro crate, `zoom-scopes-macros-core` and the tables'
//! lookups) and fails on any construct that can panic, `unwrap()`, `expect(...)`,
//! `panic!`-like macros, assertions and slice or map indexing, unless a `// no panic: <reason>`
//! comment on the same or the previous line says why it cannot.

use std::path::{Path, PathBuf};

const PANICKING_CALLS: [&str; 8] = [
    ".unwrap()",
    ".expect(",
    "panic!",
    "unreachable!",
    "todo!",
    "unimplemented!",
    "assert!",
    "assert_eq!",
];

/// Every source file an expansion runs: the macro crate, the library it is a shell over, and
/// the hand-written part of the tables (the generated rows are data, not code), without the
/// modules compiled only for tests.
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["macros/src", "macros/core/src", "catalogue/tables/src"] {
        collect(&root.join(dir), &mut files);
    }
    files.retain(|f| !f.ends_with("catalogue/tables/src/generated.rs"));
    let test_only: Vec<PathBuf> = files.iter().flat_map(|f| test_modules(f)).collect();
    files.retain(|f| !test_only.contains(f));
    files.sort();
    files
}

/// The `.rs` files under `dir`.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The files of the modules `file` declares under `#[cfg(test)]` (`mod x;` is `x.rs` beside a
/// `lib.rs` or `mod.rs`, and in the folder named after any other file).
fn test_modules(file: &Path) -> Vec<PathBuf> {
    let text = std::fs::read_to_string(file).expect("source");
    let lines: Vec<&str> = text.lines().collect();
    let dir = match file.file_stem().and_then(|s| s.to_str()) {
        Some("lib" | "mod") => file.parent().expect("a folder").to_owned(),
        _ => file.with_extension(""),
    };
    lines
        .windows(2)
        .filter(|w| w[0].trim() == "#[cfg(test)]")
        .filter_map(|w| w[1].trim().strip_prefix("mod ")?.strip_suffix(';'))
        .map(|name| dir.join(format!("{name}.rs")))
        .collect()
}

/// The code of a line without its comment and with string and char literals blanked, so that
/// messages mentioning `[` or "unwrap" are not code. `in_string` carries a string across lines.
fn code_of(line: &str, in_string: &mut bool) -> String {
    let mut code = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if *in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => {
                    *in_string = false;
                    code.push('"');
                }
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                *in_string = true;
                code.push('"');
            }
            '/' if chars.peek() == Some(&'/') => break,
            // A char literal like '[' (a lifetime has no closing quote two characters on).
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                if rest.chars().nth(1) == Some('\'') {
                    chars.nth(1);
                    code.push_str("' '");
                } else if rest.starts_with('\\') && rest.chars().nth(2) == Some('\'') {
                    chars.nth(2);
                    code.push_str("' '");
                } else {
                    code.push(c);
                }
            }
            _ => code.push(c),
        }
    }
    code
}

/// Whether the code indexes: `x[`, `)[` or `][` (not `#[`, `![` of attributes and macros, nor
/// `[` opening an array or slice type after `&'a`, `mut`, `dyn` and the like, nor a slice
/// pattern after `let`).
fn indexes(code: &str) -> bool {
    let chars: Vec<char> = code.chars().collect();
    (0..chars.len()).any(|i| chars[i] == '[' && indexed_before(&chars[..i]))
}

/// Whether what precedes a `[` is an expression being indexed.
fn indexed_before(before: &[char]) -> bool {
    let before: Vec<char> = before
        .iter()
        .rev()
        .skip_while(|c| c.is_whitespace())
        .copied()
        .collect();
    match before.first() {
        Some(')' | ']') => true,
        Some(c) if c.is_alphanumeric() || *c == '_' => {
            let word: String = before
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let lifetime = before.get(word.len()) == Some(&'\'');
            let keyword = matches!(
                word.as_str(),
                "mut"
                    | "dyn"
                    | "in"
                    | "return"
                    | "as"
                    | "const"
                    | "static"
                    | "else"
                    | "break"
                    | "let"
            );
            !lifetime && !keyword
        }
        _ => false,
    }
}

fn findings(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut in_string = false;
    let mut previous = "";
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = code_of(line, &mut in_string);
        let justified = line.contains("// no panic:") || previous.contains("// no panic:");
        let panics = PANICKING_CALLS.iter().any(|p| code.contains(p)) || indexes(&code);
        if panics && !justified {
            found.push((i + 1, line.trim().to_owned()));
        }
        previous = line;
    }
    found
}

#[test]
fn no_macro_path_can_panic() {
    let files = sources();
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("macros/core/src/manifest/document.rs"))
            && files
                .iter()
                .any(|f| f.ends_with("catalogue/tables/src/scope.rs"))
            && !files
                .iter()
                .any(|f| f.ends_with("never_panics.rs") || f.ends_with("tests.rs")),
        "{files:?}"
    );
    let mut all = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        for (line, code) in findings(&text) {
            all.push(format!("{}:{line}: {code}", file.display()));
        }
    }
    assert!(
        all.is_empty(),
        "constructs that can panic, without a `// no panic:` reason:\n{}",
        all.join("\n")
    );
}

#[test]
fn the_check_sees_what_it_must() {
    let flagged = |src: &str| !findings(src).is_empty();
    assert!(flagged("let x = v.unwrap();"));
    assert!(flagged("let x = v.expect(\"x\");"));
    assert!(flagged("let x = tokens[i];"));
    assert!(flagged("let x = f()[0];"));
    assert!(flagged("unreachable!()"));
    assert!(!flagged("let x = v.unwrap_or_default();"));
    assert!(!flagged(
        "#[doc = \"x\"] let v = vec![1]; let t: [u8; 2] = [1, 2];"
    ));
    assert!(!flagged("let s = \"use x[0] or unwrap()\"; // tokens[i]"));
    assert!(!flagged("let c = '['; let l: &'a [u8] = &[];"));
    assert!(!flagged("while let [byte, tail @ ..] = rest {}"));
    assert!(!flagged(
        "// no panic: i < len by construction\nlet x = tokens[i];"
    ));
    assert!(!flagged(
        "#[cfg(test)]\nmod tests { fn t() { x.unwrap(); } }"
    ));
}
