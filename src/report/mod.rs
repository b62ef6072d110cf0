//! The outputs of a run, under `OUTPUT/<period>/`:
//!
//! - `summary-<period>.json` ([`summary`]): the consolidated figures;
//! - `discrepancies-<period>.json` / `.csv` ([`issue_log`]) and `.xlsx`
//!   ([`discrepancy_book`]): every issue with its place;
//! - `consolidated-<period>.xlsx` ([`consolidated_book`]): the workbook
//!   leadership reads;
//! - `districts/`, a file for each unit with issues ([`district_book`]),
//!   to send the district; a stale one of a unit with no issues now is
//!   removed.
//!
//! - `brief-<period>.docx` ([`brief`]): the year's brief, written by
//!   `jinaq brief` and by a December run.
//!
//! Every file is written atomically: to a temporary file in the same folder,
//! then renamed over the old one, so a run killed at any moment leaves the
//! previous outputs intact.

pub(crate) mod brief;
pub(crate) mod consolidated_book;
pub(crate) mod discrepancy_book;
pub(crate) mod district_book;
mod error;
pub(crate) mod issue_log;
pub(crate) mod summary;

use crate::period::Period;
use crate::run::outcome::{timed, Outcome};
pub(crate) use error::WriteError;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The paths of the outputs of a period.
pub struct OutputPaths {
    pub(crate) dir: PathBuf,
    pub(crate) consolidated: PathBuf,
    pub(crate) discrepancies_xlsx: PathBuf,
    pub(crate) discrepancies_csv: PathBuf,
    pub(crate) discrepancies_json: PathBuf,
    pub(crate) summary: PathBuf,
    /// The folder of the districts' files.
    pub(crate) districts: PathBuf,
    /// The districts' files the run wrote (none before it writes).
    pub(crate) district_files: Vec<PathBuf>,
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
            districts: dir.join("districts"),
            district_files: Vec::new(),
            dir,
        }
    }

    pub(crate) fn all(&self) -> [&Path; 5] {
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
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace_all(&[(path, bytes)])
}

/// Writes `bytes` to a temporary file beside `path`; returns its path.
fn stage(path: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| WriteError::file(dir, e))?;
    let tmp = sibling(path, "tmp");
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        use std::io::Write;
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(WriteError::file(path, e));
    }
    Ok(tmp)
}

/// `.NAME.PID.what` in the folder of `path`.
fn sibling(path: &Path, what: &str) -> PathBuf {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    dir.join(format!(".{name}.{}.{what}", std::process::id()))
}

/// Replaces a set of files together. Every new file is first written in
/// full beside its target; only then are they renamed over the old ones, one
/// after the other. If one cannot be replaced, those already replaced get
/// their previous version back and every temporary file is removed, so the
/// folder holds either the whole previous set or the whole new one (a run
/// killed outright leaves at worst stray `.tmp` files and, between two
/// renames, a set mixing complete old and complete new files).
pub(crate) fn replace_all(files: &[(&Path, &[u8])]) -> Result<(), WriteError> {
    // Written and synced side by side: the waits for the disk overlap.
    let results: Vec<Result<PathBuf, WriteError>> = files
        .par_iter()
        .map(|(path, bytes)| stage(path, bytes))
        .collect();
    let mut staged = Vec::with_capacity(files.len());
    let mut failed = None;
    for r in results {
        match r {
            Ok(tmp) => staged.push(tmp),
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    if let Some(e) = failed {
        for tmp in &staged {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(e);
    }
    // (target, previous version kept aside)
    let mut replaced: Vec<(&Path, Option<PathBuf>)> = Vec::with_capacity(files.len());
    for (i, ((path, _), tmp)) in files.iter().zip(&staged).enumerate() {
        let previous = keep_previous(path);
        if let Err(e) = std::fs::rename(tmp, path) {
            for tmp in &staged[i..] {
                let _ = std::fs::remove_file(tmp);
            }
            if let Some(p) = previous {
                let _ = std::fs::remove_file(p);
            }
            for (done, previous) in replaced.iter().rev() {
                match previous {
                    Some(p) => {
                        let _ = std::fs::rename(p, done);
                    }
                    None => {
                        let _ = std::fs::remove_file(done);
                    }
                }
            }
            return Err(WriteError::file(path, e));
        }
        replaced.push((path, previous));
    }
    for (_, previous) in replaced {
        if let Some(p) = previous {
            let _ = std::fs::remove_file(p);
        }
    }
    Ok(())
}

/// A second name (or, where links are not supported, a copy) of the file
/// about to be replaced, so that a failed set can be rolled back.
fn keep_previous(path: &Path) -> Option<PathBuf> {
    if !path.is_file() {
        return None;
    }
    let keep = sibling(path, "previous");
    let _ = std::fs::remove_file(&keep);
    std::fs::hard_link(path, &keep)
        .or_else(|_| std::fs::copy(path, &keep).map(|_| ()))
        .ok()
        .map(|_| keep)
}

/// Writes every output of the period; returns their paths. All five are
/// built in memory first, then replaced together ([`replace_all`]).
pub(crate) fn write_all(outcome: &Outcome, output: &Path) -> Result<OutputPaths, WriteError> {
    let mut paths = OutputPaths::new(output, outcome.period);
    let xlsx_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source: rust_xlsxwriter::XlsxError| WriteError::Workbook {
            path: path.clone(),
            source,
        }
    };
    // Build everything first, then replace the files as one set. The
    // discrepancy workbook and the text outputs are small: one core makes
    // them while the other builds the consolidated workbook.
    let (small, cons) = rayon::join(
        || {
            // Links from the discrepancy workbook to the sources are relative to its folder.
            let disc = timed("output", "discrepancies.xlsx", || {
                discrepancy_book::build_at(outcome, &paths.dir)
            });
            let summary = summary::to_json(outcome);
            let json = issue_log::to_json(outcome);
            let csv = issue_log::to_csv(outcome);
            let districts = timed("output", "districts", || district_book::build_all(outcome));
            (disc, summary, json, csv, districts)
        },
        || {
            timed("output", "consolidated.xlsx", || {
                consolidated_book::build(outcome, &paths)
            })
        },
    );
    let (disc, summary, json, csv, districts) = small;
    let disc = disc.map_err(xlsx_err(&paths.discrepancies_xlsx))?;
    let cons = cons.map_err(xlsx_err(&paths.consolidated))?;
    let districts = districts.map_err(xlsx_err(&paths.districts))?;
    let district_paths: Vec<PathBuf> = districts
        .iter()
        .map(|d| paths.districts.join(&d.name))
        .collect();
    let start = std::time::Instant::now();
    let mut set: Vec<(&Path, &[u8])> = vec![
        (&paths.summary, summary.as_bytes()),
        (&paths.discrepancies_json, json.as_bytes()),
        (&paths.discrepancies_csv, &csv),
        (&paths.discrepancies_xlsx, &disc),
        (&paths.consolidated, &cons),
    ];
    set.extend(
        district_paths
            .iter()
            .zip(&districts)
            .map(|(p, d)| (p.as_path(), d.bytes.as_slice())),
    );
    replace_all(&set)?;
    remove_stale_districts(&paths.districts, outcome.period, &district_paths);
    tracing::debug!(seconds = start.elapsed().as_secs_f64(), "outputs replaced");
    paths.district_files = district_paths;
    Ok(paths)
}

/// Removes the districts' files of the period that this run did not write
/// (units with no issues now); other files in the folder are left alone.
fn remove_stale_districts(dir: &Path, period: Period, written: &[PathBuf]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let period = period.to_string();
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if path.is_file()
            && district_book::is_district_file(&name, &period)
            && !written.contains(&path)
        {
            if let Err(error) = std::fs::remove_file(&path) {
                tracing::warn!(file = %path.display(), %error, "stale district file not removed");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("jinaq-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.starts_with('.'))
            .collect()
    }

    #[test]
    fn a_set_is_replaced_whole() {
        let dir = scratch("replace-whole");
        let (a, b) = (dir.join("a.json"), dir.join("b.json"));
        replace_all(&[(&a, b"old a"), (&b, b"old b")]).unwrap();
        replace_all(&[(&a, b"new a"), (&b, b"new b")]).unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"new a");
        assert_eq!(std::fs::read(&b).unwrap(), b"new b");
        assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    }

    #[test]
    fn a_failed_replacement_rolls_back_the_set() {
        let dir = scratch("replace-rollback");
        let (a, b, c) = (dir.join("a.json"), dir.join("b.json"), dir.join("c.json"));
        replace_all(&[(&a, b"old a"), (&b, b"old b")]).unwrap();
        // c is a folder: renaming a file over it fails after a and b are done
        std::fs::create_dir_all(c.join("inside")).unwrap();
        let err = replace_all(&[(&a, b"new a"), (&b, b"new b"), (&c, b"new c")]).unwrap_err();
        assert!(err.to_string().contains("folder"), "{err}");
        assert_eq!(std::fs::read(&a).unwrap(), b"old a");
        assert_eq!(std::fs::read(&b).unwrap(), b"old b");
        assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    }
}
