//! Label/value sheets: financing (sheet 3) and the unit's own summary in the
//! seed's shape (sheet 4).
//!
//! A label is a text cell whose normalised text starts with a label of the
//! pipeline; its value is the last number in the same row (the latest "as of"
//! column). Input: a grid and a [`LabelSpec`]. Output: field -> value and cell.

use crate::ingest::grid::{Cell, Grid};
use crate::normalize::text::key;
use crate::normalize::value::{self, Share};
use crate::pipeline::LabelSpec;
use std::collections::BTreeMap;

/// A value read next to its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Labelled {
    pub(crate) value: Option<f64>,
    /// The value as a share, for share fields.
    pub(crate) share: Option<Share>,
    /// 0-based absolute (row, column) of the value cell.
    pub(crate) cell: (u32, u32),
    /// A formula without a stored value.
    pub(crate) no_value: bool,
}

/// Every field the sheet's labels name, with its value.
pub(crate) fn read(grid: &Grid, spec: &LabelSpec) -> BTreeMap<String, Labelled> {
    let mut out = BTreeMap::new();
    for row in &grid.rows {
        let Some((label_col, field)) = row.cells.iter().find_map(|(c, cell)| {
            cell.text()
                .and_then(|t| spec.field_of(&key(t)))
                .map(|f| (*c, f.to_string()))
        }) else {
            continue;
        };
        if out.contains_key(&field) {
            continue;
        }
        let value_cell = row.cells.iter().rev().find(|(c, cell)| {
            *c > label_col
                && match cell {
                    Cell::Number(_) | Cell::NoValue | Cell::Error(_) => true,
                    Cell::Text(t) => value::parse_number_text(t).is_some(),
                    _ => false,
                }
        });
        let Some((col, cell)) = value_cell else {
            continue;
        };
        let share = value::share(cell);
        let amount = value::amount(cell);
        out.insert(
            field,
            Labelled {
                value: amount.value,
                share: share.value,
                cell: (row.index, *col),
                no_value: amount.no_value,
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Pipeline;
    use std::path::Path;

    #[test]
    fn finance_labels_and_values() {
        let p = Pipeline::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::pipeline::DEFAULT_PIPELINE),
        )
        .unwrap();
        let t = |s: &str| Cell::Text(s.into());
        let grid = Grid::from_cells(
            vec![
                (0, 0, t("Кәсіподақтық оқытуды қаржыландыру")),
                (3, 0, Cell::Number(1.0)),
                (3, 1, t("Смета шығыстарының барлығы")),
                (3, 2, t("11 020 000")),
                (4, 1, t("Оның ішінде оқытуға")),
                (4, 2, Cell::Number(1_156_496.0)),
                (5, 1, t("Үлесі, %")),
                (5, 2, t("10,5%")),
            ],
            false,
        );
        let f = read(&grid, &p.finance);
        assert_eq!(f["finance.budget"].value, Some(11_020_000.0));
        assert_eq!(f["finance.budget"].cell, (3, 2));
        assert_eq!(f["finance.training"].value, Some(1_156_496.0));
        assert!(f["finance.share"].share.unwrap().percent_sign);
    }
}
