//! The specialist's follow-up survives what the specialist does with the
//! discrepancy workbook: sorting its lists in LibreOffice by the filter
//! buttons, writing in the sorted rows, running the next month, and running
//! the same month again (the edited workbook kept as a dated backup).
//!
//! The sorting and writing are done by LibreOffice itself
//! (`tests/fixtures/gen/lo_sort_follow_up.py`, through UNO), which knows
//! only each row's visible issue number; the runs must find each status on
//! its own issue by themselves.

use crate::common::*;
use jinaq::column;
use jinaq::Lang;
use jinaq::{Status, STATUSES};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const PERIOD: &str = "2026-03";

type Key = (String, String, String, String);

fn key_of(i: &Value) -> Key {
    let s = |f: &str| i[f].as_str().unwrap_or("").to_string();
    (s("rule"), s("unit"), s("org"), s("field"))
}

fn issues(json: &Path) -> Vec<Value> {
    read_json(json)["issues"].as_array().unwrap().clone()
}

fn book(out: &Path, period: &str) -> PathBuf {
    out.join(format!("{period}/discrepancies-{period}.xlsx"))
}

fn log(out: &Path) -> PathBuf {
    out.join(format!("{PERIOD}/discrepancies-{PERIOD}.json"))
}

fn run(out: &Path) {
    let m = reference_month();
    consolidate_ok(&m.join(PERIOD), &m.join("registry.xlsx"), PERIOD, out);
}

/// What the script writes for issue number `n` (see its doc).
fn written(n: usize) -> (Status, String, String, f64) {
    let statuses = &STATUSES[1..];
    (
        statuses[n % statuses.len()],
        format!("№{n}"),
        format!("R{}", n % 3),
        46_100.0 + (n % 20) as f64,
    )
}

/// LibreOffice sorts every filtered list of `xlsx` by several columns and
/// writes follow-up into the sorted rows; returns the issue numbers of each
/// sheet in their new order.
fn sort_and_write_in_libreoffice(xlsx: &Path, dir: &Path) -> HashMap<String, Vec<usize>> {
    let soffice = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        soffice,
        "sorting in LibreOffice needs soffice and /usr/bin/python3 with uno: \
         apt-get install libreoffice-calc-nogui python3-uno"
    );
    let at = |id: &str| column(id).unwrap();
    let job = json!({
        "book": xlsx,
        "all_sheet": 1,
        "columns": {
            "number": at("number"), "status": at("status"), "comment": at("comment"),
            "responsible": at("responsible"), "due": at("due"),
        },
        // by unit (descending), check, description; a unit's sheet by check and description
        "sort_all": [[at("unit"), false], [at("check"), true], [at("description"), false]],
        "sort_unit": [[at("check"), false], [at("description"), true]],
        "labels": STATUSES[1..].iter().map(|s| s.label(Lang::Ru)).collect::<Vec<_>>(),
        "report": dir.join("sorted.json"),
    });
    let job_path = dir.join("job.json");
    std::fs::write(&job_path, job.to_string()).unwrap();
    let o = Command::new("/usr/bin/python3")
        .arg(root().join("tests/fixtures/gen/lo_sort_follow_up.py"))
        .arg(&job_path)
        .output()
        .expect("/usr/bin/python3 runs");
    assert!(
        o.status.success(),
        "lo_sort_follow_up.py: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let report = read_json(&dir.join("sorted.json"));
    report
        .as_object()
        .unwrap()
        .iter()
        .map(|(sheet, v)| {
            assert_eq!(
                v["last_column"].as_u64(),
                Some(jinaq::COLUMN_IDS.len() as u64 - 1),
                "the filter of {sheet} covers every column"
            );
            let numbers = v["numbers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap() as usize)
                .collect();
            (sheet.clone(), numbers)
        })
        .collect()
}

/// Every issue whose key is held by no other issue of `first` has, in
/// `later`, the follow-up LibreOffice wrote on its row (found by its number
/// in `first`), in the JSON log and in the workbook; returns how many.
fn check_landed(first: &[Value], later: &[Value], later_book: &Path) -> usize {
    let mut count: HashMap<Key, usize> = HashMap::new();
    for i in first {
        *count.entry(key_of(i)).or_default() += 1;
    }
    let number: HashMap<Key, usize> = first
        .iter()
        .enumerate()
        .filter(|(_, i)| count[&key_of(i)] == 1)
        .map(|(k, i)| (key_of(i), k + 1))
        .collect();
    let in_book = jinaq::load_follow_up(later_book, "").unwrap();
    let mut checked = 0;
    for i in later {
        let Some(&n) = number.get(&key_of(i)) else {
            continue;
        };
        let (status, comment, responsible, due) = written(n);
        assert_eq!(i["status"], status.id(), "issue №{n} {:?}", key_of(i));
        assert_eq!(i["comment"], comment.as_str(), "issue №{n} {:?}", key_of(i));
        let f = &in_book[&key_of(i)];
        assert_eq!(
            (f.responsible.as_str(), f.due),
            (responsible.as_str(), Some(due)),
            "issue №{n} in the new workbook"
        );
        checked += 1;
    }
    checked
}

fn backups(out: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(out.join(PERIOD))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            name.starts_with(&format!("discrepancies-{PERIOD}."))
                && name.ends_with(".xlsx")
                && name != format!("discrepancies-{PERIOD}.xlsx")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn follow_up_written_in_lists_sorted_by_libreoffice_lands_on_its_own_issues() {
    let dir = scratch("followup-sorted");
    let out = dir.join("out");
    run(&out);
    let first = issues(&log(&out));
    let edited = dir.join("edited.xlsx");
    std::fs::copy(book(&out, PERIOD), &edited).unwrap();
    let sorted = sort_and_write_in_libreoffice(&edited, &dir);
    assert!(
        sorted.len() > 2,
        "the list and unit sheets sorted: {sorted:?}"
    );
    assert!(
        sorted.values().any(|n| n.windows(2).any(|w| w[0] > w[1])),
        "sorting changed the order: {sorted:?}"
    );

    // The next month: the sorted, edited workbook is last month's.
    let next = dir.join("next");
    std::fs::create_dir_all(next.join("2026-02")).unwrap();
    std::fs::copy(&edited, book(&next, "2026-02")).unwrap();
    run(&next);
    let n = check_landed(&first, &issues(&log(&next)), &book(&next, PERIOD));
    assert!(n >= 10, "only {n} issues checked");

    // The same month again: the edited workbook is the one being replaced.
    std::fs::copy(&edited, book(&out, PERIOD)).unwrap();
    assert!(backups(&out).is_empty());
    run(&out);
    let again = check_landed(&first, &issues(&log(&out)), &book(&out, PERIOD));
    assert_eq!(again, n);
    let kept = backups(&out);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        std::fs::read(&kept[0]).unwrap(),
        std::fs::read(&edited).unwrap(),
        "the edited workbook kept as it was"
    );
}

#[test]
fn a_rerun_keeps_each_edited_workbook_once_and_overwrites_no_backup() {
    let dir = scratch("followup-rerun");
    let out = dir.join("out");
    run(&out);
    // Nothing written by the specialist: nothing kept.
    run(&out);
    assert!(backups(&out).is_empty(), "{:?}", backups(&out));

    // A status set in the workbook (as Excel saves a cell: an inline string).
    let set_status = |label: &str, comment: &str| {
        let cells = [
            (column("status").unwrap(), label.to_string()),
            (column("comment").unwrap(), comment.to_string()),
        ];
        edit_row(&book(&out, PERIOD), 2, &cells);
    };
    set_status(Status::Waived.label(Lang::Kk), "бірінші");
    run(&out);
    let log1 = issues(&log(&out));
    assert_eq!(log1[0]["status"], "waived");
    assert_eq!(log1[0]["comment"], "бірінші");
    assert_eq!(backups(&out).len(), 1);
    // Run again with no new edit: the workbook is the same, no second copy.
    run(&out);
    assert_eq!(backups(&out).len(), 1, "{:?}", backups(&out));
    assert_eq!(issues(&log(&out))[0]["comment"], "бірінші");

    // A second edit: a second backup beside the first, which stays as it was.
    let first_backup = std::fs::read(&backups(&out)[0]).unwrap();
    set_status(Status::Explained.label(Lang::Ru), "екінші");
    let second_edit = std::fs::read(book(&out, PERIOD)).unwrap();
    run(&out);
    let log2 = issues(&log(&out));
    assert_eq!(log2[0]["status"], "explained");
    assert_eq!(log2[0]["comment"], "екінші");
    let kept = backups(&out);
    assert_eq!(kept.len(), 2, "{kept:?}");
    let bytes: Vec<Vec<u8>> = kept.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert!(bytes.contains(&first_backup) && bytes.contains(&second_edit));
}

/// Writes texts into cells of row `row` (1-based) of the sheet of all
/// issues, as Excel saves a typed cell (an inline string).
fn edit_row(xlsx: &Path, row: u32, cells: &[(u16, String)]) {
    for (c, text) in cells {
        let cell = format!("{}{row}", (b'A' + *c as u8) as char);
        crate::history::edit_cell(xlsx, 2, &cell, text);
    }
}

/// The text in the first column of the hidden suggestion sheet, top down.
fn suggestion_list(xlsx: &Path) -> Vec<String> {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
    let Ok(range) = wb.worksheet_range("suggestions") else {
        return Vec::new();
    };
    range.rows().map(|r| r[0].to_string()).collect()
}

#[test]
fn a_suggestion_picked_in_the_workbook_is_matched_every_month_after() {
    use crate::history::{coverage_book, ALGA};
    let dir = scratch("followup-confirm");
    let out = dir.join("out");
    let registry = root().join("tests/fixtures/registry.xlsx");
    // Алға's organisations; the second under a name the registry does not
    // know, without its БСН.
    let bin = ALGA[1].0;
    // (a boarding school where the registry has a secondary school: no
    // automatic match, the right one among the suggestions)
    let written = "№2 жалпы білім беретін Алға мектеп-интернаты";
    let report = |period: &str| {
        let orgs: Vec<(String, String, f64)> = ALGA
            .iter()
            .enumerate()
            .map(|(k, (b, m))| match k {
                1 => (written.to_string(), String::new(), *m),
                _ => (format!("Ұйым {}", k + 1), b.to_string(), *m),
            })
            .collect();
        let inbox = dir.join(period);
        std::fs::create_dir_all(&inbox).unwrap();
        let cats = [[1.0, 0.0, 1.0, 0.0, 1.0]; 6];
        coverage_book("Алға ауданы", &orgs, period, &cats)
            .save(inbox.join(format!("Алға_{period}.xlsx")))
            .unwrap();
        inbox
    };
    let run = |period: &str, out: &Path| {
        consolidate_ok(&report(period), &registry, period, out);
        issues(&out.join(format!("{period}/discrepancies-{period}.json")))
    };
    let of = |log: &[Value], rule: &str| -> Vec<Value> {
        log.iter().filter(|i| i["rule"] == rule).cloned().collect()
    };
    let march = run(PERIOD, &out);
    let unknown = of(&march, "registry.unknown_org");
    assert_eq!(unknown.len(), 1, "{march:?}");
    assert_eq!(unknown[0]["org"], written);
    assert!(of(&march, "registry.missing_org")
        .iter()
        .any(|i| i["org"] == bin));

    // The specialist picks the right suggestion from the row's dropdown.
    let b = book(&out, PERIOD);
    let offered = suggestion_list(&b);
    let right = offered
        .iter()
        .find(|s| s.ends_with(bin))
        .unwrap_or_else(|| panic!("{bin} among the suggestions {offered:?}"))
        .clone();
    let row = march
        .iter()
        .position(|i| i["rule"] == "registry.unknown_org")
        .unwrap() as u32
        + 2;
    edit_row(&b, row, &[(column("match").unwrap(), right.clone())]);

    // The month again: the name is matched, nothing unknown or missing.
    let again = run(PERIOD, &out);
    assert!(of(&again, "registry.unknown_org").is_empty(), "{again:?}");
    assert!(
        !of(&again, "registry.missing_org")
            .iter()
            .any(|i| i["org"] == bin),
        "{again:?}"
    );
    let summary = read_json(&out.join(format!("{PERIOD}/summary-{PERIOD}.json")));
    let kept = std::fs::read_to_string(out.join("confirmed-matches.csv")).unwrap();
    assert!(
        kept.contains(&format!("alga,{written},{bin},")) && kept.contains(",2026-03"),
        "{kept}"
    );

    // The next month, with nothing picked again: still matched.
    let april = run("2026-04", &out);
    assert!(of(&april, "registry.unknown_org").is_empty(), "{april:?}");
    // The file alone carries it to another output folder.
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(
        out.join("confirmed-matches.csv"),
        other.join("confirmed-matches.csv"),
    )
    .unwrap();
    let elsewhere = run(PERIOD, &other);
    assert!(of(&elsewhere, "registry.unknown_org").is_empty());
    let summary_elsewhere = read_json(&other.join(format!("{PERIOD}/summary-{PERIOD}.json")));
    assert_eq!(summary["region"], summary_elsewhere["region"]);
}
