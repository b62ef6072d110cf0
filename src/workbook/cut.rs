//! Text as a cell can hold it. Excel keeps at most 32 767 characters in a
//! cell, counted in UTF-16 units (rust_xlsxwriter refuses the whole workbook
//! for one longer text), and XML cannot carry U+FFFE or U+FFFF.

use std::borrow::Cow;

/// Excel's limit on the text of a cell, in UTF-16 units.
pub(crate) const MAX_CELL: usize = 32_767;

fn unwritable(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// `s` as a cell may hold it: U+FFFE and U+FFFF dropped, and a text that
/// reaches Excel's limit cut with `…` at its end, so the cut shows. Borrowed
/// when there is nothing to do, as for almost every text.
pub(crate) fn cell_text(s: &str) -> Cow<'_, str> {
    // A text has no more UTF-16 units than UTF-8 bytes.
    if s.len() < MAX_CELL && !s.contains(unwritable) {
        return Cow::Borrowed(s);
    }
    let mut used = 0;
    let mut out = String::with_capacity(s.len().min(4 * MAX_CELL));
    for c in s.chars().filter(|c| !unwritable(*c)) {
        used += c.len_utf16();
        if used >= MAX_CELL {
            out.push('…');
            break;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> usize {
        s.chars().map(char::len_utf16).sum()
    }

    #[test]
    fn short_text_is_kept_as_it_is() {
        let s = "=HYPERLINK(\"x\") Ж\n";
        assert!(matches!(cell_text(s), Cow::Borrowed(t) if t == s));
        assert_eq!(cell_text("a\u{FFFE}b\u{FFFF}"), "ab");
    }

    #[test]
    fn long_text_is_cut_at_the_limit_counted_as_excel_counts() {
        for long in [
            "😀".repeat(20_000),
            "Ж".repeat(40_000),
            "x".repeat(MAX_CELL),
        ] {
            let cut = cell_text(&long);
            assert!(units(&cut) <= MAX_CELL, "{}", units(&cut));
            assert!(cut.ends_with('…'));
        }
        let just = "x".repeat(MAX_CELL - 1);
        assert_eq!(cell_text(&just), just);
    }
}
