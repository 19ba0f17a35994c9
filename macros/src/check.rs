//! The macros' questions to the catalogue, with answers turned into spanned errors.
//!
//! Correct input is answered from the static index; only an error parses the catalogue, to
//! explain itself with suggestions.

use proc_macro2::Span;
use zoom_scopes_catalogue::index::{self, IndexedOperation};
use zoom_scopes_catalogue::manifest::Declared;
use zoom_scopes_catalogue::{Embedded, Names, ScopeId, Subject, try_classic};

use crate::args::OperationArgs;
use crate::cursor::Text;
use crate::manifest::Manifest;

/// The operation the arguments name, or an error on the literal at fault.
pub fn operation(args: &OperationArgs) -> syn::Result<&'static IndexedOperation> {
    let api = args.api.as_ref().map(Text::value);
    match Embedded.operation(args.title.value(), api) {
        Ok(id) => Ok(index::by_id(id)),
        Err(e) => {
            let at = match (e.subject(), &args.api) {
                (Subject::Group, Some(api)) => api.span(),
                _ => args.title.span(),
            };
            Err(syn::Error::new(at, e.to_string()))
        }
    }
}

/// What a valid manifest declares; otherwise every problem with it, on `at`.
pub fn declared(manifest: &Manifest, at: Span) -> syn::Result<&Declared> {
    manifest.declared.as_ref().as_ref().map_err(|messages| {
        let mut errors = messages.iter().map(|m| syn::Error::new(at, m));
        let mut first = errors
            .next()
            .unwrap_or_else(|| syn::Error::new(at, "invalid Zoom scope declaration"));
        first.extend(errors);
        first
    })
}

/// `Ok` when the manifest is valid and grants `op`; otherwise every problem, on `at`.
pub fn covered(op: &IndexedOperation, manifest: &Manifest, at: Span) -> syn::Result<()> {
    let declared = declared(manifest, at)?;
    if op.scopes().any(|s| declared.declares(s)) || declared.extra_grant(op.operation_id()) {
        return Ok(());
    }
    let ids = declared.ids();
    let c = try_classic().map_err(|e| {
        syn::Error::new(
            at,
            format!("the embedded Zoom scope catalogue does not parse: {e}"),
        )
    })?;
    let missing = c.check(c.operation(op.operation_id()), &ids).err();
    let source = format!("[package.metadata.zoom] in {}", manifest.path.display());
    let message = missing.map(|m| m.message(&source, &m.manifest_fix()));
    Err(syn::Error::new(
        at,
        message.unwrap_or_else(|| {
            format!(
                "{:?} is not granted by the scopes declared in {source}",
                op.title
            )
        }),
    ))
}

/// The documented scope a literal names.
pub fn scope(name: &Text) -> syn::Result<ScopeId> {
    Embedded
        .scope(name.value())
        .map_err(|e| syn::Error::new(name.span(), e.to_string()))
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
