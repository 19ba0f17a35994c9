//! The hash of the scope-name table: the generator places every name with [`place`], and
//! `ScopeId::named` probes with the same [`first_slot`], so the two cannot disagree. Placing
//! ran by const evaluation once; for three thousand names that cost every build of this crate
//! over a second, so the generator does it.

/// Marks an empty slot (scope indices are far below this).
pub const EMPTY: u16 = u16::MAX;

/// The table's size for `count` names: a power of two at least twice the count, so most
/// lookups hit on the first probe and a probe for an unknown name soon reaches an empty slot.
pub fn slots(count: usize) -> usize {
    (count * 2).next_power_of_two()
}

/// The table of `names`: each slot holds a name's index, or [`EMPTY`]; names are placed in
/// order by linear probing from their first slot.
pub fn place(names: &[&str]) -> Vec<u16> {
    let size = slots(names.len());
    let mut table = vec![EMPTY; size];
    for (index, name) in names.iter().enumerate() {
        let mut slot = first_slot(name.as_bytes(), size);
        // no panic: `slot` is masked to the table's size
        while table[slot] != EMPTY {
            slot = (slot + 1) & (size - 1);
        }
        // no panic: as above; the generator numbers far fewer names than EMPTY
        table[slot] = u16::try_from(index).unwrap_or(EMPTY);
    }
    table
}

/// The slot a name's probe starts at in a table of `size` slots (a power of two): the top bits
/// of its hash.
#[inline]
pub fn first_slot(name: &[u8], size: usize) -> usize {
    (hash(name) >> (u64::BITS - size.trailing_zeros())) as usize
}

/// A multiplicative hash that takes the name eight bytes at a time, seeded with its length.
/// A name of eight bytes or more ends with its last eight bytes (overlapping the chunk before,
/// so the hot path reads whole words only); a shorter name is one zero-padded chunk.
#[inline]
fn hash(name: &[u8]) -> u64 {
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
fn mix(h: u64, chunk: u64) -> u64 {
    (h.rotate_left(5) ^ chunk).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// The bytes of a name shorter than eight bytes, little-endian, zero-padded.
#[inline]
fn short_chunk(name: &[u8]) -> u64 {
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

    #[test]
    fn every_name_is_placed_once() {
        let names = ["a", "b", "meeting:write", "meeting:write:admin", ""];
        let table = place(&names);
        assert_eq!(table.len(), 16);
        let mut placed: Vec<u16> = table.iter().copied().filter(|&i| i != EMPTY).collect();
        placed.sort_unstable();
        assert_eq!(placed, [0, 1, 2, 3, 4]);
    }
}
