//! The charts sheet: native Excel charts over cells, so they follow the
//! figures: the share trained by unit (columns) with the region's share as a
//! line, trained by category (over the first sheet's cells) and events by
//! form. The data the first and last chart draw sit in small tables beside
//! them.

use super::labels::T;
use super::sheet::{Head, Sheet};
use super::summary::SummaryRefs;
use super::{Breakdowns, Ctx};
use crate::workbook::formats::{code, localised};
use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartDataLabel, ChartFont, ChartLegendPosition, ChartLine, ChartType,
    Color, Format, XlsxError,
};

/// First column of the data tables, right of the charts.
const DATA_COL: u16 = 12;
const CHART_WIDTH: u32 = 800;
const CHART_HEIGHT: u32 = 460;
const SMALL_CHART_HEIGHT: u32 = 300;
/// Rows a chart takes (20 px each), with a gap.
const CHART_ROWS: u32 = 25;
const SMALL_CHART_ROWS: u32 = 17;

fn font(size: u8) -> ChartFont {
    let mut f = ChartFont::new();
    f.set_size(size);
    f
}

pub(crate) fn sheet(ctx: &Ctx, b: &Breakdowns, refs: &SummaryRefs) -> Result<Sheet, XlsxError> {
    let name = ctx.sheet_name(T::SheetCharts);
    let mut s = Sheet::new(&name)?;
    let top = s.title(
        ctx.t(T::SheetCharts),
        &ctx.period_line,
        DATA_COL + 2,
        &ctx.st,
    )?;

    // Page 1: share trained by unit, with its data beside it.
    let units = unit_shares(&mut s, ctx, top)?;
    s.ws.insert_chart(top, 0, &share_chart(ctx, &name, units))?;

    // Page 2: trained by category (cells of the first sheet) and events by
    // form, with the forms' data beside it. One row of room under the
    // break, so no chart is cut at the page's edge.
    let page2 = top + CHART_ROWS;
    s.ws.insert_chart(page2 + 1, 0, &categories_chart(ctx, refs))?;
    let forms_top = page2 + 1 + SMALL_CHART_ROWS;
    let forms = form_counts(&mut s, ctx, b, forms_top)?;
    s.ws.insert_chart(forms_top, 0, &forms_chart(ctx, &name, forms))?;

    for col in 0..DATA_COL {
        s.ws.set_column_width(col, 9.43)?;
    }
    s.limit(DATA_COL, 24.0, 34.0);
    s.limit(DATA_COL + 1, 12.0, 14.0);
    s.limit(DATA_COL + 2, 12.0, 14.0);
    s.fit()?;
    s.print_setup((0, 1), &ctx.span)?;
    s.ws.set_page_breaks(&[page2])?;
    Ok(s)
}

/// The table of each unit's share trained and the region's, under a
/// caption at `top`; returns its first and last data rows.
fn unit_shares(s: &mut Sheet, ctx: &Ctx, top: u32) -> Result<(u32, u32), XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let t = |x: T| ctx.t(x);
    let caption = Format::new().set_bold();
    s.ws.write_string_with_format(top, DATA_COL, t(T::TitleChartData), &caption)?;
    let first = s.header(
        top + 1,
        DATA_COL,
        &[
            Head::one(t(T::Unit)),
            Head::one(t(T::ShareTrained)),
            Head::one(t(T::SeriesRegion)),
        ],
        st,
    )?;
    let mut row = first;
    let region_share = o.consolidation.region.trained_share;
    for u in &o.consolidation.units {
        s.text(row, DATA_COL, &ctx.unit_name(&u.unit), &st.text)?;
        s.num(row, DATA_COL + 1, u.figures.trained_share, &st.pct)?;
        s.num(row, DATA_COL + 2, region_share, &st.pct)?;
        row += 1;
    }
    Ok((first, row - 1))
}

/// The units' shares as columns, the region's as a line across them, over
/// the rows `first..=last` of the sheet `sheet`.
fn share_chart(ctx: &Ctx, sheet: &str, (first, last): (u32, u32)) -> Chart {
    let t = |x: T| ctx.t(x);
    let pct = localised(ctx.lang, code::PER_CENT);
    let mut share = Chart::new(ChartType::Column);
    share
        .title()
        .set_name(t(T::ChartShare))
        .set_font(font(12).set_bold());
    share
        .add_series()
        .set_name(t(T::SeriesShare))
        .set_categories((sheet, first, DATA_COL, last, DATA_COL))
        .set_values((sheet, first, DATA_COL + 1, last, DATA_COL + 1))
        .set_data_label(
            ChartDataLabel::new()
                .show_value()
                .set_num_format(&pct)
                .set_font(&font(8)),
        );
    let mut line = Chart::new(ChartType::Line);
    line.add_series()
        .set_name(t(T::SeriesRegion))
        .set_categories((sheet, first, DATA_COL, last, DATA_COL))
        .set_values((sheet, first, DATA_COL + 2, last, DATA_COL + 2))
        .set_format(
            ChartLine::new()
                .set_color(Color::RGB(0xC00000))
                .set_width(2.25),
        );
    share.combine(&line);
    share
        .y_axis()
        .set_num_format(localised(ctx.lang, "0%"))
        .set_min(0);
    share.x_axis().set_font(&font(8));
    share.legend().set_position(ChartLegendPosition::Bottom);
    share.set_width(CHART_WIDTH).set_height(CHART_HEIGHT);
    share
}

/// Trained people by category, over the cells of the first sheet.
fn categories_chart(ctx: &Ctx, refs: &SummaryRefs) -> Chart {
    let mut cats = Chart::new(ChartType::Bar);
    cats.title()
        .set_name(ctx.t(T::ChartCategories))
        .set_font(font(12).set_bold());
    let (r1, r2) = refs.categories;
    cats.add_series()
        .set_name(ctx.t(T::Trained))
        .set_categories((refs.sheet.as_str(), r1, refs.label_col, r2, refs.label_col))
        .set_values((refs.sheet.as_str(), r1, refs.value_col, r2, refs.value_col))
        .set_data_label(
            ChartDataLabel::new()
                .show_value()
                .set_num_format(localised(ctx.lang, code::THOUSANDS))
                .set_font(&font(9)),
        );
    top_down(&mut cats, ctx);
    cats.set_width(CHART_WIDTH).set_height(SMALL_CHART_HEIGHT);
    cats
}

/// The table of events by form at `top`, then those that named no form;
/// returns its first and last data rows.
fn form_counts(
    s: &mut Sheet,
    ctx: &Ctx,
    b: &Breakdowns,
    top: u32,
) -> Result<(u32, u32), XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let t = |x: T| ctx.t(x);
    let first = s.header(
        top,
        DATA_COL,
        &[Head::one(t(T::Form)), Head::one(t(T::Events))],
        st,
    )?;
    let mut row = first;
    for term in &o.pipeline.forms.terms {
        let n = o
            .consolidation
            .region
            .events
            .map(|_| b.by_form.category_total(Some(&term.id)).events);
        s.text(row, DATA_COL, term.name(ctx.lang), &st.text)?;
        s.count(row, DATA_COL + 1, n, &st.int)?;
        row += 1;
    }
    if b.by_form.has_unmapped() {
        s.text(row, DATA_COL, t(T::NotInList), &st.italic)?;
        s.count(
            row,
            DATA_COL + 1,
            Some(b.by_form.category_total(None).events),
            &st.int,
        )?;
        row += 1;
    }
    Ok((first, row - 1))
}

/// Events by form, over the rows `first..=last` of the sheet `sheet`.
fn forms_chart(ctx: &Ctx, sheet: &str, (first, last): (u32, u32)) -> Chart {
    let mut forms = Chart::new(ChartType::Bar);
    forms
        .title()
        .set_name(ctx.t(T::ChartForms))
        .set_font(font(12).set_bold());
    forms
        .add_series()
        .set_name(ctx.t(T::Events))
        .set_categories((sheet, first, DATA_COL, last, DATA_COL))
        .set_values((sheet, first, DATA_COL + 1, last, DATA_COL + 1))
        .set_data_label(ChartDataLabel::new().show_value().set_font(&font(9)));
    top_down(&mut forms, ctx);
    forms.set_width(CHART_WIDTH).set_height(SMALL_CHART_HEIGHT);
    forms
}

/// A bar chart read from the top: categories in the order of their cells,
/// whole numbers on the value axis, no legend for its single series.
fn top_down(chart: &mut Chart, ctx: &Ctx) {
    chart
        .y_axis()
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max);
    chart
        .x_axis()
        .set_num_format(localised(ctx.lang, code::THOUSANDS))
        .set_min(0);
    chart.legend().set_hidden();
}
