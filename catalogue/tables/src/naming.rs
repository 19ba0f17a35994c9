//! Names of generated items: the scope constants (`Scope::MEETING_WRITE`) and the typed-mode
//! marker traits, one per operation in one module per API group,
//! `zoom_scopes::operations::<api>::<Title>` (`operations::meeting::CreateAMeeting`).
//!
//! The code generator names the items and the macros name them again when they emit paths,
//! bounds and impls; both call these functions, so the two cannot disagree.

/// Where an operation's marker trait lives under `zoom_scopes::operations`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MarkerPath {
    /// The API group's module: `meeting`, `contact_center`.
    pub module: String,
    /// The trait: `CreateAMeeting`.
    pub name: String,
}

/// The marker trait of the operation titled `title` in the API group named `api`.
pub fn marker(api: &str, title: &str) -> MarkerPath {
    MarkerPath {
        module: module_name(api),
        name: trait_name(title),
    }
}

impl MarkerPath {
    /// The path with `number` appended to the trait's name: for the rare title whose trait
    /// name an earlier operation of its API group holds (titles that differ only in case).
    pub fn numbered(mut self, number: u8) -> MarkerPath {
        self.name.push_str(&number.to_string());
        self
    }
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

/// `snake_case` of an API group name, splitting words at punctuation and at case changes:
/// "Contact Center" and "ContactCenter" -> `contact_center`, "Devices (H323)" -> `devices_h323`.
/// Keywords get an `_api` suffix.
fn module_name(api: &str) -> String {
    let words: Vec<String> = camel_words(api)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let mut name = words.join("_");
    if name.starts_with(|c: char| c.is_ascii_digit()) || name.is_empty() {
        name.insert_str(0, "api_");
    }
    if is_keyword(&name) {
        name.push_str("_api");
    }
    name
}

/// `UpperCamelCase` of a title: "Get a user's settings" -> `GetAUsersSettings`. Apostrophes
/// join (a possessive is not a word break); letters after the first of a word keep their case,
/// so acronyms survive ("Get a H.323 device" -> `GetAH323Device`).
fn trait_name(title: &str) -> String {
    let joined: String = title.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
    let mut name = String::new();
    for word in joined
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars);
        }
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) || name.is_empty() {
        name.insert_str(0, "Op");
    }
    name
}

/// The words of a name, split at anything not alphanumeric and at case changes
/// ("SpecialChatBot" -> Special, Chat, Bot; "SCIM2" stays whole; "IMGroup" -> IM, Group).
fn camel_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
    {
        let chars: Vec<char> = part.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            // no panic: `p` is `i - 1`, before a valid position
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            let lower_to_upper =
                c.is_ascii_uppercase() && prev.is_some_and(|p| p.is_ascii_lowercase());
            let acronym_end = c.is_ascii_uppercase()
                && prev.is_some_and(|p| p.is_ascii_uppercase())
                && next.is_some_and(|n| n.is_ascii_lowercase());
            if (lower_to_upper || acronym_end) && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            word.push(c);
        }
        words.push(word);
    }
    words
}

fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "as" | "async"
            | "await"
            | "break"
            | "const"
            | "continue"
            | "crate"
            | "dyn"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "gen"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "abstract"
            | "become"
            | "box"
            | "do"
            | "final"
            | "macro"
            | "override"
            | "priv"
            | "try"
            | "typeof"
            | "unsized"
            | "virtual"
            | "yield"
    )
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn module_names_are_snake_case() {
        assert_eq!(module_name("Meeting"), "meeting");
        assert_eq!(module_name("Contact Center"), "contact_center");
        assert_eq!(module_name("ContactCenter"), "contact_center");
        assert_eq!(module_name("Special&ChatBot"), "special_chat_bot");
        assert_eq!(module_name("Devices (H323)"), "devices_h323");
        assert_eq!(
            module_name("Conference Room Connector (CRC)"),
            "conference_room_connector_crc"
        );
        assert_eq!(module_name("SCIM2"), "scim2");
        assert_eq!(module_name("IMGroup"), "im_group");
        assert_eq!(module_name("workforce_management"), "workforce_management");
        assert_eq!(module_name("Type"), "type_api");
        assert_eq!(module_name("2fa"), "api_2fa");
    }

    #[test]
    fn trait_names_are_camel_case() {
        assert_eq!(trait_name("Create a meeting"), "CreateAMeeting");
        assert_eq!(trait_name("Get a user's settings"), "GetAUsersSettings");
        assert_eq!(
            trait_name("Update a H.323/SIP device"),
            "UpdateAH323SIPDevice"
        );
        assert_eq!(
            trait_name("Get indicators settings [Deprecated]"),
            "GetIndicatorsSettingsDeprecated"
        );
        assert_eq!(trait_name("3rd party"), "Op3rdParty");
    }

    #[test]
    fn const_names() {
        assert_eq!(const_name("meeting:write:admin"), "MEETING_WRITE_ADMIN");
        assert_eq!(const_name("scim2"), "SCIM2");
        assert_eq!(const_name("1x:y"), "S_1X_Y");
    }

    #[cfg(feature = "data")]
    #[test]
    fn every_operation_has_its_own_marker() {
        let mut seen = HashSet::new();
        for op in crate::OperationId::all() {
            let path = op.marker();
            assert!(
                syn_like_ident(&path.module) && syn_like_ident(&path.name),
                "{path:?}"
            );
            assert!(seen.insert(path.clone()), "two operations map to {path:?}");
        }
        assert_eq!(seen.len(), crate::OperationId::all().len());
    }

    #[cfg(feature = "data")]
    #[test]
    fn every_scope_has_its_own_constant() {
        let mut seen = HashSet::new();
        for scope in crate::ScopeId::all() {
            assert!(seen.insert(const_name(scope.name())), "{}", scope.name());
        }
    }

    fn syn_like_ident(s: &str) -> bool {
        s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !is_keyword(s)
    }
}
