//! Inputs that once crashed or exhausted a reader (found by the fuzz target
//! `fuzz/fuzz_targets/read_bytes.rs` or by hand), kept as they were found in
//! `tests/fixtures/regressions/`; `README.md` there says what each did. Each
//! must now be read or refused without a panic, within bounded memory.

use crate::common::root;
use jinaq::Period;
use jinaq::Pipeline;
use jinaq::{read_bytes, FileStatus};

#[test]
fn every_kept_crash_input_is_read_or_reported() {
    let pipeline = Pipeline::load(&root().join("pipelines/aktobe-training.toml")).unwrap();
    let dir = root().join("tests/fixtures/regressions");
    let mut seen = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
        .collect();
    entries.sort();
    for path in entries {
        seen += 1;
        let bytes = std::fs::read(&path).unwrap();
        let report = read_bytes(
            "Алға ауданы 2026-03.xlsx",
            bytes,
            &pipeline,
            Period::new(2026, 3),
        );
        if report.status != FileStatus::Read {
            assert!(
                report
                    .issues
                    .iter()
                    .any(|i| i.rule.id().starts_with("file.")),
                "{}: refused without a file issue",
                path.display()
            );
        }
        assert!(report.rows_rejected() <= report.rows_read());
    }
    eprintln!("{seen} regression inputs read");
}
