//! [`ScopeId`]: one documented Zoom OAuth scope, and the lookup of a scope by its name.
//!
//! A token's `scope` field is parsed on every token, so the name lookup is on the hot path: an
//! open-addressed hash table over the documented names, which the generator places with
//! [`name_hash::place`] and this lookup probes with the same [`name_hash::first_slot`].

use crate::columns::{
    CLASSIC_SCOPES, SCOPE_ACCESS, SCOPE_APIS, SCOPE_COUNT, SCOPE_DESCRIPTIONS, SCOPE_GRANT_ENDS,
    SCOPE_GRANTS, SCOPE_LEVELS, SCOPE_NAMES, SCOPE_SLOTS, SHARED_SCOPES, position, run, some,
};
use crate::name_hash;
use crate::{Access, ApiId, Level, Model, OperationId};

/// A documented scope, numbered in catalogue order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ScopeId(pub(crate) u16);

impl ScopeId {
    /// How many scopes are documented.
    pub const COUNT: usize = SCOPE_COUNT;

    /// Position in catalogue order, from 0.
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The scope at `index` in catalogue order, if there is one.
    pub const fn from_index(index: usize) -> Option<ScopeId> {
        if index < SCOPE_COUNT {
            Some(ScopeId(index as u16))
        } else {
            None
        }
    }

    /// Every documented scope, in catalogue order.
    pub fn all() -> impl ExactSizeIterator<Item = ScopeId> + Clone {
        (0..SCOPE_COUNT as u16).map(ScopeId)
    }

    /// The scope with exactly this documented name (`division:wirte:admin` as Zoom spells it).
    #[inline]
    pub fn named(name: &str) -> Option<ScopeId> {
        let mask = SCOPE_SLOTS.len() - 1;
        let mut slot = name_hash::first_slot(name.as_bytes(), SCOPE_SLOTS.len());
        loop {
            // `slot` is masked to the table size; the table always has an empty slot, so the
            // probe ends.
            // no panic: `slot` is masked to the table's size
            let index = SCOPE_SLOTS[slot];
            if index == name_hash::EMPTY {
                return None;
            }
            // no panic: the table holds scope indices or EMPTY, which ended the loop
            if SCOPE_NAMES[usize::from(index)] == name {
                return Some(ScopeId(index));
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The documented name, exactly as Zoom spells it.
    #[inline]
    pub const fn name(self) -> &'static str {
        // no panic: a ScopeId only comes from these tables
        SCOPE_NAMES[self.index()]
    }

    /// Zoom's one-line description (one documented scope has none).
    pub const fn description(self) -> Option<&'static str> {
        // no panic: as above
        some(SCOPE_DESCRIPTIONS[self.index()])
    }

    /// The API group the scope is documented under.
    pub const fn api(self) -> ApiId {
        // no panic: as above
        ApiId(SCOPE_APIS[self.index()])
    }

    /// User, admin or master level.
    #[inline]
    pub const fn level(self) -> Level {
        // no panic: as above
        SCOPE_LEVELS[self.index()]
    }

    /// Read or write access.
    #[inline]
    pub const fn access(self) -> Access {
        // no panic: as above
        SCOPE_ACCESS[self.index()]
    }

    /// The sort key for "least privileged first": level, then access, then catalogue order.
    pub const fn privilege(self) -> (Level, Access, ScopeId) {
        (self.level(), self.access(), self)
    }

    /// The scope model its name belongs to: the classic page's scopes come first, the granular
    /// ones after them. Two names the page documents are in granular lists too
    /// (`meeting:write:sip_dialing`): they are classic here, and [`ScopeId::in_model`] says
    /// they belong to both.
    pub const fn model(self) -> Model {
        if self.index() < CLASSIC_SCOPES {
            Model::Classic
        } else {
            Model::Granular
        }
    }

    /// Whether a declaration of scopes of `model` may hold this scope.
    pub const fn in_model(self, model: Model) -> bool {
        match (self.model(), model) {
            (Model::Classic, Model::Granular) => position(&SHARED_SCOPES, self.0).is_some(),
            (own, asked) => own as u8 == asked as u8,
        }
    }

    /// The operations this scope grants, each once (a classic scope's in the page's order).
    pub const fn grants(self) -> &'static [OperationId] {
        run(&SCOPE_GRANTS, &SCOPE_GRANT_ENDS, self.index())
    }
}

/// A declaration that holds scopes of both models: the names only the classic model has, and
/// those only the granular model has, in the order given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mixed {
    /// Names of the classic-scope page that no granular list names.
    pub classic: Vec<ScopeId>,
    /// Granular names.
    pub granular: Vec<ScopeId>,
}

/// The scope model a declaration of `scopes` holds: granular when it names a granular scope,
/// classic otherwise (also when every name belongs to both, or there is none); `Err` when it
/// names scopes only one model has from both.
pub fn model_of(scopes: &[ScopeId]) -> Result<Model, Mixed> {
    let only = |model: Model| -> Vec<ScopeId> {
        scopes
            .iter()
            .copied()
            .filter(|s| s.in_model(model) && !s.in_model(model.other()))
            .collect()
    };
    let (classic, granular) = (only(Model::Classic), only(Model::Granular));
    match (classic.is_empty(), granular.is_empty()) {
        (_, true) => Ok(Model::Classic),
        (true, false) => Ok(Model::Granular),
        (false, false) => Err(Mixed { classic, granular }),
    }
}

/// Sorts scopes least privileged first. [`ScopeId::privilege`] ends with the id, a total
/// order, so the unstable sort gives the one possible result.
pub fn rank(scopes: &mut [ScopeId]) {
    scopes.sort_unstable_by_key(|s| s.privilege());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Option<ScopeId> {
        ScopeId::named(name)
    }

    #[test]
    fn declarations_hold_one_model() {
        let ids = |names: &[&str]| -> Vec<ScopeId> {
            names.iter().map(|n| ScopeId::named(n).unwrap()).collect()
        };
        assert_eq!(model_of(&[]), Ok(Model::Classic));
        assert_eq!(
            model_of(&ids(&["meeting:write", "user:read"])),
            Ok(Model::Classic)
        );
        assert_eq!(
            model_of(&ids(&["meeting:write:meeting"])),
            Ok(Model::Granular)
        );
        // A name of both models goes with either.
        assert_eq!(
            model_of(&ids(&["meeting:write:sip_dialing"])),
            Ok(Model::Classic)
        );
        let both = ids(&["meeting:write:sip_dialing", "meeting:write:meeting"]);
        assert_eq!(model_of(&both), Ok(Model::Granular));
        let mixed = ids(&[
            "meeting:write",
            "meeting:read:meeting",
            "user:read",
            "meeting:write:sip_dialing",
        ]);
        assert_eq!(
            model_of(&mixed),
            Err(Mixed {
                classic: ids(&["meeting:write", "user:read"]),
                granular: ids(&["meeting:read:meeting"]),
            })
        );
    }

    #[test]
    fn every_documented_name_is_found() {
        for (index, data) in SCOPE_NAMES.iter().enumerate() {
            assert_eq!(
                ScopeId::named(data),
                Some(ScopeId(index as u16)),
                "{}",
                data
            );
        }
    }

    #[test]
    fn every_scope_has_one_slot() {
        assert_eq!(SCOPE_SLOTS.len(), name_hash::slots(SCOPE_COUNT));
        assert_eq!(SCOPE_SLOTS.to_vec(), name_hash::place(&SCOPE_NAMES));
        let empty = name_hash::EMPTY;
        let mut placed: Vec<u16> = SCOPE_SLOTS
            .iter()
            .copied()
            .filter(|&i| i != empty)
            .collect();
        placed.sort_unstable();
        let expected: Vec<u16> = (0..SCOPE_COUNT as u16).collect();
        assert_eq!(placed, expected);
    }

    #[test]
    fn other_strings_are_not_found() {
        for name in [
            "",
            " ",
            "meeting",
            "meeting:",
            "meeting:writ",
            "meeting:write ",
            " meeting:write",
            "meeting:write\0",
            "meeting:write:admin:",
            "Meeting:Write",
            "MEETING:WRITE",
            "division:write:admin",
            "méeting:write",
            "meeting：write",
            "\u{a0}meeting:write",
        ] {
            assert_eq!(named(name), None, "{name:?}");
        }
    }

    #[test]
    fn case_variants_prefixes_and_extensions_of_names_are_not_found() {
        for data in &SCOPE_NAMES {
            let name = *data;
            let upper = name.to_ascii_uppercase();
            if upper != name {
                assert_eq!(named(&upper), None, "{upper}");
            }
            for end in 0..name.len() {
                let prefix = &name[..end];
                if SCOPE_NAMES.iter().all(|d| *d != prefix) {
                    assert_eq!(named(prefix), None, "{prefix:?}");
                }
            }
            assert_eq!(named(&format!("{name}x")), None);
            assert_eq!(named(&format!("{name}\u{e9}")), None);
        }
    }
}
