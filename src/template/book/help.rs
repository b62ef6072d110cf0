//! Sheet 4, the instructions ([`crate::template::texts::help`]): what to
//! fill where, column by column, set out on three columns.

use super::coverage::{C_BIN, C_CAT, C_MEMBERS, C_NOTE, C_NUM, C_ORG, C_SHARE, C_TOTAL};
use super::events::{E_APPLY, E_AREA, E_DATE, E_FORM, E_PART, E_RESP, E_TOPIC, E_USE, E_VENUE};
use super::{print_setup, protect, row_height, Book};
use crate::issue::column_letters;
use crate::template::texts::{help, HelpFacts, HelpLine};
use crate::workbook::width::rough_lines;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Widths of the column letter, the header and the text.
const WIDTHS: (f64, f64, f64) = (7.0, 40.0, 90.0);

fn letters(cols: &[u16]) -> Vec<String> {
    cols.iter().map(|&c| column_letters(c as u32)).collect()
}

impl Book<'_> {
    fn help_facts(&self) -> HelpFacts<'_> {
        let form = self.form;
        let cov = letters(&[
            C_NUM,
            C_ORG,
            C_BIN,
            C_MEMBERS,
            C_TOTAL,
            C_CAT,
            C_CAT + 4,
            C_SHARE,
            C_NOTE,
        ]);
        let ev = letters(&[
            E_DATE, E_FORM, E_TOPIC, E_AREA, E_VENUE, E_PART, E_RESP, E_USE, E_APPLY,
        ]);
        let (dy, dm, dd) = form.due;
        HelpFacts {
            unit: &form.unit_name,
            period: form.period,
            file_name: &form.file_name,
            due: crate::template::texts::due_text(dy, dm, dd, form.lang),
            prefilled_from: form.prefilled_from,
            forms: &form.forms,
            areas: &form.areas,
            norm_percent: format!("{} %", (form.norm * 1000.0).round() / 10.0).replace('.', ","),
            cov_cols: cov.try_into().expect("nine coverage columns"),
            ev_cols: ev.try_into().expect("nine event columns"),
        }
    }

    pub(super) fn help_sheet(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        let s = &self.s;
        ws.set_name(&self.sheets.help)?;
        let (w_a, w_b, w_c) = WIDTHS;
        ws.set_column_width(0, w_a)?;
        ws.set_column_width(1, w_b)?;
        ws.set_column_width(2, w_c)?;
        let h = help(self.form.lang, &self.help_facts());
        ws.merge_range(0, 0, 0, 2, &h.title, &s.section)?;
        ws.set_row_height(0, 22)?;
        let mut r = 2;
        for line in &h.lines {
            match line {
                HelpLine::Section(t) => {
                    r += 1;
                    ws.merge_range(r, 0, r, 2, t, &s.section)?;
                    ws.set_row_height(r, 20)?;
                }
                HelpLine::Text(t) => {
                    ws.merge_range(r, 0, r, 2, t, &s.wrap)?;
                    ws.set_row_height(r, row_height(rough_lines(t, w_a + w_b + w_c)))?;
                }
                HelpLine::Column { col, header, text } => {
                    ws.write_string_with_format(r, 0, col, &s.letter)?;
                    ws.write_string_with_format(r, 1, header, &s.wrap)?;
                    ws.write_string_with_format(r, 2, text, &s.wrap)?;
                    let lines = rough_lines(header, w_b).max(rough_lines(text, w_c));
                    ws.set_row_height(r, row_height(lines))?;
                }
            }
            r += 1;
        }
        print_setup(ws, None)?;
        protect(ws);
        Ok(())
    }
}
