//! Checks across levels inside one report: `total.mismatch` (each stated
//! total row against the sum of its rows, column by column) and
//! `summary.mismatch` (the unit's own summary sheet against its detail).
//! Figures always come from the organisation rows; stated totals are only
//! compared, never summed in.

use super::rows::round_to;
use crate::issue::{num, Issue, Place, Rule};
use crate::measures::share_agrees;
use crate::measures::{MEASURES, MEMBERS, TOTAL};
use crate::pipeline::Pipeline;
use crate::tables::coverage::Coverage;
use crate::tables::events::Events;
use crate::tables::UnitSummary;

/// Sums of the accepted rows, per measure; None where no row has a value.
pub(crate) fn sums(cov: &Coverage) -> [Option<f64>; 7] {
    let mut out = [None; 7];
    for r in cov.accepted() {
        for (i, v) in r.values.iter().enumerate() {
            if let Some(v) = v {
                *out[i].get_or_insert(0.0) += v;
            }
        }
    }
    out
}

pub(crate) fn check_totals(
    cov: &Coverage,
    events: Option<&Events>,
    file: &str,
    pipeline: &Pipeline,
) -> Vec<Issue> {
    let tol = pipeline.rule(Rule::TotalMismatch).tolerance;
    let mut out = Vec::new();
    if let Some(t) = &cov.total {
        let s = sums(cov);
        for i in 0..7 {
            let (Some(stated), Some(col)) = (t.values[i], cov.cols[i]) else {
                continue;
            };
            if t.no_value[i] {
                continue;
            }
            let sum = s[i].unwrap_or(0.0);
            if (stated - sum).abs() > tol + 1e-9 {
                out.push(
                    Issue::new(
                        Rule::TotalMismatch,
                        Place::cell(file, &cov.sheet, t.row, col),
                    )
                    .field(MEASURES[i])
                    .expected(num(sum))
                    .actual(num(stated)),
                );
            }
        }
    }
    if let Some(e) = events {
        if let (Some((row, Some(stated))), Some(col)) = (e.total, e.participants_col) {
            let sum = e.participants().unwrap_or(0.0);
            if (stated - sum).abs() > tol + 1e-9 {
                out.push(
                    Issue::new(Rule::TotalMismatch, Place::cell(file, &e.sheet, row, col))
                        .field("participants")
                        .expected(num(sum))
                        .actual(num(stated)),
                );
            }
        }
    }
    out
}

pub(crate) fn check_summary(
    summary: &UnitSummary,
    cov: &Coverage,
    file: &str,
    pipeline: &Pipeline,
) -> Vec<Issue> {
    let tol = pipeline.rule(Rule::SummaryMismatch).tolerance;
    let share_tol = pipeline.rule(Rule::RowShareMismatch).tolerance;
    let s = sums(cov);
    let mut out = Vec::new();
    for (field, l) in &summary.values {
        let place = Place::cell(file, &summary.sheet, l.cell.0, l.cell.1);
        if field == "trained_share" {
            let (Some(sh), Some(m), Some(t)) = (l.share, s[MEMBERS], s[TOTAL]) else {
                continue;
            };
            if m <= 0.0 {
                continue;
            }
            let exact = t / m * 100.0;
            let (stated, decimals) = if sh.percent_sign || sh.value > 1.0 {
                (sh.value, sh.decimals)
            } else {
                (sh.value * 100.0, sh.decimals.saturating_sub(2))
            };
            if !share_agrees(stated, exact, decimals, share_tol) {
                out.push(
                    Issue::new(Rule::SummaryMismatch, place)
                        .field("trained_share")
                        .expected(num(round_to(exact, decimals)))
                        .actual(num(round_to(stated, decimals))),
                );
            }
            continue;
        }
        let Some(i) = MEASURES.iter().position(|m| m == field) else {
            continue;
        };
        let (Some(stated), Some(detail)) = (l.value, s[i]) else {
            continue;
        };
        if (stated - detail).abs() > tol + 1e-9 {
            out.push(
                Issue::new(Rule::SummaryMismatch, place)
                    .field(field)
                    .expected(num(detail))
                    .actual(num(stated)),
            );
        }
    }
    out
}
