//! [`Scope`]: one documented Zoom OAuth scope.

use std::fmt;
use std::str::FromStr;

use crate::generated::tables::SCOPES;
use crate::{Access, Level, Operation, operation};

/// One of the scopes in Zoom's classic-scope reference.
///
/// Every documented scope is an associated constant named after it (`meeting:write:admin` is
/// [`Scope::MEETING_WRITE_ADMIN`]); [`FromStr`], [`Display`](fmt::Display) and serde use the
/// exact documented string.
///
/// ```
/// use zoom_scopes::Scope;
/// let scope: Scope = "meeting:write".parse().unwrap();
/// assert_eq!(scope, Scope::MEETING_WRITE);
/// assert_eq!(scope.to_string(), "meeting:write");
/// ```
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Scope(pub(crate) u16);

/// What the generated tables record about a scope.
pub(crate) struct ScopeData {
    pub name: &'static str,
    pub description: Option<&'static str>,
    pub api: u16,
    pub level: Level,
    pub access: Access,
    pub grants: &'static [u16],
}

impl Scope {
    fn data(self) -> &'static ScopeData {
        &SCOPES[self.index()]
    }

    /// Position in catalogue order; also this scope's bit in a [`ScopeSet`](crate::ScopeSet).
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The scope at `index` in catalogue order, if there is one.
    pub const fn from_index(index: usize) -> Option<Scope> {
        if index < SCOPES.len() {
            Some(Scope(index as u16))
        } else {
            None
        }
    }

    /// The documented name, exactly as Zoom spells it.
    pub fn name(self) -> &'static str {
        self.data().name
    }

    /// Zoom's one-line description (one documented scope has none).
    pub fn description(self) -> Option<&'static str> {
        self.data().description
    }

    /// The API group the scope is documented under.
    pub fn api(self) -> &'static str {
        crate::generated::tables::APIS[usize::from(self.data().api)]
    }

    /// User, admin or master level.
    pub fn level(self) -> Level {
        self.data().level
    }

    /// Read or write access.
    pub fn access(self) -> Access {
        self.data().access
    }

    /// Sort key for "least privileged first": level, then access, then catalogue order.
    pub fn privilege(self) -> (Level, Access, usize) {
        (self.level(), self.access(), self.index())
    }

    /// The operations this scope grants, in catalogue order.
    pub fn grants(self) -> impl ExactSizeIterator<Item = &'static Operation> + Clone {
        self.data()
            .grants
            .iter()
            .map(|&i| operation::by_index(usize::from(i)))
    }

    /// Every documented scope, in catalogue order.
    pub fn all() -> impl ExactSizeIterator<Item = Scope> + Clone {
        (0..SCOPES.len()).map(|i| Scope(i as u16))
    }

    /// The scope with exactly this documented name.
    pub fn from_name(name: &str) -> Option<Scope> {
        crate::scope_names::index_of(name).map(Scope)
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Debug for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Scope({:?})", self.name())
    }
}

/// A string that is not a documented scope name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownScope {
    name: String,
}

impl UnknownScope {
    pub(crate) fn new(name: &str) -> Self {
        UnknownScope {
            name: name.to_owned(),
        }
    }

    /// The name that was not recognised.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for UnknownScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown Zoom scope ")?;
        write_unknown(f, &self.name)
    }
}

/// Writes an unknown name, quoted, with the scope it most plausibly meant.
pub(crate) fn write_unknown(f: &mut fmt::Formatter<'_>, name: &str) -> fmt::Result {
    write!(f, "{name:?}")?;
    match hint(name) {
        Some(hint) => write!(f, " (did you mean {:?}?)", hint.name()),
        None => Ok(()),
    }
}

impl std::error::Error for UnknownScope {}

/// The scope a mistyped name most plausibly meant: a different case, or Zoom's own misspelling.
fn hint(name: &str) -> Option<Scope> {
    let folded = name.trim().to_ascii_lowercase();
    Scope::from_name(&folded).or_else(|| Scope::from_name(&folded.replace(":write:", ":wirte:")))
}

impl FromStr for Scope {
    type Err = UnknownScope;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scope::from_name(s).ok_or_else(|| UnknownScope::new(s))
    }
}

impl serde::Serialize for Scope {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Scope {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ScopeVisitor)
    }
}

struct ScopeVisitor;

impl serde::de::Visitor<'_> for ScopeVisitor {
    type Value = Scope;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a documented Zoom scope name such as \"meeting:write\"")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scope, E> {
        v.parse().map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for scope in Scope::all() {
            assert_eq!(scope.name().parse::<Scope>(), Ok(scope));
            assert_eq!(Scope::from_index(scope.index()), Some(scope));
        }
        assert_eq!(Scope::all().len(), 465);
        assert_eq!(Scope::from_index(465), None);
    }

    #[test]
    fn constants_match_names() {
        assert_eq!(Scope::MEETING_WRITE.name(), "meeting:write");
        assert_eq!(
            Scope::MEETING_WRITE_ADMIN_SIP_DIALING.name(),
            "meeting:write:admin:sip_dialing"
        );
        assert_eq!(Scope::DIVISION_WIRTE_ADMIN.name(), "division:wirte:admin");
        assert_eq!(Scope::SCIM2.name(), "scim2");
        assert_eq!(Scope::PAC_MASTER.description(), None);
        assert_eq!(Scope::MEETING_MASTER.level(), Level::Master);
        assert_eq!(Scope::MEETING_READ.access(), Access::Read);
        assert_eq!(Scope::MEETING_READ.api(), "Meeting");
    }

    #[test]
    fn unknown_names_are_errors_with_hints() {
        let e = "division:write:admin".parse::<Scope>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown Zoom scope \"division:write:admin\" (did you mean \"division:wirte:admin\"?)"
        );
        let e = "Meeting:Write".parse::<Scope>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown Zoom scope \"Meeting:Write\" (did you mean \"meeting:write\"?)"
        );
        let e = "nope".parse::<Scope>().unwrap_err();
        assert_eq!(e.to_string(), "unknown Zoom scope \"nope\"");
        assert_eq!(e.name(), "nope");
        assert!("".parse::<Scope>().is_err());
    }

    #[test]
    fn serde_uses_documented_names() {
        let json = serde_json::to_string(&Scope::USER_READ).unwrap();
        assert_eq!(json, "\"user:read\"");
        assert_eq!(
            serde_json::from_str::<Scope>(&json).unwrap(),
            Scope::USER_READ
        );
        let e = serde_json::from_str::<Scope>("\"user:reed\"").unwrap_err();
        assert!(
            e.to_string().contains("unknown Zoom scope \"user:reed\""),
            "{e}"
        );
        assert!(serde_json::from_str::<Scope>("3").is_err());
    }

    #[test]
    fn debug_shows_the_name() {
        assert_eq!(
            format!("{:?}", Scope::MEETING_WRITE),
            "Scope(\"meeting:write\")"
        );
    }
}
