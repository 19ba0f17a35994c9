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
    closest_of(query, candidates, limit)
}

/// The work of [`closest`], not generic, so that it is compiled once rather than once per
/// kind of candidate iterator.
fn closest_of<'a>(query: &str, candidates: Vec<&'a str>, limit: usize) -> Vec<&'a str> {
    let folded = text::fold(query);
    let words = text::words(query);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (similarity(&folded, &words, c), c))
        .filter(|&(score, _)| score >= THRESHOLD)
        .collect();
    // `limit` is a handful: picking the best that many times costs less to compile than a
    // stable sort, and behaves the same (the first of equal scores wins).
    let mut best = Vec::with_capacity(limit.min(scored.len()));
    while best.len() < limit {
        let mut top: Option<(usize, f64)> = None;
        for (at, &(score, _)) in scored.iter().enumerate() {
            if top.is_none_or(|(_, best_score)| score > best_score) {
                top = Some((at, score));
            }
        }
        let Some((at, _)) = top else { break };
        best.push(scored.remove(at).1);
    }
    best
}

fn similarity(folded_query: &str, query_words: &[String], candidate: &str) -> f64 {
    let words = overlap(query_words, &text::words(candidate));
    let folded = text::fold(candidate);
    // The length difference alone costs that many edits, so the normalised edit similarity is
    // at most shorter / longer. Below the threshold it cannot change what `closest` returns
    // (the word overlap decides, or the candidate is dropped), and the quadratic distance,
    // which dominates the cost of an unknown title, is skipped.
    let (a, b) = (folded_query.chars().count(), folded.chars().count());
    if (a.min(b) as f64) < THRESHOLD * a.max(b) as f64 {
        return words;
    }
    edit_distance::normalized_damerau_levenshtein(folded_query, &folded).max(words)
}

/// Jaccard index of two word lists.
fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count() as f64;
    let union = (a.len() + b.len()) as f64 - shared;
    shared / union
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
    fn lists_read_naturally() {
        assert_eq!(quoted_list(&[]), "");
        assert_eq!(quoted_list(&["a"]), "\"a\"");
        assert_eq!(quoted_list(&["a", "b", "c"]), "\"a\", \"b\" or \"c\"");
    }
}
