//! The run's period: the one given on the command line, or else the one the
//! files read agree on. Files that disagree stop the run, naming which files
//! say which month.

use crate::error::{Error, Result};
use crate::period::Period;
use crate::tables::{FileReport, FileStatus};
use std::collections::BTreeMap;

/// The run's period: the flag, or the one period the files agree on.
pub(crate) fn resolve(flag: Option<Period>, reports: &[FileReport]) -> Result<Period> {
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
        0 => Err(Error::PeriodUnknown),
        _ => Err(Error::PeriodsDisagree(
            seen.into_iter()
                .map(|(p, files)| (p, files.into_iter().map(str::to_string).collect()))
                .collect(),
        )),
    }
}
