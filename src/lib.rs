//! jinaq: the monthly consolidation of union training reports.
//!
//! A report travels through the stages in this order:
//!
//! 1. [`ingest`]: files found in the inbox, each workbook opened (any of
//!    xlsx, xlsm, xls, xlsb, ods), sheets read into sparse grids.
//! 2. [`normalize`]: header texts mapped to fields, cells read into typed
//!    values, the unit and period of each file told from its name and titles.
//! 3. [`tables`]: the coverage table, events, financing and the unit's own
//!    summary located on their sheets and read row by row.
//! 4. [`checks`]: row rules, total rows, summaries, the registry, events and
//!    financing; every finding an [`issue::Issue`] with its cell.
//! 5. [`consolidate`]: accepted rows -> unit and region figures (polars);
//!    [`breakdown`] splits them by form, topic area and unit for the workbook.
//!    [`history`] and [`followup`] bring in earlier months.
//! 6. [`report`]: the consolidated workbook, the discrepancy log (xlsx, csv,
//!    json) and the summary json.
//!
//! The pipeline file ([`pipeline`]) gives the reports their meaning; [`run`]
//! takes a month through the stages and hands its outcome to [`report`];
//! [`commands`] turn flags into a run and print what it found. [`template`]
//! goes the other way: the form the districts fill, made so that the stages
//! above read it back without an issue. Every stage speaks the words of
//! [`issue`], [`period`], [`measures`] and [`lang`].

pub mod bench;
pub mod breakdown;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod confirmed;
pub mod consolidate;
pub mod error;
pub mod followup;
pub mod history;
pub mod ingest;
pub mod issue;
pub mod lang;
pub mod measures;
pub mod messages;
pub mod normalize;
pub mod period;
pub mod pipeline;
pub mod registry;
pub mod report;
pub mod run;
pub mod tables;
pub mod template;
pub mod workbook;
