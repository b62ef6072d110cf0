//! Integration tests: the real binary run on folders of workbooks made by
//! other office software, outputs read back and compared.

mod architecture;
mod bench;
mod brief;
mod check_verdict;
mod common;
mod consolidated_book;
mod defects;
mod determinism;
mod discrepancy_book;
mod districts;
mod fatal;
mod followup;
mod generated;
mod golden;
mod history;
mod history_import;
mod hostile;
mod inbox;
mod interrupted;
mod other_months;
mod output_safety;
mod own_fixtures;
mod reference_months;
mod regressions;
mod run_summary;
mod samples_default;
mod saved_as;
mod template;
mod trends;
mod typed;
mod working_folder;
