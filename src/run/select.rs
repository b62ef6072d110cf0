//! Which files are this month's reports: a file of no known unit or of
//! another period is set aside with its file-level issue, and where a unit
//! sent several copies, the final one is kept and the others are marked
//! superseded (`file.superseded`, naming the copy taken instead).
//!
//! The final copy is one that holds a report table (a cover letter or a
//! phone list named after the unit never replaces its report), then the one
//! marked corrected (`түзетілген`, `исправленный`, the pipeline's markers),
//! then the highest copy number (`(2)`), then the latest saved (the time
//! the workbook states it was saved, where it does: copying or downloading a
//! file changes its modification time, not that; else the modification
//! time), then the last name.

use crate::issue::{Issue, Place, Rule};
use crate::normalize::text::key;
use crate::period::Period;
use crate::pipeline::Pipeline;
use crate::tables::{FileReport, FileStatus};
use std::collections::BTreeMap;

/// How strongly a file claims to be the final copy of its unit's report.
fn precedence(
    r: &FileReport,
    pipeline: &Pipeline,
) -> (bool, bool, u32, Option<std::time::SystemTime>, String) {
    let k = key(&r.name);
    let corrected = pipeline
        .files
        .corrected_markers
        .iter()
        .any(|m| k.contains(m.as_str()));
    let copy = r
        .name
        .rsplit_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .and_then(|(n, _)| n.trim().parse::<u32>().ok())
        .unwrap_or(0);
    (
        r.holds_report(),
        corrected,
        copy,
        r.saved.or(r.modified),
        r.name.clone(),
    )
}

/// Marks files of another period, of no known unit, and superseded copies.
pub(crate) fn select(reports: &mut [FileReport], period: Period, pipeline: &Pipeline) {
    set_aside(reports, period);
    let mut by_unit: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in reports
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status == FileStatus::Read)
    {
        by_unit
            .entry(r.unit.clone().unwrap_or_default())
            .or_default()
            .push(i);
    }
    for idx in by_unit.values().filter(|v| v.len() > 1) {
        let winner = *idx
            .iter()
            .max_by_key(|&&i| precedence(&reports[i], pipeline))
            .expect("non-empty");
        let winner_rel = reports[winner].rel.clone();
        for &i in idx.iter().filter(|&&i| i != winner) {
            let r = &mut reports[i];
            r.status = FileStatus::Superseded;
            // Findings inside a superseded copy are not this month's figures.
            r.issues.clear();
            let unit = r.unit.clone();
            r.issues.push(
                Issue::new(Rule::FileSuperseded, Place::file(&r.rel))
                    .unit(unit.as_deref())
                    .detail(winner_rel.clone()),
            );
        }
    }
    // Files that are not consolidated keep only their file-level issue.
    for r in reports.iter_mut().filter(|r| {
        matches!(
            r.status,
            FileStatus::UnitUnknown | FileStatus::PeriodMismatch
        )
    }) {
        r.issues
            .retain(|i| matches!(i.rule, Rule::FileUnitUnknown | Rule::FilePeriodMismatch));
    }
}

/// Marks the files read that name no known unit or another period.
fn set_aside(reports: &mut [FileReport], period: Period) {
    for r in reports.iter_mut().filter(|r| r.status == FileStatus::Read) {
        if r.unit.is_none() {
            r.status = FileStatus::UnitUnknown;
            r.issues
                .push(Issue::new(Rule::FileUnitUnknown, Place::file(&r.rel)));
        } else if let Some(p) = r.period.filter(|p| *p != period) {
            r.status = FileStatus::PeriodMismatch;
            let unit = r.unit.clone();
            r.issues.push(
                Issue::new(Rule::FilePeriodMismatch, Place::file(&r.rel))
                    .unit(unit.as_deref())
                    .expected(period.to_string())
                    .actual(p.to_string()),
            );
        }
    }
}
