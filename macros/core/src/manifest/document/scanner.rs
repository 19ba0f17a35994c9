//! The document as bytes under a cursor: what lies between tokens (whitespace, comments,
//! newlines), checked as TOML requires, and the errors that point at the cursor.
//!
//! Every token TOML has starts and ends at an ASCII byte, so the cursor moves byte by byte
//! and slices only at those bytes: no slice can fall inside a character.

use std::ops::Range;

use super::Malformed;

/// The byte order mark, which TOML allows at the very start of a document.
const BOM: &str = "\u{feff}";

/// A position in a document, and the document.
pub(super) struct Scanner<'i> {
    text: &'i str,
    at: usize,
}

impl<'i> Scanner<'i> {
    /// At the start of `text`, past a byte order mark.
    pub(super) fn new(text: &'i str) -> Self {
        let at = if text.starts_with(BOM) { BOM.len() } else { 0 };
        Scanner { text, at }
    }

    /// The byte offset of the cursor.
    pub(super) fn at(&self) -> usize {
        self.at
    }

    /// The byte under the cursor; `None` at the end.
    pub(super) fn peek(&self) -> Option<u8> {
        self.peek_nth(0)
    }

    /// The byte `n` bytes past the cursor.
    pub(super) fn peek_nth(&self, n: usize) -> Option<u8> {
        self.text.as_bytes().get(self.at.saturating_add(n)).copied()
    }

    /// Whether the text at the cursor starts with `prefix`.
    pub(super) fn starts_with(&self, prefix: &str) -> bool {
        self.text
            .as_bytes()
            .get(self.at..)
            .is_some_and(|rest| rest.starts_with(prefix.as_bytes()))
    }

    /// How many `byte`s follow one another from the cursor.
    pub(super) fn run_of(&self, byte: u8) -> usize {
        self.run_while(|b| b == byte)
    }

    /// How many bytes from the cursor satisfy `keep`.
    pub(super) fn run_while(&self, keep: impl Fn(u8) -> bool) -> usize {
        let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
        rest.iter().take_while(|&&b| keep(b)).count()
    }

    /// Moves the cursor `n` bytes on, at most to the end.
    pub(super) fn advance(&mut self, n: usize) {
        self.at = self.at.saturating_add(n).min(self.text.len());
    }

    /// Moves past `byte` if it is under the cursor.
    pub(super) fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.advance(1);
        }
        found
    }

    /// The text between two offsets (empty if they do not fall on characters).
    pub(super) fn slice(&self, range: Range<usize>) -> &'i str {
        self.text.get(range).unwrap_or_default()
    }

    /// Moves past spaces and tabs.
    pub(super) fn spaces(&mut self) {
        let n = self.run_while(|b| b == b' ' || b == b'\t');
        self.advance(n);
    }

    /// Moves past a newline (LF or CRLF), if there is one; a carriage return alone is refused.
    pub(super) fn newline(&mut self) -> Result<bool, Malformed> {
        match (self.peek(), self.peek_nth(1)) {
            (Some(b'\n'), _) => self.advance(1),
            (Some(b'\r'), Some(b'\n')) => self.advance(2),
            (Some(b'\r'), _) => return Err(self.lone_carriage_return()),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Moves past a comment, if one starts at the cursor, up to the newline that ends it.
    pub(super) fn comment(&mut self) -> Result<(), Malformed> {
        if self.peek() != Some(b'#') {
            return Ok(());
        }
        loop {
            match self.peek() {
                None | Some(b'\n') => return Ok(()),
                Some(b'\r') if self.peek_nth(1) == Some(b'\n') => return Ok(()),
                Some(b'\r') => return Err(self.lone_carriage_return()),
                Some(byte) if is_control(byte) => return Err(self.control_character("a comment")),
                Some(_) => self.advance(1),
            }
        }
    }

    /// Moves past whitespace, comments and newlines: what may come between the lines of a
    /// document, and between the elements of an array.
    pub(super) fn blank(&mut self) -> Result<(), Malformed> {
        loop {
            self.spaces();
            self.comment()?;
            if !self.newline()? {
                return Ok(());
            }
        }
    }

    /// The end of a line that held `what`: whitespace, perhaps a comment, then a newline or
    /// the end of the document.
    pub(super) fn end_of_line(&mut self, what: &str) -> Result<(), Malformed> {
        self.spaces();
        self.comment()?;
        if self.peek().is_none() || self.newline()? {
            return Ok(());
        }
        Err(self.error(format!(
            "unexpected text after {what}, expected a newline or `#`"
        )))
    }

    /// An error at the cursor.
    pub(super) fn error(&self, message: impl Into<String>) -> Malformed {
        self.error_at(message, self.at..self.at)
    }

    /// An error about `span`.
    pub(super) fn error_at(&self, message: impl Into<String>, span: Range<usize>) -> Malformed {
        Malformed {
            message: message.into(),
            span,
        }
    }

    /// The error for a control character under the cursor, in `place`.
    pub(super) fn control_character(&self, place: &str) -> Malformed {
        let code = self.peek().unwrap_or_default();
        let span = self.at..self.at.saturating_add(1);
        self.error_at(format!("control character U+{code:04X} in {place}"), span)
    }

    /// The error for a carriage return under the cursor that no line feed follows.
    pub(super) fn lone_carriage_return(&self) -> Malformed {
        let span = self.at..self.at.saturating_add(1);
        self.error_at(
            "carriage return without a line feed, expected `\\n` after it",
            span,
        )
    }
}

/// Whether TOML refuses `byte` as written in strings and comments: the ASCII control
/// characters but tab, and DEL. (Newlines are handled before this is asked.)
pub(super) fn is_control(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\t') || byte == 0x7f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_a_leading_byte_order_mark_only() {
        assert_eq!(Scanner::new("\u{feff}a").peek(), Some(b'a'));
        assert_eq!(Scanner::new("a\u{feff}").at(), 0);
    }

    #[test]
    fn newlines_are_lf_or_crlf() {
        let mut s = Scanner::new("\r\n\nx");
        assert_eq!(s.newline(), Ok(true));
        assert_eq!(s.at(), 2);
        assert_eq!(s.newline(), Ok(true));
        assert_eq!(s.newline(), Ok(false));
        assert!(Scanner::new("\rx").newline().is_err());
    }

    #[test]
    fn comments_end_before_their_newline_and_refuse_control_characters() {
        let mut s = Scanner::new("# a\t\u{e9}\r\nx");
        assert_eq!(s.comment(), Ok(()));
        assert_eq!(s.peek(), Some(b'\r'));
        for bad in ["# \u{7f}", "# \u{0}", "# \u{1b}", "# \r"] {
            assert!(Scanner::new(bad).comment().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn blank_spans_lines_and_end_of_line_does_not() {
        let mut s = Scanner::new(" \t# c\n\n  # d\r\n x");
        assert_eq!(s.blank(), Ok(()));
        assert_eq!(s.peek(), Some(b'x'));
        assert!(Scanner::new(" # c\n").end_of_line("a value").is_ok());
        assert!(Scanner::new(" ").end_of_line("a value").is_ok());
        let error = Scanner::new(" x").end_of_line("a value").unwrap_err();
        assert_eq!(error.span, 1..1);
    }

    #[test]
    fn never_moves_past_the_end() {
        let mut s = Scanner::new("ab");
        s.advance(usize::MAX);
        assert_eq!((s.at(), s.peek(), s.peek_nth(usize::MAX)), (2, None, None));
        assert_eq!(s.slice(1..9), "");
        assert_eq!(Scanner::new("\u{e9}").slice(0..1), "");
    }
}
