//! A sheet in the making: cells written through it are measured, so that
//! its columns get widths fitted to their content and its wrapping rows the
//! heights their text needs ([`crate::workbook::width`]); header blocks,
//! titles, notes and the print setup every sheet of the workbook shares.

use super::style::Styles;
use crate::workbook::cell_text;
use crate::workbook::print::{header_text, Print};
use crate::workbook::width::{height, longest_word, number_width, text_width, wrapped_lines};
use rayon::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Worksheet, XlsxError};
use std::collections::BTreeMap;

/// Height of one line of table text, in points.
const LINE_HEIGHT: f64 = 13.0;

/// A column of a header block: one cell over both header rows, or a group
/// over sub-columns.
pub(crate) enum Head {
    One(String),
    /// A group over sub-columns; `upward` writes the sub-headers bottom to
    /// top so that number columns stay narrow.
    Group {
        text: String,
        subs: Vec<String>,
        upward: bool,
    },
}

impl Head {
    pub(crate) fn one(s: &str) -> Head {
        Head::One(s.to_string())
    }

    pub(crate) fn group(s: &str, subs: &[&str]) -> Head {
        Head::Group {
            text: s.to_string(),
            subs: subs.iter().map(|x| x.to_string()).collect(),
            upward: false,
        }
    }

    pub(crate) fn group_up(s: &str, subs: &[&str]) -> Head {
        Head::Group {
            text: s.to_string(),
            subs: subs.iter().map(|x| x.to_string()).collect(),
            upward: true,
        }
    }

    fn width(&self) -> u16 {
        match self {
            Head::One(_) => 1,
            Head::Group { subs, .. } => subs.len() as u16,
        }
    }
}

/// A sheet in the making: its cells, and the widths and heights its content
/// asks for.
pub(crate) struct Sheet {
    pub(crate) ws: Worksheet,
    /// Widest single-line content per column, in width units.
    content: BTreeMap<u16, f64>,
    /// Longest header word per column, in width units.
    words: BTreeMap<u16, f64>,
    limits: BTreeMap<u16, (f64, f64)>,
    /// Wrapping cells: (row, first column, last column, text).
    wrapped: Vec<(u32, u16, u16, String)>,
    /// Rows of upward sub-headers, with their longest text.
    upward: BTreeMap<u32, usize>,
    /// Group headers: (first column, last column, longest word in width units).
    spans: Vec<(u16, u16, f64)>,
    /// The widths set by [`Sheet::fit`].
    fitted: BTreeMap<u16, f64>,
}

/// `-0.0` as `0.0`: a sign Excel would show as `-0`.
fn unsigned_zero(v: f64) -> f64 {
    if v == 0.0 {
        0.0
    } else {
        v
    }
}

/// `v` as a format that shows steps of `step` reads it: a value that reads as
/// zero (`-0.03` shown with one decimal) becomes zero, so that no cell shows
/// `-0,0`; any other value is kept as it is.
pub(crate) fn shown(v: Option<f64>, step: f64) -> Option<f64> {
    v.map(|v| if v.abs() < step / 2.0 { 0.0 } else { v })
}

impl Sheet {
    /// A sheet named `name`, a name Excel accepts
    /// ([`crate::workbook::sheet_name()`]).
    pub(crate) fn new(name: &str) -> Result<Sheet, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        Ok(Sheet {
            ws,
            content: BTreeMap::new(),
            words: BTreeMap::new(),
            limits: BTreeMap::new(),
            wrapped: Vec::new(),
            upward: BTreeMap::new(),
            spans: Vec::new(),
            fitted: BTreeMap::new(),
        })
    }

    fn grow(map: &mut BTreeMap<u16, f64>, col: u16, w: f64) {
        let e = map.entry(col).or_insert(0.0);
        if w > *e {
            *e = w;
        }
    }

    /// Text in a cell (cut at the cell's limit); with a wrapping format it
    /// may take several lines, and its row is made tall enough.
    pub(crate) fn text(
        &mut self,
        row: u32,
        col: u16,
        s: &str,
        f: &Format,
    ) -> Result<(), XlsxError> {
        let s = cell_text(s);
        self.measure_text(row, col, &s);
        self.ws.write_string_with_format(row, col, s, f)?;
        Ok(())
    }

    /// Text in a cell whose format [`Sheet::format_range`] sets afterwards.
    pub(crate) fn text_plain(&mut self, row: u32, col: u16, s: &str) -> Result<(), XlsxError> {
        let s = cell_text(s);
        self.measure_text(row, col, &s);
        self.ws.write_string(row, col, s)?;
        Ok(())
    }

    fn measure_text(&mut self, row: u32, col: u16, s: &str) {
        let longest_line = s.lines().map(text_width).fold(0.0, f64::max);
        Self::grow(&mut self.content, col, longest_line);
        if s.chars().nth(6).is_some() {
            self.wrapped.push((row, col, col, s.to_string()));
        }
    }

    /// A number, or a blank cell with the same format when nobody reported it.
    /// A negative zero is written as zero.
    pub(crate) fn num(
        &mut self,
        row: u32,
        col: u16,
        v: Option<f64>,
        f: &Format,
    ) -> Result<(), XlsxError> {
        match v.map(unsigned_zero) {
            Some(v) => {
                Self::grow(&mut self.content, col, number_width(v));
                self.ws.write_number_with_format(row, col, v, f)?;
            }
            None => {
                self.ws.write_blank(row, col, f)?;
            }
        }
        Ok(())
    }

    /// A number in a cell whose format [`Sheet::format_range`] sets
    /// afterwards (which also makes the blank when nobody reported it).
    pub(crate) fn num_plain(
        &mut self,
        row: u32,
        col: u16,
        v: Option<f64>,
    ) -> Result<(), XlsxError> {
        if let Some(v) = v.map(unsigned_zero) {
            Self::grow(&mut self.content, col, number_width(v));
            self.ws.write_number(row, col, v)?;
        }
        Ok(())
    }

    /// A format per group of columns over the given rows, for cells
    /// written with [`Sheet::text_plain`] and [`Sheet::num_plain`] (and
    /// blanks where nothing was written). A few hundred rows at a time, so
    /// that every group finds the rows still in the cache.
    pub(crate) fn format_columns(
        &mut self,
        rows: std::ops::RangeInclusive<u32>,
        groups: &[(std::ops::RangeInclusive<u16>, &Format)],
    ) -> Result<(), XlsxError> {
        const BLOCK: u32 = 256;
        let mut start = *rows.start();
        while start <= *rows.end() {
            let end = start.saturating_add(BLOCK - 1).min(*rows.end());
            for (cols, f) in groups {
                self.format_range(start..=end, cols.clone(), f)?;
            }
            match end.checked_add(1) {
                Some(next) => start = next,
                None => break,
            }
        }
        Ok(())
    }

    /// One format over a block of cells, written or not: the format is
    /// looked up once rather than at every cell, which counts in sheets of
    /// many thousand rows.
    pub(crate) fn format_range(
        &mut self,
        rows: std::ops::RangeInclusive<u32>,
        cols: std::ops::RangeInclusive<u16>,
        f: &Format,
    ) -> Result<(), XlsxError> {
        if !rows.is_empty() && !cols.is_empty() {
            self.ws
                .set_range_format(*rows.start(), *cols.start(), *rows.end(), *cols.end(), f)?;
        }
        Ok(())
    }

    pub(crate) fn count(
        &mut self,
        row: u32,
        col: u16,
        v: Option<usize>,
        f: &Format,
    ) -> Result<(), XlsxError> {
        self.num(row, col, v.map(|v| v as f64), f)
    }

    pub(crate) fn date(
        &mut self,
        row: u32,
        col: u16,
        d: Option<(i32, u32, u32)>,
        f: &Format,
    ) -> Result<(), XlsxError> {
        match d {
            Some((y, m, day)) => {
                let dt = ExcelDateTime::from_ymd(y as u16, m as u8, day as u8)?;
                Self::grow(&mut self.content, col, 10.0);
                self.ws.write_datetime_with_format(row, col, &dt, f)?;
            }
            None => {
                self.ws.write_blank(row, col, f)?;
            }
        }
        Ok(())
    }

    pub(crate) fn blank(&mut self, row: u32, col: u16, f: &Format) -> Result<(), XlsxError> {
        self.ws.write_blank(row, col, f)?;
        Ok(())
    }

    /// Keeps a column between `min` and `max` characters wide; long text wraps.
    pub(crate) fn limit(&mut self, col: u16, min: f64, max: f64) {
        self.limits.insert(col, (min, max));
    }

    fn header_cell(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        // Headers are bold: a tenth wider.
        Self::grow(&mut self.words, col, longest_word(s) * 1.1);
        self.wrapped.push((row, col, col, s.to_string()));
        self.ws.write_string_with_format(row, col, s, f)?;
        Ok(())
    }

    /// A header block at `row`: one row when no column has sub-columns, two
    /// otherwise. Returns the row after the block.
    pub(crate) fn header(
        &mut self,
        row: u32,
        first_col: u16,
        heads: &[Head],
        st: &Styles,
    ) -> Result<u32, XlsxError> {
        let f = &st.header;
        let two = heads.iter().any(|h| matches!(h, Head::Group { .. }));
        let mut c = first_col;
        for h in heads {
            match h {
                Head::One(s) => {
                    if two {
                        self.ws.merge_range(row, c, row + 1, c, "", f)?;
                        self.wrapped.push((row, c, c, String::new()));
                    }
                    self.header_cell(row, c, s, f)?;
                    if two {
                        // The text sits in the merged cell over both rows.
                        self.wrapped.pop();
                    }
                }
                Head::Group {
                    text: s,
                    subs,
                    upward,
                } => {
                    let last = c + subs.len() as u16 - 1;
                    if subs.len() > 1 {
                        self.ws.merge_range(row, c, row, last, "", f)?;
                    }
                    self.ws.write_string_with_format(row, c, s, f)?;
                    self.wrapped.push((row, c, last, s.to_string()));
                    let longest = longest_word(s) * 1.1;
                    self.spans.push((c, last, longest));
                    for (i, sub) in subs.iter().enumerate() {
                        if *upward {
                            self.ws.write_string_with_format(
                                row + 1,
                                c + i as u16,
                                sub,
                                &st.header_up,
                            )?;
                            let e = self.upward.entry(row + 1).or_insert(0);
                            *e = (*e).max(sub.chars().count());
                        } else {
                            self.header_cell(row + 1, c + i as u16, sub, f)?;
                        }
                    }
                }
            }
            c += h.width();
        }
        Ok(row + if two { 2 } else { 1 })
    }

    /// A title and the period line above a table; returns the next free row.
    pub(crate) fn title(
        &mut self,
        title: &str,
        period_line: &str,
        last_col: u16,
        st: &Styles,
    ) -> Result<u32, XlsxError> {
        self.ws.merge_range(0, 0, 0, last_col, title, &st.title)?;
        self.ws
            .merge_range(1, 0, 1, last_col, period_line, &st.subtitle)?;
        self.ws.set_row_height(0, 21)?;
        Ok(3)
    }

    /// A note under a table, over the width of the table. Call after
    /// [`Sheet::fit`]: its height follows the widths.
    pub(crate) fn note(
        &mut self,
        row: u32,
        last_col: u16,
        text: &str,
        st: &Styles,
    ) -> Result<(), XlsxError> {
        let f = st.note.clone().set_text_wrap().set_align(FormatAlign::Top);
        if last_col > 0 {
            self.ws.merge_range(row, 0, row, last_col, text, &f)?;
        } else {
            self.ws.write_string_with_format(row, 0, text, &f)?;
        }
        // Notes are set smaller than the tables: more of them fits a line.
        let width: f64 = (0..=last_col).map(|c| self.width_of(c)).sum::<f64>() * 1.15;
        self.ws
            .set_row_height(row, height(wrapped_lines(text, width), 12.0, 1.0))?;
        Ok(())
    }

    fn width_of(&self, col: u16) -> f64 {
        if let Some(w) = self.fitted.get(&col) {
            return *w;
        }
        let content = self.content.get(&col).copied().unwrap_or(0.0) * 1.05 + 1.5;
        let word = self.words.get(&col).copied().unwrap_or(0.0) * 1.05 + 1.5;
        let (min, max) = self.limits.get(&col).copied().unwrap_or((6.0, 45.0));
        content.clamp(min, max).max(word.min(18.0))
    }

    /// Sets the fitted widths, then the heights of rows whose text wraps.
    /// Call after all cells and limits are in.
    pub(crate) fn fit(&mut self) -> Result<(), XlsxError> {
        let cols: Vec<u16> = self
            .content
            .keys()
            .chain(self.words.keys())
            .chain(self.limits.keys())
            .copied()
            .collect();
        let mut widths: BTreeMap<u16, f64> =
            cols.into_iter().map(|c| (c, self.width_of(c))).collect();
        // A group header's longest word must fit across its columns.
        for (first, last, longest) in &self.spans {
            let need = (longest * 1.05 + 1.5).min(30.0);
            let have: f64 = (*first..=*last)
                .map(|c| widths.get(&c).copied().unwrap_or(8.43))
                .sum();
            if have < need {
                let extra = (need - have) / f64::from(last - first + 1);
                for c in *first..=*last {
                    *widths.entry(c).or_insert(8.43) += extra;
                }
            }
        }
        for (c, w) in &widths {
            self.ws.set_column_width(*c, *w)?;
        }
        self.fitted = widths;
        // Thousands of wrapping cells in a long sheet: count their lines on
        // every core.
        let counted: Vec<(u32, usize)> = self
            .wrapped
            .par_iter()
            .map(|(row, first, last, text)| {
                let width: f64 = (*first..=*last).map(|c| self.width_of(c)).sum();
                (*row, wrapped_lines(text, width))
            })
            .collect();
        let mut lines: BTreeMap<u32, usize> = BTreeMap::new();
        for (row, n) in counted {
            let e = lines.entry(row).or_insert(1);
            *e = (*e).max(n);
        }
        for (row, n) in lines {
            if n > 1 && !self.upward.contains_key(&row) {
                self.ws.set_row_height(row, height(n, LINE_HEIGHT, 2.0))?;
            }
        }
        for (row, longest) in &self.upward {
            // Upward text wraps at the row's height: short texts keep one
            // line, longer ones take two lines of half the length.
            let chars = if *longest <= 22 {
                *longest
            } else {
                longest.div_ceil(2) + 2
            };
            self.ws
                .set_row_height(*row, (chars as f64 * 6.5 + 12.0).clamp(40.0, 140.0))?;
        }
        Ok(())
    }

    /// Landscape A4, one page wide, centred, header rows on every page, a
    /// footer with the sheet, the period and `page / pages`.
    pub(crate) fn print_setup(
        &mut self,
        header_rows: (u32, u32),
        period: &str,
    ) -> Result<(), XlsxError> {
        Print::landscape(0.55, 0.6)
            .centred()
            .repeat(header_rows.0, header_rows.1)
            .footer(format!("&L&A&C{}&R&P / &N", header_text(period, 110)))
            .apply(&mut self.ws)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_reads_as_a_negative_zero() {
        assert!(unsigned_zero(-0.0).is_sign_positive());
        assert_eq!(unsigned_zero(-0.5), -0.5);
        assert!(shown(Some(-0.04), 0.1).unwrap().is_sign_positive());
        assert_eq!(shown(Some(-0.04), 0.1), Some(0.0));
        assert_eq!(shown(Some(-0.05), 0.1), Some(-0.05));
        assert_eq!(shown(Some(-0.0004), 0.001), Some(0.0));
        assert_eq!(shown(Some(0.3), 1.0), Some(0.0));
        assert_eq!(shown(Some(-2.0), 1.0), Some(-2.0));
        assert_eq!(shown(None, 1.0), None);
    }

    #[test]
    fn widths_follow_content_within_limits() {
        let mut s = Sheet::new("T").unwrap();
        let f = Format::new();
        s.text(0, 0, "қысқа", &f).unwrap();
        s.text(0, 1, &"ұзын ".repeat(30), &f).unwrap();
        s.num(0, 2, Some(232_644_000.0), &f).unwrap();
        s.limit(1, 8.0, 40.0);
        assert!(s.width_of(0) >= 6.0 && s.width_of(0) < 10.0);
        assert_eq!(s.width_of(1), 40.0);
        assert!(s.width_of(2) >= 12.0, "{}", s.width_of(2));
    }

    #[test]
    fn text_past_a_cells_limit_is_cut() {
        let mut s = Sheet::new("T").unwrap();
        s.text(0, 0, &"Ж".repeat(40_000), &Format::new()).unwrap();
        s.text_plain(1, 0, &"Ж".repeat(40_000)).unwrap();
        s.fit().unwrap();
    }
}
