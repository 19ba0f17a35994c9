//! The names a file gives `zoom_scopes` and its macros with `use ... as ...` (or
//! `extern crate ... as ...`), so that `#[need("...")]` after `use zoom_scopes::requires_api as
//! need;` is read as the `#[requires_api]` it is.

use syn::visit::Visit;
use syn::{Ident, UseTree};

/// The macros the scanner reads.
const MACROS: [&str; 2] = ["requires_api", "operation"];

/// A file's renames of the crate and of the macros the scanner reads.
#[derive(Debug, Default)]
pub struct Aliases {
    /// Other names for `zoom_scopes`.
    crate_names: Vec<String>,
    /// `(alias, macro)` pairs.
    macros: Vec<(String, &'static str)>,
}

impl Aliases {
    /// Every rename in `file`, wherever it is declared: in modules, functions or blocks. A
    /// `use` counts for the whole file, which is what the scanner can afford without name
    /// resolution; aliases are rare enough that this does not mislead.
    pub fn of(file: &syn::File) -> Aliases {
        let mut aliases = Aliases::default();
        aliases.visit_file(file);
        aliases
    }

    /// Whether `path` names the macro `name`: `name`, `zoom_scopes::name` (or through a
    /// renamed crate), or an alias of it.
    pub fn is_ours(&self, path: &syn::Path, name: &str) -> bool {
        let segments: Vec<&Ident> = path.segments.iter().map(|s| &s.ident).collect();
        match segments.as_slice() {
            [last] => {
                *last == name
                    || self
                        .macros
                        .iter()
                        .any(|(alias, real)| *real == name && *last == alias)
            }
            [krate, last] => {
                *last == name
                    && (*krate == "zoom_scopes" || self.crate_names.iter().any(|c| *krate == c))
            }
            _ => false,
        }
    }

    /// Records the renames in one `use` tree; `in_crate` once the path has entered
    /// `zoom_scopes` (or a rename of it).
    fn collect(&mut self, tree: &UseTree, in_crate: bool) {
        match tree {
            UseTree::Path(p) if !in_crate && self.names_crate(&p.ident) => {
                self.collect(&p.tree, true);
            }
            UseTree::Rename(r) if in_crate => {
                if let Some(real) = MACROS.iter().find(|m| r.ident == **m) {
                    self.macros.push((r.rename.to_string(), real));
                }
            }
            UseTree::Rename(r) if self.names_crate(&r.ident) => {
                self.crate_names.push(r.rename.to_string());
            }
            UseTree::Group(g) => {
                for item in &g.items {
                    self.collect(item, in_crate);
                }
            }
            _ => {}
        }
    }

    fn names_crate(&self, ident: &Ident) -> bool {
        *ident == "zoom_scopes" || self.crate_names.iter().any(|c| ident == c)
    }
}

impl<'ast> Visit<'ast> for Aliases {
    fn visit_item_use(&mut self, i: &'ast syn::ItemUse) {
        self.collect(&i.tree, false);
    }

    fn visit_item_extern_crate(&mut self, i: &'ast syn::ItemExternCrate) {
        if let Some((_, rename)) = &i.rename
            && i.ident == "zoom_scopes"
        {
            self.crate_names.push(rename.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aliases(src: &str) -> Aliases {
        Aliases::of(&syn::parse_file(src).unwrap())
    }

    fn path(src: &str) -> syn::Path {
        syn::parse_str(src).unwrap()
    }

    #[test]
    fn renamed_macros_and_crates() {
        let a = aliases(
            "use zoom_scopes::{requires_api as need, operation as op, App};\n\
             use ::zoom_scopes as zs;\n\
             extern crate zoom_scopes as zoom;\n\
             fn f() { use zoom_scopes::{nested::{x}, requires_api as inner}; }\n\
             use other::requires_api as elsewhere;\n",
        );
        assert!(a.is_ours(&path("need"), "requires_api"));
        assert!(a.is_ours(&path("inner"), "requires_api"));
        assert!(a.is_ours(&path("op"), "operation"));
        assert!(!a.is_ours(&path("op"), "requires_api"));
        assert!(!a.is_ours(&path("elsewhere"), "requires_api"));
        assert!(a.is_ours(&path("zs::requires_api"), "requires_api"));
        assert!(a.is_ours(&path("zoom::operation"), "operation"));
        assert!(a.is_ours(&path("zoom_scopes::operation"), "operation"));
        assert!(a.is_ours(&path("::zoom_scopes::operation"), "operation"));
        assert!(a.is_ours(&path("requires_api"), "requires_api"));
        assert!(!a.is_ours(&path("other::requires_api"), "requires_api"));
        assert!(!a.is_ours(&path("a::b::requires_api"), "requires_api"));
    }

    #[test]
    fn a_renamed_crate_path_into_the_macros() {
        let a = aliases("use zoom_scopes as zs;\nuse zs::requires_api as need;\n");
        assert!(a.is_ours(&path("need"), "requires_api"));
    }
}
