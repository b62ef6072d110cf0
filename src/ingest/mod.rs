//! Files found -> workbooks read. No interpretation of the cells happens here.

pub mod discover;
pub mod format;
pub mod grid;
pub mod guard;
pub mod saved;
mod sheet_kinds;
pub mod workbook;
