//! The macros' error: one or more messages, each on a span, emitted as `compile_error!`s.
//!
//! It stands in for `syn::Error`, which was the last reason the macro crate built syn; syn was
//! on the critical path of a clean build, before this crate (see `lit_str.rs` and
//! `benches/macro-build.sh`). It emits exactly the tokens `syn::Error::to_compile_error` emits
//! for errors made with `syn::Error::new`, and the tests hold it to syn.

use std::fmt;

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

/// A result whose error is [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Messages, each on the span it is about, in the order they were made or combined.
#[derive(Clone)]
pub struct Error {
    /// Never empty: every way to make an error gives it a message.
    messages: Vec<Message>,
}

#[derive(Clone)]
struct Message {
    span: Span,
    message: String,
}

impl Error {
    /// An error showing `message` at `span`.
    pub fn new(span: Span, message: impl fmt::Display) -> Error {
        Error::single(Message {
            span,
            message: message.to_string(),
        })
    }

    fn single(message: Message) -> Error {
        Error {
            messages: vec![message],
        }
    }

    /// Where the (first) error is.
    pub fn span(&self) -> Span {
        self.messages
            .first()
            .map_or_else(Span::call_site, |first| first.span)
    }

    /// Adds `another`'s messages after this one's, to be emitted together.
    pub fn combine(&mut self, another: Error) {
        self.messages.extend(another.messages);
    }

    /// Every message as `::core::compile_error! { "message" }`, spanned on its message's span.
    pub fn to_compile_error(&self) -> TokenStream {
        let mut tokens = TokenStream::new();
        for message in &self.messages {
            message.to_compile_error(&mut tokens);
        }
        tokens
    }

    /// [`Error::to_compile_error`], consuming the error.
    pub fn into_compile_error(self) -> TokenStream {
        self.to_compile_error()
    }
}

impl Message {
    /// `::core::compile_error! { "message" }`, token for token as syn writes it: the path and
    /// `!` on the span's start, the braces and the literal on its end (one span here).
    fn to_compile_error(&self, tokens: &mut TokenStream) {
        let span = self.span;
        let punct = |ch, spacing| {
            let mut punct = Punct::new(ch, spacing);
            punct.set_span(span);
            TokenTree::Punct(punct)
        };
        let mut message = Literal::string(&self.message);
        message.set_span(span);
        let mut group = Group::new(Delimiter::Brace, TokenTree::Literal(message).into());
        group.set_span(span);
        tokens.extend([
            punct(':', Spacing::Joint),
            punct(':', Spacing::Alone),
            TokenTree::Ident(Ident::new("core", span)),
            punct(':', Spacing::Joint),
            punct(':', Spacing::Alone),
            TokenTree::Ident(Ident::new("compile_error", span)),
            punct('!', Spacing::Alone),
            TokenTree::Group(group),
        ]);
    }
}

/// The first message, as syn shows it.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.messages.first() {
            Some(first) => f.write_str(&first.message),
            None => Ok(()),
        }
    }
}

/// `Error("message")`, or `Error(["first", "second"])` for several, as syn shows it.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let mut tuple = f.debug_tuple("Error");
        match self.messages.as_slice() {
            [one] => tuple.field(&one.message),
            all => tuple.field(&all.iter().map(|m| &m.message).collect::<Vec<_>>()),
        };
        tuple.finish()
    }
}

impl std::error::Error for Error {}

/// Each message as an error of its own.
impl IntoIterator for Error {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;

    fn into_iter(self) -> Self::IntoIter {
        let errors: Vec<Error> = self.messages.into_iter().map(Error::single).collect();
        errors.into_iter()
    }
}

/// [`Error::combine`] with each of the errors.
impl Extend<Error> for Error {
    fn extend<T: IntoIterator<Item = Error>>(&mut self, errors: T) {
        for error in errors {
            self.combine(error);
        }
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::TokenStream;

    use super::*;

    /// Every token of `tokens` with its kind, text, spacing, delimiter and span (positions,
    /// with proc-macro2's `span-locations`), nested groups included.
    fn anatomy(tokens: TokenStream) -> Vec<String> {
        let mut out = Vec::new();
        for token in tokens {
            match token {
                TokenTree::Group(g) => {
                    out.push(format!("group {:?} {:?}", g.delimiter(), g.span()));
                    out.extend(anatomy(g.stream()));
                    out.push("end".to_owned());
                }
                TokenTree::Punct(p) => {
                    out.push(format!("punct {} {:?} {:?}", p, p.spacing(), p.span()));
                }
                TokenTree::Ident(i) => out.push(format!("ident {i} {:?}", i.span())),
                TokenTree::Literal(l) => out.push(format!("literal {l} {:?}", l.span())),
            }
        }
        out
    }

    const MESSAGES: &[&str] = &[
        "expected `,`",
        "",
        "unknown scope `meeting:wirte`; did you mean `meeting:write`?",
        "say \"hi\"\n\tand \\ back\\slash",
        "caf\u{e9} \u{1F600} \u{0} \u{7f} \r",
        "[package.metadata.zoom] in Cargo.toml: `scopes` must be a list of strings",
    ];

    /// Spans at different places: the call site and tokens of a lexed stream.
    fn spans() -> Vec<Span> {
        let lexed: TokenStream = "first\n  (second) \"third\"".parse().unwrap();
        let mut spans = vec![Span::call_site()];
        spans.extend(lexed.into_iter().map(|t| t.span()));
        spans
    }

    #[test]
    fn compile_errors_are_syns() {
        for message in MESSAGES {
            for span in spans() {
                let ours = Error::new(span, message);
                let syns = syn::Error::new(span, message);
                let (a, b) = (ours.to_compile_error(), syns.to_compile_error());
                assert_eq!(a.to_string(), b.to_string(), "{message:?}");
                assert_eq!(anatomy(a), anatomy(b), "{message:?}");
                assert_eq!(ours.to_string(), syns.to_string());
                assert_eq!(format!("{ours:?}"), format!("{syns:?}"));
                assert_eq!(format!("{:?}", ours.span()), format!("{:?}", syns.span()));
                assert_eq!(
                    ours.into_compile_error().to_string(),
                    syns.into_compile_error().to_string(),
                );
            }
        }
    }

    #[test]
    fn combined_errors_are_syns() {
        let spans = spans();
        let mut ours = Error::new(spans[1], MESSAGES[0]);
        let mut syns = syn::Error::new(spans[1], MESSAGES[0]);
        ours.combine(Error::new(spans[2], MESSAGES[2]));
        syns.combine(syn::Error::new(spans[2], MESSAGES[2]));
        ours.extend(MESSAGES[3..].iter().map(|m| Error::new(spans[3], m)));
        syns.extend(MESSAGES[3..].iter().map(|m| syn::Error::new(spans[3], m)));
        let (a, b) = (ours.to_compile_error(), syns.to_compile_error());
        assert_eq!(a.to_string(), b.to_string());
        assert_eq!(anatomy(a), anatomy(b));
        assert_eq!(ours.to_string(), syns.to_string());
        assert_eq!(format!("{ours:?}"), format!("{syns:?}"));
        assert_eq!(format!("{:?}", ours.span()), format!("{:?}", syns.span()));
        let ours: Vec<String> = ours.into_iter().map(|e| e.to_string()).collect();
        let syns: Vec<String> = syns.into_iter().map(|e| e.to_string()).collect();
        assert_eq!(ours, syns);
        assert_eq!(ours.len(), MESSAGES.len() - 1);
    }
}
