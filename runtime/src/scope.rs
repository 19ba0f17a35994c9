//! [`Scope`]: one documented Zoom OAuth scope.

use std::fmt;
use std::str::FromStr;

use zoom_scopes_tables::ScopeId;

use crate::operation::by_id;
use crate::{Access, Level, Model, Operation};

/// One documented Zoom OAuth scope, of either scope model: the 465 classic scopes of Zoom's
/// classic-scope page (`meeting:write`), then the granular scopes of its API reference
/// (`meeting:write:meeting`), 3,062 in all.
///
/// Every documented scope is an associated constant named after it (`meeting:write:admin` is
/// [`Scope::MEETING_WRITE_ADMIN`], `meeting:write:meeting` [`Scope::MEETING_WRITE_MEETING`]);
/// [`FromStr`], [`Display`](fmt::Display) and serde use the exact documented string.
///
/// ```
/// use zoom_scopes::{Model, Scope};
/// let scope: Scope = "meeting:write".parse().unwrap();
/// assert_eq!(scope, Scope::MEETING_WRITE);
/// assert_eq!(scope.to_string(), "meeting:write");
/// assert_eq!(scope.model(), Model::Classic);
/// let granular: Scope = "meeting:write:meeting".parse().unwrap();
/// assert_eq!(granular.model(), Model::Granular);
/// ```
// A row of the `zoom-scopes-tables` crate; the type is this crate's own so that it can
// implement serde's traits and carry the generated constants.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Scope(pub(crate) ScopeId);

impl Scope {
    /// The scope at `index`, for the generated constants and the bits of a `ScopeSet`; an index
    /// past the catalogue is a bug (a compile error in a `const`).
    pub(crate) const fn at(index: usize) -> Scope {
        match ScopeId::from_index(index) {
            Some(id) => Scope(id),
            None => panic!("scope index past the catalogue"),
        }
    }

    /// The runtime's scope for one of the tables' ids.
    pub(crate) const fn from_id(id: ScopeId) -> Scope {
        Scope(id)
    }

    /// The tables' id of this scope.
    pub(crate) const fn id(self) -> ScopeId {
        self.0
    }

    /// Position in catalogue order; also this scope's bit in a [`ScopeSet`](crate::ScopeSet).
    pub const fn index(self) -> usize {
        self.0.index()
    }

    /// The scope at `index` in catalogue order, if there is one.
    pub const fn from_index(index: usize) -> Option<Scope> {
        match ScopeId::from_index(index) {
            Some(id) => Some(Scope(id)),
            None => None,
        }
    }

    /// The documented name, exactly as Zoom spells it.
    pub const fn name(self) -> &'static str {
        self.0.name()
    }

    /// Zoom's one-line description (one documented scope has none).
    pub const fn description(self) -> Option<&'static str> {
        self.0.description()
    }

    /// The API group the scope is documented under.
    pub const fn api(self) -> &'static str {
        self.0.api().name()
    }

    /// User, admin or master level.
    pub const fn level(self) -> Level {
        self.0.level()
    }

    /// Read or write access.
    pub const fn access(self) -> Access {
        self.0.access()
    }

    /// Sort key for "least privileged first": level, then access, then catalogue order.
    pub const fn privilege(self) -> (Level, Access, usize) {
        let (level, access, id) = self.0.privilege();
        (level, access, id.index())
    }

    /// The scope model its name belongs to: [`Model::Classic`] for the classic-scope page's
    /// names, [`Model::Granular`] for the others. Two names of the page are in granular lists
    /// too (`meeting:write:sip_dialing`, `webinar:write:sip_dialing`): they are classic here,
    /// and [`in_model`](Scope::in_model) says they belong to both.
    pub const fn model(self) -> Model {
        self.0.model()
    }

    /// Whether an app of scope model `model` may hold this scope.
    pub const fn in_model(self, model: Model) -> bool {
        self.0.in_model(model)
    }

    /// The operations this scope grants, each once (a classic scope's in the order of the
    /// classic-scope page, a granular scope's in catalogue order).
    pub fn grants(self) -> impl ExactSizeIterator<Item = &'static Operation> + Clone {
        self.0.grants().iter().map(|&op| by_id(op))
    }

    /// Every documented scope, in catalogue order: the classic ones first.
    pub fn all() -> impl ExactSizeIterator<Item = Scope> + Clone {
        ScopeId::all().map(Scope)
    }

    /// The scope with exactly this documented name.
    pub fn from_name(name: &str) -> Option<Scope> {
        ScopeId::named(name).map(Scope)
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
        assert_eq!(Scope::all().len(), 3_062);
        assert_eq!(Scope::from_index(3_062), None);
        let classic = Scope::all().filter(|s| s.model() == Model::Classic);
        assert!(
            classic.map(Scope::index).eq(0..465),
            "the classic scopes come first"
        );
        let both: Vec<&str> = Scope::all()
            .filter(|s| s.in_model(Model::Classic) && s.in_model(Model::Granular))
            .map(Scope::name)
            .collect();
        assert_eq!(
            both,
            ["meeting:write:sip_dialing", "webinar:write:sip_dialing"]
        );
        for s in Scope::all() {
            assert!(s.in_model(s.model()), "{s:?}");
        }
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
        assert_eq!(Scope::MEETING_WRITE_MEETING.name(), "meeting:write:meeting");
        assert_eq!(Scope::MEETING_WRITE_MEETING.model(), Model::Granular);
        assert_eq!(Scope::MEETING_WRITE_MEETING_ADMIN.level(), Level::Admin);
        assert_eq!(Scope::MEETING_READ_MEETING.access(), Access::Read);
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
        // Granular names get the same hints.
        let e = "Meeting:Write:Meeting".parse::<Scope>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown Zoom scope \"Meeting:Write:Meeting\" (did you mean \"meeting:write:meeting\"?)"
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
        let json = serde_json::to_string(&Scope::MEETING_WRITE_MEETING_ADMIN).unwrap();
        assert_eq!(json, "\"meeting:write:meeting:admin\"");
        assert_eq!(
            serde_json::from_str::<Scope>(&json).unwrap(),
            Scope::MEETING_WRITE_MEETING_ADMIN
        );
    }

    #[test]
    fn debug_shows_the_name() {
        assert_eq!(
            format!("{:?}", Scope::MEETING_WRITE),
            "Scope(\"meeting:write\")"
        );
    }
}
