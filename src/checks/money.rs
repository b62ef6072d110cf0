//! Events against coverage and financing: `events.participants_mismatch`,
//! `finance.below_norm`, `finance.share_mismatch`.

use super::rows::round_to;
use crate::issue::{num, Issue, Place, Rule};
use crate::measures::share_agrees;
use crate::pipeline::Pipeline;
use crate::tables::events::Events;
use crate::tables::Finance;

/// Event participants against the trained total of the unit.
pub(crate) fn check_participants(
    events: &Events,
    trained_total: Option<f64>,
    file: &str,
    pipeline: &Pipeline,
) -> Vec<Issue> {
    let tol = pipeline.rule(Rule::EventsParticipantsMismatch).tolerance;
    let (Some(trained), Some(participants)) = (trained_total, events.participants()) else {
        return Vec::new();
    };
    if (trained - participants).abs() <= tol + 1e-9 {
        return Vec::new();
    }
    let place = match (events.total, events.participants_col) {
        (Some((row, _)), Some(col)) => Place::cell(file, &events.sheet, row, col),
        _ => Place::sheet(file, &events.sheet),
    };
    vec![Issue::new(Rule::EventsParticipantsMismatch, place)
        .field("participants")
        .expected(num(trained))
        .actual(num(participants))]
}

/// The financing share and the norm.
pub(crate) fn check_finance(f: &Finance, file: &str, pipeline: &Pipeline) -> Vec<Issue> {
    let mut out = Vec::new();
    let (Some(budget), Some(training)) = (f.budget, f.training) else {
        return out;
    };
    if budget <= 0.0 {
        return out;
    }
    let share = training / budget;
    let place_of = |field: &str| match f.cells.get(field) {
        Some(&(r, c)) => Place::cell(file, &f.sheet, r, c),
        None => Place::sheet(file, &f.sheet),
    };
    let norm = pipeline.rule(Rule::FinanceBelowNorm).norm;
    if share + 1e-12 < norm {
        let field = if f.cells.contains_key("finance.share") {
            "finance.share"
        } else {
            "finance.training"
        };
        out.push(
            Issue::new(Rule::FinanceBelowNorm, place_of(field))
                .field("finance.share")
                .expected(num(norm))
                .actual(num((share * 10_000.0).round() / 10_000.0)),
        );
    }
    if let Some(s) = f.share {
        let tol = pipeline.rule(Rule::FinanceShareMismatch).tolerance;
        let (stated, decimals) = if s.percent_sign || s.value > 1.0 {
            (s.value, s.decimals)
        } else {
            (s.value * 100.0, s.decimals.saturating_sub(2))
        };
        if !share_agrees(stated, share * 100.0, decimals, tol) {
            out.push(
                Issue::new(Rule::FinanceShareMismatch, place_of("finance.share"))
                    .field("finance.share")
                    .expected(num(round_to(share * 100.0, decimals)))
                    .actual(num(round_to(stated, decimals))),
            );
        }
    }
    out
}
