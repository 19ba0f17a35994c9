//! [`ApiId`]: an API group, a section of Zoom's classic-scope page ("Meeting", "Contact Center").

use crate::columns::APIS;
use crate::text::same_api;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_finds_both_forms_of_a_section() {
        let contact: Vec<&str> = ApiId::named("contact center").map(ApiId::name).collect();
        assert_eq!(contact, ["Contact Center", "ContactCenter"]);
        assert_eq!(ApiId::named("").count(), 0);
        assert_eq!(ApiId::named("Meetingz").count(), 0);
        // Products of operations the page lacks are API groups of their own.
        assert_eq!(ApiId::named("video sdk").count(), 1);
        for api in ApiId::all() {
            assert_eq!(ApiId::from_index(api.index()), Some(api));
        }
        assert_eq!(ApiId::from_index(APIS.len()), None);
    }

    #[test]
    fn every_api_group_is_named_by_its_key() {
        for api in ApiId::all() {
            let key = crate::api_key(api.name());
            assert!(
                ApiId::named(&key).any(|found| found == api),
                "{}",
                api.name()
            );
        }
    }
}
