//! `discrepancies-<period>.xlsx`: the error report leadership and the
//! specialist use to follow up with the districts.
//!
//! Input: the run's [`Outcome`] (issues already settled, rendered in the
//! run's language and sorted). Output: the workbook's bytes, identical for
//! identical inputs (the document date is fixed from the period). Sheets:
//!
//! 1. the summary ([`summary`]): title, period, issues by unit and severity
//!    with a region total, by check, and the units that sent no report;
//! 2. every issue, one row each ([`table`]), with a link from the cell
//!    column to the source cell ([`link`]) and columns the specialist fills
//!    in, the status from a dropdown ([`crate::issue::status`]);
//! 3. one sheet per unit that has issues, named by the unit
//!    ([`crate::workbook::sheet_name()`]), with the same columns.
//!
//! Every text that comes from a report is written with `write_string`, so it
//! can never become a formula, cleaned of control characters and cut to
//! Excel's cell limit ([`style::report_text`]).

pub(crate) mod link;
pub(crate) mod shares;
mod style;
mod summary;
pub(crate) mod table;
pub(crate) mod texts;

use crate::issue::Issue;
use crate::run::outcome::Outcome;
use crate::workbook::{dated, new_workbook, sheet_name};
use rust_xlsxwriter::{DocProperties, XlsxError};
use std::collections::HashMap;
use std::path::Path;

/// A unit's own sheet: its issues, numbered as in the list of all issues.
struct UnitSheet<'a> {
    id: &'a str,
    name: String,
    rows: Vec<(usize, &'a Issue)>,
}

/// Builds the workbook with links to the sources by their absolute paths.
/// Prefer [`build_at`] when the workbook's folder is known.
pub fn build(o: &Outcome) -> Result<Vec<u8>, XlsxError> {
    build_with(o, None)
}

/// Builds the workbook that will be saved in the folder `book_dir`: links to
/// the sources are relative to it, so they keep working when the inbox and
/// output folders are moved together (see [`link`]).
pub fn build_at(o: &Outcome, book_dir: &Path) -> Result<Vec<u8>, XlsxError> {
    build_with(o, Some(book_dir))
}

fn build_with(o: &Outcome, book_dir: Option<&Path>) -> Result<Vec<u8>, XlsxError> {
    let lang = o.lang;
    let cx = table::Context::new(o, book_dir);
    let mut wb = new_workbook();
    let when = format!(
        "{} ({})",
        texts::period_name(o.period, lang),
        texts::as_of_line(o.period, lang)
    );
    wb.set_properties(&dated(
        DocProperties::new()
            .set_title(texts::report_title(lang))
            .set_subject(when)
            .set_author("jinaq")
            .set_company(o.pipeline.title(lang))
            .set_keywords(o.period.to_string()),
        o.period.as_of(),
    )?);

    let summary_name = sheet_name(texts::summary_sheet(lang), lang, &[]);
    let detail_name = sheet_name(
        texts::detail_sheet(lang),
        lang,
        std::slice::from_ref(&summary_name),
    );
    let mut taken = vec![summary_name.clone(), detail_name.clone()];
    // Issues are numbered by their place in the list of all issues, the same
    // number on a unit's sheet as on the sheet of all issues.
    let numbered: Vec<(usize, &Issue)> = o
        .issues
        .iter()
        .enumerate()
        .map(|(k, i)| (k + 1, i))
        .collect();
    let mut unit_sheets: Vec<UnitSheet> = Vec::new();
    for u in &o.pipeline.units {
        let rows: Vec<(usize, &Issue)> = numbered
            .iter()
            .filter(|(_, i)| i.unit.as_deref() == Some(u.id.as_str()))
            .copied()
            .collect();
        if rows.is_empty() {
            continue;
        }
        let name = sheet_name(u.name(lang), lang, &taken);
        taken.push(name.clone());
        unit_sheets.push(UnitSheet {
            id: &u.id,
            name,
            rows,
        });
    }
    let sheet_of: HashMap<&str, String> =
        unit_sheets.iter().map(|s| (s.id, s.name.clone())).collect();

    let shown = numbered.len().min(table::MAX_ROWS);
    summary::write_summary(&mut wb, &summary_name, &sheet_of, shown, &cx)?;
    table::write_issue_sheet(&mut wb, &detail_name, &detail_name, &numbered, &cx)?;
    for s in &unit_sheets {
        table::write_issue_sheet(&mut wb, &s.name, &cx.unit_name(Some(s.id)), &s.rows, &cx)?;
    }
    table::write_suggestion_sheet(&mut wb, &cx)?;
    // Values only: Excel opens it as calculated and asks nothing on closing.
    wb.save_to_buffer()
        .and_then(|b| crate::workbook::calc::values_only(&b))
}
