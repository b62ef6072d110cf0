//! Reports as districts type them (`tests/fixtures/typed/`, written by
//! openpyxl, xlwt and LibreOffice; see `tests/fixtures/gen/make_typed.py`):
//! units in file names, headers, total labels and event forms typed with
//! Russian letters for Kazakh ones or with Latin look-alikes; organisation
//! names abbreviated, reordered, in the other language; a new organisation
//! with no members whose share cell holds an error value.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeSet;

#[test]
fn typed_reports_are_read_and_their_names_matched() {
    let dir = root().join("tests/fixtures/typed");
    let out = scratch("typed");
    consolidate_ok(
        &dir.join("2026-03"),
        &dir.join("registry.xlsx"),
        "2026-03",
        &out,
    );
    let expected = read_json(&dir.join("expected.json"));
    let issues = read_json(&out.join("2026-03/discrepancies-2026-03.json"))["issues"]
        .as_array()
        .unwrap()
        .clone();
    let str_of = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_string();

    // every file is read as its unit's report, every table, header and label found
    for rule in [
        "file.unit_unknown",
        "file.unreadable",
        "sheet.missing",
        "column.missing",
        "value.unknown_category",
        "value.error_cell",
        "value.not_a_number",
        "total.mismatch",
        "registry.missing_org",
        "registry.other_unit",
    ] {
        let found: Vec<&Value> = issues.iter().filter(|i| i["rule"] == rule).collect();
        assert!(found.is_empty(), "{rule}: {found:#?}");
    }

    let mut unknown_expected = BTreeSet::new();
    let mut bins = std::collections::BTreeMap::new();
    for (file, f) in expected.as_object().unwrap() {
        for (name, bin) in f["rows"].as_object().unwrap() {
            match bin.as_str() {
                Some(b) => {
                    bins.insert((file.clone(), name.clone()), b.to_string());
                }
                None => {
                    unknown_expected.insert((file.clone(), name.clone()));
                }
            }
        }
    }
    // only the new organisations stay unknown
    let unknown: BTreeSet<(String, String)> = issues
        .iter()
        .filter(|i| i["rule"] == "registry.unknown_org")
        .map(|i| (str_of(i, "file"), str_of(i, "actual")))
        .collect();
    assert_eq!(unknown, unknown_expected);
    // every other name is matched, each automatic match to the right БСН
    let auto: Vec<&Value> = issues
        .iter()
        .filter(|i| i["rule"] == "registry.auto_matched")
        .collect();
    for i in &auto {
        assert_eq!(i["severity"], "info");
        let written = (str_of(i, "file"), str_of(i, "actual"));
        assert_eq!(
            bins.get(&written),
            Some(&str_of(i, "org")),
            "{written:?} matched to {}",
            i["org"]
        );
    }
    assert!(
        auto.len() >= bins.len() - 3,
        "{} of {}",
        auto.len(),
        bins.len()
    );
    let summary = read_json(&out.join("2026-03/summary-2026-03.json"));
    assert_eq!(summary["region"]["orgs_reported"], bins.len());
}
