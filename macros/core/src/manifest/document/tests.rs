//! The document tree against the `toml` crate, the reference: both accept the same texts, and
//! read the same tables, lists, strings and positions from them.

use std::fs;
use std::num::IntErrorKind;
use std::ops::Range;
use std::path::Path;

use proptest::prelude::*;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Item, Table, Value, parse};

/// A tree both readers can be compared in: keys sorted, scalars by type, strings decoded, and
/// where every value and key is written.
#[derive(Debug, PartialEq)]
enum Norm {
    Table(Vec<Entry>),
    Array(Vec<(Range<usize>, Norm)>),
    Str(String),
    Scalar(&'static str),
}

/// A key, where it is written, where its value is written, and the value. The key's span is
/// left out for tables: the reader keeps the key that first made a table exist (`a` of `[a.b]`
/// before a later `[a]`), `toml` the last header's.
type Entry = (String, Option<Range<usize>>, Range<usize>, Norm);

fn ours(item: &Item<'_>) -> Norm {
    match &item.value {
        Value::String(s) => Norm::Str(s.to_string()),
        Value::Array(a) => Norm::Array(a.items.iter().map(|i| (i.span.clone(), ours(i))).collect()),
        Value::Table(t) => ours_table(t),
        other => Norm::Scalar(other.type_name()),
    }
}

fn ours_table(table: &Table<'_>) -> Norm {
    let mut entries: Vec<Entry> = table
        .entries()
        .map(|e| {
            let key_span = (!matches!(e.item.value, Value::Table(_))).then(|| e.key_span.clone());
            (
                e.key.to_string(),
                key_span,
                e.item.span.clone(),
                ours(&e.item),
            )
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Norm::Table(entries)
}

fn reference(value: &Spanned<DeValue<'_>>) -> Norm {
    match value.get_ref() {
        DeValue::String(s) => Norm::Str(s.to_string()),
        DeValue::Integer(_) => Norm::Scalar("an integer"),
        DeValue::Float(_) => Norm::Scalar("a float"),
        DeValue::Boolean(_) => Norm::Scalar("a boolean"),
        DeValue::Datetime(_) => Norm::Scalar("a date-time"),
        DeValue::Array(a) => Norm::Array(a.iter().map(|v| (v.span(), reference(v))).collect()),
        DeValue::Table(t) => reference_table(t),
    }
}

fn reference_table(table: &DeTable<'_>) -> Norm {
    let mut entries: Vec<Entry> = table
        .iter()
        .map(|(k, v)| {
            let key_span = (!matches!(v.get_ref(), DeValue::Table(_))).then(|| k.span());
            (k.get_ref().to_string(), key_span, v.span(), reference(v))
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Norm::Table(entries)
}

/// Whether `toml`'s parser read an integer at `span` whose digits are no integer: `0x` (no
/// digits) or `1_a` (a letter after an underscore). Its deserialiser refuses them, and so does
/// Cargo, in any manifest; the reader refuses them as it reads.
fn undeserialisable_integer(table: &DeTable<'_>, span: &Range<usize>) -> bool {
    fn check(value: &Spanned<DeValue<'_>>, span: &Range<usize>) -> bool {
        match value.get_ref() {
            DeValue::Integer(i) if value.span() == *span => {
                let parsed = i128::from_str_radix(i.as_str(), i.radix());
                parsed.is_err_and(|e| {
                    matches!(e.kind(), IntErrorKind::Empty | IntErrorKind::InvalidDigit)
                })
            }
            DeValue::Array(a) => a.iter().any(|v| check(v, span)),
            DeValue::Table(t) => t.values().any(|v| check(v, span)),
            _ => false,
        }
    }
    table.values().any(|v| check(v, span))
}

/// Both readers on one text: `Ok` with the common tree, or `Err` when both refuse it.
fn compare(text: &str) -> Result<Norm, String> {
    let expected = DeTable::parse(text);
    let actual = parse(text);
    match (expected, actual) {
        (Ok(expected), Ok(actual)) => {
            let (expected, actual) = (reference_table(expected.get_ref()), ours(&actual));
            assert_eq!(actual, expected, "{text:?}");
            Ok(actual)
        }
        (Err(expected), Err(actual)) => Err(format!("{} / {}", expected.message(), actual.message)),
        (Ok(expected), Err(actual))
            if undeserialisable_integer(expected.get_ref(), &actual.span) =>
        {
            Err(actual.message)
        }
        (Ok(_), Err(actual)) => panic!("refused valid TOML ({}):\n{text:?}", actual.message),
        (Err(expected), Ok(_)) => {
            panic!("accepted invalid TOML ({}):\n{text:?}", expected.message())
        }
    }
}

/// Each text read alike by both readers.
fn accepted(texts: &[&str]) {
    for text in texts {
        if let Err(e) = compare(text) {
            panic!("both refused {text:?}: {e}");
        }
    }
}

/// Each text refused by both readers.
fn refused(texts: &[&str]) {
    for text in texts {
        assert!(compare(text).is_err(), "{text:?}");
    }
}

#[test]
fn reads_what_manifests_are_written_with() {
    accepted(&[
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
    ]);
}

#[test]
fn refuses_what_toml_refuses() {
    refused(&[
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
    ]);
}

#[test]
fn basic_strings_and_their_escapes() {
    accepted(&[
        "a = \"\"\n",
        "a = \"\\b\\t\\n\\f\\r\\e\\\"\\\\\"\n",
        "a = \"\\x00\\x41\\x7f\\xff\\xE9\"\n",
        "a = \"\\u0000\\u00e9\\uD7FF\\uE000\\uFFFF\"\n",
        "a = \"\\U00000041\\U0001F600\\U0010FFFF\"\n",
        "a = \"tab\there, caf\u{e9} \u{1f600}\"\n",
        "a = \"# not a comment\" # a comment\n",
        "a = \"'single' quotes\"\n",
    ]);
    refused(&[
        "a = \"\\/\"\n",
        "a = \"\\ \"\n",
        "a = \"\\a\"\n",
        "a = \"\\x4\"\n",
        "a = \"\\xG0\"\n",
        "a = \"\\u12\"\n",
        "a = \"\\u{41}\"\n",
        "a = \"\\uD800\"\n",
        "a = \"\\uDFFF\"\n",
        "a = \"\\U00110000\"\n",
        "a = \"\\U0000004G\"\n",
        "a = \"\\\n\"\n",
        "a = \"a\nb\"\n",
        "a = \"a\r\nb\"\n",
        "a = \"a\rb\"\n",
        "a = \"\u{0}\"\n",
        "a = \"\u{1f}\"\n",
        "a = \"\u{7f}\"\n",
        "a = \"x\"y\n",
        "a = \"x\n",
        "a = \"x\\",
    ]);
}

#[test]
fn multi_line_strings() {
    accepted(&[
        "a = \"\"\"\"\"\"\n",
        "a = \"\"\"\n\"\"\"\n",
        "a = \"\"\"\r\nx\r\ny\"\"\"\n",
        "a = \"\"\"\n\nx\"\"\"\n",
        "a = \"\"\"one \"two\" \"\"three\"\" \"\"\"\n",
        "a = \"\"\"ends in a quote\"\"\"\"\n",
        "a = \"\"\"ends in two\"\"\"\"\"\n",
        "a = \"\"\"\"\"starts with two\"\"\"\n",
        "a = \"\"\"escaped \\\"\"\" inside\"\"\"\n",
        "a = \"\"\"\\b\\t\\e\\x41\\u00e9\\U0001F600\"\"\"\n",
        "a = \"\"\"\n  one \\\n  two \\  \t\n\n\n  three\\\r\n  four\"\"\"\n",
        "a = \"\"\"ends at the backslash\\\n\"\"\"\n",
        "a = \"\"\"\\\n\"\"\"\n",
        "a = \"\"\"tab\there\"\"\"\n",
        "a = '''\n'''\n",
        "a = '''\r\nC:\\path\\n no escapes'''\n",
        "a = '''one 'two' ''three'' '''\n",
        "a = '''ends in a quote''''\n",
        "a = '''ends in two'''''\n",
        "a = '''''starts with two'''\n",
        "a = '''\n[not.a.table]\nb = \"c\"\n'''\n",
        "a = [\"\"\"x\"\"\", '''y''']\n",
    ]);
    refused(&[
        "a = \"\"\"ends in three\"\"\"\"\"\"\n",
        "a = '''ends in three''''''\n",
        "a = ''''''x'''\n",
        "a = \"\"\"unclosed\n",
        "a = '''unclosed\n",
        "a = \"\"\"x\"\"\n",
        "a = \"\"\"\\ \"\"\"\n",
        "a = \"\"\"x \\ y\"\"\"\n",
        "a = \"\"\"x\\\r y\"\"\"\n",
        "a = \"\"\"x\ry\"\"\"\n",
        "a = '''x\ry'''\n",
        "a = \"\"\"\\q\"\"\"\n",
        "a = \"\"\"a\u{1}b\"\"\"\n",
        "a = '''a\u{7f}b'''\n",
        "a = '''a\u{0}b'''\n",
        "\"\"\"key\"\"\" = 1\n",
        "'''key''' = 1\n",
    ]);
}

#[test]
fn literal_strings() {
    accepted(&[
        "a = ''\n",
        "a = 'C:\\Users\\nodejs\\templates'\n",
        "a = '<\\i\\c*\\s*>'\n",
        "a = 'Tom \"Dubs\" Preston-Werner'\n",
        "a = 'tab\there'\n",
    ]);
    refused(&[
        "a = 'it's'\n",
        "a = 'a\nb'\n",
        "a = 'a\u{7f}'\n",
        "a = 'a\u{0}'\n",
        "a = 'x'y\n",
        "a = 'x\n",
    ]);
}

#[test]
fn integers_in_every_radix() {
    accepted(&[
        "a = [0, +0, -0, 1, +99, 42, -17, 1_000, 5_349_221, 53_49_221, 1_2_3_4_5]\n",
        "a = [0xDEADBEEF, 0xdeadbeef, 0xdead_beef, 0x0, 0x00, 0xA]\n",
        "a = [0o01234567, 0o755, 0o0_7, 0b11010110, 0b0, 0b1_0]\n",
        // Syntax only, in both: the range is deserialising's matter.
        "a = [99999999999999999999, 0xffffffffffffffffff, -9223372036854775809]\n",
    ]);
    refused(&[
        "a = 01\n",
        "a = 00\n",
        "a = 0_0\n",
        "a = 0_1\n",
        "a = +01\n",
        "a = 1__0\n",
        "a = _1\n",
        "a = 1_\n",
        "a = +_1\n",
        "a = ++1\n",
        "a = +-1\n",
        "a = 0x_1\n",
        "a = 0x1_\n",
        "a = 0x__1\n",
        "a = 0X1\n",
        "a = 0O1\n",
        "a = 0B1\n",
        "a = 0xG\n",
        "a = 0o8\n",
        "a = 0b2\n",
        "a = -0x1\n",
        "a = +0o1\n",
        "a = 0x-1\n",
        "a = 0d10\n",
        "a = 0x1.5\n",
        "a = 0b1e1\n",
        "a = 12x\n",
        "a = 1x_2\n",
        "a = +\n",
        "a = -\n",
        "a = 1 2\n",
        "a = 1,\n",
    ]);
}

/// `toml`'s parser lets through some numbers the TOML grammar has not (its deserialiser, and so
/// Cargo, then refuses every manifest that has one): the reader refuses them as it reads.
#[test]
fn refuses_the_numbers_toml_parses_but_cannot_deserialise() {
    for text in [
        "a = 0x\n",
        "a = 0o\n",
        "a = 0b\n",
        "a = 1_a\n",
        "a = 1_2x\n",
        "a = 1_2:3\n",
        "a = [-1_a]\n",
    ] {
        let reference = DeTable::parse(text).unwrap();
        let error = parse(text).unwrap_err();
        assert!(
            undeserialisable_integer(reference.get_ref(), &error.span),
            "{text:?}"
        );
    }
}

#[test]
fn floats_in_every_form() {
    accepted(&[
        "a = [+1.0, 3.1415, -0.01, 5e+22, 1e06, -2E-2, 6.626e-34, 224_617.445_991_228]\n",
        "a = [0.0, -0.0, +0.0, 0e0, -0e0, 1.0e01, 1_0.0_1e1_0, 1E+1_0, 1e400, 1e-400]\n",
        "a = [inf, +inf, -inf, nan, +nan, -nan]\n",
    ]);
    refused(&[
        "a = 1.\n",
        "a = .1\n",
        "a = +.5\n",
        "a = -1.\n",
        "a = 1.e5\n",
        "a = 1.5e\n",
        "a = 1e\n",
        "a = 1e-\n",
        "a = 1e_1\n",
        "a = 1e+_1\n",
        "a = 1e1_\n",
        "a = 01.5\n",
        "a = 00.5\n",
        "a = 00e0\n",
        "a = 0_0.0\n",
        "a = 1._0\n",
        "a = 1.0_\n",
        "a = 3_.14\n",
        "a = 1.2.3\n",
        "a = 1e1.5\n",
        "a = 0.1e1e1\n",
        "a = Inf\n",
        "a = NaN\n",
        "a = infinity\n",
        "a = inf.5\n",
        "a = --inf\n",
        "a = -inf_\n",
    ]);
}

#[test]
fn booleans() {
    accepted(&["a = [true, false]\nb = true#c\n"]);
    refused(&["a = True\n", "a = tru\n", "a = truee\n", "a = FALSE\n"]);
}

#[test]
fn dates_and_times_of_every_kind() {
    accepted(&[
        "a = 1979-05-27T07:32:00Z\n",
        "a = 1979-05-27T00:32:00-07:00\n",
        "a = 1979-05-27T00:32:00.999999-07:00\n",
        "a = 1979-05-27T07:32:00.999999-07:00\n",
        "a = 1979-05-27 07:32:00Z\n",
        "a = 1979-05-27t07:32:00z\n",
        "a = 1979-05-27T07:32:00\n",
        "a = 1979-05-27T00:32:00.999999\n",
        "a = 1979-05-27 07:32:00\n",
        "a = 1979-05-27\n",
        "a = 07:32:00\n",
        "a = 00:32:00.999999\n",
        "a = 07:32\n",
        "a = 1979-05-27T07:32Z\n",
        "a = 1979-05-27 07:32\n",
        "a = 1979-05-27T07:32-07:00\n",
        "a = 1979-05-27T07:32:00.123456789123456789Z\n",
        "a = [0000-01-01, 9999-12-31, 2000-02-29, 2004-02-29, 1979-05-27T23:59:60Z]\n",
        "a = [1979-05-27 07:32:00, 1979-05-27 , 07:32]\n",
        "a = { b = 1979-05-27 07:32:00, }\n",
        "a = 1979-05-27 07:32:00 # c\n",
    ]);
    refused(&[
        "a = 1979-05-27  07:32:00\n",
        "a = 1979-05-27\t07:32:00\n",
        "a = 1979-05-27 T07:32\n",
        "a = 1979-05-27T 07:32\n",
        "a = 1979-05-27 07:32:00 Z\n",
        "a = 1979-05-27 x\n",
        "a = 1979-05-27 1\n",
        "a = 1979-05-27_07:32\n",
        "a = 1979-05-27T\n",
        "a = 1979-05-27T07\n",
        "a = 1979-05-27Z\n",
        "a = 1979-05-27T07:32:00.Z\n",
        "a = 1979-05-27T07:32:00-0700\n",
        "a = 1979-05-27T07:32:00+01\n",
        "a = 1979-05-27T07:32:00Zx\n",
        "a = 07:32:00Z\n",
        "a = 07:32:00-01:00\n",
        "a = 07:32.5\n",
        "a = 07:32:00.\n",
        "a = 7:32:00\n",
        "a = 1979-5-27\n",
        "a = 19790-05-27\n",
        "a = 1-2\n",
        "a = 12:34:56:78\n",
        "a = -1979-05-27\n",
        "a = +07:32\n",
        "a = [1979-05-27\n07:32]\n",
    ]);
}

/// Dates and times are checked against the calendar and the clock, as `toml` checks them: a
/// manifest Cargo refuses is refused here too.
#[test]
fn calendar_errors_in_dates_are_refused_as_toml_refuses_them() {
    refused(&[
        "a = 1979-13-45\n",
        "a = 25:61:00\n",
        "a = 1979-00-01\n",
        "a = 1979-01-00\n",
        "a = 1979-04-31\n",
        "a = 1979-02-29\n",
        "a = 1900-02-29\n",
        "a = 24:00:00\n",
        "a = 23:60\n",
        "a = 23:59:61\n",
        "a = 1979-05-27T07:32:00+24:00\n",
        "a = 1979-05-27T07:32:00-00:60\n",
    ]);
}

#[test]
fn keys_bare_quoted_and_dotted() {
    accepted(&[
        "key = 1\nbare_key = 2\nbare-key = 3\n1234 = 4\n-_- = 5\ntrue = 6\ninf = 7\n",
        "\"127.0.0.1\" = 1\n\"character encoding\" = 2\n\"\u{28f}\u{2c8}\u{28d}\u{259}\" = 3\n'key2' = 4\n'quoted \"value\"' = 5\n",
        "\"\" = 1\n",
        "'' = 1\n",
        "a.\"\" = 1\n[\"\"]\nb = 2\n",
        "name = \"Orange\"\nphysical.color = \"orange\"\nphysical.shape = \"round\"\nsite.\"google.com\" = true\n",
        "fruit.name = \"banana\"\nfruit. color = \"yellow\"\nfruit . flavor = \"banana\"\n",
        "3.14159 = \"pi\"\n",
        "\"a\\u0062\" = 1\n",
        "a.b.c.d.e.f = 1\n",
        "a\t=\t1\n",
        "\u{feff}a = 1\n",
    ]);
    refused(&[
        "\u{e9} = 1\n",
        "a+b = 1\n",
        "= 1\n",
        ".a = 1\n",
        "a. = 1\n",
        "a..b = 1\n",
        "\"a\" \"b\" = 1\n",
        "\"a\nb\" = 1\n",
        "a\n= 1\n",
        "a =\n1\n",
        "a.\nb = 1\n",
        "a = = 1\n",
        "a\n",
        "a",
        "\"a\\u0062\" = 1\nab = 2\n",
        "spelling = \"favorite\"\n\"spelling\" = \"favourite\"\n",
        "a = 1\n\u{feff}b = 2\n",
    ]);
}

#[test]
fn tables_and_their_headers() {
    accepted(&[
        "[table]\n[table-1]\nkey1 = \"some string\"\n",
        "[dog.\"tater.man\"]\ntype.name = \"pug\"\n",
        "[a.b.c]\n[ d.e.f ]\n[ g .  h  . i ]\n[ j . \"\u{28e}\" . 'l' ]\n",
        "[x.y.z.w]\n[x]\n",
        "[a.b.c]\n[a.b]\n[a]\n[a.b.c.d]\n",
        "[a.b]\n[a]\nc = 1\n",
        "[fruit.apple]\n[animal]\n[fruit.orange]\n",
        "[t]\na.b = 1\n[t.a.c]\n",
        "[a]\nb.c.d = 1\n[a.b.e]\n",
        "[a.\"b.c\".d]\nx = 1\n",
        "['a'.b]\n",
        "[a]#c\n[b] # c\n",
    ]);
    refused(&[
        "[fruit]\napple = \"red\"\n[fruit]\norange = \"orange\"\n",
        "[fruit]\napple = \"red\"\n[fruit.apple]\ntexture = \"smooth\"\n",
        "[a]\n[a.b]\n[a]\n",
        "[a]\nb = 1\n[a]\n",
        "[x.y]\n[x]\ny.z = 1\n",
        "[a.b]\n[a]\nb = 1\n",
        "a.b.c = 1\na.b = 2\n",
        "[a]\nb.c.d = 1\n[a.b]\n",
        "[a]\nb.c.d = 1\n[a.b.c]\n",
        "[\"a\".\"b\"]\n[a.b]\n",
        "[\"a\\u0062\"]\n[ab]\n",
        "[]\n",
        "[[]]\n",
        "[a\n]\n",
        "[\na]\n",
        "[a.\nb]\n",
        "[a]]\n",
        "[a] b = 1\n",
        "[ [a] ]\n",
        "[a b]\n",
    ]);
}

#[test]
fn arrays_of_tables() {
    accepted(&[
        "[[products]]\nname = \"Hammer\"\nsku = 738594937\n[[products]]  # empty table\n[[products]]\nname = \"Nail\"\ncolor = \"gray\"\n",
        "[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n[[fruits.varieties]]\nname = \"red delicious\"\n[[fruits.varieties]]\nname = \"granny smith\"\n[[fruits]]\nname = \"banana\"\n[[fruits.varieties]]\nname = \"plantain\"\n",
        "[[a]]\nb = 1\n[a.c]\n[[a]]\n[a.c]\n",
        "[[a]]\n[[a.b]]\n[[a]]\n[[a.b]]\n",
        "[a]\n[[a.b]]\n[a.b.c]\n",
        "[[a]]\nb.c = 1\n[a.b.d]\n",
        "[[ a ]]\n[[ a . b ]]\n",
        "[[a]]\na = 1\n",
    ]);
    refused(&[
        "[fruit.physical]\ncolor = \"red\"\n[[fruit]]\nname = \"apple\"\n",
        "fruits = []\n[[fruits]]\n",
        "a = [{b = 1}]\n[[a]]\n",
        "[[fruits]]\nname = \"apple\"\n[[fruits.varieties]]\nname = \"red delicious\"\n[fruits.varieties]\nname = \"granny smith\"\n",
        "[[a]]\n[a]\n",
        "[a]\n[[a]]\n",
        "[[a]\n",
        "[[a] ]\n",
        "[[a]]]\n",
    ]);
}

#[test]
fn inline_tables_are_whole() {
    accepted(&[
        "name = { first = \"Tom\", last = \"Preston-Werner\" }\npoint = {x=1, y=2}\nanimal = { type.name = \"pug\" }\n",
        "a = {}\nb = { }\nc = {\n}\nd = {\n# c\n}\n",
        "a = { b = 1, }\n",
        "a = {\n  b = 1,\n  c = [\n    2,\n  ], # c\n  d.e = 3\n}\n",
        "a = { b = # c\n 1 }\n",
        "a = { b # c\n = 1 }\n",
        "a = {\nb=1\n,c=2}\n",
        "a = { b.c = 1, b.d = 2 }\n",
        "a = { b. c = 1, b .d = 2 }\n",
        "a = [{ b = 1 }, { b = 2 }]\n",
        "a = { b = { c = { d = 1 } } }\n",
    ]);
    refused(&[
        "[product]\ntype = { name = \"Nail\" }\ntype.edible = false\n",
        "[product]\ntype.name = \"Nail\"\ntype = { edible = false }\n",
        "a = {}\n[a]\n",
        "a = {}\na.b = 1\n",
        "a = {b = 1}\n[a.c]\n",
        "[a]\nb = {}\n[a.b]\n",
        "a = { b = 1, b.c = 2 }\n",
        "a = { b = { c = 1 }, b.d = 2 }\n",
        "a = { b.c = 1, b = 2 }\n",
        "a = { b = 1, b = 2 }\n",
        "a = {,}\n",
        "a = { b = 1,, }\n",
        "a = { , b = 1 }\n",
        "a = { b = 1 c = 2 }\n",
        "a = { b\n.c = 1 }\n",
        "a = { b.\nc = 1 }\n",
        "a = { b = 1\n",
        "a = { b }\n",
        "a = { b = }\n",
        "a = { = 1 }\n",
        "a = {b = 1979-05-27\n07:32}\n",
        "a = {a=1}.b\n",
    ]);
}

#[test]
fn arrays() {
    accepted(&[
        "a = []\nb = [ ]\nc = [\n]\nd = [ # c\n ]\n",
        "a = [1, 2, 3,]\n",
        "a = [\n  1,\n  # c\n  2\n  ,\n]\n",
        "a = [1, \"a\", [true], {b=1}, 1.5, 1979-05-27]\n",
        "a = [[], [[]], [[], []]]\n",
    ]);
    refused(&[
        "a = [,]\n",
        "a = [1,,2]\n",
        "a = [1 2]\n",
        "a = [1\n",
        "a = [\n",
        "a = [1]x\n",
        "a = [tru]\n",
        "a = ]\n",
        "a = [1]]\n",
    ]);
}

#[test]
fn whitespace_comments_and_newlines() {
    accepted(&[
        "\r\n",
        "a = 1\r\n[b]\r\nc = '''\r\nx\r\n'''\r\n",
        "a = \"x\" #\r\n",
        "\t\n  a = 1\n",
        "a = 1 # \t tab and caf\u{e9}\n",
        "a = 1 #",
        "# \"quotes\" 'and' [brackets] = {}\n",
        "\u{feff}",
        "\u{feff}# c\n",
    ]);
    refused(&[
        "a = 1\r",
        "\r",
        "a = 1 \r",
        "# c\rd\n",
        "a = 1 # \u{7f}\n",
        "# \u{0}\n",
        "# \u{1b}\n",
        "\u{b}",
        "\u{0}",
        "a = 1\u{c}\n",
        "a = 1 b = 2\n",
        "a = 1\n\u{feff}",
    ]);
}

#[test]
fn nesting_is_bounded() {
    let deep = format!("a = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let error = parse(&deep).unwrap_err();
    assert!(error.message.contains("recursion"), "{}", error.message);
    let deep = format!(
        "a = {}1{}\n",
        "{ b = ".repeat(100_000),
        " }".repeat(100_000)
    );
    assert!(parse(&deep).unwrap_err().message.contains("recursion"));
    // At the limit and past it, as in `toml`.
    for depth in [50, 80, 81] {
        let arrays = format!("a = {}{}\n", "[".repeat(depth), "]".repeat(depth));
        let tables = format!("a = {}1{}\n", "{ b = ".repeat(depth), " }".repeat(depth));
        let innermost = if depth % 2 == 0 { "1" } else { "[]" };
        let (open, close) = ("[{ b = ".repeat(depth / 2), " }]".repeat(depth / 2));
        let mixed = format!("a = {open}{innermost}{close}\n");
        for text in [arrays, tables, mixed] {
            assert_eq!(compare(&text).is_ok(), depth <= 80, "{depth}");
        }
    }
}

#[test]
fn dotted_keys_are_bounded() {
    for parts in [79, 80, 81] {
        let key = vec!["k"; parts].join(".");
        for text in [
            format!("{key} = 1\n"),
            format!("[{key}]\n"),
            format!("[[{key}]]\n"),
            format!("a = {{ {key} = 1 }}\n"),
        ] {
            assert_eq!(compare(&text).is_ok(), parts <= 80, "{parts}: {text}");
        }
    }
    let long = format!("{} = 1\n", vec!["k"; 1_000_000].join("."));
    assert!(parse(&long).unwrap_err().message.contains("recursion"));
}

/// The deepest tree `toml` accepts (each level of nested inline tables under a dotted key of
/// the most parts) is read and dropped within a test thread's stack.
#[test]
fn the_deepest_tree_fits_the_stack() {
    let key = vec!["k"; 80].join(".");
    let mut text = format!("[{key}]\n{key} = ");
    text.push_str(&format!("{{ {key} = ").repeat(80));
    text.push('1');
    text.push_str(&" }".repeat(80));
    assert!(parse(&text).is_ok());
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
    assert_eq!(error.span, 8..8, "where the `]` should be");
    let text = "a = 1\nb = 0x1G\n";
    let error = parse(text).unwrap_err();
    assert_eq!(&text[error.span.clone()], "0x1G");
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
    let key = prop::sample::select(vec![
        "a",
        "b",
        "\"a\"",
        "'b c'",
        "a.b",
        "b.a",
        "a.\"b\".c",
        "a . b",
        "\"\"",
        "'a'.''",
        "1.5",
        "\"a\\u0062\"",
    ])
    .prop_map(str::to_owned);
    let scalar = prop::sample::select(vec![
        "1",
        "-0x1",
        "0x1F",
        "0o7_7",
        "0b1",
        "+1_000",
        "01",
        "1__0",
        "\"s\\n\\u00e9\\e\\x41\"",
        "'lit'",
        "\"\"\"\nml\"\"\"",
        "\"\"\"a\\\n   b\"\"\"\"",
        "\"\"\"\"\"q\"\"\"",
        "'''ml\nlit'''",
        "'''q'''''",
        "\"\"",
        "true",
        "1.5e3",
        "-2E-0_1",
        "+inf",
        "-nan",
        "1.",
        "2024-01-02",
        "1979-05-27 07:32:00Z",
        "1979-05-27T07:32-07:00",
        "07:32",
        "07:32:00.5",
        "2023-02-29",
        "\"bad \\q\"",
        "\"a\" # c",
    ]);
    let value = scalar
        .prop_map(str::to_owned)
        .prop_recursive(3, 12, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|v| format!("[{}]", v.join(", "))),
                prop::collection::vec(inner.clone(), 0..3)
                    .prop_map(|v| format!("[\n{},\n]", v.join(",\n# c\n"))),
                prop::collection::vec(inner, 0..3).prop_map(|v| {
                    let keys = ["x", "y", "x.z", "w"];
                    let pairs: Vec<String> = v
                        .iter()
                        .zip(keys)
                        .map(|(v, k)| format!("{k} = {v}"))
                        .collect();
                    match pairs.len() % 2 {
                        0 => format!("{{ {} }}", pairs.join(", ")),
                        _ => format!("{{\n  {},\n}}", pairs.join(",\n  ")),
                    }
                }),
            ]
        });
    prop_oneof![
        4 => (key.clone(), value).prop_map(|(k, v)| format!("{k} = {v}\n")),
        2 => key.clone().prop_map(|k| format!("[{k}]\n")),
        2 => key.prop_map(|k| format!("[[{k}]]\n")),
        1 => prop::sample::select(vec!["# comment\n", "\n", "\r\n", "  \t", "\u{feff}", "# \u{7f}\n"])
            .prop_map(str::to_owned),
    ]
}

/// Text made of what is significant to TOML, in no order.
fn noise() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec![
            "a", "b", "=", ".", ",", "[", "]", "{", "}", "\"", "'", "\"\"\"", "'''", "#", " ",
            "\n", "\r\n", "\\", "0", "1", "7", "-", "+", "_", ":", "e", "x", "T", "Z", "1979-05-27",
            "07:32", "inf", "true", "\u{e9}",
        ]),
        1 => prop::sample::select(vec!["\r", "\t", "\u{0}", "\u{7f}", "\u{feff}", "\\u00e9"]),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// On random documents, the two readers accept the same ones and read them alike.
    #[test]
    fn agrees_with_toml(pieces in prop::collection::vec(piece(), 0..8)) {
        let _ = compare(&pieces.concat());
    }

    /// On random TOML punctuation, too.
    #[test]
    fn agrees_with_toml_on_noise(text in noise()) {
        let _ = compare(&text);
    }

    /// Arbitrary text never panics the reader.
    #[test]
    fn never_panics(text in "\\PC{0,64}") {
        let _ = parse(&text);
    }
}
