//! A file's bounds, checked before any reader sees it.
//!
//! Office files come from unknown senders, and a reader trusts what a file
//! declares: calamine sets aside memory for the number of texts an xlsx
//! claims, allocates the whole rectangle of used cells of every .xls and .ods
//! sheet at once, and follows the sector chains of an .xls container wherever
//! they point. A few hostile bytes there claim terabytes, and a failed
//! allocation aborts the process, which no `catch_unwind` can stop. So before
//! a reader opens a file, this module walks its structure with bounded work
//! and refuses it when it passes one of the pipeline's [`Limits`]:
//!
//! - zip-based files ([`zip_parts`]): number of parts, their unpacked size,
//!   the compression ratio of a large part (a zip bomb), the shared-strings
//!   table of an xlsx (as declared and as held);
//! - .ods ([`ods_cells`]): the cells the reader would materialise and the
//!   rectangle it would allocate, per sheet and for the workbook;
//! - .xls ([`xls_cells`]): the container's sector chains, then the same cell
//!   counts from the sheets' records.
//!
//! Input: the file's bytes and its sniffed format. Output: nothing, or a
//! `file.unreadable` [`Refusal`]: [`Refusal::OverLimit`] naming the
//! [`Limit`] it passed, or [`Refusal::Damaged`] where its structure cannot
//! be walked. A file this module lets through may still be damaged: the
//! reader then says so.

mod ods_cells;
mod xls_cells;
mod zip_parts;

use super::format::{Format, Limit, Refusal};
use crate::pipeline::Limits;

/// Refuses the file when reading it would pass a limit.
pub(crate) fn check(bytes: &[u8], format: Format, limits: &Limits) -> Result<(), Refusal> {
    match format {
        Format::Xlsx | Format::Xlsb | Format::Ods => zip_parts::check(bytes, format, limits),
        Format::Xls => xls_cells::check(bytes, limits),
    }
}

/// One stream of an .xls compound file by name, read with the same bounded
/// walk as the check; `None` where it is absent or the container damaged.
pub(crate) fn xls_stream(bytes: &[u8], name: &str) -> Option<Vec<u8>> {
    xls_cells::stream(bytes, &[name]).ok().flatten()
}

/// A refusal naming the limit passed and the figures that passed it.
fn over(limit: Limit, detail: String) -> Refusal {
    Refusal::OverLimit { limit, detail }
}

/// Cells counted against the sheet and workbook limits.
#[derive(Debug, Default)]
struct CellBudget {
    used: u64,
}

impl CellBudget {
    /// Adds one sheet's cells; refuses past either limit.
    fn add(&mut self, sheet: &str, cells: u64, what: &str, limits: &Limits) -> Result<(), Refusal> {
        if cells > limits.max_sheet_cells {
            return Err(over(
                Limit::SheetCells,
                format!(
                    "{sheet}: {what} {cells} cells, limits.max_sheet_cells = {}",
                    limits.max_sheet_cells
                ),
            ));
        }
        self.used = self.used.saturating_add(cells);
        if self.used > limits.max_workbook_cells {
            return Err(over(
                Limit::WorkbookCells,
                format!(
                    "{} cells up to sheet {sheet}, limits.max_workbook_cells = {}",
                    self.used, limits.max_workbook_cells
                ),
            ));
        }
        Ok(())
    }
}

/// The rectangle spanned by cell positions, as a reader allocates it.
#[derive(Debug, Clone, Copy, Default)]
struct BoundingBox {
    span: Option<(u32, u32, u32, u32)>,
}

impl BoundingBox {
    fn add(&mut self, row: u32, col: u32) {
        self.span = Some(match self.span {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    fn cells(&self) -> u64 {
        self.span.map_or(0, |(r0, r1, c0, c1)| {
            (u64::from(r1 - r0) + 1).saturating_mul(u64::from(c1 - c0) + 1)
        })
    }
}
