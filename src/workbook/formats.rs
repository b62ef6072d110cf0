//! Colours, number formats and the cell formats built from them. Each
//! workbook keeps its own set of formats (its fonts, fills and alignments
//! differ); the pieces they share are made here, with what differs passed
//! in.

use crate::lang::Lang;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, FormatUnderline};

/// Colours, as RGB.
pub(crate) mod colour {
    /// Header cells of the consolidated workbook and the form.
    pub(crate) const HEADER: u32 = 0xDDEBF7;
    /// Total rows.
    pub(crate) const TOTAL: u32 = 0xF2F2F2;
    /// Text of errors and alerts.
    pub(crate) const ERROR_TEXT: u32 = 0x9C0006;
    /// Text of warnings.
    pub(crate) const WARNING_TEXT: u32 = 0x9C5700;
    /// Notes under a table.
    pub(crate) const NOTE_TEXT: u32 = 0x595959;
    /// Text of lesser weight: ids, "no report".
    pub(crate) const DIM_TEXT: u32 = 0x7F7F7F;
    /// Hyperlinks, as Office colours them.
    pub(crate) const LINK: u32 = 0x0563C1;
}

/// Number format codes.
pub(crate) mod code {
    /// Whole numbers with thousands grouped.
    pub(crate) const THOUSANDS: &str = "#,##0";
    /// Whole numbers, 0 shown as a dash (tables with many empty pairings).
    pub(crate) const THOUSANDS_OR_DASH: &str = "#,##0;-#,##0;\"–\"";
    /// A fraction as a per cent with one decimal.
    pub(crate) const PER_CENT: &str = "0.0%";
    /// One decimal.
    pub(crate) const ONE_DECIMAL: &str = "0.0";
    /// A change in a count, signed.
    pub(crate) const CHANGE: &str = "+#,##0;-#,##0;0";
    /// A change as a per cent, signed.
    pub(crate) const CHANGE_PER_CENT: &str = "+0.0%;-0.0%;0.0%";
    /// A date as the districts write it.
    pub(crate) const DATE: &str = "dd.mm.yyyy";
    /// Text, even when it looks like a number (12-digit БСН).
    pub(crate) const TEXT: &str = "@";
}

/// A number format in the run's language. The locale tag makes LibreOffice
/// group thousands with a space and write a decimal comma in a Kazakh or
/// Russian workbook whatever its own locale; Excel follows the reader's
/// settings.
pub(crate) fn localised(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Kk => format!("[$-43F]{code}"),
        Lang::Ru => format!("[$-419]{code}"),
        Lang::En => code.to_string(),
    }
}

/// A cell with a thin border on every side.
pub(crate) fn boxed() -> Format {
    Format::new().set_border(FormatBorder::Thin)
}

/// Bold text of `size` points: titles and headings.
pub(crate) fn bold(size: u8) -> Format {
    Format::new().set_bold().set_font_size(size)
}

/// A header cell made from a table's `cell`: bold, wrapped, centred both
/// ways, on `fill`.
pub(crate) fn header(cell: Format, fill: u32) -> Format {
    cell.set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(fill))
}

/// A total cell made from a table's `cell`: bold, on `fill`.
pub(crate) fn total(cell: Format, fill: u32) -> Format {
    cell.set_bold().set_background_color(Color::RGB(fill))
}

/// `f` with a hyperlink's look: underlined, in `colour`.
pub(crate) fn link(f: Format, colour: Color) -> Format {
    f.set_font_color(colour)
        .set_underline(FormatUnderline::Single)
}

/// A note's look: italic, grey.
pub(crate) fn note() -> Format {
    Format::new()
        .set_italic()
        .set_font_color(Color::RGB(colour::NOTE_TEXT))
}

/// `f` with its text in `rgb`.
pub(crate) fn coloured(f: Format, rgb: u32) -> Format {
    f.set_font_color(Color::RGB(rgb))
}

/// `f` on a `rgb` fill.
pub(crate) fn filled(f: Format, rgb: u32) -> Format {
    f.set_background_color(Color::RGB(rgb))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_carry_the_language() {
        assert_eq!(localised(Lang::Kk, code::THOUSANDS), "[$-43F]#,##0");
        assert_eq!(localised(Lang::Ru, code::PER_CENT), "[$-419]0.0%");
        assert_eq!(localised(Lang::En, code::DATE), "dd.mm.yyyy");
    }

    #[test]
    fn a_header_is_the_same_whatever_the_order_it_was_made_in() {
        let cell = boxed().set_align(FormatAlign::Top).set_font_size(10);
        let by_hand = cell
            .clone()
            .set_bold()
            .set_text_wrap()
            .set_background_color("D9E1F2")
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        assert_eq!(header(cell, 0xD9E1F2), by_hand);
    }
}
