//! Outer attributes at the token level: where they end, and a doc attribute added after them.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::quote;

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
/// the paragraph follows the item's own documentation.
pub fn with_doc(tokens: &[TokenTree], attrs_end: usize, doc: Option<&str>) -> TokenStream {
    let (attrs, rest) = tokens.split_at(attrs_end);
    let attrs: TokenStream = attrs.iter().cloned().collect();
    let rest: TokenStream = rest.iter().cloned().collect();
    let doc = doc.map(|doc| quote!(#[doc = #doc]));
    quote! { #attrs #doc #rest }
}
