//! `ScopeSet` against the `HashSet<String>` most clients keep a token's scopes in.
//!
//! Each group holds both sides of a ratio, so they run side by side under the same machine
//! load; `benches/micro.sh` reads the medians and checks the budgets.

use std::collections::HashSet;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zoom_scopes::{Model, Operation, Scope, ScopeSet};

/// How many scopes the token in these benchmarks was granted.
const GRANTED: usize = 50;

/// A token's `scope` field naming `n` documented scopes, spread evenly over the catalogue so
/// that every API group, privilege level and both scope models are represented.
fn scope_field(n: usize) -> String {
    let all: Vec<Scope> = Scope::all().collect();
    let step = all.len() / n;
    let names: Vec<&str> = all.iter().step_by(step).take(n).map(|s| s.name()).collect();
    assert_eq!(names.len(), n, "the catalogue has fewer than {n} scopes");
    names.join(" ")
}

/// How clients without typed scopes split the field: the same separators `ScopeSet` accepts.
fn string_set(field: &str) -> HashSet<String> {
    field
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Is every operation in the catalogue granted? `ScopeSet::covers` against looking each
/// granting scope name up in a `HashSet<String>`, stopping at the first hit.
fn covers(c: &mut Criterion) {
    let field = scope_field(GRANTED);
    let typed: ScopeSet = field.parse().expect("catalogue names parse");
    let strings = string_set(&field);
    let operations = Operation::all();
    // The string side's table of granting scope names per operation, built once, as a client
    // with a hand-written table of names would have it: the classic and the granular names,
    // the ones `covers` tests.
    let granting: Vec<Vec<&'static str>> = operations
        .iter()
        .map(|op| {
            let (classic, granular) = (Model::Classic, Model::Granular);
            let both = op
                .granted_by_in(classic)
                .iter()
                .chain(op.granted_by_in(granular));
            both.map(|s| s.name()).collect()
        })
        .collect();

    let mut group = c.benchmark_group("covers");
    group.throughput(Throughput::Elements(operations.len() as u64));
    group.bench_function("ScopeSet::covers", |b| {
        b.iter(|| {
            let set = black_box(&typed);
            black_box(operations)
                .iter()
                .filter(|op| set.covers(op))
                .count()
        })
    });
    group.bench_function("HashSet<String> any granting name", |b| {
        b.iter(|| {
            let set = black_box(&strings);
            black_box(&granting)
                .iter()
                .filter(|names| names.iter().any(|name| set.contains(*name)))
                .count()
        })
    });
    group.finish();

    // One call, as a client makes before a request: "Get a meeting" is granted by three
    // classic and three granular scopes, so the string side may look up six names.
    let op = Operation::all()
        .iter()
        .find(|op| op.title() == "Get a meeting")
        .expect("documented");
    let names = &granting[op.index()];
    let mut group = c.benchmark_group("covers_one");
    group.bench_function("ScopeSet::covers", |b| {
        b.iter(|| black_box(&typed).covers(black_box(op)))
    });
    group.bench_function("HashSet<String> any granting name", |b| {
        b.iter(|| {
            let set = black_box(&strings);
            black_box(names).iter().any(|name| set.contains(*name))
        })
    });
    group.finish();
}

/// A token's `scope` field of 50 documented names, parsed into a `ScopeSet` (strictly and
/// leniently) against split into a `HashSet<String>`.
fn parse_scope_field(c: &mut Criterion) {
    let field = scope_field(GRANTED);
    let mut group = c.benchmark_group("parse_scope_field_50");
    group.throughput(Throughput::Elements(GRANTED as u64));
    group.bench_function("ScopeSet::from_str", |b| {
        b.iter(|| black_box(&field).parse::<ScopeSet>())
    });
    group.bench_function("ScopeSet::parse_lenient", |b| {
        b.iter(|| ScopeSet::parse_lenient(black_box(&field)))
    });
    group.bench_function("HashSet<String> split", |b| {
        b.iter(|| string_set(black_box(&field)))
    });
    group.finish();
}

criterion_group!(benches, covers, parse_scope_field);
criterion_main!(benches);
