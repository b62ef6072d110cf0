//! The events sheet: every event in unit order and by date, with its form
//! and topic area by their vocabulary names (the text as written, in
//! italics, when it names no term), topic, venue, participants and survey
//! results, and where it came from.

use super::labels::T;
use super::sheet::{Head, Sheet};
use super::{Breakdowns, Ctx};
use crate::pipeline::Vocabulary;
use rust_xlsxwriter::XlsxError;
use std::collections::BTreeMap;

const LAST_COL: u16 = 13;

/// (file, Excel row) -> (form, topic area) as written.
fn written_terms(ctx: &Ctx) -> BTreeMap<(String, u32), (String, String)> {
    let mut map = BTreeMap::new();
    for r in &ctx.o.reports {
        let Some(ev) = &r.events else { continue };
        for e in &ev.rows {
            map.insert(
                (r.rel.clone(), e.row + 1),
                (
                    e.form_written.trim().to_string(),
                    e.topic_area_written.trim().to_string(),
                ),
            );
        }
    }
    map
}

/// `YYYY-MM-DD` -> (year, month, day).
fn ymd(iso: &str) -> Option<(i32, u32, u32)> {
    let mut parts = iso.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((y, m, d))
}

/// A vocabulary term's name, or the written text marked as outside the list.
fn term(
    s: &mut Sheet,
    ctx: &Ctx,
    row: u32,
    col: u16,
    vocab: &Vocabulary,
    id: Option<&str>,
    written: &str,
) -> Result<(), XlsxError> {
    match id.and_then(|id| vocab.get(id)) {
        Some(term) => s.text(row, col, term.name(ctx.lang), &ctx.st.text_wrap),
        None if !written.is_empty() => s.text(row, col, written, &ctx.st.italic),
        None => s.blank(row, col, &ctx.st.text_wrap),
    }
}

pub(crate) fn sheet(ctx: &Ctx, b: &Breakdowns) -> Result<Sheet, XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let t = |x: T| ctx.t(x);
    let mut s = Sheet::new(&ctx.sheet_name(T::SheetEvents))?;
    let header_row = s.title(t(T::TitleEvents), &ctx.period_line, LAST_COL, st)?;
    let heads = vec![
        Head::one(t(T::No)),
        Head::one(t(T::Unit)),
        Head::one(t(T::Date)),
        Head::one(t(T::Form)),
        Head::one(t(T::TopicArea)),
        Head::one(t(T::Topic)),
        Head::one(t(T::Venue)),
        Head::one(t(T::ParticipantsCount)),
        Head::group(
            t(T::Survey),
            &[t(T::Respondents), t(T::Usefulness), t(T::WillApply)],
        ),
        Head::group(t(T::Source), &[t(T::File), t(T::Sheet), t(T::Row)]),
    ];
    let first = s.header(header_row, 0, &heads, st)?;
    let written = written_terms(ctx);
    let mut row = first;
    for (i, e) in b.events.iter().enumerate() {
        let (form_w, area_w) = written
            .get(&(e.file.clone(), e.row))
            .cloned()
            .unwrap_or_default();
        s.num(row, 0, Some(i as f64 + 1.0), &st.center)?;
        s.text(row, 1, &ctx.unit_name(&e.unit), &st.text)?;
        s.date(row, 2, e.date.as_deref().and_then(ymd), &st.date)?;
        term(
            &mut s,
            ctx,
            row,
            3,
            &o.pipeline.forms,
            e.form.as_deref(),
            &form_w,
        )?;
        term(
            &mut s,
            ctx,
            row,
            4,
            &o.pipeline.topic_areas,
            e.topic_area.as_deref(),
            &area_w,
        )?;
        s.text(row, 5, &e.topic, &st.text_wrap)?;
        s.text(row, 6, &e.venue, &st.text_wrap)?;
        s.num(row, 7, e.participants, &st.int)?;
        s.num(row, 8, e.respondents, &st.int)?;
        s.num(row, 9, e.usefulness, &st.score)?;
        s.num(row, 10, e.will_apply, &st.pct)?;
        s.text(row, 11, &e.file, &st.text_wrap)?;
        s.text(row, 12, &e.sheet, &st.text)?;
        s.num(row, 13, Some(e.row as f64), &st.center)?;
        row += 1;
    }
    let last_row = row.saturating_sub(1).max(first);

    let total = &b.survey_total;
    for col in [0, 2, 3, 4, 5, 6, 11, 12, 13] {
        s.blank(row, col, &st.total_text)?;
    }
    s.text(row, 1, t(T::RegionTotal), &st.total_text)?;
    s.num(row, 7, o.consolidation.region.participants, &st.total_int)?;
    s.num(row, 8, total.respondents, &st.total_int)?;
    s.num(row, 9, total.usefulness, &st.total_score)?;
    s.num(row, 10, total.will_apply, &st.total_pct)?;
    row += 2;

    s.limit(0, 4.0, 5.0);
    s.limit(1, 14.0, 22.0);
    s.limit(2, 11.0, 11.0);
    s.limit(3, 16.0, 20.0);
    s.limit(4, 18.0, 22.0);
    s.limit(5, 26.0, 34.0);
    s.limit(6, 18.0, 24.0);
    for col in 7..=10 {
        s.limit(col, 10.0, 13.0);
    }
    s.limit(11, 16.0, 24.0);
    s.limit(12, 8.0, 14.0);
    s.limit(13, 6.0, 7.0);
    s.fit()?;
    s.note(row, LAST_COL, t(T::NoteUnmapped), st)?;
    s.note(row + 1, LAST_COL, t(T::NoteSurvey), st)?;
    s.note(row + 2, LAST_COL, t(T::NoteEmpty), st)?;

    s.ws.autofilter(first - 1, 0, last_row, LAST_COL)?;
    s.ws.set_freeze_panes(first, 2)?;
    s.print_setup((header_row, first - 1), &ctx.span)?;
    Ok(s)
}
