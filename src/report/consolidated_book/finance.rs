//! The financing sheet: per unit the budget's expense side, training's part
//! of it and its share against the norm (`finance.below_norm` in the
//! pipeline), marked when below; the region's share is total training over
//! total budget, never a mean of shares.

use super::labels::T;
use super::sheet::{Head, Sheet};
use super::Ctx;
use crate::lang::fill;
use rust_xlsxwriter::XlsxError;

const LAST_COL: u16 = 6;

/// The region's share against the norm, for the finance sheet and the
/// first sheet.
pub(crate) struct Verdict {
    /// `норма сақталған`, `нормадан төмен` or `бағаланбайды`, then how many
    /// units reported financing.
    pub(crate) text: String,
    /// Below the norm: marked as bad.
    pub(crate) bad: bool,
}

/// The region's verdict, when the region has a share: below or meeting the
/// norm only when every unit that must report financing
/// (`reports_finance` in the pipeline) did; with `n of total` units that
/// reported.
pub(crate) fn region_verdict(ctx: &Ctx) -> Option<Verdict> {
    let o = ctx.o;
    let share = o.consolidation.region.finance.as_ref()?.share?;
    let reported = |id: &str| {
        o.consolidation
            .units
            .iter()
            .any(|u| u.unit == id && u.figures.finance.is_some())
    };
    let units = &o.pipeline.units;
    let n = units.iter().filter(|u| reported(&u.id)).count();
    let complete = units
        .iter()
        .filter(|u| u.reports_finance)
        .all(|u| reported(&u.id));
    let bad = complete && ctx.below_norm(share);
    let judged = match (complete, bad) {
        (false, _) => T::NormNotJudged,
        (true, true) => T::BelowNorm,
        (true, false) => T::MeetsNorm,
    };
    let count = crate::lang::fill(
        ctx.t(T::FinanceReportedOf),
        &[("n", &n.to_string()), ("total", &units.len().to_string())],
    );
    Some(Verdict {
        text: format!("{}; {count}", ctx.t(judged)),
        bad,
    })
}

pub(crate) fn sheet(ctx: &Ctx) -> Result<Sheet, XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let t = |x: T| ctx.t(x);
    let mut s = Sheet::new(&ctx.sheet_name(T::SheetFinance))?;
    let header_row = s.title(t(T::TitleFinance), &ctx.period_line, LAST_COL, st)?;
    let heads: Vec<Head> = [
        T::No,
        T::Unit,
        T::BudgetHeader,
        T::TrainingHeader,
        T::TrainingShareHeader,
        T::Norm,
        T::AgainstNorm,
    ]
    .iter()
    .map(|x| Head::one(t(*x)))
    .collect();
    let first = s.header(header_row, 0, &heads, st)?;
    let mut row = first;
    for (i, u) in o.consolidation.units.iter().enumerate() {
        let fin = u.figures.finance.as_ref();
        s.num(row, 0, Some(i as f64 + 1.0), &st.center)?;
        s.text(row, 1, &ctx.unit_name(&u.unit), &st.text)?;
        s.num(row, 2, fin.map(|f| f.budget), &st.int)?;
        s.num(row, 3, fin.map(|f| f.training), &st.int)?;
        let share = fin.and_then(|f| f.share);
        let below = share.is_some_and(|v| ctx.below_norm(v));
        s.num(row, 4, share, if below { &st.pct_bad } else { &st.pct })?;
        s.num(row, 5, Some(ctx.norm), &st.pct)?;
        match (fin, share) {
            (None, _) => s.text(row, 6, t(T::NoFinance), &st.text)?,
            (Some(_), Some(_)) if below => s.text(row, 6, t(T::BelowNorm), &st.bad)?,
            (Some(_), Some(_)) => s.text(row, 6, t(T::MeetsNorm), &st.text)?,
            (Some(_), None) => s.blank(row, 6, &st.text)?,
        }
        row += 1;
    }
    let last_unit_row = row - 1;

    let region = o.consolidation.region.finance.as_ref();
    let share = region.and_then(|f| f.share);
    let below = share.is_some_and(|v| ctx.below_norm(v));
    s.blank(row, 0, &st.total_text)?;
    s.text(row, 1, t(T::RegionTotal), &st.total_text)?;
    s.num(row, 2, region.map(|f| f.budget), &st.total_int)?;
    s.num(row, 3, region.map(|f| f.training), &st.total_int)?;
    s.num(
        row,
        4,
        share,
        if below { &st.pct_bad } else { &st.total_pct },
    )?;
    s.num(row, 5, Some(ctx.norm), &st.total_pct)?;
    match region_verdict(ctx) {
        Some(v) if v.bad => s.text(row, 6, &v.text, &st.bad)?,
        Some(v) => s.text(row, 6, &v.text, &st.total_text)?,
        None => s.blank(row, 6, &st.total_text)?,
    }
    row += 2;

    s.limit(0, 4.0, 5.0);
    s.limit(1, 24.0, 40.0);
    for col in 2..=3 {
        s.limit(col, 16.0, 20.0);
    }
    s.limit(4, 13.0, 16.0);
    s.limit(5, 10.0, 12.0);
    s.limit(6, 18.0, 26.0);
    s.fit()?;
    let n = o
        .consolidation
        .units
        .iter()
        .filter(|u| u.figures.finance.is_some())
        .count();
    s.note(
        row,
        LAST_COL,
        &fill(t(T::NoteFinance), &[("n", &n.to_string())]),
        st,
    )?;
    s.note(
        row + 1,
        LAST_COL,
        &fill(t(T::NoteBelowNorm), &[("norm", &ctx.norm_text())]),
        st,
    )?;
    s.note(row + 2, LAST_COL, t(T::NoteEmpty), st)?;

    s.ws.autofilter(first - 1, 0, last_unit_row, LAST_COL)?;
    s.ws.set_freeze_panes(first, 2)?;
    s.print_setup((header_row, first - 1), &ctx.span)?;
    Ok(s)
}
