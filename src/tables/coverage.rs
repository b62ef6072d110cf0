//! Sheet 1, training coverage by primary organisation: rows read under a
//! located header until the total row.
//!
//! Input: a sheet's grid and its [`HeaderMatch`]. Output: [`Coverage`], its
//! organisation rows with their cells' places and its stated total row, plus
//! the value issues of its cells (`value.*`, `formula.no_cached_value`).
//! Blank rows inside the table, section titles, signatures and notes are
//! passed over; rows after the total row are not part of the table.

use super::{cell_issue, no_value_issues};
use crate::ingest::grid::{Cell, Grid, GridRow};
use crate::issue::{Issue, Rule};
use crate::measures::{MEASURES, MEMBERS, TOTAL};
use crate::normalize::header::HeaderMatch;
use crate::normalize::text::key;
use crate::normalize::value::{self, Share};
use crate::pipeline::TableSpec;

/// One primary organisation's row.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgRow {
    /// 0-based absolute row.
    pub row: u32,
    /// The name as written (empty when the cell is empty).
    pub name: String,
    /// БСН as written, as 12 digits where it is a number.
    pub(crate) bin: Option<String>,
    pub(crate) values: [Option<f64>; 7],
    pub(crate) share: Option<Share>,
    /// The registry organisation this row is, once matched.
    pub(crate) registry_id: Option<String>,
    /// false when nothing in the row could be read (a rejected row).
    pub accepted: bool,
}

/// The stated total row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TotalRow {
    pub(crate) row: u32,
    pub(crate) label: String,
    pub(crate) values: [Option<f64>; 7],
    /// Formula cells without a stored value: the sum is taken as computed.
    pub(crate) no_value: [bool; 7],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub sheet: String,
    pub(crate) header: HeaderMatch,
    /// Column of each of [`MEASURES`].
    pub(crate) cols: [Option<u32>; 7],
    pub(crate) org_col: Option<u32>,
    pub(crate) share_col: Option<u32>,
    pub rows: Vec<OrgRow>,
    pub(crate) total: Option<TotalRow>,
    /// 100 when the stated shares are percents (16.9), 1 when fractions (0.169).
    pub(crate) share_scale: f64,
    pub rows_read: usize,
    pub rows_rejected: usize,
}

impl Coverage {
    pub(crate) fn accepted(&self) -> impl Iterator<Item = &OrgRow> {
        self.rows.iter().filter(|r| r.accepted)
    }
}

/// Whether a row is a total row: a total label in a text cell left of (or
/// in) the organisation column.
pub(crate) fn total_label(row: &GridRow, upto_col: u32, spec: &TableSpec) -> Option<String> {
    row.cells
        .iter()
        .filter(|(c, _)| *c <= upto_col)
        .filter_map(|(_, cell)| cell.text())
        .find(|t| spec.is_total_label(&key(t)))
        .map(|t| t.trim().to_string())
}

/// A row of column numbers under the header (`1 | 2 | 3 | ...`).
fn is_numbering_row(row: &GridRow) -> bool {
    let nums: Vec<f64> = row
        .cells
        .iter()
        .map(|(_, c)| match c {
            Cell::Number(n) => Some(*n),
            Cell::Text(t) => t.trim().parse::<f64>().ok(),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default();
    nums.len() >= 4 && nums.windows(2).all(|w| w[1] == w[0] + 1.0)
}

pub(crate) fn bin_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Number(n) if *n >= 0.0 && n.fract() == 0.0 => Some(format!("{:012}", *n as u64)),
        Cell::Text(t) => {
            let digits: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            if digits.is_empty() {
                None
            } else if digits.chars().all(|c| c.is_ascii_digit()) && digits.len() < 12 {
                Some(format!("{digits:0>12}"))
            } else {
                Some(digits)
            }
        }
        _ => None,
    }
}

/// The columns of the coverage fields, where the header has them.
struct Columns {
    /// Column of each of [`MEASURES`].
    measures: [Option<u32>; 7],
    org: Option<u32>,
    share: Option<u32>,
    bin: Option<u32>,
    row_number: Option<u32>,
}

/// Reads the table under the header.
pub(crate) fn read(
    grid: &Grid,
    file: &str,
    sheet: &str,
    header: HeaderMatch,
    spec: &TableSpec,
) -> (Coverage, Vec<Issue>) {
    let cols = Columns {
        measures: MEASURES.map(|f| header.col(f)),
        org: header.col("org"),
        share: header.col("trained_share"),
        bin: header.col("bin"),
        row_number: header.col("row_number"),
    };
    let label_upto = cols
        .org
        .into_iter()
        .chain(cols.row_number)
        .max()
        .unwrap_or(0);
    let mut issues = Vec::new();
    let mut rows = Vec::new();
    let mut total = None;
    let (mut read_count, mut rejected) = (0, 0);

    for row in grid.rows.iter().filter(|r| r.index > header.last_row) {
        if row.is_blank() {
            continue;
        }
        if let Some(label) = total_label(row, label_upto, spec) {
            let (t, missing) = total_row(row, label, &cols);
            if !missing.is_empty() {
                issues.extend(no_value_issues(file, sheet, row.index, &missing));
            }
            total = Some(t);
            break;
        }
        if is_numbering_row(row) && rows.is_empty() {
            continue;
        }
        let has_rownum = cols
            .row_number
            .is_some_and(|c| matches!(row.get(c), Cell::Number(_)));
        let has_measure = cols
            .measures
            .iter()
            .flatten()
            .any(|c| !row.get(*c).is_empty());
        if !has_rownum && !has_measure {
            // a section title, a signature or a note
            continue;
        }
        read_count += 1;
        let org = org_row(row, &cols, file, sheet, &mut issues);
        if !org.accepted {
            rejected += 1;
        }
        rows.push(org);
    }

    let share_scale = share_scale(&rows);
    let coverage = Coverage {
        sheet: sheet.to_string(),
        header,
        cols: cols.measures,
        org_col: cols.org,
        share_col: cols.share,
        rows,
        total,
        share_scale,
        rows_read: read_count,
        rows_rejected: rejected,
    };
    (coverage, issues)
}

/// The stated total row, and its formula cells that carry no stored value.
fn total_row(row: &GridRow, label: String, cols: &Columns) -> (TotalRow, Vec<u32>) {
    let mut t = TotalRow {
        row: row.index,
        label,
        values: [None; 7],
        no_value: [false; 7],
    };
    let mut missing = Vec::new();
    for (i, col) in cols.measures.iter().enumerate() {
        let Some(col) = *col else { continue };
        let r = value::count(row.get(col));
        t.values[i] = r.value;
        t.no_value[i] = r.no_value;
        if r.no_value {
            missing.push(col);
        }
    }
    if let Some(sc) = cols.share.filter(|c| row.get(*c) == &Cell::NoValue) {
        missing.push(sc);
    }
    (t, missing)
}

/// One organisation's row; its cells' issues go to `issues`.
fn org_row(
    row: &GridRow,
    cols: &Columns,
    file: &str,
    sheet: &str,
    issues: &mut Vec<Issue>,
) -> OrgRow {
    let name = cols.org.map(|c| row.get(c).display()).unwrap_or_default();
    let bin = cols.bin.and_then(|c| bin_text(row.get(c)));
    let org_ref = if name.is_empty() {
        bin.clone()
    } else {
        Some(name.clone())
    };
    let mut values = [None; 7];
    let mut missing = Vec::new();
    let mut any_problem = false;
    for (i, col) in cols.measures.iter().enumerate() {
        let Some(col) = *col else { continue };
        let r = value::count(row.get(col));
        values[i] = r.value;
        if r.no_value {
            missing.push(col);
        }
        if let Some(p) = r.problem {
            any_problem = true;
            issues.push(cell_issue(
                file,
                sheet,
                row.index,
                col,
                &p,
                MEASURES[i],
                org_ref.as_deref(),
            ));
        }
    }
    let mut share = None;
    if let Some(sc) = cols.share {
        let r = value::share(row.get(sc));
        share = r.value;
        if r.no_value {
            missing.push(sc);
        }
        if let Some(p) = r.problem {
            // `#DIV/0!` where there are no members is what the formula should give.
            let forgiven =
                p.rule == Rule::ValueErrorCell && values[MEMBERS].is_none_or(|m| m == 0.0);
            if !forgiven {
                issues.push(cell_issue(
                    file,
                    sheet,
                    row.index,
                    sc,
                    &p,
                    "trained_share",
                    org_ref.as_deref(),
                ));
            }
        }
    }
    if !missing.is_empty() {
        issues.extend(
            no_value_issues(file, sheet, row.index, &missing)
                .into_iter()
                .map(|i| i.org(org_ref.as_deref())),
        );
    }
    OrgRow {
        row: row.index,
        name,
        bin,
        values,
        share,
        registry_id: None,
        accepted: values.iter().any(Option::is_some) || (!any_problem && missing.is_empty()),
    }
}

/// Percents or fractions: whichever explains more of the stated shares.
fn share_scale(rows: &[OrgRow]) -> f64 {
    let (mut pct, mut frac, mut all_small, mut any) = (0, 0, true, false);
    for r in rows {
        let (Some(s), Some(m), Some(t)) = (r.share, r.values[MEMBERS], r.values[TOTAL]) else {
            continue;
        };
        if s.percent_sign {
            return 100.0;
        }
        any = true;
        if s.value > 1.0 {
            all_small = false;
        }
        if m > 0.0 {
            let exact = t / m;
            if (s.value - exact * 100.0).abs() <= 0.051 {
                pct += 1;
            }
            if (s.value - exact).abs() <= 0.00051 {
                frac += 1;
            }
        }
    }
    if frac > pct || (frac == pct && any && all_small && frac == 0) {
        1.0
    } else {
        100.0
    }
}
