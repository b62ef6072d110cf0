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
//! 4. [`checks`]: row rules, total rows, summaries, the registry
//!    ([`registry`]), events and financing; every finding an [`issue::Issue`]
//!    with its cell, explained by [`messages`] in the run's language.
//! 5. [`consolidate`]: accepted rows -> unit and region figures (polars);
//!    [`breakdown`] splits them by form, topic area and unit for the workbook.
//!    [`history`] and [`followup`] bring in earlier months.
//! 6. [`report`]: the consolidated workbook, the discrepancy log (xlsx, csv,
//!    json) and the summary json, each written through the workbook kit
//!    ([`workbook`]: formats, print setup, widths, text cut, sheet names).
//!
//! The pipeline file ([`pipeline`]) gives the reports their meaning; [`run`]
//! takes a month through the stages and hands its outcome to [`report`];
//! [`commands`] turn flags ([`cli`]) into a run and print what it found, or
//! what stopped it ([`error`]); [`bench`] generates the national-scale inbox
//! a run is measured on. [`template`]
//! goes the other way: the form the districts fill, made so that the stages
//! above read it back without an issue. Every stage speaks the words of
//! [`issue`], [`period`], [`measures`] and [`lang`].
//!
//! # Public API
//!
//! Every module is private to the crate. What is public is what the binary
//! and the integration tests need, re-exported below:
//!
//! - the command line: [`Cli`] and [`run_cli`] (the whole of `main`);
//! - the shipped pipeline and registry: [`Pipeline::load`],
//!   [`DEFAULT_PIPELINE`], [`Registry::load`];
//! - a month's run in memory: [`process`] of a [`Request`], giving an
//!   [`Outcome`] (its [`Issue`]s, [`Figures`], an earlier year's
//!   [`Snapshot`]);
//! - one file read on its own: [`read_bytes`], [`FileStatus`];
//! - the workbooks as bytes: [`consolidated_workbook`] (sheets and headings
//!   found by their [`BookText`], [`month_name`]) and
//!   [`discrepancy_workbook`] / [`discrepancy_workbook_at`] (columns
//!   [`DISCREPANCY_COLUMNS`], [`column`], [`COLUMN_IDS`]; titles
//!   [`rule_title`], [`severity_label`]; follow-up [`Status`],
//!   [`STATUSES`], [`status_labels`], read back by [`load_follow_up`]);
//! - the words they are given in: [`Lang`], [`Period`], [`Rule`],
//!   [`Severity`], [`Place`], [`OutputPaths`], and numbers as the
//!   messages write them ([`fmt_num`], [`fmt_pct`], [`severity_count`]).

mod bench;
mod breakdown;
mod checks;
mod cli;
mod commands;
mod confirmed;
mod consolidate;
mod error;
mod followup;
mod history;
mod ingest;
mod issue;
mod lang;
mod measures;
mod messages;
mod normalize;
mod period;
mod pipeline;
mod registry;
mod report;
mod run;
mod tables;
mod template;
mod workbook;

// The public API (see the crate documentation).
pub use cli::Cli;
pub use commands::run_cli;
pub use consolidate::Figures;
pub use followup::load as load_follow_up;
pub use history::Snapshot;
pub use issue::columns::{column, COLUMN_IDS};
pub use issue::status::{status_labels, Status, STATUSES};
pub use issue::{Issue, Place, Rule, Severity};
pub use lang::Lang;
pub use messages::{fmt_num, fmt_pct, rule_title, severity_count, severity_label};
pub use period::Period;
pub use pipeline::{Pipeline, DEFAULT_PIPELINE};
pub use registry::Registry;
pub use report::consolidated_book::build as consolidated_workbook;
pub use report::consolidated_book::labels::{month_name, T as BookText};
pub use report::discrepancy_book::table::COLUMNS as DISCREPANCY_COLUMNS;
pub use report::discrepancy_book::{
    build as discrepancy_workbook, build_at as discrepancy_workbook_at,
};
pub use report::OutputPaths;
pub use run::outcome::Outcome;
pub use run::process;
pub use run::request::Request;
pub use tables::{read_bytes, FileStatus};
