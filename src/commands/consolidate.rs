//! `jinaq consolidate`: files found -> read -> checked -> consolidated ->
//! written, with a progress bar over files and a run summary at the end.

use super::texts::T;
use super::{load_pipeline, parse_lang, parse_period};
use crate::checks;
use crate::cli::ConsolidateArgs;
use crate::consolidate::consolidate;
use crate::error::{Error, Result};
use crate::followup;
use crate::history;
use crate::ingest::discover::{discover, InputFile};
use crate::issue::{num, Issue, Place, Rule, Severity};
use crate::lang::{fill, Lang};
use crate::messages;
use crate::normalize::identify::Period;
use crate::normalize::text::key;
use crate::pipeline::Pipeline;
use crate::registry::Registry;
use crate::report::{self, FileCounts, Outcome, RowCounts, Stages};
use crate::tables::{self, read_file, FileReport, FileStatus};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// What a run is asked to do, resolved from flags and the pipeline file.
pub struct Request<'p> {
    pub pipeline: &'p Pipeline,
    pub input: PathBuf,
    pub registry: PathBuf,
    pub period: Option<Period>,
    pub lang: Lang,
    pub progress: bool,
    /// `OUTPUT/history`: earlier periods are read from it.
    pub history: Option<PathBuf>,
}

pub fn run(args: &ConsolidateArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| pipeline.output.clone());
    let request = Request {
        pipeline: &pipeline,
        input: args.input.clone().unwrap_or_else(|| pipeline.input.clone()),
        registry: args
            .registry
            .clone()
            .unwrap_or_else(|| pipeline.registry.clone()),
        period: parse_period(args.period.as_deref())?,
        lang: parse_lang(args.lang.as_deref(), &pipeline)?,
        progress: !args.quiet && std::io::stderr().is_terminal(),
        history: Some(output.join("history")),
    };
    let outcome = process(&request)?;
    // The outputs and the stored period are independent: write them side by side.
    let (paths, stored) = rayon::join(
        || report::write_all(&outcome, &output),
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
    stored.map_err(|message| Error::Output {
        path: output.join("history"),
        message,
    })?;
    if !args.quiet {
        print_summary(&outcome, &paths);
    }
    Ok(if outcome.count(Severity::Error) > 0 {
        1
    } else {
        0
    })
}

/// The inbox's files as reports, in the order found. With a run period,
/// another month's reports are known by their names and not opened
/// ([`tables::named_for_other_period`]); the rest are read.
fn read_inbox(
    files: &[InputFile],
    pipeline: &Pipeline,
    period: Option<Period>,
    progress: bool,
) -> Vec<FileReport> {
    let known: Vec<Option<FileReport>> = files
        .iter()
        .map(|f| period.and_then(|p| tables::named_for_other_period(f, pipeline, p)))
        .collect();
    let to_read: Vec<InputFile> = files
        .iter()
        .zip(&known)
        .filter(|(_, k)| k.is_none())
        .map(|(f, _)| f.clone())
        .collect();
    let mut read = read_all(&to_read, pipeline, period, progress).into_iter();
    known
        .into_iter()
        .filter_map(|k| k.or_else(|| read.next()))
        .collect()
}

/// Reads files in parallel; a panic inside a reader becomes `file.unreadable`.
pub fn read_all(
    files: &[InputFile],
    pipeline: &Pipeline,
    period: Option<Period>,
    progress: bool,
) -> Vec<FileReport> {
    let bar = if progress {
        indicatif::ProgressBar::new(files.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let reports = files
        .par_iter()
        .map(|f| {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                read_file(f, pipeline, period)
            }));
            bar.inc(1);
            bar.set_message(f.name.clone());
            r.unwrap_or_else(|_| {
                tracing::error!(file = %f.rel, "reader panicked");
                let mut rep = read_file(
                    &InputFile {
                        kind: crate::ingest::discover::FileKind::Unreadable("panic".into()),
                        ..f.clone()
                    },
                    pipeline,
                    period,
                );
                rep.status = FileStatus::Unreadable;
                rep
            })
        })
        .collect();
    bar.finish_and_clear();
    reports
}

/// The run's period: the flag, or the one period the files agree on.
fn resolve_period(flag: Option<Period>, reports: &[FileReport]) -> Result<Period> {
    if let Some(p) = flag {
        return Ok(p);
    }
    let mut seen: BTreeMap<Period, Vec<&str>> = BTreeMap::new();
    for r in reports.iter().filter(|r| r.status == FileStatus::Read) {
        if let Some(p) = r.period {
            seen.entry(p).or_default().push(&r.rel);
        }
    }
    match seen.len() {
        1 => Ok(*seen.keys().next().expect("one period")),
        0 => Err(Error::Period(
            "no file names or titles say which month the reports are for; give it with --period YYYY-MM".into(),
        )),
        _ => {
            let list: Vec<String> = seen.iter().map(|(p, files)| format!("{p}: {}", files.join(", "))).collect();
            Err(Error::Period(format!(
                "the files are for different months ({}); give the month with --period YYYY-MM",
                list.join("; ")
            )))
        }
    }
}

/// How strongly a file claims to be the final copy of its unit's report.
fn precedence(
    r: &FileReport,
    pipeline: &Pipeline,
) -> (bool, u32, Option<std::time::SystemTime>, String) {
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
    (corrected, copy, r.modified, r.name.clone())
}

/// Marks files of another period, of no known unit, and superseded copies.
fn select(reports: &mut [FileReport], period: Period, pipeline: &Pipeline) {
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

/// Settles severities, drops switched-off rules and duplicates, renders
/// messages, and sorts into a stable order.
pub fn finish_issues(issues: Vec<Issue>, pipeline: &Pipeline, lang: Lang) -> Vec<Issue> {
    let mut out: Vec<Issue> = issues
        .into_iter()
        .filter_map(|i| pipeline.settle(i))
        .collect();
    for i in &mut out {
        i.message = messages::render(i, lang, pipeline);
    }
    out.sort_by(|a, b| {
        let ka = (
            a.place.file.is_none(),
            &a.place.file,
            &a.place.sheet,
            a.place.excel_row(),
            a.place.cell.map(|c| c.1),
            a.rule,
            &a.org,
            &a.field,
        );
        let kb = (
            b.place.file.is_none(),
            &b.place.file,
            &b.place.sheet,
            b.place.excel_row(),
            b.place.cell.map(|c| c.1),
            b.rule,
            &b.org,
            &b.field,
        );
        ka.cmp(&kb).then_with(|| a.unit.cmp(&b.unit))
    });
    out.dedup_by(|a, b| {
        a.rule == b.rule
            && a.place == b.place
            && a.org == b.org
            && a.field == b.field
            && a.unit == b.unit
    });
    out
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
            report::timed("input", "registry", || {
                Registry::load(&req.registry, pipeline)
            })
        },
        || {
            report::timed("input", "reports", || {
                read_inbox(&files, pipeline, req.period, req.progress)
            })
        },
    );
    let registry = registry?;
    stages.lap("registry+read");
    tracing::info!(orgs = registry.orgs.len(), "registry read");
    let period = resolve_period(req.period, &reports)?;
    select(&mut reports, period, pipeline);
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
    let consolidation = consolidate(&chosen, &unit_ids, &registry).map_err(|e| Error::Output {
        path: req.input.clone(),
        message: format!("consolidation failed: {e}"),
    })?;

    stages.lap("consolidate");
    // Earlier periods: last month (within the year) and the same month a year ago.
    let mut history_issues = Vec::new();
    // Organisation rows only for last month (decreases at their cells).
    let mut load = |p: Period, with_orgs: bool| -> Option<history::Snapshot> {
        let dir = req.history.as_ref()?;
        let loaded = if with_orgs {
            history::load(dir, p)
        } else {
            history::load_figures(dir, p)
        };
        match loaded {
            Ok(s) => s,
            Err(reason) => {
                tracing::warn!(period = %p, %reason, "stored period is damaged");
                history_issues.push(
                    Issue::new(Rule::FileUnreadable, Place::file(&format!("history/{p}")))
                        .detail(format!("history|{reason}")),
                );
                None
            }
        }
    };
    let previous_month = if period.month > 1 {
        load(period.previous(), true)
    } else {
        None
    };
    let previous_year = load(period.year_before(), false);
    let mut trend = Vec::new();
    let mut p = period.year_before();
    while p < period {
        let stored = if Some(p) == previous_year.as_ref().map(|s| s.period) {
            previous_year.clone()
        } else if let Some(prev) = previous_month.as_ref().filter(|s| s.period == p) {
            Some(history::Snapshot {
                period: prev.period,
                region: prev.region.clone(),
                units: prev.units.clone(),
                orgs: Default::default(),
            })
        } else {
            load(p, false)
        };
        trend.extend(stored);
        p = p.next();
    }
    history_issues.extend(checks::history::check(
        &reports,
        &consolidation,
        previous_month.as_ref(),
        previous_year.as_ref(),
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
    issues.extend(history_issues);
    let issues = finish_issues(issues, pipeline, req.lang);
    let mut issues = issues;
    // Last month's follow-up: what the specialist explained or waived stays so.
    let last = period.previous();
    if let Some(book) = req
        .history
        .as_ref()
        .and_then(|h| h.parent())
        .map(|out| {
            out.join(last.to_string())
                .join(format!("discrepancies-{last}.xlsx"))
        })
        .filter(|p| p.is_file())
    {
        match followup::load(&book, &last.to_string()) {
            Ok(carried) => {
                let n = followup::apply(&mut issues, &carried);
                tracing::info!(carried = n, from = %book.display(), "follow-up carried over");
            }
            Err(reason) => {
                tracing::warn!(%reason, "last month's discrepancy workbook cannot be read");
                let issue = Issue::new(
                    Rule::FileUnreadable,
                    Place::file(&format!("{last}/discrepancies-{last}.xlsx")),
                )
                .detail(format!("history|{reason}"));
                issues.extend(finish_issues(vec![issue], pipeline, req.lang));
            }
        }
    }
    let _ = num;
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
        previous_month,
        previous_year,
        trend,
        stages,
        registry,
    })
}

fn print_summary(o: &Outcome, paths: &report::OutputPaths) {
    let l = o.lang;
    let (e, w, i) = (
        o.count(Severity::Error),
        o.count(Severity::Warning),
        o.count(Severity::Info),
    );
    let say = |text: T, values: &[(&str, &str)]| println!("{}", fill(text.get(l), values));
    say(T::Period, &[("period", &o.period.to_string())]);
    say(
        T::Files,
        &[
            ("found", &o.files.found.to_string()),
            ("read", &o.files.read.to_string()),
            ("skipped", &o.files.skipped.to_string()),
        ],
    );
    say(
        T::Rows,
        &[
            ("read", &o.rows.read.to_string()),
            ("accepted", &o.rows.accepted.to_string()),
            ("rejected", &o.rows.rejected.to_string()),
        ],
    );
    say(
        T::Issues,
        &[
            ("errors", &e.to_string()),
            ("error", messages::severity_label(Severity::Error, l)),
            ("warnings", &w.to_string()),
            ("warning", messages::severity_label(Severity::Warning, l)),
            ("infos", &i.to_string()),
            ("info", messages::severity_label(Severity::Info, l)),
        ],
    );
    say(T::Outputs, &[("dir", &display_path(&paths.dir))]);
    for p in paths.all() {
        println!(
            "  {}",
            p.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        );
    }
}

/// The folder as a person would look for it: absolute, without the
/// `pipelines/..` of a path taken relative to the pipeline file. Windows
/// drops `..` in making a path absolute; elsewhere the folder, just written,
/// is resolved by the system.
fn display_path(p: &Path) -> String {
    #[cfg(unix)]
    let resolved = std::fs::canonicalize(p).or_else(|_| std::path::absolute(p));
    #[cfg(not(unix))]
    let resolved = std::path::absolute(p);
    resolved
        .unwrap_or_else(|_| p.to_path_buf())
        .display()
        .to_string()
}
