//! The words of the names people type, and the lists messages write.

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
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// Names in backticks, as alternatives (`` `a`, `b` or `c` ``), or `none` when there are none.
pub fn code_alternatives<S: AsRef<str>>(names: &[S], none: &str) -> String {
    let coded: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    if coded.is_empty() {
        none.to_owned()
    } else {
        either(&coded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(either(&s(&[])), "");
        assert_eq!(either(&s(&["a"])), "a");
        assert_eq!(either(&s(&["a", "b", "c"])), "a, b or c");
        assert_eq!(code_alternatives(&["a", "b"], "none"), "`a` or `b`");
        assert_eq!(code_alternatives::<&str>(&[], "none"), "none");
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
