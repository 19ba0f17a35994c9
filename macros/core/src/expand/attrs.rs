//! Outer attributes at the token level: where they end, and a doc attribute added after them.

// Only to have the compiler parse the doc attribute (see `parsed_by_the_compiler`):
// proc-macro2 would first lex the text again itself, in this unoptimised build.
extern crate proc_macro;

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
/// the paragraph follows the item's own documentation. This runs once per annotated item, in
/// an unoptimised build, on every `cargo check`.
pub fn with_doc(mut tokens: Vec<TokenTree>, attrs_end: usize, doc: Option<&str>) -> TokenStream {
    if let Some(doc) = doc {
        tokens.splice(attrs_end..attrs_end, doc_attribute(doc));
    }
    tokens.into_iter().collect()
}

/// `#[doc = "doc"]`, spanned at the call site.
fn doc_attribute(doc: &str) -> TokenStream {
    parsed_by_the_compiler(doc).unwrap_or_else(|| built(doc))
}

/// `#[doc = r#"doc"#]` as the compiler parses it, when a proc macro is running and the raw
/// literal is [plain text](plain_in_a_raw_literal) to rustc. A doc line has quotes and a
/// newline: `Literal::string` escapes it character by character in this unoptimised build,
/// and rustc then undoes every escape to read the attribute, where the raw literal is lexed
/// once and read as it is.
fn parsed_by_the_compiler(doc: &str) -> Option<TokenStream> {
    if !proc_macro::is_available() || !plain_in_a_raw_literal(doc) {
        return None;
    }
    let attribute: proc_macro::TokenStream = raw_source(doc).parse().ok()?;
    Some(attribute.into())
}

/// Whether rustc accepts `text` unescaped in a raw literal: without a carriage return, which
/// a raw literal cannot hold, and without the text-direction controls its deny-by-default
/// `text_direction_codepoint_in_literal` lint refuses there. Those are among U+2000 to U+2FFF,
/// whose UTF-8 all starts with the byte 0xE2, so this refuses that whole block: two byte
/// searches rather than a look at every character (the escaped literal serves the rest).
fn plain_in_a_raw_literal(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.contains(&b'\r') && !bytes.contains(&0xE2)
}

/// The attribute token by token, with an escaped literal (tests, the CLI, and any text the
/// compiler is not given as a raw literal).
fn built(doc: &str) -> TokenStream {
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
    .into_iter()
    .collect()
}

/// `#[doc = r#"doc"#]` as source text.
fn raw_source(doc: &str) -> String {
    let hashes = "#".repeat(raw_hashes(doc));
    format!("#[doc = r{hashes}\"{doc}\"{hashes}]")
}

/// How many `#` a raw literal of `text` needs: one more than follows any quote in it, so
/// that none ends the literal.
fn raw_hashes(text: &str) -> usize {
    let after_quotes = text.split('"').skip(1);
    let most = after_quotes
        .map(|rest| rest.len() - rest.trim_start_matches('#').len())
        .max();
    most.map_or(0, |most| most + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The literal of a `#[doc = ...]` attribute.
    fn doc_literal(attribute: TokenStream) -> Option<Literal> {
        let Some(TokenTree::Group(group)) = attribute.into_iter().nth(1) else {
            return None;
        };
        match group.stream().into_iter().nth(2) {
            Some(TokenTree::Literal(literal)) => Some(literal),
            _ => None,
        }
    }

    #[test]
    fn raw_sources_end_the_literal_after_the_text() {
        assert_eq!(raw_source("doc"), "#[doc = r\"doc\"]");
        assert_eq!(raw_source("\n \"a\" b"), "#[doc = r#\"\n \"a\" b\"#]");
        assert_eq!(raw_source("\"#\"##"), "#[doc = r###\"\"#\"##\"###]");
        for text in [
            "doc",
            "\n **Zoom API:** \"a\" (B API)",
            "\"#\"##",
            "\\n",
            "a\"#",
        ] {
            let attribute: TokenStream = raw_source(text).parse().expect("tokens");
            let literal = doc_literal(attribute).expect("#[doc = literal]");
            let decoded = crate::cursor::Cursor::new(TokenTree::Literal(literal).into())
                .string("a doc line")
                .expect("a string");
            assert_eq!(decoded.value(), text);
        }
    }

    #[test]
    fn raw_literals_hold_neither_carriage_returns_nor_direction_controls() {
        assert!(plain_in_a_raw_literal(
            "\n **Zoom API:** \"Get user\u{e9}s\" (#)"
        ));
        for refused in ["a\rb", "\u{202e}", "\u{2066}", "user\u{2019}s"] {
            assert!(!plain_in_a_raw_literal(refused), "{refused:?}");
        }
        let block = '\u{2000}'..='\u{2fff}';
        assert!(
            block
                .into_iter()
                .all(|c| !plain_in_a_raw_literal(&c.to_string()))
        );
    }

    #[test]
    fn outside_a_proc_macro_the_attribute_is_built() {
        let attribute = doc_attribute("\n \"a\"").to_string();
        assert_eq!(attribute, "# [doc = \"\\n \\\"a\\\"\"]");
    }
}
