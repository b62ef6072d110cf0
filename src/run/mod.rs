//! The run: one month's reports, from the inbox to the outputs.
//!
//! Input: a [`Request`] (the pipeline, the inbox, the registry, the period
//! if given, the language, where history is kept). The stages, in order:
//!
//! 1. the inbox listed and every file read ([`read`]), beside the registry;
//! 2. the period settled ([`period`]) and this month's reports chosen
//!    ([`select`]): other months, unknown units and superseded copies set aside;
//!    the confirmed matches given to the registry ([`confirm`]);
//! 3. each report checked, then the region across reports;
//! 4. the accepted rows consolidated into unit and region figures;
//! 5. earlier periods read and compared ([`earlier`]);
//! 6. the issues finished ([`finish`]) and the follow-up carried over from
//!    last month's discrepancy workbook and this period's own.
//!
//! Output: an [`Outcome`] with every count and issue, which [`execute`]
//! then writes ([`crate::report`]) and stores as history. A file that cannot
//! be used is an issue; only what stops the whole run (no inbox, no
//! registry, no period, outputs that cannot be written) is an error.

pub(crate) mod confirm;
pub(crate) mod earlier;
pub(crate) mod finish;
pub(crate) mod outcome;
pub(crate) mod period;
pub(crate) mod read;
pub(crate) mod received;
pub(crate) mod request;
pub(crate) mod select;

use crate::checks;
use crate::consolidate::consolidate;
use crate::error::{Error, Result};
use crate::followup;
use crate::history;
use crate::ingest::discover::discover;
use crate::issue::Issue;
use crate::registry::Registry;
use crate::report::{self, OutputPaths};
use crate::tables::{FileReport, FileStatus};
use finish::finish_issues;
use outcome::{timed, FileCounts, Outcome, RowCounts, Stages};
use request::Request;
use std::path::Path;

/// A whole run: [`process`], then the outputs written under `output` and
/// the period stored in `output/history`.
pub(crate) fn execute<'p>(req: &Request<'p>, output: &Path) -> Result<(Outcome<'p>, OutputPaths)> {
    let outcome = process(req)?;
    let backup = keep_written(output, outcome.period);
    // The outputs and the stored period are independent: write them side by side.
    let (paths, stored) = rayon::join(
        || {
            let written = report::write_all(&outcome, output);
            settle_backup(backup, written.as_ref().ok());
            written
        },
        || {
            let start = std::time::Instant::now();
            let stored = history::store(
                &output.join("history"),
                outcome.period,
                &outcome.consolidation,
            );
            tracing::debug!(seconds = start.elapsed().as_secs_f64(), "period stored");
            stored
        },
    );
    let paths = paths?;
    stored.map_err(Error::Store)?;
    if !outcome.confirmed.is_empty() {
        let csv = crate::confirmed::to_csv(&outcome.confirmed);
        report::write_atomic(&output.join(crate::confirmed::FILE), &csv)?;
    }
    Ok((outcome, paths))
}

/// Keeps the period's discrepancy workbook, when the specialist wrote in
/// it, as a dated copy beside it before it is replaced.
fn keep_written(output: &Path, period: crate::period::Period) -> Option<followup::Backup> {
    let book = OutputPaths::new(output, period).discrepancies_xlsx;
    match followup::back_up(&book) {
        Ok(b) => b,
        Err(e) => {
            tracing::warn!(error = %e, book = %book.display(), "the edited workbook cannot be kept");
            None
        }
    }
}

/// A backup made by this run is removed again when nothing was replaced
/// (the old workbook stays) or the new workbook is the old one, byte for byte.
fn settle_backup(backup: Option<followup::Backup>, written: Option<&OutputPaths>) {
    let Some(b) = backup.filter(|b| b.created) else {
        return;
    };
    let unchanged = written
        .is_none_or(|p| std::fs::read(&p.discrepancies_xlsx).is_ok_and(|now| now == b.bytes));
    if unchanged {
        let _ = std::fs::remove_file(&b.path);
    } else {
        tracing::info!(backup = %b.path.display(), "the edited discrepancy workbook kept");
    }
}

/// The whole run short of writing: read, select, check, consolidate.
pub fn process<'p>(req: &Request<'p>) -> Result<Outcome<'p>> {
    let pipeline = req.pipeline;
    let mut stages = Stages::start();
    let files = discover(&req.input, &pipeline.files)?;
    stages.lap("discover");
    tracing::info!(files = files.len(), input = %req.input.display(), "inbox listed");
    // The registry and the reports are independent: read them side by side.
    let (registry, mut reports) = rayon::join(
        || {
            timed("input", "registry", || {
                Registry::load(&req.registry, pipeline)
            })
        },
        || {
            timed("input", "reports", || {
                read::read_inbox(&files, pipeline, req.period, req.progress)
            })
        },
    );
    let mut registry = registry?;
    let recorded_issues = received::apply(&req.input, &mut reports, pipeline);
    stages.lap("registry+read");
    tracing::info!(orgs = registry.orgs.len(), "registry read");
    let period = period::resolve(req.period, &reports)?;
    let output = req.history.as_deref().and_then(Path::parent);
    let (confirmed, confirmed_issues) = confirm::gather(output, period, &mut registry);
    select::select(&mut reports, period, pipeline);
    for r in reports.iter_mut().filter(|r| r.status == FileStatus::Read) {
        checks::check_file(r, Some(&registry), pipeline);
    }
    let region_issues = checks::check_region(&reports, pipeline);
    stages.lap("check");

    let chosen: Vec<&FileReport> = reports
        .iter()
        .filter(|r| r.status == FileStatus::Read)
        .collect();
    let unit_ids: Vec<String> = pipeline.units.iter().map(|u| u.id.clone()).collect();
    let consolidation = consolidate(&chosen, &unit_ids, &registry).map_err(Error::Consolidation)?;
    stages.lap("consolidate");

    let earlier = earlier::load(req.history.as_deref(), period);
    let mut history_issues = earlier.issues;
    history_issues.extend(checks::history::check(
        &reports,
        &consolidation,
        earlier.previous_month.as_ref(),
        // Changes are judged against the same month only, never against an
        // imported year-end standing in for it.
        earlier
            .previous_year
            .as_ref()
            .filter(|s| s.period == period.year_before()),
        pipeline,
    ));
    stages.lap("history");

    let read = chosen.len();
    let rows_read: usize = chosen.iter().map(|r| r.rows_read()).sum();
    let rows_rejected: usize = chosen.iter().map(|r| r.rows_rejected()).sum();
    let mut issues: Vec<Issue> = reports
        .iter()
        .flat_map(|r| r.issues.iter().cloned())
        .collect();
    issues.extend(region_issues);
    issues.extend(confirmed_issues);
    issues.extend(recorded_issues);
    issues.extend(history_issues);
    let mut issues = finish_issues(issues, pipeline, req.lang);
    earlier::carry_follow_up(
        &mut issues,
        req.history.as_deref(),
        period,
        pipeline,
        req.lang,
    );
    Ok(Outcome {
        pipeline,
        period,
        lang: req.lang,
        input: req.input.clone(),
        files: FileCounts {
            found: files.len(),
            read,
            skipped: files.len() - read,
        },
        rows: RowCounts {
            read: rows_read,
            accepted: rows_read - rows_rejected,
            rejected: rows_rejected,
        },
        reports,
        issues,
        consolidation,
        previous_month: earlier.previous_month,
        previous_year: earlier.previous_year,
        trend: earlier.trend,
        now: crate::ingest::saved::run_now(),
        stages,
        registry,
        confirmed,
    })
}
