//! Follow-up carried over: the status, comment, responsible person and due
//! date the specialist wrote into a `discrepancies-<period>.xlsx` — last
//! month's, and the same period's workbook a re-run is about to replace.
//!
//! Input: such a workbook. Output: for each issue key (rule, unit,
//! organisation, field, from the workbook's hidden key columns) what the
//! specialist wrote. This run's issue with the same key takes it over, so an
//! issue explained or waived is not new again and a re-run of the month
//! loses nothing the specialist wrote.

use crate::issue::columns::column;
use crate::issue::status::{FollowUp, Status};
use crate::issue::Issue;
use crate::period::Ymd;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

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
pub(crate) type Key = (String, String, String, String);

pub(crate) fn key_of(i: &Issue) -> Key {
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

/// A due date as the cell holds it: a date, a serial number, or text
/// written `dd.mm.yyyy` / `yyyy-mm-dd`; as an Excel serial day.
fn due_of(d: Option<&Data>) -> Option<f64> {
    match d? {
        Data::DateTime(t) => Some(t.as_f64()),
        Data::Float(f) if (1.0..=2_958_465.0).contains(f) => Some(*f),
        Data::Int(i) if (1..=2_958_465).contains(i) => Some(*i as f64),
        Data::String(s) | Data::DateTimeIso(s) => serial_of_text(s.trim()),
        _ => None,
    }
}

/// `dd.mm.yyyy` or `yyyy-mm-dd` (a time after it ignored) as an Excel serial day.
fn serial_of_text(s: &str) -> Option<f64> {
    let date = s.split(['T', ' ']).next()?;
    let parts: Vec<i64> = date
        .split(['.', '-', '/'])
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = match parts[..] {
        [d, m, y] if y > 1900 => (y, m, d),
        [y, m, d] if y > 1900 => (y, m, d),
        _ => return None,
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant), then from 1970-01-01 to Excel's 1899-12-30.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468 + 25_569) as f64)
}

/// Reads the follow-up columns of a discrepancy workbook: the rows where
/// the specialist set a status other than "new" or wrote a comment, a
/// responsible person or a due date. The issue sheet comes first, then the
/// unit sheets (the specialist may have written in either): a row that says
/// nothing gives way to a later one of the same issue that does.
pub fn load(path: &Path, from: &str) -> Result<HashMap<Key, FollowUp>, FollowUpError> {
    let (status_c, comment_c, resp_c, due_c) = (
        col("status")?,
        col("comment")?,
        col("responsible")?,
        col("due")?,
    );
    let mut out = HashMap::new();
    for row in issue_rows(path)? {
        let cell = |c: usize| text(row.get(c));
        let f = FollowUp {
            status: Status::parse(&cell(status_c)).unwrap_or(Status::New),
            comment: cell(comment_c),
            responsible: cell(resp_c),
            due: due_of(row.get(due_c)),
            from: from.to_string(),
        };
        if says_nothing(&f) {
            continue;
        }
        out.entry(row_key(&row)?).or_insert(f);
    }
    Ok(out)
}

/// The matches the specialist picked for unknown organisations: (unit id,
/// name as written, the picked suggestion's text), in the order of the rows.
pub(crate) fn choices(path: &Path) -> Result<Vec<(String, String, String)>, FollowUpError> {
    let match_c = col("match")?;
    let mut out = Vec::new();
    for row in issue_rows(path)? {
        let picked = text(row.get(match_c));
        let (rule, unit, org, _) = row_key(&row)?;
        if rule == crate::issue::Rule::RegistryUnknownOrg.id() && !picked.is_empty() {
            out.push((unit, org, picked));
        }
    }
    Ok(out)
}

fn col(id: &'static str) -> Result<usize, FollowUpError> {
    column(id)
        .map(usize::from)
        .ok_or(FollowUpError::NoColumn(id))
}

/// The key columns of a row.
fn row_key(row: &[Data]) -> Result<Key, FollowUpError> {
    let cell = |c: usize| text(row.get(c));
    Ok((
        cell(col("rule_id")?),
        cell(col("unit_id")?),
        cell(col("org_key")?),
        cell(col("field_id")?),
    ))
}

/// The issue rows of every issue sheet of a discrepancy workbook (those
/// whose head names the key columns where the writer puts them): the sheet
/// of all issues first, then the unit sheets.
fn issue_rows(path: &Path) -> Result<Vec<Vec<Data>>, FollowUpError> {
    let bytes = std::fs::read(path)?;
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))?;
    let (rule_c, org_c) = (col("rule_id")?, col("org_key")?);
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let Ok(range) = wb.worksheet_range(&name) else {
            continue;
        };
        let Some((r0, c0)) = range.start() else {
            continue;
        };
        let head = |c: usize| text(range.get_value((r0, c as u32)));
        if c0 != 0 || head(rule_c) != "rule_id" || head(org_c) != "org_key" {
            continue;
        }
        out.extend(range.rows().skip(1).map(|r| r.to_vec()));
    }
    Ok(out)
}

/// A row the specialist has not written in.
fn says_nothing(f: &FollowUp) -> bool {
    f.status == Status::New && f.comment.is_empty() && f.responsible.is_empty() && f.due.is_none()
}

/// Marks this month's issues with last month's follow-up; returns how many
/// were marked.
pub(crate) fn apply(issues: &mut [Issue], carried: &HashMap<Key, FollowUp>) -> usize {
    let mut n = 0;
    for i in issues.iter_mut() {
        if let Some(f) = carried.get(&key_of(i)) {
            i.followup = Some(f.clone());
            n += 1;
        }
    }
    n
}

/// The follow-up a run carries: last month's, overridden issue by issue by
/// the same period's (the workbook a re-run replaces holds the newer word).
pub(crate) fn merge(
    last_month: HashMap<Key, FollowUp>,
    same_period: HashMap<Key, FollowUp>,
) -> HashMap<Key, FollowUp> {
    let mut out = last_month;
    out.extend(same_period);
    out
}

/// A copy of a discrepancy workbook the specialist wrote in, kept beside it
/// before a re-run replaces it.
#[derive(Debug)]
pub(crate) struct Backup {
    pub(crate) path: PathBuf,
    /// False when an earlier backup already holds the same bytes.
    pub(crate) created: bool,
    /// The workbook's bytes as they were.
    pub(crate) bytes: Vec<u8>,
}

/// Keeps `book` as `<stem>.<YYYY-MM-DD>T<HH-MM>.xlsx` beside it (the time it
/// was last saved, UTC) when it holds the specialist's follow-up; never
/// overwrites an earlier backup (a second one of the same minute gets `-2`,
/// `-3`, …; one with the same bytes is not made twice). None when there is
/// no such workbook or nothing written in it.
pub(crate) fn back_up(book: &Path) -> std::io::Result<Option<Backup>> {
    if !book.is_file() {
        return Ok(None);
    }
    match load(book, "") {
        Ok(written) if !written.is_empty() => {}
        // Nothing of the specialist's, or not a workbook this run can read
        // (it is kept too: what it holds cannot be told).
        Ok(_) => return Ok(None),
        Err(_) => {}
    }
    let bytes = std::fs::read(book)?;
    let saved = std::fs::metadata(book)?.modified()?;
    let stamp = stamp(saved);
    let dir = book.parent().unwrap_or(Path::new("."));
    let stem = book
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    for n in 1..1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let path = dir.join(format!("{stem}.{stamp}{suffix}.xlsx"));
        if path.exists() {
            if std::fs::read(&path).is_ok_and(|b| b == bytes) {
                return Ok(Some(Backup {
                    path,
                    created: false,
                    bytes,
                }));
            }
            continue;
        }
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| {
                use std::io::Write;
                f.write_all(&bytes)?;
                f.sync_all()
            });
        match created {
            Ok(()) => {
                return Ok(Some(Backup {
                    path,
                    created: true,
                    bytes,
                }))
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                let _ = std::fs::remove_file(&path);
                return Err(e);
            }
        }
    }
    Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists))
}

/// `YYYY-MM-DDTHH-MM` of a time, UTC.
fn stamp(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let date = Ymd::from_serial((days + 25_569) as f64, false)
        .map_or_else(|| "0000-00-00".to_string(), |d| d.iso());
    format!("{date}T{:02}-{:02}", rest / 3600, rest % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_typed_as_text() {
        assert_eq!(serial_of_text("01.01.2000"), Some(36_526.0));
        assert_eq!(serial_of_text("2026-04-05"), Some(46_117.0));
        assert_eq!(serial_of_text("05.04.2026 10:00"), Some(46_117.0));
        assert_eq!(serial_of_text("soon"), None);
        assert_eq!(serial_of_text("31.13.2026"), None);
    }

    #[test]
    fn backup_names_by_utc_minute() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_775_384_000);
        assert_eq!(stamp(t), "2026-04-05T10-13");
    }
}
