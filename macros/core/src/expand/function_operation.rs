//! `operation!()` without arguments in the body of a `#[requires_api]` function: that
//! function's operation.
//!
//! `operation!` sees only its own input, which here is empty, so the attribute, which sees its
//! function's body, does the work: it rewrites each bare `operation!()` of the body into
//! `operation!(::zoom_scopes::__private::function_operation!(INDEX))`, whose inner call is the
//! hidden macro that expands to the operation at that catalogue index. Stacked attributes
//! expand one after the other, the first written first; each later one finds the hidden call
//! the first one wrote by its exact path (so an attribute renamed on import changes nothing)
//! and appends its own index. The hidden macro so sees every operation of the function, and
//! with several it cannot tell which one is meant: an error that lists the calls to write.
//!
//! The user's `operation!` stays around the hidden call, so the call still resolves through
//! the user's import of `operation`, which would otherwise be reported unused in a module
//! whose only calls are bare ones. `operation!` recognises the hidden call as its whole input
//! and expands it itself ([`hidden_call_input`]), so that an error's note names `operation`,
//! the macro the user wrote.
//!
//! An attribute whose arguments named no operation writes `_`, which expands silently to a
//! fallback value: the attribute's own error is the one to fix. A nested `fn` is a function of
//! its own: its calls are left to its own attribute, or to `operation!`'s error when it has
//! none.
//!
//! This runs on every annotation, in an unoptimised build, where each look into a group is
//! calls to the compiler. A body as written in a file is first looked at as text
//! (`lexed_text`); any other is read once without keeping a token (`holds_call`), which
//! looks at an identifier's text only before a `!`. Only a body that may hold a call is walked
//! to be rewritten, each group of it read again only if it may hold one, and only the groups
//! whose content changed are rebuilt.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::quote;
use zoom_scopes_tables::OperationId;
use zoom_scopes_tables::text::{code_alternatives, each};

use super::in_expression;
use crate::args::BARE_OPERATION_OUTSIDE;
use crate::error::Error;
use crate::resolve::Qualifier;

/// The path of the hidden macro, after its leading `::`.
const HIDDEN_PATH: [&str; 3] = ["zoom_scopes", "__private", "function_operation"];

/// What one `#[requires_api]` of a function gives its bare `operation!()`: the operation, or
/// `None` when the attribute's arguments named none.
pub type Entry = Option<OperationId>;

/// `body` with each bare `operation!()` in it given the hidden call with `entry`, and each
/// hidden call an earlier attribute wrote given `entry` too; `None` when it has neither, for
/// the caller to keep the body it has.
pub fn rewrite(body: &Group, entry: Entry) -> Option<Group> {
    let may_hold_call = match lexed_text(body) {
        Some(text) => text.as_bytes().contains(&b'!') && text.contains("operation"),
        None => holds_call(body.stream()),
    };
    match may_hold_call {
        true => rewrite_group(body, entry),
        false => None,
    }
}

/// The source text of `body` when its tokens are that text as the compiler lexed it, so that
/// the text tells what the tokens hold; `None` otherwise, for the tokens to be read.
///
/// Reading the text is two calls to the compiler, where reading the tokens of even a one-line
/// body is several, with thousands of instructions of this unoptimised build around them, on
/// every annotation. The text is the tokens' when the group's opening brace is a `{` of the
/// source: a group a proc macro builds has one span for both braces and its content (the call
/// site's, or one it copies), whose text is never a lone `{`. That leaves `macro_rules!`,
/// whose definitions are lexed source too, but whose `$x` stand for other tokens: a `$`
/// anywhere in the text means the tokens are read.
fn lexed_text(body: &Group) -> Option<String> {
    if body.span_open().source_text().as_deref() != Some("{") {
        return None;
    }
    let text = body.span().source_text()?;
    let bytes = text.as_bytes();
    // `[u8]::contains` is memchr, fast even in this build.
    let whole = bytes.first() == Some(&b'{') && bytes.last() == Some(&b'}');
    (whole && !bytes.contains(&b'$')).then_some(text)
}

/// `group` rewritten, when [`holds_call`] says it may hold a call; `None` when nothing in it
/// changed.
fn rewrite_group(group: &Group, entry: Entry) -> Option<Group> {
    let stream = rewrite_stream(group.stream(), entry)?;
    Some(with_stream(group, stream))
}

/// Whether the tokens hold, at any depth, what may be a call the rewrite rewrites: an
/// identifier named `operation` or `function_operation`, `!`, then a group. Most bodies hold
/// none and are read only here, once, with no token kept; an identifier's text is read only
/// when a `!` follows it.
fn holds_call(stream: TokenStream) -> bool {
    let mut ident: Option<Ident> = None;
    let mut bang = false;
    for token in stream {
        match token {
            TokenTree::Group(group) => {
                if bang || holds_call(group.stream()) {
                    return true;
                }
                ident = None;
            }
            TokenTree::Punct(punct) => {
                let before = ident.take();
                bang = punct.as_char() == '!'
                    && before.is_some_and(|id| {
                        let text = id.to_string();
                        text == "operation" || HIDDEN_PATH.last() == Some(&text.as_str())
                    });
                continue;
            }
            TokenTree::Ident(id) => ident = Some(id),
            TokenTree::Literal(_) => ident = None,
        }
        bang = false;
    }
    false
}

fn rewrite_stream(stream: TokenStream, entry: Entry) -> Option<TokenStream> {
    let mut tokens: Vec<TokenTree> = stream.into_iter().collect();
    let mut changed = false;
    let mut at = 0;
    while at < tokens.len() {
        if starts_nested_fn(&tokens, at) {
            at = nested_fn_end(&tokens, at);
            continue;
        }
        if let Some(next) = rewrite_call(&mut tokens, at, entry) {
            changed = true;
            at = next;
            continue;
        }
        if let Some(TokenTree::Group(group)) = tokens.get(at)
            && holds_call(group.stream())
            && let Some(group) = rewrite_group(group, entry)
            && let Some(slot) = tokens.get_mut(at)
        {
            *slot = TokenTree::Group(group);
            changed = true;
        }
        at += 1;
    }
    changed.then(|| tokens.into_iter().collect())
}

/// Whether `fn name` starts at `at`: a nested function item, whose body is its own.
fn starts_nested_fn(tokens: &[TokenTree], at: usize) -> bool {
    // Two identifiers in a row first, which is rarer than identifiers: only then the text.
    match (tokens.get(at), tokens.get(at + 1)) {
        (Some(TokenTree::Ident(keyword)), Some(TokenTree::Ident(_))) => keyword == "fn",
        _ => false,
    }
}

/// The index after the nested function starting at `at`: after its body, or after the `;` of
/// a declaration without one (a method of a nested trait). Braces inside angle brackets
/// (`Trait<{ N }>`) are a const argument, not the body.
fn nested_fn_end(tokens: &[TokenTree], at: usize) -> usize {
    let mut depth = 0usize;
    let mut after_dash = false;
    for (i, token) in tokens.iter().enumerate().skip(at) {
        match token {
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace && depth == 0 => return i + 1,
            TokenTree::Punct(p) => match p.as_char() {
                ';' if depth == 0 => return i + 1,
                '<' => depth += 1,
                // `->` closes nothing.
                '>' if !after_dash => depth = depth.saturating_sub(1),
                _ => {}
            },
            _ => {}
        }
        after_dash = matches!(token, TokenTree::Punct(p) if p.as_char() == '-');
    }
    tokens.len()
}

/// When the `!` of a bare `operation!()`, or of a hidden call an earlier attribute wrote, is
/// at `at`: gives the call its arguments in `tokens` and returns the index after the call.
fn rewrite_call(tokens: &mut [TokenTree], at: usize, entry: Entry) -> Option<usize> {
    let (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(args))) =
        (tokens.get(at), tokens.get(at + 1))
    else {
        return None;
    };
    let name_at = at.checked_sub(1)?;
    let Some(TokenTree::Ident(name)) = tokens.get(name_at) else {
        return None;
    };
    if bang.as_char() != '!' {
        return None;
    }
    let text = name.to_string();
    let args = if text == "operation" && args.stream().is_empty() {
        if !is_ours(tokens, name_at) {
            return None;
        }
        with_stream(args, hidden_call(name.span(), entry))
    } else if HIDDEN_PATH.last() == Some(&text.as_str()) && hidden_path_start(tokens, name_at) {
        let mut stream = args.stream();
        stream.extend([
            punct(',', Spacing::Alone, name.span()),
            entry_token(entry, name.span()),
        ]);
        with_stream(args, stream)
    } else {
        return None;
    };
    let slot = tokens.get_mut(at + 1)?;
    *slot = TokenTree::Group(args);
    Some(at + 2)
}

/// Whether the path of a call whose last segment, `operation`, is at `name` is `operation`,
/// `zoom_scopes::operation` or `::zoom_scopes::operation`; any other path (`my_crate::operation`,
/// `a::zoom_scopes::operation`) is not ours.
fn is_ours(tokens: &[TokenTree], name: usize) -> bool {
    let Some(colons) = colons_before(tokens, name) else {
        return true;
    };
    let Some(krate) = colons.checked_sub(1) else {
        return false;
    };
    if !is_ident(tokens.get(krate), "zoom_scopes") {
        return false;
    }
    let Some(leading) = colons_before(tokens, krate) else {
        return true;
    };
    let before = leading.checked_sub(1).and_then(|i| tokens.get(i));
    !continues_a_path(before)
}

/// Whether `#[requires_api]` rewrites a bare call through `path` (the macro's path as
/// written, `zoom_scopes::operation`): the rule the body's token walk applies, for `cargo
/// zoom-scopes audit`, which reads paths from a syntax tree.
pub fn rewrites_call_through(path: TokenStream) -> bool {
    let tokens: Vec<TokenTree> = path.into_iter().collect();
    match tokens.split_last() {
        Some((TokenTree::Ident(name), _)) if name == "operation" => {
            is_ours(&tokens, tokens.len() - 1)
        }
        _ => false,
    }
}

/// Whether the segments before the hidden macro's name, at `name`, are exactly those of
/// [`HIDDEN_PATH`], after a leading `::`.
fn hidden_path_start(tokens: &[TokenTree], name: usize) -> bool {
    let Some((_, modules)) = HIDDEN_PATH.split_last() else {
        return false;
    };
    let mut at = name;
    for module in modules.iter().rev() {
        let Some(segment) = colons_before(tokens, at).and_then(|c| c.checked_sub(1)) else {
            return false;
        };
        if !is_ident(tokens.get(segment), module) {
            return false;
        }
        at = segment;
    }
    colons_before(tokens, at).is_some()
}

fn is_ident(token: Option<&TokenTree>, name: &str) -> bool {
    matches!(token, Some(TokenTree::Ident(id)) if id == name)
}

/// The index of the `::` right before `at`, if there is one.
fn colons_before(tokens: &[TokenTree], at: usize) -> Option<usize> {
    let first = at.checked_sub(2)?;
    match (tokens.get(first), tokens.get(first + 1)) {
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
            if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':' =>
        {
            Some(first)
        }
        _ => None,
    }
}

/// Whether a `::` after `token` continues a path (`a::`, `Vec::<u8>::`) rather than starting
/// one (`return ::zoom_scopes::...`, `= ::zoom_scopes::...`).
fn continues_a_path(token: Option<&TokenTree>) -> bool {
    match token {
        Some(TokenTree::Ident(id)) => !matches!(
            id.to_string().as_str(),
            "return" | "break" | "in" | "match" | "if" | "while" | "yield" | "let" | "else"
        ),
        Some(TokenTree::Punct(p)) => p.as_char() == '>' && p.spacing() == Spacing::Joint,
        _ => false,
    }
}

/// `::zoom_scopes::__private::function_operation!(ENTRY)`, every token on `at`, the user's
/// `operation`.
fn hidden_call(at: Span, entry: Entry) -> TokenStream {
    let mut call = Vec::with_capacity(3 * HIDDEN_PATH.len() + 2);
    for segment in HIDDEN_PATH {
        call.push(punct(':', Spacing::Joint, at));
        call.push(punct(':', Spacing::Alone, at));
        call.push(TokenTree::Ident(Ident::new(segment, at)));
    }
    call.push(punct('!', Spacing::Alone, at));
    let mut args = Group::new(Delimiter::Parenthesis, entry_token(entry, at).into());
    args.set_span(at);
    call.push(TokenTree::Group(args));
    call.into_iter().collect()
}

/// `group` with `stream` in it, on the group's span and with its delimiter (so that
/// `operation!{}` stays a statement).
fn with_stream(group: &Group, stream: TokenStream) -> Group {
    let mut new = Group::new(group.delimiter(), stream);
    new.set_span(group.span());
    new
}

fn punct(ch: char, spacing: Spacing, at: Span) -> TokenTree {
    let mut punct = Punct::new(ch, spacing);
    punct.set_span(at);
    TokenTree::Punct(punct)
}

/// An entry as the hidden macro reads it: the catalogue index, or `_`.
fn entry_token(entry: Entry, at: Span) -> TokenTree {
    match entry {
        Some(op) => {
            let mut index = Literal::usize_unsuffixed(op.index());
            index.set_span(at);
            TokenTree::Literal(index)
        }
        None => TokenTree::Ident(Ident::new("_", at)),
    }
}

/// The hidden call's arguments when `tokens`, the input of `operation!`, are exactly the call
/// the rewrite wrote there.
pub fn hidden_call_input(tokens: &[TokenTree]) -> Option<TokenStream> {
    let name_at = 3 * HIDDEN_PATH.len() - 1;
    let (Some(TokenTree::Ident(name)), Some(TokenTree::Punct(bang)), Some(TokenTree::Group(args))) = (
        tokens.get(name_at),
        tokens.get(name_at + 1),
        tokens.get(name_at + 2),
    ) else {
        return None;
    };
    let exact = tokens.len() == name_at + 3
        && bang.as_char() == '!'
        && args.delimiter() == Delimiter::Parenthesis
        && HIDDEN_PATH.last().is_some_and(|hidden| name == hidden)
        && hidden_path_start(tokens, name_at);
    exact.then(|| args.stream())
}

/// What a bare `operation!()` stands for, given the entries of its function's
/// `#[requires_api]` attributes in source order. The hidden macro and `cargo zoom-scopes
/// audit` both decide with this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// No attribute: the call is in no `#[requires_api]` function's body.
    Outside,
    /// An attribute named no operation; its own error is the one to show.
    Unresolved,
    /// The function's one operation (stacked attributes that all name it included).
    One(OperationId),
    /// The function's operations, each once, in source order: the call must name one.
    Several(Vec<OperationId>),
}

/// What a bare `operation!()` in a function whose attributes gave `entries` stands for.
pub fn meaning(entries: &[Entry]) -> Meaning {
    let mut ops: Vec<OperationId> = Vec::with_capacity(entries.len());
    for entry in entries {
        match entry {
            None => return Meaning::Unresolved,
            Some(op) if !ops.contains(op) => ops.push(*op),
            Some(_) => {}
        }
    }
    match ops.as_slice() {
        [] => Meaning::Outside,
        [one] => Meaning::One(*one),
        _ => Meaning::Several(ops),
    }
}

impl Meaning {
    /// The error a call with this meaning is, if it is one.
    pub fn error(&self) -> Option<String> {
        match self {
            Meaning::Outside => Some(BARE_OPERATION_OUTSIDE.to_owned()),
            Meaning::Several(ops) => Some(stacked_message(ops)),
            Meaning::Unresolved | Meaning::One(_) => None,
        }
    }
}

/// The error for a bare `operation!()` in a function with stacked attributes for `ops`, which
/// lists the call that names each one.
pub fn stacked_message(ops: &[OperationId]) -> String {
    let attributes: Vec<String> = ops
        .iter()
        .map(|op| format!("\"{}\" ({} API)", op.title(), op.api().name()))
        .collect();
    let calls: Vec<String> = ops
        .iter()
        .map(|&op| format!("operation!({})", arguments(op)))
        .collect();
    format!(
        "`operation!()` cannot tell which operation this is: the function has stacked \
         #[requires_api] attributes for {}\nhelp: name one: {}",
        each(&attributes),
        code_alternatives(&calls, "")
    )
}

/// The arguments that name `op`: its title, and its API group when the title alone names
/// another operation or none (the rule of `OperationId::find`, which the macros apply).
fn arguments(op: OperationId) -> String {
    let title = op.title();
    match OperationId::find(title, None) == Some(op) {
        true => format!("\"{title}\""),
        false => format!(
            "\"{title}\", {}",
            Qualifier::Argument.write(title, op.api().name())
        ),
    }
}

/// The error for a call of the hidden macro that `#[requires_api]` did not write.
const BY_HAND: &str = "`function_operation!` is written by #[requires_api], into each bare \
                       `operation!()` of its function's body; write `operation!()` there instead";

/// `function_operation!(ENTRY, ...)`: the operation of a single entry, an error for several,
/// the fallback value, silently, when an entry is `_` (its attribute has already failed).
pub fn function_operation(input: TokenStream) -> TokenStream {
    let fallback = quote!(::zoom_scopes::__private::operation(0));
    let message = match entries(input).map(|entries| meaning(&entries)) {
        Some(Meaning::One(op)) => {
            let index = op.index();
            return quote!(::zoom_scopes::__private::operation(#index));
        }
        Some(Meaning::Unresolved) => return fallback,
        Some(several @ Meaning::Several(_)) => several.error(),
        Some(Meaning::Outside) | None => None,
    };
    let error = Error::new(Span::call_site(), message.as_deref().unwrap_or(BY_HAND));
    in_expression(&error, fallback)
}

/// The entries of the hidden macro's input, `INDEX` or `_` separated by commas; `None` for
/// anything the rewrite does not write.
fn entries(input: TokenStream) -> Option<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut want_entry = true;
    for token in input {
        match (want_entry, &token) {
            (true, TokenTree::Ident(id)) if id == "_" => entries.push(None),
            (true, TokenTree::Literal(index)) => {
                let index = index.to_string().parse().ok()?;
                entries.push(Some(OperationId::from_index(index)?));
            }
            (false, TokenTree::Punct(p)) if p.as_char() == ',' => {}
            _ => return None,
        }
        want_entry = !want_entry;
    }
    // Input that is empty or ends in a comma is not what the rewrite writes.
    (!want_entry).then_some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indexed(title: &str, api: Option<&str>) -> OperationId {
        OperationId::find(title, api).unwrap_or_else(|| panic!("{title}"))
    }

    fn body(src: &str) -> Group {
        match src.parse::<TokenStream>().map(|s| s.into_iter().next()) {
            Ok(Some(TokenTree::Group(body))) => body,
            _ => panic!("not a group: {src}"),
        }
    }

    /// The rewritten body as text, or `None` when it was left as it is.
    fn rewritten(src: &str, entry: Entry) -> Option<String> {
        rewrite(&body(src), entry).map(|g| g.to_string())
    }

    fn create() -> OperationId {
        indexed("Create a meeting", None)
    }

    /// The hidden call with `entries`, as proc-macro2 prints it.
    fn hidden(entries: &str) -> String {
        format!(":: zoom_scopes :: __private :: function_operation ! ({entries})")
    }

    /// The user's call through `path`, given the hidden call for `create()`, with the
    /// delimiters `open`/`close` (braces are printed with spaces inside).
    fn call(path: &str, open: char, close: char) -> String {
        let pad = if open == '{' { " " } else { "" };
        let hidden = hidden(&create().index().to_string());
        format!("{path} ! {open}{pad}{hidden}{pad}{close}")
    }

    #[test]
    fn paths_rewritten_are_those_of_the_token_walk() {
        for (path, ours) in [
            ("operation", true),
            ("zoom_scopes::operation", true),
            ("::zoom_scopes::operation", true),
            ("a::zoom_scopes::operation", false),
            ("my_crate::operation", false),
            ("op", false),
            ("", false),
        ] {
            let tokens: TokenStream = path.parse().unwrap();
            assert_eq!(rewrites_call_through(tokens), ours, "{path}");
        }
    }

    #[test]
    fn bare_calls_through_every_path_of_ours() {
        for (src, path) in [
            ("{ operation!() }", "operation"),
            ("{ zoom_scopes::operation!() }", "zoom_scopes :: operation"),
            (
                "{ ::zoom_scopes::operation!() }",
                ":: zoom_scopes :: operation",
            ),
        ] {
            let expected = format!("{{ {} }}", call(path, '(', ')'));
            assert_eq!(rewritten(src, Some(create())), Some(expected), "{src}");
        }
        assert_eq!(
            rewritten("{ return ::zoom_scopes::operation!(); }", Some(create())),
            Some(format!(
                "{{ return {} ; }}",
                call(":: zoom_scopes :: operation", '(', ')')
            ))
        );
        assert_eq!(
            rewritten("{ let op = operation![]; operation!{} }", Some(create())),
            Some(format!(
                "{{ let op = {} ; {} }}",
                call("operation", '[', ']'),
                call("operation", '{', '}')
            ))
        );
    }

    #[test]
    fn other_calls_are_left_alone() {
        for src in [
            "{ my_crate::operation!() }",
            "{ a::zoom_scopes::operation!() }",
            "{ <T>::zoom_scopes::operation!() }",
            "{ ::operation!() }",
            "{ operation!(\"Create a meeting\") }",
            "{ operation!(\"Get a user\", api = \"User\") }",
            "{ operations!() }",
            "{ operation() }",
            "{ operation != x }",
            "{ my::__private::function_operation!(3) }",
            "{ __private::function_operation!(3) }",
            "{ let x = (1, [2], { 3 }); x }",
            "{}",
        ] {
            assert_eq!(rewritten(src, Some(create())), None, "{src}");
        }
    }

    #[test]
    fn only_bodies_that_may_hold_a_call_are_walked_again() {
        let holds = |src: &str| holds_call(body(src).stream());
        for src in [
            "{ x.wrapping_mul(1) }",
            "{ println!(\"operation\"); x != operation }",
            "{ let operation = 1; f(operation) }",
            "{ (operation)!() }",
        ] {
            assert!(!holds(src), "{src}");
        }
        for src in [
            "{ f(g(operation!())) }",
            "{ my_crate::operation![] }",
            "{ fn nested() { operation!{} } }",
            "{ ::zoom_scopes::__private::function_operation!(3) }",
        ] {
            assert!(holds(src), "{src}");
        }
    }

    #[test]
    fn bodies_as_written_are_read_as_text() {
        let written = body("{ x.wrapping_mul(1) }");
        assert_eq!(
            lexed_text(&written).as_deref(),
            Some("{ x.wrapping_mul(1) }")
        );
        assert!(rewrite(&written, Some(create())).is_none());
        // A `macro_rules!` definition's body, whose `$x` may be a call.
        assert_eq!(lexed_text(&body("{ f($x) }")), None);
        // A group a macro built, whose span says nothing of its tokens.
        let built = Group::new(
            Delimiter::Brace,
            "f(operation!())".parse().unwrap_or_default(),
        );
        assert_eq!(lexed_text(&built), None);
        assert_eq!(
            rewrite(&built, Some(create())).map(|g| g.to_string()),
            Some(format!("{{ f ({}) }}", call("operation", '(', ')')))
        );
        // Text that mentions an operation is walked, and finds nothing to rewrite.
        assert!(rewrite(&body("{ \"operation!()\" }"), Some(create())).is_none());
    }

    #[test]
    fn groups_are_walked() {
        let out = rewritten(
            "{ let f = || async move { println!(\"{:?}\", operation!()) }; (a, [b]) }",
            Some(create()),
        );
        assert_eq!(
            out,
            Some(format!(
                "{{ let f = || async move {{ println ! (\"{{:?}}\" , {}) }} ; (a , [b]) }}",
                call("operation", '(', ')')
            ))
        );
    }

    #[test]
    fn nested_functions_are_their_own() {
        let out = rewritten(
            "{ fn inner() -> u8 { operation!(); 1 } \
               fn generic<T: Tr<{ 1 }>>() where T: Clone { operation!() } \
               trait T { fn declared(&self); } \
               impl S { pub fn method(&self) { operation!() } } \
               let f: fn() -> u8 = g; \
               operation!() }",
            Some(create()),
        );
        let out = out.unwrap_or_default();
        assert_eq!(out.matches("function_operation").count(), 1, "{out}");
        assert_eq!(out.matches("operation ! ()").count(), 3, "{out}");
        assert!(
            out.ends_with(&format!("{} }}", call("operation", '(', ')'))),
            "{out}"
        );
        assert_eq!(
            rewritten("{ fn inner() { operation!() } }", Some(create())),
            None
        );
    }

    #[test]
    fn stacked_attributes_append_their_entries() {
        let user = indexed("Get a user", Some("User"));
        let once = body(&rewritten("{ f(operation!()) }", Some(user)).unwrap_or_default());
        let twice = rewrite(&once, Some(create())).map(|g| g.to_string());
        let thrice = twice.as_deref().map(body).and_then(|g| rewrite(&g, None));
        let entries = format!("{} , {} , _", user.index(), create().index());
        assert_eq!(
            thrice.map(|g| g.to_string()),
            Some(format!("{{ f (operation ! ({})) }}", hidden(&entries)))
        );
        assert_eq!(
            rewritten("{ operation!() }", None),
            Some(format!("{{ operation ! ({}) }}", hidden("_")))
        );
    }

    #[test]
    fn requires_api_rewrites_its_body() {
        let expected = hidden(&create().index().to_string());
        let typed = super::super::requires_api(
            quote!("Create a meeting", app = A),
            quote!(
                fn f(&self) -> &'static Operation {
                    operation!()
                }
            ),
        )
        .to_string();
        assert!(typed.contains(&expected), "{typed}");
        // This crate's manifest declares no scopes: the check fails, and the call still names
        // the operation, so that the check's error is the only one.
        let unchecked = super::super::requires_api(
            quote!("Create a meeting"),
            quote!(
                fn f() -> &'static Operation {
                    operation!()
                }
            ),
        )
        .to_string();
        assert!(unchecked.contains("compile_error"), "{unchecked}");
        assert!(unchecked.contains(&expected), "{unchecked}");
        let unresolved = super::super::requires_api(
            quote!("Crate a meeting"),
            quote!(
                fn f() -> &'static Operation {
                    operation!()
                }
            ),
        )
        .to_string();
        assert!(unresolved.contains(&hidden("_")), "{unresolved}");
        let declaration = super::super::requires_api(
            quote!("Create a meeting", app = A),
            quote!(
                fn f();
            ),
        )
        .to_string();
        assert!(declaration.ends_with("CreateAMeeting ;"), "{declaration}");
    }

    #[test]
    fn operation_expands_the_hidden_call_it_is_given() {
        let index = create().index();
        let value = format!(":: zoom_scopes :: __private :: operation ({index}usize)");
        let expand = |src: String| super::super::operation(src.parse().unwrap_or_default());
        assert_eq!(expand(hidden(&index.to_string())).to_string(), value);
        // Anything else starting with `::` is not a title.
        for other in [
            format!(":: zoom_scopes :: __private :: function_operation ! [{index}]"),
            format!(":: zoom_scopes :: __private :: function_operation ! ({index}) , x"),
            format!(":: other :: __private :: function_operation ! ({index})"),
        ] {
            let out = expand(other.clone()).to_string();
            assert!(out.contains("not a string literal"), "{other}: {out}");
        }
    }

    #[test]
    fn the_meaning_of_the_entries() {
        let (user, meeting) = (indexed("Get a user", Some("User")), create());
        assert_eq!(meaning(&[]), Meaning::Outside);
        assert_eq!(meaning(&[Some(user)]), Meaning::One(user));
        assert_eq!(meaning(&[Some(user), Some(user)]), Meaning::One(user));
        assert_eq!(meaning(&[Some(user), None]), Meaning::Unresolved);
        assert_eq!(
            meaning(&[Some(user), Some(meeting), Some(user)]),
            Meaning::Several(vec![user, meeting])
        );
        assert_eq!(
            meaning(&[]).error().as_deref(),
            Some(BARE_OPERATION_OUTSIDE)
        );
        assert_eq!(meaning(&[Some(user)]).error(), None);
        assert_eq!(meaning(&[None]).error(), None);
    }

    #[test]
    fn the_stacked_message_names_each_call() {
        let ops = [indexed("Get a user", Some("User")), create()];
        assert_eq!(
            stacked_message(&ops),
            "`operation!()` cannot tell which operation this is: the function has stacked \
             #[requires_api] attributes for \"Get a user\" (User API) and \"Create a meeting\" \
             (Meeting API)\nhelp: name one: `operation!(\"Get a user\", api = \"User\")` or \
             `operation!(\"Create a meeting\")`"
        );
        let three = [create(), indexed("Get a meeting", None), ops[0]];
        assert!(
            stacked_message(&three).contains(
                "\"Create a meeting\" (Meeting API), \"Get a meeting\" (Meeting API) and \
                 \"Get a user\" (User API)"
            ),
            "{}",
            stacked_message(&three)
        );
    }

    #[test]
    fn the_hidden_macro_expands_each_meaning() {
        let user = indexed("Get a user", Some("User")).index();
        let meeting = create().index();
        let expand = |src: String| function_operation(src.parse().unwrap_or_default()).to_string();
        let value = format!(":: zoom_scopes :: __private :: operation ({meeting}usize)");
        assert_eq!(expand(format!("{meeting}")), value);
        assert_eq!(expand(format!("{meeting}, {meeting}")), value);
        let fallback = ":: zoom_scopes :: __private :: operation (0)";
        assert_eq!(expand("_".to_owned()), fallback);
        assert_eq!(expand(format!("{user}, _")), fallback);
        let several = expand(format!("{user}, {meeting}"));
        assert!(
            several.contains("compile_error") && several.contains("cannot tell which operation"),
            "{several}"
        );
        assert!(several.ends_with(&format!("{fallback} }}")), "{several}");
        for by_hand in [
            "",
            "x",
            "1,",
            ", 1",
            "1 2",
            "99999",
            "\"Create a meeting\"",
            "1usize",
        ] {
            let out = expand(by_hand.to_owned());
            assert!(
                out.contains("is written by #[requires_api]") && out.contains(fallback),
                "{by_hand}: {out}"
            );
        }
    }
}
