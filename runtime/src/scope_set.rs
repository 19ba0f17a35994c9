//! [`ScopeSet`]: a fixed-size bitset over the documented scopes.

use std::fmt;
use std::ops::{BitAnd, BitAndAssign, BitOr, BitOrAssign, Sub, SubAssign};
use std::str::FromStr;

use zoom_scopes_tables::ScopeId;

use crate::scope::write_unknown;
use crate::{Operation, Scope};

/// Words of a set: one bit per documented scope, bit `i` for the scope at index `i`.
const WORDS: usize = ScopeId::COUNT.div_ceil(64);

/// A set of [`Scope`]s: one bit per documented scope, `Copy`, usable in `const` items.
///
/// Parse one from a token's `scope` field (space- or comma-separated), print it back as a
/// space-separated string, and ask whether it [`covers`](ScopeSet::covers) an operation.
///
/// ```
/// use zoom_scopes::{Scope, ScopeSet, operation};
/// const APP: ScopeSet = ScopeSet::from_scopes(&[Scope::MEETING_WRITE, Scope::USER_READ]);
/// let granted: ScopeSet = "user:read meeting:write".parse().unwrap();
/// assert_eq!(granted, APP);
/// assert!(granted.covers(operation!("Create a meeting")));
/// assert!(!granted.covers(operation!("Get a meeting")));
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash, Default)]
pub struct ScopeSet {
    words: [u64; WORDS],
}

impl ScopeSet {
    /// The empty set.
    pub const EMPTY: ScopeSet = ScopeSet { words: [0; WORDS] };

    /// Every documented scope.
    pub const ALL: ScopeSet = {
        let mut set = ScopeSet::EMPTY;
        let mut i = 0;
        while i < ScopeId::COUNT {
            set = set.with(Scope::at(i));
            i += 1;
        }
        set
    };

    /// The empty set.
    pub const fn new() -> ScopeSet {
        ScopeSet::EMPTY
    }

    /// The set of these scopes.
    pub const fn from_scopes(scopes: &[Scope]) -> ScopeSet {
        let mut set = ScopeSet::EMPTY;
        let mut i = 0;
        while i < scopes.len() {
            set = set.with(scopes[i]);
            i += 1;
        }
        set
    }

    /// This set with `scope` added.
    #[must_use]
    pub const fn with(mut self, scope: Scope) -> ScopeSet {
        let i = scope.index();
        self.words[i / 64] |= 1 << (i % 64);
        self
    }

    /// This set with `scope` removed.
    #[must_use]
    pub const fn without(mut self, scope: Scope) -> ScopeSet {
        let i = scope.index();
        self.words[i / 64] &= !(1 << (i % 64));
        self
    }

    /// Adds `scope`; returns whether it was new.
    pub fn insert(&mut self, scope: Scope) -> bool {
        let new = !self.contains(scope);
        *self = self.with(scope);
        new
    }

    /// Removes `scope`; returns whether it was there.
    pub fn remove(&mut self, scope: Scope) -> bool {
        let present = self.contains(scope);
        *self = self.without(scope);
        present
    }

    /// Whether `scope` is in the set.
    pub const fn contains(&self, scope: Scope) -> bool {
        let i = scope.index();
        self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// Whether a scope in this set grants `operation`.
    pub const fn covers(&self, operation: &Operation) -> bool {
        // An operation has a few granting scopes (one to five, mostly): testing their bits
        // reads less than intersecting the operation's whole set.
        let granting = operation.granted_by_ranked();
        let mut i = 0;
        while i < granting.len() {
            if self.contains(granting[i]) {
                return true;
            }
            i += 1;
        }
        false
    }

    /// Whether the two sets share a scope.
    pub const fn intersects(&self, other: &ScopeSet) -> bool {
        let mut i = 0;
        while i < WORDS {
            if self.words[i] & other.words[i] != 0 {
                return true;
            }
            i += 1;
        }
        false
    }

    /// Scopes in either set.
    #[must_use]
    pub const fn union(mut self, other: &ScopeSet) -> ScopeSet {
        let mut i = 0;
        while i < WORDS {
            self.words[i] |= other.words[i];
            i += 1;
        }
        self
    }

    /// Scopes in both sets.
    #[must_use]
    pub const fn intersection(mut self, other: &ScopeSet) -> ScopeSet {
        let mut i = 0;
        while i < WORDS {
            self.words[i] &= other.words[i];
            i += 1;
        }
        self
    }

    /// Scopes in this set and not in `other`.
    #[must_use]
    pub const fn difference(mut self, other: &ScopeSet) -> ScopeSet {
        let mut i = 0;
        while i < WORDS {
            self.words[i] &= !other.words[i];
            i += 1;
        }
        self
    }

    /// Whether every scope of this set is in `other`.
    pub const fn is_subset(&self, other: &ScopeSet) -> bool {
        self.difference(other).is_empty()
    }

    /// Whether every scope of `other` is in this set.
    pub const fn is_superset(&self, other: &ScopeSet) -> bool {
        other.is_subset(self)
    }

    /// Whether the set is empty.
    pub const fn is_empty(&self) -> bool {
        let mut i = 0;
        while i < WORDS {
            if self.words[i] != 0 {
                return false;
            }
            i += 1;
        }
        true
    }

    /// The number of scopes in the set.
    pub const fn len(&self) -> usize {
        let mut n = 0;
        let mut i = 0;
        while i < WORDS {
            n += self.words[i].count_ones() as usize;
            i += 1;
        }
        n
    }

    /// The scopes, in catalogue order.
    pub fn iter(&self) -> Iter {
        Iter {
            words: self.words,
            word: 0,
        }
    }

    /// The scopes, least privileged first (user before admin before master, read before write).
    pub fn ranked(&self) -> Vec<Scope> {
        let mut scopes: Vec<Scope> = self.iter().collect();
        scopes.sort_by_key(|s| s.privilege());
        scopes
    }

    /// Parses a token's `scope` field, keeping the scopes it knows and returning the names it
    /// does not (Zoom may grant scopes newer than this catalogue, such as granular ones).
    pub fn parse_lenient(text: &str) -> (ScopeSet, Vec<String>) {
        let mut set = ScopeSet::EMPTY;
        let mut unknown: Vec<String> = Vec::new();
        for_each_name(text, |name| match Scope::from_name(name) {
            Some(scope) => set = set.with(scope),
            None if unknown.iter().any(|u| u == name) => {}
            None => unknown.push(name.to_owned()),
        });
        (set, unknown)
    }
}

/// Calls `f` with each name of a `scope` field: the non-empty runs between commas and white
/// space.
fn for_each_name<'a>(text: &'a str, f: impl FnMut(&'a str)) {
    // Token fields are ASCII; splitting their bytes skips decoding `char`s. Other text may hold
    // Unicode white space, which separates names too.
    if text.is_ascii() {
        ascii_names(text, f);
    } else {
        char_names(text, f);
    }
}

/// [`for_each_name`] for ASCII text.
fn ascii_names<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    let mut start = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        if is_ascii_separator(byte) {
            if start < at {
                f(&text[start..at]);
            }
            start = at + 1;
        }
    }
    if start < text.len() {
        f(&text[start..]);
    }
}

/// [`for_each_name`] for any text.
fn char_names<'a>(text: &'a str, f: impl FnMut(&'a str)) {
    text.split(is_separator)
        .filter(|name| !name.is_empty())
        .for_each(f);
}

/// What separates names: a comma or white space.
fn is_separator(c: char) -> bool {
    c == ',' || c.is_whitespace()
}

/// [`is_separator`] for an ASCII byte: `char::is_whitespace` holds for the space and for tab,
/// line feed, vertical tab, form feed and carriage return (`u8::is_ascii_whitespace` leaves out
/// the vertical tab).
fn is_ascii_separator(byte: u8) -> bool {
    matches!(byte, b',' | b' ' | b'\t'..=b'\r')
}

/// Iterator over a [`ScopeSet`] in catalogue order.
#[derive(Clone, Debug)]
pub struct Iter {
    words: [u64; WORDS],
    word: usize,
}

impl Iterator for Iter {
    type Item = Scope;

    fn next(&mut self) -> Option<Scope> {
        while self.word < WORDS {
            let bits = self.words[self.word];
            if bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                self.words[self.word] = bits & (bits - 1);
                return Some(Scope::at(self.word * 64 + bit));
            }
            self.word += 1;
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.words[self.word.min(WORDS)..]
            .iter()
            .map(|w| w.count_ones() as usize)
            .sum();
        (n, Some(n))
    }
}

impl ExactSizeIterator for Iter {}

impl IntoIterator for ScopeSet {
    type Item = Scope;
    type IntoIter = Iter;
    fn into_iter(self) -> Iter {
        self.iter()
    }
}

impl IntoIterator for &ScopeSet {
    type Item = Scope;
    type IntoIter = Iter;
    fn into_iter(self) -> Iter {
        self.iter()
    }
}

impl FromIterator<Scope> for ScopeSet {
    fn from_iter<I: IntoIterator<Item = Scope>>(iter: I) -> Self {
        let mut set = ScopeSet::EMPTY;
        set.extend(iter);
        set
    }
}

impl Extend<Scope> for ScopeSet {
    fn extend<I: IntoIterator<Item = Scope>>(&mut self, iter: I) {
        for scope in iter {
            *self = self.with(scope);
        }
    }
}

impl From<Scope> for ScopeSet {
    fn from(scope: Scope) -> Self {
        ScopeSet::EMPTY.with(scope)
    }
}

impl<const N: usize> From<[Scope; N]> for ScopeSet {
    fn from(scopes: [Scope; N]) -> Self {
        ScopeSet::from_scopes(&scopes)
    }
}

macro_rules! set_operator {
    ($trait:ident, $method:ident, $assign_trait:ident, $assign_method:ident, $op:ident) => {
        impl $trait for ScopeSet {
            type Output = ScopeSet;
            fn $method(self, rhs: ScopeSet) -> ScopeSet {
                self.$op(&rhs)
            }
        }
        impl $assign_trait for ScopeSet {
            fn $assign_method(&mut self, rhs: ScopeSet) {
                *self = self.$op(&rhs);
            }
        }
    };
}

set_operator!(BitOr, bitor, BitOrAssign, bitor_assign, union);
set_operator!(BitAnd, bitand, BitAndAssign, bitand_assign, intersection);
set_operator!(Sub, sub, SubAssign, sub_assign, difference);

/// A token's `scope` field names scopes this catalogue does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseScopeSetError {
    unknown: Vec<String>,
    known: ScopeSet,
}

impl ParseScopeSetError {
    /// The names that are not documented scopes, in the order they appeared, each once.
    pub fn unknown(&self) -> &[String] {
        &self.unknown
    }

    /// The documented scopes that were read, so nothing is lost.
    pub fn known(&self) -> ScopeSet {
        self.known
    }
}

impl fmt::Display for ParseScopeSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.unknown.len() == 1 {
            "scope"
        } else {
            "scopes"
        };
        write!(f, "unknown Zoom {what}: ")?;
        for (i, name) in self.unknown.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write_unknown(f, name)?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseScopeSetError {}

impl FromStr for ScopeSet {
    type Err = ParseScopeSetError;

    /// Parses space- or comma-separated names, as in a token's `scope` field; repeats and extra
    /// white space are fine, unknown names are an error that names them all.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match ScopeSet::parse_lenient(s) {
            (set, unknown) if unknown.is_empty() => Ok(set),
            (known, unknown) => Err(ParseScopeSetError { unknown, known }),
        }
    }
}

impl fmt::Display for ScopeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, scope) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(scope.name())?;
        }
        Ok(())
    }
}

impl fmt::Debug for ScopeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter().map(Scope::name)).finish()
    }
}

impl serde::Serialize for ScopeSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> serde::Deserialize<'de> for ScopeSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(SetVisitor)
    }
}

struct SetVisitor;

impl<'de> serde::de::Visitor<'de> for SetVisitor {
    type Value = ScopeSet;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of documented Zoom scope names")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<ScopeSet, A::Error> {
        let mut set = ScopeSet::EMPTY;
        while let Some(scope) = seq.next_element::<Scope>()? {
            set = set.with(scope);
        }
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of the two ways of splitting a field, with a callback that takes any lifetime.
    type Split = fn(&str, &mut dyn FnMut(&str));

    fn names(split: Split, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        split(text, &mut |name| out.push(name.to_owned()));
        out
    }

    fn ascii(text: &str, f: &mut dyn FnMut(&str)) {
        ascii_names(text, f);
    }

    fn chars(text: &str, f: &mut dyn FnMut(&str)) {
        char_names(text, f);
    }

    #[test]
    fn ascii_separators_are_the_char_separators() {
        for byte in 0..=127u8 {
            assert_eq!(
                is_ascii_separator(byte),
                is_separator(char::from(byte)),
                "{byte:#04x}"
            );
        }
    }

    #[test]
    fn both_splits_agree_on_every_short_ascii_field() {
        // Every string of up to five characters over name bytes and each ASCII separator.
        let alphabet = ['a', ':', ',', ' ', '\t', '\n', '\u{b}', '\u{c}', '\r'];
        let mut fields = vec![String::new()];
        let mut checked = 0;
        for _ in 0..5 {
            let mut longer = Vec::new();
            for field in &fields {
                for &c in &alphabet {
                    let mut next = field.clone();
                    next.push(c);
                    assert_eq!(names(ascii, &next), names(chars, &next), "{next:?}");
                    checked += 1;
                    longer.push(next);
                }
            }
            fields = longer;
        }
        assert_eq!(checked, 9 + 81 + 729 + 6561 + 59049);
    }

    #[test]
    fn both_splits_agree_on_token_fields() {
        let every: Vec<&str> = Scope::all().map(Scope::name).collect();
        for field in [
            every.join(" "),
            every.join(","),
            every.join(", "),
            format!("  {}\r\n", every.join("\t\u{b}\u{c}")),
        ] {
            let split = names(ascii, &field);
            assert_eq!(split, names(chars, &field));
            assert_eq!(split, every);
        }
    }

    #[test]
    fn non_ascii_text_splits_on_unicode_white_space() {
        let field = "meeting:write\u{a0}user:read\u{2003}m\u{e9}eting:write\u{3000},x";
        let mut split = Vec::new();
        for_each_name(field, |name| split.push(name));
        assert_eq!(
            split,
            ["meeting:write", "user:read", "m\u{e9}eting:write", "x"]
        );
        let (set, unknown) = ScopeSet::parse_lenient(field);
        assert_eq!(
            set,
            ScopeSet::from([Scope::MEETING_WRITE, Scope::USER_READ])
        );
        assert_eq!(unknown, ["m\u{e9}eting:write", "x"]);
    }

    #[test]
    fn covers_tests_the_whole_granting_set() {
        for op in Operation::all() {
            assert_eq!(
                ScopeSet::from_scopes(op.granted_by_ranked()),
                *op.granted_by(),
                "{op}"
            );
        }
        let sets = [
            ScopeSet::EMPTY,
            ScopeSet::ALL,
            ScopeSet::from([Scope::MEETING_READ, Scope::USER_READ]),
            Scope::all().step_by(9).collect(),
            Scope::all().skip(3).step_by(7).collect(),
        ];
        for set in sets {
            for op in Operation::all() {
                assert_eq!(set.covers(op), set.intersects(op.granted_by()), "{op}");
            }
        }
    }
}
