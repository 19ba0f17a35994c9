//! Privilege classification of scopes: who a scope acts for, and what it may do.

use std::fmt;

/// Who a scope acts for: the signed-in user, the whole account, or a master account's
/// sub-accounts. Ordered least privileged first.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Acts on the user's own resources (`meeting:write`).
    User,
    /// Acts on any user of the account (`meeting:write:admin`).
    Admin,
    /// Acts on the sub-accounts of a master account (`meeting:master`).
    Master,
}

/// Whether a scope only reads or may also change data. Ordered least privileged first.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    /// Only reads (`...:read...`).
    Read,
    /// May create, change or delete. Scopes whose name says neither are counted here: Zoom
    /// describes those (`meeting:master`, `scim2`) as "view and manage".
    Write,
}

/// Zoom's two scope models. An app holds scopes of one of them.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Model {
    /// The scopes of the classic-scope page (`meeting:write`), which apps created before
    /// March 2024 hold until they migrate.
    Classic,
    /// Per-operation scopes (`meeting:write:meeting`), the only ones a new app can choose.
    Granular,
}

impl Model {
    /// `classic` or `granular`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Model::Classic => "classic",
            Model::Granular => "granular",
        }
    }

    /// The other scope model.
    pub const fn other(self) -> Model {
        match self {
            Model::Classic => Model::Granular,
            Model::Granular => Model::Classic,
        }
    }
}

impl fmt::Display for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What every message says when only `:master` scopes grant an operation.
pub const MASTER_ONLY: &str = "only :master scopes grant it; they grant the master-account \
                               variant (/accounts/{accountId}/...) of the operation";

impl Level {
    /// The word used in scope names and reports: `user`, `admin` or `master`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::User => "user",
            Level::Admin => "admin",
            Level::Master => "master",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Access {
    /// `read` or `write`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
        }
    }
}

impl fmt::Display for Access {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordering_is_least_privileged_first() {
        assert!(Level::User < Level::Admin && Level::Admin < Level::Master);
        assert!(Access::Read < Access::Write);
        assert_eq!(Level::Master.to_string(), "master");
        assert_eq!(Access::Read.to_string(), "read");
    }
}
