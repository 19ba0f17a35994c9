//! Markdown escaping for table cells and inline code.

/// Text safe inside a table cell: pipes escaped, line breaks as spaces.
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// `text` as inline code, with a fence long enough for any backticks inside.
pub fn code(text: &str) -> String {
    let run = text
        .as_bytes()
        .split(|&b| b != b'`')
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{}{pad}{fence}", text.replace('|', "\\|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape("a|b\nc"), "a\\|b c");
        assert_eq!(code("meeting:write"), "`meeting:write`");
        assert_eq!(code("a`b"), "``a`b``");
    }
}
