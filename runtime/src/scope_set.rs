//! [`ScopeSet`]: a fixed-size bitset over the documented scopes.

use std::fmt;
use std::ops::{BitAnd, BitAndAssign, BitOr, BitOrAssign, Sub, SubAssign};
use std::str::FromStr;

use crate::generated::tables::SCOPE_COUNT;
use crate::scope::write_unknown;
use crate::{Operation, Scope};

const WORDS: usize = SCOPE_COUNT.div_ceil(64);

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
        while i < SCOPE_COUNT {
            set = set.with(Scope(i as u16));
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

    /// The set of the scopes at these catalogue indices (indices past the catalogue are ignored).
    pub(crate) const fn from_indices(indices: &[u16]) -> ScopeSet {
        let mut set = ScopeSet::EMPTY;
        let mut i = 0;
        while i < indices.len() {
            if (indices[i] as usize) < SCOPE_COUNT {
                set = set.with(Scope(indices[i]));
            }
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
        self.intersects(operation.granted_by())
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
        for name in text
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|n| !n.is_empty())
        {
            match Scope::from_name(name) {
                Some(scope) => set = set.with(scope),
                None if unknown.iter().any(|u| u == name) => {}
                None => unknown.push(name.to_owned()),
            }
        }
        (set, unknown)
    }
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
                return Some(Scope((self.word * 64 + bit) as u16));
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
