//! The runtime's `Scope`, `Operation` and `apis()` agree with `zoom-scopes-tables`, the one copy
//! of the data they read, for every row.

use zoom_scopes::{Access, Level, Method, Model, Operation, Scope, ScopeSet};
use zoom_scopes_tables::{ApiId, OperationId, ScopeId, same_api};

/// The runtime's scope for a tables id.
fn scope(id: ScopeId) -> Scope {
    Scope::from_index(id.index()).expect("every tables scope is a runtime scope")
}

/// The runtime's operation for a tables id.
fn operation(id: OperationId) -> &'static Operation {
    &Operation::all()[id.index()]
}

#[test]
fn every_scope_agrees_with_its_row() {
    assert_eq!(Scope::all().len(), ScopeId::COUNT);
    assert_eq!(ScopeSet::ALL.len(), ScopeId::COUNT);
    assert!(
        Scope::all()
            .map(Scope::index)
            .eq(ScopeId::all().map(ScopeId::index))
    );
    assert_eq!(Scope::from_index(ScopeId::COUNT), None);
    for id in ScopeId::all() {
        let s = scope(id);
        assert_eq!(s.index(), id.index());
        assert_eq!(s.name(), id.name());
        assert_eq!(s.description(), id.description());
        assert_eq!(s.api(), id.api().name());
        // One type: `zoom_scopes::Level` is `zoom_scopes_tables::Level`.
        let (level, access): (zoom_scopes_tables::Level, zoom_scopes_tables::Access) =
            (s.level(), s.access());
        assert_eq!((level, access), (id.level(), id.access()));
        let (level, access, at) = id.privilege();
        assert_eq!(s.privilege(), (level, access, at.index()));
        let model: zoom_scopes_tables::Model = s.model();
        assert_eq!(model, id.model());
        for m in [Model::Classic, Model::Granular] {
            assert_eq!(s.in_model(m), id.in_model(m));
        }
        assert_eq!(Scope::from_name(id.name()), Some(s));
        assert_eq!(id.name().parse::<Scope>(), Ok(s));
        let grants: Vec<usize> = s.grants().map(Operation::index).collect();
        let expected: Vec<usize> = id.grants().iter().map(|op| op.index()).collect();
        assert_eq!(grants, expected, "{}", id.name());
        assert_eq!(s.grants().len(), id.grants().len());
    }
}

#[test]
fn every_operation_agrees_with_its_row() {
    assert_eq!(Operation::all().len(), OperationId::COUNT);
    for id in OperationId::all() {
        let op = operation(id);
        assert_eq!(op.index(), id.index());
        assert_eq!(op.title(), id.title());
        assert_eq!(op.api(), id.api().name());
        assert_eq!(op.operation_id(), id.operation_id());
        assert_eq!(op.deprecated(), id.deprecated());
        assert_eq!(
            op.replacement().map(Operation::index),
            id.replacement().map(OperationId::index)
        );

        let ranked =
            |scopes: &[ScopeId]| -> Vec<Scope> { scopes.iter().map(|&s| scope(s)).collect() };
        let (classic, granular) = (ranked(id.granted_by()), ranked(id.granular()));
        assert_eq!(op.granted_by_ranked(), classic.as_slice(), "{op}");
        assert_eq!(op.granted_by_in(Model::Classic), classic.as_slice(), "{op}");
        assert_eq!(
            op.granted_by_in(Model::Granular),
            granular.as_slice(),
            "{op}"
        );
        for model in [Model::Classic, Model::Granular] {
            let ids = ranked(id.granted_in(model));
            assert_eq!(op.granted_by_in(model), ids.as_slice(), "{op}");
            assert_eq!(op.least_privileged_in(model), ids.first().copied());
        }
        assert_eq!(
            *op.granted_by(),
            classic
                .iter()
                .chain(&granular)
                .copied()
                .collect::<ScopeSet>(),
            "{op}"
        );
        assert_eq!(
            op.granted_by().len(),
            id.granted_by().len() + id.granular().len(),
            "{op}: repeats"
        );
        assert_eq!(op.least_privileged(), classic.first().copied());
        assert_eq!(op.oauth(), id.oauth(), "{op}");
        let endpoints: Vec<(Method, &str)> =
            op.endpoints().map(|e| (e.method(), e.path())).collect();
        let expected: Vec<(Method, &str)> =
            id.endpoints().map(|e| (e.method(), e.path())).collect();
        assert_eq!(endpoints, expected, "{op}");
        assert_eq!(op.endpoints().len(), id.endpoints().len());
        for s in ScopeId::all() {
            assert_eq!(
                op.granted_by().contains(scope(s)),
                s.grants().contains(&id),
                "{op} {}",
                s.name()
            );
        }
    }
}

#[test]
fn title_lookups_agree_with_the_tables() {
    for id in OperationId::all() {
        let title = id.title();
        let titled: Vec<usize> = Operation::titled(title).map(Operation::index).collect();
        let expected: Vec<usize> = OperationId::titled(title).map(OperationId::index).collect();
        assert_eq!(titled, expected, "{title:?}");
        assert!(titled.contains(&id.index()));

        let api = id.api().name();
        for written in [api.to_owned(), api.to_lowercase(), api.replace(' ', "_")] {
            let found = Operation::find(title, &written).map(Operation::index);
            let expected = OperationId::titled(title)
                .find(|op| same_api(op.api().name(), &written))
                .map(OperationId::index);
            assert_eq!(found, expected, "{title:?} in {written:?}");
            assert!(found.is_some(), "{title:?} in {written:?}");
            // Only the title-and-group form: the runtime's `find` finds a title several groups
            // document, where the tables' `find(title, None)` declines.
            assert_eq!(
                found,
                OperationId::find(title, Some(&written)).map(OperationId::index)
            );
        }
    }
    assert_eq!(Operation::titled("no such title").count(), 0);
    assert_eq!(Operation::find("Create a meeting", "no such group"), None);
    assert!(
        OperationId::find("List meetings", None).is_none(),
        "ambiguous"
    );
    assert!(Operation::find("List meetings", "Meeting").is_some());
    assert!(Operation::find("List meetings", "dashboard").is_some());
}

#[test]
fn apis_are_the_tables_api_groups() {
    let apis: Vec<&str> = zoom_scopes::apis().collect();
    let expected: Vec<&str> = ApiId::all().map(ApiId::name).collect();
    assert_eq!(apis, expected);
    assert_eq!(zoom_scopes::apis().len(), expected.len());
    for s in Scope::all() {
        assert!(apis.contains(&s.api()), "{s:?}");
    }
    for op in Operation::all() {
        assert!(apis.contains(&op.api()), "{op}");
    }
}

#[test]
fn level_and_access_are_the_tables_types() {
    assert_eq!(Scope::MEETING_MASTER.level(), Level::Master);
    assert_eq!(Scope::MEETING_READ.access(), Access::Read);
    assert_eq!(Level::Admin.to_string(), "admin");
    assert_eq!(Access::Write.to_string(), "write");
    assert_eq!(Level::User, zoom_scopes_tables::Level::User);
}
