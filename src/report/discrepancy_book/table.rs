//! The issue table: one row per issue, the same columns on the sheet of all
//! issues and on each unit's sheet.
//!
//! Columns, left to right: where and what (number, severity, unit, file,
//! sheet, cell as a link to the source, check, description, expected,
//! actual, difference, organisation, field), then what the specialist fills
//! (responsible, due date, status from a dropdown, comment), then hidden
//! machine keys (rule, unit, org, field, severity ids) by which a later run
//! recognises the same issue. The filter covers all of them, keys included,
//! so sorting by any column keeps a row whole.

use super::link::{source_url, MAX_LINKS_PER_SHEET};
use super::shares;
use super::style::{self, capitalised, report_text, FollowUpFormats, RowFormats};
use super::texts;
use crate::issue::columns::column;
use crate::issue::status::{status_labels, Status};
use crate::issue::{Issue, Rule, Severity};
use crate::lang::Lang;
use crate::messages::{field_label, rule_title, severity_label};
use crate::run::outcome::Outcome;
use crate::workbook::width::{font_height, line_chars, word_chars, wrapped_chars};
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, ExcelDateTime, Formula, Url, Workbook, Worksheet, XlsxError,
};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// One column of the issue table.
pub struct Column {
    /// Language-neutral id; the head of a hidden column.
    pub id: &'static str,
    /// The heading the specialist reads; None for a hidden key.
    heading: Option<Heading>,
    /// Width bounds in characters; equal bounds fix the width.
    min: f64,
    max: f64,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Filled from the issue.
    Issue,
    /// Filled by the specialist.
    FollowUp,
    /// A hidden machine key.
    Key,
}

crate::texts! {
    /// The heading of each column the specialist reads.
    enum Heading {
        Number => ("№", "№", "No."),
        Severity => ("Маңыздылығы", "Важность", "Severity"),
        Unit => ("Бөлімше", "Подразделение", "Unit"),
        File => ("Файл", "Файл", "File"),
        Sheet => ("Парақ", "Лист", "Sheet"),
        Cell => ("Ұяшық", "Ячейка", "Cell"),
        Check => ("Тексеру", "Проверка", "Check"),
        Description => ("Сипаттама", "Описание", "Description"),
        Expected => ("Күтілген мән", "Ожидалось", "Expected"),
        Actual => ("Есепте көрсетілгені", "Указано в отчёте", "Actual"),
        Difference => ("Айырмасы", "Разница", "Difference"),
        Org => ("Ұйым", "Организация", "Organisation"),
        Field => ("Көрсеткіш", "Показатель", "Field"),
        Responsible => ("Жауапты", "Ответственный", "Responsible"),
        Due => ("Мерзімі", "Срок", "Due date"),
        Status => ("Күйі", "Статус", "Status"),
        Comment => ("Түсініктеме", "Комментарий", "Comment"),
        Match => ("Тізілімдегі ұйым", "Организация по реестру", "Registry organisation"),
    }
}

const fn col(id: &'static str, heading: Heading, min: f64, max: f64, kind: Kind) -> Column {
    Column {
        id,
        heading: Some(heading),
        min,
        max,
        kind,
    }
}

/// A hidden machine key, headed by its id in every language.
const fn hidden(id: &'static str, width: f64) -> Column {
    Column {
        id,
        heading: None,
        min: width,
        max: width,
        kind: Kind::Key,
    }
}

/// The columns of the issue table, in the order of
/// [`COLUMN_IDS`](crate::issue::columns::COLUMN_IDS).
pub const COLUMNS: [Column; 23] = [
    col("number", Heading::Number, 4.0, 5.0, Kind::Issue),
    col("severity", Heading::Severity, 8.0, 15.0, Kind::Issue),
    col("unit", Heading::Unit, 11.0, 16.0, Kind::Issue),
    col("file", Heading::File, 12.0, 18.0, Kind::Issue),
    col("sheet", Heading::Sheet, 7.0, 15.0, Kind::Issue),
    col("cell", Heading::Cell, 6.0, 9.0, Kind::Issue),
    col("check", Heading::Check, 12.0, 18.0, Kind::Issue),
    col("description", Heading::Description, 45.0, 45.0, Kind::Issue),
    col("expected", Heading::Expected, 9.0, 12.0, Kind::Issue),
    col("actual", Heading::Actual, 9.0, 12.0, Kind::Issue),
    col("difference", Heading::Difference, 8.0, 10.0, Kind::Issue),
    col("org", Heading::Org, 12.0, 18.0, Kind::Issue),
    col("field", Heading::Field, 10.0, 16.0, Kind::Issue),
    col(
        "responsible",
        Heading::Responsible,
        12.0,
        12.0,
        Kind::FollowUp,
    ),
    col("due", Heading::Due, 10.0, 10.0, Kind::FollowUp),
    col("status", Heading::Status, 11.0, 14.0, Kind::FollowUp),
    col("comment", Heading::Comment, 18.0, 18.0, Kind::FollowUp),
    hidden("rule_id", 14.0),
    hidden("unit_id", 10.0),
    hidden("org_key", 14.0),
    hidden("field_id", 14.0),
    hidden("severity_id", 8.0),
    col("match", Heading::Match, 24.0, 40.0, Kind::FollowUp),
];

/// The hidden sheet that holds the suggestions the match dropdowns offer
/// (a list of any length, names with commas included).
pub(crate) const SUGGESTION_SHEET: &str = "suggestions";

impl Column {
    /// The head as the run's language writes it; a hidden key column is
    /// headed by its id in every language.
    pub fn head(&self, lang: Lang) -> &'static str {
        self.heading.map_or(self.id, |h| h.get(lang))
    }

    pub(crate) fn is_hidden(&self) -> bool {
        self.kind == Kind::Key
    }
}

fn at(id: &str) -> u16 {
    column(id).expect("a column of COLUMNS")
}

/// Excel holds 1 048 576 rows; one is the head.
pub(crate) const MAX_ROWS: usize = 1_048_575;

/// What every issue sheet of one workbook shares.
pub(crate) struct Context<'a> {
    pub(crate) o: &'a Outcome<'a>,
    pub(crate) book_dir: Option<&'a Path>,
    /// (file, registry id or БСН) -> the organisation's name as the file writes it.
    org_names: HashMap<(&'a str, &'a str), &'a str>,
    formats: [RowFormats; 3],
    follow_up: FollowUpFormats,
    /// An unknown organisation's issue (by address) -> the rows (1-based,
    /// first and last) of its suggestions on the suggestion sheet.
    suggested: HashMap<usize, (u32, u32)>,
    /// The suggestion sheet's column, top down: `name — БСН`.
    pub(crate) suggestions: Vec<String>,
}

/// The suggestions of each unknown organisation as the dropdown offers them
/// (`name — БСН`, the unit's organisations of that name), laid one after
/// another.
fn suggestions(o: &Outcome) -> (HashMap<usize, (u32, u32)>, Vec<String>) {
    let (mut at, mut list) = (HashMap::new(), Vec::new());
    for i in o
        .issues
        .iter()
        .filter(|i| i.rule == Rule::RegistryUnknownOrg)
    {
        let (Some(unit), Some(detail)) = (i.unit.as_deref(), i.detail.as_deref()) else {
            continue;
        };
        let first = list.len() as u32 + 1;
        for name in detail.split(" | ") {
            for (_, org) in o.registry.in_unit(unit).filter(|(_, g)| g.name == name) {
                list.push(crate::confirmed::choice_text(&org.name, &org.id));
            }
        }
        if list.len() as u32 >= first {
            at.insert(i as *const Issue as usize, (first, list.len() as u32));
        }
    }
    (at, list)
}

impl<'a> Context<'a> {
    pub(crate) fn new(o: &'a Outcome<'a>, book_dir: Option<&'a Path>) -> Context<'a> {
        let mut org_names = HashMap::new();
        for r in &o.reports {
            for row in r.coverage.iter().flat_map(|c| c.rows.iter()) {
                let name = row.name.trim();
                if name.is_empty() {
                    continue;
                }
                for id in [row.registry_id.as_deref(), row.bin.as_deref()]
                    .into_iter()
                    .flatten()
                {
                    org_names.entry((r.rel.as_str(), id)).or_insert(name);
                }
            }
        }
        let (suggested, suggestions) = suggestions(o);
        Context {
            o,
            book_dir,
            org_names,
            formats: Severity::ALL.map(|s| RowFormats::new(s, o.lang)),
            follow_up: FollowUpFormats::new(),
            suggested,
            suggestions,
        }
    }

    fn lang(&self) -> Lang {
        self.o.lang
    }

    fn formats(&self, s: Severity) -> &RowFormats {
        &self.formats[Severity::ALL.iter().position(|x| *x == s).unwrap_or(0)]
    }

    pub(crate) fn unit_name(&self, id: Option<&str>) -> String {
        match id {
            Some(id) => self
                .o
                .pipeline
                .unit(id)
                .map_or_else(|| id.to_string(), |u| u.name(self.lang()).to_string()),
            None => String::new(),
        }
    }

    /// The organisation as a reader knows it: its name as the report writes
    /// it (or the registry's, for an organisation missing from the report)
    /// with the БСН, or the key as it is.
    fn org_text(&self, i: &Issue) -> String {
        let Some(org) = i.org.as_deref() else {
            return String::new();
        };
        let name = match (i.rule, i.place.file.as_deref()) {
            (Rule::RegistryMissingOrg, _) => i.detail.as_deref(),
            (_, Some(file)) => self.org_names.get(&(file, org)).copied(),
            _ => None,
        };
        match name {
            Some(n) if n != org && !n.is_empty() => format!("{n} ({org})"),
            _ => org.to_string(),
        }
    }
}

/// An expected or actual value as a cell shows it.
enum Shown {
    Empty,
    Number(f64),
    Text(String),
}

fn shown(v: &Option<Value>, i: &Issue, cx: &Context) -> Shown {
    match v {
        None | Some(Value::Null) => Shown::Empty,
        Some(Value::Number(n)) => n
            .as_f64()
            .map_or(Shown::Empty, |n| Shown::Number(shares::cell_value(i, n))),
        // registry.other_unit compares unit ids: show the units' names.
        Some(Value::String(s))
            if i.rule == Rule::RegistryOtherUnit && cx.o.pipeline.unit(s).is_some() =>
        {
            Shown::Text(cx.unit_name(Some(s)))
        }
        Some(Value::String(s)) => Shown::Text(report_text(s)),
        Some(other) => Shown::Text(report_text(&other.to_string())),
    }
}

/// Shares are shown as per cents ([`shares`]).
fn is_fraction_field(i: &Issue) -> bool {
    shares::is_share(i)
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Writes one row's value cell by its kind.
fn write_value(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: &Shown,
    i: &Issue,
    f: &RowFormats,
) -> Result<(), XlsxError> {
    match v {
        Shown::Empty => {
            ws.write_blank(r, c, &f.text)?;
        }
        Shown::Text(s) => {
            ws.write_string_with_format(r, c, s, &f.wrap)?;
        }
        Shown::Number(n) => {
            let fmt = if is_fraction_field(i) {
                &f.pct
            } else if n.fract() == 0.0 {
                &f.int
            } else {
                &f.dec
            };
            ws.write_number_with_format(r, c, *n, fmt)?;
        }
    }
    Ok(())
}

/// The text of the link cell and where it leads.
fn link_for(i: &Issue, cx: &Context) -> (String, Option<String>) {
    let lang = cx.lang();
    let a1 = i.place.a1();
    let text = match (&a1, &i.place.sheet, &i.place.file) {
        (Some(a1), _, _) => a1.clone(),
        (None, Some(_), Some(_)) => texts::open_sheet(lang).to_string(),
        (None, None, Some(_)) => texts::open_file(lang).to_string(),
        _ => String::new(),
    };
    let url = i.place.file.as_deref().and_then(|f| {
        source_url(
            &cx.o.input,
            f,
            i.place.sheet.as_deref(),
            a1.as_deref(),
            cx.book_dir,
        )
    });
    (text, url)
}

/// Font size of the table's cells.
const FONT: f64 = 10.0;

/// The texts of one issue row, worked out before anything is written so the
/// columns can be fitted and the rows given their heights.
struct RowText<'i> {
    number: usize,
    issue: &'i Issue,
    texts: Vec<(u16, String)>,
    link: (String, Option<String>),
    expected: Shown,
    actual: Shown,
}

fn row_text<'i>(number: usize, i: &'i Issue, cx: &Context) -> RowText<'i> {
    let lang = cx.lang();
    let texts = vec![
        (
            at("severity"),
            capitalised(severity_label(i.severity, lang)),
        ),
        (at("unit"), cx.unit_name(i.unit.as_deref())),
        (
            at("file"),
            report_text(i.place.file.as_deref().unwrap_or("")),
        ),
        (
            at("sheet"),
            report_text(i.place.sheet.as_deref().unwrap_or("")),
        ),
        (at("check"), rule_title(i.rule, lang).to_string()),
        (at("description"), report_text(&i.message)),
        (at("org"), report_text(&cx.org_text(i))),
        (
            at("field"),
            i.field
                .as_deref()
                .map(|x| capitalised(field_label(x, lang)))
                .unwrap_or_default(),
        ),
    ];
    RowText {
        number,
        issue: i,
        texts,
        link: link_for(i, cx),
        expected: shown(&i.expected, i, cx),
        actual: shown(&i.actual, i, cx),
    }
}

/// Column widths fitted to the head (by its longest word) and the longest
/// value, within each column's bounds.
fn fit_widths(rows: &[RowText], lang: Lang) -> Vec<f64> {
    let mut widths: Vec<f64> = COLUMNS
        .iter()
        .map(|c| word_chars(c.head(lang)) + 2.0)
        .collect();
    let mut widen = |c: u16, s: &str| {
        let w = line_chars(s) * FONT / 11.0 * 1.05 + 2.5;
        if w > widths[c as usize] {
            widths[c as usize] = w;
        }
    };
    for row in rows {
        for (c, s) in &row.texts {
            widen(*c, s);
        }
        widen(at("cell"), &row.link.0);
        for (c, v) in [(at("expected"), &row.expected), (at("actual"), &row.actual)] {
            match v {
                Shown::Text(s) => widen(c, s),
                Shown::Number(n) => widen(c, &format!("{n:.2}")),
                Shown::Empty => {}
            }
        }
    }
    widen(at("status"), Status::New.label(lang));
    // A head's longest word is never broken, whatever the bounds.
    COLUMNS
        .iter()
        .zip(widths)
        .map(|(c, w)| {
            w.clamp(c.min, c.max)
                .max(word_chars(c.head(lang)) * 1.1 + 2.0)
        })
        .collect()
}

/// Writes an issue sheet: `rows` are (number in the list of all issues,
/// issue). `what` names the sheet in the printed page header.
pub(crate) fn write_issue_sheet(
    wb: &mut Workbook,
    name: &str,
    what: &str,
    rows: &[(usize, &Issue)],
    cx: &Context,
) -> Result<(), XlsxError> {
    let lang = cx.lang();
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let rows: Vec<RowText> = rows
        .iter()
        .take(MAX_ROWS)
        .map(|(n, i)| row_text(*n, i, cx))
        .collect();
    let widths = fit_widths(&rows, lang);
    write_head(ws, &widths, lang)?;
    let mut links = 0usize;
    for (k, row) in rows.iter().enumerate() {
        let r = k as u32 + 1;
        let mut lines = write_issue(ws, r, row, &widths, cx, &mut links)?;
        lines = lines.max(write_follow_up(ws, r, row.issue, &widths, cx)?);
        write_keys(ws, r, row.issue)?;
        write_match(ws, r, row.issue, cx)?;
        ws.set_row_height(r, font_height(lines.min(400), FONT))?;
    }
    let last = rows.len() as u32;
    if last > 0 {
        add_validations(ws, last, lang)?;
    }
    for (c, column) in COLUMNS.iter().enumerate() {
        ws.set_column_width(c as u16, widths[c])?;
        if column.is_hidden() {
            ws.set_column_hidden(c as u16)?;
        }
    }
    // Printed: the columns before the hidden keys (the match column after
    // them is the specialist's pick, not for paper).
    let last_printed = COLUMNS.iter().position(|c| c.is_hidden()).unwrap_or(1) as u16 - 1;
    // The filter covers every column, the hidden keys included: sorting by
    // its buttons (Excel or LibreOffice) moves a row's status, comment and
    // keys together, so a later run finds each status on its own issue.
    ws.autofilter(0, 0, last, COLUMNS.len() as u16 - 1)?;
    // The hidden keys are for machines: never on paper, whatever the viewer.
    ws.set_print_area(0, 0, last, last_printed)?;
    ws.set_freeze_panes(1, 0)?;
    style::print_setup(ws, lang, cx.o.period, what, Some(0))?;
    Ok(())
}

/// The head row, as tall as its longest head wraps.
fn write_head(ws: &mut Worksheet, widths: &[f64], lang: Lang) -> Result<(), XlsxError> {
    let head = style::head().set_font_size(FONT);
    let follow_head = style::follow_up_head().set_font_size(FONT);
    let key_head = style::key_head();
    let mut head_lines = 1;
    for (c, column) in COLUMNS.iter().enumerate() {
        let f = match column.kind {
            Kind::Issue => &head,
            Kind::FollowUp => &follow_head,
            Kind::Key => &key_head,
        };
        ws.write_string_with_format(0, c as u16, column.head(lang), f)?;
        if !column.is_hidden() {
            // Bold runs wider: count it as a larger font.
            head_lines = head_lines.max(wrapped_chars(column.head(lang), widths[c], FONT * 1.1));
        }
    }
    ws.set_row_height(0, font_height(head_lines, FONT))?;
    Ok(())
}

/// The cells of row `r` that come from the issue; returns the lines its
/// tallest text takes. `links` counts the links of the sheet so far.
fn write_issue(
    ws: &mut Worksheet,
    r: u32,
    row: &RowText,
    widths: &[f64],
    cx: &Context,
    links: &mut usize,
) -> Result<usize, XlsxError> {
    let i = row.issue;
    let f = cx.formats(i.severity);
    let mut lines = 1;
    ws.write_number_with_format(r, at("number"), row.number as f64, &f.center)?;
    for (c, s) in &row.texts {
        let fmt = if *c == at("severity") {
            &f.mark
        } else {
            &f.wrap
        };
        ws.write_string_with_format(r, *c, s, fmt)?;
        lines = lines.max(wrapped_chars(s, widths[*c as usize], FONT));
    }
    write_link(ws, r, row, cx, links)?;
    for (c, v) in [(at("expected"), &row.expected), (at("actual"), &row.actual)] {
        write_value(ws, r, c, v, i, f)?;
        if let Shown::Text(s) = v {
            lines = lines.max(wrapped_chars(s, widths[c as usize], FONT));
        }
    }
    match (&row.expected, &row.actual) {
        (Shown::Number(e), Shown::Number(a)) => {
            let (d, fmt) = if is_fraction_field(i) {
                (shares::points(*e, *a), &f.diff_pts)
            } else {
                let d = round6(a - e);
                (d, diff_format(d, f))
            };
            ws.write_number_with_format(r, at("difference"), d, fmt)?;
        }
        _ => {
            ws.write_blank(r, at("difference"), &f.text)?;
        }
    }
    Ok(lines)
}

/// A difference of counts or amounts: whole or with decimals.
fn diff_format(d: f64, f: &RowFormats) -> &rust_xlsxwriter::Format {
    if d.fract() == 0.0 {
        &f.diff_int
    } else {
        &f.diff_dec
    }
}

/// The cell column: a link to the source cell while the sheet may hold
/// more links, else the text alone.
fn write_link(
    ws: &mut Worksheet,
    r: u32,
    row: &RowText,
    cx: &Context,
    links: &mut usize,
) -> Result<(), XlsxError> {
    let f = cx.formats(row.issue.severity);
    let (text, url) = &row.link;
    match url {
        Some(url) if *links < MAX_LINKS_PER_SHEET => {
            *links += 1;
            let tip: String = format!(
                "{}: {}",
                texts::open_tip(cx.lang()),
                row.issue.place.file.as_deref().unwrap_or("")
            )
            .chars()
            .take(250)
            .collect();
            ws.write_url_with_format(
                r,
                at("cell"),
                Url::new(url).set_text(text).set_tip(tip),
                &f.link,
            )?;
        }
        _ => {
            ws.write_string_with_format(r, at("cell"), text, &f.center)?;
        }
    }
    Ok(())
}

/// The columns the specialist fills, with last month's follow-up of the
/// same issue carried over; returns the lines its tallest text takes.
fn write_follow_up(
    ws: &mut Worksheet,
    r: u32,
    i: &Issue,
    widths: &[f64],
    cx: &Context,
) -> Result<usize, XlsxError> {
    let lang = cx.lang();
    let f = &cx.follow_up;
    let carried = i.followup.as_ref();
    let status = carried.map_or(Status::New.label(lang), |f| f.status.label(lang));
    match carried
        .map(|f| report_text(&f.responsible))
        .filter(|s| !s.is_empty())
    {
        Some(who) => ws.write_string_with_format(r, at("responsible"), who, &f.text)?,
        None => ws.write_blank(r, at("responsible"), &f.text)?,
    };
    match carried.and_then(|f| f.due) {
        Some(serial) => ws.write_number_with_format(r, at("due"), serial, &f.date)?,
        None => ws.write_blank(r, at("due"), &f.date)?,
    };
    ws.write_string_with_format(r, at("status"), status, &f.text)?;
    let mut lines = wrapped_chars(status, widths[at("status") as usize], FONT);
    match carried
        .map(|f| report_text(&f.comment))
        .filter(|s| !s.is_empty())
    {
        Some(c) => {
            lines = lines.max(wrapped_chars(&c, widths[at("comment") as usize], FONT));
            ws.write_string_with_format(r, at("comment"), c, &f.text)?
        }
        None => ws.write_blank(r, at("comment"), &f.text)?,
    };
    Ok(lines)
}

/// The hidden machine keys by which a later run recognises the issue.
fn write_keys(ws: &mut Worksheet, r: u32, i: &Issue) -> Result<(), XlsxError> {
    let key = |v: Option<&str>| v.map(report_text).unwrap_or_default();
    ws.write_string(r, at("rule_id"), i.rule.id())?;
    ws.write_string(r, at("unit_id"), key(i.unit.as_deref()))?;
    ws.write_string(r, at("org_key"), key(i.org.as_deref()))?;
    ws.write_string(r, at("field_id"), key(i.field.as_deref()))?;
    ws.write_string(r, at("severity_id"), i.severity.as_str())?;
    Ok(())
}

/// An unknown organisation's match: a dropdown of its suggestions (kept on
/// the hidden suggestion sheet); the next run reads the pick back.
fn write_match(ws: &mut Worksheet, r: u32, i: &Issue, cx: &Context) -> Result<(), XlsxError> {
    let Some(&(first, last)) = cx.suggested.get(&(i as *const Issue as usize)) else {
        return Ok(());
    };
    ws.write_blank(r, at("match"), &cx.follow_up.text)?;
    let (title, message) = texts::pick_match(cx.lang());
    let list = Formula::new(format!("={SUGGESTION_SHEET}!$A${first}:$A${last}"));
    let pick = DataValidation::new()
        .allow_list_formula(list)
        .set_input_title(title)?
        .set_input_message(message)?
        .set_error_title(title)?
        .set_error_message(message)?;
    ws.add_data_validation(r, at("match"), r, at("match"), &pick)?;
    Ok(())
}

/// The hidden sheet of the suggestions the match dropdowns offer (none
/// when no organisation is unknown).
pub(crate) fn write_suggestion_sheet(wb: &mut Workbook, cx: &Context) -> Result<(), XlsxError> {
    if cx.suggestions.is_empty() {
        return Ok(());
    }
    let ws = wb.add_worksheet();
    ws.set_name(SUGGESTION_SHEET)?;
    for (k, s) in cx.suggestions.iter().enumerate() {
        ws.write_string(k as u32, 0, report_text(s))?;
    }
    ws.set_hidden(true);
    Ok(())
}

/// The status from its dropdown and the due date a date, over rows
/// `1..=last`.
fn add_validations(ws: &mut Worksheet, last: u32, lang: Lang) -> Result<(), XlsxError> {
    let (title, message) = texts::pick_from_list(lang);
    let status = DataValidation::new()
        .allow_list_strings(&status_labels(lang))?
        .set_error_title(title)?
        .set_error_message(message)?;
    ws.add_data_validation(1, at("status"), last, at("status"), &status)?;
    let (title, message) = texts::date_wanted(lang);
    let due = DataValidation::new()
        .allow_date(DataValidationRule::GreaterThanOrEqualTo(
            ExcelDateTime::from_ymd(2000, 1, 1)?,
        ))
        .set_error_title(title)?
        .set_error_message(message)?;
    ws.add_data_validation(1, at("due"), last, at("due"), &due)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_heading_is_complete() {
        crate::lang::assert_complete(Heading::ALL, Heading::get);
    }
}
