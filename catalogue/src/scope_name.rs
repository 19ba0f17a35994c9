//! What a scope's name says about the privilege it carries.
//!
//! Zoom encodes the level and the kind of access in the colon-separated parts of a scope name
//! (`meeting:write:admin`, `phone:read:master`). A few names break the pattern (`scim2`,
//! `user_profile`, `meeting:master`, the misspelt `division:wirte:admin`), so classification looks
//! for known parts anywhere after the first rather than at fixed positions.

use zoom_scopes_tables::{Access, Level};

/// The level named by a scope name: `:master` beats `:admin`, anything else is user level.
pub fn level_of(name: &str) -> Level {
    let mut level = Level::User;
    for part in name.split(':').skip(1) {
        match part {
            "master" => return Level::Master,
            "admin" => level = Level::Admin,
            _ => {}
        }
    }
    level
}

/// The access named by a scope name. `wirte` is Zoom's own spelling in `division:wirte:admin`.
pub fn access_of(name: &str) -> Access {
    let parts = || name.split(':').skip(1);
    let writes = parts().any(|p| matches!(p, "write" | "wirte" | "update" | "delete"));
    if !writes && parts().any(|p| p == "read") {
        Access::Read
    } else {
        Access::Write
    }
}

/// Whether `name` has the shape of a documented scope name: one to four non-empty parts of ASCII
/// letters, digits and `_`, separated by `:`.
pub fn is_well_formed(name: &str) -> bool {
    !name.is_empty()
        && name.split(':').count() <= 4
        && name
            .split(':')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels() {
        assert_eq!(level_of("meeting:write"), Level::User);
        assert_eq!(level_of("meeting:write:admin"), Level::Admin);
        assert_eq!(level_of("meeting:write:admin:sip_dialing"), Level::Admin);
        assert_eq!(level_of("meeting:master"), Level::Master);
        assert_eq!(level_of("phone:read:master"), Level::Master);
        assert_eq!(level_of("scim2"), Level::User);
        assert_eq!(
            level_of("admin"),
            Level::User,
            "the first part is the resource, not a level"
        );
    }

    #[test]
    fn access() {
        assert_eq!(access_of("meeting:read"), Access::Read);
        assert_eq!(
            access_of("meeting:read:admin:local_recording"),
            Access::Read
        );
        assert_eq!(access_of("meeting:write:admin"), Access::Write);
        assert_eq!(access_of("division:wirte:admin"), Access::Write);
        assert_eq!(access_of("meeting:master"), Access::Write);
        assert_eq!(access_of("user_profile"), Access::Write);
        assert_eq!(access_of("chat_message:delete"), Access::Write);
    }

    #[test]
    fn well_formed_names() {
        for ok in [
            "scim2",
            "user_profile",
            "meeting:write",
            "meeting:write:admin:sip_dialing",
        ] {
            assert!(is_well_formed(ok), "{ok}");
        }
        for bad in [
            "",
            ":",
            "meeting:",
            "meeting write",
            "a:b:c:d:e",
            "Meeting:wríte",
            "a::b",
        ] {
            assert!(!is_well_formed(bad), "{bad:?}");
        }
    }
}
