//! Header rows -> fields.
//!
//! The header row is searched in the first rows of a sheet: the row whose
//! cells name the most fields of the table, together with the row under it
//! when that one carries the sub-headers of a merged two-row header (`оның
//! ішінде` / `в том числе`). Input: a grid and a [`TableSpec`]. Output: a
//! [`HeaderMatch`]: the header rows, the column of every field found, and the
//! columns that name no field (`column.unknown`).

use crate::ingest::grid::{Cell, Grid, GridRow};
use crate::normalize::text::key;
use crate::pipeline::TableSpec;
use std::collections::BTreeMap;

/// One header column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeaderCell {
    pub(crate) row: u32,
    pub(crate) col: u32,
    pub(crate) text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HeaderMatch {
    /// First and last header row (0-based, absolute).
    pub(crate) first_row: u32,
    pub(crate) last_row: u32,
    /// Field -> the header cell that names it.
    pub(crate) fields: BTreeMap<String, HeaderCell>,
    /// Header cells that name no field.
    pub(crate) unknown: Vec<HeaderCell>,
    /// Every header text seen, in column order (for `column.missing`).
    pub(crate) seen: Vec<String>,
}

impl HeaderMatch {
    pub(crate) fn col(&self, field: &str) -> Option<u32> {
        self.fields.get(field).map(|h| h.col)
    }

    pub(crate) fn missing<'a>(&self, required: &'a [String]) -> Vec<&'a str> {
        required
            .iter()
            .filter(|f| !self.fields.contains_key(f.as_str()))
            .map(String::as_str)
            .collect()
    }

    /// Fields found, not counting the row number.
    pub(crate) fn score(&self) -> usize {
        self.fields.keys().filter(|f| *f != "row_number").count()
    }
}

fn header_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Text(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

/// Maps one or two rows to fields.
fn map_rows(top: &GridRow, below: Option<&GridRow>, spec: &TableSpec) -> HeaderMatch {
    let mut fields: BTreeMap<String, HeaderCell> = BTreeMap::new();
    let mut unknown = Vec::new();
    let mut seen = Vec::new();
    let mut cols: Vec<u32> = top.cells.iter().map(|(c, _)| *c).collect();
    if let Some(b) = below {
        cols.extend(b.cells.iter().map(|(c, _)| *c));
    }
    cols.sort_unstable();
    cols.dedup();
    for col in cols {
        let upper = header_text(top.get(col));
        let lower = below.and_then(|b| header_text(b.get(col)));
        // The sub-header wins where it names a field; the parent label of a
        // group (`оның ішінде`) is never a field itself.
        let mut candidates = Vec::new();
        if let Some(t) = &lower {
            candidates.push((below.map_or(top.index, |b| b.index), t.clone()));
        }
        if let Some(t) = &upper {
            candidates.push((top.index, t.clone()));
        }
        let mut matched = false;
        for (row, text) in &candidates {
            if let Some(field) = spec.field_of(&key(text)) {
                if !fields.contains_key(field) {
                    fields.insert(
                        field.to_string(),
                        HeaderCell {
                            row: *row,
                            col,
                            text: text.clone(),
                        },
                    );
                    matched = true;
                }
                break;
            }
        }
        for (_, text) in candidates.iter().rev() {
            seen.push(text.clone());
        }
        if !matched {
            if let Some((row, text)) = candidates
                .into_iter()
                .find(|(_, t)| !spec.is_group_header(&key(t)))
            {
                unknown.push(HeaderCell { row, col, text });
            }
        }
    }
    HeaderMatch {
        first_row: top.index,
        last_row: below.map_or(top.index, |b| b.index),
        fields,
        unknown,
        seen,
    }
}

/// Whether a row can be the second row of a two-row header: text only, and
/// at least one cell names a field.
fn is_subheader(row: &GridRow, spec: &TableSpec) -> bool {
    let texts_only = row
        .cells
        .iter()
        .all(|(_, c)| matches!(c, Cell::Text(_) | Cell::Empty));
    texts_only
        && row
            .cells
            .iter()
            .any(|(_, c)| header_text(c).is_some_and(|t| spec.field_of(&key(&t)).is_some()))
}

/// Finds the best header in the first `scan_rows` rows of the grid; None when
/// no row names at least two fields of the table.
pub(crate) fn find_header(grid: &Grid, spec: &TableSpec, scan_rows: u32) -> Option<HeaderMatch> {
    let first = grid.rows.first()?.index;
    let limit = first.saturating_add(scan_rows);
    let mut best: Option<HeaderMatch> = None;
    for (i, row) in grid.rows.iter().enumerate() {
        if row.index > limit {
            break;
        }
        let next = grid
            .rows
            .get(i + 1)
            .filter(|n| n.index == row.index + 1 && is_subheader(n, spec));
        let single = map_rows(row, None, spec);
        let double = next.map(|n| map_rows(row, Some(n), spec));
        let candidate = match double {
            Some(d) if d.score() > single.score() => d,
            _ => single,
        };
        if candidate.score() >= 2 && best.as_ref().is_none_or(|b| candidate.score() > b.score()) {
            best = Some(candidate);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;
    use std::path::Path;

    fn spec() -> TableSpec {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::pipeline::DEFAULT_PIPELINE);
        Pipeline::load(&path).unwrap().coverage
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn two_row_merged_header_with_title_rows() {
        let cells = vec![
            (0, 0, t("Ақтөбе қалалық кәсіподақ комитеті")),
            (2, 0, t("2026 жылғы наурыз")),
            (5, 0, t("№ р/с")),
            (5, 1, t("Бастауыш кәсіподақ\nұйымының атауы")),
            (5, 2, t("Кәсіподақ мүшелерінің жалпы саны")),
            (5, 3, t("Кәсіподақтық оқытудан өткендер саны")),
            (5, 4, t("оның ішінде")),
            (6, 4, t("кәсіподақ мүшелері")),
            (6, 5, t("тексеру комиссияларының мүшелері")),
            (5, 6, t("Төрағаның аты-жөні")),
            (7, 0, Cell::Number(1.0)),
            (7, 1, t("№5 ЖОББМ")),
        ];
        let grid = Grid::from_cells(cells, false);
        let h = find_header(&grid, &spec(), 40).expect("header found");
        assert_eq!((h.first_row, h.last_row), (5, 6));
        assert_eq!(h.col("members"), Some(2));
        assert_eq!(h.col("trained.members"), Some(4));
        assert_eq!(h.fields["trained.members"].row, 6);
        assert_eq!(h.col("trained.audit"), Some(5));
        assert_eq!(h.unknown.len(), 1);
        assert_eq!((h.unknown[0].row, h.unknown[0].col), (5, 6));
    }

    #[test]
    fn uppercase_single_row_header_in_column_b() {
        let cells = vec![
            (4, 1, t("№ п/п")),
            (4, 2, t("ҰЙЫМНЫҢ АТАУЫ")),
            (4, 3, t("ОҚЫТУДАН ӨТКЕНДЕР, БАРЛЫҒЫ")),
            (4, 4, t("КӘСІПОДАҚ МҮШЕЛЕРІНІҢ САНЫ")),
            (5, 1, Cell::Number(1.0)),
        ];
        let h = find_header(&Grid::from_cells(cells, false), &spec(), 40).unwrap();
        assert_eq!(h.first_row, 4);
        assert_eq!(h.col("org"), Some(2));
        assert_eq!(h.col("trained.total"), Some(3));
        assert_eq!(h.col("members"), Some(4));
        assert!(h.missing(&spec().required).is_empty());
    }

    #[test]
    fn no_header_in_a_stray_sheet() {
        let cells = vec![
            (0, 0, t("Ұйым түрі")),
            (0, 1, t("ҰЙЫМДАР")),
            (1, 0, t("мектеп")),
            (1, 1, Cell::Number(18.0)),
        ];
        assert!(find_header(&Grid::from_cells(cells, false), &spec(), 40).is_none());
    }
}
