//! Column widths and row heights estimated from text. Neither Excel nor
//! LibreOffice grows a row for wrapped text reliably (and rust_xlsxwriter's
//! autofit is approximate), so the writers size columns and rows from what
//! they write.
//!
//! Widths are in Excel's unit: the width of a digit of the default 11 pt
//! font. Three estimates of the lines a wrapped text takes, from the finest
//! to the roughest:
//!
//! - [`wrapped_lines`]: words wrapped at whitespace, each character as wide
//!   as it looks in 10 pt table text ([`char_width`]);
//! - [`wrapped_chars`]: words wrapped at spaces, every character as wide as
//!   a digit of the font;
//! - [`rough_lines`]: characters counted, words ignored.

/// How wide a character of 10 pt table text is, in column width units.
pub(crate) fn char_width(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '\'' | '"' | '«' | '»' | '(' | ')' | '-' | 'і' | 'ı'
        | '|' => 0.5,
        '0'..='9' => 0.91,
        c if c.is_uppercase() => 1.15,
        _ => 0.93,
    }
}

/// The width of a text on one line, by [`char_width`].
pub(crate) fn text_width(s: &str) -> f64 {
    s.chars().map(char_width).sum()
}

/// The widest unbreakable piece of a header, by [`char_width`]: text wraps
/// at spaces and after hyphens (`Коллективно-` / `договорное`).
pub(crate) fn longest_word(s: &str) -> f64 {
    s.split_whitespace()
        .flat_map(|w| w.split_inclusive('-'))
        .map(text_width)
        .fold(0.0, f64::max)
}

/// The characters of the longest line of a text.
pub(crate) fn line_chars(s: &str) -> f64 {
    s.lines().map(|l| l.chars().count()).max().unwrap_or(0) as f64
}

/// The characters of the longest word of a text.
pub(crate) fn word_chars(s: &str) -> f64 {
    s.split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0) as f64
}

/// The width of a number as a cell with thousands separators shows it,
/// roughly: digits, a separator per three, two places when it has a
/// fraction, and a character of room.
pub(crate) fn number_width(v: f64) -> f64 {
    let whole = v.abs().round();
    let digits = if whole < 1e15 {
        // Digits of the whole part, without formatting the number.
        let mut n = whole as u64;
        let mut d = 1.0;
        while n >= 10 {
            n /= 10;
            d += 1.0;
        }
        d
    } else {
        format!("{whole:.0}").len() as f64
    };
    digits + ((digits - 1.0) / 3.0).floor() + if v.fract() != 0.0 { 2.0 } else { 0.0 } + 1.0
}

/// Lines one paragraph takes, its words filled greedily into lines
/// `capacity` wide; a word longer than a line starts a line of its own and
/// is broken.
fn greedy<'a>(
    words: impl Iterator<Item = &'a str>,
    capacity: f64,
    space: f64,
    width: impl Fn(&str) -> f64,
) -> usize {
    let mut lines = 1;
    let mut used = 0.0;
    for word in words {
        let w = width(word);
        let need = if used == 0.0 { w } else { used + space + w };
        if need <= capacity || used == 0.0 {
            used = need;
        } else {
            lines += 1;
            used = w;
        }
        while used > capacity {
            lines += 1;
            used -= capacity;
        }
    }
    lines
}

/// Lines a text takes in a column `width` units wide: 10 pt table text
/// wrapped at whitespace, measured by [`char_width`].
pub(crate) fn wrapped_lines(text: &str, width: f64) -> usize {
    // Excel adds 0.71 of padding to a set width; the cell's margins take 1.
    let capacity = (width - 0.3).max(3.0);
    text.lines()
        .map(|para| {
            greedy(
                para.split_whitespace(),
                capacity,
                char_width(' '),
                text_width,
            )
        })
        .sum::<usize>()
        .max(1)
}

/// Lines a text of `font_pt` takes in a column `width` units wide, wrapped
/// at spaces, every character as wide as a digit (Cyrillic and Latin text
/// runs a little narrower than digits, which leaves room for the cell's
/// padding).
pub(crate) fn wrapped_chars(text: &str, width: f64, font_pt: f64) -> usize {
    let capacity = ((width - 1.0) * 11.0 / font_pt).floor().max(1.0);
    text.split('\n')
        .map(|para| {
            let words = para.split(' ').filter(|w| !w.is_empty());
            greedy(words, capacity, 1.0, |w| w.chars().count() as f64)
        })
        .sum::<usize>()
        .max(1)
}

/// Lines a text takes in a column `width` characters wide, counting
/// characters alone: for long texts whose words are short.
pub(crate) fn rough_lines(text: &str, width: f64) -> usize {
    let chars = text.chars().count() as f64;
    ((chars / (width * 0.95)).ceil() as usize).max(1)
}

/// The height of a row of `lines` lines `line_pt` apart, with `padding_pt`
/// of room, in points.
pub(crate) fn height(lines: usize, line_pt: f64, padding_pt: f64) -> f64 {
    line_pt * lines as f64 + padding_pt
}

/// The height of a row of `lines` lines of a `font_pt` font, in points:
/// lines 1.32 of the font apart, 3 points of room, at least one and a half
/// lines.
pub(crate) fn font_height(lines: usize, font_pt: f64) -> f64 {
    (lines as f64 * font_pt * 1.32 + 3.0).max(font_pt * 1.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_width_counts_digits_groups_and_decimals() {
        for (v, want) in [
            (0.0, 2.0),
            (9.4, 4.0),
            (9.6, 5.0),
            (9.5, 5.0),
            (999.5, 8.0),
            (10.0, 3.0),
            (-999.0, 4.0),
            (1000.0, 6.0),
            (232_644_000.0, 12.0),
            (0.25, 4.0),
            (1e20, 28.0),
        ] {
            assert_eq!(number_width(v), want, "{v}");
            let digits = format!("{:.0}", f64::abs(v)).len() as f64;
            let formatted = digits
                + ((digits - 1.0) / 3.0).floor()
                + if v.fract() != 0.0 { 2.0 } else { 0.0 }
                + 1.0;
            assert_eq!(number_width(v), formatted, "{v}");
        }
    }

    #[test]
    fn measured_lines() {
        assert_eq!(wrapped_lines("қысқа", 20.0), 1);
        assert_eq!(wrapped_lines("", 20.0), 1);
        assert_eq!(wrapped_lines(&"ұзын ".repeat(30), 40.0), 4);
        // Measured in LibreOffice: this name just fits a column set 34 wide.
        assert_eq!(
            wrapped_lines("\"№5 жалпы орта білім беретін мектеп\" КММ", 34.0),
            1
        );
        assert_eq!(
            wrapped_lines("\"№9 жалпы орта білім беретін мектеп\" КММ", 32.0),
            2
        );
    }

    #[test]
    fn counted_lines() {
        assert_eq!(wrapped_chars("", 10.0, 11.0), 1);
        assert_eq!(wrapped_chars("abc def", 10.0, 11.0), 1);
        assert_eq!(wrapped_chars("abcde fghij klmno", 13.0, 11.0), 2);
        assert_eq!(wrapped_chars("abcde fghij klmno", 10.0, 11.0), 3);
        assert_eq!(wrapped_chars(&"x".repeat(30), 10.0, 11.0), 4);
        assert_eq!(wrapped_chars("ab cd efghijklmnopqrstu", 10.0, 11.0), 3);
        assert_eq!(wrapped_chars("a\nb", 10.0, 11.0), 2);
        assert_eq!(wrapped_chars("a\n", 10.0, 11.0), 2);
        assert!(wrapped_chars(&"слово ".repeat(40), 45.0, 10.0) >= 4);
    }

    #[test]
    fn rough_lines_and_heights() {
        assert_eq!(rough_lines("", 46.0), 1);
        assert_eq!(rough_lines(&"x".repeat(87), 46.0), 2);
        assert_eq!(rough_lines(&"x".repeat(88), 46.0), 3);
        assert_eq!(height(3, 15.0, 3.0), 48.0);
        assert!((font_height(1, 10.0) - 16.2).abs() < 1e-9);
        assert_eq!(font_height(0, 10.0), 15.0);
    }

    #[test]
    fn header_words_break_after_hyphens() {
        assert_eq!(
            longest_word("Коллективно-договорное регулирование"),
            text_width("регулирование")
        );
        assert_eq!(word_chars("ab  abcd\nabc"), 4.0);
        assert_eq!(line_chars("ab  abcd\nabc"), 8.0);
    }
}
