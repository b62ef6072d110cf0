//! What a run found, ready to be written: the reports with their issues,
//! the consolidated figures, earlier periods, the counts of files and rows
//! that must add up, and how long each stage took.

use crate::consolidate::Consolidation;
use crate::history::Snapshot;
use crate::issue::{Issue, Severity};
use crate::lang::Lang;
use crate::period::Period;
use crate::pipeline::Pipeline;
use crate::registry::Registry;
use crate::tables::FileReport;
use std::path::PathBuf;

/// Files found, read and skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct FileCounts {
    pub(crate) found: usize,
    pub(crate) read: usize,
    pub(crate) skipped: usize,
}

/// Rows read, accepted and rejected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RowCounts {
    pub(crate) read: usize,
    pub(crate) accepted: usize,
    pub(crate) rejected: usize,
}

/// Everything a run found, ready to be written.
pub struct Outcome<'p> {
    pub pipeline: &'p Pipeline,
    pub period: Period,
    pub lang: Lang,
    /// The inbox folder, for links from the discrepancy log to the sources.
    pub(crate) input: PathBuf,
    pub reports: Vec<FileReport>,
    /// All issues: severities settled, messages rendered, in stable order.
    pub issues: Vec<Issue>,
    pub consolidation: Consolidation,
    pub(crate) files: FileCounts,
    pub(crate) rows: RowCounts,
    /// The registry the run checked against: the organisations' registered names.
    pub registry: Registry,
    /// The confirmed matches to keep in `OUTPUT/confirmed-matches.csv`.
    pub(crate) confirmed: Vec<crate::confirmed::Confirmed>,
    /// Last month's stored figures (within the same year), when history has them.
    pub(crate) previous_month: Option<Snapshot>,
    /// The same period of the previous year, when history has it.
    pub previous_year: Option<Snapshot>,
    /// Stored periods of the twelve months before this one, oldest first,
    /// for the month-by-month trends.
    pub(crate) trend: Vec<Snapshot>,
    /// The moment of the run ([`crate::ingest::saved::run_now`]): a
    /// received date after it is unknown.
    pub(crate) now: std::time::SystemTime,
    /// How long each stage took (for `jinaq bench`; never written out).
    pub(crate) stages: Stages,
}

impl Outcome<'_> {
    pub(crate) fn count(&self, severity: Severity) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == severity)
            .count()
    }

    pub(crate) fn unit_count(&self, unit: &str, severity: Severity) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == severity && i.unit.as_deref() == Some(unit))
            .count()
    }
}

/// Wall time per stage of a run.
#[derive(Debug, Clone)]
pub(crate) struct Stages {
    last: std::time::Instant,
    pub(crate) laps: Vec<(&'static str, std::time::Duration)>,
}

impl Stages {
    pub(crate) fn start() -> Stages {
        Stages {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    /// Records the time since the previous lap under `name`.
    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.laps.push((name, now - self.last));
        self.last = now;
    }
}

/// Runs `f` and logs how long it took (`-vv`): where a run's time goes.
pub(crate) fn timed<T>(what: &str, name: &str, f: impl FnOnce() -> T) -> T {
    let start = std::time::Instant::now();
    let out = f();
    tracing::debug!(what, name, seconds = start.elapsed().as_secs_f64(), "built");
    out
}
