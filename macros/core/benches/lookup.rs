//! Title lookup over the generated tables: the exact lookup (`OperationId::find`, of
//! `zoom-scopes-tables`) and the one with explanations (`resolve::operation`, of
//! `zoom-scopes-macros-core`), which the macros answer every annotation from and `cargo
//! zoom-scopes` every title on its command line. Nothing is parsed: the tables are static.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use zoom_scopes_macros_core::resolve;
use zoom_scopes_tables::OperationId;

/// (label, title, API group as a user might write it).
fn cases() -> Vec<(String, String, Option<String>)> {
    let last = OperationId::all()
        .last()
        .expect("the tables have operations");
    vec![
        (
            "Create a meeting".to_owned(),
            "Create a meeting".to_owned(),
            None,
        ),
        (
            "List meetings, api=DASHBOARD".to_owned(),
            "List meetings".to_owned(),
            Some("DASHBOARD".to_owned()),
        ),
        (
            "last operation, api upper-cased".to_owned(),
            last.title().to_owned(),
            Some(last.api().name().to_uppercase()),
        ),
    ]
}

fn title_lookup(c: &mut Criterion) {
    let mut group = c.benchmark_group("title_lookup_tables");
    for (label, title, api) in cases() {
        let api = api.as_deref();
        assert!(OperationId::find(&title, api).is_some(), "{title} found");
        assert!(resolve::operation(&title, api).is_ok(), "{title} resolves");
        let input = (title.as_str(), api);
        group.bench_with_input(
            BenchmarkId::new("OperationId::find", &label),
            &input,
            |b, &(title, api)| b.iter(|| OperationId::find(black_box(title), black_box(api))),
        );
        group.bench_with_input(
            BenchmarkId::new("resolve::operation", &label),
            &input,
            |b, &(title, api)| b.iter(|| resolve::operation(black_box(title), black_box(api))),
        );
    }
    group.finish();
}

/// The error path: an unknown title is answered with "did you mean" suggestions ranked over
/// every documented title. The macros pay this once per mistyped annotation, and an editor on
/// every keystroke while a title is being typed.
fn title_errors(c: &mut Criterion) {
    let mut group = c.benchmark_group("title_error_tables");
    for title in [
        "Crate a meeting",
        "meeting create",
        "Get the list of all webinar registrants",
    ] {
        assert!(
            resolve::operation(title, None).is_err(),
            "{title} is not documented"
        );
        group.bench_with_input(
            BenchmarkId::new("resolve::operation unknown title", title),
            &title,
            |b, &title| b.iter(|| resolve::operation(black_box(title), None).is_err()),
        );
    }
    group.finish();
}

criterion_group!(benches, title_lookup, title_errors);
criterion_main!(benches);
