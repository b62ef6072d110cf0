//! The project's own fixtures (`tests/fixtures/`, made by LibreOffice,
//! openpyxl, xlwt and a hand-written xlsb writer): every format, layout quirk,
//! value form and kind of junk, each file consolidated alone and compared with
//! `tests/fixtures/expected.json`.

use crate::common::*;
use serde_json::Value;
use std::path::Path;

fn fixtures() -> std::path::PathBuf {
    root().join("tests/fixtures")
}

/// Consolidates one fixture alone; returns (summary, issues of that file).
fn run_one(rel: &str) -> (Value, Vec<Value>) {
    let src = fixtures().join(rel);
    let name = Path::new(rel)
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let tag: String = rel
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    let dir = scratch(&format!("own-{tag}"));
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::copy(&src, inbox.join(&name)).unwrap();
    let out = dir.join("out");
    let registry = fixtures().join("registry.xlsx");
    let (_, _) = consolidate_ok(&inbox, &registry, "2026-03", &out);
    let summary = read_json(&out.join("2026-03/summary-2026-03.json"));
    let log = read_json(&out.join("2026-03/discrepancies-2026-03.json"));
    let issues = log["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["file"] == name.as_str())
        .cloned()
        .collect();
    (summary, issues)
}

fn check_entry(rel: &str, e: &Value) -> Vec<String> {
    let (summary, issues) = run_one(rel);
    let mut problems = Vec::new();
    for want in e["issues"].as_array().unwrap() {
        let found = issues.iter().any(|g| {
            g["rule"] == want["rule"]
                && (want["sheet"].is_null() || g["sheet"] == want["sheet"])
                && (want["cell"].is_null() || holds(&g["cell"], &want["cell"]))
        });
        if !found {
            problems.push(format!(
                "{rel}: {} at {} {} not reported",
                want["rule"], want["sheet"], want["cell"]
            ));
        }
    }
    let allowed: Vec<&Value> = e["issues"]
        .as_array()
        .unwrap()
        .iter()
        .chain(e["optional_issues"].as_array().into_iter().flatten())
        .collect();
    for g in issues.iter().filter(|g| g["severity"] == "error") {
        if !allowed.iter().any(|a| a["rule"] == g["rule"]) {
            problems.push(format!(
                "{rel}: unexpected error {} at {} {}: {}",
                g["rule"], g["sheet"], g["cell"], g["message"]
            ));
        }
    }
    let Some(unit) = e["unit"].as_str() else {
        return problems;
    };
    if e["orgs"].is_null() {
        return problems;
    }
    let Some(u) = summary["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == unit)
    else {
        problems.push(format!("{rel}: unit {unit} missing from the summary"));
        return problems;
    };
    if e["strict_figures"] == false {
        return problems;
    }
    let mut diffs = Vec::new();
    let mut want = serde_json::Map::new();
    for k in [
        "members",
        "trained",
        "events",
        "participants",
        "trained_share",
    ] {
        want.insert(k.to_string(), e[k].clone());
    }
    want.insert("orgs_reported".into(), e["orgs"].clone());
    if let Some(f) = e["finance"].as_object() {
        let mut f = f.clone();
        f.remove("share");
        want.insert("finance".into(), Value::Object(f));
    } else {
        want.insert("finance".into(), Value::Null);
    }
    diff_json(&Value::Object(want), u, rel, &[], &mut diffs);
    problems.extend(diffs);
    problems
}

fn check_folder(folder: &str) {
    let expected = read_json(&fixtures().join("expected.json"));
    let mut problems = Vec::new();
    let mut seen = 0;
    for (rel, e) in expected.as_object().unwrap() {
        if rel.starts_with(&format!("{folder}/")) {
            seen += 1;
            problems.extend(check_entry(rel, e));
        }
    }
    assert!(seen > 0, "no fixtures under {folder}");
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_format_reads_the_same_figures() {
    check_folder("formats");
}

#[test]
fn every_layout_quirk() {
    check_folder("layouts");
}

#[test]
fn every_value_form() {
    check_folder("values");
}

#[test]
fn every_kind_of_junk_is_reported() {
    check_folder("junk");
}

/// Event dates in every written form (real dates, text dd.mm.yyyy and
/// dd.mm.yy, bare serials, the 1904 system, xlsb serials) read as the
/// calendar dates the fixtures were made with.
#[test]
fn every_date_form_reads_as_the_date_written() {
    let pipeline = jinaq::Pipeline::load(&root().join("pipelines/aktobe-training.toml")).unwrap();
    let expected = read_json(&fixtures().join("expected.json"));
    let mut checked = 0;
    for (rel, e) in expected.as_object().unwrap() {
        let Some(want) = e["event_dates"].as_array() else {
            continue;
        };
        let path = fixtures().join(rel);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let report = jinaq::read_bytes(&name, bytes, &pipeline, "2026-03".parse().ok());
        let events = report
            .events
            .unwrap_or_else(|| panic!("{rel}: no events read"));
        let got: Vec<String> = events
            .rows
            .iter()
            .map(|r| r.date.map_or("?".into(), |d| d.iso()))
            .collect();
        // an impossible date written as text reads as no date
        let want: Vec<String> = want
            .iter()
            .map(|d| d.as_str().unwrap().to_string())
            .map(|d| if d.contains('.') { "?".into() } else { d })
            .collect();
        assert_eq!(got, want, "{rel}");
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} fixtures carry event dates");
}
