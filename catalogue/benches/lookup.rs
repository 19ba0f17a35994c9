//! Title lookup in the catalogue: the generated static index the macros answer every correct
//! annotation from (`index::operation`), and `Catalogue::resolve`, which the macros fall back to
//! for errors and the CLI uses. The parse of the embedded document is done before timing.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use zoom_scopes_catalogue::{classic, index};

/// (label, title, group as a user might write it).
fn cases() -> Vec<(String, String, Option<String>)> {
    let c = classic();
    let last = c.operations().last().expect("the catalogue has operations");
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
            Some(c.group(last.group()).name().to_uppercase()),
        ),
    ]
}

fn title_lookup(c: &mut Criterion) {
    let catalogue = classic();
    let mut group = c.benchmark_group("title_lookup_catalogue");
    for (label, title, api) in cases() {
        let api = api.as_deref();
        assert!(index::operation(&title, api).is_some(), "{title} indexed");
        assert!(catalogue.resolve(&title, api).is_ok(), "{title} resolves");
        let input = (title.as_str(), api);
        group.bench_with_input(
            BenchmarkId::new("index::operation", &label),
            &input,
            |b, &(title, api)| b.iter(|| index::operation(black_box(title), black_box(api))),
        );
        group.bench_with_input(
            BenchmarkId::new("Catalogue::resolve", &label),
            &input,
            |b, &(title, api)| {
                b.iter(|| {
                    catalogue
                        .resolve(black_box(title), black_box(api))
                        .map(|op| op.id())
                })
            },
        );
    }
    group.finish();
}

/// The error path: an unknown title is answered with "did you mean" suggestions ranked over
/// every documented title. The macros pay this once per mistyped annotation, and an editor on
/// every keystroke while a title is being typed.
fn title_errors(c: &mut Criterion) {
    let catalogue = classic();
    let mut group = c.benchmark_group("title_error_catalogue");
    for title in [
        "Crate a meeting",
        "meeting create",
        "Get the list of all webinar registrants",
    ] {
        assert!(
            catalogue.resolve(title, None).is_err(),
            "{title} is not documented"
        );
        group.bench_with_input(
            BenchmarkId::new("Catalogue::resolve unknown title", title),
            &title,
            |b, &title| b.iter(|| catalogue.resolve(black_box(title), None).is_err()),
        );
    }
    group.finish();
}

criterion_group!(benches, title_lookup, title_errors);
criterion_main!(benches);
