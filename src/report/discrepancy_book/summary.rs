//! The first sheet: what the report is, for which period, and the issues
//! counted by unit and severity (every unit of the pipeline, in its order,
//! and the region), the units that sent no report, and the issues by check.

use super::style::{self, report_text, TableFormats};
use super::table::Context;
use super::texts;
use crate::issue::{Issue, Rule, Severity};
use crate::messages::rule_title;
use crate::tables::FileStatus;
use crate::workbook::formats;
use crate::workbook::width::{font_height, wrapped_chars};
use rust_xlsxwriter::{utility::quote_sheet_name, Format, Url, Workbook, Worksheet, XlsxError};
use std::collections::{BTreeMap, HashMap};

/// Columns of the summary tables.
const NUM: u16 = 0;
const NAME: u16 = 1;
/// The three severity counts take columns 2, 3, 4.
const FIRST_COUNT: u16 = 2;
const TOTAL: u16 = 5;
const EXTRA: u16 = 6;
/// Widths of the number, name, count and last columns.
const WIDTHS: [f64; 4] = [5.0, 44.0, 17.0, 42.0];
/// Width of a message merged over the count and last columns.
const MERGED_MESSAGE: f64 = WIDTHS[2] * 4.0 + WIDTHS[3];
/// Width of a note merged over the whole table.
const WIDTH_ALL: f64 = WIDTHS[0] + WIDTHS[1] + MERGED_MESSAGE;

/// Printable height of a page at the sheet's scale, in points: A4 landscape
/// less the margins, with the table scaled by about 0.93 to fit the width.
const PAGE_HEIGHT: f64 = 520.0;
/// Height of a row whose height is not set.
const DEFAULT_ROW: f64 = 15.0;
/// Height of the head row of a table.
const HEAD_ROW: f64 = 30.0;

/// Row heights as written, and the page breaks that keep a section from
/// starting at the foot of a page.
#[derive(Default)]
struct Pages {
    heights: HashMap<u32, f64>,
    breaks: Vec<u32>,
}

impl Pages {
    fn set_height(&mut self, ws: &mut Worksheet, r: u32, h: f64) -> Result<(), XlsxError> {
        ws.set_row_height(r, h)?;
        self.heights.insert(r, h);
        Ok(())
    }

    /// Starts a new page at row `r` unless `need` points still fit on the
    /// current one.
    fn keep(&mut self, r: u32, need: f64) {
        let start = self.breaks.last().copied().unwrap_or(0);
        let used: f64 = (start..r)
            .map(|x| self.heights.get(&x).copied().unwrap_or(DEFAULT_ROW))
            .sum();
        if used > 0.0 && used + need.min(PAGE_HEIGHT) > PAGE_HEIGHT {
            self.breaks.push(r);
        }
    }
}

/// Counts per severity, in the order of [`Severity::ALL`].
#[derive(Default, Clone, Copy)]
struct Counts([usize; 3]);

impl Counts {
    fn add(&mut self, s: Severity) {
        if let Some(i) = Severity::ALL.iter().position(|x| *x == s) {
            self.0[i] += 1;
        }
    }

    fn total(&self) -> usize {
        self.0.iter().sum()
    }
}

fn write_counts(ws: &mut Worksheet, r: u32, c: Counts, int: &Format) -> Result<(), XlsxError> {
    for (k, n) in c.0.iter().enumerate() {
        ws.write_number_with_format(r, FIRST_COUNT + k as u16, *n as f64, int)?;
    }
    ws.write_number_with_format(r, TOTAL, c.total() as f64, int)?;
    Ok(())
}

fn count_heads(
    ws: &mut Worksheet,
    r: u32,
    name: &str,
    extra: &str,
    cx: &Context,
) -> Result<(), XlsxError> {
    let lang = cx.o.lang;
    let head = style::head();
    ws.write_string_with_format(r, NUM, texts::number_head(lang), &head)?;
    ws.write_string_with_format(r, NAME, name, &head)?;
    for (k, s) in Severity::ALL.iter().enumerate() {
        let f = formats::filled(head.clone(), style::mark_fill(*s));
        ws.write_string_with_format(
            r,
            FIRST_COUNT + k as u16,
            texts::severity_count_head(*s, lang),
            &f,
        )?;
    }
    ws.write_string_with_format(r, TOTAL, texts::total_head(lang), &head)?;
    ws.write_string_with_format(r, EXTRA, extra, &head)?;
    ws.set_row_height(r, HEAD_ROW)?;
    Ok(())
}

/// The issues counted every way the sheet shows them.
struct Tally<'a> {
    all: Counts,
    /// By unit of the pipeline.
    by_unit: HashMap<&'a str, Counts>,
    /// Issues of no unit, or of a unit the pipeline does not know.
    unattributed: Counts,
    by_rule: BTreeMap<Rule, Counts>,
}

impl<'a> Tally<'a> {
    fn of(o: &'a crate::report::Outcome) -> Tally<'a> {
        let mut t = Tally {
            all: Counts::default(),
            by_unit: HashMap::new(),
            unattributed: Counts::default(),
            by_rule: BTreeMap::new(),
        };
        for i in &o.issues {
            t.all.add(i.severity);
            match i.unit.as_deref().filter(|u| o.pipeline.unit(u).is_some()) {
                Some(u) => t.by_unit.entry(u).or_default().add(i.severity),
                None => t.unattributed.add(i.severity),
            }
            t.by_rule.entry(i.rule).or_default().add(i.severity);
        }
        t
    }
}

/// The sheet as it is written, top to bottom: the next free row and the
/// page breaks so far.
struct Summary<'w, 'c> {
    ws: &'w mut Worksheet,
    cx: &'c Context<'c>,
    t: TableFormats,
    pages: Pages,
    r: u32,
}

/// Writes the summary sheet. `unit_sheets` maps a unit id to its sheet;
/// `shown` is how many issues the sheet of all issues holds.
pub(crate) fn write_summary(
    wb: &mut Workbook,
    name: &str,
    unit_sheets: &HashMap<&str, String>,
    shown: usize,
    cx: &Context,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let tally = Tally::of(cx.o);
    let mut w = Summary {
        ws,
        cx,
        t: TableFormats::new(cx.o.lang),
        pages: Pages::default(),
        r: 0,
    };
    w.title(&tally, shown)?;
    w.severities()?;
    w.by_unit(&tally, unit_sheets)?;
    w.missing()?;
    w.by_rule(&tally)?;
    w.guide()?;
    let ws = w.ws;
    ws.set_column_width(NUM, WIDTHS[0])?;
    ws.set_column_width(NAME, WIDTHS[1])?;
    for c in FIRST_COUNT..=TOTAL {
        ws.set_column_width(c, WIDTHS[2])?;
    }
    ws.set_column_width(EXTRA, WIDTHS[3])?;
    style::print_setup(ws, cx.o.lang, cx.o.period, name, None)?;
    Ok(())
}

/// A total row: `label` and the counts `all`.
fn total_row(
    ws: &mut Worksheet,
    r: u32,
    label: &str,
    all: Counts,
    t: &TableFormats,
) -> Result<(), XlsxError> {
    ws.write_blank(r, NUM, &t.total_text)?;
    ws.write_string_with_format(r, NAME, label, &t.total_text)?;
    write_counts(ws, r, all, &t.total_int)?;
    ws.write_blank(r, EXTRA, &t.total_text)?;
    Ok(())
}

impl Summary<'_, '_> {
    /// The heading and head row of a table of counts of `rows` rows, after
    /// a blank row, on a new page unless the whole table fits on this one;
    /// returns its first data row.
    fn count_table(
        &mut self,
        heading: &str,
        name: &str,
        extra: &str,
        rows: usize,
    ) -> Result<u32, XlsxError> {
        self.r += 1;
        let r = self.r;
        self.pages
            .keep(r, DEFAULT_ROW + HEAD_ROW + rows as f64 * DEFAULT_ROW);
        self.ws
            .write_string_with_format(r, 0, heading, &style::heading())?;
        count_heads(self.ws, r + 1, name, extra, self.cx)?;
        self.pages.heights.insert(r + 1, HEAD_ROW);
        Ok(r + 2)
    }
    /// The report, the organisation, the period and the issues in all.
    fn title(&mut self, tally: &Tally, shown: usize) -> Result<(), XlsxError> {
        let (o, ws) = (self.cx.o, &mut *self.ws);
        let lang = o.lang;
        let mut r = self.r;
        ws.write_string_with_format(r, 0, texts::report_title(lang), &style::title())?;
        self.pages.set_height(ws, r, 22.0)?;
        r += 1;
        ws.write_string_with_format(
            r,
            0,
            report_text(o.pipeline.title(lang)),
            &style::subtitle(),
        )?;
        r += 1;
        ws.write_string_with_format(r, 0, texts::period_line(o.period, lang), &style::subtitle())?;
        r += 1;
        ws.write_string_with_format(r, 0, texts::as_of_line(o.period, lang), &style::subtitle())?;
        r += 2;
        let all = tally.all;
        let [e, w, i] = all.0;
        ws.write_string_with_format(
            r,
            0,
            texts::totals_line(all.total(), e, w, i, lang),
            &style::heading(),
        )?;
        r += 1;
        if shown < o.issues.len() {
            ws.write_string_with_format(r, 0, texts::truncated(shown, lang), &style::note())?;
            r += 1;
        }
        self.r = r;
        Ok(())
    }

    /// What the severities mean, in their colours.
    fn severities(&mut self) -> Result<(), XlsxError> {
        let (lang, ws, t) = (self.cx.o.lang, &mut *self.ws, &self.t);
        self.r += 1;
        ws.write_string_with_format(self.r, 0, texts::severity_heading(lang), &style::heading())?;
        self.r += 1;
        for s in Severity::ALL {
            let r = self.r;
            let mark = formats::filled(t.text.clone().set_bold(), style::mark_fill(s));
            let meaning = formats::filled(t.text.clone(), style::row_fill(s));
            ws.write_string_with_format(
                r,
                NAME,
                style::capitalised(crate::messages::severity_label(s, lang)),
                &mark,
            )?;
            ws.merge_range(
                r,
                FIRST_COUNT,
                r,
                EXTRA,
                texts::severity_meaning(s, lang),
                &meaning,
            )?;
            self.r += 1;
        }
        Ok(())
    }

    /// Issues by unit: every unit of the pipeline, in its order, with a link
    /// to its sheet and the file it sent; then the issues of no unit and the
    /// region's total.
    fn by_unit(
        &mut self,
        tally: &Tally,
        unit_sheets: &HashMap<&str, String>,
    ) -> Result<(), XlsxError> {
        let o = self.cx.o;
        let lang = o.lang;
        let mut r = self.count_table(
            texts::by_unit_heading(lang),
            texts::unit_head(lang),
            texts::report_file_head(lang),
            o.pipeline.units.len() + 2,
        )?;
        let (ws, t) = (&mut *self.ws, &self.t);
        for (k, u) in o.pipeline.units.iter().enumerate() {
            ws.write_number_with_format(r, NUM, (k + 1) as f64, &t.number)?;
            let uname = report_text(u.name(lang));
            match unit_sheets.get(u.id.as_str()) {
                Some(sheet) => {
                    let url = Url::new(format!("internal:{}!A1", quote_sheet_name(sheet)))
                        .set_text(&uname);
                    ws.write_url_with_format(r, NAME, url, &t.link)?;
                }
                None => {
                    ws.write_string_with_format(r, NAME, &uname, &t.text)?;
                }
            }
            let counts = tally.by_unit.get(u.id.as_str()).copied();
            write_counts(ws, r, counts.unwrap_or_default(), &t.int)?;
            let file = o
                .reports
                .iter()
                .find(|f| f.status == FileStatus::Read && f.unit.as_deref() == Some(u.id.as_str()));
            match file {
                Some(f) => ws.write_string_with_format(r, EXTRA, report_text(&f.rel), &t.text)?,
                None => ws.write_string_with_format(r, EXTRA, texts::no_report(lang), &t.dim)?,
            };
            r += 1;
        }
        if tally.unattributed.total() > 0 {
            ws.write_blank(r, NUM, &t.text)?;
            ws.write_string_with_format(r, NAME, texts::no_unit(lang), &t.dim)?;
            write_counts(ws, r, tally.unattributed, &t.int)?;
            ws.write_blank(r, EXTRA, &t.text)?;
            r += 1;
        }
        total_row(ws, r, texts::region_total(lang), tally.all, t)?;
        self.r = r + 1;
        Ok(())
    }

    /// The units that sent no report, with the issue's message.
    fn missing(&mut self) -> Result<(), XlsxError> {
        let (cx, o) = (self.cx, self.cx.o);
        let lang = o.lang;
        self.r += 1;
        let missing: Vec<&Issue> = o
            .issues
            .iter()
            .filter(|i| i.rule == Rule::UnitMissing)
            .collect();
        self.pages.keep(
            self.r,
            DEFAULT_ROW * 2.0 + missing.len().min(3) as f64 * DEFAULT_ROW,
        );
        let (ws, t) = (&mut *self.ws, &self.t);
        let mut r = self.r;
        ws.write_string_with_format(r, 0, texts::missing_heading(lang), &style::heading())?;
        r += 1;
        if missing.is_empty() {
            ws.write_string_with_format(r, NAME, texts::all_reported(lang), &style::subtitle())?;
            self.r = r + 1;
            return Ok(());
        }
        let head = style::head();
        ws.write_string_with_format(r, NUM, texts::number_head(lang), &head)?;
        ws.write_string_with_format(r, NAME, texts::unit_head(lang), &head)?;
        ws.merge_range(
            r,
            FIRST_COUNT,
            r,
            EXTRA,
            texts::description_head(lang),
            &head,
        )?;
        r += 1;
        for (k, i) in missing.iter().enumerate() {
            ws.write_number_with_format(r, NUM, (k + 1) as f64, &t.number)?;
            ws.write_string_with_format(r, NAME, cx.unit_name(i.unit.as_deref()), &t.text)?;
            let message = report_text(&i.message);
            ws.merge_range(r, FIRST_COUNT, r, EXTRA, &message, &t.text)?;
            // Merged cells never grow with their text.
            let lines = wrapped_chars(&message, MERGED_MESSAGE, 11.0);
            self.pages.set_height(ws, r, font_height(lines, 11.0))?;
            r += 1;
        }
        self.r = r;
        Ok(())
    }

    /// Issues by check, the most serious first, then in the catalogue's
    /// order, and their total.
    fn by_rule(&mut self, tally: &Tally) -> Result<(), XlsxError> {
        let lang = self.cx.o.lang;
        let mut r = self.count_table(
            texts::by_rule_heading(lang),
            texts::check_head(lang),
            texts::check_id_head(lang),
            tally.by_rule.len() + 1,
        )?;
        let (ws, t) = (&mut *self.ws, &self.t);
        let mut rules: Vec<(Rule, Counts)> = tally.by_rule.iter().map(|(r, c)| (*r, *c)).collect();
        rules.sort_by_key(|(rule, c)| (c.0.iter().position(|n| *n > 0).unwrap_or(3), *rule));
        for (k, (rule, c)) in rules.iter().enumerate() {
            ws.write_number_with_format(r, NUM, (k + 1) as f64, &t.number)?;
            ws.write_string_with_format(r, NAME, rule_title(*rule, lang), &t.text)?;
            write_counts(ws, r, *c, &t.int)?;
            ws.write_string_with_format(r, EXTRA, rule.id(), &t.dim)?;
            r += 1;
        }
        total_row(ws, r, texts::total_head(lang), tally.all, t)?;
        self.r = r + 1;
        Ok(())
    }

    /// How to read the workbook, under the tables; then the page breaks.
    fn guide(&mut self) -> Result<(), XlsxError> {
        self.r += 1;
        let r = self.r;
        let guide = texts::guide(self.cx.o.lang);
        let guide_height = font_height(wrapped_chars(&guide, WIDTH_ALL, 11.0), 11.0);
        self.pages.keep(r, guide_height);
        self.ws
            .merge_range(r, 0, r, EXTRA, &guide, &style::note())?;
        self.pages.set_height(self.ws, r, guide_height)?;
        self.ws.set_page_breaks(&self.pages.breaks)?;
        Ok(())
    }
}
