//! Formats, safe cell text and the print setup shared by every sheet, made
//! from the workbook kit's pieces ([`crate::workbook`]).

use super::texts;
use crate::issue::Severity;
use crate::lang::Lang;
use crate::period::Period;
use crate::workbook::formats::{self, code, colour};
use crate::workbook::print::{header_text, Print};
use rust_xlsxwriter::{Color, Format, FormatAlign, Worksheet, XlsxError};

/// Text from a report as a cell may hold it: control characters removed
/// (see [`crate::normalize::text::clean_display`]), then as the workbook kit
/// makes any text fit a cell ([`crate::workbook::cell_text`]). Written with
/// `write_string`, it never becomes a formula.
pub(crate) fn report_text(s: &str) -> String {
    let clean = crate::normalize::text::clean_display(s);
    crate::workbook::cell_text(&clean).into_owned()
}

/// The first letter in upper case, for labels that open a cell.
pub(crate) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

const BORDER: &str = "BFBFBF";
const HEAD: u32 = 0xD9E1F2;
const FOLLOW_UP_HEAD: u32 = 0xE2EFDA;

/// Subtle fills, still distinct when printed in grey.
pub(crate) fn row_fill(s: Severity) -> u32 {
    match s {
        Severity::Error => 0xFCE4E4,
        Severity::Warning => 0xFFF2CC,
        Severity::Info => 0xEAF1FB,
    }
}

/// The severity cell itself, a shade stronger.
pub(crate) fn mark_fill(s: Severity) -> u32 {
    match s {
        Severity::Error => 0xF4B6B6,
        Severity::Warning => 0xFFE08A,
        Severity::Info => 0xC9DAF0,
    }
}

fn boxed() -> Format {
    formats::boxed()
        .set_border_color(BORDER)
        .set_align(FormatAlign::Top)
        .set_font_size(10)
}

pub(crate) fn title() -> Format {
    formats::bold(14)
}

pub(crate) fn subtitle() -> Format {
    Format::new().set_font_size(11)
}

pub(crate) fn heading() -> Format {
    formats::bold(12)
}

pub(crate) fn note() -> Format {
    formats::note().set_text_wrap().set_align(FormatAlign::Top)
}

pub(crate) fn head() -> Format {
    formats::header(boxed(), HEAD)
}

pub(crate) fn follow_up_head() -> Format {
    formats::header(boxed(), FOLLOW_UP_HEAD)
}

/// A hidden machine column's head.
pub(crate) fn key_head() -> Format {
    formats::coloured(Format::new(), colour::DIM_TEXT).set_font_size(9)
}

/// Body cells of one issue row, filled by its severity.
pub(crate) struct RowFormats {
    pub(crate) mark: Format,
    pub(crate) text: Format,
    pub(crate) wrap: Format,
    pub(crate) center: Format,
    pub(crate) link: Format,
    pub(crate) int: Format,
    pub(crate) dec: Format,
    pub(crate) pct: Format,
    pub(crate) diff_int: Format,
    pub(crate) diff_dec: Format,
    /// The difference of two shares, in percentage points.
    pub(crate) diff_pts: Format,
}

impl RowFormats {
    /// Numbers as in the consolidated workbook: tagged with the run's
    /// language, so thousands are grouped with a space and decimals take a
    /// comma in a Kazakh or Russian workbook ([`formats::localised`]).
    pub(crate) fn new(s: Severity, lang: Lang) -> RowFormats {
        let base = formats::filled(boxed(), row_fill(s));
        let num = |code: &str| formats::localised(lang, code);
        let pts = texts::T::PercentagePoints.get(lang);
        let points = format!("+0.0\" {pts}\";-0.0\" {pts}\";0.0\" {pts}\"");
        RowFormats {
            mark: formats::filled(base.clone().set_bold(), mark_fill(s)),
            text: base.clone(),
            wrap: base.clone().set_text_wrap(),
            center: base.clone().set_align(FormatAlign::Center),
            link: formats::link(base.clone(), Color::RGB(colour::LINK))
                .set_align(FormatAlign::Center),
            int: base.clone().set_num_format(num(code::THOUSANDS)),
            dec: base.clone().set_num_format(num("#,##0.0###")),
            pct: base.clone().set_num_format(num(code::PER_CENT)),
            diff_int: base.clone().set_num_format(num(code::CHANGE)),
            diff_dec: base
                .clone()
                .set_num_format(num("+#,##0.0###;-#,##0.0###;0")),
            diff_pts: base.set_num_format(num(&points)),
        }
    }
}

/// The columns the specialist fills: white, boxed.
pub(crate) struct FollowUpFormats {
    pub(crate) text: Format,
    pub(crate) date: Format,
}

impl FollowUpFormats {
    pub(crate) fn new() -> FollowUpFormats {
        FollowUpFormats {
            text: boxed().set_text_wrap(),
            date: boxed()
                .set_num_format(code::DATE)
                .set_align(FormatAlign::Center),
        }
    }
}

/// Summary table cells.
pub(crate) struct TableFormats {
    pub(crate) text: Format,
    pub(crate) link: Format,
    pub(crate) int: Format,
    pub(crate) number: Format,
    pub(crate) dim: Format,
    pub(crate) total_text: Format,
    pub(crate) total_int: Format,
}

impl TableFormats {
    pub(crate) fn new(lang: Lang) -> TableFormats {
        let counts = formats::localised(lang, code::THOUSANDS_OR_DASH);
        let base = boxed()
            .set_font_size(11)
            .set_align(FormatAlign::VerticalCenter);
        let total = formats::total(base.clone(), colour::TOTAL);
        TableFormats {
            text: base.clone().set_text_wrap(),
            link: formats::link(base.clone().set_text_wrap(), Color::RGB(colour::LINK)),
            int: base
                .clone()
                .set_num_format(&counts)
                .set_align(FormatAlign::Center),
            number: base.clone().set_align(FormatAlign::Center),
            dim: formats::coloured(base, colour::DIM_TEXT)
                .set_italic()
                .set_text_wrap(),
            total_text: total.clone(),
            total_int: total.set_num_format(&counts).set_align(FormatAlign::Center),
        }
    }
}

/// Landscape A4, one page wide, the head row on every page, the report and
/// the `what` of the sheet in the page header, the period and page number in
/// the footer.
pub(crate) fn print_setup(
    ws: &mut Worksheet,
    lang: Lang,
    period: Period,
    what: &str,
    repeat_row: Option<u32>,
) -> Result<(), XlsxError> {
    let when = format!(
        "{} · {}",
        texts::period_name(period, lang),
        texts::as_of_line(period, lang)
    );
    let mut print = Print::landscape(0.6, 0.6)
        .header(format!(
            "&L&8 {}&R&8 {}",
            header_text(texts::report_title(lang), 110),
            header_text(what, 110)
        ))
        .footer(format!(
            "&L&8 {}&R&8 {}",
            header_text(&when, 110),
            texts::page_footer(lang)
        ));
    if let Some(r) = repeat_row {
        print = print.repeat(r, r);
    }
    print.apply(ws)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_text_fits_excel() {
        assert_eq!(report_text(" a\u{0}b\u{7}\tc\u{FFFE} "), "a b  c");
        let long = "😀".repeat(20_000);
        let cut = report_text(&long);
        assert!(cut.chars().map(char::len_utf16).sum::<usize>() <= 32_767);
        assert!(cut.ends_with('…'));
        assert_eq!(report_text("=HYPERLINK(\"x\")"), "=HYPERLINK(\"x\")");
    }
}
