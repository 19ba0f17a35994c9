//! `audit [CRATE_DIR]`: the operations a crate uses against the scopes it declares.
//!
//! Reads the crate ([`Package`]: the manifest with the macros' manifest reader, the sources with
//! the macros' argument grammar), lets the catalogue's `audit` compute the findings over the
//! tables, in the scope model the crate declares, and renders them ([`report`]; for
//! CI, [`sarif`] and [`github`] place the same findings on their lines).

use std::path::Path;

mod github;
mod report;
mod sarif;

use zoom_scopes_catalogue::audit::audit;
use zoom_scopes_tables::Level;

use super::package::{Package, use_errors};
use super::{Failure, Status, answer};
use crate::cli::Deny;
use crate::render::Format;
use report::{AuditReport, Subject};

pub fn run(
    dir: &Path,
    level: Option<Level>,
    deny: &[Deny],
    format: Format,
) -> Result<Status, Failure> {
    let package = Package::read(dir, "audit")?;
    let declared_at = package.declared_at();
    let Package {
        dir,
        name,
        declared,
        declares,
        found,
        ..
    } = package;
    let audit = audit(found.uses, &declared, level).map_err(|errors| use_errors(&dir, &errors))?;
    let subject = Subject {
        name,
        dir,
        files: found.files,
        declares,
        declared_at,
    };
    let report = AuditReport::new(audit, subject, deny);
    let status = report.status();
    answer(&report, format, status)
}
