//! The files for the districts and the order of the issue list, as users
//! get them: the real binary run on the reference month (made by real office
//! software), the outputs read back with calamine and zip.

use crate::common::*;
use calamine::{open_workbook, Data, Reader, Xlsx};
use jinaq::{Pipeline, DEFAULT_PIPELINE};
use serde_json::Value;
use std::io::Read;
use std::path::Path;

fn pipeline() -> Pipeline {
    Pipeline::load(&root().join(DEFAULT_PIPELINE)).expect("the shipped pipeline loads")
}

fn run(name: &str, lang: &str) -> std::path::PathBuf {
    let out = scratch(name).join("out");
    consolidate_into(&out, lang);
    out.join("2026-03")
}

/// The reference month consolidated under `out` in `lang`.
fn consolidate_into(out: &Path, lang: &str) {
    let reference = reference_month();
    let mut args = consolidate_args(
        &reference.join("2026-03"),
        &reference.join("registry.xlsx"),
        "2026-03",
        out,
    );
    args.extend(["--lang".to_string(), lang.to_string()]);
    jinaq_ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
}

fn issues(dir: &Path) -> Vec<Value> {
    read_json(&dir.join("discrepancies-2026-03.json"))["issues"]
        .as_array()
        .unwrap()
        .clone()
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn rows_of(path: &Path) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    let (r0, c0) = range.start().unwrap();
    assert_eq!((r0, c0), (0, 0), "the heading starts at A1");
    range.rows().map(|r| r.iter().map(text).collect()).collect()
}

#[test]
fn every_unit_with_issues_has_its_own_file_of_its_issues() {
    let p = pipeline();
    for lang in ["kk", "ru", "en"] {
        let dir = run(&format!("districts-{lang}"), lang);
        let all = issues(&dir);
        let lang_v: jinaq::Lang = lang.parse().unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dir.join("districts"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        let mut expected_names = Vec::new();
        for u in &p.units {
            let own: Vec<&Value> = all.iter().filter(|i| i["unit"] == u.id.as_str()).collect();
            let Some(name) = names
                .iter()
                .find(|n| n.starts_with(&format!("{}_2026-03_", u.name(lang_v))))
            else {
                assert!(own.is_empty(), "{lang}: {} has issues and no file", u.id);
                continue;
            };
            expected_names.push(name.clone());
            let rows = rows_of(&dir.join("districts").join(name));
            let heading: String = rows.iter().take(6).map(|r| r.join(" ")).collect();
            assert!(heading.contains(u.name(lang_v)), "{lang}: {heading}");
            assert!(
                heading.contains("10.04.2026"),
                "{lang}: no deadline in {heading}"
            );
            for part in [&p.office.person, &p.office.phone, &p.office.email] {
                assert!(
                    heading.contains(part.as_str()),
                    "{lang}: no {part} in {heading}"
                );
            }
            // The head row, then one row per issue in the list's order.
            let head = rows
                .iter()
                .position(|r| r[0] == "№" || r[0] == "No.")
                .unwrap();
            let body = &rows[head + 1..];
            assert_eq!(body.len(), own.len(), "{lang}: {}", u.id);
            for (row, issue) in body.iter().zip(&own) {
                let cell = issue["cell"].as_str().unwrap_or_default();
                assert!(row.contains(&cell.to_string()), "{lang}: {row:?} / {cell}");
                assert_eq!(row.last().unwrap(), issue["message"].as_str().unwrap());
            }
            // Without the specialist's follow-up: no status anywhere.
            let statuses = jinaq::status_labels(lang_v);
            assert!(!rows
                .iter()
                .flatten()
                .any(|c| statuses.contains(&c.as_str())));
        }
        expected_names.sort();
        assert_eq!(names, expected_names, "{lang}: only units' files");
    }
}

#[test]
fn a_district_file_prints_on_a4_landscape_one_page_wide_with_its_head_row() {
    let dir = run("districts-print", "kk");
    let first = std::fs::read_dir(dir.join("districts"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&first).unwrap()).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(sheet.contains("paperSize=\"9\""), "A4");
    assert!(sheet.contains("orientation=\"landscape\""));
    assert!(sheet.contains("fitToPage=\"1\"") && sheet.contains("fitToHeight=\"0\""));
    let mut book = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut book)
        .unwrap();
    assert!(book.contains("_xlnm.Print_Titles"), "the head row repeats");
}

#[test]
fn a_stale_district_file_is_removed_and_other_files_kept() {
    let dir = scratch("districts-stale");
    let out = dir.join("out");
    let districts = out.join("2026-03").join("districts");
    std::fs::create_dir_all(&districts).unwrap();
    let p = pipeline();
    // A unit with no issue in the month: its file of an earlier run is stale.
    let all = {
        let first = run("districts-stale-probe", "kk");
        issues(&first)
    };
    let quiet = p
        .units
        .iter()
        .find(|u| !all.iter().any(|i| i["unit"] == u.id.as_str()))
        .expect("a unit with no issues");
    let stale = districts.join(format!(
        "{}_2026-03_ескертулер.xlsx",
        quiet.name(jinaq::Lang::Kk)
    ));
    let other_period = districts.join(format!(
        "{}_2026-02_ескертулер.xlsx",
        quiet.name(jinaq::Lang::Kk)
    ));
    let own = districts.join("хат.xlsx");
    for f in [&stale, &other_period, &own] {
        std::fs::write(f, b"x").unwrap();
    }
    consolidate_into(&out, "kk");
    assert!(!stale.exists(), "stale file kept");
    assert!(other_period.exists() && own.exists(), "other files removed");
}

/// The position of a unit in the pipeline; issues of no unit after all.
fn rank(p: &Pipeline, unit: &Value) -> usize {
    unit.as_str()
        .and_then(|u| p.units.iter().position(|x| x.id == u))
        .unwrap_or(usize::MAX)
}

#[test]
fn the_issue_list_reads_errors_first_then_units_in_pipeline_order() {
    let p = pipeline();
    let dir = run("districts-order", "kk");
    let all = issues(&dir);
    let sev = |i: &Value| match i["severity"].as_str().unwrap() {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    };
    let keys: Vec<(i32, usize)> = all.iter().map(|i| (sev(i), rank(&p, &i["unit"]))).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // The CSV in the same order.
    let csv = std::fs::read_to_string(dir.join("discrepancies-2026-03.csv")).unwrap();
    let rules: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1))
        .collect();
    let json_rules: Vec<&str> = all.iter().map(|i| i["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, json_rules);
}

/// Column letters of a cell to a 0-based index (`C` -> 2).
fn col_of(cell: &str) -> Option<(u32, String)> {
    let letters: String = cell
        .chars()
        .take_while(|c| c.is_ascii_uppercase())
        .collect();
    let row = &cell[letters.len()..];
    let col = letters
        .chars()
        .fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1));
    (!letters.is_empty()).then(|| (col - 1, row.to_string()))
}

#[test]
fn one_finding_on_adjacent_cells_of_a_row_is_one_issue() {
    let dir = run("districts-ranges", "ru");
    let all = issues(&dir);
    let mut ranges = 0;
    for (k, a) in all.iter().enumerate() {
        let cell = a["cell"].as_str().unwrap_or_default();
        if let Some((first, last)) = cell.split_once(':') {
            ranges += 1;
            let ((c1, r1), (c2, r2)) = (col_of(first).unwrap(), col_of(last).unwrap());
            assert_eq!(r1, r2, "a range on one row: {cell}");
            assert!(c2 > c1, "{cell}");
            assert!(a["message"].as_str().unwrap().contains(cell), "{a}");
        }
        // No two issues left that one range would hold.
        for b in &all[k + 1..] {
            let same = ["rule", "unit", "file", "sheet", "row"]
                .iter()
                .all(|f| a[f] == b[f]);
            let (Some(ca), Some(cb)) = (a["cell"].as_str(), b["cell"].as_str()) else {
                continue;
            };
            let (Some((x, _)), Some((y, _))) = (col_of(ca), col_of(cb)) else {
                continue;
            };
            let strip = |i: &Value, c: &str| i["message"].as_str().unwrap().replace(c, "");
            if same && !ca.contains(':') && !cb.contains(':') && y == x + 1 {
                assert_ne!(strip(a, ca), strip(b, cb), "{ca} and {cb} not joined");
            }
        }
    }
    assert!(
        ranges > 0,
        "the reference month has a finding on adjacent cells"
    );
}

#[test]
fn discrepancy_numbers_are_locale_tagged_and_share_differences_in_points() {
    for (lang, tag, points) in [("kk", "[$-43F]", "п.т."), ("ru", "[$-419]", "п.п.")] {
        let dir = run(&format!("districts-numbers-{lang}"), lang);
        let book = dir.join("discrepancies-2026-03.xlsx");
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&book).unwrap()).unwrap();
        let mut styles = String::new();
        zip.by_name("xl/styles.xml")
            .unwrap()
            .read_to_string(&mut styles)
            .unwrap();
        assert!(styles.contains(&format!("{tag}#,##0")), "{lang}: {styles}");
        assert!(styles.contains(points), "{lang}: no points format");
        assert!(
            !styles.contains("+0.0%;-0.0%"),
            "{lang}: a difference of shares in per cent"
        );
    }
}
