//! Integration tests: the real binary run on folders of workbooks made by
//! other office software, outputs read back and compared.

mod architecture;
mod bench;
mod common;
mod consolidated_book;
mod defects;
mod determinism;
mod discrepancy_book;
mod districts;
mod fatal;
mod generated;
mod golden;
mod history;
mod hostile;
mod interrupted;
mod other_months;
mod output_safety;
mod own_fixtures;
mod reference_months;
mod regressions;
mod samples_default;
mod template;
mod trends;
mod typed;
