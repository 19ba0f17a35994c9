//! "Did you mean": ranks known names by how close they are to what was typed.
//!
//! Two signals, whichever is stronger: edit distance on the case-folded strings (typos,
//! transpositions such as `wirte`), and word overlap (the right words in another order or
//! with one missing: "meeting create" for "Create a meeting").

use zoom_scopes_tables::text;

use crate::edit_distance;

/// How similar two names must be, from 0 to 1, to be worth suggesting.
const THRESHOLD: f64 = 0.5;

/// Up to `limit` candidates most like `query`, best first; ties keep the candidates' order.
pub fn closest<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let scored = scores_of(query, &candidates);
    best(scored, limit)
        .into_iter()
        // no panic: `scores_of` gives positions in `candidates`
        .map(|at| candidates[at])
        .collect()
}

/// The candidates worth suggesting for `query`: (position, similarity from 0 to 1) of those at
/// or above the threshold, in the candidates' order. With [`best`], for callers that choose
/// among them by more than the score (the scope models of scope names).
pub fn scores<'a>(query: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<(usize, f64)> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    scores_of(query, &candidates)
}

/// The work of [`scores`], not generic, so that it is compiled once rather than once per
/// kind of candidate iterator.
fn scores_of(query: &str, candidates: &[&str]) -> Vec<(usize, f64)> {
    let folded = text::fold(query);
    let words = text::words(query);
    candidates
        .iter()
        .enumerate()
        .map(|(at, c)| (at, similarity(&folded, &words, c)))
        .filter(|&(_, score)| score >= THRESHOLD)
        .collect()
}

/// The positions of the `limit` best of `scored`, best first; the first of equal scores wins.
pub fn best(mut scored: Vec<(usize, f64)>, limit: usize) -> Vec<usize> {
    // `limit` is a handful: picking the best that many times costs less to compile than a
    // stable sort, and behaves the same (the first of equal scores wins).
    let mut best = Vec::with_capacity(limit.min(scored.len()));
    while best.len() < limit {
        let mut top: Option<(usize, f64)> = None;
        for (at, &(_, score)) in scored.iter().enumerate() {
            if top.is_none_or(|(_, best_score)| score > best_score) {
                top = Some((at, score));
            }
        }
        let Some((at, _)) = top else { break };
        best.push(scored.remove(at).0);
    }
    best
}

fn similarity(folded_query: &str, query_words: &[String], candidate: &str) -> f64 {
    let words = overlap(query_words, &text::words(candidate));
    let folded = text::fold(candidate);
    // The quadratic distance dominates the cost of an unknown name, so it is skipped where
    // it cannot change the score that decides: when the edit similarity is bound to fall
    // below the threshold (then the word overlap decides, or the candidate is dropped) or
    // not to exceed the word overlap.
    let bound = edit_bound(folded_query, &folded);
    if bound < THRESHOLD || bound <= words {
        return words;
    }
    edit_distance::normalized_damerau_levenshtein(folded_query, &folded).max(words)
}

/// At least the normalised edit similarity of `a` and `b`: one minus a lower bound of their
/// distance over the longer length. The bound is the length difference (that many edits at
/// least) or, for ASCII strings, the bag distance (the characters one has more of than the
/// other, counted on the side with more), which is at least the length difference: an edit
/// lowers it by one at most, and a transposition leaves it as it is.
fn edit_bound(a: &str, b: &str) -> f64 {
    let (m, n) = (a.chars().count(), b.chars().count());
    let longer = m.max(n);
    if longer == 0 {
        return 1.0;
    }
    let fewest_edits = match a.is_ascii() && b.is_ascii() {
        true => bag_distance(a.as_bytes(), b.as_bytes()),
        false => m.abs_diff(n),
    };
    1.0 - fewest_edits as f64 / longer as f64
}

/// The bag distance of two ASCII strings.
fn bag_distance(a: &[u8], b: &[u8]) -> usize {
    let mut counts = [0i32; 128];
    for (text, step) in [(a, 1), (b, -1)] {
        for &byte in text {
            if let Some(count) = counts.get_mut(usize::from(byte)) {
                *count += step;
            }
        }
    }
    let (mut more_in_a, mut more_in_b) = (0, 0);
    for count in counts {
        match count > 0 {
            true => more_in_a += count.unsigned_abs() as usize,
            false => more_in_b += count.unsigned_abs() as usize,
        }
    }
    more_in_a.max(more_in_b)
}

/// Jaccard index of two word lists, as multisets: a word twice in both counts twice, a word
/// twice in one and once in the other once ("meeting:read:meeting" is not "meeting:read").
fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut unmatched: Vec<&String> = b.iter().collect();
    let mut shared = 0usize;
    for word in a {
        if let Some(at) = unmatched.iter().position(|w| *w == word) {
            unmatched.swap_remove(at);
            shared += 1;
        }
    }
    let union = (a.len() + b.len() - shared) as f64;
    shared as f64 / union
}

/// Joins quoted names as "a", "b" or "c".
pub fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    text::either(&quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLES: [&str; 5] = [
        "Create a meeting",
        "Get a meeting",
        "Delete a meeting",
        "List webinars",
        "Create a user",
    ];

    #[test]
    fn typos_and_reordered_words() {
        assert_eq!(closest("Crate a meeting", TITLES, 1), ["Create a meeting"]);
        assert_eq!(closest("meeting create", TITLES, 1), ["Create a meeting"]);
        assert_eq!(
            closest(
                "division:write:admin",
                ["division:wirte:admin", "role:write:admin"],
                3
            )[0],
            "division:wirte:admin"
        );
    }

    #[test]
    fn nothing_close_gives_nothing() {
        assert!(closest("zzzz qqqq", TITLES, 3).is_empty());
        assert!(closest("", TITLES, 3).is_empty());
    }

    #[test]
    fn limit_is_respected() {
        assert_eq!(closest("a meeting", TITLES, 2).len(), 2);
    }

    /// `closest` without the length bound: every candidate's edit distance computed.
    fn closest_unbounded<'a>(query: &str, candidates: &[&'a str], limit: usize) -> Vec<&'a str> {
        let (folded, words) = (text::fold(query), text::words(query));
        let mut scored: Vec<(f64, &str)> = candidates
            .iter()
            .map(|&c| {
                let edit = edit_distance::normalized_damerau_levenshtein(&folded, &text::fold(c));
                (edit.max(overlap(&words, &text::words(c))), c)
            })
            .filter(|&(score, _)| score >= THRESHOLD)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().take(limit).map(|(_, c)| c).collect()
    }

    #[test]
    fn the_length_bound_changes_no_suggestion() {
        let titles: Vec<&str> = zoom_scopes_tables::titles().collect();
        // A sample of titles, each mistyped several ways (the full product is slow unoptimised).
        for title in titles.iter().step_by(150) {
            let half: String = title.chars().take(title.chars().count() / 2).collect();
            let reordered: Vec<&str> = title.split(' ').rev().collect();
            for query in [
                title.to_uppercase(),
                title.replacen('e', "", 1),
                half,
                format!("{title} {title}"),
                reordered.join(" "),
            ] {
                assert_eq!(
                    closest(&query, titles.iter().copied(), SUGGESTIONS_IN_TEST),
                    closest_unbounded(&query, &titles, SUGGESTIONS_IN_TEST),
                    "{query:?}"
                );
            }
        }
    }

    const SUGGESTIONS_IN_TEST: usize = 5;

    #[test]
    fn the_edit_bound_is_a_bound() {
        let names: Vec<&str> = zoom_scopes_tables::ScopeId::all()
            .map(|s| s.name())
            .step_by(13)
            .collect();
        let mut words = names.clone();
        words.extend(["", "a", "é", "méeting:read", "Meeting:Write"]);
        for a in &words {
            for b in &names {
                let (a, b) = (text::fold(a), text::fold(b));
                let exact = edit_distance::normalized_damerau_levenshtein(&a, &b);
                assert!(edit_bound(&a, &b) >= exact, "{a} / {b}");
            }
        }
        assert_eq!(bag_distance(b"abc", b"cba"), 0);
        assert_eq!(bag_distance(b"abc", b"abd"), 1);
        assert_eq!(bag_distance(b"abcd", b"x"), 4);
    }

    /// `closest` over scope names without any bound: every candidate's edit distance
    /// computed, and the same suggestions. (A third of the names, and a sample of mistypings of
    /// them: the full product is slow unoptimised.)
    #[test]
    fn the_bounds_change_no_scope_suggestion() {
        let names: Vec<&str> = zoom_scopes_tables::ScopeId::all()
            .map(|s| s.name())
            .step_by(3)
            .collect();
        for name in names.iter().step_by(89) {
            for query in [
                name.to_uppercase(),
                name.replacen('e', "", 1),
                name.replacen(':', "", 1),
                format!("{name}:admin"),
            ] {
                assert_eq!(
                    closest(&query, names.iter().copied(), SUGGESTIONS_IN_TEST),
                    closest_unbounded(&query, &names, SUGGESTIONS_IN_TEST),
                    "{query:?}"
                );
            }
        }
    }

    #[test]
    fn repeated_words_count_as_often_as_they_are_written() {
        let w = |s: &str| text::words(s);
        assert_eq!(
            overlap(&w("meeting:read:meeting"), &w("meeting:read")),
            2.0 / 3.0
        );
        assert_eq!(
            overlap(&w("meeting:read"), &w("meeting:read:meeting")),
            2.0 / 3.0
        );
        assert_eq!(overlap(&w("a b c"), &w("c b a")), 1.0);
        assert_eq!(
            closest(
                "Meeting:Read:Meeting",
                ["meeting:read", "meeting:read:meeting"],
                1
            ),
            ["meeting:read:meeting"]
        );
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(quoted_list(&[]), "");
        assert_eq!(quoted_list(&["a"]), "\"a\"");
        assert_eq!(quoted_list(&["a", "b", "c"]), "\"a\", \"b\" or \"c\"");
    }
}
