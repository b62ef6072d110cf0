//! Reference months: `tests/fixtures/reference-month` and the shipped
//! `samples/`; figures, issues and files exactly as their
//! `expected-2026-03.json` says.

use crate::common::*;
use serde_json::Value;
use std::path::PathBuf;

/// Where a reference month lives: inbox, registry and expected results.
fn month(which: &str) -> (PathBuf, PathBuf, PathBuf) {
    match which {
        "shared" => {
            let s = reference_month();
            (
                s.join("2026-03"),
                s.join("registry.xlsx"),
                s.join("expected-2026-03.json"),
            )
        }
        _ => {
            let s = root().join("samples");
            (
                s.join("inbox"),
                s.join("registry.xlsx"),
                s.join("expected-2026-03.json"),
            )
        }
    }
}

fn run(name: &str) -> (i32, PathBuf, Value) {
    let which = name.split('-').next().unwrap_or_default();
    let (input, registry, expected) = month(which);
    let out = scratch(name);
    let (code, _) = consolidate_ok(&input, &registry, "2026-03", &out);
    let expected = read_json(&expected);
    (code, out.join("2026-03"), expected)
}

fn figures_equal_the_reference(which: &str) {
    let (code, dir, expected) = run(&format!("{which}-figures"));
    let summary = read_json(&dir.join("summary-2026-03.json"));
    let diffs = figure_differences(&expected, &summary);
    assert!(diffs.is_empty(), "differences:\n{}", diffs.join("\n"));
    assert_eq!(summary["period"], "2026-03");
    assert_eq!(summary["as_of"], "2026-04-01");
    // the contract's accounting
    let rows = &summary["rows"];
    assert_eq!(
        rows["read"].as_u64(),
        Some(rows["accepted"].as_u64().unwrap() + rows["rejected"].as_u64().unwrap())
    );
    let files = &summary["files"];
    assert_eq!(
        files["found"].as_u64(),
        Some(expected["files"].as_array().unwrap().len() as u64)
    );
    assert_eq!(
        files["found"].as_u64(),
        Some(files["read"].as_u64().unwrap() + files["skipped"].as_u64().unwrap())
    );
    assert_eq!(
        files["read"].as_u64(),
        Some(expected["units"].as_array().unwrap().len() as u64)
    );
    // error-severity issues exist in the reference month: exit status 1
    assert_eq!(code, 1);
}

/// Whether `got` is the reference issue `e`: same rule and file, and the same
/// sheet, cell or row, org, field and values wherever the reference names them.
fn same_issue(e: &Value, got: &Value) -> bool {
    let eq = |k: &str| e[k].is_null() || e[k] == got[k];
    let place = if !e["cell"].is_null() {
        e["cell"] == got["cell"]
    } else if !e["row"].is_null() {
        e["row"] == got["row"]
    } else {
        true
    };
    let value = |k: &str| e[k].is_null() || close(&e[k], &got[k]);
    e["rule"] == got["rule"]
        && eq("file")
        && eq("unit")
        && eq("sheet")
        && place
        && eq("org")
        && eq("field")
        && value("expected")
        && value("actual")
}

fn every_reference_issue_is_found_at_its_place(which: &str) {
    let (_, dir, expected) = run(&format!("{which}-issues"));
    let log = read_json(&dir.join("discrepancies-2026-03.json"));
    let issues = log["issues"].as_array().expect("issues");
    let missing: Vec<String> = expected["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !issues.iter().any(|g| same_issue(e, g)))
        .map(|e| format!("{} {} {} {}", e["rule"], e["file"], e["sheet"], e["cell"]))
        .collect();
    assert!(missing.is_empty(), "not reported:\n{}", missing.join("\n"));
    for i in issues {
        for key in [
            "severity", "rule", "unit", "file", "sheet", "cell", "row", "org", "field", "expected",
            "actual", "message",
        ] {
            assert!(i.get(key).is_some(), "issue without `{key}`: {i}");
        }
        assert!(i["message"].as_str().is_some_and(|m| m.len() > 20), "{i}");
    }
}

fn clean_files_have_no_errors_and_junk_is_reported(which: &str) {
    let (_, dir, expected) = run(&format!("{which}-files"));
    let log = read_json(&dir.join("discrepancies-2026-03.json"));
    let issues = log["issues"].as_array().unwrap();
    for f in expected["files"].as_array().unwrap() {
        let name = f["file"].as_str().unwrap();
        let of_file: Vec<&Value> = issues.iter().filter(|i| i["file"] == name).collect();
        if f["clean"] == true {
            let errors: Vec<&&Value> = of_file
                .iter()
                .filter(|i| i["severity"] == "error")
                .collect();
            assert!(
                errors.is_empty(),
                "{name} is clean but has errors: {errors:?}"
            );
        }
        match f["status"].as_str().unwrap() {
            "ignored" => assert!(
                of_file.iter().any(|i| i["rule"] == "file.ignored"),
                "{name}"
            ),
            "superseded" => assert!(
                of_file.iter().any(|i| i["rule"] == "file.superseded"),
                "{name}"
            ),
            _ => {}
        }
    }
}

#[test]
fn shared_month_figures() {
    figures_equal_the_reference("shared");
}

#[test]
fn shared_month_issues() {
    every_reference_issue_is_found_at_its_place("shared");
}

#[test]
fn shared_month_files() {
    clean_files_have_no_errors_and_junk_is_reported("shared");
}

#[test]
fn sample_month_figures() {
    figures_equal_the_reference("samples");
}

#[test]
fn sample_month_issues() {
    every_reference_issue_is_found_at_its_place("samples");
}

#[test]
fn sample_month_files() {
    clean_files_have_no_errors_and_junk_is_reported("samples");
}
