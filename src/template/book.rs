//! Lays a [`Form`] out as a workbook: the coverage table, the events, the
//! financing and the instructions, each sheet protected (no password) with
//! only the input cells open, every count cell validated, formulas stored
//! with their computed results so readers that do not recalculate see the
//! right values.
//!
//! Input cells are named ranges (`members`, `trained_audit`, `event_date`,
//! `finance_budget`, ...): the field ids of `summary-<period>.json` with `_`
//! for `.`, so any tool can find where each figure goes.

use super::texts::{help, labels, HelpFacts, HelpLine, Labels};
use super::{EventLine, Form};
use crate::issue::{a1, column_letters};
use crate::lang::Lang;
use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, DataValidation, DataValidationErrorStyle, DataValidationRule,
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, ProtectionOptions,
    Url, Workbook, Worksheet, XlsxError,
};

/// Rows of the events table beyond the events already listed.
pub const FREE_EVENT_ROWS: usize = 40;

/// Where a sheet's table starts: title rows above, two header rows.
const HEADER_ROW: u32 = 6;
const FIRST_ROW: u32 = HEADER_ROW + 2;

// Coverage columns.
const C_NUM: u16 = 0;
const C_ORG: u16 = 1;
const C_BIN: u16 = 2;
const C_MEMBERS: u16 = 3;
const C_TOTAL: u16 = 4;
const C_CAT: u16 = 5;
const C_SHARE: u16 = 10;
const C_NOTE: u16 = 11;

// Events columns.
const E_NUM: u16 = 0;
const E_DATE: u16 = 1;
const E_FORM: u16 = 2;
const E_TOPIC: u16 = 3;
const E_AREA: u16 = 4;
const E_VENUE: u16 = 5;
const E_PART: u16 = 6;
const E_RESP: u16 = 7;
const E_USE: u16 = 8;
const E_APPLY: u16 = 9;

// Financing rows and columns.
const F_FIRST: u32 = HEADER_ROW + 1;
const F_LABEL: u16 = 1;
const F_VALUE: u16 = 2;

const NAME_WIDTH: f64 = 46.0;

const INPUT_FILL: u32 = 0xFFF2CC;
const COMPUTED_FILL: u32 = 0xEDEDED;
const HEADER_FILL: u32 = 0xDDEBF7;
const ALERT_FILL: u32 = 0xFFC7CE;
const ALERT_FONT: u32 = 0x9C0006;

struct Styles {
    unit: Format,
    title: Format,
    plain: Format,
    hint: Format,
    link: Format,
    header: Format,
    number: Format,
    name: Format,
    bin: Format,
    input_count: Format,
    input_text: Format,
    input_date: Format,
    input_decimal: Format,
    input_amount: Format,
    computed_count: Format,
    computed_share: Format,
    computed_percent: Format,
    total_label: Format,
    total_count: Format,
    total_share: Format,
    total_blank: Format,
    label: Format,
    alert: Format,
    section: Format,
    wrap: Format,
    letter: Format,
}

impl Styles {
    fn new() -> Styles {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let input = cell
            .clone()
            .set_unlocked()
            .set_background_color(Color::RGB(INPUT_FILL));
        let computed = cell.clone().set_background_color(Color::RGB(COMPUTED_FILL));
        let total = computed.clone().set_bold();
        Styles {
            unit: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            title: Format::new().set_bold().set_align(FormatAlign::Center),
            plain: Format::new().set_align(FormatAlign::Center),
            hint: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x44546A)),
            link: Format::new()
                .set_underline(rust_xlsxwriter::FormatUnderline::Single)
                .set_font_color(Color::RGB(0x0563C1)),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEADER_FILL)),
            number: cell.clone().set_align(FormatAlign::Center),
            name: cell.clone().set_text_wrap(),
            bin: cell
                .clone()
                .set_num_format("@")
                .set_align(FormatAlign::Center),
            input_count: input.clone().set_num_format("#,##0"),
            input_text: input.clone().set_text_wrap(),
            input_date: input
                .clone()
                .set_num_format("dd.mm.yyyy")
                .set_align(FormatAlign::Center),
            input_decimal: input.clone().set_num_format("0.0"),
            input_amount: input.set_num_format("#,##0"),
            computed_count: computed.clone().set_num_format("#,##0"),
            computed_share: computed.clone().set_num_format("0.0"),
            computed_percent: computed.set_num_format("0.0%"),
            total_label: total.clone(),
            total_count: total.clone().set_num_format("#,##0"),
            total_share: total.clone().set_num_format("0.0"),
            total_blank: total,
            label: cell.clone().set_text_wrap(),
            alert: Format::new()
                .set_background_color(Color::RGB(ALERT_FILL))
                .set_font_color(Color::RGB(ALERT_FONT)),
            section: Format::new().set_bold().set_font_size(12),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            letter: Format::new()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::Top),
        }
    }
}

/// Excel's ROUND(x, 1): half away from zero.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The cached result of `=IF(members>0,ROUND(total/members*100,1),0)`.
fn share_percent(total: f64, members: Option<f64>) -> f64 {
    match members {
        Some(m) if m > 0.0 => round1(total / m * 100.0),
        _ => 0.0,
    }
}

fn result(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn formula(text: String, value: f64) -> Formula {
    Formula::new(text).set_result(result(value))
}

/// `'Sheet'!$A$1:$A$9`
fn abs_range(sheet: &str, r1: u32, c1: u16, r2: u32, c2: u16) -> String {
    let abs = |r: u32, c: u16| format!("${}${}", column_letters(c as u32), r + 1);
    format!(
        "'{}'!{}:{}",
        sheet.replace('\'', "''"),
        abs(r1, c1),
        abs(r2, c2)
    )
}

fn cell(r: u32, c: u16) -> String {
    a1(r, c as u32)
}

fn validation(
    dv: DataValidation,
    (title, message): (&str, &str),
    error_title: &str,
) -> Result<DataValidation, XlsxError> {
    dv.set_input_title(title)?
        .set_input_message(message)?
        .set_error_title(error_title)?
        .set_error_message(message)
        .map(|dv| dv.set_error_style(DataValidationErrorStyle::Stop))
}

fn protect(ws: &mut Worksheet) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    };
    ws.protect_with_options(&options);
}

fn print_setup(ws: &mut Worksheet, repeat: Option<(u32, u32)>) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    if let Some((a, b)) = repeat {
        ws.set_repeat_rows(a, b)?;
    }
    Ok(())
}

/// Title rows shared by the three table sheets: unit, sheet title, period,
/// "since the start of the year", a hint, and a link to the instructions.
fn title_rows(
    ws: &mut Worksheet,
    form: &Form,
    l: &Labels,
    title: &str,
    hint: &str,
    last_col: u16,
    s: &Styles,
) -> Result<(), XlsxError> {
    ws.merge_range(0, 0, 0, last_col, &form.unit_name, &s.unit)?;
    ws.merge_range(1, 0, 1, last_col, title, &s.title)?;
    ws.merge_range(
        2,
        0,
        2,
        last_col,
        &super::texts::period_title(form.period, form.lang),
        &s.title,
    )?;
    ws.merge_range(3, 0, 3, last_col, l.year_to_date, &s.plain)?;
    ws.write_string_with_format(4, 0, hint, &s.hint)?;
    let link = Url::new(format!("internal:'{}'!A1", l.sheet_help)).set_text(l.see_help);
    ws.write_url_with_format(5, 0, link, &s.link)?;
    Ok(())
}

/// Writes the form; the bytes depend on the form alone.
pub fn write(form: &Form) -> Result<Vec<u8>, XlsxError> {
    let l = labels(form.lang);
    let s = Styles::new();
    let mut wb = crate::workbook::new_workbook();
    let (y, m, d) = form.period.as_of();
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "{}: {}, {}",
                form.unit_name,
                l.title_coverage,
                super::texts::period_title(form.period, form.lang)
            ))
            .set_creation_datetime(&ExcelDateTime::from_ymd(y as u16, m as u8, d as u8)?),
    );

    // A list longer than Excel's 255 characters (or holding a comma) cannot
    // be written into the validation itself: it goes on a hidden sheet.
    let fits = |v: &[String]| {
        v.iter()
            .map(|t| t.encode_utf16().count() + 1)
            .sum::<usize>()
            <= 256
            && v.iter().all(|t| !t.contains(','))
    };
    let lists_on_sheet = !(fits(&form.forms) && fits(&form.areas));

    let cov_total_row = coverage_sheet(wb.add_worksheet(), form, l, &s)?;
    events_sheet(
        wb.add_worksheet(),
        form,
        l,
        &s,
        cov_total_row,
        lists_on_sheet,
    )?;
    finance_sheet(wb.add_worksheet(), form, l, &s)?;
    help_sheet(wb.add_worksheet(), form, l, &s)?;
    if lists_on_sheet {
        let ws = wb.add_worksheet();
        ws.set_name(l.sheet_lists)?;
        for (i, t) in form.forms.iter().enumerate() {
            ws.write_string(i as u32, 0, t)?;
        }
        for (i, t) in form.areas.iter().enumerate() {
            ws.write_string(i as u32, 1, t)?;
        }
        ws.set_column_width(0, 40)?;
        ws.set_column_width(1, 50)?;
        ws.set_hidden(true);
        protect(ws);
    }
    define_names(&mut wb, form, l)?;
    wb.save_to_buffer()
}

fn event_rows(form: &Form) -> usize {
    form.events.len() + FREE_EVENT_ROWS
}

fn define_names(wb: &mut Workbook, form: &Form, l: &Labels) -> Result<(), XlsxError> {
    let last = FIRST_ROW + form.orgs.len() as u32 - 1;
    let cov = |c: u16| abs_range(l.sheet_coverage, FIRST_ROW, c, last, c);
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
    let ev_last = FIRST_ROW + event_rows(form) as u32 - 1;
    for (name, c) in [
        ("event_date", E_DATE),
        ("event_form", E_FORM),
        ("event_topic", E_TOPIC),
        ("event_topic_area", E_AREA),
        ("event_venue", E_VENUE),
        ("event_participants", E_PART),
        ("event_respondents", E_RESP),
        ("event_usefulness", E_USE),
        ("event_will_apply", E_APPLY),
    ] {
        names.push((
            name.into(),
            abs_range(l.sheet_events, FIRST_ROW, c, ev_last, c),
        ));
    }
    for (name, r) in [
        ("finance_budget", F_FIRST),
        ("finance_training", F_FIRST + 1),
        ("finance_share", F_FIRST + 2),
    ] {
        names.push((
            name.into(),
            abs_range(l.sheet_finance, r, F_VALUE, r, F_VALUE),
        ));
    }
    for (name, range) in names {
        wb.define_name(name, &format!("={range}"))?;
    }
    Ok(())
}

/// Sheet 1; returns the 0-based row of its total row.
fn coverage_sheet(
    ws: &mut Worksheet,
    form: &Form,
    l: &Labels,
    s: &Styles,
) -> Result<u32, XlsxError> {
    ws.set_name(l.sheet_coverage)?;
    title_rows(ws, form, l, l.title_coverage, l.hint_coverage, C_NOTE, s)?;
    for (c, w) in [
        (C_NUM, 6.0),
        (C_ORG, NAME_WIDTH),
        (C_BIN, 15.0),
        (C_MEMBERS, 13.0),
        (C_TOTAL, 13.0),
        (C_SHARE, 17.0),
        (C_NOTE, 22.0),
    ] {
        ws.set_column_width(c, w)?;
    }
    for k in 0..5 {
        ws.set_column_width(C_CAT + k, 15.0)?;
    }

    // Two header rows; the categories under one merged group label.
    let (h1, h2) = (HEADER_ROW, HEADER_ROW + 1);
    for (c, text) in [
        (C_NUM, l.h_number),
        (C_ORG, l.h_org),
        (C_BIN, l.h_bin),
        (C_MEMBERS, l.h_members),
        (C_TOTAL, l.h_total),
        (C_SHARE, l.h_share),
        (C_NOTE, l.h_note),
    ] {
        ws.merge_range(h1, c, h2, c, text, &s.header)?;
    }
    ws.merge_range(h1, C_CAT, h1, C_CAT + 4, l.h_group, &s.header)?;
    for (k, text) in l.h_categories.iter().enumerate() {
        ws.write_string_with_format(h2, C_CAT + k as u16, *text, &s.header)?;
    }
    ws.set_row_height(h1, 36)?;
    ws.set_row_height(h2, 66)?;

    let n = form.orgs.len() as u32;
    let last = FIRST_ROW + n.max(1) - 1;
    for (i, o) in form.orgs.iter().enumerate() {
        let r = FIRST_ROW + i as u32;
        ws.write_number_with_format(r, C_NUM, (i + 1) as f64, &s.number)?;
        ws.write_string_with_format(r, C_ORG, &o.name, &s.name)?;
        // Long names wrap; neither Excel nor LibreOffice grows a row
        // whose height the file leaves open when it is printed.
        ws.set_row_height(r, 15 * lines_in(&o.name, NAME_WIDTH) + 3)?;
        ws.write_string_with_format(r, C_BIN, &o.bin, &s.bin)?;
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
            formula(
                format!(
                    "=IF({m}>0,ROUND({t}/{m}*100,1),0)",
                    m = cell(r, C_MEMBERS),
                    t = cell(r, C_TOTAL)
                ),
                share_percent(total, o.members),
            ),
            &s.computed_share,
        )?;
        ws.write_blank(r, C_NOTE, &s.input_text)?;
    }

    // The total row: sums of the rows above, computed.
    let t = FIRST_ROW + n;
    ws.write_blank(t, C_NUM, &s.total_blank)?;
    ws.write_string_with_format(t, C_ORG, l.total_label, &s.total_label)?;
    ws.write_blank(t, C_BIN, &s.total_blank)?;
    let sum_of = |f: &dyn Fn(&super::OrgLine) -> f64| form.orgs.iter().map(f).sum::<f64>();
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
            format!(
                "=IF({m}>0,ROUND({t}/{m}*100,1),0)",
                m = cell(t, C_MEMBERS),
                t = cell(t, C_TOTAL)
            ),
            share_percent(total_sum, Some(members_sum)),
        ),
        &s.total_share,
    )?;
    ws.write_blank(t, C_NOTE, &s.total_blank)?;
    ws.write_string(t + 2, C_ORG, l.signature_chair)?;
    ws.write_string(t + 3, C_ORG, l.signature_filled)?;

    if n > 0 {
        let count = validation(
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
            l.v_count,
            l.v_count.0,
        )?;
        ws.add_data_validation(FIRST_ROW, C_MEMBERS, last, C_MEMBERS, &count)?;
        ws.add_data_validation(FIRST_ROW, C_CAT, last, C_CAT + 4, &count)?;
        // More trained than members turns the trained total red.
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
                .set_format(&s.alert),
        )?;
    }
    ws.set_freeze_panes(FIRST_ROW, C_BIN)?;
    print_setup(ws, Some((HEADER_ROW, HEADER_ROW + 1)))?;
    ws.set_selection(FIRST_ROW, C_MEMBERS, FIRST_ROW, C_MEMBERS)?;
    protect(ws);
    Ok(t)
}

fn write_event(
    ws: &mut Worksheet,
    r: u32,
    e: Option<&EventLine>,
    s: &Styles,
) -> Result<(), XlsxError> {
    let text = |ws: &mut Worksheet, c: u16, v: Option<&str>| -> Result<(), XlsxError> {
        match v.filter(|v| !v.is_empty()) {
            Some(v) => ws.write_string_with_format(r, c, v, &s.input_text)?,
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

fn events_sheet(
    ws: &mut Worksheet,
    form: &Form,
    l: &Labels,
    s: &Styles,
    cov_total_row: u32,
    lists_on_sheet: bool,
) -> Result<(), XlsxError> {
    ws.set_name(l.sheet_events)?;
    title_rows(ws, form, l, l.title_events, l.hint_events, E_APPLY, s)?;
    for (c, w) in [
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
    ] {
        ws.set_column_width(c, w)?;
    }
    let (h1, h2) = (HEADER_ROW, HEADER_ROW + 1);
    for (c, text) in [
        (E_NUM, l.h_number),
        (E_DATE, l.e_date),
        (E_FORM, l.e_form),
        (E_TOPIC, l.e_topic),
        (E_AREA, l.e_area),
        (E_VENUE, l.e_venue),
        (E_PART, l.e_participants),
    ] {
        ws.merge_range(h1, c, h2, c, text, &s.header)?;
    }
    ws.merge_range(h1, E_RESP, h1, E_APPLY, l.e_survey, &s.header)?;
    for (c, text) in [
        (E_RESP, l.e_respondents),
        (E_USE, l.e_usefulness),
        (E_APPLY, l.e_will_apply),
    ] {
        ws.write_string_with_format(h2, c, text, &s.header)?;
    }
    ws.set_row_height(h1, 30)?;
    ws.set_row_height(h2, 36)?;

    let rows = event_rows(form) as u32;
    let last = FIRST_ROW + rows - 1;
    for i in 0..rows {
        let r = FIRST_ROW + i;
        ws.write_number_with_format(r, E_NUM, (i + 1) as f64, &s.number)?;
        write_event(ws, r, form.events.get(i as usize), s)?;
    }

    // Total, the trained total of sheet 1, and the difference.
    let t = last + 1;
    let sum =
        |f: &dyn Fn(&EventLine) -> Option<f64>| -> f64 { form.events.iter().filter_map(f).sum() };
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
                l.sheet_coverage.replace('\'', "''"),
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

    // Validation: dates within the period, forms and areas from the list.
    let p = form.period;
    let end = crate::tables::events::end_of_period(p);
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
            DataValidation::new().allow_list_formula(Formula::new(format!(
                "={}",
                abs_range(
                    l.sheet_lists,
                    0,
                    col_on_sheet,
                    items.len().max(1) as u32 - 1,
                    col_on_sheet
                )
            )))
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

    ws.set_freeze_panes(FIRST_ROW, E_DATE)?;
    print_setup(ws, Some((HEADER_ROW, HEADER_ROW + 1)))?;
    let first_free = FIRST_ROW + form.events.len() as u32;
    ws.set_selection(first_free, E_DATE, first_free, E_DATE)?;
    protect(ws);
    Ok(())
}

fn finance_sheet(ws: &mut Worksheet, form: &Form, l: &Labels, s: &Styles) -> Result<(), XlsxError> {
    ws.set_name(l.sheet_finance)?;
    title_rows(ws, form, l, l.title_finance, l.hint_finance, F_VALUE, s)?;
    ws.set_column_width(0, 6)?;
    ws.set_column_width(F_LABEL, 46)?;
    ws.set_column_width(F_VALUE, 20)?;
    ws.write_string_with_format(HEADER_ROW, 0, l.h_number, &s.header)?;
    ws.write_string_with_format(HEADER_ROW, F_LABEL, l.f_indicator, &s.header)?;
    ws.write_string_with_format(HEADER_ROW, F_VALUE, l.f_amount, &s.header)?;
    let (budget, training, share) = (F_FIRST, F_FIRST + 1, F_FIRST + 2);
    for (i, (r, label)) in [
        (budget, l.f_budget),
        (training, l.f_training),
        (share, l.f_share),
    ]
    .into_iter()
    .enumerate()
    {
        ws.write_number_with_format(r, 0, (i + 1) as f64, &s.number)?;
        ws.write_string_with_format(r, F_LABEL, label, &s.label)?;
    }
    // Financing is often not reported monthly: left empty, it is no figure.
    ws.write_blank(budget, F_VALUE, &s.input_amount)?;
    ws.write_blank(training, F_VALUE, &s.input_amount)?;
    ws.write_formula_with_format(
        share,
        F_VALUE,
        formula(
            format!(
                "=IF({b}>0,{t}/{b},0)",
                b = cell(budget, F_VALUE),
                t = cell(training, F_VALUE)
            ),
            0.0,
        ),
        &s.computed_percent,
    )?;
    let norm = format!("{}", (form.norm * 1000.0).round() / 10.0).replace('.', ",");
    let note = match form.lang {
        Lang::Ru => format!("Норма: на обучение — не меньше {norm} % расходной части сметы."),
        _ => format!("Норма: оқытуға смета шығыстарының кемінде {norm} %."),
    };
    ws.write_string_with_format(share + 2, F_LABEL, &note, &s.hint)?;
    let amount = validation(
        DataValidation::new().allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
        l.v_amount,
        l.v_amount.0,
    )?;
    ws.add_data_validation(budget, F_VALUE, training, F_VALUE, &amount)?;
    // Below the norm turns the share red.
    ws.add_conditional_format(
        share,
        F_VALUE,
        share,
        F_VALUE,
        &ConditionalFormatFormula::new()
            .set_rule(
                format!(
                    "=AND({b}>0,{s}<{n})",
                    b = cell(budget, F_VALUE),
                    s = cell(share, F_VALUE),
                    n = form.norm
                )
                .as_str(),
            )
            .set_format(&s.alert),
    )?;
    print_setup(ws, None)?;
    ws.set_selection(budget, F_VALUE, budget, F_VALUE)?;
    protect(ws);
    Ok(())
}

/// Approximate lines a text takes in a column of `width` characters.
fn lines_in(text: &str, width: f64) -> u32 {
    let chars = text.chars().count() as f64;
    ((chars / (width * 0.95)).ceil() as u32).max(1)
}

fn help_sheet(ws: &mut Worksheet, form: &Form, l: &Labels, s: &Styles) -> Result<(), XlsxError> {
    ws.set_name(l.sheet_help)?;
    let (w_a, w_b, w_c) = (7.0, 40.0, 90.0);
    ws.set_column_width(0, w_a)?;
    ws.set_column_width(1, w_b)?;
    ws.set_column_width(2, w_c)?;
    let letters = |cols: &[u16]| -> Vec<String> {
        cols.iter()
            .map(|&c| column_letters(c as u32))
            .collect::<Vec<_>>()
    };
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
    let facts = HelpFacts {
        unit: &form.unit_name,
        period: form.period,
        file_name: &form.file_name,
        due: super::texts::due_text(dy, dm, dd, form.lang),
        prefilled_from: form.prefilled_from,
        forms: &form.forms,
        areas: &form.areas,
        norm_percent: format!("{} %", (form.norm * 1000.0).round() / 10.0).replace('.', ","),
        cov_cols: cov.try_into().expect("nine coverage columns"),
        ev_cols: ev.try_into().expect("nine event columns"),
    };
    let h = help(form.lang, &facts);
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
                ws.set_row_height(r, 15 * lines_in(t, w_a + w_b + w_c) + 3)?;
            }
            HelpLine::Column { col, header, text } => {
                ws.write_string_with_format(r, 0, col, &s.letter)?;
                ws.write_string_with_format(r, 1, header, &s.wrap)?;
                ws.write_string_with_format(r, 2, text, &s.wrap)?;
                let lines = lines_in(header, w_b).max(lines_in(text, w_c));
                ws.set_row_height(r, 15 * lines + 3)?;
            }
        }
        r += 1;
    }
    print_setup(ws, None)?;
    protect(ws);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_results_follow_excel() {
        assert_eq!(share_percent(5673.0, Some(33468.0)), 17.0);
        assert_eq!(share_percent(1.0, Some(8.0)), 12.5);
        assert_eq!(share_percent(3.0, Some(0.0)), 0.0);
        assert_eq!(share_percent(3.0, None), 0.0);
        assert_eq!(result(12.0), "12");
        assert_eq!(result(12.5), "12.5");
        assert_eq!(abs_range("Оқыту", 8, 3, 13, 3), "'Оқыту'!$D$9:$D$14");
    }
}
