//! The value of a string literal token, from its text as proc-macro2 prints it.
//!
//! This replaces syn's decoder (`syn::LitStr::value`) for build cost: with `error.rs`, it was
//! all the macros used syn for, and syn (1.1 CPU-s) sat on the critical path of a clean build of
//! the macro crate, before this crate. `benches/macro-build.sh` (registry mode, the budget's
//! figure) put that build at 1.58x a minimal proc macro on syn, quote and proc-macro2; without
//! syn, the same builds alternated on one busy 2-core machine went from 1.91x to 1.63x the
//! baseline (rustc CPU 5.2 s to 4.2 s, the baseline's 2.5 s). It is syn 3's algorithm, quirks
//! included (any suffix is accepted and ignored; a raw string ends at its last quote), and the
//! tests hold it to syn on generated literals.

/// The value of a string literal written `repr`: `"..."` with escapes, or raw (`r"..."`,
/// `r#"..."#`), with whatever suffix; `None` when `repr` is not one (byte and C strings,
/// characters, numbers) or is malformed, exactly when syn would not parse a `LitStr`.
pub(crate) fn value(repr: &str) -> Option<String> {
    if let Some(rest) = repr.strip_prefix('"') {
        cooked(rest)
    } else if let Some(rest) = repr.strip_prefix('r') {
        raw(rest)
    } else {
        None
    }
}

/// The byte at `at`, or 0 past the end.
fn byte(s: &str, at: usize) -> u8 {
    s.as_bytes().get(at).copied().unwrap_or(0)
}

/// `s` is what follows the opening quote; the value ends at the first unescaped quote.
fn cooked(mut s: &str) -> Option<String> {
    let mut value = String::new();
    loop {
        let ch = match byte(s, 0) {
            b'"' => return Some(value),
            b'\\' => {
                let escape = byte(s, 1);
                s = s.get(2..)?;
                match escape {
                    b'x' => {
                        let (byte, rest) = backslash_x(s)?;
                        s = rest;
                        if byte > 0x7F {
                            return None;
                        }
                        char::from(byte)
                    }
                    b'u' => {
                        let (ch, rest) = backslash_u(s)?;
                        s = rest;
                        ch
                    }
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    b'\\' => '\\',
                    b'0' => '\0',
                    b'\'' => '\'',
                    b'"' => '"',
                    // A line continuation: the newline and the whitespace after it vanish.
                    b'\r' | b'\n' => {
                        s = s.trim_start_matches([' ', '\t', '\n', '\r']);
                        continue;
                    }
                    _ => return None,
                }
            }
            // A carriage return only as part of CRLF, which reads as a newline.
            b'\r' => {
                s = s.strip_prefix("\r\n")?;
                '\n'
            }
            _ => {
                let ch = s.chars().next()?;
                s = s.get(ch.len_utf8()..)?;
                ch
            }
        };
        value.push(ch);
    }
}

/// `s` is what follows the `r`: `#`s, a quote, the value, the last quote, as many `#`s.
fn raw(s: &str) -> Option<String> {
    let pounds = s.bytes().take_while(|&b| b == b'#').count();
    if byte(s, pounds) != b'"' {
        return None;
    }
    let close = s.rfind('"')?;
    let after = s.get(close + 1..close + 1 + pounds)?;
    if after.bytes().any(|b| b != b'#') {
        return None;
    }
    Some(s.get(pounds + 1..close)?.to_owned())
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(10 + b - b'a'),
        b'A'..=b'F' => Some(10 + b - b'A'),
        _ => None,
    }
}

/// The two hex digits after `\x`, and the rest.
fn backslash_x(s: &str) -> Option<(u8, &str)> {
    let high = hex_digit(byte(s, 0))?;
    let low = hex_digit(byte(s, 1))?;
    Some((high * 0x10 + low, s.get(2..)?))
}

/// The `{...}` after `\u`: one to six hex digits, any `_`s after the first, a valid char;
/// and the rest.
fn backslash_u(s: &str) -> Option<(char, &str)> {
    let mut s = s.strip_prefix('{')?;
    let mut code = 0u32;
    let mut digits = 0;
    loop {
        let digit = match byte(s, 0) {
            b'_' if digits > 0 => {
                s = s.get(1..)?;
                continue;
            }
            b'}' if digits == 0 => return None,
            b'}' => break,
            b => hex_digit(b)?,
        };
        if digits == 6 {
            return None;
        }
        code = code * 0x10 + u32::from(digit);
        digits += 1;
        s = s.get(1..)?;
    }
    Some((char::from_u32(code)?, s.strip_prefix('}')?))
}

#[cfg(test)]
mod tests {
    use proc_macro2::{TokenStream, TokenTree};
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;

    use super::*;
    use crate::cursor::Cursor;

    /// syn's answer for a literal token: its value, or `None` when it is no `LitStr`.
    fn syns(token: &TokenTree) -> Option<String> {
        syn::parse2::<syn::LitStr>(TokenStream::from(token.clone()))
            .ok()
            .map(|lit| lit.value())
    }

    /// The literal tokens of `text` as proc-macro2 lexes it (none when it does not lex).
    fn literals(text: &str) -> Vec<TokenTree> {
        fn walk(tokens: TokenStream, into: &mut Vec<TokenTree>) {
            for token in tokens {
                match token {
                    TokenTree::Group(g) => walk(g.stream(), into),
                    TokenTree::Literal(_) => into.push(token),
                    _ => {}
                }
            }
        }
        let mut found = Vec::new();
        if let Ok(tokens) = text.parse() {
            walk(tokens, &mut found);
        }
        found
    }

    /// How the cursor read a string literal when syn decoded it: plain literals directly
    /// (what it still does), syn for the rest.
    fn cursor_with_syn(token: &TokenTree) -> Option<String> {
        let text = token.to_string();
        if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"'))
            && !inner.contains('\\')
        {
            return Some(inner.to_owned());
        }
        if !text.starts_with(['"', 'r']) {
            return None;
        }
        syns(token)
    }

    /// Whether every literal in `text` decodes as syn decodes it, and the cursor reads it as
    /// it did with syn.
    fn agrees(text: &str) -> Result<(), TestCaseError> {
        for token in literals(text) {
            let repr = token.to_string();
            prop_assert_eq!(value(&repr), syns(&token), "{:?} in {:?}", repr, text);
            let read = Cursor::new(TokenStream::from(token.clone()))
                .string("a string")
                .ok()
                .map(|text| text.value().to_owned());
            prop_assert_eq!(read, cursor_with_syn(&token), "{:?} in {:?}", repr, text);
        }
        Ok(())
    }

    #[test]
    fn literals_decode_as_syn_decodes_them() {
        let cases: &[(&str, Option<&str>)] = &[
            (r#""""#, Some("")),
            (r#""plain""#, Some("plain")),
            (r#""say \"hi\"\n""#, Some("say \"hi\"\n")),
            (r#""\n\r\t\\\0\'\"""#, Some("\n\r\t\\\0'\"")),
            (r#""\x00\x41\x7F\x7f""#, Some("\0A\x7f\x7f")),
            (
                r#""caf\u{e9} \u{1F600} \u{1_0FFFF} \u{0}""#,
                Some("café 😀 \u{10FFFF} \0"),
            ),
            ("\"one \\\n    two \\\r\n\t three\"", Some("one two three")),
            ("\"a\r\nb\"", Some("a\nb")),
            ("\"\\\n\r\n\"", Some("")),
            ("\"x\"suffix", Some("x")),
            ("\"x\"_", Some("x")),
            ("\"\\\"\"suffix", Some("\"")),
            (r##"r"raw \n""##, Some("raw \\n")),
            (r###"r#"say "hi""#"###, Some("say \"hi\"")),
            (r####"r##"a "# b"##"####, Some("a \"# b")),
            ("r\"\"", Some("")),
            ("r#\"\"#sfx", Some("")),
            ("r\"a\r\nb\"", Some("a\r\nb")),
            ("b\"bytes\"", None),
            ("br#\"bytes\"#", None),
            ("c\"cstr\"", None),
            ("'c'", None),
            ("b'c'", None),
            ("42", None),
            ("1.5e3", None),
            ("42u8", None),
        ];
        for &(text, expected) in cases {
            let found = literals(text);
            assert_eq!(found.len(), 1, "{text:?} lexes as {found:?}");
            let repr = found[0].to_string();
            assert_eq!(value(&repr).as_deref(), expected, "{text:?}");
            assert_eq!(syns(&found[0]).as_deref(), expected, "{text:?}, by syn");
        }
    }

    /// Texts proc-macro2 does not lex as one literal (rustc lexes some, reporting an error),
    /// decoded as syn 3's decoder reads them; and as syn decodes them when they do lex.
    #[test]
    fn malformed_literals_are_read_as_syn_reads_them() {
        let cases: &[(&str, Option<&str>)] = &[
            ("\"\\x80\"", None),
            ("\"\\xG0\"", None),
            ("\"\\x4\"", None),
            ("\"\\u{}\"", None),
            ("\"\\u{_1}\"", None),
            ("\"\\u{1234567}\"", None),
            ("\"\\u{0000041}\"", None),
            ("\"\\u{D800}\"", None),
            ("\"\\u{110000}\"", None),
            ("\"\\u{41\"", None),
            ("\"\\u1234\"", None),
            ("\"\\q\"", None),
            ("\"\\\"", None),
            ("\"a\rb\"", None),
            ("\"a\r\"", None),
            ("\"unterminated", None),
            ("\"", None),
            ("r", None),
            ("r#", None),
            ("r#x\"a\"#", None),
            ("r#\"unterminated\"", None),
            ("r#\"", None),
            ("r#\"a\"b", None),
            // The value ends at the first unescaped quote; the rest is the suffix.
            ("\"a\"b\"", Some("a")),
            // A raw string ends at the last quote; a surplus of hashes is the suffix.
            ("r\"a\"b\"", Some("a\"b")),
            ("r#\"a\"##", Some("a")),
            ("r#\"a\"#\"#", Some("a\"#")),
            ("\"\\u{0_0_0_0_4_1}\"", Some("A")),
        ];
        for &(text, expected) in cases {
            assert_eq!(value(text).as_deref(), expected, "{text:?}");
            agrees(text).unwrap();
        }
    }

    /// A piece of a literal's body: mostly what lexes (proc-macro2 refuses a malformed literal
    /// before any decoder sees it), weighted towards what decoding treats specially, with now
    /// and then what does not lex (a quote, a lone backslash or carriage return, a bad escape).
    fn piece() -> impl Strategy<Value = String> {
        let other = any::<char>().prop_filter("lexes", |c| !matches!(c, '"' | '\\' | '\r'));
        prop_oneof![
            8 => other.prop_map(String::from),
            4 => proptest::char::range(' ', '~').prop_map(String::from),
            2 => proptest::char::range('\0', '\x1f').prop_map(String::from),
            2 => prop::sample::select(vec!["n", "r", "t", "\\", "0", "'", "\""])
                .prop_map(|e| format!("\\{e}")),
            2 => (0u8..=0x7f, any::<bool>()).prop_map(|(b, upper)| {
                if upper { format!("\\x{b:02X}") } else { format!("\\x{b:02x}") }
            }),
            2 => any::<char>().prop_map(|c| format!("\\u{{{:x}}}", u32::from(c))),
            1 => any::<char>().prop_map(|c| {
                let hex = format!("{:06X}", u32::from(c));
                format!("\\u{{{}_{}__}}", &hex[..1], &hex[1..])
            }),
            2 => ("[\n\r]", "[ \t\n\r]{0,4}").prop_map(|(n, w)| {
                let newline = if n == "\r" { "\r\n" } else { "\n" };
                format!("\\{newline}{w}")
            }),
            2 => Just("\r\n".to_owned()),
            1 => Just("#".to_owned()),
            1 => Just("\"#".to_owned()),
            1 => prop::sample::select(vec!["\"", "\\", "\r", "\\a", "\\x80", "\\u{}", "\\u{_1}"])
                .prop_map(str::to_owned),
            1 => "[0-9a-fA-F_]{0,8}".prop_map(|d| format!("\\u{{{d}}}")),
        ]
    }

    /// A literal-like text: an opening (plain, raw with hashes, or another kind's), a body,
    /// a closing with the opening's hashes or another number, and perhaps a suffix.
    fn text() -> impl Strategy<Value = String> {
        let open = prop_oneof![
            6 => Just("\"".to_owned()),
            4 => (0usize..4).prop_map(|n| format!("r{}\"", "#".repeat(n))),
            1 => prop::sample::select(vec!["b\"", "br\"", "c\"", "cr#\"", "'", "r"])
                .prop_map(str::to_owned),
        ];
        let hashes = prop_oneof![4 => Just(None), 1 => (0usize..4).prop_map(Some)];
        let suffix = prop_oneof![
            4 => Just(String::new()),
            1 => "[a-zA-Z_][a-zA-Z0-9_]{0,6}",
            1 => "[a-z#\"\\\\ ]{1,3}",
        ];
        (open, prop::collection::vec(piece(), 0..10), hashes, suffix).prop_map(
            |(open, body, hashes, suffix)| {
                let hashes = "#".repeat(hashes.unwrap_or(open.matches('#').count()));
                format!("{open}{}\"{hashes}{suffix}", body.concat())
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        #[test]
        fn generated_literals_decode_as_syn_decodes_them(text in text()) {
            agrees(&text)?;
        }
    }

    /// The generator reaches what decoding treats specially, as literals that lex: escapes,
    /// line continuations, raw strings with hashes, suffixes, and other kinds of literal.
    #[test]
    fn generated_literals_cover_every_form() {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let mut seen = [0usize; 6];
        for _ in 0..2048 {
            let text = text().new_tree(&mut runner).unwrap().current();
            for token in literals(&text) {
                let repr = token.to_string();
                if value(&repr).is_none() {
                    seen[5] += 1;
                    continue;
                }
                let cooked = repr.starts_with('"');
                seen[0] += usize::from(cooked && repr.contains("\\u{"));
                seen[1] += usize::from(cooked && repr.contains("\\x"));
                seen[2] +=
                    usize::from(cooked && (repr.contains("\\\n") || repr.contains("\\\r\n")));
                seen[3] += usize::from(repr.starts_with("r#"));
                seen[4] += usize::from(!repr.ends_with(['"', '#']));
            }
        }
        // \u, \x, continuations, raw with hashes, suffixes, refused.
        assert!(seen.iter().all(|&n| n >= 40), "{seen:?}");
    }
}
