//! A cursor over macro arguments, at the token level.
//!
//! The arguments are a handful of tokens: a title, `key = value` pairs, scope names. syn's
//! parser and literal decoding cost more than all the rest of an expansion in the unoptimised
//! builds proc macros get, and every annotated function pays that on every `cargo check`; so
//! plain string literals are read directly, and only literals with escapes (or raw ones) go
//! through the decoder in `lit_str`, which does what syn's does without building syn.

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};

use crate::error::{self, Error};
use crate::lit_str;

/// A string literal's value and where it was written.
#[derive(Clone)]
pub struct Text {
    value: String,
    span: Span,
}

impl Text {
    /// The literal's value, escapes decoded.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Where the literal was written.
    pub fn span(&self) -> Span {
        self.span
    }
}

/// The tokens of a macro's arguments, read front to back.
pub struct Cursor {
    tokens: Vec<TokenTree>,
    at: usize,
}

impl Cursor {
    /// A cursor at the first of `tokens`.
    pub fn new(tokens: TokenStream) -> Cursor {
        let mut flat = Vec::new();
        flatten(tokens, &mut flat);
        Cursor {
            tokens: flat,
            at: 0,
        }
    }

    /// Whether every token has been read.
    pub fn is_empty(&self) -> bool {
        self.at >= self.tokens.len()
    }

    /// The next token, left unread.
    pub fn peek(&self) -> Option<&TokenTree> {
        self.tokens.get(self.at)
    }

    /// The next token, read.
    pub fn next(&mut self) -> Option<TokenTree> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    /// The punctuation `ch`, or the error syn's parser gives for it.
    pub fn punct(&mut self, ch: char) -> error::Result<()> {
        match self.peek() {
            Some(TokenTree::Punct(p)) if p.as_char() == ch => {
                self.at += 1;
                Ok(())
            }
            Some(other) => Err(Error::new(other.span(), format!("expected `{ch}`"))),
            None => Err(Error::new(
                Span::call_site(),
                format!("unexpected end of input, expected `{ch}`"),
            )),
        }
    }

    /// An identifier, if one is next.
    pub fn ident(&mut self) -> Option<Ident> {
        match self.peek() {
            Some(TokenTree::Ident(id)) => {
                let id = id.clone();
                self.at += 1;
                Some(id)
            }
            _ => None,
        }
    }

    /// A string literal, or an error naming what stands there instead.
    pub fn string(&mut self, expected: &str) -> error::Result<Text> {
        let Some(token) = self.next() else {
            return Err(Error::new(
                Span::call_site(),
                format!("unexpected end of input, {expected}"),
            ));
        };
        match string_value(&token) {
            Some(value) => Ok(Text {
                value,
                span: token.span(),
            }),
            None => Err(Error::new(
                token.span(),
                format!("{expected}; found `{token}`, which is not a string literal"),
            )),
        }
    }

    /// The tokens up to the next comma outside angle brackets (a type, as written).
    pub fn until_comma(&mut self) -> TokenStream {
        let mut tokens = TokenStream::new();
        let mut depth = 0usize;
        let mut previous_dash = false;
        while let Some(token) = self.peek() {
            if let TokenTree::Punct(p) = token {
                match p.as_char() {
                    ',' if depth == 0 => break,
                    '<' => depth += 1,
                    // `->` in `Fn() -> T` closes nothing.
                    '>' if !previous_dash => depth = depth.saturating_sub(1),
                    _ => {}
                }
                previous_dash = p.as_char() == '-';
            } else {
                previous_dash = false;
            }
            tokens.extend(self.next());
        }
        tokens
    }
}

/// Tokens with invisible groups (what `macro_rules!` wraps `$x:expr` in) opened.
fn flatten(tokens: TokenStream, into: &mut Vec<TokenTree>) {
    for token in tokens {
        match token {
            TokenTree::Group(g) if g.delimiter() == Delimiter::None => flatten(g.stream(), into),
            token => into.push(token),
        }
    }
}

/// The value of a string literal token: directly when it has no escapes, through the decoder
/// when it has (or is a raw string); `None` for anything else.
fn string_value(token: &TokenTree) -> Option<String> {
    let TokenTree::Literal(literal) = token else {
        return None;
    };
    let text = literal.to_string();
    // A quote inside a plain literal is always escaped, so no backslash means no escapes.
    // (`[u8]::contains` is memchr, fast even in an unoptimised build; `str::contains` is not.)
    if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"'))
        && !inner.as_bytes().contains(&b'\\')
    {
        return Some(inner.to_owned());
    }
    lit_str::value(&text)
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn string(tokens: TokenStream) -> Result<String, String> {
        Cursor::new(tokens)
            .string("expected a string")
            .map(|t| t.value().to_owned())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn string_literals_of_every_form() {
        assert_eq!(
            string(quote!("Create a meeting")).unwrap(),
            "Create a meeting"
        );
        assert_eq!(string(quote!("say \"hi\"\n")).unwrap(), "say \"hi\"\n");
        assert_eq!(string(quote!(r#"raw "x""#)).unwrap(), "raw \"x\"");
        assert_eq!(string("\"caf\\u{e9}\"".parse().unwrap()).unwrap(), "café");
    }

    #[test]
    fn other_tokens_are_not_strings() {
        for tokens in [
            quote!(42),
            quote!(b"bytes"),
            quote!('c'),
            quote!(title),
            quote!(r),
        ] {
            let e = string(tokens.clone()).unwrap_err();
            assert!(
                e.ends_with("which is not a string literal"),
                "{tokens}: {e}"
            );
        }
        assert_eq!(
            string(TokenStream::new()).unwrap_err(),
            "unexpected end of input, expected a string"
        );
    }

    #[test]
    fn invisible_groups_are_opened() {
        let inner = TokenTree::Group(proc_macro2::Group::new(
            Delimiter::None,
            quote!("Create a meeting"),
        ));
        assert_eq!(
            string(TokenStream::from(inner)).unwrap(),
            "Create a meeting"
        );
    }

    #[test]
    fn punctuation_errors_read_like_syns() {
        let mut c = Cursor::new(quote!("a" "b"));
        c.next();
        assert_eq!(c.punct(',').unwrap_err().to_string(), "expected `,`");
        let mut c = Cursor::new(quote!(api));
        c.next();
        assert_eq!(
            c.punct('=').unwrap_err().to_string(),
            "unexpected end of input, expected `=`"
        );
    }
}
