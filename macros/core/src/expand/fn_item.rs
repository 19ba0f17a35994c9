//! Token-level surgery on the annotated function: where its outer attributes end, and its body.
//!
//! The item is never re-parsed into a syntax tree, which keeps the macro crate off syn (a
//! parser of items is most of its build) and emits the user's tokens untouched.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::{ToTokens, quote};

use super::attrs;

pub struct FnItem {
    tokens: Vec<TokenTree>,
    /// Index of the first token after the leading `#[...]` attributes.
    attrs_end: usize,
    /// Whether the last token is the body (`{ ... }`) rather than `;`.
    has_body: bool,
}

/// The item if it is a function (with a body, or a trait method declaration ending in `;`).
pub fn inspect(item: TokenStream) -> Result<FnItem, TokenStream> {
    let tokens: Vec<TokenTree> = item.into_iter().collect();
    let attrs_end = attrs::leading(&tokens);
    let has_body = match tokens.last() {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => Some(true),
        Some(TokenTree::Punct(p)) if p.as_char() == ';' => Some(false),
        _ => None,
    };
    let header = tokens.get(attrs_end..tokens.len().saturating_sub(1));
    match (has_body, header) {
        (Some(has_body), Some(header)) if is_fn_header(header) => Ok(FnItem {
            tokens,
            attrs_end,
            has_body,
        }),
        _ => Err(tokens.into_iter().collect()),
    }
}

/// Whether the tokens start with `[vis] [qualifiers] fn name`.
fn is_fn_header(tokens: &[TokenTree]) -> bool {
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(id) if id == "fn" => {
                return matches!(tokens.get(i + 1), Some(TokenTree::Ident(_)));
            }
            TokenTree::Ident(id) => {
                let q = id.to_string();
                if !matches!(
                    q.as_str(),
                    "pub" | "default" | "const" | "async" | "unsafe" | "safe" | "extern"
                ) {
                    return false;
                }
            }
            // `pub(crate)` and the ABI string of `extern "C"`.
            TokenTree::Group(g) if g.delimiter() == Delimiter::Parenthesis => {}
            TokenTree::Literal(_) => {}
            _ => return false,
        }
    }
    false
}

impl FnItem {
    /// Whether the function has a body (trait method declarations have none).
    pub fn has_body(&self) -> bool {
        self.has_body
    }

    /// The body, for the expansion to rewrite; `None` for a declaration without one.
    pub fn body_mut(&mut self) -> Option<&mut Group> {
        match self.tokens.last_mut() {
            Some(TokenTree::Group(body)) if self.has_body => Some(body),
            _ => None,
        }
    }

    /// Adds `bound` (`A: Trait`) to the function's `where` clause, creating the clause if
    /// there is none.
    pub fn add_bound(&mut self, bound: TokenStream) {
        // The signature ends before the body or the `;`. `where` cannot occur inside the
        // generics or the types before it, so the first top-level `where` opens the clause.
        let end = self.tokens.len().saturating_sub(1);
        let has_where = self
            .tokens
            .get(self.attrs_end..end)
            .unwrap_or_default()
            .iter()
            .any(|t| matches!(t, TokenTree::Ident(id) if id == "where"));
        let ends_in_comma = matches!(
            end.checked_sub(1).and_then(|i| self.tokens.get(i)),
            Some(TokenTree::Punct(p)) if p.as_char() == ','
        );
        let addition = match (has_where, ends_in_comma) {
            (false, _) => quote!(where #bound),
            (true, true) => bound,
            (true, false) => quote!(, #bound),
        };
        self.tokens.splice(end..end, addition);
    }

    /// The function with `doc` appended to its documentation and `stmts` (items only) placed at
    /// the start of its body, after any inner attributes.
    pub fn emit(mut self, doc: Option<&str>, stmts: TokenStream) -> TokenStream {
        if self.has_body
            && !stmts.is_empty()
            && let Some(TokenTree::Group(body)) = self.tokens.last_mut()
        {
            *body = with_prefix(body, stmts);
        }
        attrs::with_doc(self.tokens, self.attrs_end, doc)
    }
}

fn with_prefix(body: &Group, stmts: TokenStream) -> Group {
    let mut inner: Vec<TokenTree> = body.stream().into_iter().collect();
    let split = inner_attributes(&inner);
    let rest = inner.split_off(split.min(inner.len()));
    let mut stream = TokenStream::new();
    stream.extend(inner);
    stmts.to_tokens(&mut stream);
    stream.extend(rest);
    let mut group = Group::new(Delimiter::Brace, stream);
    group.set_span(body.span());
    group
}

/// Index after the leading `#![...]` attributes of a block.
fn inner_attributes(tokens: &[TokenTree]) -> usize {
    let mut at = 0;
    while let (
        Some(TokenTree::Punct(hash)),
        Some(TokenTree::Punct(bang)),
        Some(TokenTree::Group(g)),
    ) = (tokens.get(at), tokens.get(at + 1), tokens.get(at + 2))
    {
        if hash.as_char() != '#' || bang.as_char() != '!' || g.delimiter() != Delimiter::Bracket {
            break;
        }
        at += 3;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emit(src: &str, stmts: TokenStream) -> String {
        let item: TokenStream = src.parse().unwrap();
        inspect(item)
            .map(|f| f.emit(Some("doc"), stmts).to_string())
            .unwrap_or_else(|_| "not a fn".to_owned())
    }

    #[test]
    fn docs_go_after_existing_attributes() {
        let out = emit("#[inline] /// hi\n pub async fn f() {}", TokenStream::new());
        assert_eq!(
            out,
            "# [inline] # [doc = \" hi\"] # [doc = \"doc\"] pub async fn f () { }"
        );
    }

    #[test]
    fn statements_go_after_inner_attributes() {
        let out = emit(
            "fn f() -> u8 { #![allow(unused)] 1 }",
            quote!(
                const _: () = ();
            ),
        );
        assert_eq!(
            out,
            "# [doc = \"doc\"] fn f () -> u8 { #! [allow (unused)] const _ : () = () ; 1 }"
        );
    }

    #[test]
    fn qualified_functions_are_accepted() {
        for src in [
            "pub(crate) const unsafe extern \"C\" fn f() {}",
            "default async fn f() {}",
            "unsafe fn f();",
        ] {
            assert_ne!(emit(src, TokenStream::new()), "not a fn", "{src}");
        }
    }

    #[test]
    fn declarations_without_body() {
        let item: TokenStream = "fn f(&self);".parse().unwrap();
        let f = inspect(item).ok().unwrap();
        assert_eq!(
            f.emit(
                None,
                quote!(
                    const _: () = ();
                )
            )
            .to_string(),
            "fn f (& self) ;"
        );
    }

    fn bounded(src: &str) -> String {
        let item: TokenStream = src.parse().unwrap();
        let mut f = inspect(item).ok().unwrap();
        f.add_bound(quote!(A: Marker));
        f.emit(None, TokenStream::new()).to_string()
    }

    #[test]
    fn bounds_open_or_extend_the_where_clause() {
        assert_eq!(
            bounded("pub async fn f(&self) -> u8 { 1 }"),
            "pub async fn f (& self) -> u8 where A : Marker { 1 }"
        );
        assert_eq!(
            bounded("fn f<T>(t: T) where T: Clone { }"),
            "fn f < T > (t : T) where T : Clone , A : Marker { }"
        );
        assert_eq!(
            bounded("fn f<T>(t: T) where T: Clone, { }"),
            "fn f < T > (t : T) where T : Clone , A : Marker { }"
        );
        assert_eq!(bounded("fn f(&self);"), "fn f (& self) where A : Marker ;");
    }

    #[test]
    fn non_functions_are_refused() {
        for src in [
            "struct S;",
            "struct S { f: fn() }",
            "const X: u8 = 1;",
            "",
            "mod m {}",
            "const F: fn() = f;",
        ] {
            assert_eq!(emit(src, TokenStream::new()), "not a fn", "{src}");
        }
    }
}
