//! Sheet 2, the events: last period's events carried over and free rows
//! for new ones, the date, form and topic area validated against the period
//! and the vocabularies, a total row checked against the trained total of
//! sheet 1.

use super::coverage::C_TOTAL;
use super::{
    abs_range, cell, formula, print_setup, protect, validation, Book, FIRST_ROW, HEADER_ROW,
};
use crate::template::{EventLine, Form};
use crate::workbook::cell_text;
use rust_xlsxwriter::{
    ConditionalFormatFormula, DataValidation, DataValidationRule, ExcelDateTime, Format, Formula,
    Worksheet, XlsxError,
};

/// Rows of the events table beyond the events already listed.
pub(crate) const FREE_EVENT_ROWS: usize = 40;

// Columns.
pub(super) const E_NUM: u16 = 0;
pub(super) const E_DATE: u16 = 1;
pub(super) const E_FORM: u16 = 2;
pub(super) const E_TOPIC: u16 = 3;
pub(super) const E_AREA: u16 = 4;
pub(super) const E_VENUE: u16 = 5;
pub(super) const E_PART: u16 = 6;
pub(super) const E_RESP: u16 = 7;
pub(super) const E_USE: u16 = 8;
pub(super) const E_APPLY: u16 = 9;

fn event_rows(form: &Form) -> usize {
    form.events.len() + FREE_EVENT_ROWS
}

/// The named ranges of the event columns.
pub(super) fn names(form: &Form, sheet: &str) -> Vec<(String, String)> {
    let last = FIRST_ROW + event_rows(form) as u32 - 1;
    [
        ("event_date", E_DATE),
        ("event_form", E_FORM),
        ("event_topic", E_TOPIC),
        ("event_topic_area", E_AREA),
        ("event_venue", E_VENUE),
        ("event_participants", E_PART),
        ("event_respondents", E_RESP),
        ("event_usefulness", E_USE),
        ("event_will_apply", E_APPLY),
    ]
    .into_iter()
    .map(|(name, c)| (name.into(), abs_range(sheet, FIRST_ROW, c, last, c)))
    .collect()
}

impl Book<'_> {
    /// Sheet 2; `cov_total_row` is the total row of sheet 1, `lists_on_sheet`
    /// whether the lists of forms and topic areas are on their hidden sheet.
    pub(super) fn events_sheet(
        &self,
        ws: &mut Worksheet,
        cov_total_row: u32,
        lists_on_sheet: bool,
    ) -> Result<(), XlsxError> {
        let (form, l, s) = (self.form, self.l, &self.s);
        ws.set_name(&self.sheets.events)?;
        self.title_rows(ws, l.title_events, l.hint_events, E_APPLY)?;
        self.events_head(ws)?;
        let rows = event_rows(form) as u32;
        let last = FIRST_ROW + rows - 1;
        for i in 0..rows {
            let r = FIRST_ROW + i;
            ws.write_number_with_format(r, E_NUM, (i + 1) as f64, &s.number)?;
            self.event_row(ws, r, form.events.get(i as usize))?;
        }
        self.events_total(ws, last + 1, cov_total_row)?;
        self.events_checks(ws, last, lists_on_sheet)?;
        ws.set_freeze_panes(FIRST_ROW, E_DATE)?;
        print_setup(ws, Some((HEADER_ROW, HEADER_ROW + 1)))?;
        let first_free = FIRST_ROW + form.events.len() as u32;
        ws.set_selection(first_free, E_DATE, first_free, E_DATE)?;
        protect(ws);
        Ok(())
    }

    /// Column widths and two header rows, the survey's three columns under
    /// one merged group label.
    fn events_head(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        let l = self.l;
        let widths = [
            (E_NUM, 6.0),
            (E_DATE, 13.0),
            // Wide enough for the longest terms of the lists on one line.
            (E_FORM, 32.0),
            (E_TOPIC, 38.0),
            (E_AREA, 42.0),
            (E_VENUE, 28.0),
            (E_PART, 13.0),
            (E_RESP, 14.0),
            (E_USE, 13.0),
            (E_APPLY, 14.0),
        ];
        let singles = [
            (E_NUM, l.h_number),
            (E_DATE, l.e_date),
            (E_FORM, l.e_form),
            (E_TOPIC, l.e_topic),
            (E_AREA, l.e_area),
            (E_VENUE, l.e_venue),
            (E_PART, l.e_participants),
        ];
        let survey = [
            (E_RESP, l.e_respondents),
            (E_USE, l.e_usefulness),
            (E_APPLY, l.e_will_apply),
        ];
        self.two_row_head(ws, &widths, &singles, l.e_survey, &survey, (30.0, 36.0))
    }

    /// The input cells of row `r`: an event carried over, or empty.
    fn event_row(
        &self,
        ws: &mut Worksheet,
        r: u32,
        e: Option<&EventLine>,
    ) -> Result<(), XlsxError> {
        let s = &self.s;
        let text = |ws: &mut Worksheet, c: u16, v: Option<&str>| -> Result<(), XlsxError> {
            match v.filter(|v| !v.is_empty()) {
                Some(v) => ws.write_string_with_format(r, c, cell_text(v), &s.input_text)?,
                None => ws.write_blank(r, c, &s.input_text)?,
            };
            Ok(())
        };
        let number =
            |ws: &mut Worksheet, c: u16, v: Option<f64>, f: &Format| -> Result<(), XlsxError> {
                match v {
                    Some(v) => ws.write_number_with_format(r, c, v, f)?,
                    None => ws.write_blank(r, c, f)?,
                };
                Ok(())
            };
        match e.and_then(|e| e.date) {
            Some(d) => {
                let date = ExcelDateTime::from_ymd(d.year as u16, d.month as u8, d.day as u8)?;
                ws.write_datetime_with_format(r, E_DATE, &date, &s.input_date)?;
            }
            None => {
                ws.write_blank(r, E_DATE, &s.input_date)?;
            }
        }
        text(ws, E_FORM, e.map(|e| e.form.as_str()))?;
        text(ws, E_TOPIC, e.map(|e| e.topic.as_str()))?;
        text(ws, E_AREA, e.map(|e| e.area.as_str()))?;
        text(ws, E_VENUE, e.map(|e| e.venue.as_str()))?;
        number(ws, E_PART, e.and_then(|e| e.participants), &s.input_count)?;
        number(ws, E_RESP, e.and_then(|e| e.respondents), &s.input_count)?;
        number(ws, E_USE, e.and_then(|e| e.usefulness), &s.input_decimal)?;
        number(ws, E_APPLY, e.and_then(|e| e.will_apply), &s.input_count)?;
        Ok(())
    }

    /// At row `t`: the total, the trained total of sheet 1, and the
    /// difference, red unless 0.
    fn events_total(
        &self,
        ws: &mut Worksheet,
        t: u32,
        cov_total_row: u32,
    ) -> Result<(), XlsxError> {
        let (form, l, s) = (self.form, self.l, &self.s);
        let last = t - 1;
        let sum = |f: &dyn Fn(&EventLine) -> Option<f64>| -> f64 {
            form.events.iter().filter_map(f).sum()
        };
        let participants = sum(&|e| e.participants);
        let respondents = sum(&|e| e.respondents);
        let trained: f64 = form.orgs.iter().map(|o| o.total()).sum();
        ws.merge_range(t, E_NUM, t, E_VENUE, l.total_label, &s.total_label)?;
        for (c, v) in [(E_PART, participants), (E_RESP, respondents)] {
            ws.write_formula_with_format(
                t,
                c,
                formula(format!("=SUM({}:{})", cell(FIRST_ROW, c), cell(last, c)), v),
                &s.total_count,
            )?;
        }
        ws.write_blank(t, E_USE, &s.total_blank)?;
        ws.write_blank(t, E_APPLY, &s.total_blank)?;
        ws.merge_range(t + 1, E_NUM, t + 1, E_VENUE, l.e_trained, &s.label)?;
        ws.write_formula_with_format(
            t + 1,
            E_PART,
            formula(
                format!(
                    "='{}'!{}",
                    self.sheets.coverage.replace('\'', "''"),
                    cell(cov_total_row, C_TOTAL)
                ),
                trained,
            ),
            &s.computed_count,
        )?;
        ws.merge_range(t + 2, E_NUM, t + 2, E_VENUE, l.e_difference, &s.label)?;
        ws.write_formula_with_format(
            t + 2,
            E_PART,
            formula(
                format!("={}-{}", cell(t, E_PART), cell(t + 1, E_PART)),
                participants - trained,
            ),
            &s.computed_count,
        )?;
        ws.add_conditional_format(
            t + 2,
            E_PART,
            t + 2,
            E_PART,
            &ConditionalFormatFormula::new()
                .set_rule(format!("={}<>0", cell(t + 2, E_PART)).as_str())
                .set_format(&s.alert),
        )?;
        Ok(())
    }

    /// Validation of rows down to `last`: dates within the period, forms
    /// and topic areas from their lists, counts, usefulness 1..5 and per
    /// cents 0..100.
    fn events_checks(
        &self,
        ws: &mut Worksheet,
        last: u32,
        lists_on_sheet: bool,
    ) -> Result<(), XlsxError> {
        let (form, l) = (self.form, self.l);
        let p = form.period;
        let end = p.last_day();
        let date = validation(
            DataValidation::new().allow_date(DataValidationRule::Between(
                ExcelDateTime::from_ymd(p.year as u16, 1, 1)?,
                ExcelDateTime::from_ymd(end.year as u16, end.month as u8, end.day as u8)?,
            )),
            l.v_date,
            l.v_date.0,
        )?;
        ws.add_data_validation(FIRST_ROW, E_DATE, last, E_DATE, &date)?;
        for (c, items, col_on_sheet, texts) in [
            (E_FORM, &form.forms, 0u16, l.v_form),
            (E_AREA, &form.areas, 1u16, l.v_area),
        ] {
            let dv = if lists_on_sheet {
                let last_item = items.len().max(1) as u32 - 1;
                let range = abs_range(&self.sheets.lists, 0, col_on_sheet, last_item, col_on_sheet);
                DataValidation::new().allow_list_formula(Formula::new(format!("={range}")))
            } else {
                DataValidation::new().allow_list_strings(items)?
            };
            ws.add_data_validation(FIRST_ROW, c, last, c, &validation(dv, texts, texts.0)?)?;
        }
        let count = validation(
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
            l.v_count,
            l.v_count.0,
        )?;
        ws.add_data_validation(FIRST_ROW, E_PART, last, E_RESP, &count)?;
        let usefulness = validation(
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(1.0, 5.0)),
            l.v_usefulness,
            l.v_usefulness.0,
        )?;
        ws.add_data_validation(FIRST_ROW, E_USE, last, E_USE, &usefulness)?;
        let percent = validation(
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(0.0, 100.0)),
            l.v_percent,
            l.v_percent.0,
        )?;
        ws.add_data_validation(FIRST_ROW, E_APPLY, last, E_APPLY, &percent)?;
        Ok(())
    }
}
