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
    fn words_drop_articles() {
        assert_eq!(words("Create a meeting"), ["create", "meeting"]);
        assert_eq!(
            words("Update a H.323/SIP device"),
            ["update", "h", "323", "sip", "device"]
        );
    }
}
