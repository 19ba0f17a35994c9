//! Scope lookup by name: an open-addressed hash table over the documented names.
//!
//! A token's `scope` field is parsed on every token, so the name lookup is on the hot path. The
//! table is built by const evaluation from the generated scope table, in this one module, so
//! the hash that places a name and the hash that looks it up are the same function by
//! construction: there is no second copy, in the generator or elsewhere, to drift.

use crate::generated::tables::{SCOPE_COUNT, SCOPES};

/// Slots in the table: a power of two at least twice the scope count, so most lookups hit on
/// the first probe and a probe for an unknown name soon reaches an empty slot.
const SLOTS: usize = (SCOPE_COUNT * 2).next_power_of_two();

/// Marks an empty slot (scope indices are below `SCOPE_COUNT`, far below this).
const EMPTY: u16 = u16::MAX;

/// Slot of each documented name: the scope index, or [`EMPTY`].
static TABLE: [u16; SLOTS] = build();

/// The scope index with exactly this documented name.
pub(crate) fn index_of(name: &str) -> Option<u16> {
    let mut slot = first_slot(name.as_bytes());
    loop {
        // `slot` is masked to the table size; the table always has an empty slot, so the
        // probe ends.
        let index = TABLE[slot];
        if index == EMPTY {
            return None;
        }
        if SCOPES[usize::from(index)].name == name {
            return Some(index);
        }
        slot = (slot + 1) & (SLOTS - 1);
    }
}

/// Places every scope by linear probing from its name's first slot.
const fn build() -> [u16; SLOTS] {
    assert!(SCOPE_COUNT < SLOTS && SCOPE_COUNT < EMPTY as usize);
    let mut table = [EMPTY; SLOTS];
    let mut index = 0;
    while index < SCOPE_COUNT {
        let mut slot = first_slot(SCOPES[index].name.as_bytes());
        while table[slot] != EMPTY {
            slot = (slot + 1) & (SLOTS - 1);
        }
        table[slot] = index as u16;
        index += 1;
    }
    table
}

/// The slot a name's probe starts at: the top bits of its hash.
const fn first_slot(name: &[u8]) -> usize {
    (hash(name) >> (u64::BITS - SLOTS.trailing_zeros())) as usize
}

/// A multiplicative hash that takes the name eight bytes at a time (the last chunk
/// zero-padded), seeded with the length so names that differ only by trailing zero bytes
/// differ.
const fn hash(name: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = name.len() as u64;
    let mut at = 0;
    while at + 8 <= name.len() {
        let chunk = u64::from_le_bytes([
            name[at],
            name[at + 1],
            name[at + 2],
            name[at + 3],
            name[at + 4],
            name[at + 5],
            name[at + 6],
            name[at + 7],
        ]);
        h = (h.rotate_left(5) ^ chunk).wrapping_mul(K);
        at += 8;
    }
    if at < name.len() {
        let mut chunk = 0u64;
        let mut shift = 0;
        while at < name.len() {
            chunk |= (name[at] as u64) << shift;
            shift += 8;
            at += 1;
        }
        h = (h.rotate_left(5) ^ chunk).wrapping_mul(K);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_name_is_found() {
        for (index, data) in SCOPES.iter().enumerate() {
            assert_eq!(index_of(data.name), Some(index as u16), "{}", data.name);
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
            assert_eq!(index_of(name), None, "{name:?}");
        }
    }

    #[test]
    fn case_variants_prefixes_and_extensions_of_names_are_not_found() {
        for data in &SCOPES {
            let name = data.name;
            let upper = name.to_ascii_uppercase();
            if upper != name {
                assert_eq!(index_of(&upper), None, "{upper}");
            }
            for end in 0..name.len() {
                let prefix = &name[..end];
                if SCOPES.iter().all(|d| d.name != prefix) {
                    assert_eq!(index_of(prefix), None, "{prefix:?}");
                }
            }
            assert_eq!(index_of(&format!("{name}x")), None);
            assert_eq!(index_of(&format!("{name}\u{e9}")), None);
        }
    }

    #[test]
    fn the_hash_reads_every_byte_and_the_length() {
        assert_ne!(hash(b"abcdefgh"), hash(b"abcdefgi"));
        assert_ne!(hash(b"abcdefghi"), hash(b"abcdefghj"));
        assert_ne!(hash(b"a"), hash(b"a\0"));
        assert_ne!(hash(b""), hash(b"\0"));
    }
}
