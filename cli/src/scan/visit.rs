//! Walks one parsed file for `#[requires_api]` attributes, `operation!` calls and `mod`
//! declarations. The arguments of a use are read by the macros' own grammar, given the tokens
//! the compiler would give the macro.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Attribute, Expr, Ident, Meta, Token};
use zoom_scopes_catalogue::audit::Use;
use zoom_scopes_macros_core::Error;
use zoom_scopes_macros_core::args::{self, Accepts, OperationArgs};
use zoom_scopes_macros_core::check;
use zoom_scopes_macros_core::expand::NOT_ON_A_FUNCTION;
use zoom_scopes_macros_core::expand::function_operation::{Entry, meaning, rewrites_call_through};

use super::Problem;
use super::aliases::Aliases;

/// rustc's refusal of `#[requires_api = "..."]`, which never reaches the macro.
const KEY_VALUE: &str = "key-value macro attributes are not supported";

/// A `mod name;` whose body is in another file.
#[derive(Clone, Debug)]
pub struct ModDecl {
    pub name: String,
    /// Its `#[path = "..."]`, if any.
    pub path: Option<String>,
    /// The inline `mod name { ... }` blocks it sits in, outermost first.
    pub inline: Vec<InlineMod>,
    pub line: usize,
}

/// An enclosing inline module and its `#[path]`, which decide where nested files are.
#[derive(Clone, Debug)]
pub struct InlineMod {
    pub name: String,
    pub path: Option<String>,
}

/// What one file holds.
pub struct FileVisitor<'a> {
    file: &'a str,
    /// The path of the item being visited: modules, impl types, traits, functions.
    names: Vec<String>,
    inline: Vec<InlineMod>,
    /// Inside a function with a typed-mode `#[requires_api]`: its `operation!` values belong to
    /// the app calling it too.
    in_typed: bool,
    /// What each `#[requires_api]` of the function being visited names, in source order (none
    /// outside a function or in one without the attribute): the operation its bare
    /// `operation!()` calls stand for, as the attribute rewrites them.
    entries: Vec<Entry>,
    /// The file's renames of `zoom_scopes` and its macros.
    aliases: Aliases,
    pub uses: Vec<Use>,
    pub problems: Vec<Problem>,
    pub mods: Vec<ModDecl>,
}

impl<'a> FileVisitor<'a> {
    /// A visitor for `file` (its name in reports), whose items live in module `module`.
    pub fn new(file: &'a str, module: Vec<String>) -> Self {
        FileVisitor {
            file,
            names: module,
            inline: Vec::new(),
            in_typed: false,
            entries: Vec::new(),
            aliases: Aliases::default(),
            uses: Vec::new(),
            problems: Vec::new(),
            mods: Vec::new(),
        }
    }

    fn within(&mut self, name: String, visit: impl FnOnce(&mut Self)) {
        self.names.push(name);
        visit(self);
        self.names.pop();
    }

    /// The current item path, or `(top level)` outside any item.
    fn current(&self) -> String {
        if self.names.is_empty() {
            "(top level)".to_owned()
        } else {
            self.names.join("::")
        }
    }

    /// Records the function's `#[requires_api]` uses, then visits its body (named `name`),
    /// in typed mode when one of them is, with its own entries: a function nested in another
    /// has its own operations, as the attribute's rewrite does not enter nested functions.
    fn function(&mut self, attrs: &[Attribute], name: &Ident, body: impl FnOnce(&mut Self)) {
        let before = self.uses.len();
        let entries = self.function_attributes(attrs, name);
        let typed = self.uses[before..].iter().any(|u| u.typed);
        let outer = self.in_typed;
        self.in_typed = outer || typed;
        let outer_entries = std::mem::replace(&mut self.entries, entries);
        self.within(name.unraw().to_string(), body);
        self.entries = outer_entries;
        self.in_typed = outer;
    }

    /// Records the uses of the function's `#[requires_api]` attributes, and returns what each
    /// names.
    fn function_attributes(&mut self, attrs: &[Attribute], name: &Ident) -> Vec<Entry> {
        let function = self.qualified(name);
        let aliases = &self.aliases;
        let ours: Vec<&Attribute> = attrs
            .iter()
            .filter(|a| aliases.is_ours(a.path(), "requires_api"))
            .collect();
        let mut entries = Vec::with_capacity(ours.len());
        for attr in ours {
            let tokens = match &attr.meta {
                Meta::List(list) => list.tokens.clone(),
                // `#[requires_api]`: the macro is given no arguments, and says what is missing.
                Meta::Path(_) => TokenStream::new(),
                Meta::NameValue(_) => {
                    self.problems
                        .push(Problem::at(self.file, attr.span(), KEY_VALUE));
                    entries.push(None);
                    continue;
                }
            };
            let parsed = args::operation_args(tokens, Accepts::ApiAndApp);
            entries.push(parsed.as_ref().ok().and_then(|a| check::operation(a).ok()));
            self.record(parsed, &function, attr.span());
        }
        entries
    }

    /// `#[requires_api]` on an item that is not a function: the macro refuses it.
    fn misplaced(&mut self, attrs: &[Attribute]) {
        for attr in attrs {
            if self.aliases.is_ours(attr.path(), "requires_api") {
                let problem = Problem::at(self.file, attr.span(), NOT_ON_A_FUNCTION);
                self.problems.push(problem);
            }
        }
    }

    fn qualified(&self, name: &Ident) -> String {
        let mut path = self.names.clone();
        path.push(name.unraw().to_string());
        path.join("::")
    }

    /// Records one use, or the macro's error for its arguments; `site` is the whole use, where
    /// an error that has no token to stand on is shown.
    fn record(&mut self, parsed: Result<OperationArgs, Error>, function: &str, site: Span) {
        match parsed {
            Ok(a) => self.uses.push(Use {
                title: a.title.value().to_owned(),
                api: a.api.as_ref().map(|api| api.value().to_owned()),
                function: function.to_owned(),
                file: self.file.to_owned(),
                line: a.title.span().start().line,
                column: a.title.span().start().column + 1,
                api_line: a.api.as_ref().map(|api| api.span().start().line),
                typed: a.app.is_some() || self.in_typed,
            }),
            Err(e) => {
                let span = if is_call_site(e.span()) {
                    site
                } else {
                    e.span()
                };
                self.problems
                    .push(Problem::at(self.file, span, &e.to_string()));
            }
        }
    }
}

/// Whether `span` is the macro's call site, which the grammar gives errors at the end of the
/// arguments (a missing title, a missing value): it covers no source text.
fn is_call_site(span: Span) -> bool {
    span.byte_range().is_empty()
}

/// The value of a `#[path = "..."]` attribute.
fn path_attribute(attrs: &[Attribute]) -> Option<String> {
    attrs.iter().find_map(|attr| match &attr.meta {
        Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

/// The attributes of an item that is not a function (a function's are read as uses).
fn item_attributes(item: &syn::Item) -> &[Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::ExternCrate(i) => &i.attrs,
        syn::Item::ForeignMod(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::TraitAlias(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// The name an impl block's methods are listed under: its self type's last path segment.
fn impl_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.unraw().to_string())
            .unwrap_or_else(|| "impl".to_owned()),
        syn::Type::Reference(r) => impl_name(&r.elem),
        _ => "impl".to_owned(),
    }
}

impl<'ast> Visit<'ast> for FileVisitor<'_> {
    fn visit_file(&mut self, i: &'ast syn::File) {
        self.aliases = Aliases::of(i);
        visit::visit_file(self, i);
    }

    fn visit_item(&mut self, i: &'ast syn::Item) {
        self.misplaced(item_attributes(i));
        visit::visit_item(self, i);
    }

    fn visit_impl_item(&mut self, i: &'ast syn::ImplItem) {
        let attrs: &[Attribute] = match i {
            syn::ImplItem::Const(c) => &c.attrs,
            syn::ImplItem::Type(t) => &t.attrs,
            syn::ImplItem::Macro(m) => &m.attrs,
            _ => &[],
        };
        self.misplaced(attrs);
        visit::visit_impl_item(self, i);
    }

    fn visit_trait_item(&mut self, i: &'ast syn::TraitItem) {
        let attrs: &[Attribute] = match i {
            syn::TraitItem::Const(c) => &c.attrs,
            syn::TraitItem::Type(t) => &t.attrs,
            syn::TraitItem::Macro(m) => &m.attrs,
            _ => &[],
        };
        self.misplaced(attrs);
        visit::visit_trait_item(self, i);
    }

    fn visit_item_fn(&mut self, i: &'ast syn::ItemFn) {
        self.function(&i.attrs, &i.sig.ident, |v| visit::visit_item_fn(v, i));
    }

    fn visit_impl_item_fn(&mut self, i: &'ast syn::ImplItemFn) {
        self.function(&i.attrs, &i.sig.ident, |v| visit::visit_impl_item_fn(v, i));
    }

    fn visit_trait_item_fn(&mut self, i: &'ast syn::TraitItemFn) {
        self.function(&i.attrs, &i.sig.ident, |v| visit::visit_trait_item_fn(v, i));
    }

    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        self.within(impl_name(&i.self_ty), |v| visit::visit_item_impl(v, i));
    }

    fn visit_item_trait(&mut self, i: &'ast syn::ItemTrait) {
        self.within(i.ident.unraw().to_string(), |v| {
            visit::visit_item_trait(v, i)
        });
    }

    fn visit_item_const(&mut self, i: &'ast syn::ItemConst) {
        self.within(i.ident.unraw().to_string(), |v| {
            visit::visit_item_const(v, i)
        });
    }

    fn visit_item_static(&mut self, i: &'ast syn::ItemStatic) {
        self.within(i.ident.unraw().to_string(), |v| {
            visit::visit_item_static(v, i)
        });
    }

    fn visit_item_mod(&mut self, i: &'ast syn::ItemMod) {
        let name = i.ident.unraw().to_string();
        let path = path_attribute(&i.attrs);
        if i.content.is_none() {
            self.mods.push(ModDecl {
                name,
                path,
                inline: self.inline.clone(),
                line: i.ident.span().start().line,
            });
            return;
        }
        self.inline.push(InlineMod {
            name: name.clone(),
            path,
        });
        self.within(name, |v| visit::visit_item_mod(v, i));
        self.inline.pop();
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if self.aliases.is_ours(&mac.path, "operation") {
            // The attribute's use is recorded already; the call is a problem only where the
            // compiler finds one.
            // A bare call through an alias (`op!()`, `zs::operation!()`) is not rewritten: it
            // reaches `operation!` itself, whose error for empty input the grammar gives below.
            if mac.tokens.is_empty() && rewrites_call_through(mac.path.to_token_stream()) {
                if let Some(message) = meaning(&self.entries).error() {
                    self.problems
                        .push(Problem::at(self.file, mac.span(), &message));
                }
                return;
            }
            let function = self.current();
            let parsed = args::operation_args(mac.tokens.clone(), Accepts::ApiOnly);
            self.record(parsed, &function, mac.span());
            return;
        }
        // Macros that take expressions (format!, vec!, assert_eq!, ...) may hold an
        // `operation!` call; other macros' input is not Rust we can read, and is skipped.
        let exprs = Punctuated::<Expr, Token![,]>::parse_terminated.parse2(mac.tokens.clone());
        if let Ok(exprs) = exprs {
            for e in &exprs {
                self.visit_expr(e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(src: &str) -> FileVisitor<'static> {
        let file = syn::parse_file(src).unwrap();
        let mut v = FileVisitor::new("src/lib.rs", vec!["api".to_owned()]);
        v.visit_file(&file);
        v
    }

    fn uses(v: &FileVisitor<'_>) -> Vec<(String, Option<String>, String, usize)> {
        v.uses
            .iter()
            .map(|u| (u.title.clone(), u.api.clone(), u.function.clone(), u.line))
            .collect()
    }

    #[test]
    fn renamed_imports_are_followed() {
        let v = visit(
            r#"
use zoom_scopes::{operation as op, requires_api as need};
#[need("Create a meeting")]
fn create() {}
fn list() {
    let _ = op!("List meetings", api = "Meeting");
}
#[need_not("Ignored")]
fn other() {}
"#,
        );
        assert!(v.problems.is_empty());
        assert_eq!(
            uses(&v),
            [
                ("Create a meeting".into(), None, "api::create".into(), 3),
                (
                    "List meetings".into(),
                    Some("Meeting".into()),
                    "api::list".into(),
                    6
                ),
            ]
        );
    }

    #[test]
    fn attributes_on_every_kind_of_function() {
        let v = visit(
            r#"
use zoom_scopes::requires_api;
#[requires_api("Create a meeting")]
async fn create() {}
impl<A: App> Zoom<A> {
    #[zoom_scopes::requires_api("Get a user", api = "User", app = A)]
    pub fn user(&self) {}
}
trait Client {
    #[requires_api("List meetings", api = "Meeting")]
    fn list(&self);
    #[::zoom_scopes::requires_api("Delete a meeting")]
    fn delete(&self) {}
}
#[other::requires_api("Ignored")]
#[test]
fn r#try() {}
"#,
        );
        assert!(v.problems.is_empty());
        let found = uses(&v);
        assert_eq!(
            found,
            [
                ("Create a meeting".into(), None, "api::create".into(), 3),
                (
                    "Get a user".into(),
                    Some("User".into()),
                    "api::Zoom::user".into(),
                    6
                ),
                (
                    "List meetings".into(),
                    Some("Meeting".into()),
                    "api::Client::list".into(),
                    10
                ),
                (
                    "Delete a meeting".into(),
                    None,
                    "api::Client::delete".into(),
                    12
                ),
            ]
        );
    }

    #[test]
    fn operation_calls_where_they_stand() {
        let v = visit(
            r#"
static CREATE: &Operation = zoom_scopes::operation!("Create a meeting");
fn f() {
    let op = operation!("Get a meeting");
    println!("{}", operation!("List webinars").title());
    assert_eq!(vec![operation!("Get a user", api = "User")].len(), 1);
    some_dsl! { operation!("Not Rust we can read") => x };
}
mod inner {
    const X: u8 = { let _ = operation!("Delete a meeting"); 0 };
}
"#,
        );
        let found: Vec<(String, String)> = uses(&v).into_iter().map(|u| (u.0, u.2)).collect();
        assert_eq!(
            found,
            [
                ("Create a meeting".to_owned(), "api::CREATE".to_owned()),
                ("Get a meeting".to_owned(), "api::f".to_owned()),
                ("List webinars".to_owned(), "api::f".to_owned()),
                ("Get a user".to_owned(), "api::f".to_owned()),
                ("Delete a meeting".to_owned(), "api::inner::X".to_owned()),
            ]
        );
    }

    #[test]
    fn module_declarations_with_paths_and_nesting() {
        let v = visit(
            r#"
mod a;
#[path = "other/b.rs"]
pub(crate) mod b;
mod outer {
    #[path = "in"]
    mod middle {
        mod c;
    }
}
"#,
        );
        let decls: Vec<(String, Option<String>, Vec<String>)> = v
            .mods
            .iter()
            .map(|d| {
                let inline = d.inline.iter().map(|m| m.name.clone()).collect();
                (d.name.clone(), d.path.clone(), inline)
            })
            .collect();
        assert_eq!(
            decls,
            [
                ("a".into(), None, vec![]),
                ("b".into(), Some("other/b.rs".into()), vec![]),
                ("c".into(), None, vec!["outer".into(), "middle".into()]),
            ]
        );
        assert_eq!(v.mods[2].inline[1].path.as_deref(), Some("in"));
    }

    #[test]
    fn bad_arguments_are_problems_with_lines() {
        let v = visit(
            "\n#[requires_api]\nfn a() {}\n#[requires_api(TITLE)]\nfn b() {}\nfn c() { operation!(); }\n\
             #[requires_api = \"Create a meeting\"]\nfn d() {}\n\
             #[requires_api(\"List meetings\", api = \"Meeting\",\n    api = \"Dashboard\")]\nfn e() {}\n\
             fn f() { operation!(\"Create a meeting\", app = MyApp); }\n\
             #[requires_api(\"Create a meeting\", api =\n)]\nfn g() {}\n",
        );
        let lines: Vec<Option<usize>> = v.problems.iter().map(|p| p.line).collect();
        assert_eq!(
            lines,
            [
                Some(2),
                Some(4),
                Some(6),
                Some(7),
                Some(10),
                Some(12),
                Some(13)
            ]
        );
        let messages: Vec<&str> = v.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(
            messages[0].starts_with("missing operation title: "),
            "{}",
            messages[0]
        );
        assert!(messages[1].contains("found `TITLE`, which is not a string literal"));
        assert_eq!(messages[2], args::BARE_OPERATION_OUTSIDE);
        assert_eq!(messages[3], KEY_VALUE);
        assert_eq!(messages[4], "`api` is given twice");
        assert!(
            messages[5].starts_with("unknown argument `app`; the only argument after the title"),
            "{}",
            messages[5]
        );
        assert!(
            messages[6].starts_with("unexpected end of input"),
            "{}",
            messages[6]
        );
        assert!(v.uses.is_empty());
    }

    /// A bare `operation!()` is what the attribute's rewrite and the hidden macro make of it:
    /// its function's one operation (already recorded as the attribute's use), an error with
    /// several, and an error outside an annotated function's body or through an alias.
    #[test]
    fn bare_operation_calls_agree_with_the_attribute() {
        let v = visit(
            r#"
use zoom_scopes::operation as op;
#[requires_api("Get a user", api = "User")]
fn me() {
    let _ = operation!();
    let f = || async move { println!("{:?}", zoom_scopes::operation!()) };
    fn nested() { ::zoom_scopes::operation!(); }
    let _ = op!();
}
#[requires_api("Get a user", api = "User")]
#[requires_api("Create a meeting")]
fn stacked() { operation!(); }
#[requires_api("Crate a meeting")]
#[requires_api("Create a meeting")]
fn typo() { operation!(); }
fn plain() { let _ = operation![]; }
const TOP: &Operation = operation!();
fn other() { my_crate::operation!(); }
impl S {
    #[requires_api("Create a meeting")]
    #[requires_api("Create a meeting")]
    fn twice(&self) { operation!(); }
}
"#,
        );
        let found: Vec<(String, String)> = uses(&v).into_iter().map(|u| (u.0, u.2)).collect();
        assert_eq!(
            found,
            [
                ("Get a user".to_owned(), "api::me".to_owned()),
                ("Get a user".to_owned(), "api::stacked".to_owned()),
                ("Create a meeting".to_owned(), "api::stacked".to_owned()),
                ("Crate a meeting".to_owned(), "api::typo".to_owned()),
                ("Create a meeting".to_owned(), "api::typo".to_owned()),
                ("Create a meeting".to_owned(), "api::S::twice".to_owned()),
                ("Create a meeting".to_owned(), "api::S::twice".to_owned()),
            ]
        );
        let problems: Vec<(Option<usize>, &str)> = v
            .problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        let stacked = "`operation!()` cannot tell which operation this is: the function has \
                       stacked #[requires_api] attributes for \"Get a user\" (User API) and \
                       \"Create a meeting\" (Meeting API)\nhelp: name one: \
                       `operation!(\"Get a user\", api = \"User\")` or \
                       `operation!(\"Create a meeting\")`";
        let outside = args::BARE_OPERATION_OUTSIDE;
        assert_eq!(
            problems,
            [
                (Some(7), outside),
                (Some(8), outside),
                (Some(12), stacked),
                (Some(16), outside),
                (Some(17), outside),
            ]
        );
    }

    /// The scanner and the macro read arguments with one grammar: what one accepts the other
    /// does, with the same title, API group and mode.
    #[test]
    fn the_macros_grammar_decides() {
        let v = visit(
            "#[requires_api(\"Get a user\", app = crate::App<'static>, api = \"User\",)]\nfn a() {}\n\
             fn b() { operation![r\"List meetings\", api = \"Meeting\"]; }\n",
        );
        assert!(v.problems.is_empty(), "{:?}", v.problems);
        let found: Vec<(&str, Option<&str>, bool)> = v
            .uses
            .iter()
            .map(|u| (u.title.as_str(), u.api.as_deref(), u.typed))
            .collect();
        assert_eq!(
            found,
            [
                ("Get a user", Some("User"), true),
                ("List meetings", Some("Meeting"), false)
            ]
        );
    }
}
