//! Rules on read reports. Each module returns issues; none prints or stops.
//!
//! - [`rows`]: one organisation row at a time.
//! - [`levels`]: total rows and the unit's own summary against the detail.
//! - [`registry`]: organisations against the registry.
//! - [`money`]: events against coverage, financing against the norm.
//!
//! [`check_file`] runs every rule one report can trigger alone (what a
//! district's self-check shows); [`check_region`] the rules across reports.

pub(crate) mod history;
pub(crate) mod levels;
pub(crate) mod money;
pub(crate) mod registry;
pub(crate) mod rows;

use crate::issue::{Issue, Place, Rule};
use crate::measures::TOTAL;
use crate::pipeline::Pipeline;
use crate::registry::Registry;
use crate::tables::{FileReport, FileStatus};
use std::collections::BTreeMap;

/// Every rule that one read report triggers alone.
pub(crate) fn check_file(
    report: &mut FileReport,
    registry: Option<&Registry>,
    pipeline: &Pipeline,
) {
    let file = report.rel.clone();
    let unit = report.unit.clone();
    let mut found = Vec::new();
    if let Some(cov) = report.coverage.as_mut() {
        if let Some(reg) = registry {
            found.extend(registry::check(cov, unit.as_deref(), &file, reg, pipeline));
        }
    }
    if let Some(cov) = report.coverage.as_ref() {
        found.extend(rows::check(cov, &file, pipeline));
        found.extend(levels::check_totals(
            cov,
            report.events.as_ref(),
            &file,
            pipeline,
        ));
        if let Some(s) = &report.summary {
            found.extend(levels::check_summary(s, cov, &file, pipeline));
        }
        if let Some(e) = &report.events {
            found.extend(money::check_participants(
                e,
                levels::sums(cov)[TOTAL],
                &file,
                pipeline,
            ));
        }
    }
    if let Some(f) = &report.finance {
        found.extend(money::check_finance(f, &file, pipeline));
    }
    for mut issue in found {
        issue.unit = unit.clone();
        report.issues.push(issue);
    }
    // An issue on an organisation's row names it by its registry id (as the
    // contract says) and carries the name as written for people to read.
    if let Some(cov) = report.coverage.as_ref() {
        let rows: BTreeMap<u32, &crate::tables::coverage::OrgRow> =
            cov.rows.iter().map(|r| (r.row, r)).collect();
        for issue in report
            .issues
            .iter_mut()
            .filter(|i| i.place.sheet.as_deref() == Some(cov.sheet.as_str()))
        {
            if let Some(r) = issue.place.row.and_then(|row| rows.get(&row)) {
                if let Some(id) = &r.registry_id {
                    issue.org = Some(id.clone());
                }
                if !r.name.is_empty() {
                    issue.org_name = Some(r.name.clone());
                }
            }
        }
    }
}

/// Rules across reports: units that sent nothing, organisations reported by
/// two units.
pub(crate) fn check_region(reports: &[FileReport], pipeline: &Pipeline) -> Vec<Issue> {
    let mut out = Vec::new();
    let read: Vec<&FileReport> = reports
        .iter()
        .filter(|r| r.status == FileStatus::Read)
        .collect();
    for u in &pipeline.units {
        if !read
            .iter()
            .any(|r| r.unit.as_deref() == Some(u.id.as_str()))
        {
            out.push(Issue::new(Rule::UnitMissing, Place::default()).unit(Some(&u.id)));
        }
    }
    let mut first_unit: BTreeMap<&str, (&str, &FileReport)> = BTreeMap::new();
    for r in &read {
        let (Some(unit), Some(cov)) = (r.unit.as_deref(), r.coverage.as_ref()) else {
            continue;
        };
        for row in cov.accepted() {
            let Some(id) = row.registry_id.as_deref() else {
                continue;
            };
            match first_unit.get(id) {
                Some((u, first)) if *u != unit => {
                    let place = match cov.org_col {
                        Some(c) => Place::cell(&r.rel, &cov.sheet, row.row, c),
                        None => Place::row(&r.rel, &cov.sheet, row.row),
                    };
                    out.push(
                        Issue::new(Rule::RegistryOtherUnit, place)
                            .unit(Some(unit))
                            .org(Some(id))
                            .expected(u.to_string())
                            .actual(unit)
                            .detail(first.rel.clone()),
                    );
                }
                Some(_) => {}
                None => {
                    first_unit.insert(id, (unit, r));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod rule_tests;
