//! Files found -> workbooks read. No interpretation of the cells happens here.

pub mod discover;
pub mod grid;
pub mod guard;
pub mod workbook;
