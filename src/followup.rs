//! Follow-up carried over from last month: the status and comment the
//! specialist wrote into last month's `discrepancies-<period>.xlsx`.
//!
//! Input: that workbook. Output: for each issue key (rule, unit, organisation,
//! field, from the workbook's hidden key columns) the status, comment and
//! responsible person. This month's issue with the same key takes them over,
//! so an issue explained or waived last month is not new again.

use crate::issue::columns::column;
use crate::issue::status::{FollowUp, Status};
use crate::issue::Issue;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

/// Last month's discrepancy workbook that cannot be read back (technical:
/// shown inside the message that reports it).
#[derive(Debug, thiserror::Error)]
pub enum FollowUpError {
    #[error("{0}")]
    Read(#[from] std::io::Error),
    #[error("{0}")]
    Workbook(#[from] calamine::XlsxError),
    /// The writer has no such key column: the two disagree.
    #[error("no column `{0}`")]
    NoColumn(&'static str),
}

/// The key an issue is recognised by from month to month.
pub type Key = (String, String, String, String);

pub fn key_of(i: &Issue) -> Key {
    (
        i.rule.id().to_string(),
        i.unit.clone().unwrap_or_default(),
        i.org.clone().unwrap_or_default(),
        i.field.clone().unwrap_or_default(),
    )
}

fn text(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => s.trim().to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// Reads the follow-up columns of a discrepancy workbook. Only rows whose
/// status is not "new" are kept; the issue sheet comes first, then the unit
/// sheets (the specialist may have written in either).
pub fn load(path: &Path, from: &str) -> Result<HashMap<Key, FollowUp>, FollowUpError> {
    let bytes = std::fs::read(path)?;
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))?;
    let col = |id: &'static str| {
        column(id)
            .map(usize::from)
            .ok_or(FollowUpError::NoColumn(id))
    };
    let (rule_c, unit_c, org_c, field_c) = (
        col("rule_id")?,
        col("unit_id")?,
        col("org_key")?,
        col("field_id")?,
    );
    let (status_c, comment_c, resp_c) = (col("status")?, col("comment")?, col("responsible")?);
    let mut out = HashMap::new();
    for name in wb.sheet_names() {
        let Ok(range) = wb.worksheet_range(&name) else {
            continue;
        };
        let Some((r0, c0)) = range.start() else {
            continue;
        };
        // Only sheets whose header names the key columns where the writer puts them.
        let head = |c: usize| text(range.get_value((r0, c as u32)));
        if c0 != 0 || head(rule_c) != "rule_id" || head(org_c) != "org_key" {
            continue;
        }
        for row in range.rows().skip(1) {
            let cell = |c: usize| text(row.get(c));
            let Some(status) = Status::parse(&cell(status_c)) else {
                continue;
            };
            if status == Status::New {
                continue;
            }
            let key = (cell(rule_c), cell(unit_c), cell(org_c), cell(field_c));
            out.entry(key).or_insert_with(|| FollowUp {
                status,
                comment: cell(comment_c),
                responsible: cell(resp_c),
                from: from.to_string(),
            });
        }
    }
    Ok(out)
}

/// Marks this month's issues with last month's follow-up; returns how many
/// were marked.
pub fn apply(issues: &mut [Issue], carried: &HashMap<Key, FollowUp>) -> usize {
    let mut n = 0;
    for i in issues.iter_mut() {
        if let Some(f) = carried.get(&key_of(i)) {
            i.followup = Some(f.clone());
            n += 1;
        }
    }
    n
}
