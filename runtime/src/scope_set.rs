//! [`ScopeSet`]: a fixed-size bitset over the documented scopes.

use std::fmt;
use std::ops::{BitAnd, BitAndAssign, BitOr, BitOrAssign, Sub, SubAssign};
use std::str::FromStr;

use zoom_scopes_tables::ScopeId;

use crate::scope::write_unknown;
use crate::{Endpoint, Model, Operation, Scope};

/// Words of a set: one bit per documented scope, bit `i` for the scope at index `i` (3,062
/// scopes of both models: 48 words, 384 bytes).
const WORDS: usize = ScopeId::COUNT.div_ceil(64);

/// A set of [`Scope`]s: one bit per documented scope, of both scope models, `Copy`, usable in
/// `const` items.
///
/// Parse one from a token's `scope` field (space- or comma-separated), print it back as a
/// space-separated string, and ask whether it [`covers`](ScopeSet::covers) an operation.
/// Classic (`meeting:write`) and granular (`meeting:write:meeting`) names are both known.
///
/// ```
/// use zoom_scopes::{Scope, ScopeSet, operation};
/// const APP: ScopeSet = ScopeSet::from_scopes(&[Scope::MEETING_WRITE, Scope::USER_READ]);
/// let granted: ScopeSet = "user:read meeting:write".parse().unwrap();
/// assert_eq!(granted, APP);
/// assert!(granted.covers(operation!("Create a meeting")));
/// assert!(!granted.covers(operation!("Get a meeting")));
///
/// let granular: ScopeSet = "meeting:write:meeting user:read:user".parse().unwrap();
/// assert!(granular.covers(operation!("Create a meeting")));
/// assert_eq!(granular.model(), Some(zoom_scopes::Model::Granular));
/// ```
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct ScopeSet {
    words: [u64; WORDS],
}

// By hand: arrays longer than 32 have no `Default`.
impl Default for ScopeSet {
    fn default() -> ScopeSet {
        ScopeSet::EMPTY
    }
}

impl ScopeSet {
    /// The empty set.
    pub const EMPTY: ScopeSet = ScopeSet { words: [0; WORDS] };

    /// Every documented scope, of both models.
    pub const ALL: ScopeSet = {
        let mut words = [u64::MAX; WORDS];
        // The last word holds the scopes past the last full word, if any.
        let rest = ScopeId::COUNT % 64;
        if rest != 0 {
            words[WORDS - 1] = (1 << rest) - 1;
        }
        ScopeSet { words }
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
            set.add(scopes[i]);
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
        self.add(scope);
        new
    }

    /// Adds `scope` in place (`with` moves the 384-byte set in and out).
    const fn add(&mut self, scope: Scope) {
        let i = scope.index();
        self.words[i / 64] |= 1 << (i % 64);
    }

    /// Removes `scope`; returns whether it was there.
    pub fn remove(&mut self, scope: Scope) -> bool {
        let present = self.contains(scope);
        *self = self.without(scope);
        present
    }

    /// Whether `scope` is in the set.
    #[inline]
    pub const fn contains(&self, scope: Scope) -> bool {
        let i = scope.index();
        self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// Whether a scope in this set, of either model, grants `operation`: one of its classic
    /// or granular scopes. Never for an operation no OAuth scope authorises
    /// ([`Operation::oauth`]).
    #[inline]
    pub const fn covers(&self, operation: &Operation) -> bool {
        // An operation has a few granting scopes (two to six, mostly, both models together),
        // in one or two words of the set: testing those words against the operation's masks
        // reads less than intersecting the operation's whole set, or testing each scope.
        let (words, masks) = operation.granting_bits();
        let mut i = 0;
        while i < words.len() && i < masks.len() {
            if self.words[words[i] as usize] & masks[i] != 0 {
                return true;
            }
            i += 1;
        }
        false
    }

    /// Whether a scope in this set grants a request to `endpoint`, as Zoom decides it: one of
    /// its operation's classic scopes, or one of the endpoint's own granular scopes (a
    /// `:master` scope grants the master-account variant, not the regular endpoint). Stricter
    /// than [`covers`](ScopeSet::covers) of its operation for granular scopes, which are
    /// granted per endpoint.
    ///
    /// ```
    /// use zoom_scopes::{ScopeSet, operation, scopes};
    /// let create = operation!("Create a meeting");
    /// let regular = create.endpoints().find(|e| !e.master_account()).unwrap();
    /// let master = regular.master_variant().unwrap();
    /// const MASTER: ScopeSet = scopes!("meeting:write:meeting:master");
    /// assert!(MASTER.covers(create));
    /// assert!(MASTER.covers_endpoint(master));
    /// assert!(!MASTER.covers_endpoint(regular));
    /// assert!(scopes!("meeting:write").covers_endpoint(regular));
    /// ```
    pub fn covers_endpoint(&self, endpoint: Endpoint) -> bool {
        let classic = endpoint
            .operation()
            .map_or(&[][..], |op| op.granted_by_in(Model::Classic));
        classic
            .iter()
            .copied()
            .chain(endpoint.granular())
            .any(|scope| self.contains(scope))
    }

    /// The scope model a refusal of a request this grant does not cover names its
    /// alternatives in: the grant's own (granular for a mix of both models, or for an empty
    /// grant), or the other one when `grants_in(model)` says no scope of the grant's model
    /// grants the request and one of the other's does (the classic-only `/devices`
    /// operations, for one).
    pub(crate) fn refusal_model(&self, grants_in: impl Fn(Model) -> bool) -> Model {
        let own = self.model().unwrap_or(Model::Granular);
        if !grants_in(own) && grants_in(own.other()) {
            own.other()
        } else {
            own
        }
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

    /// The scope model the set's names belong to, as for a declaration or a token's grant:
    /// granular when it holds a granular name, classic otherwise (also when it is empty or
    /// holds only the two names of both models, `meeting:write:sip_dialing` and
    /// `webinar:write:sip_dialing`); `None` when it holds names only the classic model has
    /// and names only the granular one has, which no Zoom app does.
    ///
    /// ```
    /// use zoom_scopes::{Model, ScopeSet};
    /// let model = |field: &str| field.parse::<ScopeSet>().unwrap().model();
    /// assert_eq!(model("meeting:write user:read"), Some(Model::Classic));
    /// assert_eq!(model("meeting:write:meeting"), Some(Model::Granular));
    /// assert_eq!(model(""), Some(Model::Classic));
    /// assert_eq!(model("meeting:write meeting:write:meeting"), None);
    /// ```
    pub fn model(&self) -> Option<Model> {
        let ids: Vec<ScopeId> = self.iter().map(Scope::id).collect();
        zoom_scopes_tables::model_of(&ids).ok()
    }

    /// Parses a token's `scope` field, keeping the scopes it knows and returning the names it
    /// does not (Zoom may grant scopes newer than this catalogue).
    ///
    /// One documented name holds a space, `contact_center:write:queue disposition:admin` (as
    /// Zoom's API reference spells it): two names that are unknown apart and make a documented
    /// name with the one separator between them as written are read as that scope, so every
    /// set's [`Display`](fmt::Display) parses back.
    pub fn parse_lenient(text: &str) -> (ScopeSet, Vec<String>) {
        let mut set = ScopeSet::EMPTY;
        let mut unknown: Vec<String> = Vec::new();
        let mut note = |name: &str| {
            if !unknown.iter().any(|u| u == name) {
                unknown.push(name.to_owned());
            }
        };
        // An unknown name that may be the start of a documented name holding a separator.
        let mut pending: Option<&str> = None;
        for_each_name(text, |name| {
            if let Some(first) = pending.take() {
                match Scope::from_name(spanning(text, first, name)) {
                    Some(scope) => return set.add(scope),
                    None => note(first),
                }
            }
            match Scope::from_name(name) {
                Some(scope) => set.add(scope),
                None => pending = Some(name),
            }
        });
        if let Some(first) = pending {
            note(first);
        }
        (set, unknown)
    }
}

/// The text from the start of `first` to the end of `last`, two names of `text` in order.
fn spanning<'a>(text: &'a str, first: &str, last: &str) -> &'a str {
    // Both are slices of `text`: their offsets are their addresses' distances from its start.
    let offset = |name: &str| name.as_ptr() as usize - text.as_ptr() as usize;
    // no panic: the offsets are of slices of `text`, at char boundaries, `first` before `last`
    &text[offset(first)..offset(last) + last.len()]
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
            self.add(scope);
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
    // Boxed: a set is 384 bytes, and a `Result` with a large error is slow to move (clippy's
    // `result_large_err` in every caller's code).
    known: Box<ScopeSet>,
}

impl ParseScopeSetError {
    /// The names that are not documented scopes, in the order they appeared, each once.
    pub fn unknown(&self) -> &[String] {
        &self.unknown
    }

    /// The documented scopes that were read, so nothing is lost.
    pub fn known(&self) -> ScopeSet {
        *self.known
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
            (known, unknown) => Err(ParseScopeSetError {
                unknown,
                known: Box::new(known),
            }),
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
            set.add(scope);
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
    fn the_parse_error_stays_small() {
        assert!(std::mem::size_of::<ParseScopeSetError>() <= 32);
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
        // Every name of both models, but the one that holds a space (below).
        let every: Vec<&str> = Scope::all()
            .map(Scope::name)
            .filter(|name| !name.contains(' '))
            .collect();
        assert_eq!(every.len(), ScopeId::COUNT - 1);
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
    fn the_name_with_a_space_is_read_whole() {
        let spaced = Scope::CONTACT_CENTER_WRITE_QUEUE_DISPOSITION_ADMIN;
        assert_eq!(
            spaced.name(),
            "contact_center:write:queue disposition:admin"
        );
        assert_eq!(spaced.name().parse::<Scope>(), Ok(spaced));
        for field in [
            "contact_center:write:queue disposition:admin",
            "user:read contact_center:write:queue disposition:admin meeting:write",
            "user:read,contact_center:write:queue disposition:admin,meeting:write",
            "nope contact_center:write:queue disposition:admin",
        ] {
            let (set, _) = ScopeSet::parse_lenient(field);
            assert!(set.contains(spaced), "{field:?}");
        }
        // Only with the one space of the documented name between the halves.
        for field in [
            "contact_center:write:queue  disposition:admin",
            "contact_center:write:queue,disposition:admin",
            "contact_center:write:queue\tdisposition:admin",
            "disposition:admin contact_center:write:queue",
        ] {
            let (set, unknown) = ScopeSet::parse_lenient(field);
            assert_eq!(set, ScopeSet::EMPTY, "{field:?}");
            assert_eq!(unknown.len(), 2, "{field:?}");
        }
        let (set, unknown) = ScopeSet::parse_lenient("x contact_center:write:queue user:read");
        assert_eq!(set, ScopeSet::from(Scope::USER_READ));
        assert_eq!(unknown, ["x", "contact_center:write:queue"]);
        let (set, unknown) = ScopeSet::parse_lenient("a b a");
        assert_eq!(
            (set, unknown),
            (ScopeSet::EMPTY, vec!["a".into(), "b".into()])
        );
        // So every set prints to a field that parses back.
        assert_eq!(
            ScopeSet::ALL.to_string().parse::<ScopeSet>(),
            Ok(ScopeSet::ALL)
        );
        let one = ScopeSet::from(spaced);
        assert_eq!(one.to_string().parse::<ScopeSet>(), Ok(one));
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
            let classic = ScopeSet::from_scopes(op.granted_by_in(Model::Classic));
            let granular = ScopeSet::from_scopes(op.granted_by_in(Model::Granular));
            assert_eq!(classic | granular, *op.granted_by(), "{op}");
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
