//! Aligned columns for text output. Widths are measured before colouring, so escape codes do
//! not break the alignment; the last column is not padded.

use super::style::{Style, Tone};

/// Rows of cells, rendered with each column as wide as its widest cell.
#[derive(Debug, Default)]
pub struct Table {
    indent: usize,
    rows: Vec<Vec<(String, Tone)>>,
}

impl Table {
    /// A table whose rows start after `indent` spaces.
    pub fn indented(indent: usize) -> Table {
        Table {
            indent,
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<(String, Tone)>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn render(&self, style: &Style) -> String {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                let cells = self.rows.iter().filter_map(|r| r.get(c));
                cells.map(|(t, _)| t.chars().count()).max().unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for row in &self.rows {
            let mut line = " ".repeat(self.indent);
            for (c, (text, tone)) in row.iter().enumerate() {
                line.push_str(&style.paint(*tone, text));
                if c + 1 < row.len() {
                    let pad = widths[c] - text.chars().count();
                    line.push_str(&" ".repeat(pad + 2));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align() {
        let mut t = Table::indented(2);
        t.row(vec![("a".into(), Tone::Scope), ("x".into(), Tone::Plain)]);
        t.row(vec![
            ("long".into(), Tone::Plain),
            ("y".into(), Tone::Plain),
            ("z".into(), Tone::Dim),
        ]);
        assert_eq!(t.render(&Style::plain()), "  a     x\n  long  y  z\n");
    }
}
