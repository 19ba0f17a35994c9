//! `#[app(...)]`: a struct becomes a Zoom app type. It implements `zoom_scopes::App` with the
//! declared scopes and, for typed mode, the marker trait of every operation those scopes grant.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use zoom_scopes_tables::{OperationId, ScopeId};

use super::struct_item::{self, StructItem};
use super::{marker_path, scope_set, track, with_error};
use crate::args::{self, AppScopes};
use crate::error::{self, Error};
use crate::manifest::{Declared, cache};
use crate::{check, coverage};

/// The app's scopes, the operations granted beyond them, and the items that make rustc track
/// a manifest they came from.
struct AppDeclaration {
    scopes: Vec<(ScopeId, Span)>,
    extra_grants: Vec<OperationId>,
    track: TokenStream,
}

/// `#[app(...)]` on a struct.
pub fn app(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = match struct_item::inspect(item) {
        Ok(item) => item,
        Err((item, reason)) => return with_error(item, Error::new(Span::call_site(), reason)),
    };
    match declaration(args) {
        Ok(declared) => {
            let doc = doc_paragraph(&declared.scopes);
            let ids = ids(&declared.scopes);
            // Either model's lists: each name is in those of its own model only.
            let granted = OperationId::all().filter(|&op| {
                coverage::granting(op).any(|s| ids.contains(&s))
                    || declared.extra_grants.contains(&op)
            });
            let impls = impls(&item, &declared.scopes, granted);
            let track = declared.track;
            let item = item.emit(Some(&doc));
            quote! { #item #impls #track }
        }
        Err(error) => {
            // The declaration is wrong, and that is the one error to report: the type still
            // implements every marker so that calls through it raise nothing more.
            let impls = impls(&item, &[], OperationId::all());
            let item = item.emit(None);
            with_error(quote! { #item #impls }, error)
        }
    }
}

/// The scopes in the order written, each once (as a manifest's list is read).
fn without_repeats(mut scopes: Vec<(ScopeId, Span)>) -> Vec<(ScopeId, Span)> {
    let mut seen = Vec::with_capacity(scopes.len());
    scopes.retain(|&(id, _)| {
        let first = !seen.contains(&id);
        seen.push(id);
        first
    });
    scopes
}

fn ids(scopes: &[(ScopeId, Span)]) -> Vec<ScopeId> {
    scopes.iter().map(|&(id, _)| id).collect()
}

/// Validates the arguments: each listed scope, or the crate's manifest.
fn declaration(args: TokenStream) -> error::Result<AppDeclaration> {
    match args::app_scopes(args)? {
        AppScopes::Listed(names) => Ok(AppDeclaration {
            scopes: without_repeats(check::declaration(&names, "#[app]")?),
            extra_grants: Vec::new(),
            track: TokenStream::new(),
        }),
        AppScopes::Manifest(key) => {
            let path = cache::locate().map_err(|e| Error::new(key.span(), e))?;
            let manifest = cache::load(path);
            let mut track_items = TokenStream::new();
            if manifest.found
                && let Some(path) = manifest.path.to_str()
                && cache::claim_tracking(&manifest.path)
            {
                track_items = track(path);
            }
            let declared: &Declared = check::declared(&manifest.declared, key.span())?;
            Ok(AppDeclaration {
                scopes: declared
                    .ids()
                    .into_iter()
                    .map(|id| (id, key.span()))
                    .collect(),
                extra_grants: OperationId::all()
                    .filter(|&op| declared.extra_grant(op))
                    .collect(),
                track: track_items,
            })
        }
    }
}

/// `impl App` with the scopes, and the granted operations' marker traits.
fn impls(
    item: &StructItem,
    scopes: &[(ScopeId, Span)],
    granted: impl Iterator<Item = OperationId>,
) -> TokenStream {
    let name = &item.name;
    let set = scope_set(scopes);
    // Spanned on the name: rustc lists implementors in its help, and points at the type.
    let span = name.span();
    let markers = granted.map(|op| {
        let marker = marker_path(op, span);
        quote_spanned! {span=> impl #marker for #name {} }
    });
    quote! {
        impl ::zoom_scopes::App for #name {
            const SCOPES: ::zoom_scopes::ScopeSet = #set;
        }
        const _: () = {
            #(#markers)*
        };
    }
}

/// The rustdoc paragraph an app type gains.
fn doc_paragraph(scopes: &[(ScopeId, Span)]) -> String {
    let names: Vec<String> = scopes
        .iter()
        .map(|&(id, _)| format!("`{}`", id.name()))
        .collect();
    match names.is_empty() {
        true => "\n **Zoom app** with no scopes.".to_owned(),
        false => format!("\n **Zoom app** with the scopes {}.", names.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    #[test]
    fn implements_app_and_exactly_the_granted_markers() {
        let out = app(
            quote!("meeting:write", "meeting:write"),
            quote!(
                pub struct Scheduler;
            ),
        )
        .to_string();
        assert!(
            out.contains("impl :: zoom_scopes :: App for Scheduler"),
            "{out}"
        );
        let markers = out.matches(":: zoom_scopes :: operations ::").count();
        let granted = OperationId::all()
            .filter(|op| op.granted_by().iter().any(|s| s.name() == "meeting:write"))
            .count();
        assert_eq!(markers, granted);
        assert!(out.contains("operations :: meeting :: CreateAMeeting for Scheduler"));
        assert!(!out.contains("operations :: meeting :: GetAMeeting for"));
        assert_eq!(out.matches("Scope :: MEETING_WRITE").count(), 1, "{out}");
        assert!(out.contains("with the scopes `meeting:write`."), "{out}");
    }

    #[test]
    fn granular_scopes_implement_the_markers_of_what_they_grant() {
        let out = app(
            quote!("meeting:write:meeting:admin", "user:read:user:admin"),
            quote!(
                pub struct Admin;
            ),
        )
        .to_string();
        let names = ["meeting:write:meeting:admin", "user:read:user:admin"];
        let granted: Vec<OperationId> = OperationId::all()
            .filter(|op| op.granular().iter().any(|s| names.contains(&s.name())))
            .collect();
        assert!(granted.len() >= 2);
        assert_eq!(
            out.matches(":: zoom_scopes :: operations ::").count(),
            granted.len()
        );
        for op in granted {
            let marker = op.marker();
            let implemented = format!(
                "operations :: {} :: {} for Admin",
                marker.module, marker.name
            );
            assert!(out.contains(&implemented), "{implemented}");
        }
        assert!(out.contains("operations :: meeting :: CreateAMeeting for Admin"));
        assert!(!out.contains("operations :: meeting :: GetAMeeting for"));
    }

    #[test]
    fn a_mixed_declaration_is_one_error() {
        let out = app(
            quote!("meeting:write", "meeting:read:meeting"),
            quote!(
                struct Mixed;
            ),
        )
        .to_string();
        assert_eq!(out.matches("compile_error").count(), 1, "{out}");
        assert!(out.contains("mix Zoom's two scope models"), "{out}");
        assert!(out.contains("struct Mixed ;"), "{out}");
    }

    #[test]
    fn a_wrong_declaration_still_emits_the_type() {
        let out = app(
            quote!("meeting:wirte"),
            quote!(
                struct S;
            ),
        )
        .to_string();
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("struct S ;"), "{out}");
        assert_eq!(
            out.matches(":: zoom_scopes :: operations ::").count(),
            OperationId::COUNT
        );
    }
}
