//! How a sheet prints. Every sheet jinaq writes prints on landscape A4, one
//! page wide and as many pages long as it takes, with 0.4 inch side margins;
//! the rest ([`Print`]) varies by workbook.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// A4, in Excel's list of paper sizes.
const A4: u8 = 9;

/// The page setup of a sheet.
#[derive(Debug, Clone, Default)]
pub(crate) struct Print {
    /// Top and bottom margins, in inches.
    margins: (f64, f64),
    centred: bool,
    /// First and last row printed at the top of every page.
    repeat: Option<(u32, u32)>,
    header: Option<String>,
    footer: Option<String>,
}

impl Print {
    /// Landscape A4, one page wide, with `top` and `bottom` margins in
    /// inches.
    pub(crate) fn landscape(top: f64, bottom: f64) -> Print {
        Print {
            margins: (top, bottom),
            ..Print::default()
        }
    }

    /// The page centred between the side margins.
    pub(crate) fn centred(mut self) -> Print {
        self.centred = true;
        self
    }

    /// Rows `first..=last` printed at the top of every page.
    pub(crate) fn repeat(mut self, first: u32, last: u32) -> Print {
        self.repeat = Some((first, last));
        self
    }

    /// The page header, in Excel's header codes (`&L`, `&C`, `&R`, ...).
    pub(crate) fn header(mut self, codes: String) -> Print {
        self.header = Some(codes);
        self
    }

    /// The page footer, in Excel's header codes.
    pub(crate) fn footer(mut self, codes: String) -> Print {
        self.footer = Some(codes);
        self
    }

    pub(crate) fn apply(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        let (top, bottom) = self.margins;
        ws.set_landscape()
            .set_paper_size(A4)
            .set_print_fit_to_pages(1, 0)
            .set_margins(0.4, 0.4, top, bottom, 0.3, 0.3);
        if self.centred {
            ws.set_print_center_horizontally(true);
        }
        if let Some((first, last)) = self.repeat {
            ws.set_repeat_rows(first, last)?;
        }
        if let Some(h) = &self.header {
            ws.set_header(h);
        }
        if let Some(f) = &self.footer {
            ws.set_footer(f);
        }
        Ok(())
    }
}

/// Text for a page header or footer: control characters dropped, `&`
/// doubled (a single one starts a code), cut to `max` characters once
/// escaped, so that the whole stays within Excel's 255 (rust_xlsxwriter
/// drops a longer one).
pub(crate) fn header_text(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for c in s.chars().filter(|c| !c.is_control()) {
        let piece = if c == '&' { 2 } else { 1 };
        if count + piece > max {
            break;
        }
        count += piece;
        out.push(c);
        if c == '&' {
            out.push('&');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_header_text_is_escaped_and_bounded() {
        assert_eq!(header_text("A & B", 20), "A && B");
        assert_eq!(header_text("a\u{7}b", 20), "ab");
        assert_eq!(header_text("ab&", 3), "ab");
        assert!(header_text(&"&".repeat(300), 110).chars().count() <= 110);
    }
}
