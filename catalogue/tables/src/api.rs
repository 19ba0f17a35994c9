//! [`ApiId`]: an API group, a section of Zoom's classic-scope page ("Meeting", "Contact Center").

use crate::columns::APIS;

/// An API group, numbered in catalogue order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ApiId(pub(crate) u16);

impl ApiId {
    /// Position in catalogue order, from 0.
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The API group at `index` in catalogue order, if there is one.
    pub const fn from_index(index: usize) -> Option<ApiId> {
        if index < APIS.len() {
            Some(ApiId(index as u16))
        } else {
            None
        }
    }

    /// The name as documented ("Contact Center", "ContactCenter", "default", ...).
    pub const fn name(self) -> &'static str {
        // no panic: an ApiId only comes from these tables
        APIS[self.index()]
    }

    /// Every API group, in catalogue order.
    pub fn all() -> impl ExactSizeIterator<Item = ApiId> + Clone {
        (0..APIS.len() as u16).map(ApiId)
    }

    /// The API groups whose names match `name` ignoring case, spaces and punctuation (two
    /// sections of the page, "Contact Center" and "ContactCenter", are one product).
    pub fn named(name: &str) -> impl Iterator<Item = ApiId> + '_ {
        ApiId::all().filter(move |api| same_api(api.name(), name))
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
        for api in APIS {
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
    fn named_finds_both_forms_of_a_section() {
        let contact: Vec<&str> = ApiId::named("contact center").map(ApiId::name).collect();
        assert_eq!(contact, ["Contact Center", "ContactCenter"]);
        assert_eq!(ApiId::named("").count(), 0);
        assert_eq!(ApiId::named("Meetings").count(), 0);
        for api in ApiId::all() {
            assert_eq!(ApiId::from_index(api.index()), Some(api));
        }
        assert_eq!(ApiId::from_index(APIS.len()), None);
    }
}
