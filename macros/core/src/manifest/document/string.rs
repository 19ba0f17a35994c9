//! TOML's four kinds of string, decoded: basic (`"..."`, with escapes), literal (`'...'`), and
//! their multi-line forms (`"""..."""`, `'''...'''`), where a newline right after the opening
//! delimiter is not part of the string, and a backslash at the end of a line of a basic one
//! removes the newline and the whitespace after it. Newlines are kept as written (CRLF too).

use std::borrow::Cow;

use super::Malformed;
use super::scanner::{Scanner, is_control};

/// The string at the cursor (which is at its first quote), decoded; the cursor moves past it.
pub(super) fn string<'i>(s: &mut Scanner<'i>) -> Result<Cow<'i, str>, Malformed> {
    if s.starts_with("\"\"\"") {
        multi_line_basic(s)
    } else if s.starts_with("'''") {
        multi_line_literal(s)
    } else if s.peek() == Some(b'"') {
        basic(s)
    } else {
        literal(s)
    }
}

/// A quoted key: a basic or literal string on one line.
pub(super) fn quoted_key<'i>(s: &mut Scanner<'i>) -> Result<Cow<'i, str>, Malformed> {
    if s.starts_with("\"\"\"") || s.starts_with("'''") {
        return Err(s.error("keys cannot be multi-line strings, expected `\"` or `'`"));
    }
    string(s)
}

/// A string's value as it is decoded: borrowed from the document until an escape makes the
/// two differ.
struct Decoded {
    owned: Option<String>,
    /// Where the text not yet copied into `owned` starts.
    from: usize,
}

impl Decoded {
    fn new(from: usize) -> Self {
        Decoded { owned: None, from }
    }

    /// Copies the text up to `to`, where an escape starts, and appends what it stands for;
    /// copying resumes at the cursor, which is past the escape.
    fn escaped(&mut self, s: &Scanner<'_>, to: usize, value: Option<char>) {
        let owned = self.owned.get_or_insert_with(String::new);
        owned.push_str(s.slice(self.from..to));
        owned.extend(value);
        self.from = s.at();
    }

    /// The value, which ends at `to`.
    fn finish<'i>(self, s: &Scanner<'i>, to: usize) -> Cow<'i, str> {
        let rest = s.slice(self.from..to);
        match self.owned {
            None => Cow::Borrowed(rest),
            Some(mut owned) => {
                owned.push_str(rest);
                Cow::Owned(owned)
            }
        }
    }
}

/// `"..."`.
fn basic<'i>(s: &mut Scanner<'i>) -> Result<Cow<'i, str>, Malformed> {
    let open = s.at();
    s.advance(1);
    let mut decoded = Decoded::new(s.at());
    loop {
        let at = s.at();
        match s.peek() {
            Some(b'"') => {
                s.advance(1);
                return Ok(decoded.finish(s, at));
            }
            Some(b'\\') => {
                let value = escape(s)?;
                decoded.escaped(s, at, Some(value));
            }
            _ => line_content(s, open, "\"")?,
        }
    }
}

/// `'...'`: no escapes.
fn literal<'i>(s: &mut Scanner<'i>) -> Result<Cow<'i, str>, Malformed> {
    let open = s.at();
    s.advance(1);
    let start = s.at();
    loop {
        match s.peek() {
            Some(b'\'') => {
                let value = s.slice(start..s.at());
                s.advance(1);
                return Ok(Cow::Borrowed(value));
            }
            _ => line_content(s, open, "'")?,
        }
    }
}

/// `"""..."""`.
fn multi_line_basic<'i>(s: &mut Scanner<'i>) -> Result<Cow<'i, str>, Malformed> {
    let open = s.at();
    s.advance(3);
    s.newline()?;
    let mut decoded = Decoded::new(s.at());
    loop {
        let at = s.at();
        match s.peek() {
            Some(b'"') => {
                if let Some(end) = closing(s, b'"') {
                    return Ok(decoded.finish(s, end));
                }
            }
            Some(b'\\') if matches!(s.peek_nth(1), Some(b' ' | b'\t' | b'\r' | b'\n')) => {
                line_ending_backslash(s)?;
                decoded.escaped(s, at, None);
            }
            Some(b'\\') => {
                let value = escape(s)?;
                decoded.escaped(s, at, Some(value));
            }
            None => return Err(unclosed(s, open, "\"\"\"")),
            Some(_) => content(s)?,
        }
    }
}

/// `'''...'''`: no escapes.
fn multi_line_literal<'i>(s: &mut Scanner<'i>) -> Result<Cow<'i, str>, Malformed> {
    let open = s.at();
    s.advance(3);
    s.newline()?;
    let start = s.at();
    loop {
        match s.peek() {
            Some(b'\'') => {
                if let Some(end) = closing(s, b'\'') {
                    return Ok(Cow::Borrowed(s.slice(start..end)));
                }
            }
            None => return Err(unclosed(s, open, "'''")),
            Some(_) => content(s)?,
        }
    }
}

/// At a quote in a multi-line string: moves past the quotes there. When they close the string
/// (three or more: up to two before the closing three belong to the string), returns where the
/// string's value ends.
fn closing(s: &mut Scanner<'_>, quote: u8) -> Option<usize> {
    let quotes = s.run_of(quote);
    if quotes < 3 {
        s.advance(quotes);
        return None;
    }
    let in_value = (quotes - 3).min(2);
    let end = s.at() + in_value;
    s.advance(in_value + 3);
    Some(end)
}

/// Moves past one byte of a one-line string's text (opened at `open` with `quote`); the end
/// of the line or of the document leaves it unclosed, and control characters are refused.
fn line_content(s: &mut Scanner<'_>, open: usize, quote: &str) -> Result<(), Malformed> {
    match s.peek() {
        None | Some(b'\n') => Err(unclosed(s, open, quote)),
        Some(b'\r') if s.peek_nth(1) == Some(b'\n') => Err(unclosed(s, open, quote)),
        Some(byte) if is_control(byte) => Err(s.control_character("a string")),
        Some(_) => {
            s.advance(1);
            Ok(())
        }
    }
}

/// Moves past one byte of a multi-line string's text, or a newline; refuses control
/// characters and a carriage return alone.
fn content(s: &mut Scanner<'_>) -> Result<(), Malformed> {
    match s.peek() {
        Some(b'\n' | b'\r') => {
            s.newline()?;
        }
        Some(byte) if is_control(byte) => return Err(s.control_character("a string")),
        _ => s.advance(1),
    }
    Ok(())
}

/// `\` at the end of a line of a multi-line basic string (whitespace may come between): moves
/// past it and all the whitespace and newlines after it.
fn line_ending_backslash(s: &mut Scanner<'_>) -> Result<(), Malformed> {
    s.advance(1);
    s.spaces();
    if !s.newline()? {
        return Err(s.error(
            "invalid line-ending backslash, expected only whitespace after `\\` on its line",
        ));
    }
    loop {
        s.spaces();
        if !s.newline()? {
            return Ok(());
        }
    }
}

/// The escape at the cursor (a backslash), decoded; the cursor moves past it.
fn escape(s: &mut Scanner<'_>) -> Result<char, Malformed> {
    let start = s.at();
    let Some(code) = s.peek_nth(1) else {
        return Err(s.error("unfinished escape sequence at the end of the document"));
    };
    s.advance(2);
    let value = match code {
        b'b' => '\u{8}',
        b't' => '\t',
        b'n' => '\n',
        b'f' => '\u{c}',
        b'r' => '\r',
        b'e' => '\u{1b}',
        b'"' => '"',
        b'\\' => '\\',
        b'x' => return hex_escape(s, start, 2),
        b'u' => return hex_escape(s, start, 4),
        b'U' => return hex_escape(s, start, 8),
        _ => {
            return Err(s.error_at(
                "invalid escape sequence, expected `\\b`, `\\t`, `\\n`, `\\f`, `\\r`, `\\e`, \
                 `\\\"`, `\\\\`, `\\xHH`, `\\uHHHH` or `\\UHHHHHHHH`",
                start..s.at(),
            ));
        }
    };
    Ok(value)
}

/// The `digits` hex digits of `\x`, `\u` or `\U` (the escape starts at `start`) as a character.
fn hex_escape(s: &mut Scanner<'_>, start: usize, digits: usize) -> Result<char, Malformed> {
    let hex = s.slice(s.at()..s.at().saturating_add(digits));
    // Checked first: `from_str_radix` would also take a sign.
    let is_hex = hex.len() == digits && hex.bytes().all(|b| b.is_ascii_hexdigit());
    let code = is_hex.then(|| u32::from_str_radix(hex, 16).ok()).flatten();
    s.advance(hex.len());
    let span = start..s.at();
    match code.map(char::from_u32) {
        Some(Some(value)) => Ok(value),
        Some(None) => Err(s.error_at(
            format!("invalid escape sequence, U+{hex} is not a Unicode scalar value"),
            span,
        )),
        None => Err(s.error_at(
            format!("invalid escape sequence, expected {digits} hexadecimal digits"),
            span,
        )),
    }
}

/// The error for a string that opened at `open` and never closed.
fn unclosed(s: &Scanner<'_>, open: usize, quote: &str) -> Malformed {
    let kind = if quote.len() == 3 {
        "multi-line string"
    } else {
        "string"
    };
    s.error_at(format!("unclosed {kind}, expected `{quote}`"), open..s.at())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of the string `text` starts with, and what follows it.
    fn decode(text: &str) -> Result<(Cow<'_, str>, &str), String> {
        let mut s = Scanner::new(text);
        let value = string(&mut s).map_err(|e| e.message)?;
        Ok((value, s.slice(s.at()..text.len())))
    }

    #[test]
    fn every_escape() {
        let (value, rest) = decode(r#""\b\t\n\f\r\e\"\\\x41\xe9\u00E9\U0001F600" x"#).unwrap();
        assert_eq!(value, "\u{8}\t\n\u{c}\r\u{1b}\"\\A\u{e9}\u{e9}\u{1f600}");
        assert_eq!(rest, " x");
    }

    #[test]
    fn bad_escapes_are_refused() {
        for bad in [
            r#""\q""#,
            r#""\ ""#,
            r#""\x4""#,
            r#""\xG0""#,
            r#""\u12""#,
            r#""\u+041""#,
            r#""\uD800""#,
            r#""\U00110000""#,
            r#""\u{41}""#,
            "\"\\",
        ] {
            assert!(decode(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn values_are_borrowed_unless_escaped() {
        assert!(matches!(
            decode("\"plain\"").unwrap().0,
            Cow::Borrowed("plain")
        ));
        assert!(matches!(decode("'a\\b'").unwrap().0, Cow::Borrowed("a\\b")));
        assert!(matches!(decode("\"a\\tb\"").unwrap().0, Cow::Owned(_)));
    }

    #[test]
    fn multi_line_strings_trim_the_first_newline_and_keep_the_others() {
        assert_eq!(decode("\"\"\"\nab\r\nc\"\"\"").unwrap().0, "ab\r\nc");
        assert_eq!(decode("\"\"\"\r\n\nab\"\"\"").unwrap().0, "\nab");
        assert_eq!(decode("'''\nab\r\nc'''").unwrap().0, "ab\r\nc");
        assert_eq!(decode("'''\\n'''").unwrap().0, "\\n");
    }

    #[test]
    fn quotes_close_a_multi_line_string_by_the_last_three_of_up_to_five() {
        assert_eq!(decode("\"\"\"a\"b\"\"c\"\"\"").unwrap().0, "a\"b\"\"c");
        assert_eq!(decode("\"\"\"a\"\"\"\"").unwrap().0, "a\"");
        assert_eq!(decode("\"\"\"a\"\"\"\"\"").unwrap().0, "a\"\"");
        assert_eq!(
            decode("\"\"\"a\"\"\"\"\"\"").unwrap(),
            ("a\"\"".into(), "\"")
        );
        assert_eq!(decode("'''''a'''").unwrap().0, "''a");
        assert_eq!(decode("\"\"\"\"\"\"").unwrap().0, "");
        assert_eq!(decode("\"\"\"a\\\"\"\"\"").unwrap().0, "a\"");
    }

    #[test]
    fn line_ending_backslashes_remove_the_newline_and_following_whitespace() {
        let text = "\"\"\"one \\  \n\n   \t two \\\r\n three\\\n\"\"\"";
        assert_eq!(decode(text).unwrap().0, "one two three");
        assert!(decode("\"\"\"a \\ b\"\"\"").is_err());
        assert!(decode("\"\"\"a \\\r b\"\"\"").is_err());
    }

    #[test]
    fn control_characters_and_lone_carriage_returns_are_refused() {
        for bad in [
            "\"a\u{0}\"",
            "\"a\u{7f}\"",
            "'a\u{1f}'",
            "\"\"\"a\u{1b}\"\"\"",
            "'''a\u{7f}'''",
            "\"\"\"a\rb\"\"\"",
            "'''a\rb'''",
            "\"a\rb\"",
        ] {
            assert!(decode(bad).is_err(), "{bad:?}");
        }
        assert_eq!(decode("\"a\tb\"").unwrap().0, "a\tb");
        assert_eq!(decode("'''a\tb'''").unwrap().0, "a\tb");
    }

    #[test]
    fn single_line_strings_end_at_their_line() {
        for bad in ["\"a\nb\"", "'a\r\nb'", "\"a", "'a", "\"\"\"a\"\"", "'''a''"] {
            let error = decode(bad).unwrap_err();
            assert!(error.starts_with("unclosed"), "{bad:?}: {error}");
        }
    }

    #[test]
    fn keys_are_single_line_strings() {
        let mut s = Scanner::new("\"\"\"a\"\"\"");
        assert!(quoted_key(&mut s).is_err());
        let mut s = Scanner::new("'a b'");
        assert_eq!(quoted_key(&mut s).unwrap(), "a b");
    }
}
