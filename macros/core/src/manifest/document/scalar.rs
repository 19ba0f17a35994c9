//! Unquoted values: booleans, integers in any radix, floats, and (in `datetime`) dates and
//! times. The reader keeps only the type, so a number is recognised by its syntax alone, its
//! value neither computed nor range-checked, as the `toml` crate's parser leaves that to
//! deserialising; dates and times are checked against the calendar and the clock, as `toml`
//! checks them.

use super::Value;
use super::datetime;

/// What the unquoted value `text` is, or why it is none.
pub(super) fn unquoted<'i>(text: &str) -> Result<Value<'i>, &'static str> {
    match text {
        "true" | "false" => Ok(Value::Boolean),
        "inf" | "+inf" | "-inf" | "nan" | "+nan" | "-nan" => Ok(Value::Float),
        _ if datetime::is_datetime(text) => datetime::check(text).map(|()| Value::Datetime),
        _ => number(text),
    }
}

/// An integer or a float, with a sign or not.
fn number<'i>(text: &str) -> Result<Value<'i>, &'static str> {
    let unsigned = text.strip_prefix(['+', '-']);
    if let Some(radixed) = Radixed::new(unsigned.unwrap_or(text)) {
        return match (unsigned, separated(radixed.digits, radixed.is_digit)) {
            (Some(_), _) => Err("invalid integer, integers with a radix cannot be signed"),
            (None, true) => Ok(Value::Integer),
            (None, false) => Err(radixed.invalid),
        };
    }
    decimal(unsigned.unwrap_or(text))
}

/// An integer written after `0x`, `0o` or `0b`.
struct Radixed<'t> {
    /// What follows the prefix.
    digits: &'t str,
    /// Which bytes are digits in its radix.
    is_digit: fn(&u8) -> bool,
    /// The error for digits that are not.
    invalid: &'static str,
}

impl<'t> Radixed<'t> {
    /// `text` as an integer with a radix prefix, if it has one.
    fn new(text: &'t str) -> Option<Self> {
        let (is_digit, invalid): (fn(&u8) -> bool, _) = match text.get(..2)? {
            "0x" => (
                u8::is_ascii_hexdigit,
                "invalid hexadecimal integer, expected digits 0-9 and a-f, `_` only between them",
            ),
            "0o" => (
                |b| matches!(b, b'0'..=b'7'),
                "invalid octal integer, expected digits 0-7, `_` only between them",
            ),
            "0b" => (
                |b| matches!(b, b'0' | b'1'),
                "invalid binary integer, expected digits 0 and 1, `_` only between them",
            ),
            _ => return None,
        };
        Some(Radixed {
            digits: text.get(2..)?,
            is_digit,
            invalid,
        })
    }
}

/// A decimal integer, or a float: an integer part, then a fraction, an exponent or both.
fn decimal<'i>(text: &str) -> Result<Value<'i>, &'static str> {
    let (integer, rest) = split_digits(text);
    if integer.is_empty() {
        return Err(not_a_number(text));
    }
    if !separated(integer, u8::is_ascii_digit) {
        return Err("invalid number, `_` may only go between digits");
    }
    if integer.len() > 1 && integer.starts_with('0') {
        return Err("invalid number, leading zeros are not allowed");
    }
    if rest.is_empty() {
        return Ok(Value::Integer);
    }
    fraction_and_exponent(rest)
}

/// What follows a float's integer part: `.digits`, `e` with an optional sign and digits, or
/// both in that order.
fn fraction_and_exponent<'i>(text: &str) -> Result<Value<'i>, &'static str> {
    let mut rest = text;
    if let Some(after_point) = rest.strip_prefix('.') {
        let (fraction, after) = split_digits(after_point);
        if !separated(fraction, u8::is_ascii_digit) {
            return Err("invalid float, expected digits after `.`, `_` only between them");
        }
        rest = after;
    }
    if let Some(after_e) = rest.strip_prefix(['e', 'E']) {
        let (exponent, after) = split_digits(after_e.strip_prefix(['+', '-']).unwrap_or(after_e));
        if !separated(exponent, u8::is_ascii_digit) {
            return Err("invalid float, expected digits in the exponent, `_` only between them");
        }
        rest = after;
    }
    if rest.is_empty() {
        Ok(Value::Float)
    } else {
        Err("invalid number")
    }
}

/// The leading digits and underscores of `text`, and the rest.
fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'_')
        .count();
    (
        text.get(..end).unwrap_or_default(),
        text.get(end..).unwrap_or_default(),
    )
}

/// Whether `text` is digits with single underscores between them.
fn separated(text: &str, is_digit: fn(&u8) -> bool) -> bool {
    let bytes = text.as_bytes();
    let digit_at = |at: Option<&u8>| at.is_some_and(is_digit);
    digit_at(bytes.first())
        && digit_at(bytes.last())
        && !text.contains("__")
        && bytes.iter().all(|b| *b == b'_' || is_digit(b))
}

/// Why a value that starts with no digit is none.
fn not_a_number(text: &str) -> &'static str {
    let word = text.trim_start_matches(['+', '-']).to_ascii_lowercase();
    if matches!(word.as_str(), "true" | "false" | "inf" | "nan") {
        "invalid value, `true`, `false`, `inf` and `nan` are written in lowercase"
    } else if text.starts_with(|c: char| c.is_ascii_digit() || "+-._".contains(c)) {
        "invalid number"
    } else {
        "string values must be quoted, expected `\"` or `'`"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Result<&'static str, &'static str> {
        unquoted(text).map(|value| value.type_name())
    }

    #[test]
    fn integers_in_every_radix() {
        for valid in [
            "0",
            "+0",
            "-0",
            "1",
            "+99",
            "-17",
            "1_000",
            "5_3_4",
            "0x0",
            "0xDEAD_beef",
            "0o755",
            "0o0_7",
            "0b1_0",
            "0b0",
        ] {
            assert_eq!(kind(valid), Ok("an integer"), "{valid}");
        }
        // Syntax only, as in the `toml` crate's parser: the range is not checked.
        assert_eq!(kind("99999999999999999999"), Ok("an integer"));
    }

    #[test]
    fn bad_integers() {
        for invalid in [
            "01", "00", "0_0", "0_1", "1__0", "_1", "1_", "+_1", "++1", "+-1", "0x", "0o", "0b",
            "0x_1", "0xa_", "0x__a", "0X1", "0xG", "-0x1", "+0o1", "0o8", "0b2", "0b1e1", "0x1.5",
            "0d10", "12x", "1_a", "1_2:3", "+", "-",
        ] {
            assert!(kind(invalid).is_err(), "{invalid}");
        }
    }

    #[test]
    fn floats_in_every_form() {
        for valid in [
            "1.5",
            "-0.0",
            "+1.5",
            "3.14_15",
            "1e5",
            "1E5",
            "1e+5",
            "1e-05",
            "0e0",
            "-0e0",
            "1.0e01",
            "1_0.0_1e1_0",
            "6.02e+23",
            "1.5E+3",
            "1e400",
            "inf",
            "+inf",
            "-inf",
            "nan",
            "+nan",
            "-nan",
        ] {
            assert_eq!(kind(valid), Ok("a float"), "{valid}");
        }
    }

    #[test]
    fn bad_floats() {
        for invalid in [
            "1.", ".1", "+.5", "-1.", "1.e5", "1.5e", "1e", "1e-", "1e_1", "1e+_1", "1e1_", "01.5",
            "00.5", "00e0", "0_0.0", "1._0", "1.0_", "3_.14", "1.2.3", "1e1.5", "0.1e1e1", "Inf",
            "NaN", "infinity", "inf.5", "nan.0", "-inf_", "--inf",
        ] {
            assert!(kind(invalid).is_err(), "{invalid}");
        }
    }

    #[test]
    fn booleans_and_words() {
        assert_eq!(kind("true"), Ok("a boolean"));
        assert_eq!(kind("false"), Ok("a boolean"));
        assert!(kind("True").unwrap_err().contains("lowercase"));
        assert!(kind("tru").unwrap_err().contains("quoted"));
        assert!(kind("meeting:write").unwrap_err().contains("quoted"));
        assert_eq!(kind("1979-05-27"), Ok("a date-time"));
        assert!(kind("1979-13-27").is_err());
    }
}
