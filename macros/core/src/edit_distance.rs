//! Edit distance for "did you mean": the Damerau–Levenshtein distance (insertions, deletions,
//! substitutions and transpositions of adjacent characters, with no restriction on editing a
//! substring twice), counted in `char`s.
//!
//! Written here rather than taken from a crate because every user of the macros compiles this
//! crate, and one function is cheaper to build than a dependency.

/// Similarity from 0 (nothing in common) to 1 (equal): one minus the distance over the length
/// of the longer string. Two empty strings are equal.
pub fn normalized_damerau_levenshtein(a: &str, b: &str) -> f64 {
    let (a, b, alphabet) = codes(a, b);
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    1.0 - damerau_levenshtein(&a, &b, alphabet) as f64 / longer as f64
}

/// The characters of `a` and `b` as small numbers, and how many numbers there are: bytes for
/// ASCII strings (the scope names and titles), positions in a list of the distinct characters
/// otherwise. The distance only compares characters for equality, so it is the same.
fn codes(a: &str, b: &str) -> (Vec<usize>, Vec<usize>, usize) {
    if a.is_ascii() && b.is_ascii() {
        let bytes = |s: &str| s.bytes().map(usize::from).collect();
        return (bytes(a), bytes(b), 128);
    }
    let mut distinct: Vec<char> = Vec::new();
    let mut code = |c: char| match distinct.iter().position(|&d| d == c) {
        Some(at) => at,
        None => {
            distinct.push(c);
            distinct.len() - 1
        }
    };
    let a: Vec<usize> = a.chars().map(&mut code).collect();
    let b: Vec<usize> = b.chars().map(&mut code).collect();
    let alphabet = distinct.len();
    (a, b, alphabet)
}

/// The distance between `a` and `b`, whose codes are below `alphabet` (Lowrance and Wagner's
/// algorithm).
///
/// The work of every "did you mean", which scores thousands of names: plain slices (indexing
/// them is built into the language, where a `Vec`'s is a call in the unoptimised builds proc
/// macros get) and a table of the last row of each code rather than a search.
fn damerau_levenshtein(a: &[usize], b: &[usize], alphabet: usize) -> usize {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return n.max(m);
    }
    // Row i + 1, column j + 1 holds the distance between the first i characters of `a` and the
    // first j of `b`. Row and column 0 hold a bound no path can reach, so transpositions that
    // reach before the start lose.
    let beyond = n + m;
    let columns = m + 2;
    let mut cells = vec![0; (n + 2) * columns];
    let d: &mut [usize] = &mut cells;
    // The last row of `a` (1-based) each code was seen on, 0 for none yet.
    let mut last_rows = vec![0; alphabet];
    let last_row: &mut [usize] = &mut last_rows;
    // Every index below is a row at most n + 1 and a column at most m + 1 of the
    // (n + 2) x (m + 2) matrix, or a code below `alphabet`.
    // no panic: as said
    d[0] = beyond;
    for i in 0..=n {
        // no panic: as above
        d[(i + 1) * columns] = beyond;
        // no panic: as above
        d[(i + 1) * columns + 1] = i;
    }
    for j in 0..=m {
        // no panic: as above
        d[j + 1] = beyond;
        // no panic: as above
        d[columns + j + 1] = j;
    }
    for (i, &ca) in (1..).zip(a) {
        // The last column of this row whose characters matched.
        let mut match_column = 0;
        let (row, above) = ((i + 1) * columns, i * columns);
        for (j, &cb) in (1..).zip(b) {
            // no panic: as above
            let i1 = last_row[cb];
            let j1 = match_column;
            let cost = if ca == cb {
                match_column = j;
                0
            } else {
                1
            };
            // no panic: as above
            let substitution = d[above + j] + cost;
            // no panic: as above
            let insertion = d[row + j] + 1;
            // no panic: as above
            let deletion = d[above + j + 1] + 1;
            // no panic: as above
            let transposition = d[i1 * columns + j1] + (i - i1 - 1) + 1 + (j - j1 - 1);
            // no panic: as above
            d[row + j + 1] = substitution.min(insertion).min(deletion).min(transposition);
        }
        // no panic: as above
        last_row[ca] = i;
    }
    // no panic: as above
    d[(n + 1) * columns + m + 1]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn distance(a: &str, b: &str) -> usize {
        let (a, b, alphabet) = codes(a, b);
        damerau_levenshtein(&a, &b, alphabet)
    }

    #[test]
    fn known_distances() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("", "ab"), 2);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("write", "wirte"), 1);
        // Unrestricted: "ca" -> "ac" -> "abc" is two edits (the restricted variant needs three).
        assert_eq!(distance("ca", "abc"), 2);
        assert_eq!(distance("héllo", "hlélo"), 1);
        assert_eq!(normalized_damerau_levenshtein("", ""), 1.0);
        assert_eq!(normalized_damerau_levenshtein("abcd", "abdc"), 0.75);
    }

    proptest! {
        /// The same scores as the `strsim` crate, which the suggestions were tuned with.
        #[test]
        fn agrees_with_strsim(a in "[a-e:_ é]{0,12}", b in "[a-e:_ é]{0,12}") {
            prop_assert_eq!(
                normalized_damerau_levenshtein(&a, &b),
                strsim::normalized_damerau_levenshtein(&a, &b)
            );
        }
    }

    #[test]
    fn agrees_with_strsim_on_catalogue_names() {
        let names: Vec<&str> = zoom_scopes_tables::ScopeId::all()
            .map(|s| s.name())
            .step_by(7)
            .collect();
        for a in &names {
            for b in &names {
                assert_eq!(
                    normalized_damerau_levenshtein(a, b),
                    strsim::normalized_damerau_levenshtein(a, b),
                    "{a} / {b}"
                );
            }
        }
    }
}
