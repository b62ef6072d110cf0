//! The survey sheet: the participants' survey by form, by topic area and by
//! unit in one filterable table: respondents, the response rate, usefulness
//! and the share who will apply what they learnt, both weighted by
//! respondents; the region's results under it.

use super::labels::T;
use super::sheet::{Head, Sheet};
use super::{Breakdowns, Ctx};
use crate::breakdown::Survey;
use crate::pipeline::Vocabulary;
use rust_xlsxwriter::{Format, XlsxError};

const LAST_COL: u16 = 9;

/// The labels of a row: its number (none on the total row), group and name.
struct RowLabel<'a> {
    no: Option<usize>,
    group: &'a str,
    name: &'a str,
    name_fmt: &'a Format,
}

fn write(
    s: &mut Sheet,
    ctx: &Ctx,
    row: u32,
    label: &RowLabel,
    x: &Survey,
) -> Result<(), XlsxError> {
    let st = &ctx.st;
    let total = label.no.is_none();
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
    s.count(row, 0, label.no, if total { text } else { &st.center })?;
    s.text(row, 1, label.group, text)?;
    s.text(
        row,
        2,
        label.name,
        if total { text } else { label.name_fmt },
    )?;
    s.count(row, 3, Some(x.events), int)?;
    s.count(row, 4, Some(x.surveyed_events), int)?;
    s.num(row, 5, x.participants, int)?;
    s.num(row, 6, x.respondents, int)?;
    s.num(row, 7, x.response_rate(), pct)?;
    s.num(row, 8, x.usefulness, score)?;
    s.num(row, 9, x.will_apply, pct)?;
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

pub(crate) fn sheet(ctx: &Ctx, b: &Breakdowns) -> Result<Sheet, XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let t = |x: T| ctx.t(x);
    let mut s = Sheet::new(&ctx.sheet_name(T::SheetSurvey))?;
    let header_row = s.title(t(T::TitleSurvey), &ctx.period_line, LAST_COL, st)?;
    let heads: Vec<Head> = [
        T::No,
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
    for (i, (group, name, known, x)) in rows.iter().enumerate() {
        let name_fmt = if *known { &st.text_wrap } else { &st.italic };
        let label = RowLabel {
            no: Some(i + 1),
            group,
            name,
            name_fmt,
        };
        write(&mut s, ctx, row, &label, x)?;
        row += 1;
    }
    let last_row = row.saturating_sub(1).max(first);
    let label = RowLabel {
        no: None,
        group: "",
        name: t(T::RegionTotal),
        name_fmt: &st.total_text,
    };
    write(&mut s, ctx, row, &label, &b.survey_total)?;
    row += 2;

    s.limit(0, 4.0, 5.0);
    s.limit(1, 12.0, 16.0);
    s.limit(2, 28.0, 44.0);
    for col in 3..=LAST_COL {
        s.limit(col, 12.0, 16.0);
    }
    s.fit()?;
    s.note(row, LAST_COL, t(T::NoteSurvey), st)?;
    s.note(row + 1, LAST_COL, t(T::NoteEmpty), st)?;

    s.ws.autofilter(first - 1, 0, last_row, LAST_COL)?;
    s.ws.set_freeze_panes(first, 3)?;
    s.print_setup((header_row, first - 1), &ctx.span)?;
    Ok(s)
}
