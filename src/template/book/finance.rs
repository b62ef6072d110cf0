//! Sheet 3, the financing: the budget's expense side and what went to
//! training, to fill in, and the share computed, red below the norm.

use super::{abs_range, cell, formula, print_setup, protect, validation, Book, HEADER_ROW};
use crate::lang::fill;
use crate::template::texts::T;
use rust_xlsxwriter::{
    ConditionalFormatFormula, DataValidation, DataValidationRule, Worksheet, XlsxError,
};

/// Rows of the budget, the training and the share.
const BUDGET: u32 = HEADER_ROW + 1;
const TRAINING: u32 = BUDGET + 1;
const SHARE: u32 = BUDGET + 2;
const LABEL: u16 = 1;
const VALUE: u16 = 2;

/// The named cells of the sheet.
pub(super) fn names(sheet: &str) -> Vec<(String, String)> {
    [
        ("finance_budget", BUDGET),
        ("finance_training", TRAINING),
        ("finance_share", SHARE),
    ]
    .into_iter()
    .map(|(name, r)| (name.into(), abs_range(sheet, r, VALUE, r, VALUE)))
    .collect()
}

impl Book<'_> {
    pub(super) fn finance_sheet(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        let (form, l, s) = (self.form, self.l, &self.s);
        ws.set_name(&self.sheets.finance)?;
        self.title_rows(ws, l.title_finance, l.hint_finance, VALUE)?;
        ws.set_column_width(0, 6)?;
        ws.set_column_width(LABEL, 46)?;
        ws.set_column_width(VALUE, 20)?;
        ws.write_string_with_format(HEADER_ROW, 0, l.h_number, &s.header)?;
        ws.write_string_with_format(HEADER_ROW, LABEL, l.f_indicator, &s.header)?;
        ws.write_string_with_format(HEADER_ROW, VALUE, l.f_amount, &s.header)?;
        for (i, (r, label)) in [
            (BUDGET, l.f_budget),
            (TRAINING, l.f_training),
            (SHARE, l.f_share),
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_number_with_format(r, 0, (i + 1) as f64, &s.number)?;
            ws.write_string_with_format(r, LABEL, label, &s.label)?;
        }
        // Financing is often not reported monthly: left empty, it is no figure.
        ws.write_blank(BUDGET, VALUE, &s.input_amount)?;
        ws.write_blank(TRAINING, VALUE, &s.input_amount)?;
        let (b, t, sh) = (
            cell(BUDGET, VALUE),
            cell(TRAINING, VALUE),
            cell(SHARE, VALUE),
        );
        ws.write_formula_with_format(
            SHARE,
            VALUE,
            formula(format!("=IF({b}>0,{t}/{b},0)"), 0.0),
            &s.computed_percent,
        )?;
        let norm = format!("{}", (form.norm * 1000.0).round() / 10.0).replace('.', ",");
        let note = fill(T::NormNote.get(form.lang), &[("norm", &norm)]);
        ws.write_string_with_format(SHARE + 2, LABEL, &note, &s.hint)?;
        let amount = validation(
            DataValidation::new()
                .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
            l.v_amount,
            l.v_amount.0,
        )?;
        ws.add_data_validation(BUDGET, VALUE, TRAINING, VALUE, &amount)?;
        // Below the norm turns the share red.
        let below = format!("=AND({b}>0,{sh}<{n})", n = form.norm);
        ws.add_conditional_format(
            SHARE,
            VALUE,
            SHARE,
            VALUE,
            &ConditionalFormatFormula::new()
                .set_rule(below.as_str())
                .set_format(&s.alert),
        )?;
        print_setup(ws, None)?;
        ws.set_selection(BUDGET, VALUE, BUDGET, VALUE)?;
        protect(ws);
        Ok(())
    }
}
