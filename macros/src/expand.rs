//! Token output of the three macros. Errors are emitted next to a still-valid item or
//! expression, so the rest of the crate keeps compiling and one mistake gives one error.

use proc_macro2::Ident;
use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use zoom_scopes_catalogue::index::{self, IndexedOperation};
use zoom_scopes_catalogue::{ScopeId, marker, text};

use crate::args::{self, Accepts};
use crate::cursor::Text;
use crate::{check, fn_item, manifest};

/// `#[requires_api("Title"[, api = "Group"][, app = A])]`.
pub fn requires_api(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut item = match fn_item::inspect(item) {
        Ok(item) => item,
        Err(item) => {
            let error = syn::Error::new(
                Span::call_site(),
                "#[requires_api] goes on a function or method: the one that performs the operation",
            );
            return with_error(item, error);
        }
    };
    let mut stmts = TokenStream::new();
    let result = requires_api_checked(args, item.has_body(), &mut stmts);
    let doc = result
        .as_ref()
        .ok()
        .map(|checked| doc_paragraph(checked.op));
    if let Ok(checked) = &result {
        stmts.extend(deprecation_warning(checked.op, &checked.title));
        if let Some(app) = &checked.app {
            item.add_bound(marker_bound(app, checked.op, checked.title.span()));
        }
    }
    let item = item.emit(doc.as_deref(), stmts);
    match result {
        Ok(_) => item,
        Err(error) => with_error(item, error),
    }
}

/// A resolved `#[requires_api]`: the operation, the title literal, and typed mode's app type.
struct Checked {
    op: &'static IndexedOperation,
    title: Text,
    app: Option<TokenStream>,
}

/// Resolves and checks the operation. In typed mode the check is the bound the caller must
/// meet, so the manifest is not read. Otherwise, when the manifest was found and the item has a
/// body to hold them, pushes into `stmts` the items that make rustc track it (once per crate).
fn requires_api_checked(
    args: TokenStream,
    has_body: bool,
    stmts: &mut TokenStream,
) -> syn::Result<Checked> {
    let args = args::operation_args(args, Accepts::ApiAndApp)?;
    let op = check::operation(&args)?;
    let title = args.title;
    if let Some(app) = args.app {
        return Ok(Checked {
            op,
            title,
            app: Some(app),
        });
    }
    let path = manifest::locate().map_err(|e| syn::Error::new(title.span(), e))?;
    let manifest = manifest::load(path);
    if has_body
        && manifest.found
        && let Some(path) = manifest.path.to_str()
        && manifest::claim_tracking(&manifest.path)
    {
        stmts.extend(track(path));
    }
    check::covered(op, &manifest, title.span())?;
    Ok(Checked {
        op,
        title,
        app: None,
    })
}

/// `A: ::zoom_scopes::operations::group::Title`, all of it located on the title: the bound is
/// the title's requirement, and rustc's "required by this bound" then points at the annotation.
/// It also keeps lints about the user's own bounds off what the macro wrote (clippy's
/// `multiple_bound_locations` compares the source text under the bounded type with the
/// function's inline bounds, and `<A: App>` plus a bound located on `A` would trip it).
fn marker_bound(app: &TokenStream, op: &IndexedOperation, span: Span) -> TokenStream {
    let path = marker_path(op, span);
    let app = located_at(app.clone(), span);
    quote! { #app: #path }
}

fn located_at(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(g) = &tt {
                let mut group = Group::new(g.delimiter(), located_at(g.stream(), span));
                group.set_span(span);
                tt = TokenTree::Group(group);
            }
            tt.set_span(tt.span().located_at(span));
            tt
        })
        .collect()
}

/// The path of an operation's marker trait.
pub fn marker_path(op: &IndexedOperation, span: Span) -> TokenStream {
    let marker = marker::marker(op.group_name(), op.title);
    let module = Ident::new(&marker.module, span);
    let name = Ident::new(&marker.name, span);
    quote_spanned! {span=> ::zoom_scopes::operations::#module::#name }
}

/// `operation!("Title"[, api = "Group"])`: `&'static Operation`.
pub fn operation(input: TokenStream) -> TokenStream {
    let resolved = args::operation_args(input, Accepts::ApiOnly)
        .and_then(|args| Ok((check::operation(&args)?, args.title)));
    match resolved {
        Ok((op, title)) => {
            let index = usize::from(op.id);
            let warning = deprecation_warning(op, &title);
            quote! { { #warning ::zoom_scopes::__private::operation(#index) } }
        }
        Err(error) => in_expression(&error, quote!(::zoom_scopes::__private::operation(0))),
    }
}

/// `scopes!("a", "b")`: a `ScopeSet` constant expression.
pub fn scopes(input: TokenStream) -> TokenStream {
    let resolved = args::scope_names(input).and_then(|names| check::scopes(&names));
    match resolved {
        Ok(scopes) => scope_set(&scopes),
        Err(error) => in_expression(&error, quote!(::zoom_scopes::ScopeSet::EMPTY)),
    }
}

/// A `ScopeSet` constant expression of scopes, each constant spanned on the name it came from.
pub fn scope_set(scopes: &[(ScopeId, Span)]) -> TokenStream {
    let consts = scopes.iter().map(|&(scope, span)| {
        format_ident!(
            "{}",
            text::const_name(index::scope_name(scope)),
            span = span
        )
    });
    quote! { ::zoom_scopes::ScopeSet::from_scopes(&[#(::zoom_scopes::Scope::#consts),*]) }
}

/// Errors in expression position, followed by a value of the right type so that the errors
/// are the only ones.
fn in_expression(error: &syn::Error, fallback: TokenStream) -> TokenStream {
    let errors = error.to_compile_error();
    quote! { { #errors #fallback } }
}

/// Items that make rustc record the manifest and the override variable as inputs.
pub fn track(path: &str) -> TokenStream {
    let var = manifest::OVERRIDE_VAR;
    quote! {
        const _: &[u8] = ::core::include_bytes!(#path);
        const _: ::core::option::Option<&str> = ::core::option_env!(#var);
    }
}

/// The rustdoc paragraph an annotated function gains (the leading newline separates it from
/// the function's own documentation).
fn doc_paragraph(op: &IndexedOperation) -> String {
    let scopes: Vec<&str> = op.scopes().map(index::scope_name).collect();
    let scopes = text::code_alternatives(&scopes, "no documented scope");
    format!(
        "\n **Zoom API:** \"{}\" ({} API), granted by {scopes}.",
        op.title,
        op.group_name()
    )
}

/// A use of a `#[deprecated]` item, spanned on the title, when Zoom marks the operation
/// deprecated: stable Rust's way for a macro to warn.
fn deprecation_warning(op: &IndexedOperation, title: &Text) -> TokenStream {
    if !op.deprecated {
        return TokenStream::new();
    }
    let note = match op.replacement() {
        Some(r) => format!(
            "Zoom marks \"{}\" deprecated; use \"{}\" instead",
            op.title, r.title
        ),
        None => format!("Zoom marks \"{}\" deprecated", op.title),
    };
    let span = title.span();
    let call = quote_spanned!(span=> zoom_operation_is_deprecated());
    quote! {
        const _: () = {
            #[deprecated(note = #note)]
            const fn zoom_operation_is_deprecated() {}
            #call
        };
    }
}

pub fn with_error(item: TokenStream, error: syn::Error) -> TokenStream {
    let error = error.to_compile_error();
    quote! { #error #item }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indexed(title: &str) -> &'static IndexedOperation {
        index::operation(title, None).unwrap()
    }

    #[test]
    fn doc_paragraph_names_the_operation_and_its_scopes() {
        assert_eq!(
            doc_paragraph(indexed("Create a meeting")),
            "\n **Zoom API:** \"Create a meeting\" (Meeting API), granted by `meeting:write`, \
             `meeting:write:admin` or `meeting:master`."
        );
        assert!(doc_paragraph(indexed("Create a user")).ends_with("granted by `scim2`."));
    }

    #[test]
    fn the_item_is_emitted_after_an_error() {
        let out = requires_api(
            quote!("Crate a meeting"),
            quote!(
                fn f() -> u8 {
                    1
                }
            ),
        )
        .to_string();
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("did you mean"), "{out}");
        assert!(out.ends_with("fn f () -> u8 { 1 }"), "{out}");
        let out = requires_api(
            quote!(42),
            quote!(
                pub fn g();
            ),
        )
        .to_string();
        assert!(out.ends_with("pub fn g () ;"), "{out}");
        let out = requires_api(
            quote!("Create a meeting"),
            quote!(
                struct S;
            ),
        )
        .to_string();
        assert!(
            out.contains("goes on a function") && out.ends_with("struct S ;"),
            "{out}"
        );
    }

    #[test]
    fn deprecated_operations_warn_with_the_replacement() {
        let op = indexed("Get indicators settings [Deprecated]");
        let title = crate::cursor::Cursor::new(quote!("Get indicators settings [Deprecated]"))
            .string("a title")
            .unwrap();
        let out = deprecation_warning(op, &title).to_string();
        assert!(
            out.contains("use \\\"Get indicators settings\\\" instead"),
            "{out}"
        );
        assert!(deprecation_warning(indexed("Get indicators settings"), &title).is_empty());
    }

    #[test]
    fn expression_errors_keep_a_value() {
        let out = operation(quote!("Crate a meeting")).to_string();
        assert!(
            out.contains("compile_error") && out.contains("__private :: operation (0)"),
            "{out}"
        );
        let out = scopes(quote!("meeting:write", "nope")).to_string();
        assert!(
            out.contains("compile_error") && out.contains("ScopeSet :: EMPTY"),
            "{out}"
        );
        let ok = scopes(quote!("meeting:write", "user:read")).to_string();
        assert!(
            ok.contains("Scope :: MEETING_WRITE , :: zoom_scopes :: Scope :: USER_READ"),
            "{ok}"
        );
    }
}
