//! A TOML document as the manifest reader needs it: tables, lists and strings, each with the
//! byte range it is written at, so that every problem can be reported at its line.
//!
//! The lexer and parser are written here, not taken from `toml_parser` (the parser the `toml`
//! crate and so Cargo are built on), for build cost: the proc macros compile this crate on every
//! user's clean build, and `toml_parser` with `winnow` under it held up the rest of that build.
//! `benches/macro-build.sh` measures the build against its budget. The grammar is TOML 1.1 as
//! the `toml` crate reads it, and the tests hold the two to the same documents, trees and
//! positions (and name the one place they part: numbers `toml`'s parser lets through and its
//! deserialiser refuses).
//!
//! `scanner` is the text between tokens, `string` the four kinds of string, `scalar` and
//! `datetime` the unquoted values, `parser` the grammar. This module adds what TOML says about
//! tables: headers, dotted keys, arrays of tables, and that nothing is defined twice.

use std::borrow::Cow;
use std::ops::Range;

mod datetime;
mod parser;
mod scalar;
mod scanner;
mod string;

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
    let root = parser::document(text)?;
    Ok(Item {
        value: Value::Table(root),
        span: 0..text.len(),
    })
}

/// How deeply arrays and inline tables may nest, and how many parts a dotted key may have, as
/// in the `toml` crate: the parser recurses into values, so this bounds its stack on hostile
/// input.
const MAX_DEPTH: usize = 80;

/// A decoded key and where it is written.
struct Key<'i> {
    name: Cow<'i, str>,
    span: Range<usize>,
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

/// The table a header's last key goes in, and that key; `None` for an empty path (which the
/// parser does not make).
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

#[cfg(test)]
mod tests;
