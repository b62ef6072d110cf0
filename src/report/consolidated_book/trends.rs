//! The trends sheet: month by month, and this month against the last.
//!
//! Input: the stored periods of the twelve months before this one
//! (`Outcome::trend`), last month's stored figures (`Outcome::previous_month`)
//! and this period's consolidation. Output, top to bottom:
//!
//! 1. one row per unit (pipeline order) and the region's total row: the share
//!    trained as of the end of every stored month and of this period, one
//!    column each headed by its as-of date; beside it, the people trained as
//!    of last month and as of now, and the change in the month: who moved;
//! 2. the region's members, trained people and share per month, with the
//!    highest and lowest share among the units;
//! 3. a line chart over a small table beside it, by month of the year: the
//!    region's share this year (labelled) and in the same months of last
//!    year, with this year's highest and lowest unit share around it.
//!    Figures restart every January, so months of two years on one axis
//!    would draw a cliff at each new year; and fourteen unit lines do not
//!    survive printing.
//!
//! Figures count from 1 January, so in January there is no last month to
//! compare with and those cells stay empty, as does any figure a period did
//! not have. Without stored months the sheet holds this period alone and
//! says that earlier months are added as they are consolidated.

use super::labels::{self, T};
use super::sheet::{shown, Head, Sheet};
use super::Ctx;
use crate::consolidate::Figures;
use crate::lang::fill;
use crate::period::Period;
use crate::workbook::formats::{code, localised};
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartDataLabelPosition, ChartFont, ChartFormat, ChartLegendPosition,
    ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType, ChartSolidFill, ChartType, Color,
    Format, XlsxError,
};
use std::collections::BTreeMap;

/// Column of the first month.
const FIRST_MONTH: u16 = 2;
const REGION_LINE: u32 = 0xC00000;
const LAST_YEAR_LINE: u32 = 0x404040;
const RANGE_LINE: u32 = 0xA6A6A6;
const CHART_WIDTH: u32 = 760;
const CHART_HEIGHT: u32 = 360;

/// One column of the month-by-month tables: a period's figures as of its end.
struct Month<'a> {
    period: Period,
    region: &'a Figures,
    units: BTreeMap<&'a str, &'a Figures>,
}

impl<'a> Month<'a> {
    fn share(&self, unit: &str) -> Option<f64> {
        self.units.get(unit).and_then(|f| f.trained_share)
    }

    /// The highest and lowest share among the units of the pipeline.
    fn range(&self, units: &[String]) -> (Option<f64>, Option<f64>) {
        let shares = units.iter().filter_map(|u| self.share(u));
        shares.fold((None, None), |(hi, lo): (Option<f64>, Option<f64>), v| {
            (
                Some(hi.map_or(v, |h| h.max(v))),
                Some(lo.map_or(v, |l| l.min(v))),
            )
        })
    }
}

/// The stored months, oldest first, then this period.
fn months<'a>(ctx: &'a Ctx) -> Vec<Month<'a>> {
    let o = ctx.o;
    let mut out: Vec<Month> = o
        .trend
        .iter()
        .map(|s| Month {
            period: s.period,
            region: &s.region,
            units: s.units.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        })
        .collect();
    out.push(Month {
        period: o.period,
        region: &o.consolidation.region,
        units: o
            .consolidation
            .units
            .iter()
            .map(|u| (u.unit.as_str(), &u.figures))
            .collect(),
    });
    out
}

/// Last month's and this month's trained people, and the change.
fn comparison(last: Option<f64>, now: Option<f64>) -> [Option<f64>; 3] {
    let change = match (last, now) {
        (Some(l), Some(n)) => Some(n - l),
        _ => None,
    };
    [last, now, change]
}

pub(crate) fn sheet(ctx: &Ctx) -> Result<Sheet, XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let name = ctx.sheet_name(T::SheetTrends);
    let mut s = Sheet::new(&name)?;
    let months = months(ctx);
    let last_col = FIRST_MONTH + months.len() as u16 + 2;
    let header_row = s.title(ctx.t(T::TitleTrends), &ctx.period_line, last_col, st)?;
    // Last month within the year: in January figures start again.
    let last_month = (o.period.month > 1).then(|| o.period.previous().as_of_dotted());
    let (first, row) = unit_table(&mut s, ctx, &months, header_row, last_month.as_deref())?;
    let row = region_table(&mut s, ctx, &months, row + 2)? + 1;
    let notes = notes(ctx, last_month.as_deref());
    let notes_row = row;
    let row = row + notes.len() as u32 + 1;

    let table = chart_table(&mut s, ctx, &months, row)?;
    let chart = share_chart(ctx, &name, &table);
    s.ws.insert_chart(row, table.last_col() + 2, &chart)?;

    s.limit(0, 4.0, 5.0);
    s.limit(1, 24.0, 30.0);
    for col in FIRST_MONTH..=last_col.max(table.last_col()) {
        s.limit(col, 9.0, 12.0);
    }
    s.fit()?;
    for (i, note) in notes.iter().enumerate() {
        s.note(notes_row + i as u32, last_col, note, st)?;
    }

    s.ws.set_freeze_panes(first, 2)?;
    s.print_setup((header_row, first - 1), &ctx.span)?;
    // One page: the tables and the chart are read together.
    s.ws.set_print_fit_to_pages(1, 1);
    Ok(s)
}

/// The first table at `header_row`: a row per unit and the region's total
/// row, the share of every month and last month's trained people against
/// this month's (`last_month` its as-of date, none in January). Returns
/// its first data row and its total row.
fn unit_table(
    s: &mut Sheet,
    ctx: &Ctx,
    months: &[Month],
    header_row: u32,
    last_month: Option<&str>,
) -> Result<(u32, u32), XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let t = |x: T| ctx.t(x);
    let cmp = FIRST_MONTH + months.len() as u16;
    let dates: Vec<String> = months.iter().map(|m| m.period.as_of_dotted()).collect();
    let dates: Vec<&str> = dates.iter().map(String::as_str).collect();
    let now = o.period.as_of_dotted();
    let heads = [
        Head::one(t(T::No)),
        Head::one(t(T::Unit)),
        Head::group(t(T::ShareYtd), &dates),
        Head::group(
            t(T::TrainedYtd),
            &[
                last_month.unwrap_or(t(T::LastMonth)),
                &now,
                t(T::MonthChange),
            ],
        ),
    ];
    let first = s.header(header_row, 0, &heads, st)?;
    let previous = o.previous_month.as_ref();
    let mut row = first;
    for (i, u) in o.consolidation.units.iter().enumerate() {
        s.num(row, 0, Some(i as f64 + 1.0), &st.center)?;
        s.text(row, 1, &ctx.unit_name(&u.unit), &st.text)?;
        for (k, m) in months.iter().enumerate() {
            s.num(row, FIRST_MONTH + k as u16, m.share(&u.unit), &st.pct)?;
        }
        let last = previous
            .and_then(|p| p.units.get(&u.unit))
            .and_then(|f| f.trained.total);
        let [a, b, c] = comparison(last, u.figures.trained.total);
        s.num(row, cmp, a, &st.int)?;
        s.num(row, cmp + 1, b, &st.int)?;
        s.num(row, cmp + 2, shown(c, 1.0), &st.change_int)?;
        row += 1;
    }
    s.blank(row, 0, &st.total_text)?;
    s.text(row, 1, t(T::RegionTotal), &st.total_text)?;
    for (k, m) in months.iter().enumerate() {
        s.num(
            row,
            FIRST_MONTH + k as u16,
            m.region.trained_share,
            &st.total_pct,
        )?;
    }
    let [a, b, c] = comparison(
        previous.and_then(|p| p.region.trained.total),
        o.consolidation.region.trained.total,
    );
    s.num(row, cmp, a, &st.total_int)?;
    s.num(row, cmp + 1, b, &st.total_int)?;
    s.num(row, cmp + 2, shown(c, 1.0), &st.total_change_int)?;
    Ok((first, row))
}

/// The region per month at `row`, under the months' columns: members,
/// trained people, share, and the highest and lowest unit share. Returns
/// the row after it.
fn region_table(s: &mut Sheet, ctx: &Ctx, months: &[Month], row: u32) -> Result<u32, XlsxError> {
    let st = &ctx.st;
    let t = |x: T| ctx.t(x);
    let dates: Vec<String> = months.iter().map(|m| m.period.as_of_dotted()).collect();
    let mut heads = vec![Head::one(t(T::No)), Head::one(t(T::Indicator))];
    heads.extend(dates.iter().map(|d| Head::one(d)));
    let mut row = s.header(row, 0, &heads, st)?;
    let ranges: Vec<(Option<f64>, Option<f64>)> =
        months.iter().map(|m| m.range(&ctx.units)).collect();
    type Line<'m> = (T, &'m dyn Fn(usize) -> Option<f64>, bool);
    let members = |k: usize| months[k].region.members;
    let trained = |k: usize| months[k].region.trained.total;
    let share = |k: usize| months[k].region.trained_share;
    let highest = |k: usize| ranges[k].0;
    let lowest = |k: usize| ranges[k].1;
    let lines: [Line; 5] = [
        (T::IndMembers, &members, false),
        (T::TrainedCount, &trained, false),
        (T::IndShare, &share, true),
        (T::UnitsHighest, &highest, true),
        (T::UnitsLowest, &lowest, true),
    ];
    for (i, (label, value, is_share)) in lines.iter().enumerate() {
        s.num(row, 0, Some(i as f64 + 1.0), &st.center)?;
        s.text(row, 1, t(*label), &st.text_wrap)?;
        let f = if *is_share { &st.pct } else { &st.int };
        for k in 0..months.len() {
            s.num(row, FIRST_MONTH + k as u16, value(k), f)?;
        }
        row += 1;
    }
    Ok(row)
}

/// The notes under the tables; `last_month` as in [`unit_table`].
fn notes(ctx: &Ctx, last_month: Option<&str>) -> Vec<String> {
    let o = ctx.o;
    let t = |x: T| ctx.t(x);
    let mut notes = Vec::new();
    if o.trend.is_empty() {
        notes.push(t(T::NoteTrendEmpty).to_string());
    }
    notes.push(t(T::NoteTrendColumns).to_string());
    match last_month {
        Some(prev) => {
            notes.push(fill(
                t(T::NoteMonthChange),
                &[("cur", &o.period.as_of_dotted()), ("prev", prev)],
            ));
            if o.previous_month.is_none() {
                notes.push(fill(t(T::NoteNoLastMonth), &[("prev", prev)]));
            }
        }
        None => notes.push(t(T::NoteJanuary).to_string()),
    }
    notes.push(t(T::NoteRange).to_string());
    notes.push(t(T::NoteEmpty).to_string());
    notes
}

/// A line of the chart, a column of its table.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Series {
    /// The region's share in a year.
    Region(i32),
    /// This year's highest unit share.
    Highest,
    /// This year's lowest unit share.
    Lowest,
}

/// Where the chart's table sits: a header row, then one row per month of
/// the year; the month's name in column 1, a series per column after it.
struct ChartTable {
    header: u32,
    series: Vec<(u16, Series)>,
}

impl ChartTable {
    fn last_col(&self) -> u16 {
        self.series.last().map_or(1, |s| s.0)
    }
}

/// Writes the chart's table at `top`: by month of the year, the region's
/// share this year and last year (when any month of last year is stored),
/// and this year's highest and lowest unit share.
fn chart_table(
    s: &mut Sheet,
    ctx: &Ctx,
    months: &[Month],
    top: u32,
) -> Result<ChartTable, XlsxError> {
    let st = &ctx.st;
    let t = |x: T| ctx.t(x);
    let year = ctx.o.period.year;
    let mut kinds = vec![Series::Region(year)];
    if months.iter().any(|m| m.period.year == year - 1) {
        kinds.push(Series::Region(year - 1));
    }
    kinds.extend([Series::Highest, Series::Lowest]);
    let name = |kind: Series| {
        let (label, y) = match kind {
            Series::Region(y) => (T::SeriesRegion, y),
            Series::Highest => (T::UnitsHighest, year),
            Series::Lowest => (T::UnitsLowest, year),
        };
        fill(
            t(T::OfYear),
            &[("name", t(label)), ("year", &y.to_string())],
        )
    };
    let value = |kind: Series, month: u32| {
        let y = match kind {
            Series::Region(y) => y,
            _ => year,
        };
        let m = months
            .iter()
            .find(|x| x.period.year == y && x.period.month == month)?;
        match kind {
            Series::Region(_) => m.region.trained_share,
            Series::Highest => m.range(&ctx.units).0,
            Series::Lowest => m.range(&ctx.units).1,
        }
    };

    s.ws.write_string_with_format(top, 1, t(T::TitleChartData), &Format::new().set_bold())?;
    let header = top + 1;
    let mut heads = vec![Head::one(t(T::Month))];
    heads.extend(kinds.iter().map(|k| Head::one(&name(*k))));
    s.header(header, 1, &heads, st)?;
    let series: Vec<(u16, Series)> = kinds
        .into_iter()
        .enumerate()
        .map(|(i, k)| (2 + i as u16, k))
        .collect();
    for month in 1..=12u32 {
        let row = header + month;
        s.text(row, 1, labels::month_name(month, ctx.lang), &st.text)?;
        for (col, kind) in &series {
            s.num(row, *col, value(*kind, month), &st.pct)?;
        }
    }
    Ok(ChartTable { header, series })
}

fn font(size: u8) -> ChartFont {
    let mut f = ChartFont::new();
    f.set_size(size);
    f
}

/// A line per column of the chart's table: this year's share bold and
/// labelled, last year's dark and dashed, this year's unit range light.
fn share_chart(ctx: &Ctx, sheet: &str, table: &ChartTable) -> Chart {
    let t = |x: T| ctx.t(x);
    let (r1, r2) = (table.header + 1, table.header + 12);
    let pct = localised(ctx.lang, code::PER_CENT);
    let this_year = ctx.o.period.year;
    let mut chart = Chart::new(ChartType::Line);
    chart
        .title()
        .set_name(t(T::ChartTrend))
        .set_font(font(11).set_bold());
    let marker = |color: u32, kind: ChartMarkerType, size: u8| {
        let mut m = ChartMarker::new();
        m.set_type(kind).set_size(size).set_format(
            ChartFormat::new()
                .set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(color)))
                .set_border(ChartLine::new().set_color(Color::RGB(color))),
        );
        m
    };
    let line = |color: u32, width: f64, dash: ChartLineDashType| {
        let mut l = ChartLine::new();
        l.set_color(Color::RGB(color))
            .set_width(width)
            .set_dash_type(dash);
        l
    };
    for (col, kind) in &table.series {
        let series = chart
            .add_series()
            .set_name((sheet, table.header, *col))
            .set_categories((sheet, r1, 1, r2, 1))
            .set_values((sheet, r1, *col, r2, *col));
        match kind {
            Series::Region(y) if *y == this_year => {
                series
                    .set_format(&mut line(REGION_LINE, 2.5, ChartLineDashType::Solid))
                    .set_marker(&marker(REGION_LINE, ChartMarkerType::Circle, 7))
                    .set_data_label(
                        ChartDataLabel::new()
                            .show_value()
                            .set_position(ChartDataLabelPosition::Above)
                            .set_num_format(&pct)
                            .set_font(font(9).set_bold()),
                    );
            }
            Series::Region(_) => {
                series
                    .set_format(&mut line(LAST_YEAR_LINE, 1.75, ChartLineDashType::Dash))
                    .set_marker(&marker(LAST_YEAR_LINE, ChartMarkerType::Diamond, 6));
            }
            Series::Highest => {
                series
                    .set_format(&mut line(RANGE_LINE, 1.25, ChartLineDashType::Solid))
                    .set_marker(&marker(RANGE_LINE, ChartMarkerType::Triangle, 5));
            }
            Series::Lowest => {
                series
                    .set_format(&mut line(RANGE_LINE, 1.25, ChartLineDashType::RoundDot))
                    .set_marker(&marker(RANGE_LINE, ChartMarkerType::Square, 5));
            }
        }
    }
    chart
        .y_axis()
        .set_num_format(localised(ctx.lang, "0%"))
        .set_min(0);
    chart.x_axis().set_font(&font(9));
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(CHART_WIDTH).set_height(CHART_HEIGHT);
    chart
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_month_change_needs_both_months() {
        assert_eq!(
            comparison(Some(10.0), Some(14.0)),
            [Some(10.0), Some(14.0), Some(4.0)]
        );
        assert_eq!(comparison(None, Some(14.0)), [None, Some(14.0), None]);
        assert_eq!(comparison(Some(10.0), None), [Some(10.0), None, None]);
    }

    #[test]
    fn the_range_skips_units_without_a_share() {
        let figures = |share: Option<f64>| Figures {
            trained_share: share,
            ..Figures::default()
        };
        let (a, b, c) = (figures(Some(0.2)), figures(None), figures(Some(0.05)));
        let m = Month {
            period: Period::new(2026, 3).unwrap(),
            region: &a,
            units: [("alga", &a), ("kobda", &b), ("shalkar", &c)].into(),
        };
        let units = ["alga", "kobda", "shalkar", "yrgyz"].map(String::from);
        assert_eq!(m.range(&units), (Some(0.2), Some(0.05)));
        assert_eq!(m.range(&units[1..2]), (None, None));
    }
}
