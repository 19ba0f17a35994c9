//! The type `#[app]` annotates, at the token level: a struct without generic parameters.

use proc_macro2::{Delimiter, Ident, TokenStream, TokenTree};

use super::attrs;

pub struct StructItem {
    tokens: Vec<TokenTree>,
    attrs_end: usize,
    /// The struct's name.
    pub name: Ident,
}

/// The struct, or the item with the reason it cannot be an app type.
pub fn inspect(item: TokenStream) -> Result<StructItem, (TokenStream, &'static str)> {
    let tokens: Vec<TokenTree> = item.into_iter().collect();
    let attrs_end = attrs::leading(&tokens);
    match struct_name(tokens.get(attrs_end..).unwrap_or_default()) {
        Ok(name) => Ok(StructItem {
            tokens,
            attrs_end,
            name,
        }),
        Err(reason) => Err((tokens.into_iter().collect(), reason)),
    }
}

const NOT_A_STRUCT: &str = "#[app] goes on a struct, the type that stands for your Zoom app: \
                            `struct MyApp;`";
const GENERIC: &str = "#[app] goes on a struct without generic parameters: an app type has one \
                       fixed set of scopes";

/// The name in `[vis] struct Name` followed by `;`, `{...}` or `(...)`.
fn struct_name(tokens: &[TokenTree]) -> Result<Ident, &'static str> {
    let mut at = 0;
    if matches!(tokens.first(), Some(TokenTree::Ident(id)) if id == "pub") {
        at = 1;
        if matches!(tokens.get(1), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis)
        {
            at = 2;
        }
    }
    let (Some(TokenTree::Ident(keyword)), Some(TokenTree::Ident(name))) =
        (tokens.get(at), tokens.get(at + 1))
    else {
        return Err(NOT_A_STRUCT);
    };
    if keyword != "struct" {
        return Err(NOT_A_STRUCT);
    }
    match tokens.get(at + 2) {
        Some(TokenTree::Punct(p)) if p.as_char() == ';' => Ok(name.clone()),
        Some(TokenTree::Group(g)) if g.delimiter() != Delimiter::Bracket => Ok(name.clone()),
        Some(TokenTree::Punct(p)) if p.as_char() == '<' => Err(GENERIC),
        _ => Err(NOT_A_STRUCT),
    }
}

impl StructItem {
    /// The struct with `doc` appended to its documentation.
    pub fn emit(self, doc: Option<&str>) -> TokenStream {
        attrs::with_doc(self.tokens, self.attrs_end, doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(src: &str) -> Result<String, &'static str> {
        let item: TokenStream = src.parse().unwrap();
        inspect(item)
            .map(|s| s.name.to_string())
            .map_err(|(_, why)| why)
    }

    #[test]
    fn plain_structs_are_app_types() {
        for src in [
            "struct A;",
            "pub struct A;",
            "#[derive(Debug)] pub(crate) struct A { x: u8 }",
            "/// docs\nstruct A(u8);",
        ] {
            assert_eq!(name(src).as_deref(), Ok("A"), "{src}");
        }
    }

    #[test]
    fn other_items_are_refused() {
        assert_eq!(name("struct A<T>(T);"), Err(GENERIC));
        for src in ["enum A {}", "fn a() {}", "union A { x: u8 }", "struct", ""] {
            assert_eq!(name(src), Err(NOT_A_STRUCT), "{src}");
        }
    }

    #[test]
    fn docs_follow_the_attributes() {
        let item: TokenStream = "#[derive(Debug)] struct A;".parse().unwrap();
        let out = inspect(item).ok().unwrap().emit(Some("scopes"));
        assert_eq!(
            out.to_string(),
            "# [derive (Debug)] # [doc = \"scopes\"] struct A ;"
        );
    }
}
