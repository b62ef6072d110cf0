//! What earlier periods give this one, read from `OUTPUT/history` and the
//! outputs beside it:
//!
//! - the stored figures of last month (within the year, with its
//!   organisation rows, for decreases at their cells), of the same month a
//!   year ago, and of every month in between, for the trends;
//! - the follow-up: the status, comment, responsible person and due date
//!   the specialist set in `discrepancies-<last month>.xlsx` and in this
//!   period's own workbook (when the month is run again), carried over to
//!   the same issues.
//!
//! A stored period or a workbook that cannot be read becomes a
//! `file.unreadable` issue and the run goes on without it.

use super::finish::finish_issues;
use crate::followup;
use crate::history::{self, Snapshot};
use crate::ingest::format::Refusal;
use crate::issue::{Issue, Place};
use crate::lang::Lang;
use crate::period::Period;
use crate::pipeline::Pipeline;
use std::path::Path;

/// The stored periods a run compares with.
pub(crate) struct Earlier {
    /// Last month's figures and organisation rows (not in January).
    pub(crate) previous_month: Option<Snapshot>,
    /// The same month of the previous year; when it is not stored, the
    /// period of the previous year imported nearest to it (the office's
    /// year-end figures, most often), so that the first sheet compares from
    /// the first month. Its `period` says which.
    pub(crate) previous_year: Option<Snapshot>,
    /// Every stored month from the same month a year ago to last month,
    /// oldest first, for the trends.
    pub(crate) trend: Vec<Snapshot>,
    /// Stored periods that could not be read.
    pub(crate) issues: Vec<Issue>,
}

/// Reads the periods before `period` stored under `history` (none without it).
pub(crate) fn load(history: Option<&Path>, period: Period) -> Earlier {
    let mut issues = Vec::new();
    // Organisation rows only for last month (decreases at their cells).
    let mut read = |p: Period, with_orgs: bool| -> Option<Snapshot> {
        let dir = history?;
        let loaded = if with_orgs {
            history::load(dir, p)
        } else {
            history::load_figures(dir, p)
        };
        match loaded {
            Ok(s) => s,
            Err(reason) => {
                tracing::warn!(period = %p, %reason, "stored period is damaged");
                issues.push(Issue::refused(
                    Refusal::Stored(reason.to_string()),
                    Place::file(&format!("history/{p}")),
                ));
                None
            }
        }
    };
    let previous_month = if period.month > 1 {
        read(period.previous(), true)
    } else {
        None
    };
    let previous_year = read(period.year_before(), false).or_else(|| {
        let imported = imported_last_year(history?, period)?;
        read(imported, false)
    });
    let mut trend = Vec::new();
    let mut p = period.year_before();
    while p < period {
        let stored = if Some(p) == previous_year.as_ref().map(|s| s.period) {
            previous_year.clone()
        } else if let Some(prev) = previous_month.as_ref().filter(|s| s.period == p) {
            Some(Snapshot {
                period: prev.period,
                region: prev.region.clone(),
                units: prev.units.clone(),
                orgs: Default::default(),
                imported: None,
            })
        } else {
            read(p, false)
        };
        trend.extend(stored);
        p = p.next();
    }
    Earlier {
        previous_month,
        previous_year,
        trend,
        issues,
    }
}

/// The imported period of the year before `period` nearest to its month
/// (the later of two as near), if any.
fn imported_last_year(history: &Path, period: Period) -> Option<Period> {
    let target = period.year_before();
    history::list(history)
        .into_iter()
        .filter(|p| p.year == target.year && history::is_imported(history, *p))
        .min_by_key(|p| (p.month.abs_diff(target.month), std::cmp::Reverse(p.month)))
}

/// Gives this month's issues the follow-up the discrepancy workbooks beside
/// `history` (in `OUTPUT/<period>/`) have for them: last month's, and this
/// period's own when the month is run again (its word wins, issue by issue).
/// What the specialist explained or waived stays so, and a re-run loses
/// nothing written. A workbook that cannot be read adds its own issue.
pub(crate) fn carry_follow_up(
    issues: &mut Vec<Issue>,
    history: Option<&Path>,
    period: Period,
    pipeline: &Pipeline,
    lang: Lang,
) {
    let Some(out) = history.and_then(|h| h.parent()) else {
        return;
    };
    let mut read = |p: Period| {
        let rel = format!("{p}/discrepancies-{p}.xlsx");
        let book = out.join(&rel);
        if !book.is_file() {
            return Default::default();
        }
        match followup::load(&book, &p.to_string()) {
            Ok(carried) => carried,
            Err(reason) => {
                tracing::warn!(%reason, book = %book.display(), "a discrepancy workbook cannot be read");
                let issue = Issue::refused(Refusal::Stored(reason.to_string()), Place::file(&rel));
                issues.extend(finish_issues(vec![issue], pipeline, lang));
                Default::default()
            }
        }
    };
    let last_month = read(period.previous());
    let same_period = read(period);
    let carried = followup::merge(last_month, same_period);
    let n = followup::apply(issues, &carried);
    tracing::info!(carried = n, "follow-up carried over");
}
