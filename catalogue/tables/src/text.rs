//! The words of the names people type, API group names compared as people write them, and
//! the lists messages write.

/// Case folding for titles and scope names.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
}

/// The lower-cased words of a title, without the articles that every title shares.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "a" | "an" | "the" | "of" | "to" | "for"))
        .collect()
}

/// Items joined as people list alternatives: `a`, `a or b`, `a, b or c`; empty for none.
pub fn either(items: &[String]) -> String {
    let mut text = String::new();
    push_alternatives(&mut text, items.iter().map(String::as_str), "");
    text
}

/// Items joined as people list them all: `a`, `a and b`, `a, b and c`; empty for none.
pub fn each(items: &[String]) -> String {
    let mut text = String::new();
    push_list(&mut text, items.iter().map(String::as_str), "", " and ");
    text
}

/// Names in backticks, as alternatives (`` `a`, `b` or `c` ``), or `none` when there are none.
pub fn code_alternatives<S: AsRef<str>>(names: &[S], none: &str) -> String {
    if names.is_empty() {
        return none.to_owned();
    }
    let mut text = String::new();
    push_code_alternatives(&mut text, names.iter().map(AsRef::as_ref));
    text
}

/// Appends [`code_alternatives`]' list of `names` to `text`, nothing for none: for text built
/// in one buffer, as the macros' doc line is on every annotation, without a string per name.
pub fn push_code_alternatives<'a>(
    text: &mut String,
    names: impl ExactSizeIterator<Item = &'a str>,
) {
    push_alternatives(text, names, "`");
}

/// Appends `items` to `text` as [`either`] lists them, each between two `mark`s.
fn push_alternatives<'a>(
    text: &mut String,
    items: impl ExactSizeIterator<Item = &'a str>,
    mark: &str,
) {
    push_list(text, items, mark, " or ");
}

/// Appends `items` to `text`, each between two `mark`s, separated by commas but the last two,
/// which `last_separator` separates (` or `, ` and `).
fn push_list<'a>(
    text: &mut String,
    items: impl ExactSizeIterator<Item = &'a str>,
    mark: &str,
    last_separator: &str,
) {
    let last = items.len().saturating_sub(1);
    for (at, item) in items.enumerate() {
        match at {
            0 => {}
            _ if at == last => text.push_str(last_separator),
            _ => text.push_str(", "),
        }
        text.push_str(mark);
        text.push_str(item);
        text.push_str(mark);
    }
}

/// Whether two API group names are equal once case, spaces and punctuation are folded away
/// ("ContactCenter" is "Contact Center"); compared without allocating.
pub fn same_api(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // The same folding, byte by byte: for ASCII, `char::is_alphanumeric` and
        // `char::to_lowercase` are their `ascii` forms.
        ascii_key(a).eq(ascii_key(b))
    } else {
        key_chars(a).eq(key_chars(b))
    }
}

/// The key two API group names share when they name one group: lower-case letters and digits
/// only, so "ContactCenter", "Contact Center" and "contact_center" agree.
pub fn api_key(name: &str) -> String {
    key_chars(name).collect()
}

/// An API group name with case, spaces and punctuation folded away.
fn key_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// An ASCII API group name with case, spaces and punctuation folded away.
fn ascii_key(name: &str) -> impl Iterator<Item = u8> + '_ {
    name.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_key_is_the_char_key() {
        let mut names: Vec<String> = (0..=127u8).map(|b| char::from(b).to_string()).collect();
        for api in [
            "Contact Center",
            "ContactCenter",
            "Special&ChatBot",
            "workforce_management",
            "Conference Room Connector (CRC)",
        ] {
            names.extend([
                api.to_owned(),
                api.to_uppercase(),
                api.replace(' ', "-"),
                format!("_{api} 2"),
            ]);
        }
        for name in &names {
            assert!(
                ascii_key(name).map(char::from).eq(key_chars(name)),
                "{name:?}"
            );
            assert!(same_api(name, &api_key(name)), "{name:?}");
        }
    }

    #[test]
    fn names_match_ignoring_case_space_and_punctuation() {
        assert!(same_api("Contact Center", "CONTACT_CENTER"));
        assert!(same_api("Contact Center", "ContactCenter"));
        assert!(same_api("workforce_management", "Workforce Management"));
        assert!(same_api("Special&ChatBot", "special chatbot"));
        assert!(!same_api("Special", "Special&ChatBot"));
        assert!(same_api("Zo\u{d3}m", "zo\u{f3}m"));
        assert!(!same_api("Zoom", "Zo\u{f3}m"));
        assert_eq!(api_key("Special&ChatBot"), "specialchatbot");
    }

    #[test]
    fn alternatives() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(either(&s(&[])), "");
        assert_eq!(either(&s(&["a"])), "a");
        assert_eq!(either(&s(&["a", "b", "c"])), "a, b or c");
        assert_eq!(each(&s(&[])), "");
        assert_eq!(each(&s(&["a", "b"])), "a and b");
        assert_eq!(each(&s(&["a", "b", "c"])), "a, b and c");
        assert_eq!(code_alternatives(&["a", "b"], "none"), "`a` or `b`");
        assert_eq!(code_alternatives::<&str>(&[], "none"), "none");
        for n in 0..5 {
            let names: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            let coded: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            assert_eq!(code_alternatives(&names, ""), either(&coded), "{n} names");
        }
    }

    #[test]
    fn words_drop_articles() {
        assert_eq!(words("Create a meeting"), ["create", "meeting"]);
        assert_eq!(
            words("Update a H.323/SIP device"),
            ["update", "h", "323", "sip", "device"]
        );
    }
}
