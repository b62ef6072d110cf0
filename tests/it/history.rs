//! Month to month and year to year: history stored by each run, read by the
//! next, decreases and outliers flagged, damaged history reported.

use crate::common::*;
use rust_xlsxwriter::Workbook;
use serde_json::Value;
use std::path::Path;

/// The Алға organisations of `tests/fixtures/registry.xlsx`: (БСН, members).
pub const ALGA: [(&str, f64); 6] = [
    ("160640864624", 62.0),
    ("031040434483", 88.0),
    ("070240219954", 63.0),
    ("131140086623", 50.0),
    ("050540091694", 17.0),
    ("130940554920", 37.0),
];

/// Writes a plain Алға report for `period` where each organisation has the
/// given five categories.
fn alga_report(dir: &Path, period: &str, cats: &[[f64; 5]; 6]) {
    let orgs: Vec<(String, f64)> = ALGA.iter().map(|(b, m)| (b.to_string(), *m)).collect();
    unit_report(dir, ("Алға", "Алға ауданы"), &orgs, period, cats);
}

/// Writes a plain report of a unit (`(file name stem, title)`) for `period`:
/// its organisations `(БСН, members)` with the five categories each.
pub fn unit_report(
    dir: &Path,
    (stem, title): (&str, &str),
    orgs: &[(String, f64)],
    period: &str,
    cats: &[[f64; 5]],
) {
    let named: Vec<(String, String, f64)> = orgs
        .iter()
        .enumerate()
        .map(|(i, (bin, members))| (format!("Ұйым {}", i + 1), bin.clone(), *members))
        .collect();
    let mut wb = coverage_book(title, &named, period, cats);
    std::fs::create_dir_all(dir).unwrap();
    wb.save(dir.join(format!("{stem}_{period}.xlsx"))).unwrap();
}

/// A workbook whose one sheet is a plain coverage table of a unit for
/// `period`: its organisations `(name, БСН, members)` with the five
/// categories each, under a title row.
pub fn coverage_book(
    title: &str,
    orgs: &[(String, String, f64)],
    period: &str,
    cats: &[[f64; 5]],
) -> Workbook {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Оқыту").unwrap();
    ws.write(0, 0, format!("{title}, {period}")).unwrap();
    // The coverage header as a Kazakh-speaking district writes it.
    let header = [
        "№",
        "БКҰ атауы",
        "БСН",
        "Мүшелер саны",
        "Оқытудан өткендер, барлығы",
        "кәсіподақ мүшелері",
        "тексеру комиссияларының мүшелері",
        "кәсіподақ активі",
        "кәсіподақ ұйымдарының төрағалары",
        "келісу комиссияларының мүшелері",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write(2, c as u16, *h).unwrap();
    }
    for (i, ((name, bin, members), cat)) in orgs.iter().zip(cats).enumerate() {
        let r = 3 + i as u32;
        ws.write(r, 0, (i + 1) as f64).unwrap();
        ws.write(r, 1, name.as_str()).unwrap();
        ws.write(r, 2, bin.as_str()).unwrap();
        ws.write(r, 3, *members).unwrap();
        ws.write(r, 4, cat.iter().sum::<f64>()).unwrap();
        for (k, v) in cat.iter().enumerate() {
            ws.write(r, 5 + k as u16, *v).unwrap();
        }
    }
    wb
}

pub fn consolidate(inbox: &Path, out: &Path, period: &str) -> (i32, Value) {
    let registry = root().join("tests/fixtures/registry.xlsx");
    let (code, _) = consolidate_ok(inbox, &registry, period, out);
    (
        code,
        read_json(&out.join(format!("{period}/discrepancies-{period}.json"))),
    )
}

fn of_rule<'a>(log: &'a Value, rule: &str) -> Vec<&'a Value> {
    log["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["rule"] == rule)
        .collect()
}

const BASE: [[f64; 5]; 6] = [[1.0, 0.0, 1.0, 0.0, 1.0]; 6];

#[test]
fn a_decrease_since_last_month_is_flagged_at_its_cell() {
    let dir = scratch("history-decrease");
    let out = dir.join("out");
    alga_report(&dir.join("feb"), "2026-02", &BASE);
    consolidate(&dir.join("feb"), &out, "2026-02");
    assert!(out.join("history/2026-02/units.parquet").is_file());
    let (_, feb_again) = consolidate(&dir.join("feb"), &out, "2026-02");
    assert!(
        of_rule(&feb_again, "history.ytd_decrease").is_empty(),
        "re-running a period compares it with itself? no"
    );

    let mut march = BASE;
    march[1] = [1.0, 0.0, 0.0, 0.0, 1.0]; // activists 1 -> 0 for the second organisation
    march[2] = [2.0, 0.0, 1.0, 0.0, 1.0]; // grows: fine
    alga_report(&dir.join("mar"), "2026-03", &march);
    let (_, log) = consolidate(&dir.join("mar"), &out, "2026-03");
    let dec = of_rule(&log, "history.ytd_decrease");
    let cells: Vec<(&str, &str)> = dec
        .iter()
        .map(|i| {
            (
                i["cell"].as_str().unwrap_or(""),
                i["field"].as_str().unwrap_or(""),
            )
        })
        .collect();
    // row 5 (second organisation): activists H5 and the total E5 fell
    assert!(cells.contains(&("H5", "trained.activists")), "{cells:?}");
    assert!(cells.contains(&("E5", "trained.total")), "{cells:?}");
    assert!(dec.iter().all(|i| i["org"] == "031040434483"), "{dec:?}");
    assert_eq!(
        dec[0]["expected"].as_f64(),
        Some(if dec[0]["field"] == "trained.total" {
            3.0
        } else {
            1.0
        })
    );
    let stored = jinaq(&["history", "--output", out.to_str().unwrap()]);
    let listing = String::from_utf8_lossy(&stored.stdout);
    assert!(
        listing.contains("2026-02") && listing.contains("2026-03"),
        "{listing}"
    );
}

#[test]
fn a_jump_against_the_same_month_last_year_is_flagged_and_ordinary_changes_are_not() {
    let dir = scratch("history-outlier");
    let out = dir.join("out");
    // a year ago: 5 activists in all; now 60 (+1 100 %), the rest +-1
    let mut before = BASE;
    before[0][2] = 0.0;
    alga_report(&dir.join("2025"), "2025-03", &before);
    consolidate(&dir.join("2025"), &out, "2025-03");
    let mut now = BASE;
    now[0][2] = 55.0;
    now[3][4] = 2.0;
    alga_report(&dir.join("2026"), "2026-03", &now);
    let (_, log) = consolidate(&dir.join("2026"), &out, "2026-03");
    let out_of_line = of_rule(&log, "history.outlier_change");
    let fields: Vec<&str> = out_of_line
        .iter()
        .filter_map(|i| i["field"].as_str())
        .collect();
    assert!(fields.contains(&"trained.activists"), "{out_of_line:?}");
    assert!(
        !fields.contains(&"trained.conciliation") && !fields.contains(&"members"),
        "{fields:?}"
    );
    assert!(
        out_of_line.iter().any(|i| i["unit"].is_null()),
        "the region's own jump is flagged too"
    );
}

#[test]
fn a_damaged_history_file_is_reported_not_fatal() {
    let dir = scratch("history-damaged");
    let out = dir.join("out");
    alga_report(&dir.join("feb"), "2026-02", &BASE);
    consolidate(&dir.join("feb"), &out, "2026-02");
    std::fs::write(
        out.join("history/2026-02/units.parquet"),
        b"not parquet at all",
    )
    .unwrap();
    alga_report(&dir.join("mar"), "2026-03", &BASE);
    let (code, log) = consolidate(&dir.join("mar"), &out, "2026-03");
    assert!(code == 0 || code == 1);
    let damaged = of_rule(&log, "file.unreadable");
    let stored = damaged
        .iter()
        .find(|i| i["file"] == "history/2026-02")
        .unwrap_or_else(|| panic!("{damaged:?}"));
    // Told in the run's language with the period's folder; the reader's own
    // (English) words only under -v.
    let message = stored["message"].as_str().unwrap();
    assert!(message.contains("(history/2026-02)"), "{message}");
    assert!(message.contains("қайта жинақтаңыз"), "{message}");
    assert!(!message.contains("parquet"), "{message}");
    assert!(out.join("history/2026-03/units.parquet").is_file());
}

/// Writes `text` into one cell of a sheet of an xlsx, as a person editing
/// the workbook in Excel would (an inline string replaces the cell).
pub fn edit_cell(xlsx: &Path, sheet_index: usize, cell: &str, text: &str) {
    let target = format!("xl/worksheets/sheet{sheet_index}.xml");
    let bytes = with_part(xlsx, &target, |xml| {
        let start = xml
            .find(&format!("<c r=\"{cell}\""))
            .unwrap_or_else(|| panic!("no cell {cell}"));
        let rest = &xml[start..];
        let open_end = rest.find('>').unwrap();
        let end = if rest[..open_end].ends_with('/') {
            open_end + 1
        } else {
            rest.find("</c>").unwrap() + 4
        };
        let replacement = format!("<c r=\"{cell}\" t=\"inlineStr\"><is><t>{text}</t></is></c>");
        format!("{}{}{}", &xml[..start], replacement, &rest[end..])
    });
    std::fs::write(xlsx, bytes).unwrap();
}

#[test]
fn a_waived_issue_stays_waived_with_its_comment() {
    use jinaq::column;
    let dir = scratch("history-followup");
    let out = dir.join("out");
    // the second organisation's categories do not add up to its total
    let mut broken = BASE;
    broken[1] = [1.0, 0.0, 1.0, 0.0, 1.0];
    alga_report(&dir.join("feb"), "2026-02", &broken);
    // make the total of row 5 disagree: rewrite the report with a wrong total
    edit_cell(&dir.join("feb/Алға_2026-02.xlsx"), 1, "E5", "4");
    let (_, feb) = consolidate(&dir.join("feb"), &out, "2026-02");
    let sum = of_rule(&feb, "row.categories_sum");
    assert_eq!(sum.len(), 1, "{feb}");
    // the specialist waives it in February's workbook, with a comment
    let book = out.join("2026-02/discrepancies-2026-02.xlsx");
    let row = feb["issues"]
        .as_array()
        .unwrap()
        .iter()
        .position(|i| i["rule"] == "row.categories_sum")
        .unwrap() as u32
        + 2;
    let letter = |id: &str| {
        let c = column(id).unwrap() as u8;
        ((b'A' + c) as char).to_string()
    };
    edit_cell(
        &book,
        2,
        &format!("{}{row}", letter("status")),
        "Снято с контроля",
    );
    edit_cell(
        &book,
        2,
        &format!("{}{row}", letter("comment")),
        "Аудан түсініктеме берді",
    );
    // March: the same defect again
    alga_report(&dir.join("mar"), "2026-03", &broken);
    edit_cell(&dir.join("mar/Алға_2026-03.xlsx"), 1, "E5", "4");
    let (_, mar) = consolidate(&dir.join("mar"), &out, "2026-03");
    let again = of_rule(&mar, "row.categories_sum");
    assert_eq!(again.len(), 1);
    assert_eq!(again[0]["status"], "waived");
    assert_eq!(again[0]["comment"], "Аудан түсініктеме берді");
    let others: Vec<&Value> = mar["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["rule"] != "row.categories_sum")
        .collect();
    assert!(others.iter().all(|i| i["status"] == "new"), "{others:?}");
    let summary = read_json(&out.join("2026-03/summary-2026-03.json"));
    assert_eq!(summary["issues"]["waived"], 1);
    assert_eq!(summary["issues"]["explained"], 0);
}
