//! [`ScopeId`]: one documented Zoom OAuth scope, and the lookup of a scope by its name.
//!
//! A token's `scope` field is parsed on every token, so the name lookup is on the hot path: an
//! open-addressed hash table over the documented names. It is built by const evaluation from
//! the scope rows, so the hash that places a name and the hash that looks it up are the same
//! function by construction.

use crate::columns::{
    SCOPE_ACCESS, SCOPE_APIS, SCOPE_COUNT, SCOPE_DESCRIPTIONS, SCOPE_GRANT_ENDS, SCOPE_GRANTS,
    SCOPE_LEVELS, SCOPE_NAMES, run, some,
};
use crate::{Access, ApiId, Level, OperationId};

/// A documented scope, numbered in catalogue order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ScopeId(pub(crate) u16);

impl ScopeId {
    /// How many scopes are documented.
    pub const COUNT: usize = SCOPE_COUNT;

    /// Position in catalogue order, from 0.
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The scope at `index` in catalogue order, if there is one.
    pub const fn from_index(index: usize) -> Option<ScopeId> {
        if index < SCOPE_COUNT {
            Some(ScopeId(index as u16))
        } else {
            None
        }
    }

    /// Every documented scope, in catalogue order.
    pub fn all() -> impl ExactSizeIterator<Item = ScopeId> + Clone {
        (0..SCOPE_COUNT as u16).map(ScopeId)
    }

    /// The scope with exactly this documented name (`division:wirte:admin` as Zoom spells it).
    #[inline]
    pub fn named(name: &str) -> Option<ScopeId> {
        let mut slot = first_slot(name.as_bytes());
        loop {
            // `slot` is masked to the table size; the table always has an empty slot, so the
            // probe ends.
            // no panic: `slot` is masked to the table's size
            let index = TABLE[slot];
            if index == EMPTY {
                return None;
            }
            // no panic: the table holds scope indices or EMPTY, which ended the loop
            if SCOPE_NAMES[usize::from(index)] == name {
                return Some(ScopeId(index));
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    /// The documented name, exactly as Zoom spells it.
    #[inline]
    pub const fn name(self) -> &'static str {
        // no panic: a ScopeId only comes from these tables
        SCOPE_NAMES[self.index()]
    }

    /// Zoom's one-line description (one documented scope has none).
    pub const fn description(self) -> Option<&'static str> {
        // no panic: as above
        some(SCOPE_DESCRIPTIONS[self.index()])
    }

    /// The API group the scope is documented under.
    pub const fn api(self) -> ApiId {
        // no panic: as above
        ApiId(SCOPE_APIS[self.index()])
    }

    /// User, admin or master level.
    #[inline]
    pub const fn level(self) -> Level {
        // no panic: as above
        SCOPE_LEVELS[self.index()]
    }

    /// Read or write access.
    #[inline]
    pub const fn access(self) -> Access {
        // no panic: as above
        SCOPE_ACCESS[self.index()]
    }

    /// The sort key for "least privileged first": level, then access, then catalogue order.
    pub const fn privilege(self) -> (Level, Access, ScopeId) {
        (self.level(), self.access(), self)
    }

    /// The operations this scope grants, in catalogue order, each once.
    pub const fn grants(self) -> &'static [OperationId] {
        run(&SCOPE_GRANTS, &SCOPE_GRANT_ENDS, self.index())
    }
}

/// Sorts scopes least privileged first. [`ScopeId::privilege`] ends with the id, a total
/// order, so the unstable sort gives the one possible result.
pub fn rank(scopes: &mut [ScopeId]) {
    scopes.sort_unstable_by_key(|s| s.privilege());
}

/// Slots in the table: a power of two at least twice the scope count, so most lookups hit on
/// the first probe and a probe for an unknown name soon reaches an empty slot.
const SLOTS: usize = (SCOPE_COUNT * 2).next_power_of_two();

/// Marks an empty slot (scope indices are below `SCOPE_COUNT`, far below this).
const EMPTY: u16 = u16::MAX;

/// Slot of each documented name: the scope index, or [`EMPTY`].
static TABLE: [u16; SLOTS] = build();

/// Places every scope by linear probing from its name's first slot.
/// It runs in const evaluation, when this crate is compiled: a failure is a build error of this
/// crate, never a panic at run time.
const fn build() -> [u16; SLOTS] {
    // no panic: const evaluation
    assert!(SCOPE_COUNT < SLOTS && SCOPE_COUNT < EMPTY as usize);
    let mut table = [EMPTY; SLOTS];
    let mut index = 0;
    while index < SCOPE_COUNT {
        // no panic: const evaluation, and `index` is below the count
        let mut slot = first_slot(SCOPE_NAMES[index].as_bytes());
        // no panic: const evaluation, and `slot` is masked to the table's size
        while table[slot] != EMPTY {
            slot = (slot + 1) & (SLOTS - 1);
        }
        // no panic: as above
        table[slot] = index as u16;
        index += 1;
    }
    table
}

/// The slot a name's probe starts at: the top bits of its hash.
#[inline]
const fn first_slot(name: &[u8]) -> usize {
    (hash(name) >> (u64::BITS - SLOTS.trailing_zeros())) as usize
}

/// A multiplicative hash that takes the name eight bytes at a time, seeded with its length.
/// A name of eight bytes or more ends with its last eight bytes (overlapping the chunk before,
/// so the hot path reads whole words only); a shorter name is one zero-padded chunk.
#[inline]
const fn hash(name: &[u8]) -> u64 {
    let mut h = name.len() as u64;
    let Some(last) = name.last_chunk::<8>() else {
        return mix(h, short_chunk(name));
    };
    let mut rest = name;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        if tail.is_empty() {
            break;
        }
        h = mix(h, u64::from_le_bytes(*chunk));
        rest = tail;
    }
    mix(h, u64::from_le_bytes(*last))
}

/// One step of the hash.
#[inline]
const fn mix(h: u64, chunk: u64) -> u64 {
    (h.rotate_left(5) ^ chunk).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The bytes of a name shorter than eight bytes, little-endian, zero-padded.
#[inline]
const fn short_chunk(name: &[u8]) -> u64 {
    let mut chunk = 0u64;
    let mut rest = name;
    let mut shift = 0;
    while let [byte, tail @ ..] = rest {
        chunk |= (*byte as u64) << shift;
        shift += 8;
        rest = tail;
    }
    chunk
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Option<ScopeId> {
        ScopeId::named(name)
    }

    #[test]
    fn every_documented_name_is_found() {
        for (index, data) in SCOPE_NAMES.iter().enumerate() {
            assert_eq!(
                ScopeId::named(data),
                Some(ScopeId(index as u16)),
                "{}",
                data
            );
        }
    }

    #[test]
    fn every_scope_has_one_slot() {
        let mut placed: Vec<u16> = TABLE.iter().copied().filter(|&i| i != EMPTY).collect();
        placed.sort_unstable();
        let expected: Vec<u16> = (0..SCOPE_COUNT as u16).collect();
        assert_eq!(placed, expected);
    }

    #[test]
    fn other_strings_are_not_found() {
        for name in [
            "",
            " ",
            "meeting",
            "meeting:",
            "meeting:writ",
            "meeting:write ",
            " meeting:write",
            "meeting:write\0",
            "meeting:write:admin:",
            "Meeting:Write",
            "MEETING:WRITE",
            "division:write:admin",
            "méeting:write",
            "meeting：write",
            "\u{a0}meeting:write",
        ] {
            assert_eq!(named(name), None, "{name:?}");
        }
    }

    #[test]
    fn case_variants_prefixes_and_extensions_of_names_are_not_found() {
        for data in &SCOPE_NAMES {
            let name = *data;
            let upper = name.to_ascii_uppercase();
            if upper != name {
                assert_eq!(named(&upper), None, "{upper}");
            }
            for end in 0..name.len() {
                let prefix = &name[..end];
                if SCOPE_NAMES.iter().all(|d| *d != prefix) {
                    assert_eq!(named(prefix), None, "{prefix:?}");
                }
            }
            assert_eq!(named(&format!("{name}x")), None);
            assert_eq!(named(&format!("{name}\u{e9}")), None);
        }
    }

    #[test]
    fn the_hash_reads_every_byte_and_the_length() {
        assert_ne!(hash(b"abcdefgh"), hash(b"abcdefgi"));
        assert_ne!(hash(b"abcdefghi"), hash(b"abcdefghj"));
        assert_ne!(hash(b"a"), hash(b"a\0"));
        assert_ne!(hash(b""), hash(b"\0"));
        assert_ne!(hash(b"abcdefghijklmnop"), hash(b"abcdefghijklmnoq"));
        assert_ne!(hash(b"abcdefghijklmnopq"), hash(b"abcdefghijklmnopr"));
        assert_ne!(hash(b"abcdefghijklmnopq"), hash(b"bbcdefghijklmnopq"));
    }
}
