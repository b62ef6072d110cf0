//! `jinaq bench`: the generator makes reports the pipeline reads cleanly,
//! and the bench prints a measured line per period and the peak memory.

use crate::common::{jinaq, jinaq_ok, read_json, scratch};
use calamine::{open_workbook_auto, Data, Reader};
use std::path::Path;

/// Sum of the registry's members column (the last column of its one sheet).
fn registry_members(path: &Path) -> f64 {
    let mut wb = open_workbook_auto(path).expect("registry opens");
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).expect("registry sheet");
    let last = range.width() - 1;
    range
        .rows()
        .skip(1)
        .map(|row| match &row[last] {
            Data::Float(v) => *v,
            Data::Int(v) => *v as f64,
            other => panic!("members cell {other:?}"),
        })
        .sum()
}

#[test]
fn generated_months_consolidate_cleanly_and_every_period_is_measured() {
    let dir = scratch("bench");
    let work = dir.join("work");
    let out = jinaq(&[
        "bench",
        "--units",
        "4",
        "--orgs",
        "5",
        "--periods",
        "2",
        "--runs",
        "1",
        "--keep",
        "--dir",
        work.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for period in ["2026-02", "2026-03"] {
        let line = stdout
            .lines()
            .find(|l| l.starts_with(period))
            .unwrap_or_else(|| panic!("no line for {period}:\n{stdout}"));
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(fields[1], "4", "files of {period}: {line}");
        let ratio: f64 = fields[6].trim_end_matches('x').parse().expect(line);
        assert!(ratio > 0.0, "{line}");
        assert!(
            line.contains("registry+read") && line.contains("write"),
            "{line}"
        );
    }
    let total = stdout
        .lines()
        .find(|l| l.starts_with("all periods:"))
        .expect("a total line");
    if cfg!(target_os = "linux") {
        let mb: f64 = total
            .split("peak memory of a run ")
            .nth(1)
            .and_then(|s| s.trim_end_matches(" MB").trim().parse().ok())
            .unwrap_or_else(|| panic!("no peak memory: {total}"));
        assert!(mb > 1.0 && mb < 300.0, "{total}");
    }

    // The generated month, run as a user runs it: every report read, every
    // organisation found in the registry, nothing wrong.
    let output = dir.join("out");
    let (code, _) = jinaq_ok(&[
        "consolidate",
        "-q",
        "--pipeline",
        work.join("pipeline.toml").to_str().unwrap(),
        "--input",
        work.join("inbox/2026-03").to_str().unwrap(),
        "--registry",
        work.join("registry.xlsx").to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let summary = read_json(&output.join("2026-03/summary-2026-03.json"));
    assert_eq!(summary["files"]["found"], 4);
    assert_eq!(summary["files"]["read"], 4);
    let region = &summary["region"];
    assert_eq!(region["units_reported"], 4);
    assert_eq!(region["orgs_reported"], 20);
    assert_eq!(
        region["members"].as_f64().unwrap(),
        registry_members(&work.join("registry.xlsx"))
    );
    // The events list what the tables count.
    assert_eq!(region["participants"], region["trained"]["total"]);
    let log = read_json(&output.join("2026-03/discrepancies-2026-03.json"));
    assert_eq!(log["issues"].as_array().unwrap().len(), 0, "{log:#}");
}
