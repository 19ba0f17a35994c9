//! The generated files agree with the catalogue they are generated from, and the runtime reads
//! them as the catalogue numbers things.

use zoom_scopes::{Operation, Scope};
use zoom_scopes_catalogue::{classic, codegen};

/// Every generated file holds exactly what the generator renders now (`cargo codegen --check`
/// says the same; this keeps `cargo test` honest on its own).
#[test]
fn generated_files_are_fresh() {
    for (path, generated) in codegen::files(classic()).expect("the generator renders") {
        let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
        let checked_in = std::fs::read_to_string(&full).expect(path);
        assert!(
            checked_in == generated,
            "{path} is stale: run `cargo codegen`"
        );
    }
}

#[test]
fn runtime_and_catalogue_number_things_alike() {
    let c = classic();
    assert_eq!(Scope::all().len(), c.scopes().len());
    for (scope, expected) in Scope::all().zip(c.scopes()) {
        assert_eq!(scope.name(), expected.name());
        assert_eq!(scope.description(), expected.description());
        assert_eq!(scope.api(), c.group(expected.group()).name());
        assert_eq!(scope.grants().len(), expected.grants().len());
    }
    assert_eq!(Operation::all().len(), c.operations().len());
    for (op, expected) in Operation::all().iter().zip(c.operations()) {
        assert_eq!(op.title(), expected.title());
        assert_eq!(op.api(), c.group(expected.group()).name());
        assert_eq!(op.operation_id(), expected.operation_id());
        assert_eq!(op.deprecated(), expected.deprecated());
        let ranked: Vec<&str> = op.granted_by_ranked().iter().map(|s| s.name()).collect();
        assert_eq!(ranked, c.ranked_names(expected.granted_by()));
        assert_eq!(op.granted_by().len(), expected.granted_by().len());
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
