//! A registry drafted from a month of reports: every organisation row read
//! from the month's reports (the same files a run would take: other months,
//! unknown units and superseded copies set aside), in unit order, one row
//! per organisation, duplicates merged by БСН or, within a unit, by name.

use crate::error::Result;
use crate::ingest::discover::discover;
use crate::measures::MEMBERS;
use crate::normalize::text::key;
use crate::period::Period;
use crate::pipeline::Pipeline;
use crate::run::{period, read, select};
use crate::tables::{FileReport, FileStatus};
use std::collections::HashMap;
use std::path::Path;

/// One organisation of the draft.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DraftOrg {
    /// Unit id.
    pub(crate) unit: String,
    /// БСН, 12 digits, where a report gives one.
    pub(crate) bin: Option<String>,
    /// The name as first written.
    pub(crate) name: String,
    /// Members as first given.
    pub(crate) members: Option<f64>,
    /// Every place the organisation was read from: file, sheet, row.
    pub(crate) sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    pub(crate) period: Period,
    /// The reports the draft was read from.
    pub(crate) files: usize,
    pub(crate) orgs: Vec<DraftOrg>,
}

/// Reads the month's reports in `inbox` into a draft.
pub(crate) fn from_inbox(inbox: &Path, pipeline: &Pipeline, flag: Option<Period>) -> Result<Draft> {
    let files = discover(inbox, &pipeline.files)?;
    let mut reports = read::read_inbox(&files, pipeline, flag, false);
    let period = period::resolve(flag, &reports)?;
    select::select(&mut reports, period, pipeline);
    Ok(from_reports(&reports, period, pipeline))
}

/// The draft of the reports a run takes.
pub(crate) fn from_reports(reports: &[FileReport], period: Period, pipeline: &Pipeline) -> Draft {
    let taken: Vec<&FileReport> = reports
        .iter()
        .filter(|r| r.status == FileStatus::Read && r.unit.is_some())
        .collect();
    let mut orgs: Vec<DraftOrg> = Vec::new();
    let mut by_bin: HashMap<String, usize> = HashMap::new();
    for unit in &pipeline.units {
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for r in taken.iter().filter(|r| r.unit.as_deref() == Some(&unit.id)) {
            let Some(cov) = &r.coverage else { continue };
            for row in cov.accepted().filter(|row| !row.name.trim().is_empty()) {
                let source = format!("{}, {}, {}", r.rel, cov.sheet, row.row + 1);
                let name_key = key(&row.name);
                let bin = row.bin.clone().filter(|b| is_bin(b));
                // Merged across units by БСН, within the unit by name.
                let seen = bin
                    .as_ref()
                    .and_then(|b| by_bin.get(b).copied())
                    .or_else(|| by_name.get(&name_key).copied());
                let i = match seen {
                    Some(i) => {
                        let o = &mut orgs[i];
                        o.sources.push(source);
                        o.bin = o.bin.take().or_else(|| bin.clone());
                        o.members = o.members.or(row.values[MEMBERS]);
                        i
                    }
                    None => {
                        orgs.push(DraftOrg {
                            unit: unit.id.clone(),
                            bin: bin.clone(),
                            name: row.name.trim().to_string(),
                            members: row.values[MEMBERS],
                            sources: vec![source],
                        });
                        orgs.len() - 1
                    }
                };
                if let Some(b) = bin {
                    by_bin.entry(b).or_insert(i);
                }
                by_name.entry(name_key).or_insert(i);
            }
        }
    }
    Draft {
        period,
        files: taken.len(),
        orgs,
    }
}

/// A БСН as the registry keeps it: 12 digits.
fn is_bin(b: &str) -> bool {
    b.len() == 12 && b.bytes().all(|c| c.is_ascii_digit())
}
