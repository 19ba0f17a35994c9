//! Token output of the macros. Errors are emitted next to a still-valid item or expression,
//! so the rest of the crate keeps compiling and one mistake gives one error.
//!
//! `operation!()` without arguments, in the body of a `#[requires_api]` function, is that
//! function's operation: the attribute gives it a call of the hidden `function_operation!` as
//! its input ([`function_operation`](mod@function_operation)).

use proc_macro2::Ident;
use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use zoom_scopes_tables::naming::const_name;
use zoom_scopes_tables::text::push_code_alternatives;
use zoom_scopes_tables::{OperationId, ScopeId};

use crate::Text;
use crate::args::{self, Accepts};
use crate::check;
use crate::error::{self, Error};
use crate::manifest::cache;

mod app;
mod attrs;
mod fn_item;
pub mod function_operation;
mod struct_item;

pub use app::app;
pub use function_operation::function_operation;

/// The error for `#[requires_api]` on anything but a function.
pub const NOT_ON_A_FUNCTION: &str =
    "#[requires_api] goes on a function or method: the one that performs the operation";

/// `#[requires_api("Title"[, api = "Group"][, app = A])]`.
pub fn requires_api(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut item = match fn_item::inspect(item) {
        Ok(item) => item,
        Err(item) => {
            let error = Error::new(Span::call_site(), NOT_ON_A_FUNCTION);
            return with_error(item, error);
        }
    };
    let resolved = resolve(args);
    // Before the checks: a bare `operation!()` names the operation even when the declared
    // scopes do not grant it, so that the check's error is the only one.
    let entry = resolved.as_ref().ok().map(|resolved| resolved.op);
    if let Some(body) = item.body_mut()
        && let Some(rewritten) = function_operation::rewrite(body, entry)
    {
        *body = rewritten;
    }
    let mut stmts = TokenStream::new();
    let result = resolved.and_then(|resolved| checked(resolved, item.has_body(), &mut stmts));
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

/// A `#[requires_api]`'s operation: the operation, the title literal, and typed mode's app type.
struct Resolved {
    op: OperationId,
    title: Text,
    app: Option<TokenStream>,
}

/// The operation the attribute's arguments name.
fn resolve(args: TokenStream) -> error::Result<Resolved> {
    let args = args::operation_args(args, Accepts::ApiAndApp)?;
    let op = check::operation(&args)?;
    Ok(Resolved {
        op,
        title: args.title,
        app: args.app,
    })
}

/// The resolved operation, once checked. In typed mode the check is the bound the caller must
/// meet, so the manifest is not read. Otherwise, when the manifest was found and the item has a
/// body to hold them, pushes into `stmts` the items that make rustc track it (once per crate).
fn checked(resolved: Resolved, has_body: bool, stmts: &mut TokenStream) -> error::Result<Resolved> {
    let span = resolved.title.span();
    // In both modes: no declaration, and no app type, can grant it.
    check::authorised(resolved.op, span)?;
    if resolved.app.is_some() {
        return Ok(resolved);
    }
    let path = cache::locate().map_err(|e| Error::new(span, e))?;
    let manifest = cache::load(path);
    if has_body
        && manifest.found
        && let Some(path) = manifest.path.to_str()
        && cache::claim_tracking(&manifest.path)
    {
        stmts.extend(track(path));
    }
    check::covered(resolved.op, &manifest.declared, &manifest.path, span)?;
    Ok(resolved)
}

/// `A: ::zoom_scopes::operations::group::Title`, all of it located on the title: the bound is
/// the title's requirement, and rustc's "required by this bound" then points at the annotation.
/// It also keeps lints about the user's own bounds off what the macro wrote (clippy's
/// `multiple_bound_locations` compares the source text under the bounded type with the
/// function's inline bounds, and `<A: App>` plus a bound located on `A` would trip it).
fn marker_bound(app: &TokenStream, op: OperationId, span: Span) -> TokenStream {
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
pub fn marker_path(op: OperationId, span: Span) -> TokenStream {
    let marker = op.marker();
    let module = Ident::new(&marker.module, span);
    let name = Ident::new(&marker.name, span);
    quote_spanned! {span=> ::zoom_scopes::operations::#module::#name }
}

/// `operation!("Title"[, api = "Group"])`: `&'static Operation`. An operation that no OAuth
/// scope authorises (`!op.oauth()`) is still returned: the macro names an operation and
/// performs nothing, so it has no scope to check (the value's `granted_by` is empty, no
/// `ScopeSet` covers it, and the client refuses to send it); `#[requires_api]` refuses it.
///
/// Empty input is an error: a bare `operation!()` in a `#[requires_api]` function's body
/// reaches this macro holding the hidden call the attribute wrote, which it expands, so an
/// empty one is outside such a body.
pub fn operation(input: TokenStream) -> TokenStream {
    if let Some(entries) = rewritten_input(&input) {
        return function_operation(entries);
    }
    let resolved = args::operation_args(input, Accepts::ApiOnly)
        .and_then(|args| Ok((check::operation(&args)?, args.title)));
    match resolved {
        Ok((op, title)) => {
            let index = op.index();
            let warning = deprecation_warning(op, &title);
            quote! { { #warning ::zoom_scopes::__private::operation(#index) } }
        }
        Err(error) => in_expression(&error, quote!(::zoom_scopes::__private::operation(0))),
    }
}

/// The entries of the hidden call `#[requires_api]` wrote as this `operation!`'s input, in
/// place of none. Only input that starts with `::` is looked at: a title is a literal.
fn rewritten_input(input: &TokenStream) -> Option<TokenStream> {
    let tokens: Vec<TokenTree> = input.clone().into_iter().collect();
    match tokens.first() {
        Some(TokenTree::Punct(p)) if p.as_char() == ':' => {
            function_operation::hidden_call_input(&tokens)
        }
        _ => None,
    }
}

/// `scopes!("a", "b")`: a `ScopeSet` constant expression, of scopes of one model.
pub fn scopes(input: TokenStream) -> TokenStream {
    let resolved = args::scope_names(input).and_then(|names| check::declaration(&names, "scopes!"));
    match resolved {
        Ok(scopes) => scope_set(&scopes),
        Err(error) => in_expression(&error, quote!(::zoom_scopes::ScopeSet::EMPTY)),
    }
}

/// A `ScopeSet` constant expression of scopes, each constant spanned on the name it came from.
pub fn scope_set(scopes: &[(ScopeId, Span)]) -> TokenStream {
    let consts = scopes
        .iter()
        .map(|&(scope, span)| format_ident!("{}", const_name(scope.name()), span = span));
    quote! { ::zoom_scopes::ScopeSet::from_scopes(&[#(::zoom_scopes::Scope::#consts),*]) }
}

/// Errors in expression position, followed by a value of the right type so that the errors
/// are the only ones.
fn in_expression(error: &Error, fallback: TokenStream) -> TokenStream {
    let errors = error.to_compile_error();
    quote! { { #errors #fallback } }
}

/// Items that make rustc record the manifest and the override variable as inputs.
pub fn track(path: &str) -> TokenStream {
    let var = cache::OVERRIDE_VAR;
    quote! {
        const _: &[u8] = ::core::include_bytes!(#path);
        const _: ::core::option::Option<&str> = ::core::option_env!(#var);
    }
}

/// The rustdoc paragraph an annotated function gains (the leading newline separates it from
/// the function's own documentation). Written into one buffer: this runs on every annotation,
/// in an unoptimised build.
fn doc_paragraph(op: OperationId) -> String {
    let names = |scopes: &'static [ScopeId]| scopes.iter().map(|s| s.name());
    let (classic, granular) = (op.granted_by(), op.granular());
    let mut doc = String::with_capacity(DOC_CAPACITY);
    doc.push_str("\n **Zoom API:** \"");
    doc.push_str(op.title());
    doc.push_str("\" (");
    doc.push_str(op.api().name());
    doc.push_str(" API), granted by ");
    match (classic.is_empty(), granular.is_empty()) {
        (true, true) => doc.push_str("no documented scope"),
        (true, false) => doc.push_str("no classic scope"),
        (false, _) => push_code_alternatives(&mut doc, names(classic)),
    }
    if !granular.is_empty() {
        doc.push_str("; in granular scopes by ");
        push_code_alternatives(&mut doc, names(granular));
    }
    doc.push('.');
    doc
}

/// Room for most doc paragraphs, so that writing one rarely grows the buffer.
const DOC_CAPACITY: usize = 512;

/// A use of a `#[deprecated]` item, spanned on the title, when Zoom marks the operation
/// deprecated: stable Rust's way for a macro to warn.
fn deprecation_warning(op: OperationId, title: &Text) -> TokenStream {
    if !op.deprecated() {
        return TokenStream::new();
    }
    let note = match op.replacement() {
        Some(r) => format!(
            "Zoom marks \"{}\" deprecated; use \"{}\" instead",
            op.title(),
            r.title()
        ),
        None => format!("Zoom marks \"{}\" deprecated", op.title()),
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

/// `item` preceded by `error` as a `compile_error!`.
pub fn with_error(item: TokenStream, error: Error) -> TokenStream {
    let error = error.to_compile_error();
    quote! { #error #item }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indexed(title: &str) -> OperationId {
        OperationId::find(title, None).unwrap()
    }

    #[test]
    fn doc_paragraph_names_the_operation_and_its_scopes() {
        assert_eq!(
            doc_paragraph(indexed("Create a meeting")),
            "\n **Zoom API:** \"Create a meeting\" (Meeting API), granted by `meeting:write`, \
             `meeting:write:admin` or `meeting:master`; in granular scopes by \
             `meeting:write:meeting`, `meeting:write:meeting:admin` or \
             `meeting:write:meeting:master`."
        );
        let classic_only = OperationId::all()
            .find(|op| op.granular().is_empty() && !op.granted_by().is_empty())
            .unwrap();
        assert!(!doc_paragraph(classic_only).contains("granular"));
        let granular_only = OperationId::all()
            .find(|op| !op.granular().is_empty() && op.granted_by().is_empty())
            .unwrap();
        assert!(
            doc_paragraph(granular_only).contains("granted by no classic scope; in granular"),
            "{}",
            doc_paragraph(granular_only)
        );
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
