//! Dates and times as TOML writes them (RFC 3339, with a space or a lowercase `t` allowed for
//! the `T`, and the seconds optional), checked as the `toml` crate checks them: a day the
//! calendar has, hours, minutes and seconds in range (60 for a leap second), an offset only
//! after a date and a time.

/// Whether an unquoted value is written as a date or a time: digits, then `-` or `:`. No other
/// kind of value is, so what is not a valid date or time then is an error.
pub(super) fn is_datetime(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(text.as_bytes().get(digits), Some(b'-' | b':'))
}

/// Whether `text` is a date alone, which a space and a time may follow.
pub(super) fn is_date(text: &str) -> bool {
    date(text.as_bytes()).is_ok_and(<[u8]>::is_empty)
}

/// Checks a date-time (offset or local), a date or a time.
pub(super) fn check(text: &str) -> Result<(), &'static str> {
    let bytes = text.as_bytes();
    if bytes.get(2) == Some(&b':') {
        return match time(bytes)? {
            [] => Ok(()),
            _ => Err("invalid time, expected HH:MM, HH:MM:SS or HH:MM:SS.fraction"),
        };
    }
    let Some((separator, rest)) = date(bytes)?.split_first() else {
        return Ok(());
    };
    if !matches!(separator, b'T' | b't' | b' ') {
        return Err("invalid date-time, expected `T` between the date and the time");
    }
    offset(time(rest)?)
}

/// `YYYY-MM-DD`, a day of the calendar; what follows it.
fn date(bytes: &[u8]) -> Result<&[u8], &'static str> {
    let Some((year, month, day, rest)) = date_fields(bytes) else {
        return Err("invalid date, expected YYYY-MM-DD");
    };
    if !(1..=12).contains(&month) {
        return Err("invalid date, expected a month between 01 and 12");
    }
    if !(1..=days_in_month(year, month)).contains(&day) {
        return Err("invalid date, the month has no such day");
    }
    Ok(rest)
}

fn date_fields(bytes: &[u8]) -> Option<(u32, u32, u32, &[u8])> {
    let (year, rest) = number(bytes, 4)?;
    let (month, rest) = number(rest.strip_prefix(b"-")?, 2)?;
    let (day, rest) = number(rest.strip_prefix(b"-")?, 2)?;
    Some((year, month, day, rest))
}

/// Days in a month of the Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction` (of any length), in range; what follows it.
fn time(bytes: &[u8]) -> Result<&[u8], &'static str> {
    const SHAPE: &str = "invalid time, expected HH:MM, HH:MM:SS or HH:MM:SS.fraction";
    let (hour, minute, rest) = hours_minutes(bytes).ok_or(SHAPE)?;
    if hour > 23 {
        return Err("invalid time, expected an hour between 00 and 23");
    }
    if minute > 59 {
        return Err("invalid time, expected minutes between 00 and 59");
    }
    let Some(rest) = rest.strip_prefix(b":") else {
        return Ok(rest);
    };
    let (second, rest) = number(rest, 2).ok_or(SHAPE)?;
    if second > 60 {
        return Err("invalid time, expected seconds between 00 and 60");
    }
    let Some(fraction) = rest.strip_prefix(b".") else {
        return Ok(rest);
    };
    match fraction.iter().take_while(|b| b.is_ascii_digit()).count() {
        0 => Err("invalid time, expected digits after `.`"),
        digits => Ok(fraction.get(digits..).unwrap_or_default()),
    }
}

/// What may follow the time of a date-time: nothing (a local date-time), `Z`, or `+HH:MM` or
/// `-HH:MM`.
fn offset(bytes: &[u8]) -> Result<(), &'static str> {
    const SHAPE: &str = "invalid date-time, expected `Z`, `+HH:MM` or `-HH:MM` after the time";
    let numeric = match bytes {
        [] | [b'Z' | b'z'] => return Ok(()),
        [b'+' | b'-', numeric @ ..] => numeric,
        _ => return Err(SHAPE),
    };
    let (hours, minutes, rest) = hours_minutes(numeric).ok_or(SHAPE)?;
    if !rest.is_empty() {
        return Err(SHAPE);
    }
    if hours > 23 || minutes > 59 {
        return Err("invalid offset, expected hours between 00 and 23 and minutes up to 59");
    }
    Ok(())
}

/// `HH:MM` at the start of `bytes`, as numbers (not range-checked), and what follows it: a
/// time's start and an offset's numbers alike.
fn hours_minutes(bytes: &[u8]) -> Option<(u32, u32, &[u8])> {
    let (hours, rest) = number(bytes, 2)?;
    let (minutes, rest) = number(rest.strip_prefix(b":")?, 2)?;
    Some((hours, minutes, rest))
}

/// The `digits`-digit number `bytes` start with, and what follows it.
fn number(bytes: &[u8], digits: usize) -> Option<(u32, &[u8])> {
    let (field, rest) = bytes.split_at_checked(digits)?;
    if !field.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = field
        .iter()
        .fold(0, |value, digit| value * 10 + u32::from(digit - b'0'));
    Some((value, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form() {
        for valid in [
            "1979-05-27T07:32:00Z",
            "1979-05-27t07:32:00z",
            "1979-05-27 07:32:00",
            "1979-05-27T07:32:00.999999-07:00",
            "1979-05-27T07:32:00.5+23:59",
            "1979-05-27T07:32Z",
            "1979-05-27 07:32",
            "1979-05-27",
            "07:32:00",
            "07:32:00.123456789123",
            "07:32",
            "00:00",
            "0000-01-01",
            "2000-02-29",
            "2004-02-29",
            "1979-05-27T23:59:60",
        ] {
            assert!(is_datetime(valid), "{valid}");
            assert_eq!(check(valid), Ok(()), "{valid}");
        }
    }

    #[test]
    fn out_of_the_calendar_or_the_clock() {
        for invalid in [
            "1979-13-01",
            "1979-00-01",
            "1979-01-00",
            "1979-04-31",
            "1979-02-29",
            "1900-02-29",
            "24:00:00",
            "23:60",
            "23:59:61",
            "1979-05-27T07:32:00+24:00",
            "1979-05-27T07:32:00-00:60",
        ] {
            assert!(check(invalid).is_err(), "{invalid}");
        }
    }

    #[test]
    fn misshapen() {
        for invalid in [
            "1-2",
            "1979-5-27",
            "19790-05-27",
            "7:32:00",
            "07:3",
            "07:32:0",
            "07:32.5",
            "07:32:00.",
            "07:32:00Z",
            "07:32:00-01:00",
            "12:34:56:78",
            "1979-05-27Z",
            "1979-05-27T",
            "1979-05-27T07",
            "1979-05-27_07:32",
            "1979-05-27T07:32:00.Z",
            "1979-05-27T07:32:00-0700",
            "1979-05-27T07:32:00+01",
            "1979-05-27T07:32:00+1:00",
            "1979-05-27T07:32:00Zx",
            "1979-05-27 x",
            "1979-05-27 07:32:00 Z",
        ] {
            assert!(check(invalid).is_err(), "{invalid}");
        }
    }

    #[test]
    fn only_digits_then_a_dash_or_colon_look_like_a_date_or_time() {
        assert!(is_datetime("1-"));
        assert!(is_datetime("12:"));
        for other in ["-1979-05-27", "+07:32", "1_2:3", "1e5", "true", ""] {
            assert!(!is_datetime(other), "{other}");
        }
        assert!(is_date("1979-05-27"));
        assert!(!is_date("1979-05-27T07:32"));
        assert!(!is_date("1979-05"));
    }
}
