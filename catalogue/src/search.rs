//! Finding operations by a few words, for when the exact title to annotate is not known.
//!
//! Each query word is matched against the title's words (exactly, as a prefix either way so
//! that "meeting" finds "meetings", or within a small edit distance for typos), then against
//! the API group's words; an operationId written as one word (`meetingCreate`) matches too.
//! A title that holds the whole query as written, or few words besides, ranks higher.
//! Everything is read from the generated tables.

use zoom_scopes_macros_core::edit_distance::normalized_damerau_levenshtein;
use zoom_scopes_tables::{OperationId, text};

/// One operation found by [`search`].
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The operation.
    pub operation: OperationId,
    /// How well it matches, higher is better; about 1 when every word is in the title.
    pub score: f64,
}

/// How close two words must be, from 0 to 1, to count as a typo of each other.
const TYPO: f64 = 0.8;

/// Operations matching `query`, best first, at most `limit`. Ties are ordered by title and
/// API group, so the result is stable.
pub fn search(query: &str, limit: usize) -> Vec<Hit> {
    let words = text::words(query);
    let folded = text::fold(query.trim());
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Hit> = OperationId::all()
        .filter_map(|op| {
            let score = score(op, &words, &folded);
            (score > 0.0).then_some(Hit {
                operation: op,
                score,
            })
        })
        .collect();
    hits.sort_by(|a, b| {
        let (x, y) = (a.operation, b.operation);
        b.score
            .total_cmp(&a.score)
            .then_with(|| x.title().cmp(y.title()))
            .then_with(|| x.api().cmp(&y.api()))
    });
    hits.truncate(limit);
    hits
}

fn score(op: OperationId, words: &[String], folded_query: &str) -> f64 {
    let title_words = text::words(op.title());
    let api_words = text::words(op.api().name());
    let operation_id = op.operation_id().map(text::fold);
    let mut matched = 0.0;
    let mut used = vec![false; title_words.len()];
    for word in words {
        let in_title = title_words
            .iter()
            .enumerate()
            .map(|(i, t)| (word_match(word, t), Some(i)))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap_or((0.0, None));
        let in_api = api_words
            .iter()
            .any(|g| word_match(word, g) >= 0.8)
            .then_some((0.5, None));
        let is_id = (operation_id.as_ref() == Some(word)).then_some((1.0, None));
        let (m, at) = [Some(in_title), in_api, is_id]
            .into_iter()
            .flatten()
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap_or((0.0, None));
        matched += m;
        if let (true, Some(i)) = (m > 0.0, at) {
            used[i] = true;
        }
    }
    if matched == 0.0 {
        return 0.0;
    }
    let mut score = matched / words.len() as f64;
    if text::fold(op.title()).contains(folded_query) {
        score += 0.25;
    }
    let extra = used.iter().filter(|u| !**u).count();
    score -= 0.02 * extra as f64;
    if op.deprecated() {
        score -= 0.05;
    }
    score.max(f64::MIN_POSITIVE)
}

/// How well a query word matches a title word: 1 exactly, 0.8 as a prefix either way (three
/// letters at least, and at most three more: "meeting", "meetings"), less for a typo, 0
/// otherwise.
fn word_match(query: &str, word: &str) -> f64 {
    if query == word {
        return 1.0;
    }
    let shorter = query.len().min(word.len());
    let longer = query.len().max(word.len());
    let prefix = word.starts_with(query) || query.starts_with(word);
    if prefix && shorter >= 3 && longer - shorter <= 3 {
        return 0.8;
    }
    let similar = normalized_damerau_levenshtein(query, word);
    if shorter >= 4 && similar >= TYPO {
        0.6 * similar
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::search;

    fn titles(query: &str, limit: usize) -> Vec<String> {
        search(query, limit)
            .iter()
            .map(|h| format!("{} ({})", h.operation.title(), h.operation.api().name()))
            .collect()
    }

    #[test]
    fn exact_titles_come_first() {
        let found = titles("list meetings", 5);
        assert_eq!(
            found[..2],
            ["List meetings (Dashboard)", "List meetings (Meeting)"]
        );
        assert_eq!(
            titles("Create a meeting", 1),
            ["Create a meeting (Meeting)"]
        );
    }

    #[test]
    fn words_in_any_order_plurals_and_typos() {
        assert_eq!(titles("meeting create", 1), ["Create a meeting (Meeting)"]);
        assert!(titles("crate meeting", 5).contains(&"Create a meeting (Meeting)".to_owned()));
        assert!(
            titles("meeting summary", 10)
                .iter()
                .any(|t| t.starts_with("Get a meeting or webinar summary"))
        );
    }

    #[test]
    fn operation_ids_are_searchable() {
        assert!(
            titles("listPhoneNumbers", 3)
                .contains(&"List phone numbers (NumberManagement)".to_owned())
        );
    }

    #[test]
    fn nothing_matching_gives_nothing() {
        assert!(titles("zzzz qqqq", 5).is_empty());
        assert!(titles("", 5).is_empty());
        assert!(titles("a the", 5).is_empty(), "articles alone are no query");
        assert_eq!(titles("meeting", 3).len(), 3, "the limit is kept");
    }

    #[test]
    fn deprecated_titles_rank_below_their_replacement() {
        let found = titles("Get indicators settings", 2);
        assert!(!found[0].contains("[Deprecated]"), "{found:?}");
    }
}
