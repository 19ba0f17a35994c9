//! Outer attributes at the token level: where they end, and a doc attribute added after them.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

/// Index of the first token after the leading `#[...]` attributes.
pub fn leading(tokens: &[TokenTree]) -> usize {
    let mut at = 0;
    while let (Some(TokenTree::Punct(p)), Some(TokenTree::Group(g))) =
        (tokens.get(at), tokens.get(at + 1))
    {
        if p.as_char() != '#' || g.delimiter() != Delimiter::Bracket {
            break;
        }
        at += 2;
    }
    at
}

/// The item's tokens with `#[doc = doc]` after its attributes (which end at `attrs_end`), so
/// the paragraph follows the item's own documentation. Built token by token: this runs once
/// per annotated item, in an unoptimised build, on every `cargo check`.
pub fn with_doc(mut tokens: Vec<TokenTree>, attrs_end: usize, doc: Option<&str>) -> TokenStream {
    if let Some(doc) = doc {
        tokens.splice(attrs_end..attrs_end, doc_attribute(doc));
    }
    tokens.into_iter().collect()
}

fn doc_attribute(doc: &str) -> [TokenTree; 2] {
    let span = Span::call_site();
    let inner: TokenStream = [
        TokenTree::Ident(Ident::new("doc", span)),
        TokenTree::Punct(Punct::new('=', Spacing::Alone)),
        TokenTree::Literal(Literal::string(doc)),
    ]
    .into_iter()
    .collect();
    [
        TokenTree::Punct(Punct::new('#', Spacing::Alone)),
        TokenTree::Group(Group::new(Delimiter::Bracket, inner)),
    ]
}
