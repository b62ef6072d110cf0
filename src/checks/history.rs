//! Against earlier months: `history.ytd_decrease` (a cumulative figure lower
//! than in the previous month of the same year, at its cell) and
//! `history.outlier_change` (a change against the previous month or the same
//! period of the previous year beyond the pipeline's thresholds).
//!
//! Input: this period's reports and figures, and the stored snapshots.
//! Output: issues.

use crate::consolidate::{Consolidation, Figures};
use crate::history::Snapshot;
use crate::issue::{num, Issue, Place, Rule};
use crate::measures::MEASURES;
use crate::pipeline::Pipeline;
use crate::tables::{FileReport, FileStatus};
use std::collections::HashSet;

/// The seven counted figures, in `MEASURES` order.
type Measures = [Option<f64>; 7];

/// The counted figures of a unit or the region, in `MEASURES` order.
fn measures(f: &Figures) -> Measures {
    let t = &f.trained;
    [
        f.members,
        t.total,
        t.members,
        t.audit,
        t.activists,
        t.chairs,
        t.conciliation,
    ]
}

/// Cumulative figures: everything but the members, which is a head count.
fn is_cumulative(i: usize) -> bool {
    i != 0
}

pub(crate) fn check(
    reports: &[FileReport],
    c: &Consolidation,
    previous_month: Option<&Snapshot>,
    previous_year: Option<&Snapshot>,
    pipeline: &Pipeline,
) -> Vec<Issue> {
    let mut out = Vec::new();
    let read: Vec<&FileReport> = reports
        .iter()
        .filter(|r| r.status == FileStatus::Read)
        .collect();
    // A decrease since last month (the caller passes last month only within
    // the same year: figures start again from zero every January).
    if let Some(prev) = previous_month {
        let mut explained: HashSet<(String, usize)> = HashSet::new();
        for r in &read {
            let (Some(unit), Some(cov)) = (r.unit.as_deref(), r.coverage.as_ref()) else {
                continue;
            };
            for row in cov.accepted() {
                let Some(id) = row.registry_id.as_deref() else {
                    continue;
                };
                let Some(before) = prev.orgs.get(id) else {
                    continue;
                };
                for i in (0..7).filter(|&i| is_cumulative(i)) {
                    let (Some(now), Some(was), Some(col)) = (row.values[i], before[i], cov.cols[i])
                    else {
                        continue;
                    };
                    if now + 1e-9 < was {
                        explained.insert((unit.to_string(), i));
                        out.push(
                            Issue::new(
                                Rule::HistoryYtdDecrease,
                                Place::cell(&r.rel, &cov.sheet, row.row, col),
                            )
                            .unit(Some(unit))
                            .org(Some(id))
                            .field(MEASURES[i])
                            .expected(num(was))
                            .actual(num(now))
                            .detail(prev.period.to_string()),
                        );
                    }
                }
            }
        }
        for u in &c.units {
            let Some(before) = prev.units.get(&u.unit) else {
                continue;
            };
            let (now, was) = (measures(&u.figures), measures(before));
            for i in (0..7).filter(|&i| is_cumulative(i)) {
                let (Some(n), Some(w)) = (now[i], was[i]) else {
                    continue;
                };
                if n + 1e-9 < w && !explained.contains(&(u.unit.clone(), i)) {
                    out.push(
                        unit_place(&read, &u.unit, i, Rule::HistoryYtdDecrease)
                            .field(MEASURES[i])
                            .expected(num(w))
                            .actual(num(n))
                            .detail(prev.period.to_string()),
                    );
                }
            }
        }
    }
    // Changes beyond the thresholds, for units and the region.
    let s = pipeline.rule(Rule::HistoryOutlierChange);
    let threshold = s.threshold;
    let min_abs = s.min_abs;
    for prev in [previous_month, previous_year].into_iter().flatten() {
        let mut pairs: Vec<(Option<&str>, Measures, Measures)> =
            vec![(None, measures(&c.region), measures(&prev.region))];
        for u in &c.units {
            if let Some(before) = prev.units.get(&u.unit) {
                pairs.push((
                    Some(u.unit.as_str()),
                    measures(&u.figures),
                    measures(before),
                ));
            }
        }
        for (unit, now, was) in pairs {
            for i in 0..7 {
                let (Some(n), Some(w)) = (now[i], was[i]) else {
                    continue;
                };
                let change = n - w;
                let relative = if w > 0.0 {
                    change.abs() / w
                } else {
                    f64::INFINITY
                };
                if change.abs() >= min_abs.max(1.0) && relative > threshold {
                    let issue = match unit {
                        Some(u) => unit_place(&read, u, i, Rule::HistoryOutlierChange),
                        None => Issue::new(Rule::HistoryOutlierChange, Place::default()),
                    };
                    out.push(
                        issue
                            .field(MEASURES[i])
                            .expected(num(w))
                            .actual(num(n))
                            .detail(prev.period.to_string()),
                    );
                }
            }
        }
    }
    out
}

/// An issue about a unit's figure: at the cell of its total row where the
/// report has one, else at its coverage sheet.
fn unit_place(read: &[&FileReport], unit: &str, i: usize, rule: Rule) -> Issue {
    let report = read.iter().find(|r| r.unit.as_deref() == Some(unit));
    let place = match report.and_then(|r| r.coverage.as_ref().map(|c| (r, c))) {
        Some((r, cov)) => match (&cov.total, cov.cols[i]) {
            (Some(t), Some(col)) => Place::cell(&r.rel, &cov.sheet, t.row, col),
            _ => Place::sheet(&r.rel, &cov.sheet),
        },
        None => Place::default(),
    };
    Issue::new(rule, place).unit(Some(unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consolidate::Trained;
    use polars::prelude::DataFrame;
    use std::path::Path;

    fn figures(v: [f64; 7]) -> Figures {
        let m: Vec<Option<f64>> = v.iter().map(|x| Some(*x)).collect();
        Figures {
            members: m[0],
            trained: Trained::from_measures(&m),
            ..Figures::default()
        }
    }

    #[test]
    fn the_seeds_two_years_flag_only_the_activists() {
        let p = Pipeline::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::pipeline::DEFAULT_PIPELINE),
        )
        .unwrap();
        // the seed's table: 01.01.2025 and 01.01.2026
        let before = figures([33_468.0, 5_673.0, 1_494.0, 545.0, 238.0, 583.0, 2_813.0]);
        let now = figures([33_557.0, 6_101.0, 1_597.0, 593.0, 1_131.0, 522.0, 2_258.0]);
        let c = Consolidation {
            units_expected: 14,
            units_reported: 14,
            orgs_registry: 614,
            region: now,
            units: vec![],
            orgs: DataFrame::empty(),
            events: DataFrame::empty(),
        };
        let year_ago = Snapshot {
            period: "2024-12".parse().unwrap(),
            region: before,
            units: Default::default(),
            orgs: Default::default(),
            imported: None,
        };
        let issues = check(&[], &c, None, Some(&year_ago), &p);
        let fields: Vec<&str> = issues.iter().filter_map(|i| i.field.as_deref()).collect();
        assert_eq!(fields, vec!["trained.activists"]);
        assert_eq!(issues[0].expected, Some(238.into()));
        assert_eq!(issues[0].actual, Some(1131.into()));
    }
}
