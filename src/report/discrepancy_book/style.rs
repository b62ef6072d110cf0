//! Formats, safe cell text and the print setup shared by every sheet.

use super::texts;
use crate::issue::Severity;
use crate::lang::Lang;
use crate::period::Period;
use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, FormatUnderline, Worksheet, XlsxError,
};

/// Excel's limit on the text of a cell, in UTF-16 units.
const MAX_CELL: usize = 32_767;

/// Text from a report as a cell may hold it: control characters removed
/// (see [`crate::normalize::text::clean_display`]), the two code points XML
/// cannot carry dropped, and cut to Excel's cell limit counted as Excel
/// counts (UTF-16 units). Written with `write_string`, it never becomes a
/// formula.
pub fn cell_text(s: &str) -> String {
    let clean: String = crate::normalize::text::clean_display(s)
        .chars()
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect();
    let mut used = 0;
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        used += c.len_utf16();
        if used > MAX_CELL - 1 {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

/// The first letter in upper case, for labels that open a cell.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

const BORDER: &str = "BFBFBF";
const HEAD: &str = "D9E1F2";
const FOLLOW_UP_HEAD: &str = "E2EFDA";

/// Subtle fills, still distinct when printed in grey.
pub fn row_fill(s: Severity) -> &'static str {
    match s {
        Severity::Error => "FCE4E4",
        Severity::Warning => "FFF2CC",
        Severity::Info => "EAF1FB",
    }
}

/// The severity cell itself, a shade stronger.
pub fn mark_fill(s: Severity) -> &'static str {
    match s {
        Severity::Error => "F4B6B6",
        Severity::Warning => "FFE08A",
        Severity::Info => "C9DAF0",
    }
}

fn boxed() -> Format {
    Format::new()
        .set_border(FormatBorder::Thin)
        .set_border_color(BORDER)
        .set_align(FormatAlign::Top)
        .set_font_size(10)
}

pub fn title() -> Format {
    Format::new().set_bold().set_font_size(14)
}

pub fn subtitle() -> Format {
    Format::new().set_font_size(11)
}

pub fn heading() -> Format {
    Format::new().set_bold().set_font_size(12)
}

pub fn note() -> Format {
    Format::new()
        .set_italic()
        .set_font_color("595959")
        .set_text_wrap()
        .set_align(FormatAlign::Top)
}

pub fn head() -> Format {
    boxed()
        .set_bold()
        .set_text_wrap()
        .set_background_color(HEAD)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
}

pub fn follow_up_head() -> Format {
    head().set_background_color(FOLLOW_UP_HEAD)
}

/// A hidden machine column's head.
pub fn key_head() -> Format {
    Format::new().set_font_color("7F7F7F").set_font_size(9)
}

/// Body cells of one issue row, filled by its severity.
pub struct RowFormats {
    pub mark: Format,
    pub text: Format,
    pub wrap: Format,
    pub center: Format,
    pub link: Format,
    pub int: Format,
    pub dec: Format,
    pub pct: Format,
    pub diff_int: Format,
    pub diff_dec: Format,
    pub diff_pct: Format,
}

impl RowFormats {
    pub fn new(s: Severity) -> RowFormats {
        let base = boxed().set_background_color(row_fill(s));
        RowFormats {
            mark: base.clone().set_bold().set_background_color(mark_fill(s)),
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            center: base.clone().set_align(FormatAlign::Center),
            link: base
                .clone()
                .set_font_color(Color::RGB(0x0563C1))
                .set_underline(FormatUnderline::Single)
                .set_align(FormatAlign::Center),
            int: base.clone().set_num_format("#,##0"),
            dec: base.clone().set_num_format("#,##0.0###"),
            pct: base.clone().set_num_format("0.0%"),
            diff_int: base.clone().set_num_format("+#,##0;-#,##0;0"),
            diff_dec: base.clone().set_num_format("+#,##0.0###;-#,##0.0###;0"),
            diff_pct: base.set_num_format("+0.0%;-0.0%;0.0%"),
        }
    }
}

/// The columns the specialist fills: white, boxed.
pub struct FollowUpFormats {
    pub text: Format,
    pub date: Format,
}

impl FollowUpFormats {
    pub fn new() -> FollowUpFormats {
        FollowUpFormats {
            text: boxed().set_text_wrap(),
            date: boxed()
                .set_num_format("dd.mm.yyyy")
                .set_align(FormatAlign::Center),
        }
    }
}

/// Summary table cells.
pub struct TableFormats {
    pub text: Format,
    pub link: Format,
    pub int: Format,
    pub number: Format,
    pub dim: Format,
    pub total_text: Format,
    pub total_int: Format,
}

impl TableFormats {
    pub fn new() -> TableFormats {
        let base = boxed()
            .set_font_size(11)
            .set_align(FormatAlign::VerticalCenter);
        TableFormats {
            text: base.clone().set_text_wrap(),
            link: base
                .clone()
                .set_text_wrap()
                .set_font_color(Color::RGB(0x0563C1))
                .set_underline(FormatUnderline::Single),
            int: base
                .clone()
                .set_num_format("#,##0;-#,##0;\"–\"")
                .set_align(FormatAlign::Center),
            number: base.clone().set_align(FormatAlign::Center),
            dim: base
                .clone()
                .set_font_color("7F7F7F")
                .set_italic()
                .set_text_wrap(),
            total_text: base.clone().set_bold().set_background_color("F2F2F2"),
            total_int: base
                .set_bold()
                .set_background_color("F2F2F2")
                .set_num_format("#,##0;-#,##0;\"–\"")
                .set_align(FormatAlign::Center),
        }
    }
}

/// Text for a page header or footer: `&` doubled, cut to `max` characters
/// once escaped, so the whole stays within Excel's 255 (rust_xlsxwriter
/// drops a longer one).
fn header_text(s: &str, max: usize) -> String {
    let mut out = String::new();
    for c in s.chars().filter(|c| !c.is_control()) {
        let piece = if c == '&' {
            "&&".to_string()
        } else {
            c.to_string()
        };
        if out.chars().count() + piece.chars().count() > max {
            break;
        }
        out.push_str(&piece);
    }
    out
}

/// Landscape A4, one page wide, the head row on every page, the report and
/// the `what` of the sheet in the page header, the period and page number in
/// the footer.
pub fn print_setup(
    ws: &mut Worksheet,
    lang: Lang,
    period: Period,
    what: &str,
    repeat_row: Option<u32>,
) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    if let Some(r) = repeat_row {
        ws.set_repeat_rows(r, r)?;
    }
    ws.set_header(format!(
        "&L&8 {}&R&8 {}",
        header_text(texts::report_title(lang), 110),
        header_text(what, 110)
    ));
    let when = format!(
        "{} · {}",
        texts::period_name(period, lang),
        texts::as_of_line(period, lang)
    );
    ws.set_footer(format!(
        "&L&8 {}&R&8 {}",
        header_text(&when, 110),
        texts::page_footer(lang)
    ));
    Ok(())
}

/// How many lines a wrapped text takes in a column `width` characters wide
/// (Excel's unit: the width of a digit of the default 11 pt font) at
/// `font_pt`: words wrapped greedily, a word longer than a line broken.
/// Neither Excel nor LibreOffice grows a row for wrapped text reliably, so
/// rows get heights from this estimate.
pub fn wrapped_lines(text: &str, width: f64, font_pt: f64) -> usize {
    // Cyrillic and Latin text runs a little narrower than digits; keep a
    // margin for the cell's padding.
    let capacity = ((width - 1.0) * 11.0 / font_pt).floor().max(1.0) as usize;
    let mut lines = 0;
    for para in text.split('\n') {
        let mut used = 0usize;
        let mut para_lines = 1;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let len = word.chars().count();
            let need = if used == 0 { len } else { used + 1 + len };
            if need <= capacity {
                used = need;
            } else if len <= capacity {
                para_lines += 1;
                used = len;
            } else {
                // A long word starts on a line of its own and is broken.
                if used > 0 {
                    para_lines += 1;
                }
                para_lines += (len - 1) / capacity;
                used = len - (len - 1) / capacity * capacity;
            }
        }
        lines += para_lines;
    }
    lines.max(1)
}

/// Row height in points for `lines` lines of a `font_pt` font.
pub fn row_height(lines: usize, font_pt: f64) -> f64 {
    (lines as f64 * font_pt * 1.32 + 3.0).max(font_pt * 1.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_text_fits_excel() {
        assert_eq!(cell_text(" a\u{0}b\u{7}\tc\u{FFFE} "), "a b  c");
        let long = "😀".repeat(20_000);
        let cut = cell_text(&long);
        assert!(cut.chars().map(char::len_utf16).sum::<usize>() <= MAX_CELL);
        assert!(cut.ends_with('…'));
        assert_eq!(cell_text("=HYPERLINK(\"x\")"), "=HYPERLINK(\"x\")");
    }

    #[test]
    fn wrapped_text_lines() {
        assert_eq!(wrapped_lines("", 10.0, 11.0), 1);
        assert_eq!(wrapped_lines("abc def", 10.0, 11.0), 1);
        assert_eq!(wrapped_lines("abcde fghij klmno", 13.0, 11.0), 2);
        assert_eq!(wrapped_lines("abcde fghij klmno", 10.0, 11.0), 3);
        assert_eq!(wrapped_lines(&"x".repeat(30), 10.0, 11.0), 4);
        assert_eq!(wrapped_lines("a\nb", 10.0, 11.0), 2);
        assert!(wrapped_lines(&"слово ".repeat(40), 45.0, 10.0) >= 4);
    }

    #[test]
    fn page_header_text_is_escaped_and_bounded() {
        assert_eq!(header_text("A & B", 20), "A && B");
        assert!(header_text(&"&".repeat(300), 110).chars().count() <= 110);
    }
}
