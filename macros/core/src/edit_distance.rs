//! Edit distance for "did you mean": the Damerau–Levenshtein distance (insertions, deletions,
//! substitutions and transpositions of adjacent characters, with no restriction on editing a
//! substring twice), counted in `char`s.
//!
//! Written here rather than taken from a crate because every user of the macros compiles this
//! crate, and one function is cheaper to build than a dependency.

/// Similarity from 0 (nothing in common) to 1 (equal): one minus the distance over the length
/// of the longer string. Two empty strings are equal.
pub fn normalized_damerau_levenshtein(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    1.0 - damerau_levenshtein(&a, &b) as f64 / longer as f64
}

/// The distance between `a` and `b` (Lowrance and Wagner's algorithm).
fn damerau_levenshtein(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return n.max(m);
    }
    // Row i + 1, column j + 1 holds the distance between the first i characters of `a` and the
    // first j of `b`. Row and column 0 hold a bound no path can reach, so transpositions that
    // reach before the start lose.
    let beyond = n + m;
    let mut d = Matrix::new(n + 2, m + 2);
    d.set(0, 0, beyond);
    for i in 0..=n {
        d.set(i + 1, 0, beyond);
        d.set(i + 1, 1, i);
    }
    for j in 0..=m {
        d.set(0, j + 1, beyond);
        d.set(1, j + 1, j);
    }
    // The last row of `a` (1-based) each character was seen on; short strings, so a list.
    let mut last_row: Vec<(char, usize)> = Vec::new();
    for (i, &ca) in (1..).zip(a) {
        // The last column of this row whose characters matched.
        let mut match_column = 0;
        for (j, &cb) in (1..).zip(b) {
            let i1 = last_row
                .iter()
                .find(|&&(c, _)| c == cb)
                .map_or(0, |&(_, row)| row);
            let j1 = match_column;
            let cost = if ca == cb {
                match_column = j;
                0
            } else {
                1
            };
            let substitution = d.get(i, j) + cost;
            let insertion = d.get(i + 1, j) + 1;
            let deletion = d.get(i, j + 1) + 1;
            let transposition = d.get(i1, j1) + (i - i1 - 1) + 1 + (j - j1 - 1);
            d.set(
                i + 1,
                j + 1,
                substitution.min(insertion).min(deletion).min(transposition),
            );
        }
        match last_row.iter_mut().find(|(c, _)| *c == ca) {
            Some(entry) => entry.1 = i,
            None => last_row.push((ca, i)),
        }
    }
    d.get(n + 1, m + 1)
}

/// A rows x columns matrix of distances, row by row.
struct Matrix {
    columns: usize,
    cells: Vec<usize>,
}

impl Matrix {
    fn new(rows: usize, columns: usize) -> Matrix {
        Matrix {
            columns,
            cells: vec![0; rows * columns],
        }
    }

    fn get(&self, row: usize, column: usize) -> usize {
        // The algorithm reads rows 0..=n + 1 and columns 0..=m + 1 of an (n + 2) x (m + 2) matrix.
        // no panic: in bounds, as above
        self.cells[row * self.columns + column]
    }

    fn set(&mut self, row: usize, column: usize, value: usize) {
        // no panic: as for `get`
        self.cells[row * self.columns + column] = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        damerau_levenshtein(&a, &b)
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
