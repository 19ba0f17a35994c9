//! Validation: the macros' questions to the tables, with answers turned into spanned errors.

use std::path::Path;

use proc_macro2::Span;
use zoom_scopes_tables::{OperationId, ScopeId, model_of};

use crate::Text;
use crate::args::OperationArgs;
use crate::coverage;
use crate::error::{self, Error};
use crate::manifest::Declared;
use crate::model;
use crate::resolve::{self, Subject};

/// The operation the arguments name, or an error on the literal at fault.
pub fn operation(args: &OperationArgs) -> error::Result<OperationId> {
    let api = args.api.as_ref().map(Text::value);
    resolve::operation(args.title.value(), api).map_err(|e| {
        let at = match (e.subject(), &args.api) {
            (Subject::Api, Some(api)) => api.span(),
            _ => args.title.span(),
        };
        Error::new(at, e.to_string())
    })
}

/// `Ok` when OAuth scopes authorise `op`; otherwise the reason, on `at`: no declaration can
/// grant an operation that no scope of either model grants (the Video SDK's, for one).
pub fn authorised(op: OperationId, at: Span) -> error::Result<()> {
    match op.oauth() {
        true => Ok(()),
        false => Err(Error::new(at, coverage::not_authorised(op))),
    }
}

/// What a manifest declares; otherwise every problem with it, on `at`.
pub fn declared(declared: &Result<Declared, Vec<String>>, at: Span) -> error::Result<&Declared> {
    declared.as_ref().map_err(|messages| {
        let mut errors = messages.iter().map(|m| Error::new(at, m));
        let mut first = errors
            .next()
            .unwrap_or_else(|| Error::new(at, "invalid Zoom scope declaration"));
        first.extend(errors);
        first
    })
}

/// `Ok` when the declaration is valid and grants `op`; otherwise every problem, on `at`.
/// `manifest` is the path the declaration was read from, shown only in the message (most
/// annotations pass, and each one calls this).
pub fn covered(
    op: OperationId,
    declared: &Result<Declared, Vec<String>>,
    manifest: &Path,
    at: Span,
) -> error::Result<()> {
    let declared = self::declared(declared, at)?;
    coverage::check(op, declared).map_err(|missing| {
        let source = format!("[package.metadata.zoom] in {}", manifest.display());
        Error::new(at, missing.message(&source, &missing.manifest_fix()))
    })
}

/// The documented scope a literal names.
pub fn scope(name: &Text) -> error::Result<ScopeId> {
    resolve::scope(name.value()).map_err(|e| Error::new(name.span(), e.to_string()))
}

/// The documented scopes the literals name, each with its literal's span; every unknown name
/// is an error of its own.
pub fn scopes(names: &[Text]) -> error::Result<Vec<(ScopeId, Span)>> {
    let mut errors: Option<Error> = None;
    let mut scopes = Vec::new();
    for name in names {
        match scope(name) {
            Ok(id) => scopes.push((id, name.span())),
            Err(e) => match errors.as_mut() {
                Some(all) => all.combine(e),
                None => errors = Some(e),
            },
        }
    }
    errors.map_or(Ok(scopes), Err)
}

/// The scopes a declaration lists ([`scopes`]), which must hold one scope model: a mix is one
/// error, on the first literal of the second model, naming `source` (`#[app]`, `scopes!`).
pub fn declaration(names: &[Text], source: &str) -> error::Result<Vec<(ScopeId, Span)>> {
    let scopes = scopes(names)?;
    let ids: Vec<ScopeId> = scopes.iter().map(|&(id, _)| id).collect();
    match model_of(&ids) {
        Ok(_) => Ok(scopes),
        Err(mixed) => {
            let at = model::first_mixing(&ids)
                .and_then(|at| scopes.get(at))
                .map_or_else(Span::call_site, |&(_, span)| span);
            Err(Error::new(at, model::mixed_message(source, &mixed)))
        }
    }
}
