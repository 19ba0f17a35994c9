//! Title lookup in the runtime tables: `Operation::find` (title, and an API group matched
//! ignoring case, spaces and punctuation) and `Operation::titled` (exact title).
//!
//! The tables are in catalogue order, so the catalogue's last operation is the slowest title to
//! reach; it is measured beside a title from the start of the catalogue.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use zoom_scopes::Operation;

/// (label, title, group as a user might write it).
fn cases() -> Vec<(String, &'static str, String)> {
    let last = Operation::all()
        .last()
        .expect("the catalogue has operations");
    vec![
        (
            "Create a meeting, api=meeting".to_owned(),
            "Create a meeting",
            "meeting".to_owned(),
        ),
        (
            "List meetings, api=DASHBOARD".to_owned(),
            "List meetings",
            "DASHBOARD".to_owned(),
        ),
        (
            "last operation, api upper-cased".to_owned(),
            last.title(),
            last.api().to_uppercase(),
        ),
    ]
}

fn title_lookup(c: &mut Criterion) {
    let mut group = c.benchmark_group("title_lookup_runtime");
    for (label, title, api) in cases() {
        assert!(
            Operation::find(title, &api).is_some(),
            "{title} in {api} resolves"
        );
        group.bench_with_input(
            BenchmarkId::new("Operation::find", &label),
            &(title, api.as_str()),
            |b, &(title, api)| b.iter(|| Operation::find(black_box(title), black_box(api))),
        );
        group.bench_with_input(
            BenchmarkId::new("Operation::titled first", &label),
            &title,
            |b, &title| b.iter(|| Operation::titled(black_box(title)).next()),
        );
    }
    group.finish();
}

criterion_group!(benches, title_lookup);
criterion_main!(benches);
