//! "Did you mean": ranks known names by how close they are to what was typed.
//!
//! Two signals, whichever is stronger: edit distance on the case-folded strings (typos,
//! transpositions such as `wirte`), and word overlap (the right words in another order or
//! with one missing: "meeting create" for "Create a meeting").

use crate::text;

/// How similar two names must be, from 0 to 1, to be worth suggesting.
const THRESHOLD: f64 = 0.5;

/// Up to `limit` candidates most like `query`, best first; ties keep the candidates' order.
pub fn closest<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<&'a str> {
    let folded = text::fold(query);
    let words = text::words(query);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| (similarity(&folded, &words, c), c))
        .filter(|&(score, _)| score >= THRESHOLD)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(limit).map(|(_, c)| c).collect()
}

fn similarity(folded_query: &str, query_words: &[String], candidate: &str) -> f64 {
    let edit = strsim::normalized_damerau_levenshtein(folded_query, &text::fold(candidate));
    edit.max(overlap(query_words, &text::words(candidate)))
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
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
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

    #[test]
    fn lists_read_naturally() {
        assert_eq!(quoted_list(&[]), "");
        assert_eq!(quoted_list(&["a"]), "\"a\"");
        assert_eq!(quoted_list(&["a", "b", "c"]), "\"a\", \"b\" or \"c\"");
    }
}
