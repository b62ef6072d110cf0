//! The run's period: the one given on the command line, or else the one the
//! files read agree on. Files that disagree stop the run, naming which files
//! say which month.

use crate::error::{Error, Result};
use crate::period::Period;
use crate::tables::{FileReport, FileStatus};
use std::collections::BTreeMap;

/// The run's period: the flag, or the one period the files agree on.
pub fn resolve(flag: Option<Period>, reports: &[FileReport]) -> Result<Period> {
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
