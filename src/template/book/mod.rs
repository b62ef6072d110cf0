//! Lays a [`Form`] out as a workbook: the coverage table ([`coverage`]),
//! the events ([`events`]), the financing ([`finance`]) and the
//! instructions ([`help`]), each sheet protected (no password) with only the
//! input cells open, every count cell validated, formulas stored with their
//! computed results so readers that do not recalculate see the right values.
//!
//! Input cells are named ranges (`members`, `trained_audit`, `event_date`,
//! `finance_budget`, ...): the field ids of `summary-<period>.json` with `_`
//! for `.`, so any tool can find where each figure goes.

mod coverage;
mod events;
mod finance;
mod help;

use super::texts::{labels, Labels};
use super::Form;
use crate::issue::{a1, column_letters};
use crate::lang::Lang;
use crate::workbook::formats::{self, code, colour};
use crate::workbook::print::Print;
use crate::workbook::{dated, new_workbook, sheet_name};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, Format, FormatAlign, Formula,
    ProtectionOptions, Url, Workbook, Worksheet, XlsxError,
};

/// Where a sheet's table starts: title rows above, two header rows.
const HEADER_ROW: u32 = 6;
const FIRST_ROW: u32 = HEADER_ROW + 2;

const INPUT_FILL: u32 = 0xFFF2CC;
const COMPUTED_FILL: u32 = 0xEDEDED;
const ALERT_FILL: u32 = 0xFFC7CE;
const HINT_TEXT: u32 = 0x44546A;

/// The height of a row of `lines` lines of the form's 11 pt text.
fn row_height(lines: usize) -> f64 {
    crate::workbook::width::height(lines, 15.0, 3.0)
}

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
        let cell = formats::boxed().set_align(FormatAlign::VerticalCenter);
        let input = formats::filled(cell.clone().set_unlocked(), INPUT_FILL);
        let computed = formats::filled(cell.clone(), COMPUTED_FILL);
        let total = formats::total(cell.clone(), COMPUTED_FILL);
        Styles {
            unit: formats::bold(14).set_align(FormatAlign::Center),
            title: Format::new().set_bold().set_align(FormatAlign::Center),
            plain: Format::new().set_align(FormatAlign::Center),
            hint: formats::coloured(Format::new().set_italic(), HINT_TEXT),
            link: formats::link(Format::new(), Color::RGB(colour::LINK)),
            header: formats::header(cell.clone(), colour::HEADER),
            number: cell.clone().set_align(FormatAlign::Center),
            name: cell.clone().set_text_wrap(),
            bin: cell
                .clone()
                .set_num_format(code::TEXT)
                .set_align(FormatAlign::Center),
            input_count: input.clone().set_num_format(code::THOUSANDS),
            input_text: input.clone().set_text_wrap(),
            input_date: input
                .clone()
                .set_num_format(code::DATE)
                .set_align(FormatAlign::Center),
            input_decimal: input.clone().set_num_format(code::ONE_DECIMAL),
            input_amount: input.set_num_format(code::THOUSANDS),
            computed_count: computed.clone().set_num_format(code::THOUSANDS),
            computed_share: computed.clone().set_num_format(code::ONE_DECIMAL),
            computed_percent: computed.set_num_format(code::PER_CENT),
            total_label: total.clone(),
            total_count: total.clone().set_num_format(code::THOUSANDS),
            total_share: total.clone().set_num_format(code::ONE_DECIMAL),
            total_blank: total,
            label: cell.set_text_wrap(),
            alert: formats::coloured(
                formats::filled(Format::new(), ALERT_FILL),
                colour::ERROR_TEXT,
            ),
            section: formats::bold(12),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            letter: Format::new()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::Top),
        }
    }
}

/// The names of the form's sheets, as Excel accepts them; every reference
/// to a sheet (links, defined names, formulas, lists) uses these.
struct Sheets {
    coverage: String,
    events: String,
    finance: String,
    help: String,
    lists: String,
}

impl Sheets {
    fn new(l: &Labels, lang: Lang) -> Sheets {
        let mut taken: Vec<String> = Vec::new();
        let mut name = |label: &str| {
            let name = sheet_name(label, lang, &taken);
            taken.push(name.clone());
            name
        };
        Sheets {
            coverage: name(l.sheet_coverage),
            events: name(l.sheet_events),
            finance: name(l.sheet_finance),
            help: name(l.sheet_help),
            lists: name(l.sheet_lists),
        }
    }
}

/// What every sheet of the form is written with.
struct Book<'a> {
    form: &'a Form,
    l: &'a Labels,
    s: Styles,
    sheets: Sheets,
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

/// Landscape A4, one page wide, `repeat` rows on every page.
fn print_setup(ws: &mut Worksheet, repeat: Option<(u32, u32)>) -> Result<(), XlsxError> {
    let mut print = Print::landscape(0.5, 0.5);
    if let Some((first, last)) = repeat {
        print = print.repeat(first, last);
    }
    print.apply(ws)
}

impl Book<'_> {
    /// Title rows shared by the three table sheets: unit, sheet title,
    /// period, "since the start of the year", a hint, and a link to the
    /// instructions.
    fn title_rows(
        &self,
        ws: &mut Worksheet,
        title: &str,
        hint: &str,
        last_col: u16,
    ) -> Result<(), XlsxError> {
        let (form, l, s) = (self.form, self.l, &self.s);
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
        let link = Url::new(format!("internal:'{}'!A1", self.sheets.help)).set_text(l.see_help);
        ws.write_url_with_format(5, 0, link, &s.link)?;
        Ok(())
    }

    /// Column `widths`, then two header rows at [`HEADER_ROW`]: `singles`
    /// over both rows, `group` over the columns of `subs` in the first row
    /// and `subs` under it; the rows `heights` points tall.
    fn two_row_head(
        &self,
        ws: &mut Worksheet,
        widths: &[(u16, f64)],
        singles: &[(u16, &str)],
        group: &str,
        subs: &[(u16, &str)],
        heights: (f64, f64),
    ) -> Result<(), XlsxError> {
        let header = &self.s.header;
        for (c, w) in widths {
            ws.set_column_width(*c, *w)?;
        }
        let (h1, h2) = (HEADER_ROW, HEADER_ROW + 1);
        for (c, text) in singles {
            ws.merge_range(h1, *c, h2, *c, text, header)?;
        }
        let (first, last) = (subs[0].0, subs[subs.len() - 1].0);
        ws.merge_range(h1, first, h1, last, group, header)?;
        for (c, text) in subs {
            ws.write_string_with_format(h2, *c, *text, header)?;
        }
        ws.set_row_height(h1, heights.0)?;
        ws.set_row_height(h2, heights.1)?;
        Ok(())
    }

    /// The hidden sheet that holds the lists of event forms and topic areas
    /// when they are too long for the validation itself.
    fn lists_sheet(&self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        ws.set_name(&self.sheets.lists)?;
        for (i, t) in self.form.forms.iter().enumerate() {
            ws.write_string(i as u32, 0, t)?;
        }
        for (i, t) in self.form.areas.iter().enumerate() {
            ws.write_string(i as u32, 1, t)?;
        }
        ws.set_column_width(0, 40)?;
        ws.set_column_width(1, 50)?;
        ws.set_hidden(true);
        protect(ws);
        Ok(())
    }
}

/// Whether a list fits into a validation itself: Excel's 255 characters,
/// and no comma (the separator of the list).
fn fits_in_validation(items: &[String]) -> bool {
    items
        .iter()
        .map(|t| t.encode_utf16().count() + 1)
        .sum::<usize>()
        <= 256
        && items.iter().all(|t| !t.contains(','))
}

/// Writes the form; the bytes depend on the form alone.
pub(crate) fn write(form: &Form) -> Result<Vec<u8>, XlsxError> {
    let l = labels(form.lang);
    let book = Book {
        form,
        l,
        s: Styles::new(),
        sheets: Sheets::new(l, form.lang),
    };
    let mut wb = new_workbook();
    wb.set_properties(&dated(
        DocProperties::new().set_title(format!(
            "{}: {}, {}",
            form.unit_name,
            l.title_coverage,
            super::texts::period_title(form.period, form.lang)
        )),
        form.period.as_of(),
    )?);

    // A list too long for the validation itself goes on a hidden sheet.
    let lists_on_sheet = !(fits_in_validation(&form.forms) && fits_in_validation(&form.areas));

    let cov_total_row = book.coverage_sheet(wb.add_worksheet())?;
    book.events_sheet(wb.add_worksheet(), cov_total_row, lists_on_sheet)?;
    book.finance_sheet(wb.add_worksheet())?;
    book.help_sheet(wb.add_worksheet())?;
    if lists_on_sheet {
        book.lists_sheet(wb.add_worksheet())?;
    }
    book.define_names(&mut wb)?;
    wb.save_to_buffer()
}

impl Book<'_> {
    fn define_names(&self, wb: &mut Workbook) -> Result<(), XlsxError> {
        let mut names = coverage::names(self.form, &self.sheets.coverage);
        names.extend(events::names(self.form, &self.sheets.events));
        names.extend(finance::names(&self.sheets.finance));
        for (name, range) in names {
            wb.define_name(name, &format!("={range}"))?;
        }
        Ok(())
    }
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

    #[test]
    fn the_sheets_are_named_as_the_instructions_name_them() {
        for lang in [Lang::Kk, Lang::Ru] {
            let l = labels(lang);
            let names = Sheets::new(l, lang);
            assert_eq!(
                [
                    names.coverage,
                    names.events,
                    names.finance,
                    names.help,
                    names.lists
                ],
                [
                    l.sheet_coverage,
                    l.sheet_events,
                    l.sheet_finance,
                    l.sheet_help,
                    l.sheet_lists
                ]
            );
        }
    }
}
