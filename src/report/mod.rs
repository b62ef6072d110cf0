//! The outputs of a run, under `OUTPUT/<period>/`:
//!
//! - `summary-<period>.json` ([`summary`]): the consolidated figures;
//! - `discrepancies-<period>.json` / `.csv` ([`issue_log`]) and `.xlsx`
//!   ([`discrepancy_book`]): every issue with its place;
//! - `consolidated-<period>.xlsx` ([`consolidated_book`]): the workbook
//!   leadership reads.
//!
//! Every file is written atomically: to a temporary file in the same folder,
//! then renamed over the old one, so a run killed at any moment leaves the
//! previous outputs intact.

pub mod consolidated_book;
pub mod discrepancy_book;
pub mod issue_log;
pub mod summary;

use crate::consolidate::Consolidation;
use crate::error::{Error, Result};
use crate::issue::{Issue, Severity};
use crate::lang::Lang;
use crate::normalize::identify::Period;
use crate::pipeline::Pipeline;
use crate::registry::Registry;
use crate::tables::FileReport;
use std::path::{Path, PathBuf};

/// Files found, read and skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileCounts {
    pub found: usize,
    pub read: usize,
    pub skipped: usize,
}

/// Rows read, accepted and rejected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowCounts {
    pub read: usize,
    pub accepted: usize,
    pub rejected: usize,
}

/// Everything a run found, ready to be written.
pub struct Outcome<'p> {
    pub pipeline: &'p Pipeline,
    pub period: Period,
    pub lang: Lang,
    /// The inbox folder, for links from the discrepancy log to the sources.
    pub input: PathBuf,
    pub reports: Vec<FileReport>,
    /// All issues: severities settled, messages rendered, in stable order.
    pub issues: Vec<Issue>,
    pub consolidation: Consolidation,
    pub files: FileCounts,
    pub rows: RowCounts,
    /// The registry the run checked against: the organisations' registered names.
    pub registry: Registry,
    /// Last month's stored figures (within the same year), when history has them.
    pub previous_month: Option<crate::history::Snapshot>,
    /// The same period of the previous year, when history has it.
    pub previous_year: Option<crate::history::Snapshot>,
    /// Stored periods of the twelve months before this one, oldest first,
    /// for the month-by-month trends.
    pub trend: Vec<crate::history::Snapshot>,
    /// How long each stage took (for `jinaq bench`; never written out).
    pub stages: Stages,
}

/// Wall time per stage of a run.
#[derive(Debug, Clone)]
pub struct Stages {
    last: std::time::Instant,
    pub laps: Vec<(&'static str, std::time::Duration)>,
}

impl Stages {
    pub fn start() -> Stages {
        Stages {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    /// Records the time since the previous lap under `name`.
    pub fn lap(&mut self, name: &'static str) {
        let now = std::time::Instant::now();
        self.laps.push((name, now - self.last));
        self.last = now;
    }
}

impl Outcome<'_> {
    pub fn count(&self, severity: Severity) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == severity)
            .count()
    }

    pub fn unit_count(&self, unit: &str, severity: Severity) -> usize {
        self.issues
            .iter()
            .filter(|i| i.severity == severity && i.unit.as_deref() == Some(unit))
            .count()
    }
}

/// The paths of the outputs of a period.
pub struct OutputPaths {
    pub dir: PathBuf,
    pub consolidated: PathBuf,
    pub discrepancies_xlsx: PathBuf,
    pub discrepancies_csv: PathBuf,
    pub discrepancies_json: PathBuf,
    pub summary: PathBuf,
}

impl OutputPaths {
    pub fn new(output: &Path, period: Period) -> OutputPaths {
        let dir = output.join(period.to_string());
        OutputPaths {
            consolidated: dir.join(format!("consolidated-{period}.xlsx")),
            discrepancies_xlsx: dir.join(format!("discrepancies-{period}.xlsx")),
            discrepancies_csv: dir.join(format!("discrepancies-{period}.csv")),
            discrepancies_json: dir.join(format!("discrepancies-{period}.json")),
            summary: dir.join(format!("summary-{period}.json")),
            dir,
        }
    }

    pub fn all(&self) -> [&Path; 5] {
        [
            &self.consolidated,
            &self.discrepancies_xlsx,
            &self.discrepancies_csv,
            &self.discrepancies_json,
            &self.summary,
        ]
    }
}

/// Writes bytes to `path` atomically (temporary file in the same folder, then
/// rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let out_err = |e: std::io::Error| Error::Output {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(out_err)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        out_err(e)
    })?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::Output {
            path: path.to_path_buf(),
            message: format!("{e}; if the file is open in another program, close it and run again"),
        }
    })
}

/// Writes every output of the period; returns their paths.
pub fn write_all(outcome: &Outcome, output: &Path) -> Result<OutputPaths> {
    let paths = OutputPaths::new(output, outcome.period);
    let xlsx_err = |path: &Path| {
        let path = path.to_path_buf();
        move |e: rust_xlsxwriter::XlsxError| Error::Output {
            path: path.clone(),
            message: e.to_string(),
        }
    };
    // Build everything first (the two workbooks side by side), then replace
    // the files one after the other.
    let timed =
        |name: &'static str,
         f: &dyn Fn() -> std::result::Result<Vec<u8>, rust_xlsxwriter::XlsxError>| {
            let start = std::time::Instant::now();
            let out = f();
            tracing::info!(
                output = name,
                seconds = start.elapsed().as_secs_f64(),
                "built"
            );
            out
        };
    let (disc, cons) = rayon::join(
        // Links from the discrepancy workbook to the sources are relative to its folder.
        || {
            timed("discrepancies.xlsx", &|| {
                discrepancy_book::build_at(outcome, &paths.dir)
            })
        },
        || {
            timed("consolidated.xlsx", &|| {
                consolidated_book::build(outcome, &paths)
            })
        },
    );
    let disc = disc.map_err(xlsx_err(&paths.discrepancies_xlsx))?;
    let cons = cons.map_err(xlsx_err(&paths.consolidated))?;
    let summary = summary::to_json(outcome);
    let json = issue_log::to_json(outcome);
    let csv = issue_log::to_csv(outcome);
    write_atomic(&paths.summary, summary.as_bytes())?;
    write_atomic(&paths.discrepancies_json, json.as_bytes())?;
    write_atomic(&paths.discrepancies_csv, &csv)?;
    write_atomic(&paths.discrepancies_xlsx, &disc)?;
    write_atomic(&paths.consolidated, &cons)?;
    Ok(paths)
}
