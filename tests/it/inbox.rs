//! The inbox never loses a report: files named after a unit that hold no
//! report table (a cover letter, a phone list, empty workbooks, a CSV, a
//! document), newer than the real reports, leave the month's figures as they
//! are, and every file set aside is named with the file taken instead.

use crate::common::{consolidate_ok, diff_json, read_json, reference_month, root, scratch};
use std::path::Path;
use std::time::{Duration, SystemTime};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn files_without_a_report_table_never_replace_a_report() {
    let dir = scratch("inbox-not-reports");
    let (plain, noisy) = (dir.join("plain"), dir.join("noisy"));
    let month = reference_month().join("2026-03");
    copy_dir(&month, &plain);
    copy_dir(&month, &noisy);
    let extra = root().join("tests/fixtures/saved-as/not-reports");
    copy_dir(&extra, &noisy);
    // Newer than every report: git keeps no times, so set them.
    let later = SystemTime::now() + Duration::from_secs(3600);
    for e in std::fs::read_dir(&extra).unwrap() {
        let e = e.unwrap();
        let f = std::fs::File::options()
            .write(true)
            .open(noisy.join(e.file_name()))
            .unwrap();
        f.set_modified(later).unwrap();
    }
    let registry = reference_month().join("registry.xlsx");
    let (out_a, out_b) = (dir.join("out-plain"), dir.join("out-noisy"));
    consolidate_ok(&plain, &registry, "2026-03", &out_a);
    consolidate_ok(&noisy, &registry, "2026-03", &out_b);
    let a = read_json(&out_a.join("2026-03/summary-2026-03.json"));
    let b = read_json(&out_b.join("2026-03/summary-2026-03.json"));
    // The figures, not the issues: the extra files have issues of their own
    // (an empty workbook is a warning, the cover letter set aside an info).
    let mut diffs = Vec::new();
    diff_json(
        &a["region"],
        &b["region"],
        "region",
        &["issues"],
        &mut diffs,
    );
    let units_b = b["units"].as_array().unwrap();
    for (ua, ub) in a["units"].as_array().unwrap().iter().zip(units_b) {
        diff_json(
            ua,
            ub,
            ua["unit"].as_str().unwrap(),
            &["issues"],
            &mut diffs,
        );
    }
    assert_eq!(a["units"].as_array().unwrap().len(), units_b.len());
    assert!(diffs.is_empty(), "{diffs:#?}");
    assert_eq!(a["rows"], b["rows"]);

    // The cover letter is named after Хромтау: set aside for its report, and
    // the summary says so; the phone list names no unit.
    let superseded = b["files"]["superseded"]
        .as_array()
        .expect("superseded list");
    let letter = superseded
        .iter()
        .find(|s| s["file"] == "Хромтау ауданы ілеспе хат.xlsx")
        .unwrap_or_else(|| panic!("cover letter not listed: {superseded:#?}"));
    assert_eq!(letter["unit"], "khromtau");
    assert_eq!(letter["replaced_by"], "Хромтау ауданы 03.2026.xlsx");
    assert!(superseded
        .iter()
        .all(|s| s["file"] != "Тікелей байланыс телефондары.xlsx"));
    // Every copy set aside in the month without them is still set aside, for the same file.
    for s in a["files"]["superseded"].as_array().unwrap() {
        assert!(superseded.contains(s), "{s}");
    }
}
