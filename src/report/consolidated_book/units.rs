//! The units sheet: one row per unit in pipeline order with every figure,
//! its issues by severity and whether its report came, with errors or not,
//! on time or late; a region total row under them.

use super::labels::T;
use super::sheet::{Head, Sheet};
use super::Ctx;
use crate::consolidate::Figures;
use crate::ingest::saved::{local_day, DateSource, Received};
use crate::issue::Severity;
use crate::lang::fill;
use crate::period::Period;
use crate::period::Ymd;
use crate::tables::FileStatus;
use rust_xlsxwriter::XlsxError;

/// What came from a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Receipt {
    NotReceived,
    Received {
        /// The day it was received and where that day came from; `None`
        /// where no source gives a day that can be true (before the
        /// period's end or after the run).
        on: Option<Received>,
        on_time: Option<bool>,
        with_errors: bool,
    },
}

/// The last day a report of the period may arrive: `due_day` of the month
/// after the period.
pub(crate) fn due_date(period: Period, due_day: u32) -> Ymd {
    let (y, m, _) = period.as_of();
    Ymd {
        year: y,
        month: m,
        day: due_day,
    }
}

pub(crate) fn receipt(ctx: &Ctx, unit: &str) -> Receipt {
    let o = ctx.o;
    let report = o
        .reports
        .iter()
        .find(|r| r.status == FileStatus::Read && r.unit.as_deref() == Some(unit));
    let Some(report) = report else {
        return Receipt::NotReceived;
    };
    let offset = o.pipeline.utc_offset_secs;
    let due = due_date(o.period, o.pipeline.due_day);
    let period_end = o.period.last_day();
    let now = local_day(o.now, offset);
    let on = Received::choose(report.recorded, report.saved, report.modified, offset)
        .filter(|r| r.on >= period_end && now.is_none_or(|n| r.on <= n));
    let on_time = on.and_then(|r| match r.source {
        // A copy's modification time only moves later: after the due day
        // it tells nothing, on or before it the file was there in time.
        DateSource::FileSystem => (r.on <= due).then_some(true),
        _ => Some(r.on <= due),
    });
    Receipt::Received {
        on,
        on_time,
        with_errors: o.unit_count(unit, Severity::Error) > 0,
    }
}

/// Columns of the figures, after `№` and the unit's name.
fn heads(ctx: &Ctx) -> Vec<Head> {
    let t = |x: T| ctx.t(x);
    vec![
        Head::one(t(T::No)),
        Head::one(t(T::Unit)),
        Head::group_up(t(T::Orgs), &[t(T::Reported), t(T::InRegistry)]),
        Head::one(t(T::Members)),
        Head::group_up(
            t(T::Trained),
            &[
                t(T::TrainedTotal),
                t(T::CatMembers),
                t(T::CatAudit),
                t(T::CatActivists),
                t(T::CatChairs),
                t(T::CatConciliation),
                t(T::ShareTrained),
            ],
        ),
        Head::group_up(t(T::Events), &[t(T::EventsCount), t(T::Participants)]),
        Head::group_up(
            t(T::Financing),
            &[t(T::Budget), t(T::Training), t(T::TrainingShare)],
        ),
        Head::group_up(t(T::Issues), &[t(T::Errors), t(T::Warnings), t(T::Infos)]),
        Head::group(
            t(T::Report),
            &[
                t(T::Status),
                t(T::ReceivedOn),
                t(T::DateFrom),
                t(T::Timeliness),
            ],
        ),
    ]
}

/// Column of the first issue count.
const ISSUES_COL: u16 = 17;
const STATUS_COL: u16 = 20;
const LAST_COL: u16 = 23;

/// The figures of one row, from column 2 on; `reported` false leaves the
/// organisation count empty.
#[allow(clippy::too_many_arguments)]
fn write_figures(
    s: &mut Sheet,
    ctx: &Ctx,
    row: u32,
    f: &Figures,
    reported: bool,
    orgs_registry: usize,
    total: bool,
) -> Result<(), XlsxError> {
    let st = &ctx.st;
    let (int, pct) = if total {
        (&st.total_int, &st.total_pct)
    } else {
        (&st.int, &st.pct)
    };
    s.count(row, 2, reported.then_some(f.orgs_reported), int)?;
    s.count(row, 3, Some(orgs_registry), int)?;
    s.num(row, 4, f.members, int)?;
    for (i, (_, v)) in f.trained.fields().iter().enumerate() {
        s.num(row, 5 + i as u16, *v, int)?;
    }
    s.num(row, 11, f.trained_share, pct)?;
    s.count(row, 12, f.events, int)?;
    s.num(row, 13, f.participants, int)?;
    let fin = f.finance.as_ref();
    s.num(row, 14, fin.map(|x| x.budget), int)?;
    s.num(row, 15, fin.map(|x| x.training), int)?;
    let share = fin.and_then(|x| x.share);
    let share_fmt = match share {
        Some(v) if ctx.below_norm(v) => &st.pct_bad,
        _ => pct,
    };
    s.num(row, 16, share, share_fmt)?;
    Ok(())
}

pub(crate) fn sheet(ctx: &Ctx) -> Result<Sheet, XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let mut s = Sheet::new(&ctx.sheet_name(T::SheetUnits))?;
    let header_row = s.title(ctx.t(T::TitleUnits), &ctx.period_line, LAST_COL, st)?;
    let first = s.header(header_row, 0, &heads(ctx), st)?;
    let mut row = first;
    for (i, u) in o.consolidation.units.iter().enumerate() {
        s.num(row, 0, Some(i as f64 + 1.0), &st.center)?;
        s.text(row, 1, &ctx.unit_name(&u.unit), &st.text)?;
        write_figures(
            &mut s,
            ctx,
            row,
            &u.figures,
            u.file.is_some(),
            u.orgs_registry,
            false,
        )?;
        for (k, sev) in Severity::ALL.iter().enumerate() {
            s.count(
                row,
                ISSUES_COL + k as u16,
                Some(o.unit_count(&u.unit, *sev)),
                &st.int,
            )?;
        }
        write_receipt(&mut s, ctx, row, receipt(ctx, &u.unit))?;
        row += 1;
    }
    let last_unit_row = row - 1;
    total_row(&mut s, ctx, row)?;
    row += 2;

    s.limit(0, 4.0, 5.0);
    s.limit(1, 22.0, 28.0);
    for (cols, min, max) in [
        (2..=3, 5.5, 8.0),
        (4..=4, 7.0, 9.0),
        (5..=10, 5.5, 8.0),
        (11..=11, 6.0, 8.0),
        (12..=13, 5.5, 8.0),
        (14..=15, 11.0, 13.0),
        (16..=16, 6.0, 8.0),
        (17..=19, 5.0, 6.0),
        (20..=20, 12.0, 19.0),
        (21..=21, 10.5, 12.0),
        (22..=22, 10.5, 16.0),
        (23..=23, 10.5, 12.0),
    ] {
        for col in cols {
            s.limit(col, min, max);
        }
    }
    s.fit()?;
    let due = due_date(o.period, o.pipeline.due_day);
    let notes = [
        fill(ctx.t(T::NoteReceived), &[("due", &due.dd_mm_yyyy())]),
        fill(ctx.t(T::NoteBelowNorm), &[("norm", &ctx.norm_text())]),
        ctx.t(T::NoteIssueTotal).to_string(),
        ctx.t(T::NoteEmpty).to_string(),
    ];
    for n in notes {
        s.note(row, LAST_COL, &n, st)?;
        row += 1;
    }

    s.ws.autofilter(first - 1, 0, last_unit_row, LAST_COL)?;
    s.ws.set_freeze_panes(first, 2)?;
    s.print_setup((header_row, first - 1), &ctx.span)?;
    Ok(s)
}

/// Whether the report came, when, where that day came from, and in time.
fn write_receipt(s: &mut Sheet, ctx: &Ctx, row: u32, r: Receipt) -> Result<(), XlsxError> {
    let st = &ctx.st;
    let (date, from, time) = (STATUS_COL + 1, STATUS_COL + 2, STATUS_COL + 3);
    match r {
        Receipt::NotReceived => {
            s.text(row, STATUS_COL, ctx.t(T::NotReceived), &st.bad)?;
            s.blank(row, date, &st.date)?;
            s.blank(row, from, &st.text)?;
            s.blank(row, time, &st.text)?;
        }
        Receipt::Received {
            on,
            on_time,
            with_errors,
        } => {
            let (status, f) = if with_errors {
                (T::ReceivedWithErrors, &st.bad)
            } else {
                (T::Received, &st.text)
            };
            s.text(row, STATUS_COL, ctx.t(status), f)?;
            s.date(
                row,
                date,
                on.map(|r| (r.on.year, r.on.month, r.on.day)),
                &st.date,
            )?;
            let source = match on.map(|r| r.source) {
                Some(DateSource::Recorded) => T::FromRecorded,
                Some(DateSource::Saved) => T::FromSaved,
                Some(DateSource::FileSystem) => T::FromFileSystem,
                None => T::FromUnknown,
            };
            s.text(row, from, ctx.t(source), &st.text)?;
            match on_time {
                Some(true) => s.text(row, time, ctx.t(T::OnTime), &st.text)?,
                Some(false) => s.text(row, time, ctx.t(T::Late), &st.bad)?,
                None => s.blank(row, time, &st.text)?,
            }
        }
    }
    Ok(())
}

/// The region's total row at `row`.
fn total_row(s: &mut Sheet, ctx: &Ctx, row: u32) -> Result<(), XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let c = &o.consolidation;
    s.blank(row, 0, &st.total_text)?;
    s.text(row, 1, ctx.t(T::RegionTotal), &st.total_text)?;
    write_figures(
        s,
        ctx,
        row,
        &c.region,
        c.units_reported > 0,
        c.orgs_registry,
        true,
    )?;
    for (k, sev) in Severity::ALL.iter().enumerate() {
        s.count(
            row,
            ISSUES_COL + k as u16,
            Some(o.count(*sev)),
            &st.total_int,
        )?;
    }
    for col in STATUS_COL..=LAST_COL {
        s.blank(row, col, &st.total_text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_due_in_the_month_after_the_period() {
        let due = due_date(Period::new(2025, 12).unwrap(), 5);
        assert_eq!(
            due,
            Ymd {
                year: 2026,
                month: 1,
                day: 5
            }
        );
        assert!(
            Ymd {
                year: 2026,
                month: 1,
                day: 5
            } <= due
        );
        assert!(
            Ymd {
                year: 2026,
                month: 1,
                day: 6
            } > due
        );
    }
}
