//! A TOML document as the manifest reader needs it: tables, lists and strings, each with the
//! byte range it is written at, so that every problem can be reported at its line.
//!
//! Lexing, grammar and the decoding of strings, numbers and dates are `toml_parser`'s, the
//! parser the `toml` crate (and so Cargo) is built on. This module adds what TOML says about
//! tables: headers, dotted keys, arrays of tables, and that nothing is defined twice. It stands
//! in for `toml`'s deserialiser because the proc macros compile this crate on every user's
//! clean build, and that deserialiser (with `toml_datetime` and `serde_spanned`) costs about
//! 0.6 s of CPU there; the tests check that both read every document alike.

use std::borrow::Cow;
use std::ops::Range;

use toml_parser::decoder::ScalarKind;
use toml_parser::parser::{Event, EventKind, RecursionGuard, ValidateWhitespace, parse_document};
use toml_parser::{Expected, ParseError, Source};

/// A value and the bytes it is written at.
#[derive(Debug)]
pub struct Item<'i> {
    /// The value.
    pub value: Value<'i>,
    /// Where it is written: a scalar, list or inline table as a whole, a table's header, or the
    /// key that first made a table exist.
    pub span: Range<usize>,
}

/// A TOML value. Scalars other than strings keep only their type: the manifest reader names
/// them in errors and reads nothing else from them.
#[derive(Debug)]
pub enum Value<'i> {
    /// A string of any of the four kinds, decoded.
    String(Cow<'i, str>),
    /// An integer in any radix.
    Integer,
    /// A float, `inf` and `nan` included.
    Float,
    /// `true` or `false`.
    Boolean,
    /// An offset or local date-time, date or time.
    Datetime,
    /// A list, or an array of tables.
    Array(Array<'i>),
    /// A table.
    Table(Table<'i>),
}

impl Value<'_> {
    /// The type, as errors name it: "a string", "a list", ...
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Integer => "an integer",
            Value::Float => "a float",
            Value::Boolean => "a boolean",
            Value::Datetime => "a date-time",
            Value::Array(_) => "a list",
            Value::Table(_) => "a table",
        }
    }
}

/// A list, `[...]`, or an array of tables, `[[...]]`.
#[derive(Debug)]
pub struct Array<'i> {
    /// The elements, in the order written.
    pub items: Vec<Item<'i>>,
    /// Whether `[[...]]` headers made it, so that another one may extend it.
    of_tables: bool,
}

/// A table, with its entries in the order written.
#[derive(Debug)]
pub struct Table<'i> {
    entries: Vec<Entry<'i>>,
    defined: Defined,
}

/// One `key = value` of a table.
#[derive(Debug)]
pub struct Entry<'i> {
    /// The decoded key.
    pub key: Cow<'i, str>,
    /// Where the key is written.
    pub key_span: Range<usize>,
    /// Its value.
    pub item: Item<'i>,
}

/// How a table came to exist, which decides what may still add to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Defined {
    /// As a prefix of a header or a dotted key (`a` in `[a.b]`): a header may still define it.
    Implicit,
    /// By its own `[header]` (or `[[header]]` element).
    Header,
    /// By dotted keys (`a.b = 1` defines `a`): more dotted keys may add to it.
    Dotted,
    /// Written inline, `{ ... }`: closed.
    Inline,
}

impl<'i> Table<'i> {
    fn new(defined: Defined) -> Self {
        Table {
            entries: Vec::new(),
            defined,
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Item<'i>> {
        self.entries.iter().find(|e| e.key == key).map(|e| &e.item)
    }

    /// The entries, in the order written.
    pub fn entries(&self) -> impl Iterator<Item = &Entry<'i>> {
        self.entries.iter()
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Item<'i>> {
        self.entries
            .iter_mut()
            .find(|e| e.key == key)
            .map(|e| &mut e.item)
    }

    fn insert(&mut self, key: Key<'i>, item: Item<'i>) {
        self.entries.push(Entry {
            key: key.name,
            key_span: key.span,
            item,
        });
    }

    /// The value of `key`, after adding an empty table (made `defined` so) if there is none:
    /// how headers and dotted keys walk their path.
    fn value_or_table(&mut self, key: &Key<'i>, defined: Defined) -> &mut Value<'i> {
        let at = match self.entries.iter().position(|e| e.key == key.name) {
            Some(at) => at,
            None => {
                let table = Item {
                    value: Value::Table(Table::new(defined)),
                    span: key.span.clone(),
                };
                self.insert(clone_key(key), table);
                self.entries.len() - 1
            }
        };
        // no panic: `at` is the position of an entry, found or just pushed
        &mut self.entries[at].item.value
    }
}

/// Why a text is not a TOML document, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    /// What is wrong, e.g. "unclosed table, expected `]`".
    pub message: String,
    /// The bytes it is about.
    pub span: Range<usize>,
}

/// Parses a TOML document into its root table (spanning the whole text).
pub fn parse(text: &str) -> Result<Item<'_>, Malformed> {
    let source = Source::new(text);
    let tokens: Vec<_> = source.lex().collect();
    let mut events: Vec<Event> = Vec::new();
    let mut errors: Vec<ParseError> = Vec::new();
    {
        // Comments and newlines are checked as TOML requires (no control characters, no lone
        // carriage return), and nesting is bounded, so that the walk below cannot overflow
        // the stack on hostile input.
        let mut validated = ValidateWhitespace::new(&mut events, source);
        let mut guarded = RecursionGuard::new(&mut validated, MAX_DEPTH);
        parse_document(&tokens, &mut guarded, &mut errors);
    }
    if let Some(error) = errors.first() {
        return Err(malformed(error, text.len()));
    }
    events.retain(|e| {
        !matches!(
            e.kind(),
            EventKind::Whitespace | EventKind::Comment | EventKind::Newline
        )
    });
    let mut builder = Builder {
        source,
        events,
        at: 0,
        errors,
    };
    let root = builder.document();
    match (root, builder.errors.first()) {
        (_, Some(error)) => Err(malformed(error, text.len())),
        (Err(e), None) => Err(e),
        (Ok(root), None) => Ok(Item {
            value: Value::Table(root),
            span: 0..text.len(),
        }),
    }
}

/// How deeply lists and inline tables may nest, as in the `toml` crate.
const MAX_DEPTH: u32 = 80;

/// A decoded key and where it is written.
struct Key<'i> {
    name: Cow<'i, str>,
    span: Range<usize>,
}

/// Walks the parser's events, building the tree.
struct Builder<'i> {
    source: Source<'i>,
    /// The events, without whitespace, comments and newlines.
    events: Vec<Event>,
    at: usize,
    errors: Vec<ParseError>,
}

impl<'i> Builder<'i> {
    fn next(&mut self) -> Option<Event> {
        let event = self.events.get(self.at).copied();
        self.at += 1;
        event
    }

    fn peek(&self) -> Option<EventKind> {
        self.events.get(self.at).map(Event::kind)
    }

    fn document(&mut self) -> Result<Table<'i>, Malformed> {
        let mut root = Table::new(Defined::Header);
        // The path of the last header, which names the table key-values go to.
        let mut current: Vec<Key<'i>> = Vec::new();
        while let Some(event) = self.next() {
            match event.kind() {
                EventKind::StdTableOpen => {
                    let (path, span) = self.header(event, EventKind::StdTableClose);
                    define_table(&mut root, &path, span)?;
                    current = path;
                }
                EventKind::ArrayTableOpen => {
                    let (path, span) = self.header(event, EventKind::ArrayTableClose);
                    push_array_table(&mut root, &path, span)?;
                    current = path;
                }
                EventKind::SimpleKey => {
                    let table = open_table(&mut root, &current)?;
                    self.key_value(event, table)?;
                }
                // The parser reported it; the error is returned after the walk.
                _ => {}
            }
        }
        Ok(root)
    }

    /// `[a.b]` or `[[a.b]]`, after its opening event: the path and the header's span.
    fn header(&mut self, open: Event, close: EventKind) -> (Vec<Key<'i>>, Range<usize>) {
        let mut path = Vec::new();
        let mut end = open.span().end();
        while let Some(event) = self.next() {
            end = event.span().end();
            match event.kind() {
                EventKind::SimpleKey => path.push(self.key(event)),
                kind if kind == close => break,
                _ => {}
            }
        }
        (path, open.span().start()..end)
    }

    /// `a.b = value`, from its first key, into `table`.
    fn key_value(&mut self, first: Event, table: &mut Table<'i>) -> Result<(), Malformed> {
        let mut path = vec![self.key(first)];
        while let Some(event) = self.next() {
            match event.kind() {
                EventKind::SimpleKey => path.push(self.key(event)),
                EventKind::KeyValSep => break,
                _ => {}
            }
        }
        let value = self.value()?;
        insert_dotted(table, path, value)
    }

    /// The value after `=` or in a list.
    fn value(&mut self) -> Result<Item<'i>, Malformed> {
        let Some(event) = self.next() else {
            return Ok(self.invalid(self.source.input().len()));
        };
        let start = event.span().start();
        match event.kind() {
            EventKind::Scalar => Ok(self.scalar(event)),
            EventKind::ArrayOpen => {
                let mut items = Vec::new();
                let end = loop {
                    match self.peek() {
                        Some(EventKind::ArrayClose) | None => break self.close(start),
                        Some(EventKind::ValueSep) => self.at += 1,
                        Some(_) => items.push(self.value()?),
                    }
                };
                Ok(Item {
                    value: Value::Array(Array {
                        items,
                        of_tables: false,
                    }),
                    span: start..end,
                })
            }
            EventKind::InlineTableOpen => {
                let mut table = Table::new(Defined::Inline);
                let end = loop {
                    match self.peek() {
                        Some(EventKind::InlineTableClose) | None => break self.close(start),
                        Some(EventKind::SimpleKey) => {
                            let Some(first) = self.next() else { continue };
                            self.key_value(first, &mut table)?;
                        }
                        Some(_) => self.at += 1,
                    }
                };
                Ok(Item {
                    value: Value::Table(table),
                    span: start..end,
                })
            }
            // Only after an error the parser reported, which `parse` returns.
            _ => Ok(self.invalid(start)),
        }
    }

    /// Consumes a closing `]` or `}`, if there is one, and returns where the value ends.
    fn close(&mut self, start: usize) -> usize {
        match self.next() {
            Some(event) => event.span().end(),
            None => start,
        }
    }

    /// A stand-in for a value the parser reported as missing or invalid.
    fn invalid(&self, at: usize) -> Item<'i> {
        Item {
            value: Value::Integer,
            span: at..at,
        }
    }

    fn scalar(&mut self, event: Event) -> Item<'i> {
        let span = event.span().start()..event.span().end();
        // Indexing by the event, not its span, keeps the string's encoding for decoding.
        let Some(raw) = self.source.get(event) else {
            return self.invalid(span.start);
        };
        let mut decoded: Cow<'i, str> = Cow::Borrowed("");
        let value = match raw.decode_scalar(&mut decoded, &mut self.errors) {
            ScalarKind::String => Value::String(decoded),
            ScalarKind::Boolean(_) => Value::Boolean,
            ScalarKind::DateTime => Value::Datetime,
            ScalarKind::Float => Value::Float,
            ScalarKind::Integer(_) => Value::Integer,
        };
        Item { value, span }
    }

    fn key(&mut self, event: Event) -> Key<'i> {
        let span = event.span().start()..event.span().end();
        let mut name: Cow<'i, str> = Cow::Borrowed("");
        if let Some(raw) = self.source.get(event) {
            raw.decode_key(&mut name, &mut self.errors);
        }
        Key { name, span }
    }
}

/// `[path]`: defines the table, creating the tables before it as needed.
fn define_table<'i>(
    root: &mut Table<'i>,
    path: &[Key<'i>],
    span: Range<usize>,
) -> Result<(), Malformed> {
    let Some((parent, last)) = header_parent(root, path)? else {
        return Ok(());
    };
    match parent.get_mut(&last.name) {
        None => {
            parent.insert(
                clone_key(last),
                Item {
                    value: Value::Table(Table::new(Defined::Header)),
                    span,
                },
            );
            Ok(())
        }
        Some(Item {
            value: Value::Table(table),
            span: at,
        }) if table.defined == Defined::Implicit => {
            table.defined = Defined::Header;
            *at = span;
            Ok(())
        }
        Some(_) => Err(Malformed {
            message: format!("table `{}` is defined more than once", dotted(path)),
            span,
        }),
    }
}

/// `[[path]]`: adds a table to the array of tables, creating it and the tables before it as
/// needed.
fn push_array_table<'i>(
    root: &mut Table<'i>,
    path: &[Key<'i>],
    span: Range<usize>,
) -> Result<(), Malformed> {
    let Some((parent, last)) = header_parent(root, path)? else {
        return Ok(());
    };
    let element = Item {
        value: Value::Table(Table::new(Defined::Header)),
        span: span.clone(),
    };
    match parent.get_mut(&last.name) {
        None => {
            parent.insert(
                clone_key(last),
                Item {
                    value: Value::Array(Array {
                        items: vec![element],
                        of_tables: true,
                    }),
                    span,
                },
            );
            Ok(())
        }
        Some(Item {
            value: Value::Array(array),
            ..
        }) if array.of_tables => {
            array.items.push(element);
            Ok(())
        }
        Some(_) => Err(Malformed {
            message: format!(
                "`{}` is already defined and is not an array of tables",
                dotted(path)
            ),
            span,
        }),
    }
}

/// The table a header's last key goes in, and that key; `None` for an empty path, which the
/// parser has reported.
fn header_parent<'t, 'p, 'i>(
    root: &'t mut Table<'i>,
    path: &'p [Key<'i>],
) -> Result<Option<(&'t mut Table<'i>, &'p Key<'i>)>, Malformed> {
    let Some((last, parents)) = path.split_last() else {
        return Ok(None);
    };
    Ok(Some((open_table(root, parents)?, last)))
}

/// The table a header path names, for key-values: through the last element of arrays of
/// tables, creating implicit tables on the way.
fn open_table<'t, 'i>(
    root: &'t mut Table<'i>,
    path: &[Key<'i>],
) -> Result<&'t mut Table<'i>, Malformed> {
    let mut table = root;
    for (depth, key) in path.iter().enumerate() {
        table = match table.value_or_table(key, Defined::Implicit) {
            Value::Table(t) if t.defined != Defined::Inline => t,
            Value::Array(array) if array.of_tables => match array.items.last_mut() {
                Some(Item {
                    value: Value::Table(t),
                    ..
                }) => t,
                _ => return Err(not_a_table(path.get(..=depth).unwrap_or(path), key)),
            },
            _ => return Err(not_a_table(path.get(..=depth).unwrap_or(path), key)),
        };
    }
    Ok(table)
}

/// `a.b.c = value` in `table`: `a` and `b` are tables the dotted key defines or extends (an
/// array of tables through its last element), and `c` must be new. As in the `toml` crate,
/// dotted keys may not add to a table a header defined.
fn insert_dotted<'i>(
    table: &mut Table<'i>,
    mut path: Vec<Key<'i>>,
    value: Item<'i>,
) -> Result<(), Malformed> {
    let Some(last) = path.pop() else {
        return Ok(());
    };
    let mut table = table;
    for key in &path {
        table = match table.value_or_table(key, Defined::Dotted) {
            Value::Table(t) => match t.defined {
                Defined::Header => return Err(duplicate(key)),
                Defined::Inline => return Err(not_extendable(key)),
                Defined::Implicit | Defined::Dotted => {
                    // A header may no longer define it.
                    t.defined = Defined::Dotted;
                    t
                }
            },
            Value::Array(array) if array.of_tables => match array.items.last_mut() {
                Some(Item {
                    value: Value::Table(t),
                    ..
                }) => t,
                _ => return Err(not_extendable(key)),
            },
            _ => return Err(not_extendable(key)),
        };
    }
    let redefines =
        !path.is_empty() && !matches!(table.defined, Defined::Implicit | Defined::Dotted);
    if redefines || table.get(&last.name).is_some() {
        return Err(duplicate(&last));
    }
    table.insert(last, value);
    Ok(())
}

fn duplicate(key: &Key<'_>) -> Malformed {
    Malformed {
        message: format!("duplicate key `{}`", key.name),
        span: key.span.clone(),
    }
}

fn not_extendable(key: &Key<'_>) -> Malformed {
    Malformed {
        message: format!("cannot extend `{}` with a dotted key", key.name),
        span: key.span.clone(),
    }
}

fn not_a_table(path: &[Key<'_>], key: &Key<'_>) -> Malformed {
    Malformed {
        message: format!("`{}` is not a table that can be extended", dotted(path)),
        span: key.span.clone(),
    }
}

fn clone_key<'i>(key: &Key<'i>) -> Key<'i> {
    Key {
        name: key.name.clone(),
        span: key.span.clone(),
    }
}

fn dotted(path: &[Key<'_>]) -> String {
    let names: Vec<&str> = path.iter().map(|k| k.name.as_ref()).collect();
    names.join(".")
}

/// The parser's error as one line: "unclosed table, expected `]`".
fn malformed(error: &ParseError, len: usize) -> Malformed {
    let mut message = error.description().to_owned();
    if let Some(expected) = error.expected().filter(|e| !e.is_empty()) {
        let expected: Vec<String> = expected
            .iter()
            .map(|e| match e {
                Expected::Literal(literal) => format!("`{}`", literal.escape_debug()),
                Expected::Description(description) => (*description).to_owned(),
                _ => "something else".to_owned(),
            })
            .collect();
        message.push_str(", expected ");
        message.push_str(&expected.join(", "));
    }
    let span = error
        .unexpected()
        .or(error.context())
        .map_or(len..len, |s| s.start()..s.end());
    Malformed { message, span }
}

#[cfg(test)]
mod tests;
