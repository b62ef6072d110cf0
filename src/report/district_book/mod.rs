//! `districts/<unit>_<period>_<word>.xlsx`: the file a district is sent,
//! one for each unit with issues.
//!
//! Input: the run's [`Outcome`] (issues settled, rendered in the run's
//! language and in the order people act on them). Output: for each unit of
//! the pipeline that has issues, a file name and the workbook's bytes,
//! identical for identical inputs (the document date is fixed from the
//! period). One sheet: a heading naming the district, the period spelled
//! out, the day to send the corrected report by (the pipeline's
//! `resend_day`) and the regional office's contact (its `[office]`), then the
//! unit's issues alone, errors first: where, what was found, what was
//! expected, what is wrong and what to do. Without the specialist's
//! follow-up columns. It prints on landscape A4 one page wide with the head
//! row on every page, at the size it is written (10 pt): the columns fit the
//! page's width.

mod texts;

use crate::issue::{Issue, Rule, Severity};
use crate::lang::Lang;
use crate::messages::severity_label;
use crate::period::Ymd;
use crate::pipeline::{Office, Unit};
use crate::report::discrepancy_book::{shares, texts as book_texts};
use crate::run::outcome::Outcome;
use crate::workbook::formats::{self, code, colour};
use crate::workbook::print::{header_text, Print};
use crate::workbook::width::{font_height, wrapped_chars};
use crate::workbook::{cell_text, dated, new_workbook, sheet_name};
use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Worksheet, XlsxError};
use serde_json::Value;
use texts::T;

/// One district's file: its name in the folder and its bytes.
pub(crate) struct DistrictFile {
    pub(crate) name: String,
    pub(crate) bytes: Vec<u8>,
}

/// The font size of the table; the columns below fit A4's width at it.
const FONT: f64 = 10.0;
/// The head row of the table; the rows above it are the heading.
const HEAD_ROW: u32 = 6;

/// The columns, left to right, with their widths in characters.
const COLUMNS: [(T, f64); 9] = [
    (T::NumberHead, 5.0),
    (T::SeverityHead, 16.0),
    (T::FileHead, 20.0),
    (T::SheetHead, 12.0),
    (T::CellHead, 9.0),
    (T::OrgHead, 18.0),
    (T::ActualHead, 10.0),
    (T::ExpectedHead, 10.0),
    (T::MessageHead, 34.0),
];

/// The files of every unit that has issues, in the pipeline's order.
pub(crate) fn build_all(o: &Outcome) -> Result<Vec<DistrictFile>, XlsxError> {
    let mut out = Vec::new();
    for u in &o.pipeline.units {
        let issues: Vec<&Issue> = o
            .issues
            .iter()
            .filter(|i| i.unit.as_deref() == Some(u.id.as_str()))
            .collect();
        if issues.is_empty() {
            continue;
        }
        out.push(DistrictFile {
            name: file_name(u.name(o.lang), o),
            bytes: build(o, u, &issues)?,
        });
    }
    Ok(out)
}

/// `Алға ауданы_2026-03_ескертулер.xlsx`: the unit's name (characters no
/// file system takes replaced), the period and what the file holds.
fn file_name(unit: &str, o: &Outcome) -> String {
    let safe: String = unit
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || "\\/:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{safe}_{}_{}.xlsx", o.period, T::FileWord.get(o.lang))
}

/// Whether a file name in the districts' folder is one this module writes
/// for `period` (in any language), so that a stale one can be removed.
pub(crate) fn is_district_file(name: &str, period: &str) -> bool {
    texts::file_words()
        .iter()
        .any(|w| name.ends_with(&format!("_{period}_{w}.xlsx")))
}

fn build(o: &Outcome, u: &Unit, issues: &[&Issue]) -> Result<Vec<u8>, XlsxError> {
    let lang = o.lang;
    let mut wb = new_workbook();
    let unit = u.name(lang);
    wb.set_properties(&dated(
        DocProperties::new()
            .set_title(texts::title(unit, lang))
            .set_subject(book_texts::period_name(o.period, lang))
            .set_author("jinaq")
            .set_company(o.pipeline.title(lang))
            .set_keywords(o.period.to_string()),
        o.period.as_of(),
    )?);
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(unit, lang, &[]))?;
    let f = Formats::new(lang);
    write_heading(ws, o, unit, issues, &f)?;
    write_head_row(ws, lang, &f)?;
    for (k, i) in issues.iter().enumerate() {
        write_issue(ws, HEAD_ROW + 1 + k as u32, k + 1, i, o, &f)?;
    }
    for (c, (_, w)) in COLUMNS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    ws.set_freeze_panes(HEAD_ROW + 1, 0)?;
    let period = book_texts::period_name(o.period, lang);
    Print::landscape(0.6, 0.6)
        .repeat(HEAD_ROW, HEAD_ROW)
        .header(format!(
            "&L&8 {}",
            header_text(&texts::title(unit, lang), 200)
        ))
        .footer(format!(
            "&L&8 {}&R&8 {}",
            header_text(&period, 110),
            T::PageFooter.get(lang)
        ))
        .apply(ws)?;
    // Values only: a district opens it as calculated and is asked nothing
    // on closing.
    wb.save_to_buffer()
        .and_then(|b| crate::workbook::calc::values_only(&b))
}

/// The cell formats of the file.
struct Formats {
    title: Format,
    line: Format,
    bold_line: Format,
    head: Format,
    text: Format,
    center: Format,
    severity: [Format; 3],
    int: Format,
    dec: Format,
    pct: Format,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        let cell = formats::boxed()
            .set_border_color("BFBFBF")
            .set_align(FormatAlign::Top)
            .set_font_size(FONT);
        let num = |c: &str| cell.clone().set_num_format(formats::localised(lang, c));
        let mark = |rgb: u32| formats::coloured(cell.clone().set_bold().set_text_wrap(), rgb);
        Formats {
            title: formats::bold(14),
            line: Format::new().set_font_size(11),
            bold_line: formats::bold(11),
            head: formats::header(cell.clone(), colour::HEADER),
            text: cell.clone().set_text_wrap(),
            center: cell.clone().set_align(FormatAlign::Center),
            severity: [
                mark(colour::ERROR_TEXT),
                mark(colour::WARNING_TEXT),
                mark(colour::NOTE_TEXT),
            ],
            int: num(code::THOUSANDS),
            dec: num("#,##0.0###"),
            pct: num(code::PER_CENT),
        }
    }
}

/// The heading: the district, the period, the day to resend by, the
/// counts, the office's contact.
fn write_heading(
    ws: &mut Worksheet,
    o: &Outcome,
    unit: &str,
    issues: &[&Issue],
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = o.lang;
    let period = book_texts::period_name(o.period, lang);
    let next = o.period.next();
    let resend = Ymd {
        year: next.year,
        month: next.month,
        day: o.pipeline.resend_day,
    };
    let count = |s: Severity| issues.iter().filter(|i| i.severity == s).count();
    let counts = Severity::ALL.map(count);
    ws.write_string_with_format(0, 0, texts::title(unit, lang), &f.title)?;
    ws.write_string_with_format(1, 0, texts::period_line(&period, lang), &f.line)?;
    let deadline = texts::deadline(&resend.dd_mm_yyyy(), counts[0] > 0, lang);
    ws.write_string_with_format(2, 0, deadline, &f.bold_line)?;
    ws.write_string_with_format(3, 0, texts::counts(counts, lang), &f.line)?;
    if let Some(contact) = contact(&o.pipeline.office) {
        ws.write_string_with_format(4, 0, texts::contact(&contact, lang), &f.line)?;
    }
    ws.set_row_height(0, 20)?;
    Ok(())
}

/// The office as one line: what the pipeline gives, empty values left out.
fn contact(office: &Office) -> Option<String> {
    let parts: Vec<&str> = [&office.name, &office.person, &office.phone, &office.email]
        .into_iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn write_head_row(ws: &mut Worksheet, lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    let mut lines = 1;
    for (c, (head, w)) in COLUMNS.iter().enumerate() {
        let text = head.get(lang);
        ws.write_string_with_format(HEAD_ROW, c as u16, text, &f.head)?;
        // Bold runs wider: count it as a larger font.
        lines = lines.max(wrapped_chars(text, *w, FONT * 1.1));
    }
    ws.set_row_height(HEAD_ROW, font_height(lines, FONT))?;
    Ok(())
}

/// Text from a report as a cell may hold it.
fn report_text(s: &str) -> String {
    cell_text(&crate::normalize::text::clean_display(s)).into_owned()
}

/// The organisation as the district knows it: its name as written (the
/// registry's for one missing from the report) with its id.
fn org_text(i: &Issue) -> String {
    let name = match i.rule {
        Rule::RegistryMissingOrg => i.detail.as_deref(),
        _ => i.org_name.as_deref(),
    };
    match (name, i.org.as_deref()) {
        (Some(n), Some(id)) if !n.is_empty() && n != id => format!("{n} ({id})"),
        (Some(n), None) => n.to_string(),
        (_, Some(id)) => id.to_string(),
        _ => String::new(),
    }
}

fn write_issue(
    ws: &mut Worksheet,
    r: u32,
    number: usize,
    i: &Issue,
    o: &Outcome,
    f: &Formats,
) -> Result<(), XlsxError> {
    let lang = o.lang;
    let sev = Severity::ALL
        .iter()
        .position(|s| *s == i.severity)
        .unwrap_or(0);
    ws.write_number_with_format(r, 0, number as f64, &f.center)?;
    let where_ = i
        .place
        .a1()
        .or_else(|| i.place.excel_row().map(|r| r.to_string()))
        .unwrap_or_default();
    let texts: [(u16, String, &Format); 6] = [
        (
            1,
            severity_label(i.severity, lang).to_string(),
            &f.severity[sev],
        ),
        (
            2,
            report_text(i.place.file.as_deref().unwrap_or_default()),
            &f.text,
        ),
        (
            3,
            report_text(i.place.sheet.as_deref().unwrap_or_default()),
            &f.text,
        ),
        (4, where_, &f.center),
        (5, report_text(&org_text(i)), &f.text),
        (8, report_text(&i.message), &f.text),
    ];
    let mut lines = 1;
    for (c, s, fmt) in &texts {
        ws.write_string_with_format(r, *c, s, fmt)?;
        lines = lines.max(wrapped_chars(s, COLUMNS[*c as usize].1, FONT));
    }
    for (c, v) in [(6u16, &i.actual), (7, &i.expected)] {
        if let Some(s) = write_value(ws, r, c, v, i, o, f)? {
            lines = lines.max(wrapped_chars(&s, COLUMNS[c as usize].1, FONT));
        }
    }
    ws.set_row_height(r, font_height(lines.min(400), FONT))?;
    Ok(())
}

/// A found or expected value: numbers in the consolidated workbook's
/// formats, shares as per cents; returns the text written, if text.
fn write_value(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: &Option<Value>,
    i: &Issue,
    o: &Outcome,
    f: &Formats,
) -> Result<Option<String>, XlsxError> {
    let text = match v {
        None | Some(Value::Null) => {
            ws.write_blank(r, c, &f.text)?;
            return Ok(None);
        }
        Some(Value::Number(n)) => {
            let n = shares::cell_value(i, n.as_f64().unwrap_or_default());
            let fmt = if shares::is_share(i) {
                &f.pct
            } else if n.fract() == 0.0 {
                &f.int
            } else {
                &f.dec
            };
            ws.write_number_with_format(r, c, n, fmt)?;
            return Ok(None);
        }
        // registry.other_unit compares unit ids: the units' names.
        Some(Value::String(s)) if i.rule == Rule::RegistryOtherUnit => o
            .pipeline
            .unit(s)
            .map_or_else(|| report_text(s), |u| u.name(o.lang).to_string()),
        Some(Value::String(s)) => report_text(s),
        Some(other) => report_text(&other.to_string()),
    };
    ws.write_string_with_format(r, c, &text, &f.text)?;
    Ok(Some(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Landscape A4 less the kit's side margins, in points.
    const PRINTABLE_PT: f64 = (297.0 / 25.4 - 0.8) * 72.0;
    /// The widest a character of the table's unit may print: LibreOffice with
    /// a fallback font wider than Calibri (measured on its PDF).
    const WIDEST_CHAR_PT: f64 = 6.6;
    /// The least a district reads on paper.
    const SMALLEST_PRINTED_PT: f64 = 8.0;

    #[test]
    fn the_table_prints_on_a4_at_no_less_than_8_pt() {
        let width: f64 = COLUMNS.iter().map(|(_, w)| w).sum();
        let scale = (PRINTABLE_PT / (width * WIDEST_CHAR_PT)).min(1.0);
        assert!(
            FONT * scale >= SMALLEST_PRINTED_PT,
            "{width} characters print at {scale}"
        );
    }

    #[test]
    fn file_names_are_told_by_period_and_word() {
        assert!(is_district_file(
            "Алға ауданы_2026-03_ескертулер.xlsx",
            "2026-03"
        ));
        assert!(is_district_file(
            "г. Актобе_2026-03_замечания.xlsx",
            "2026-03"
        ));
        assert!(!is_district_file(
            "г. Актобе_2026-02_замечания.xlsx",
            "2026-03"
        ));
        assert!(!is_district_file("notes.xlsx", "2026-03"));
    }
}
