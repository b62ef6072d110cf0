//! The events analysis sheets: events and participants by form and by topic
//! area for every unit, and the reach of each topic area with the seed's
//! priority areas (`priority = true` in the pipeline: legal, financial and
//! information literacy) marked thin when they had few or no events.

use super::labels::T;
use super::sheet::{Head, Sheet};
use super::{Breakdowns, Ctx};
use crate::breakdown::{AreaReach, EventSplit, Tally};
use crate::lang::fill;
use crate::messages::fmt_num;
use crate::pipeline::{Term, Vocabulary};
use crate::workbook::formats;
use rust_xlsxwriter::XlsxError;

const PRIORITY_FILL: u32 = 0xFCE4D6;

/// A category's events and participants; a category with no events reads
/// 0 participants rather than "not reported".
fn pair(t: Option<Tally>) -> (Option<f64>, Option<f64>) {
    match t {
        Some(t) if t.events > 0 => (Some(t.events as f64), t.participants),
        _ => (Some(0.0), Some(0.0)),
    }
}

fn group_name(ctx: &Ctx, term: &Term, mark_priority: bool) -> String {
    if mark_priority && term.priority {
        format!("{} {}", ctx.t(T::PriorityMark), term.name(ctx.lang))
    } else {
        term.name(ctx.lang).to_string()
    }
}

/// A unit-by-category table: for each category its events and participants.
fn matrix(
    ctx: &Ctx,
    split: &EventSplit,
    vocab: &Vocabulary,
    sheet: T,
    title: T,
    mark_priority: bool,
) -> Result<Sheet, XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let t = |x: T| ctx.t(x);
    let sub = [t(T::EventsLower), t(T::Participants)];
    // Categories: the vocabulary in pipeline order, then what named no term.
    let mut cats: Vec<Option<&Term>> = vocab.terms.iter().map(Some).collect();
    if split.has_unmapped() {
        cats.push(None);
    }
    let last_col = 1 + 2 * (cats.len() as u16 + 1);
    let mut s = Sheet::new(&ctx.sheet_name(sheet))?;
    let header_row = s.title(t(title), &ctx.period_line, last_col, st)?;
    let mut heads = vec![Head::one(t(T::No)), Head::one(t(T::Unit))];
    for c in &cats {
        let name = c.map_or_else(
            || t(T::NotInList).to_string(),
            |term| group_name(ctx, term, mark_priority),
        );
        heads.push(Head::group_up(&name, &sub));
    }
    heads.push(Head::group_up(t(T::Total), &sub));
    let first = s.header(header_row, 0, &heads, st)?;
    if mark_priority {
        mark_priority_heads(&mut s, ctx, &cats, header_row, sub)?;
    }

    let mut row = first;
    for (i, u) in o.consolidation.units.iter().enumerate() {
        s.num(row, 0, Some(i as f64 + 1.0), &st.center)?;
        s.text(row, 1, &ctx.unit_name(&u.unit), &st.text)?;
        let reported = u.figures.events.is_some();
        for (k, c) in cats.iter().enumerate() {
            let col = 2 + 2 * k as u16;
            let (n, p) = if reported {
                pair(split.get(&u.unit, c.map(|t| t.id.as_str())))
            } else {
                (None, None)
            };
            s.num(row, col, n, &st.int_dash)?;
            s.num(row, col + 1, p, &st.int_dash)?;
        }
        let col = 2 + 2 * cats.len() as u16;
        s.count(row, col, u.figures.events, &st.int_dash)?;
        s.num(row, col + 1, u.figures.participants, &st.int_dash)?;
        row += 1;
    }
    let last_unit_row = row - 1;

    let region = &o.consolidation.region;
    let any = region.events.is_some();
    s.blank(row, 0, &st.total_text)?;
    s.text(row, 1, t(T::RegionTotal), &st.total_text)?;
    for (k, c) in cats.iter().enumerate() {
        let col = 2 + 2 * k as u16;
        let (n, p) = if any {
            pair(Some(split.category_total(c.map(|t| t.id.as_str()))))
        } else {
            (None, None)
        };
        s.num(row, col, n, &st.total_int_dash)?;
        s.num(row, col + 1, p, &st.total_int_dash)?;
    }
    let col = 2 + 2 * cats.len() as u16;
    s.count(row, col, region.events, &st.total_int_dash)?;
    s.num(row, col + 1, region.participants, &st.total_int_dash)?;
    row += 2;

    s.limit(0, 4.0, 5.0);
    s.limit(1, 22.0, 30.0);
    for col in 2..=last_col {
        s.limit(col, 5.5, 8.0);
    }
    s.fit()?;
    if mark_priority {
        s.note(row, last_col, t(T::NotePriority), st)?;
        row += 1;
    }
    s.note(row, last_col, t(T::NoteDash), st)?;

    s.ws.autofilter(first - 1, 0, last_unit_row, last_col)?;
    s.ws.set_freeze_panes(first, 2)?;
    s.print_setup((header_row, first - 1), &ctx.span)?;
    Ok(s)
}

/// The group headers of the priority areas among `cats` (and their
/// sub-headers) on their own fill: the cells of the merged group header at
/// `header_row` written again.
fn mark_priority_heads(
    s: &mut Sheet,
    ctx: &Ctx,
    cats: &[Option<&Term>],
    header_row: u32,
    sub: [&str; 2],
) -> Result<(), XlsxError> {
    let st = &ctx.st;
    let f = formats::filled(st.header.clone(), PRIORITY_FILL);
    let up = formats::filled(st.header_up.clone(), PRIORITY_FILL);
    for (i, c) in cats.iter().enumerate() {
        if let Some(term) = c.filter(|t| t.priority) {
            let col = 2 + 2 * i as u16;
            s.ws.write_string_with_format(header_row, col, group_name(ctx, term, true), &f)?;
            s.ws.write_blank(header_row, col + 1, &f)?;
            s.ws.write_string_with_format(header_row + 1, col, sub[0], &up)?;
            s.ws.write_string_with_format(header_row + 1, col + 1, sub[1], &up)?;
        }
    }
    Ok(())
}

pub(crate) fn forms_sheet(ctx: &Ctx, b: &Breakdowns) -> Result<Sheet, XlsxError> {
    matrix(
        ctx,
        &b.by_form,
        &ctx.o.pipeline.forms,
        T::SheetForms,
        T::TitleForms,
        false,
    )
}

pub(crate) fn areas_sheet(ctx: &Ctx, b: &Breakdowns) -> Result<Sheet, XlsxError> {
    matrix(
        ctx,
        &b.by_area,
        &ctx.o.pipeline.topic_areas,
        T::SheetAreas,
        T::TitleAreas,
        true,
    )
}

/// Events per topic area below which a priority area is thin: the mean per
/// area of the vocabulary.
pub(crate) fn thin_threshold(total_events: usize, areas: usize) -> f64 {
    total_events as f64 / areas.max(1) as f64
}

/// A topic area of the vocabulary (None: what named no area) and its reach.
type AreaLine<'a> = (Option<&'a Term>, Option<&'a AreaReach>);

/// The vocabulary's topic areas in pipeline order, then what named no
/// area, each with its reach.
fn area_lines<'a>(ctx: &'a Ctx, b: &'a Breakdowns) -> Vec<AreaLine<'a>> {
    let mut rows: Vec<AreaLine> = ctx
        .o
        .pipeline
        .topic_areas
        .terms
        .iter()
        .map(|term| {
            (
                Some(term),
                b.area_reach
                    .iter()
                    .find(|r| r.topic_area.as_deref() == Some(term.id.as_str())),
            )
        })
        .collect();
    if let Some(unmapped) = b.area_reach.iter().find(|r| r.topic_area.is_none()) {
        rows.push((None, Some(unmapped)));
    }
    rows
}

pub(crate) fn priority_sheet(ctx: &Ctx, b: &Breakdowns) -> Result<Sheet, XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let t = |x: T| ctx.t(x);
    let last_col = 7;
    let mut s = Sheet::new(&ctx.sheet_name(T::SheetPriority))?;
    let header_row = s.title(t(T::TitlePriority), &ctx.period_line, last_col, st)?;
    let heads: Vec<Head> = [
        T::No,
        T::TopicAreaHeader,
        T::Priority,
        T::Events,
        T::ParticipantsHeader,
        T::ShareOfEvents,
        T::UnitsReached,
        T::Assessment,
    ]
    .iter()
    .map(|x| Head::one(t(*x)))
    .collect();
    let first = s.header(header_row, 0, &heads, st)?;

    let total_events = o.consolidation.region.events.unwrap_or(0);
    let threshold = thin_threshold(total_events, o.pipeline.topic_areas.terms.len());
    let mut row = first;
    for (i, line) in area_lines(ctx, b).iter().enumerate() {
        area_row(&mut s, ctx, row, i + 1, line, threshold)?;
        row += 1;
    }
    let last_area_row = row - 1;

    let region = &o.consolidation.region;
    for col in [0, 2, 6, 7] {
        s.blank(row, col, &st.total_text)?;
    }
    s.text(row, 1, t(T::RegionTotal), &st.total_text)?;
    s.count(row, 3, region.events, &st.total_int_dash)?;
    s.num(row, 4, region.participants, &st.total_int_dash)?;
    s.num(row, 5, (total_events > 0).then_some(1.0), &st.total_pct)?;
    row += 2;

    s.limit(0, 4.0, 5.0);
    s.limit(1, 36.0, 48.0);
    s.limit(2, 9.0, 10.0);
    for col in 3..=6 {
        s.limit(col, 12.0, 16.0);
    }
    s.limit(7, 26.0, 40.0);
    s.fit()?;
    let avg = fmt_num((threshold * 10.0).round() / 10.0, ctx.lang);
    s.note(row, last_col, t(T::NotePriority), st)?;
    s.note(
        row + 1,
        last_col,
        &fill(t(T::NoteThin), &[("avg", &avg)]),
        st,
    )?;
    s.note(row + 2, last_col, t(T::NoteDash), st)?;

    s.ws.autofilter(first - 1, 0, last_area_row, last_col)?;
    s.ws.set_freeze_panes(first, 2)?;
    s.print_setup((header_row, first - 1), &ctx.span)?;
    Ok(s)
}

/// Topic area number `no` at `row`: its events, participants, share of
/// all events and units reached; a priority area below `threshold` events
/// is marked thin.
fn area_row(
    s: &mut Sheet,
    ctx: &Ctx,
    row: u32,
    no: usize,
    (term, reach): &AreaLine,
    threshold: f64,
) -> Result<(), XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let t = |x: T| ctx.t(x);
    let any = o.consolidation.region.events.is_some();
    let total_events = o.consolidation.region.events.unwrap_or(0);
    let priority = term.is_some_and(|t| t.priority);
    let label_fmt = if priority {
        st.text_wrap.clone().set_bold()
    } else {
        st.text_wrap.clone()
    };
    s.num(row, 0, Some(no as f64), &st.center)?;
    match term {
        Some(term) => s.text(row, 1, term.name(ctx.lang), &label_fmt)?,
        None => s.text(row, 1, t(T::NotInList), &st.italic)?,
    }
    if priority {
        s.text(row, 2, t(T::PriorityMark), &st.center)?;
    } else {
        s.blank(row, 2, &st.center)?;
    }
    let events = any.then(|| reach.map_or(0, |r| r.events));
    let participants = if any {
        reach.map_or(Some(0.0), |r| r.participants)
    } else {
        None
    };
    s.count(row, 3, events, &st.int_dash)?;
    s.num(row, 4, participants, &st.int_dash)?;
    let share = events
        .filter(|_| total_events > 0)
        .map(|n| n as f64 / total_events as f64);
    s.num(row, 5, share, &st.pct)?;
    s.count(
        row,
        6,
        any.then(|| reach.map_or(0, |r| r.units)),
        &st.int_dash,
    )?;
    match events {
        Some(n) if priority && (n as f64) < threshold => {
            s.text(row, 7, t(T::Thin), &st.flag_error)?
        }
        Some(_) if priority => s.text(row, 7, t(T::Sufficient), &st.text_wrap)?,
        _ => s.blank(row, 7, &st.text_wrap)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_area_is_thin_below_the_mean_per_area() {
        let th = thin_threshold(16, 7);
        assert!(2.0 < th && th < 3.0);
        assert_eq!(thin_threshold(0, 7), 0.0);
        assert_eq!(thin_threshold(5, 0), 5.0);
    }

    #[test]
    fn a_category_without_events_reads_zero() {
        assert_eq!(pair(None), (Some(0.0), Some(0.0)));
        assert_eq!(
            pair(Some(Tally {
                events: 2,
                participants: None
            })),
            (Some(2.0), None)
        );
    }
}
