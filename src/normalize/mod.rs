//! Text, headers and cells -> keys, fields and typed values; which unit and
//! period a file is about. Failures are returned as problems for the caller
//! to turn into issues at their cells.

pub(crate) mod as_of;
pub(crate) mod header;
pub(crate) mod identify;
pub(crate) mod text;
pub(crate) mod value;
