//! Row rules on the coverage table: `row.categories_sum`,
//! `row.trained_exceeds_members`, `row.share_mismatch`, `row.duplicate_org`.
//!
//! Input: one file's [`Coverage`]. Output: issues at the cells concerned.

use crate::issue::{num, Issue, Place, Rule};
use crate::measures::share_agrees;
use crate::measures::{MEMBERS, TOTAL};
use crate::pipeline::Pipeline;
use crate::tables::coverage::{Coverage, OrgRow};
use std::collections::HashMap;

fn org_ref(r: &OrgRow) -> Option<&str> {
    r.registry_id
        .as_deref()
        .or((!r.name.is_empty()).then_some(r.name.as_str()))
}

/// Rounds for display in an issue: at least one decimal.
pub(crate) fn round_to(v: f64, decimals: u32) -> f64 {
    let p = 10f64.powi(decimals.clamp(1, 6) as i32);
    (v * p).round() / p
}

pub(crate) fn check(cov: &Coverage, file: &str, pipeline: &Pipeline) -> Vec<Issue> {
    let mut out = Vec::new();
    let sheet = cov.sheet.as_str();
    let cell = |row: u32, idx: usize| match cov.cols[idx] {
        Some(c) => Place::cell(file, sheet, row, c),
        None => Place::row(file, sheet, row),
    };
    let share_tol = pipeline.rule(Rule::RowShareMismatch).tolerance;
    for r in cov.accepted() {
        let (members, total) = (r.values[MEMBERS], r.values[TOTAL]);
        for c in &pipeline.row_checks {
            if !pipeline.enabled(c.rule) {
                continue;
            }
            let side = |fields: &[usize]| -> Option<f64> {
                let present: Vec<f64> = fields.iter().filter_map(|&i| r.values[i]).collect();
                (!present.is_empty()).then(|| present.iter().sum())
            };
            let (Some(left), Some(right)) = (side(&c.left), side(&c.right)) else {
                continue;
            };
            if !c.op.holds(left, right) {
                out.push(
                    Issue::new(c.rule, cell(r.row, c.cell))
                        .org(org_ref(r))
                        .field(&c.field)
                        .expected(num(right))
                        .actual(num(left)),
                );
            }
        }
        if let (Some(s), Some(m), Some(t), Some(sc)) = (r.share, members, total, cov.share_col) {
            if m > 0.0 {
                let stated = if s.percent_sign {
                    s.value
                } else {
                    s.value * 100.0 / cov.share_scale
                };
                let decimals = if s.percent_sign || cov.share_scale == 100.0 {
                    s.decimals
                } else {
                    s.decimals.saturating_sub(2)
                };
                let exact = t / m * 100.0;
                if !share_agrees(stated, exact, decimals, share_tol) {
                    out.push(
                        Issue::new(Rule::RowShareMismatch, Place::cell(file, sheet, r.row, sc))
                            .org(org_ref(r))
                            .field("trained_share")
                            .expected(num(round_to(exact, decimals)))
                            .actual(num(round_to(stated, decimals))),
                    );
                }
            }
        }
    }
    // The same organisation twice.
    let mut seen: HashMap<String, &OrgRow> = HashMap::new();
    for r in cov.accepted() {
        let k = match &r.registry_id {
            Some(id) => id.clone(),
            None if !r.name.is_empty() => crate::normalize::text::key(&r.name),
            None => continue,
        };
        if let Some(first) = seen.get(&k) {
            let place = match cov.org_col {
                Some(c) => Place::cell(file, sheet, r.row, c),
                None => Place::row(file, sheet, r.row),
            };
            out.push(
                Issue::new(Rule::RowDuplicateOrg, place)
                    .org(org_ref(r))
                    .actual(r.name.clone())
                    .detail((first.row + 1).to_string()),
            );
        } else {
            seen.insert(k, r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_tolerates_rounding_and_truncation() {
        // the seed writes 5 673 / 33 468 = 16.95 % as 16,9 %
        let exact = 5673.0 / 33468.0 * 100.0;
        assert!(share_agrees(16.9, exact, 1, 0.0));
        assert!(share_agrees(17.0, exact, 1, 0.0));
        assert!(share_agrees(17.0, exact, 0, 0.0));
        assert!(!share_agrees(23.2, 9.3, 1, 0.05));
        assert!(!share_agrees(16.7, exact, 1, 0.05));
        assert_eq!(round_to(9.2857, 1), 9.3);
    }
}
