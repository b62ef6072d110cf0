//! An inbox that also holds other months' reports (a year kept in one
//! folder): each is reported as another month's and left unopened, and the
//! month's figures are those of its own files.

use crate::common::*;
use serde_json::Value;

#[test]
fn other_months_in_the_folder_are_reported_not_read() {
    let dir = scratch("other-months");
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let samples = root().join("samples");
    for entry in std::fs::read_dir(samples.join("inbox")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, inbox.join(path.file_name().unwrap())).unwrap();
    }
    // February's report of Қобда, a real workbook...
    std::fs::copy(
        samples.join("inbox/Қобда_2026_03.xlsx"),
        inbox.join("Қобда_2026_02.xlsx"),
    )
    .unwrap();
    // ...and one that is not a workbook at all: neither is opened.
    std::fs::write(inbox.join("Алға_2026-01.xlsx"), b"not a workbook").unwrap();

    let out = dir.join("out");
    let (code, _) = consolidate_ok(&inbox, &samples.join("registry.xlsx"), "2026-03", &out);
    assert_eq!(code, 1, "another month's file is an error to follow up");
    let summary = read_json(&out.join("2026-03/summary-2026-03.json"));
    let expected = read_json(&samples.join("expected-2026-03.json"));
    let diffs = figure_differences(&expected, &summary);
    assert!(diffs.is_empty(), "differences:\n{}", diffs.join("\n"));
    let files = &summary["files"];
    let found = files["found"].as_u64().unwrap();
    assert_eq!(
        found,
        files["read"].as_u64().unwrap() + files["skipped"].as_u64().unwrap()
    );
    assert_eq!(
        found,
        std::fs::read_dir(&inbox).unwrap().count() as u64,
        "{files}"
    );

    let log = read_json(&out.join("2026-03/discrepancies-2026-03.json"));
    let issues = log["issues"].as_array().unwrap();
    let of = |file: &str| -> Vec<&Value> { issues.iter().filter(|i| i["file"] == file).collect() };
    for (file, unit, month) in [
        ("Қобда_2026_02.xlsx", "kobda", "2026-02"),
        ("Алға_2026-01.xlsx", "alga", "2026-01"),
    ] {
        let found = of(file);
        assert_eq!(found.len(), 1, "{file}: {found:#?}");
        let i = found[0];
        assert_eq!(i["rule"], "file.period_mismatch", "{i:#}");
        assert_eq!(i["unit"], unit, "{i:#}");
        assert_eq!(i["expected"], "2026-03", "{i:#}");
        assert_eq!(i["actual"], month, "{i:#}");
    }
}
