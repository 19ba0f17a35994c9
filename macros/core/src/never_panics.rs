//! Property test: every macro expands any sequence of tokens, however wrong, without
//! panicking, into tokens that lex again, keeping the annotated item. Sequences are drawn from
//! the tokens the macros' grammar is made of (titles, groups, scope names, keys, punctuation,
//! literals of other kinds, items), so most inputs are near misses rather than noise.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use proptest::prelude::*;

use crate::expand;

const ARG_TOKENS: &[&str] = &[
    "\"Create a meeting\"",
    "\"List meetings\"",
    "\"Get indicators settings [Deprecated]\"",
    "\"Crate a meeting\"",
    "\"\"",
    "\"Meeting\"",
    "\"DASHBOARD\"",
    "\"meeting:write\"",
    "\"meeting:wirte\"",
    "\"meeting:read:meeting:admin\"",
    "\"Video SDK\"",
    "r#\"Create a meeting\"#",
    "\"caf\\u{e9}\"",
    "api",
    "app",
    "manifest",
    "group",
    "=",
    ",",
    "A",
    "Self",
    "::",
    "<",
    ">",
    "->",
    "42",
    "'c'",
    "b\"x\"",
    "(A)",
    "[x]",
    "{}",
];

const ITEMS: &[&str] = &[
    "fn f() {}",
    "pub async fn f<T>(t: T) -> u8 where T: Clone, { #![allow(unused)] 1 }",
    "#[inline] /// doc\nfn f(&self);",
    "pub struct S;",
    "struct S<T>(T);",
    "enum E {}",
    "const X: u8 = 1;",
    "#[x]",
    "",
    // Bodies the bare-`operation!()` rewrite walks, where it only inserts (an entry appended
    // to a call an earlier attribute wrote) or leaves tokens alone (a nested fn, arguments).
    "fn f() { ::zoom_scopes::__private::function_operation!(1) }",
    "fn f() { fn g() { operation!() } m!(operation!(\"A\")) }",
];

/// The leaf tokens of a stream, delimiters included, as text.
fn leaves(tokens: TokenStream, into: &mut Vec<String>) {
    for token in tokens {
        match token {
            TokenTree::Group(g) => {
                let (open, close) = match g.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::None => ("", ""),
                };
                into.push(open.to_owned());
                leaves(g.stream(), into);
                into.push(close.to_owned());
            }
            other => into.push(other.to_string()),
        }
    }
}

/// Whether `item` comes out whole: its tokens, in order, with only insertions among them.
fn keeps(out: &TokenStream, item: &TokenStream) -> bool {
    let (mut all, mut kept) = (Vec::new(), Vec::new());
    leaves(out.clone(), &mut all);
    leaves(item.clone(), &mut kept);
    let mut all = all.iter();
    kept.iter().all(|k| all.any(|a| a == k))
}

fn tokens() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ARG_TOKENS), 0..8).prop_map(|t| t.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn expansions_never_panic(args in tokens(), item in prop::sample::select(ITEMS)) {
        let args: TokenStream = args.parse().expect("the vocabulary lexes");
        let item: TokenStream = item.parse().expect("the items lex");
        let outputs = [
            expand::requires_api(args.clone(), item.clone()),
            expand::app(args.clone(), item.clone()),
        ];
        for out in outputs {
            let text = out.to_string();
            prop_assert!(text.parse::<TokenStream>().is_ok(), "{}", text);
            prop_assert!(keeps(&out, &item), "item lost: {}", text);
        }
        let outputs = [
            expand::operation(args.clone()),
            expand::scopes(args.clone()),
            expand::function_operation(args),
        ];
        for out in outputs {
            prop_assert!(!out.is_empty());
            prop_assert!(out.to_string().parse::<TokenStream>().is_ok());
        }
    }
}
