//! Shares in the issue list: the values of a share field shown as per
//! cents of one scale, and the difference of two shares in percentage
//! points (`−0,7 п.т.`), never as a per cent of a per cent.
//!
//! The checks hand shares over in two scales: a stated share compared with
//! the one worked out from its figures (`row.share_mismatch`,
//! `finance.share_mismatch`, `summary.mismatch`) keeps the per cents the
//! report writes (9.3); every other check gives fractions (0.093).

use crate::issue::{Issue, Rule};

/// The fields that hold a share.
const SHARE_FIELDS: [&str; 2] = ["trained_share", "finance.share"];

/// Whether the issue's values are shares.
pub(crate) fn is_share(i: &Issue) -> bool {
    i.field
        .as_deref()
        .is_some_and(|f| SHARE_FIELDS.contains(&f))
}

/// What the issue's share values are divided by to become fractions.
fn per(i: &Issue) -> f64 {
    match i.rule {
        Rule::RowShareMismatch | Rule::FinanceShareMismatch | Rule::SummaryMismatch => 100.0,
        _ => 1.0,
    }
}

/// A value of the issue as the cell holds it: a share as a fraction (shown
/// with a per cent format), anything else as it is.
pub(crate) fn cell_value(i: &Issue, v: f64) -> f64 {
    if is_share(i) {
        v / per(i)
    } else {
        v
    }
}

/// The difference of two shares, each as a fraction ([`cell_value`]), in
/// percentage points.
pub(crate) fn points(expected: f64, actual: f64) -> f64 {
    ((actual - expected) * 1e8).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Place;

    #[test]
    fn both_scales_give_the_same_points() {
        let stated = Issue::new(Rule::RowShareMismatch, Place::default()).field("trained_share");
        let below = Issue::new(Rule::FinanceBelowNorm, Place::default()).field("finance.share");
        let pts = |i: &Issue, e: f64, a: f64| points(cell_value(i, e), cell_value(i, a));
        assert_eq!(pts(&stated, 10.0, 9.3), -0.7);
        assert_eq!(pts(&below, 0.1, 0.093), -0.7);
        assert!((cell_value(&stated, 9.3) - 0.093).abs() < 1e-12);
        assert_eq!(cell_value(&below, 0.093), 0.093);
        let count = Issue::new(Rule::TotalMismatch, Place::default()).field("members");
        assert!(!is_share(&count));
        assert_eq!(cell_value(&count, 3102.0), 3102.0);
    }
}
