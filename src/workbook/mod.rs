//! The kit every workbook jinaq writes is made with: the consolidated
//! workbook and the discrepancy workbook of a run ([`crate::report`]) and the
//! district's form ([`crate::template`]).
//!
//! - [`new_workbook`] and [`dated`]: the writer settings and the fixed
//!   document date every output shares;
//! - [`calc`]: a workbook of values marked as calculated, so Excel does
//!   not ask to save it unchanged;
//! - [`formats`]: colours, number formats and the cell formats built from
//!   them (title, header, borders, totals, links, notes);
//! - [`print`](mod@print): the page setup (landscape A4, one page wide,
//!   repeated header rows, page header and footer);
//! - [`width`]: column widths and row heights estimated from text;
//! - [`cut`]: text cut at Excel's limit on a cell;
//! - [`sheet_name`](mod@sheet_name): sheet names Excel accepts, unique in
//!   their workbook.
//!
//! The writers differ in how their sheets look; what differs is passed in
//! (a fill, a font size, margins), so each look is made in one place.

pub(crate) mod calc;
pub(crate) mod cut;
pub(crate) mod formats;
pub(crate) mod print;
pub(crate) mod sheet_name;
pub(crate) mod width;

pub(crate) use cut::cell_text;
pub(crate) use sheet_name::sheet_name;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

/// A new output workbook with the writer settings every output shares:
/// zip compression level 3, as Excel itself writes (about a third faster to
/// save than the default 6, for files some 5 % larger).
pub(crate) fn new_workbook() -> Workbook {
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(3);
    wb
}

/// `properties` dated `(year, month, day)`: a date fixed from the period
/// rather than the clock, so the same inputs give the same bytes.
pub(crate) fn dated(
    properties: DocProperties,
    (year, month, day): (i32, u32, u32),
) -> Result<DocProperties, XlsxError> {
    let date = ExcelDateTime::from_ymd(year as u16, month as u8, day as u8)?;
    Ok(properties.set_creation_datetime(&date))
}
