//! `#[app(manifest)]` implements the markers of the manifest's extra grants too.
use zoom_scopes::operations::meeting::GetAMeetingOrWebinarSummary;

#[zoom_scopes::app(manifest)]
struct Summaries;

fn summary<A: GetAMeetingOrWebinarSummary>() {}

fn main() {
    summary::<Summaries>();
}
