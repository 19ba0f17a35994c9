//! Privilege classification of scopes, mirroring the catalogue's.

use std::fmt;

/// Who a scope acts for. Ordered least privileged first.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// The signed-in user's own resources (`meeting:write`).
    User,
    /// Any user of the account (`meeting:write:admin`).
    Admin,
    /// A master account's sub-accounts (`meeting:master`).
    Master,
}

/// Whether a scope only reads or may also change data. Ordered least privileged first.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    /// Only reads.
    Read,
    /// May create, change or delete (also scopes whose name says neither, like `meeting:master`).
    Write,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::User => "user",
            Level::Admin => "admin",
            Level::Master => "master",
        })
    }
}

impl fmt::Display for Access {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Access::Read => "read",
            Access::Write => "write",
        })
    }
}
