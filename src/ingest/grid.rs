//! A sheet's cells as read, at the positions Excel shows them.
//!
//! The grid is sparse (only cells that hold something) and indexed by
//! absolute 0-based row and column, so an issue can always name the A1 cell
//! a district sees, and a stray far cell or a hostile dimension costs nothing.

use crate::period::Ymd;

/// One cell's content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Number(f64),
    Text(String),
    Bool(bool),
    /// A cell Excel shows as a date (date format, ISO date in ods).
    Date(Ymd),
    /// `#REF!`, `#DIV/0!`, ... as Excel writes it.
    Error(String),
    /// A formula whose file carries no computed value.
    NoValue,
}

impl Cell {
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The text of a cell as a person reads it (numbers without a needless
    /// fraction).
    pub(crate) fn display(&self) -> String {
        match self {
            Cell::Empty | Cell::NoValue => String::new(),
            Cell::Number(n) => format_number(*n),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.dd_mm_yyyy(),
            Cell::Error(e) => e.clone(),
        }
    }

    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Cell::Text(s) => Some(s),
            _ => None,
        }
    }
}

pub(crate) fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

static EMPTY: Cell = Cell::Empty;

/// One row of a grid: its cells sorted by column.
#[derive(Debug, Clone, Default)]
pub(crate) struct GridRow {
    pub(crate) index: u32,
    pub(crate) cells: Vec<(u32, Cell)>,
}

impl GridRow {
    pub(crate) fn get(&self, col: u32) -> &Cell {
        match self.cells.binary_search_by_key(&col, |(c, _)| *c) {
            Ok(i) => &self.cells[i].1,
            Err(_) => &EMPTY,
        }
    }

    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(|(_, c)| c.is_empty())
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    /// Rows that hold at least one cell, sorted by index.
    pub(crate) rows: Vec<GridRow>,
    /// Dates in the workbook count from 1904 (Mac).
    pub(crate) is_1904: bool,
}

impl Grid {
    /// Builds a grid from cells in any order; empty cells are dropped.
    pub(crate) fn from_cells(mut cells: Vec<(u32, u32, Cell)>, is_1904: bool) -> Grid {
        cells.retain(|(_, _, c)| !matches!(c, Cell::Empty));
        cells.sort_by_key(|&(r, c, _)| (r, c));
        let mut rows: Vec<GridRow> = Vec::new();
        for (r, c, cell) in cells {
            match rows.last_mut() {
                Some(last) if last.index == r => {
                    if last.cells.last().is_some_and(|(lc, _)| *lc == c) {
                        // a duplicated cell record: the later one wins, as in Excel
                        last.cells.pop();
                    }
                    last.cells.push((c, cell));
                }
                _ => rows.push(GridRow {
                    index: r,
                    cells: vec![(c, cell)],
                }),
            }
        }
        Grid { rows, is_1904 }
    }

    pub(crate) fn row(&self, row: u32) -> Option<&GridRow> {
        self.rows
            .binary_search_by_key(&row, |r| r.index)
            .ok()
            .map(|i| &self.rows[i])
    }

    pub(crate) fn get(&self, row: u32, col: u32) -> &Cell {
        self.row(row).map_or(&EMPTY, |r| r.get(col))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.iter().all(GridRow::is_blank)
    }

    /// The first and last used column.
    #[cfg(test)]
    fn col_span(&self) -> Option<(u32, u32)> {
        let first = self
            .rows
            .iter()
            .filter_map(|r| r.cells.first().map(|c| c.0))
            .min()?;
        let last = self
            .rows
            .iter()
            .filter_map(|r| r.cells.last().map(|c| c.0))
            .max()?;
        Some((first, last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparse_grid_lookup() {
        let g = Grid::from_cells(
            vec![
                (5, 2, Cell::Number(1.0)),
                (0, 0, Cell::Text("a".into())),
                (5, 0, Cell::Empty),
                (1_048_575, 16_383, Cell::Bool(true)),
            ],
            false,
        );
        assert_eq!(g.rows.len(), 3);
        assert_eq!(g.get(5, 2), &Cell::Number(1.0));
        assert_eq!(g.get(5, 1), &Cell::Empty);
        assert_eq!(g.get(1_048_575, 16_383), &Cell::Bool(true));
        assert_eq!(g.col_span(), Some((0, 16_383)));
    }
}
