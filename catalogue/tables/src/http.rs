//! What an endpoint's rows say besides its scopes: its HTTP method and Zoom's rate-limit label.

use std::fmt;

/// An HTTP method of an endpoint.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// Every method, in this order (the order of their numbers in the tables).
    pub const ALL: [Method; 5] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
    ];

    /// The upper-case name: `GET`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// The method `name` names, ignoring case (`get`, `GET`).
    pub fn parse(name: &str) -> Option<Method> {
        Method::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Zoom's rate-limit label of an endpoint, normalised from the case variants Zoom writes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RateLimit {
    /// `LIGHT`.
    Light,
    /// `MEDIUM`.
    Medium,
    /// `HEAVY`.
    Heavy,
    /// `RESOURCE-INTENSIVE`.
    ResourceIntensive,
}

impl RateLimit {
    /// Every label, lightest first (the order of their numbers in the tables, from 1).
    pub const ALL: [RateLimit; 4] = [
        RateLimit::Light,
        RateLimit::Medium,
        RateLimit::Heavy,
        RateLimit::ResourceIntensive,
    ];

    /// The label as Zoom writes it in upper case.
    pub const fn as_str(self) -> &'static str {
        match self {
            RateLimit::Light => "LIGHT",
            RateLimit::Medium => "MEDIUM",
            RateLimit::Heavy => "HEAVY",
            RateLimit::ResourceIntensive => "RESOURCE-INTENSIVE",
        }
    }

    /// The label `text` names, ignoring case and surrounding space; `None` for anything else
    /// (Zoom once writes `1`).
    pub fn parse(text: &str) -> Option<RateLimit> {
        RateLimit::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

impl fmt::Display for RateLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for m in Method::ALL {
            assert_eq!(Method::parse(&m.as_str().to_lowercase()), Some(m));
        }
        assert_eq!(Method::parse("HEAD"), None);
        assert_eq!(
            RateLimit::parse(" Resource-intensive"),
            Some(RateLimit::ResourceIntensive)
        );
        assert_eq!(RateLimit::parse("Light"), Some(RateLimit::Light));
        assert_eq!(RateLimit::parse("1"), None);
    }
}
