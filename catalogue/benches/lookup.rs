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

criterion_group!(benches, title_lookup);
criterion_main!(benches);
