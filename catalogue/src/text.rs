//! Normalisation of the names people type: group keys, case folding, words.

/// The key two group names must share to be the same group: lower-case letters and digits only,
/// so "ContactCenter", "Contact Center" and "contact_center" agree.
pub fn group_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

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

/// The Rust constant name for a scope: `meeting:write:admin` -> `MEETING_WRITE_ADMIN`.
pub fn const_name(scope: &str) -> String {
    let name: String = scope
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("S_{name}")
    } else {
        name
    }
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
    fn group_keys_ignore_case_space_and_punctuation() {
        assert_eq!(group_key("Contact Center"), group_key("ContactCenter"));
        assert_eq!(
            group_key("workforce_management"),
            group_key("Workforce Management")
        );
        assert_eq!(group_key("Special&ChatBot"), "specialchatbot");
        assert_ne!(group_key("Special"), group_key("Special&ChatBot"));
    }

    #[test]
    fn const_names() {
        assert_eq!(const_name("meeting:write:admin"), "MEETING_WRITE_ADMIN");
        assert_eq!(const_name("scim2"), "SCIM2");
        assert_eq!(const_name("1x:y"), "S_1X_Y");
    }

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
