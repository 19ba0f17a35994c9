//! Colour for text output: only when standard output is a terminal and NO_COLOR is unset
//! (or empty), as <https://no-color.org> asks.

use std::io::IsTerminal;

use anstyle::{AnsiColor, Effects};

/// What a piece of text is, which decides its colour.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Section names and the subject of a report.
    Heading,
    /// Scope names.
    Scope,
    /// Findings that fail: missing operations.
    Bad,
    /// Findings worth a look: unused or broader scopes, notes.
    Warn,
    /// All is well.
    Good,
    /// Secondary detail: files, lines, descriptions.
    Dim,
}

/// Whether to colour, and how.
#[derive(Copy, Clone, Debug)]
pub struct Style {
    colour: bool,
}

impl Style {
    /// Colour when standard output is a terminal and NO_COLOR is unset or empty.
    pub fn detect() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            colour: !no_color && std::io::stdout().is_terminal(),
        }
    }

    /// No colour.
    #[cfg(test)]
    pub fn plain() -> Style {
        Style { colour: false }
    }

    /// `text` in `tone`.
    pub fn paint(&self, tone: Tone, text: &str) -> String {
        let style = match tone {
            Tone::Plain => return text.to_owned(),
            _ if !self.colour || text.is_empty() => return text.to_owned(),
            Tone::Heading => anstyle::Style::new().effects(Effects::BOLD),
            Tone::Scope => AnsiColor::Cyan.on_default(),
            Tone::Bad => AnsiColor::Red.on_default().effects(Effects::BOLD),
            Tone::Warn => AnsiColor::Yellow.on_default(),
            Tone::Good => AnsiColor::Green.on_default(),
            Tone::Dim => anstyle::Style::new().effects(Effects::DIMMED),
        };
        format!("{}{text}{}", style.render(), style.render_reset())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_has_no_escapes_colour_has() {
        assert_eq!(Style::plain().paint(Tone::Bad, "x"), "x");
        let coloured = Style { colour: true }.paint(Tone::Bad, "x");
        assert!(coloured.starts_with('\u{1b}') && coloured.contains('x'));
        assert_eq!(Style { colour: true }.paint(Tone::Plain, "x"), "x");
    }
}
