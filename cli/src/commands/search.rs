//! `search WORDS...`: operations by the words of their titles, best first.

use serde::Serialize;
use zoom_scopes_catalogue::search::search;

use super::{Failure, Status, annotation, answer, scope_names};
use crate::render::{Format, Report, Style, Table, Tone, code, escape};

pub fn run(query: &str, limit: usize, format: Format) -> Result<Status, Failure> {
    let results: Vec<Found> = search(query, limit)
        .into_iter()
        .map(|hit| {
            let op = hit.operation;
            let annotation = annotation(op);
            Found {
                title: op.title(),
                api: op.api().name(),
                scopes: scope_names(op.granted_by()),
                needs_api: annotation.contains("api = "),
                annotation,
                score: (hit.score * 1000.0).round() / 1000.0,
            }
        })
        .collect();
    let status = if results.is_empty() {
        Status::Findings
    } else {
        Status::Clean
    };
    let report = SearchReport {
        query: query.to_owned(),
        results,
    };
    answer(&report, format, status)
}

#[derive(Serialize)]
struct SearchReport {
    query: String,
    results: Vec<Found>,
}

#[derive(Serialize)]
struct Found {
    title: &'static str,
    api: &'static str,
    /// Granting scopes, least privileged first.
    scopes: Vec<&'static str>,
    /// The title is documented in several API groups with different scopes.
    needs_api: bool,
    annotation: String,
    score: f64,
}

const NEEDS_API: &str = "* documented in several API groups: annotate with api = \"<API group>\"";

impl Report for SearchReport {
    fn text(&self, style: &Style) -> String {
        if self.results.is_empty() {
            return format!(
                "no operation matches \"{}\"; try fewer or other words\n",
                self.query
            );
        }
        let mut table = Table::default();
        for f in &self.results {
            let mark = if f.needs_api { "*" } else { " " };
            table.row(vec![
                (format!("{mark} {}", f.title), Tone::Heading),
                (f.api.to_owned(), Tone::Dim),
                (f.scopes.join(", "), Tone::Scope),
            ]);
        }
        let mut out = table.render(style);
        if self.results.iter().any(|f| f.needs_api) {
            out.push_str(&format!("{}\n", style.paint(Tone::Dim, NEEDS_API)));
        }
        out
    }

    fn markdown(&self) -> String {
        if self.results.is_empty() {
            return format!("No operation matches \"{}\".\n", escape(&self.query));
        }
        let mut out = String::from(
            "| Operation | API group | Granted by | Annotation |\n| --- | --- | --- | --- |\n",
        );
        for f in &self.results {
            let scopes: Vec<String> = f.scopes.iter().map(|s| code(s)).collect();
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                escape(f.title),
                escape(f.api),
                scopes.join(", "),
                code(&f.annotation)
            ));
        }
        out
    }
}
