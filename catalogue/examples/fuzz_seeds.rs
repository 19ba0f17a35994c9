//! Writes the seed corpora of the fuzz targets in `fuzz/` from the embedded catalogue, so fuzzing starts from
//! real data: pieces of the document, the documented scope names and token fields made of them,
//! every documented title with and without its API group, and macro arguments and items built
//! from them.
//!
//! The pieces of the document come from the parsed model (`Catalogue`), which knows where each
//! section and scope stands in the document; everything else is read from the generated tables,
//! which is what the fuzzed code reads too.
//!
//! `cargo run -p zoom-scopes-catalogue --example fuzz_seeds -- fuzz/corpus`

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zoom_scopes_catalogue::{Api, CLASSIC_TEXT, Catalogue, classic};
use zoom_scopes_tables::{ApiId, OperationId, ScopeId, titles};

/// How many scope blocks one document seed holds, after its section header. Small seeds keep
/// libFuzzer's input length, and so each run, short.
const SCOPES_PER_PIECE: usize = 4;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!("usage: fuzz_seeds DIR (writes DIR/<target>/...)");
        return ExitCode::from(2);
    };
    match write_all(Path::new(dir)) {
        Ok(counts) => {
            for (target, n) in counts {
                println!("{target}: {n} seeds");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fuzz_seeds: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(dir: &Path) -> io::Result<Vec<(&'static str, usize)>> {
    let corpora = [
        ("catalogue_parse", document_pieces(classic())),
        ("scope_parse", scope_fields()),
        ("title_resolve", title_seeds()),
        ("macro_args", macro_inputs()),
        ("manifest_read", manifests()),
    ];
    let mut counts = Vec::new();
    for (target, seeds) in corpora {
        let target_dir = dir.join(target);
        fs::create_dir_all(&target_dir)?;
        for (i, seed) in seeds.iter().enumerate() {
            fs::write(seed_path(&target_dir, i), seed)?;
        }
        counts.push((target, seeds.len()));
    }
    Ok(counts)
}

fn seed_path(dir: &Path, i: usize) -> PathBuf {
    dir.join(format!("seed-{i:05}"))
}

/// The document cut into sections, and each section into runs of a few scope blocks, each run
/// under its section's header so that it parses on its own.
fn document_pieces(c: &Catalogue) -> Vec<String> {
    let lines: Vec<&str> = CLASSIC_TEXT.lines().collect();
    // 0-based line of each section's `<API group> scopes` header; a section ends where the
    // next one's header starts.
    let headers: Vec<usize> = c.apis().iter().map(|g| header_line(c, &lines, g)).collect();
    let mut pieces = Vec::new();
    for (i, section) in c.apis().iter().enumerate() {
        let section_end = headers.get(i + 1).copied().unwrap_or(lines.len());
        let starts: Vec<usize> = section
            .scopes()
            .iter()
            .map(|&s| c.scope(s).line() - 1)
            .collect();
        let Some(&first) = starts.first() else {
            continue;
        };
        let header = lines[headers[i]..first].join("\n");
        for (k, run) in starts.chunks(SCOPES_PER_PIECE).enumerate() {
            let end = starts
                .get((k + 1) * SCOPES_PER_PIECE)
                .copied()
                .unwrap_or(section_end);
            pieces.push(format!("{header}\n{}\n", lines[run[0]..end].join("\n")));
        }
    }
    pieces
}

/// The 0-based line of `section`'s header: the last `<API group> scopes` line before its first
/// scope.
fn header_line(c: &Catalogue, lines: &[&str], section: &Api) -> usize {
    let header = format!("{} scopes", section.name());
    let first_scope = section
        .scopes()
        .first()
        .map_or(lines.len(), |&s| c.scope(s).line() - 1);
    lines[..first_scope]
        .iter()
        .rposition(|l| l.trim_end() == header)
        .expect("every section has a header")
}

/// The scopes documented under `api`, in catalogue order.
fn scopes_of(api: ApiId) -> impl Iterator<Item = ScopeId> {
    ScopeId::all().filter(move |s| s.api() == api)
}

/// Every documented scope name alone, and each API group's scopes as one token field, space-
/// and comma-separated in turn.
fn scope_fields() -> Vec<String> {
    let mut seeds: Vec<String> = ScopeId::all().map(|s| s.name().to_owned()).collect();
    for (g, api) in ApiId::all().enumerate() {
        let names: Vec<&str> = scopes_of(api).map(ScopeId::name).collect();
        let separator = if g % 2 == 0 { " " } else { "," };
        seeds.push(names.join(separator));
    }
    seeds
}

/// Cargo.toml files declaring each API group's scopes, in the forms TOML allows for the table,
/// some with extra grants and target sections.
fn manifests() -> Vec<String> {
    const HEAD: &str = "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2024\"\n";
    let mut seeds = Vec::new();
    for (g, api) in ApiId::all().enumerate() {
        let names: Vec<String> = scopes_of(api)
            .map(|s| format!("\"{}\"", s.name()))
            .collect();
        let list = names.join(", ");
        seeds.push(match g % 4 {
            0 => format!("{HEAD}\n[package.metadata.zoom]\nscopes = [{list}]\n"),
            1 => format!("{HEAD}metadata.zoom.scopes = [\n  {}\n]\n", names.join(",\n  ")),
            2 => format!("{HEAD}metadata = {{ zoom = {{ scopes = [{list}] }} }}\n"),
            _ => format!("{HEAD}\n[[bin]]\nname = \"a\"\npath = \"src/a.rs\"\n\n[package.metadata.zoom]\nscopes = [{list}] # declared\n"),
        });
    }
    let Some(op) = OperationId::from_index(0) else {
        return seeds;
    };
    let scope = op.granted_by()[0].name();
    seeds.push(format!(
        "{HEAD}[package.metadata.zoom]\nscopes = [\"{scope}\"]\n[package.metadata.zoom.grants]\n\"{scope}\" = [\"{}\", {{ title = \"{}\", api = \"{}\" }}]\n",
        op.title(),
        op.title(),
        op.api().name()
    ));
    seeds
}

/// Every distinct title alone, and every operation as its title, a NUL and its API group
/// (the input format of the `title_resolve` target).
fn title_seeds() -> Vec<String> {
    let mut seeds: Vec<String> = titles().map(str::to_owned).collect();
    for op in OperationId::all() {
        seeds.push(format!("{}\0{}", op.title(), op.api().name()));
    }
    seeds
}

/// Macro arguments, a NUL, and the annotated item (the input format of the `macro_args`
/// target): every operation as `"Title", api = "API group"` in crate-declared and typed mode on a
/// few function shapes, and the app attribute's forms.
fn macro_inputs() -> Vec<String> {
    const ITEMS: [&str; 4] = [
        "fn f() {}",
        "#[inline] pub async fn f<T: Clone>(t: T) -> u8 where T: Send { 1 }",
        "fn f(&self);",
        "pub struct S;",
    ];
    let mut seeds = Vec::new();
    for (i, op) in OperationId::all().enumerate() {
        let api = op.api().name();
        let item = ITEMS[i % ITEMS.len()];
        seeds.push(format!("{:?}, api = {api:?}\0{item}", op.title()));
        if i % 10 == 0 {
            seeds.push(format!(
                "{:?}, app = <Self as Sdk>::App\0{item}",
                op.title()
            ));
        }
    }
    for scope in ScopeId::all().step_by(15) {
        seeds.push(format!(
            "{:?}, \"user:read\"\0pub struct MyApp;",
            scope.name()
        ));
    }
    seeds.push("manifest\0struct MyApp;".to_owned());
    seeds
}
