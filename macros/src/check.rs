//! The macros' questions to the catalogue, with answers turned into spanned errors.

use proc_macro2::Span;
use syn::LitStr;
use zoom_scopes_catalogue::{Catalogue, Operation, Scope, Subject, try_classic};

use crate::args::OperationArgs;
use crate::manifest::Manifest;

pub fn catalogue() -> syn::Result<&'static Catalogue> {
    try_classic().map_err(|e| {
        syn::Error::new(
            Span::call_site(),
            format!("the embedded Zoom scope catalogue does not parse: {e}"),
        )
    })
}

/// The operation the arguments name, or an error on the literal at fault.
pub fn operation(c: &'static Catalogue, args: &OperationArgs) -> syn::Result<&'static Operation> {
    let api = args.api.as_ref().map(LitStr::value);
    c.resolve(&args.title.value(), api.as_deref()).map_err(|e| {
        let at = match (e.subject(), &args.api) {
            (Subject::Group, Some(api)) => api.span(),
            _ => args.title.span(),
        };
        syn::Error::new(at, e.to_string())
    })
}

/// `Ok` when the manifest is valid and grants `op`; otherwise every problem, on `at`.
pub fn covered(c: &Catalogue, op: &Operation, manifest: &Manifest, at: Span) -> syn::Result<()> {
    let declared = manifest.declared.as_ref().as_ref().map_err(|messages| {
        let mut errors = messages.iter().map(|m| syn::Error::new(at, m));
        let mut first = errors
            .next()
            .unwrap_or_else(|| syn::Error::new(at, "invalid Zoom scope declaration"));
        first.extend(errors);
        first
    })?;
    c.check_with_grants(op, &declared.ids(), &declared.grant_pairs())
        .map_err(|missing| {
            let source = format!("[package.metadata.zoom] in {}", manifest.path.display());
            syn::Error::new(at, missing.message(&source, &missing.manifest_fix()))
        })
}

/// The documented scope a literal names.
pub fn scope(c: &'static Catalogue, name: &LitStr) -> syn::Result<&'static Scope> {
    c.resolve_scope(&name.value())
        .map_err(|e| syn::Error::new(name.span(), e.to_string()))
}
