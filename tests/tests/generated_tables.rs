//! The generated files agree with the catalogue they are generated from, and the runtime reads
//! them as the catalogue numbers things.

use zoom_scopes::{Model, Operation, Scope};
use zoom_scopes_catalogue::{classic, codegen};

/// Every generated file holds exactly what the generator renders now (`cargo codegen --check`
/// says the same; this keeps `cargo test` honest on its own).
#[test]
fn generated_files_are_fresh() {
    for (path, generated) in
        codegen::files(classic(), zoom_scopes_catalogue::linked()).expect("the generator renders")
    {
        let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
        let checked_in = std::fs::read_to_string(&full).expect(path);
        assert!(
            checked_in == generated,
            "{path} is stale: run `cargo codegen`"
        );
    }
}

/// The runtime's scopes and operations start with the page's, in its order and with its facts;
/// the granular scopes and the operations the API reference adds follow.
#[test]
fn runtime_and_catalogue_number_things_alike() {
    let c = classic();
    let classic_scopes: Vec<Scope> = Scope::all()
        .filter(|s| s.model() == Model::Classic)
        .collect();
    assert_eq!(classic_scopes.len(), c.scopes().len());
    for (scope, expected) in classic_scopes.iter().zip(c.scopes()) {
        assert_eq!(scope.index(), expected.id().index());
        assert_eq!(scope.name(), expected.name());
        assert_eq!(scope.description(), expected.description());
        assert_eq!(scope.api(), c.api(expected.api()).name());
    }
    let linked = zoom_scopes_catalogue::linked();
    assert_eq!(Operation::all().len(), linked.operations.len());
    for (op, expected) in Operation::all().iter().zip(c.operations()) {
        assert_eq!(op.title(), expected.title());
        assert_eq!(op.api(), c.api(expected.api()).name());
        assert_eq!(op.deprecated(), expected.deprecated());
        if let Some(id) = expected.operation_id() {
            assert_eq!(op.operation_id(), Some(id), "the page's link names it");
        }
        let ranked: Vec<&str> = op
            .granted_by_in(Model::Classic)
            .iter()
            .map(|s| s.name())
            .collect();
        assert_eq!(ranked, c.ranked_names(expected.granted_by()));
    }
    for (op, expected) in Operation::all().iter().zip(&linked.operations) {
        let granular: Vec<&str> = op
            .granted_by_in(Model::Granular)
            .iter()
            .map(|s| s.name())
            .collect();
        let mut names: Vec<&str> = expected
            .granular
            .iter()
            .map(|&g| linked.granular[g].name.as_str())
            .collect();
        let mut sorted = granular.clone();
        sorted.sort_unstable();
        names.sort_unstable();
        assert_eq!(sorted, names, "{}", op.title());
        assert_eq!(
            op.endpoints().len(),
            expected.endpoints.len(),
            "{}",
            op.title()
        );
    }
}

#[test]
fn operation_macro_points_at_the_right_entry() {
    let op = zoom_scopes::operation!("Unassign a phone number", api = "Phone");
    assert_eq!((op.title(), op.api()), ("Unassign a phone number", "Phone"));
    let op = zoom_scopes::operation!("Upload historical queue metrics", api = "default");
    assert_eq!(op.api(), "default");
    assert_eq!(op.operation_id(), Some("Uploadhistoricalqueuemetrics"));
    let op = zoom_scopes::operation!("Delete Virtual Background files", api = "User");
    assert_eq!(op.api(), "User");
}
