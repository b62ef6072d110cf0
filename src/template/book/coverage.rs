//! Sheet 1, the coverage table: one row per organisation of the unit (name
//! and БСН from the registry, members and the five categories to fill in,
//! the total and the share computed), a total row, and the signatures.

use super::{
    abs_range, cell, formula, print_setup, protect, row_height, share_percent, validation, Book,
    FIRST_ROW, HEADER_ROW,
};
use crate::template::{Form, OrgLine};
use crate::workbook::cell_text;
use crate::workbook::width::rough_lines;
use rust_xlsxwriter::{
    ConditionalFormatFormula, DataValidation, DataValidationRule, Worksheet, XlsxError,
};

// Columns.
pub(super) const C_NUM: u16 = 0;
pub(super) const C_ORG: u16 = 1;
pub(super) const C_BIN: u16 = 2;
pub(super) const C_MEMBERS: u16 = 3;
pub(super) const C_TOTAL: u16 = 4;
pub(super) const C_CAT: u16 = 5;
pub(super) const C_SHARE: u16 = 10;
pub(super) const C_NOTE: u16 = 11;

const NAME_WIDTH: f64 = 46.0;

/// The named ranges of the sheet's input and computed columns.
pub(super) fn names(form: &Form, sheet: &str) -> Vec<(String, String)> {
    let last = FIRST_ROW + form.orgs.len() as u32 - 1;
    let cov = |c: u16| abs_range(sheet, FIRST_ROW, c, last, c);
    let mut names: Vec<(String, String)> = vec![
        ("org".into(), cov(C_ORG)),
        ("bin".into(), cov(C_BIN)),
        ("members".into(), cov(C_MEMBERS)),
        ("trained_total".into(), cov(C_TOTAL)),
    ];
    for (k, field) in crate::pipeline::CATEGORIES.iter().enumerate() {
        names.push((field.replace('.', "_"), cov(C_CAT + k as u16)));
    }
    names.push(("trained_share".into(), cov(C_SHARE)));
    names
}

/// `=IF(members>0,ROUND(total/members*100,1),0)` on row `r`.
fn share_formula(r: u32) -> String {
    format!(
        "=IF({m}>0,ROUND({t}/{m}*100,1),0)",
        m = cell(r, C_MEMBERS),
        t = cell(r, C_TOTAL)
    )
}

impl Book<'_> {
    /// Sheet 1; returns the 0-based row of its total row.
    pub(super) fn coverage_sheet(&self, ws: &mut Worksheet) -> Result<u32, XlsxError> {
        let l = self.l;
        ws.set_name(&self.sheets.coverage)?;
        self.title_rows(ws, l.title_coverage, l.hint_coverage, C_NOTE)?;
        self.coverage_head(ws)?;
        for (i, o) in self.form.orgs.iter().enumerate() {
            self.org_row(ws, FIRST_ROW + i as u32, i + 1, o)?;
        }
        let t = self.coverage_total(ws)?;
        ws.write_string(t + 2, C_ORG, l.signature_chair)?;
        ws.write_string(t + 3, C_ORG, l.signature_filled)?;
        self.coverage_checks(ws, t)?;
        ws.set_freeze_panes(FIRST_ROW, C_BIN)?;
        print_setup(ws, Some((HEADER_ROW, HEADER_ROW + 1)))?;
        ws.set_selection(FIRST_ROW, C_MEMBERS, FIRST_ROW, C_MEMBERS)?;
        protect(ws);
        Ok(t)
    }

    /// Column widths and two header rows, the categories under one merged
    /// group label.
    fn coverage_head(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        let l = self.l;
        let mut widths = vec![
            (C_NUM, 6.0),
            (C_ORG, NAME_WIDTH),
            (C_BIN, 15.0),
            (C_MEMBERS, 13.0),
            (C_TOTAL, 13.0),
            (C_SHARE, 17.0),
            (C_NOTE, 22.0),
        ];
        widths.extend((0..5).map(|k| (C_CAT + k, 15.0)));
        let singles = [
            (C_NUM, l.h_number),
            (C_ORG, l.h_org),
            (C_BIN, l.h_bin),
            (C_MEMBERS, l.h_members),
            (C_TOTAL, l.h_total),
            (C_SHARE, l.h_share),
            (C_NOTE, l.h_note),
        ];
        let categories: Vec<(u16, &str)> = (C_CAT..).zip(l.h_categories.iter().copied()).collect();
        self.two_row_head(ws, &widths, &singles, l.h_group, &categories, (36.0, 66.0))
    }

    /// Organisation number `no` on row `r`.
    fn org_row(&self, ws: &mut Worksheet, r: u32, no: usize, o: &OrgLine) -> Result<(), XlsxError> {
        let s = &self.s;
        ws.write_number_with_format(r, C_NUM, no as f64, &s.number)?;
        let name = cell_text(&o.name);
        ws.write_string_with_format(r, C_ORG, name.as_ref(), &s.name)?;
        // Long names wrap; neither Excel nor LibreOffice grows a row
        // whose height the file leaves open when it is printed.
        ws.set_row_height(r, row_height(rough_lines(&name, NAME_WIDTH)))?;
        ws.write_string_with_format(r, C_BIN, cell_text(&o.bin), &s.bin)?;
        match o.members {
            Some(m) => ws.write_number_with_format(r, C_MEMBERS, m, &s.input_count)?,
            None => ws.write_blank(r, C_MEMBERS, &s.input_count)?,
        };
        for (k, v) in o.categories.iter().enumerate() {
            ws.write_number_with_format(r, C_CAT + k as u16, *v, &s.input_count)?;
        }
        let total = o.total();
        ws.write_formula_with_format(
            r,
            C_TOTAL,
            formula(
                format!("=SUM({}:{})", cell(r, C_CAT), cell(r, C_CAT + 4)),
                total,
            ),
            &s.computed_count,
        )?;
        ws.write_formula_with_format(
            r,
            C_SHARE,
            formula(share_formula(r), share_percent(total, o.members)),
            &s.computed_share,
        )?;
        ws.write_blank(r, C_NOTE, &s.input_text)?;
        Ok(())
    }

    /// The total row under the organisations: sums of the rows above,
    /// computed. Returns its row.
    fn coverage_total(&self, ws: &mut Worksheet) -> Result<u32, XlsxError> {
        let (form, s) = (self.form, &self.s);
        let n = form.orgs.len() as u32;
        let last = FIRST_ROW + n.max(1) - 1;
        let t = FIRST_ROW + n;
        ws.write_blank(t, C_NUM, &s.total_blank)?;
        ws.write_string_with_format(t, C_ORG, self.l.total_label, &s.total_label)?;
        ws.write_blank(t, C_BIN, &s.total_blank)?;
        let sum_of = |f: &dyn Fn(&OrgLine) -> f64| form.orgs.iter().map(f).sum::<f64>();
        let members_sum = sum_of(&|o| o.members.unwrap_or(0.0));
        let total_sum = sum_of(&|o| o.total());
        let mut columns: Vec<(u16, f64)> = vec![(C_MEMBERS, members_sum), (C_TOTAL, total_sum)];
        for k in 0..5 {
            columns.push((C_CAT + k as u16, sum_of(&|o| o.categories[k])));
        }
        for (c, v) in columns {
            let text = if n == 0 {
                "=0".to_string()
            } else {
                format!("=SUM({}:{})", cell(FIRST_ROW, c), cell(last, c))
            };
            ws.write_formula_with_format(t, c, formula(text, v), &s.total_count)?;
        }
        ws.write_formula_with_format(
            t,
            C_SHARE,
            formula(
                share_formula(t),
                share_percent(total_sum, Some(members_sum)),
            ),
            &s.total_share,
        )?;
        ws.write_blank(t, C_NOTE, &s.total_blank)?;
        Ok(t)
    }

    /// Whole numbers only in the count cells, and a trained total above the
    /// members turned red; `t` is the total row.
    fn coverage_checks(&self, ws: &mut Worksheet, t: u32) -> Result<(), XlsxError> {
        if self.form.orgs.is_empty() {
            return Ok(());
        }
        let l = self.l;
        let last = t - 1;
        let count = validation(
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
            l.v_count,
            l.v_count.0,
        )?;
        ws.add_data_validation(FIRST_ROW, C_MEMBERS, last, C_MEMBERS, &count)?;
        ws.add_data_validation(FIRST_ROW, C_CAT, last, C_CAT + 4, &count)?;
        let rule = format!(
            "=${}>${}",
            cell(FIRST_ROW, C_TOTAL),
            cell(FIRST_ROW, C_MEMBERS)
        );
        ws.add_conditional_format(
            FIRST_ROW,
            C_TOTAL,
            t,
            C_TOTAL,
            &ConditionalFormatFormula::new()
                .set_rule(rule.as_str())
                .set_format(&self.s.alert),
        )?;
        Ok(())
    }
}
