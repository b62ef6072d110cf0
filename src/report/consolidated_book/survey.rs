//! The survey sheet: the participants' survey by form, by topic area and by
//! unit in one filterable table: respondents, the response rate, usefulness
//! and the share who will apply what they learnt, both weighted by
//! respondents; the region's results under it.

use super::labels::T;
use super::style::{Head, Sheet};
use super::{Breakdowns, Ctx};
use crate::breakdown::Survey;
use crate::pipeline::Vocabulary;
use rust_xlsxwriter::{Format, XlsxError};

const LAST_COL: u16 = 8;

#[allow(clippy::too_many_arguments)]
fn write(
    s: &mut Sheet,
    ctx: &Ctx,
    row: u32,
    group: &str,
    name: &str,
    name_fmt: &Format,
    x: &Survey,
    total: bool,
) -> Result<(), XlsxError> {
    let st = &ctx.st;
    let (text, int, pct, score) = if total {
        (
            &st.total_text,
            &st.total_int,
            &st.total_pct,
            &st.total_score,
        )
    } else {
        (&st.text, &st.int, &st.pct, &st.score)
    };
    s.text(row, 0, group, text)?;
    s.text(row, 1, name, if total { text } else { name_fmt })?;
    s.count(row, 2, Some(x.events), int)?;
    s.count(row, 3, Some(x.surveyed_events), int)?;
    s.num(row, 4, x.participants, int)?;
    s.num(row, 5, x.respondents, int)?;
    s.num(row, 6, x.response_rate(), pct)?;
    s.num(row, 7, x.usefulness, score)?;
    s.num(row, 8, x.will_apply, pct)?;
    Ok(())
}

/// The groups of a vocabulary in its order, then the events that named no term.
fn in_vocab_order<'a>(
    ctx: &Ctx,
    vocab: &'a Vocabulary,
    groups: &'a [(Option<String>, Survey)],
) -> Vec<(String, bool, &'a Survey)> {
    let mut out: Vec<(String, bool, &Survey)> = vocab
        .terms
        .iter()
        .filter_map(|term| {
            groups
                .iter()
                .find(|(k, _)| k.as_deref() == Some(term.id.as_str()))
                .map(|(_, x)| (term.name(ctx.lang).to_string(), true, x))
        })
        .collect();
    if let Some((_, x)) = groups.iter().find(|(k, _)| k.is_none()) {
        out.push((ctx.t(T::NotInList).to_string(), false, x));
    }
    out
}

pub fn sheet(ctx: &Ctx, b: &Breakdowns) -> Result<Sheet, XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let t = |x: T| ctx.t(x);
    let mut s = Sheet::new(&ctx.sheet_name(T::SheetSurvey))?;
    let header_row = s.title(t(T::TitleSurvey), &ctx.period_line, LAST_COL, st)?;
    let heads: Vec<Head> = [
        T::GroupedBy,
        T::Name,
        T::Events,
        T::SurveyedEvents,
        T::ParticipantsHeader,
        T::RespondentsHeader,
        T::ResponseRate,
        T::UsefulnessHeader,
        T::WillApplyHeader,
    ]
    .iter()
    .map(|x| Head::one(t(*x)))
    .collect();
    let first = s.header(header_row, 0, &heads, st)?;

    let mut rows: Vec<(&str, String, bool, &Survey)> = Vec::new();
    for (name, known, x) in in_vocab_order(ctx, &o.pipeline.forms, &b.survey_form) {
        rows.push((t(T::ByForm), name, known, x));
    }
    for (name, known, x) in in_vocab_order(ctx, &o.pipeline.topic_areas, &b.survey_area) {
        rows.push((t(T::ByArea), name, known, x));
    }
    for unit in &ctx.units {
        if let Some((_, x)) = b
            .survey_unit
            .iter()
            .find(|(k, _)| k.as_deref() == Some(unit.as_str()))
        {
            rows.push((t(T::ByUnit), ctx.unit_name(unit), true, x));
        }
    }
    let mut row = first;
    for (group, name, known, x) in &rows {
        let name_fmt = if *known { &st.text_wrap } else { &st.italic };
        write(&mut s, ctx, row, group, name, name_fmt, x, false)?;
        row += 1;
    }
    let last_row = row.saturating_sub(1).max(first);
    write(
        &mut s,
        ctx,
        row,
        "",
        t(T::RegionTotal),
        &st.total_text,
        &b.survey_total,
        true,
    )?;
    row += 2;

    s.limit(0, 12.0, 16.0);
    s.limit(1, 28.0, 44.0);
    for col in 2..=LAST_COL {
        s.limit(col, 11.0, 16.0);
    }
    s.fit()?;
    s.note(row, LAST_COL, t(T::NoteSurvey), st)?;
    s.note(row + 1, LAST_COL, t(T::NoteEmpty), st)?;

    s.ws.autofilter(first - 1, 0, last_row, LAST_COL)?;
    s.ws.set_freeze_panes(first, 2)?;
    s.print_setup((header_row, first - 1), &ctx.span)?;
    Ok(s)
}
