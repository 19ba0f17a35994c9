//! The arguments of `#[requires_api(...)]` and `operation!(...)`: a title, then optional
//! `api = "Group"` and, for typed mode, `app = Type` (whose use is then checked against the
//! scopes of the app calling it, not against the crate's).

use syn::parse::ParseStream;
use syn::{Ident, LitStr, Token};

/// A title and its optional group, as written, and whether it is in typed mode.
pub struct OperationArgs {
    pub title: LitStr,
    pub api: Option<LitStr>,
    pub typed: bool,
}

/// Parses the arguments. Use it through `Attribute::parse_args_with` or
/// `Macro::parse_body_with`, so that an error at the end of the input points at the closing
/// delimiter of the use rather than nowhere.
pub fn parse(input: ParseStream) -> syn::Result<OperationArgs> {
    let title: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the operation title as a string literal, e.g. \"Create a meeting\"",
        )
    })?;
    let mut api = None;
    let mut typed = false;
    while !input.is_empty() {
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            break;
        }
        let key: Ident = input.parse()?;
        input.parse::<Token![=]>()?;
        if key == "api" {
            api = Some(input.parse::<LitStr>()?);
        } else if key == "app" {
            input.parse::<syn::Type>()?;
            typed = true;
        } else {
            return Err(syn::Error::new(
                key.span(),
                format!("unknown argument `{key}`; expected `api = \"...\"` or `app = Type`"),
            ));
        }
    }
    Ok(OperationArgs { title, api, typed })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(src: &str) -> Result<(String, Option<String>), String> {
        read_typed(src).map(|(title, api, _)| (title, api))
    }

    fn read_typed(src: &str) -> Result<(String, Option<String>, bool), String> {
        use syn::parse::Parser;
        let tokens: proc_macro2::TokenStream = src.parse().unwrap();
        parse
            .parse2(tokens)
            .map(|a| (a.title.value(), a.api.map(|g| g.value()), a.typed))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn forms() {
        assert_eq!(
            read(r#""Create a meeting""#).unwrap(),
            ("Create a meeting".into(), None)
        );
        assert_eq!(
            read(r#""List meetings", api = "Meeting""#).unwrap(),
            ("List meetings".into(), Some("Meeting".into()))
        );
        assert_eq!(
            read(r#""Create a meeting", app = A,"#).unwrap(),
            ("Create a meeting".into(), None)
        );
        assert_eq!(
            read(r#""Get a user", app = crate::App<'static>, api = "User""#).unwrap(),
            ("Get a user".into(), Some("User".into()))
        );
    }

    #[test]
    fn typed_mode_is_noted() {
        assert!(read_typed(r#""Create a meeting", app = A"#).unwrap().2);
        assert!(
            !read_typed(r#""Create a meeting", api = "Meeting""#)
                .unwrap()
                .2
        );
    }

    #[test]
    fn errors() {
        assert!(
            read("")
                .unwrap_err()
                .contains("expected the operation title")
        );
        assert!(
            read("TITLE")
                .unwrap_err()
                .contains("expected the operation title")
        );
        assert!(
            read(r#""T", group = "G""#)
                .unwrap_err()
                .contains("unknown argument `group`")
        );
        assert!(read(r#""T", api = 3"#).is_err());
    }
}
