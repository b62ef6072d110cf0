//! One file -> its tables: which unit and period it is, the coverage table,
//! events, financing and the unit's own summary, each on whichever visible
//! sheet holds it (sheets are told by their content, not their order).
//!
//! Input: an [`InputFile`] and the pipeline. Output: a [`FileReport`] with the
//! tables found and the issues of the file, its sheets and its cells
//! (`file.*`, `sheet.missing`, `column.*`, `value.*`, `formula.no_cached_value`).

pub(crate) mod coverage;
pub(crate) mod events;
pub(crate) mod labelled;

use crate::ingest::discover::{FileKind, InputFile};
use crate::ingest::format::{Format, Limit, Refusal};
use crate::ingest::grid::Grid;
use crate::ingest::workbook::{self, Workbook};
use crate::issue::{a1, Issue, Place, Rule};
use crate::normalize::header::{find_header, HeaderMatch};
use crate::normalize::identify::{period_in, unit_in};
use crate::normalize::text::key;
use crate::normalize::value::{Problem, Share};
use crate::period::Period;
use crate::pipeline::Pipeline;
use coverage::Coverage;
use events::Events;
use std::collections::BTreeMap;

/// What became of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileStatus {
    /// Read; its tables are consolidated unless superseded later.
    Read,
    Superseded,
    Ignored,
    Unreadable,
    Encrypted,
    Empty,
    UnitUnknown,
    PeriodMismatch,
}

/// Financing as stated.
#[derive(Debug, Clone, PartialEq)]
pub struct Finance {
    pub sheet: String,
    pub(crate) budget: Option<f64>,
    pub(crate) training: Option<f64>,
    pub(crate) share: Option<Share>,
    /// Cells of budget, training and share.
    pub(crate) cells: BTreeMap<String, (u32, u32)>,
}

/// The unit's own summary sheet: field -> (value, cell).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitSummary {
    pub(crate) sheet: String,
    pub(crate) values: BTreeMap<String, labelled::Labelled>,
}

#[derive(Debug, Clone)]
pub struct FileReport {
    pub rel: String,
    pub name: String,
    /// The file system's modification time: the received date's last resort.
    pub(crate) modified: Option<std::time::SystemTime>,
    /// When the workbook says it was last saved ([`crate::ingest::saved`]).
    pub(crate) saved: Option<std::time::SystemTime>,
    /// The day the specialist recorded it was received, where recorded.
    pub(crate) recorded: Option<crate::period::Ymd>,
    pub(crate) format: Option<Format>,
    pub status: FileStatus,
    pub unit: Option<String>,
    pub(crate) period: Option<Period>,
    pub coverage: Option<Coverage>,
    pub events: Option<Events>,
    pub finance: Option<Finance>,
    pub(crate) summary: Option<UnitSummary>,
    pub issues: Vec<Issue>,
}

impl FileReport {
    pub(crate) fn new(file: &InputFile) -> FileReport {
        FileReport {
            rel: file.rel.clone(),
            name: file.name.clone(),
            modified: file.modified,
            saved: None,
            recorded: None,
            format: None,
            status: FileStatus::Read,
            unit: None,
            period: None,
            coverage: None,
            events: None,
            finance: None,
            summary: None,
            issues: Vec::new(),
        }
    }

    /// Whether a report table (training coverage or events) was found: a
    /// cover letter or a phone list holds none.
    pub(crate) fn holds_report(&self) -> bool {
        self.coverage.is_some() || self.events.is_some()
    }

    pub fn rows_read(&self) -> usize {
        self.coverage.as_ref().map_or(0, |c| c.rows_read)
            + self.events.as_ref().map_or(0, |e| e.rows_read)
    }

    pub fn rows_rejected(&self) -> usize {
        self.coverage.as_ref().map_or(0, |c| c.rows_rejected)
            + self.events.as_ref().map_or(0, |e| e.rows_rejected)
    }

    fn refuse(mut self, refusal: Refusal) -> FileReport {
        self.status = match &refusal {
            Refusal::NotReport(_) => FileStatus::Ignored,
            Refusal::Encrypted => FileStatus::Encrypted,
            Refusal::Empty => FileStatus::Empty,
            _ => FileStatus::Unreadable,
        };
        self.issues
            .push(Issue::refused(refusal, Place::file(&self.rel)).unit(self.unit.as_deref()));
        self
    }
}

/// An issue about one cell's value.
pub(crate) fn cell_issue(
    file: &str,
    sheet: &str,
    row: u32,
    col: u32,
    p: &Problem,
    field: &str,
    org: Option<&str>,
) -> Issue {
    Issue::new(p.rule, Place::cell(file, sheet, row, col))
        .field(field)
        .actual(p.actual.clone())
        .org(org)
}

/// One issue per formula cell of a row that carries no stored value.
pub(crate) fn no_value_issues(file: &str, sheet: &str, row: u32, cols: &[u32]) -> Vec<Issue> {
    cols.iter()
        .map(|&c| {
            Issue::new(Rule::FormulaNoCachedValue, Place::cell(file, sheet, row, c))
                .detail(a1(row, c))
        })
        .collect()
}

/// Reads one file. Never panics on bad input; a panic inside a reader is
/// caught by the caller and reported as `file.unreadable`.
pub(crate) fn read_file(
    file: &InputFile,
    pipeline: &Pipeline,
    run_period: Option<Period>,
) -> FileReport {
    let mut report = FileReport::new(file);
    match &file.kind {
        FileKind::Ignored(what) => return report.refuse(Refusal::NotReport(*what)),
        FileKind::Unreadable(why) => return report.refuse(why.clone()),
        FileKind::Workbook => {}
    }
    if let Some(too_large) = name_and_size(&mut report, file.size, pipeline) {
        return report.refuse(too_large);
    }
    let bytes = match read_limited(&file.path, pipeline.limits.max_file_bytes) {
        Ok(b) => b,
        Err(refusal) => return report.refuse(refusal),
    };
    open_and_read(report, bytes, pipeline, run_period)
}

/// The report of a workbook whose name gives its unit and another month
/// than `run`, without opening it; None for any other file. The name decides
/// the period over the titles, so such a file is that month's report
/// (`file.period_mismatch` in this run) whatever it holds: a year of reports
/// in one folder then costs each month's run only its own files.
pub(crate) fn named_for_other_period(
    file: &InputFile,
    pipeline: &Pipeline,
    run: Period,
) -> Option<FileReport> {
    if !matches!(file.kind, FileKind::Workbook) {
        return None;
    }
    let stem = std::path::Path::new(&file.name)
        .file_stem()?
        .to_string_lossy();
    let unit = unit_in(pipeline, &stem)?;
    let named = period_in(&stem).filter(|p| *p != run)?;
    let mut report = FileReport::new(file);
    report.unit = Some(unit.to_string());
    report.period = Some(named);
    Some(report)
}

/// Reads one workbook given as bytes, as if it were a file of this name in
/// the inbox (the name tells its unit and period): the whole path from bytes
/// to located, normalised tables, without the file system. Never panics on
/// bad input.
pub fn read_bytes(
    name: &str,
    bytes: Vec<u8>,
    pipeline: &Pipeline,
    run_period: Option<Period>,
) -> FileReport {
    let file = InputFile {
        path: name.into(),
        rel: name.to_string(),
        name: name.to_string(),
        modified: None,
        size: bytes.len() as u64,
        kind: FileKind::Workbook,
    };
    let mut report = FileReport::new(&file);
    if let Some(too_large) = name_and_size(&mut report, file.size, pipeline) {
        return report.refuse(too_large);
    }
    open_and_read(report, bytes, pipeline, run_period)
}

/// Gives a workbook's report its unit from the file name (a workbook that
/// cannot be read still names its district: the specialist must know whom
/// to call); returns why it is refused when the file is larger than the
/// limits allow.
fn name_and_size(report: &mut FileReport, size: u64, pipeline: &Pipeline) -> Option<Refusal> {
    let stem = std::path::Path::new(&report.name)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    report.unit = unit_in(pipeline, &stem).map(str::to_string);
    (size > pipeline.limits.max_file_bytes).then(|| Refusal::OverLimit {
        limit: Limit::FileSize,
        detail: format!(
            "{size} bytes > limits.max_file_bytes = {}",
            pipeline.limits.max_file_bytes
        ),
    })
}

fn open_and_read(
    mut report: FileReport,
    bytes: Vec<u8>,
    pipeline: &Pipeline,
    run_period: Option<Period>,
) -> FileReport {
    report.saved = crate::ingest::saved::saved_time(&bytes);
    let wb = match workbook::open(bytes, &pipeline.limits) {
        Ok(wb) => wb,
        Err(refusal) => {
            tracing::info!(file = %report.rel, reason = ?refusal, "file refused");
            return report.refuse(refusal);
        }
    };
    report.format = Some(wb.format);
    read_workbook(report, &wb, pipeline, run_period)
}

/// Reads the tables of an opened workbook into the report.
pub(crate) fn read_workbook(
    mut report: FileReport,
    wb: &Workbook,
    pipeline: &Pipeline,
    run_period: Option<Period>,
) -> FileReport {
    read_tables(&mut report, wb, pipeline, run_period);
    tracing::debug!(
        file = %report.rel,
        unit = report.unit.as_deref().unwrap_or("?"),
        coverage = report.coverage.as_ref().map_or("-", |c| c.sheet.as_str()),
        rows = report.rows_read(),
        events = report.events.as_ref().map_or(0, |e| e.rows.len()),
        issues = report.issues.len(),
        "file read"
    );
    let unit = report.unit.clone();
    for issue in &mut report.issues {
        if issue.unit.is_none() {
            issue.unit = unit.clone();
        }
    }
    report
}

/// The file's bytes, or why they cannot be had: the system refuses, or the
/// file grew past the limit since it was listed.
fn read_limited(path: &std::path::Path, max: u64) -> Result<Vec<u8>, Refusal> {
    use std::io::Read;
    let cannot_open = |e: std::io::Error| Refusal::CannotOpen(e.to_string());
    let f = std::fs::File::open(path).map_err(cannot_open)?;
    let mut bytes = Vec::new();
    f.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_open)?;
    if bytes.len() as u64 > max {
        return Err(Refusal::OverLimit {
            limit: Limit::FileSize,
            detail: format!("limits.max_file_bytes = {max}"),
        });
    }
    Ok(bytes)
}

/// The visible sheet whose header names the most fields of a table.
fn best_sheet<'w>(
    wb: &'w Workbook,
    spec: &crate::pipeline::TableSpec,
    scan_rows: u32,
    skip: Option<&str>,
) -> Option<(&'w str, &'w Grid, HeaderMatch)> {
    let mut best: Option<(&str, &Grid, HeaderMatch)> = None;
    for sheet in wb.visible().filter(|s| Some(s.name.as_str()) != skip) {
        if let Some(h) = find_header(&sheet.grid, spec, scan_rows) {
            let better = best.as_ref().is_none_or(|(_, _, b)| {
                (
                    h.missing(&spec.required).len(),
                    std::cmp::Reverse(h.score()),
                ) < (
                    b.missing(&spec.required).len(),
                    std::cmp::Reverse(b.score()),
                )
            });
            if better {
                best = Some((&sheet.name, &sheet.grid, h));
            }
        }
    }
    best
}

/// Texts of the rows above a table (or of the first rows of a sheet).
fn title_text(grid: &Grid, above_row: u32, max_rows: u32) -> String {
    let first = grid.rows.first().map_or(0, |r| r.index);
    grid.rows
        .iter()
        .take_while(|r| r.index < above_row && r.index < first + max_rows.max(1))
        .flat_map(|r| r.cells.iter().filter_map(|(_, c)| c.text()))
        .collect::<Vec<_>>()
        .join(" \n ")
}

fn read_tables(
    report: &mut FileReport,
    wb: &Workbook,
    pipeline: &Pipeline,
    run_period: Option<Period>,
) {
    let file = report.rel.clone();
    let scan = pipeline.limits.header_scan_rows;
    let cov = best_sheet(wb, &pipeline.coverage, scan, None);

    // Titles: above the coverage header, or the first rows of the first sheet.
    let titles = match &cov {
        Some((_, grid, h)) => title_text(
            grid,
            h.first_row,
            pipeline.limits.title_scan_rows.max(h.first_row + 1),
        ),
        None => wb
            .visible()
            .next()
            .map(|s| title_text(&s.grid, u32::MAX, pipeline.limits.title_scan_rows))
            .unwrap_or_default(),
    };
    let stem = std::path::Path::new(&report.name)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    report.unit = unit_in(pipeline, &stem)
        .or_else(|| unit_in(pipeline, &titles))
        .map(str::to_string);
    report.period = period_in(&stem).or_else(|| period_in(&titles));

    // The coverage table.
    match cov {
        Some((sheet, grid, header)) => {
            let missing = header.missing(&pipeline.coverage.required);
            if !missing.is_empty() {
                let place = Place::row(&file, sheet, header.first_row);
                report.issues.push(
                    Issue::new(Rule::ColumnMissing, place)
                        .field(missing[0])
                        .detail(format!(
                            "{}|{}",
                            missing.join(", "),
                            header.seen.join(" | ")
                        )),
                );
            } else {
                for u in &header.unknown {
                    report.issues.push(
                        Issue::new(Rule::ColumnUnknown, Place::cell(&file, sheet, u.row, u.col))
                            .actual(u.text.clone()),
                    );
                }
                let (c, issues) = coverage::read(grid, &file, sheet, header, &pipeline.coverage);
                report.issues.extend(issues);
                report.coverage = Some(c);
            }
        }
        None => {
            let sheets: Vec<&str> = wb.visible().map(|s| s.name.as_str()).collect();
            report
                .issues
                .push(Issue::new(Rule::SheetMissing, Place::file(&file)).detail(sheets.join(", ")));
        }
    }
    let cov_sheet = report.coverage.as_ref().map(|c| c.sheet.clone());

    // Events.
    if let Some((sheet, grid, header)) =
        best_sheet(wb, &pipeline.events, scan, cov_sheet.as_deref())
    {
        if header.missing(&pipeline.events.required).is_empty() {
            let (e, issues) = events::read(
                grid,
                &file,
                sheet,
                header,
                pipeline,
                run_period.or(report.period),
            );
            report.issues.extend(issues);
            report.events = Some(e);
        }
    }
    let events_sheet = report.events.as_ref().map(|e| e.sheet.clone());

    // Financing and the unit's own summary: label sheets.
    for sheet in wb.visible() {
        if Some(&sheet.name) == cov_sheet.as_ref() || Some(&sheet.name) == events_sheet.as_ref() {
            continue;
        }
        if report.finance.is_none() {
            let f = labelled::read(&sheet.grid, &pipeline.finance);
            if f.contains_key("finance.budget") && f.contains_key("finance.training") {
                report.finance = Some(finance_of(&file, &sheet.name, &f, &mut report.issues));
                continue;
            }
        }
        if report.summary.is_none() {
            let named = pipeline.summary_sheet_names.contains(&key(&sheet.name));
            let values = labelled::read(&sheet.grid, &pipeline.summary);
            if values.len() >= 4 || (named && values.len() >= 2) {
                report.summary = Some(UnitSummary {
                    sheet: sheet.name.clone(),
                    values,
                });
            }
        }
    }
}

fn finance_of(
    file: &str,
    sheet: &str,
    f: &BTreeMap<String, labelled::Labelled>,
    issues: &mut Vec<Issue>,
) -> Finance {
    let mut cells = BTreeMap::new();
    for (field, l) in f {
        cells.insert(field.clone(), l.cell);
    }
    for (field, l) in f {
        if field != "finance.share" && l.value.is_some_and(|v| v < 0.0) {
            issues.push(
                Issue::new(
                    Rule::ValueNegative,
                    Place::cell(file, sheet, l.cell.0, l.cell.1),
                )
                .field(field)
                .actual(crate::issue::num(l.value.unwrap_or_default())),
            );
        }
        if l.no_value {
            issues.extend(no_value_issues(file, sheet, l.cell.0, &[l.cell.1]));
        }
    }
    Finance {
        sheet: sheet.to_string(),
        budget: f.get("finance.budget").and_then(|l| l.value),
        training: f.get("finance.training").and_then(|l| l.value),
        share: f.get("finance.share").and_then(|l| l.share),
        cells,
    }
}
