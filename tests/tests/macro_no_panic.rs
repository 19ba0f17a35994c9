//! The proc macros must never panic: a panic in a proc macro is an unhelpful compiler error
//! ("proc macro panicked") instead of the spanned message the user needs. This test reads the
//! macro crate's sources (and the catalogue's static index and manifest reader, which every
//! expansion runs) and fails on any construct that can panic, `unwrap()`, `expect(...)`,
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

/// The macro crate's files, without the modules `lib.rs` compiles only for tests.
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let lib = std::fs::read_to_string(root.join("macros/src/lib.rs")).expect("lib.rs");
    let lines: Vec<&str> = lib.lines().collect();
    let test_only: Vec<String> = lines
        .windows(2)
        .filter(|w| w[0].trim() == "#[cfg(test)]")
        .filter_map(|w| w[1].trim().strip_prefix("mod ")?.strip_suffix(';'))
        .map(|name| format!("{name}.rs"))
        .collect();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("macros/src"))
        .expect("macros/src")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            !name.is_some_and(|n| test_only.contains(&n))
        })
        .collect();
    files.sort();
    // What every expansion runs in the catalogue: the static index and the manifest reader.
    files.push(root.join("catalogue/src/index/mod.rs"));
    files.push(root.join("catalogue/src/manifest/mod.rs"));
    files.push(root.join("catalogue/src/manifest/document.rs"));
    files
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
/// `[` opening an array or slice type after `&'a`, `mut`, `dyn` and the like).
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
                "mut" | "dyn" | "in" | "return" | "as" | "const" | "static" | "else" | "break"
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
    let mut all = Vec::new();
    for file in sources() {
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
    assert!(!flagged(
        "// no panic: i < len by construction\nlet x = tokens[i];"
    ));
    assert!(!flagged(
        "#[cfg(test)]\nmod tests { fn t() { x.unwrap(); } }"
    ));
}
