//! Validation: the macros' questions to the tables, with answers turned into spanned errors.

use proc_macro2::Span;
use zoom_scopes_tables::{OperationId, ScopeId};

use crate::Text;
use crate::args::OperationArgs;
use crate::coverage;
use crate::manifest::Declared;
use crate::resolve::{self, Subject};

/// The operation the arguments name, or an error on the literal at fault.
pub fn operation(args: &OperationArgs) -> syn::Result<OperationId> {
    let api = args.api.as_ref().map(Text::value);
    resolve::operation(args.title.value(), api).map_err(|e| {
        let at = match (e.subject(), &args.api) {
            (Subject::Api, Some(api)) => api.span(),
            _ => args.title.span(),
        };
        syn::Error::new(at, e.to_string())
    })
}

/// What a manifest declares; otherwise every problem with it, on `at`.
pub fn declared(declared: &Result<Declared, Vec<String>>, at: Span) -> syn::Result<&Declared> {
    declared.as_ref().map_err(|messages| {
        let mut errors = messages.iter().map(|m| syn::Error::new(at, m));
        let mut first = errors
            .next()
            .unwrap_or_else(|| syn::Error::new(at, "invalid Zoom scope declaration"));
        first.extend(errors);
        first
    })
}

/// `Ok` when the declaration is valid and grants `op`; otherwise every problem, on `at`.
/// `manifest` is the path the declaration was read from, as messages show it.
pub fn covered(
    op: OperationId,
    declared: &Result<Declared, Vec<String>>,
    manifest: &str,
    at: Span,
) -> syn::Result<()> {
    let declared = self::declared(declared, at)?;
    coverage::check(op, declared).map_err(|missing| {
        let source = format!("[package.metadata.zoom] in {manifest}");
        syn::Error::new(at, missing.message(&source, &missing.manifest_fix()))
    })
}

/// The documented scope a literal names.
pub fn scope(name: &Text) -> syn::Result<ScopeId> {
    resolve::scope(name.value()).map_err(|e| syn::Error::new(name.span(), e.to_string()))
}

/// The documented scopes the literals name, each with its literal's span; every unknown name
/// is an error of its own.
pub fn scopes(names: &[Text]) -> syn::Result<Vec<(ScopeId, Span)>> {
    let mut errors: Option<syn::Error> = None;
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
