//! Files found -> workbooks read. No interpretation of the cells happens here.

pub(crate) mod discover;
pub(crate) mod format;
pub(crate) mod grid;
pub(crate) mod guard;
pub(crate) mod saved;
mod sheet_kinds;
pub(crate) mod workbook;
