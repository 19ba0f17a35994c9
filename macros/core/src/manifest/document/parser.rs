//! The grammar of a document: lines of key-values and table headers; keys, bare, quoted and
//! dotted; values, with arrays and inline tables nested at most `MAX_DEPTH` deep. The tree is
//! built as it is read, by the table rules in `document`.

use std::borrow::Cow;
use std::ops::Range;

use super::scanner::Scanner;
use super::{
    Array, Defined, Item, Key, MAX_DEPTH, Malformed, Table, Value, datetime, define_table,
    insert_dotted, open_table, push_array_table, scalar, string,
};

/// The root table of the document `text`.
pub(super) fn document(text: &str) -> Result<Table<'_>, Malformed> {
    let mut s = Scanner::new(text);
    let mut root = Table::new(Defined::Header);
    // The path of the last header, which names the table key-values go to.
    let mut current: Vec<Key<'_>> = Vec::new();
    loop {
        s.blank()?;
        match s.peek() {
            None => return Ok(root),
            Some(b'[') => {
                let header = header(&mut s)?;
                s.end_of_line("a table header")?;
                if header.array {
                    push_array_table(&mut root, &header.path, header.span)?;
                } else {
                    define_table(&mut root, &header.path, header.span)?;
                }
                current = header.path;
            }
            Some(_) => {
                let (path, item) = key_value(&mut s, Layout::Line, 0)?;
                s.end_of_line("a value")?;
                insert_dotted(open_table(&mut root, &current)?, path, item)?;
            }
        }
    }
}

/// `[a.b]` or `[[a.b]]`.
struct Header<'i> {
    path: Vec<Key<'i>>,
    /// Whether it is `[[...]]`, an element of an array of tables.
    array: bool,
    /// From the first bracket to the last.
    span: Range<usize>,
}

/// The header at the cursor (at its `[`).
fn header<'i>(s: &mut Scanner<'i>) -> Result<Header<'i>, Malformed> {
    let start = s.at();
    let array = s.starts_with("[[");
    let (open, close, what) = if array {
        (2, "]]", "array of tables")
    } else {
        (1, "]", "table")
    };
    s.advance(open);
    s.spaces();
    let path = dotted_key(s)?;
    if !s.starts_with(close) {
        return Err(s.error(format!("unclosed {what}, expected `{close}`")));
    }
    s.advance(close.len());
    Ok(Header {
        path,
        array,
        span: start..s.at(),
    })
}

/// Where a key-value is written, which decides where it may break lines.
#[derive(Clone, Copy)]
enum Layout {
    /// On a line of its own: all on that line.
    Line,
    /// In an inline table, which (as the `toml` crate reads them) may have newlines and comments
    /// around the `=` as well as around its commas.
    Inline,
}

/// `a.b = value`, at `depth` in arrays and inline tables.
fn key_value<'i>(
    s: &mut Scanner<'i>,
    layout: Layout,
    depth: usize,
) -> Result<(Vec<Key<'i>>, Item<'i>), Malformed> {
    let path = dotted_key(s)?;
    gap(s, layout)?;
    if !s.eat(b'=') {
        return Err(missing_equals(s));
    }
    gap(s, layout)?;
    let item = value(s, depth)?;
    Ok((path, item))
}

/// The whitespace around a key-value's `=`.
fn gap(s: &mut Scanner<'_>, layout: Layout) -> Result<(), Malformed> {
    match layout {
        Layout::Line => {
            s.spaces();
            Ok(())
        }
        Layout::Inline => s.blank(),
    }
}

/// The error for a key that no `=` follows.
fn missing_equals(s: &Scanner<'_>) -> Malformed {
    match s.peek() {
        None | Some(b'\r' | b'\n' | b'#') => s.error("key without a value, expected `=`"),
        Some(_) => s.error("invalid character after a key, expected `.` or `=`"),
    }
}

/// A key, dotted or not (whitespace may surround its dots), and the whitespace after it. As
/// in the `toml` crate, it has at most `MAX_DEPTH` parts: each is a table to nest.
fn dotted_key<'i>(s: &mut Scanner<'i>) -> Result<Vec<Key<'i>>, Malformed> {
    let mut path = vec![simple_key(s)?];
    loop {
        s.spaces();
        if !s.eat(b'.') {
            return Ok(path);
        }
        if path.len() == MAX_DEPTH {
            return Err(s.error("dotted key too long, past the recursion limit"));
        }
        s.spaces();
        path.push(simple_key(s)?);
    }
}

/// One part of a key: bare (letters, digits, `-` and `_`) or a quoted string.
fn simple_key<'i>(s: &mut Scanner<'i>) -> Result<Key<'i>, Malformed> {
    let start = s.at();
    let name = match s.peek() {
        Some(b'"' | b'\'') => string::quoted_key(s)?,
        _ => {
            let length = s.run_while(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if length == 0 {
                return Err(
                    s.error("missing key, expected letters, digits, `-` and `_`, or a quoted key")
                );
            }
            s.advance(length);
            Cow::Borrowed(s.slice(start..s.at()))
        }
    };
    Ok(Key {
        name,
        span: start..s.at(),
    })
}

/// The value at the cursor, at `depth` in arrays and inline tables.
fn value<'i>(s: &mut Scanner<'i>, depth: usize) -> Result<Item<'i>, Malformed> {
    let start = s.at();
    match s.peek() {
        Some(b'"' | b'\'') => {
            let value = Value::String(string::string(s)?);
            Ok(Item {
                value,
                span: start..s.at(),
            })
        }
        Some(b'[') => array(s, depth),
        Some(b'{') => inline_table(s, depth),
        _ => unquoted(s),
    }
}

/// A boolean, number or date-time: the text up to a byte that ends values, and for a date,
/// a space and a time after it.
fn unquoted<'i>(s: &mut Scanner<'i>) -> Result<Item<'i>, Malformed> {
    let start = s.at();
    let mut length = s.run_while(in_unquoted);
    if length == 0 {
        return Err(s.error(
            "missing value, expected a string, number, boolean, date-time, array or inline table",
        ));
    }
    let date_then_time = s.peek_nth(length) == Some(b' ')
        && s.peek_nth(length + 1).is_some_and(|b| b.is_ascii_digit())
        && datetime::is_date(s.slice(start..start + length));
    if date_then_time {
        s.advance(length + 1);
        length = s.run_while(in_unquoted);
    }
    s.advance(length);
    let span = start..s.at();
    match scalar::unquoted(s.slice(span.clone())) {
        Ok(value) => Ok(Item { value, span }),
        Err(message) => Err(s.error_at(message, span)),
    }
}

/// Whether `byte` can be part of an unquoted value (or of a mistake that is taken for one).
fn in_unquoted(byte: u8) -> bool {
    !matches!(
        byte,
        b' ' | b'\t'
            | b'\r'
            | b'\n'
            | b'#'
            | b','
            | b'='
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'"'
            | b'\''
    )
}

/// `[a, b, ...]`, at the cursor (its `[`), inside `depth` arrays and inline tables.
fn array<'i>(s: &mut Scanner<'i>, depth: usize) -> Result<Item<'i>, Malformed> {
    let mut items = Vec::new();
    let span = delimited(s, depth, "array", b']', |s, depth| {
        items.push(value(s, depth)?);
        Ok(())
    })?;
    Ok(Item {
        value: Value::Array(Array {
            items,
            of_tables: false,
        }),
        span,
    })
}

/// `{ a = 1, b = 2 }`, at the cursor (its `{`), inside `depth` arrays and inline tables.
fn inline_table<'i>(s: &mut Scanner<'i>, depth: usize) -> Result<Item<'i>, Malformed> {
    let mut table = Table::new(Defined::Inline);
    let span = delimited(s, depth, "inline table", b'}', |s, depth| {
        let (path, item) = key_value(s, Layout::Inline, depth)?;
        insert_dotted(&mut table, path, item)
    })?;
    Ok(Item {
        value: Value::Table(table),
        span,
    })
}

/// The comma-separated elements of an array or inline table (`what`), from its opening
/// bracket at the cursor to `close`, each read by `element` one level deeper than `depth`;
/// blank lines and comments may come around them, and a comma after the last. Returns the
/// span from bracket to bracket.
fn delimited<'i>(
    s: &mut Scanner<'i>,
    depth: usize,
    what: &str,
    close: u8,
    mut element: impl FnMut(&mut Scanner<'i>, usize) -> Result<(), Malformed>,
) -> Result<Range<usize>, Malformed> {
    let start = s.at();
    let depth = nested(s, depth)?;
    s.advance(1);
    loop {
        s.blank()?;
        if s.eat(close) {
            break;
        }
        if s.peek().is_none() {
            return Err(unclosed(s, start, what, close));
        }
        element(s, depth)?;
        s.blank()?;
        if !s.eat(b',') {
            if s.eat(close) {
                break;
            }
            return Err(missing_comma(s, start, what, close));
        }
    }
    Ok(start..s.at())
}

/// The depth inside an array or inline table that opens at `depth`, if it is allowed.
fn nested(s: &Scanner<'_>, depth: usize) -> Result<usize, Malformed> {
    if depth >= MAX_DEPTH {
        return Err(s.error("arrays and inline tables nested too deeply, past the recursion limit"));
    }
    Ok(depth + 1)
}

/// The error for an array or inline table (opened at `open`) where a comma or its end should
/// come.
fn missing_comma(s: &Scanner<'_>, open: usize, what: &str, close: u8) -> Malformed {
    match s.peek() {
        None => unclosed(s, open, what, close),
        Some(_) => s.error(format!(
            "missing comma in {what}, expected `,` or `{}`",
            char::from(close)
        )),
    }
}

/// The error for an array or inline table that opened at `open` and never closed: it is about
/// where it opened, which is where to look.
fn unclosed(s: &Scanner<'_>, open: usize, what: &str, close: u8) -> Malformed {
    let close = char::from(close);
    s.error_at(format!("unclosed {what}, expected `{close}`"), open..s.at())
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    fn error(text: &str) -> (String, &str) {
        let error = parse(text).unwrap_err();
        let at = text.get(error.span.start..).unwrap_or_default();
        (error.message, at)
    }

    #[test]
    fn errors_say_what_was_expected_where() {
        let cases = [
            ("[a\nb = 1\n", "unclosed table, expected `]`", "\nb = 1\n"),
            ("[[a]\n", "unclosed array of tables, expected `]]`", "]\n"),
            ("a\n", "key without a value, expected `=`", "\n"),
            (
                "a b = 1\n",
                "invalid character after a key, expected `.` or `=`",
                "b = 1\n",
            ),
            ("= 1\n", "missing key", "= 1\n"),
            ("a = \n", "missing value", "\n"),
            ("a = 1 b\n", "unexpected text after a value", "b\n"),
            ("[a] b\n", "unexpected text after a table header", "b\n"),
            (
                "a = [1 2]\n",
                "missing comma in array, expected `,` or `]`",
                "2]\n",
            ),
            (
                "a = {b = 1 c = 2}\n",
                "missing comma in inline table",
                "c = 2}\n",
            ),
            ("a = [1,\n\n", "unclosed array, expected `]`", "[1,\n\n"),
            ("a = {\n", "unclosed inline table, expected `}`", "{\n"),
            ("a = \"b\n", "unclosed string, expected `\"`", "\"b\n"),
            (
                "a = '''b\n",
                "unclosed multi-line string, expected `'''`",
                "'''b\n",
            ),
            ("a = bee\n", "string values must be quoted", "bee\n"),
            ("a = 1979-02-30\n", "invalid date", "1979-02-30\n"),
        ];
        for (text, message, at) in cases {
            let (found, found_at) = error(text);
            assert!(found.starts_with(message), "{text:?}: {found}");
            assert_eq!(found_at, at, "{text:?}: {found}");
        }
    }

    #[test]
    fn a_date_and_a_time_may_be_separated_by_one_space() {
        let root =
            parse("a = 1979-05-27 07:32:00Z # c\nb = [1979-05-27 , 1979-05-27 07:32]").unwrap();
        let super::Value::Table(root) = &root.value else {
            panic!("a table")
        };
        assert_eq!(root.get("a").map(|a| a.span.clone()), Some(4..24));
        for text in [
            "a = 1979-05-27  07:32\n",
            "a = 1979-05-27\t07:32\n",
            "a = 1 2\n",
        ] {
            assert!(parse(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn inline_tables_may_break_lines_around_keys_and_values_but_not_in_dotted_keys() {
        for text in [
            "a = {\n  b = 1, # c\n  c\n  =\n  2,\n}\n",
            "a = { b = # c\n 1 }\n",
            "a = { b. c = 1, b .d = 2 }\n",
        ] {
            assert!(parse(text).is_ok(), "{text:?}");
        }
        for text in [
            "a = { b\n.c = 1 }\n",
            "a = { b.\nc = 1 }\n",
            "a =\n1\n",
            "a\n= 1\n",
        ] {
            assert!(parse(text).is_err(), "{text:?}");
        }
    }
}
