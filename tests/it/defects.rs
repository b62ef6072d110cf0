//! A month with one defect of each rule (`tests/fixtures/defects/`, made by
//! LibreOffice, openpyxl and xlwt): every defect reported under its rule at its
//! place, with the values the reference gives, and nothing else.

use crate::common::*;
use serde_json::Value;

fn matches(e: &Value, g: &Value) -> bool {
    let same = |k: &str| e[k] == g[k];
    let value = |k: &str| e[k].is_null() && g[k].is_null() || close(&e[k], &g[k]);
    let place = if e["cell"].is_null() {
        e["row"].is_null() || same("row")
    } else {
        holds(&g["cell"], &e["cell"])
    };
    same("rule")
        && same("file")
        && same("unit")
        && same("sheet")
        && place
        && same("org")
        && same("field")
        && value("expected")
        && value("actual")
}

#[test]
fn every_rule_once_at_its_place_and_nothing_else() {
    let dir = root().join("tests/fixtures/defects");
    let out = scratch("defects");
    let (code, _) = consolidate_ok(
        &dir.join("inbox"),
        &dir.join("registry.xlsx"),
        "2026-03",
        &out,
    );
    assert_eq!(code, 1);
    let expected = read_json(&dir.join("expected.json"));
    let expected = expected["issues"].as_array().unwrap();
    let got = read_json(&out.join("2026-03/discrepancies-2026-03.json"));
    let got = got["issues"].as_array().unwrap();
    let missing: Vec<String> = expected
        .iter()
        .filter(|e| !got.iter().any(|g| matches(e, g)))
        .map(|e| {
            let near: Vec<&Value> = got
                .iter()
                .filter(|g| g["rule"] == e["rule"] && g["file"] == e["file"])
                .collect();
            format!("{e}\n   reported instead: {near:?}")
        })
        .collect();
    let extra: Vec<String> = got
        .iter()
        .filter(|g| !expected.iter().any(|e| matches(e, g)))
        .map(|g| g.to_string())
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing:\n{}\n\nextra:\n{}",
        missing.join("\n"),
        extra.join("\n")
    );
    // every rule of the catalogue but the history ones is in this month
    let rules: std::collections::BTreeSet<&str> =
        got.iter().filter_map(|g| g["rule"].as_str()).collect();
    assert_eq!(rules.len(), 32, "{rules:?}");
}
