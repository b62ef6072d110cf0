//! `jinaq history import`: last year's region figures from a table in the
//! brief's shape (`tests/fixtures/history-import/`, made by openpyxl, xlwt
//! and LibreOffice with `make_history_import.py`), stored as their periods,
//! listed as imported, and set beside a month of the next year on the
//! consolidated workbook's first sheet.

use crate::common::*;
use calamine::{open_workbook_auto, Data, Reader};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/history-import").join(name)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// Runs `jinaq history import FILE --output OUT` with `more` flags: exit
/// code, stdout, stderr.
fn import(file: &Path, out: &Path, more: &[&str]) -> (i32, String, String) {
    let mut args = vec!["history", "import", path(file), "--output", path(out)];
    args.extend_from_slice(more);
    let o = jinaq(&args);
    (
        o.status.code().expect("an exit code"),
        String::from_utf8_lossy(&o.stdout).to_string(),
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

/// The lines of `jinaq history` for `out`, in English.
fn listed(out: &Path) -> Vec<String> {
    let (code, stdout) = jinaq_ok(&["history", "--output", path(out), "--lang", "en"]);
    assert_eq!(code, 0);
    stdout.lines().map(str::to_string).collect()
}

#[test]
fn the_seeds_table_from_every_writer_is_listed_as_imported() {
    for name in ["seed-kk.xlsx", "seed-ru.xls", "seed-kk.ods"] {
        let out = scratch(&format!("history-import-{name}"));
        let (code, stdout, stderr) = import(&fixture(name), &out, &["--lang", "en"]);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert!(stdout.contains("2024-12 (as of 01.01.2025"), "{stdout}");
        assert!(
            stdout.contains("members 33,557, trained 6,101 (18.1\u{a0}%)"),
            "{stdout}"
        );
        let lines = listed(&out);
        for (period, members, trained, share) in [
            ("2024-12", "33,468", "5,673", "16.9"),
            ("2025-12", "33,557", "6,101", "18.1"),
        ] {
            let line = lines
                .iter()
                .find(|l| l.starts_with(period))
                .unwrap_or_else(|| panic!("{name}: {period} not listed: {lines:?}"));
            for part in [members, trained, share, "imported:", name] {
                assert!(line.contains(part), "{name}: {part} not in {line}");
            }
        }
        // The columns' figures as stored: the categories of 01.01.2025.
        let (_, one) = jinaq_ok(&["history", "--output", path(&out), "--period", "2024-12"]);
        assert!(one.contains(name), "{one}");
    }
}

#[test]
fn period_picks_one_column_and_a_missing_one_is_told() {
    let out = scratch("history-import-period");
    let (code, _, stderr) = import(&fixture("seed-ru.xls"), &out, &["--period", "2025-12"]);
    assert_eq!(code, 0, "{stderr}");
    let stored: Vec<String> = std::fs::read_dir(out.join("history"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(stored, ["2025-12"]);
    let (code, _, stderr) = import(
        &fixture("seed-ru.xls"),
        &out,
        &["--period", "2023-12", "--lang", "en"],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no column for 2023-12") && stderr.contains("2024-12, 2025-12"),
        "{stderr}"
    );
}

/// The first sheet of a consolidated workbook, as calamine reads it.
fn first_sheet(book: &Path) -> calamine::Range<Data> {
    let mut wb = open_workbook_auto(book).unwrap();
    let name = wb.sheet_names()[0].clone();
    wb.worksheet_range(&name).unwrap()
}

fn row_with(r: &calamine::Range<Data>, text: &str) -> Vec<Data> {
    r.rows()
        .find(|row| row.iter().any(|c| c.to_string().starts_with(text)))
        .unwrap_or_else(|| panic!("no row «{text}»"))
        .to_vec()
}

#[test]
fn a_month_of_the_next_year_compares_with_the_imported_year() {
    let month = reference_month();
    let (inbox, registry) = (month.join("2026-03"), month.join("registry.xlsx"));
    // Without history, then with the seed's years imported: the same issues.
    let plain = scratch("history-import-plain");
    consolidate_ok(&inbox, &registry, "2026-03", &plain);
    let out = scratch("history-import-compared");
    let (code, _, stderr) = import(&fixture("one-column.xlsx"), &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    consolidate_ok(&inbox, &registry, "2026-03", &out);
    let issues = |dir: &Path| {
        let log = read_json(&dir.join("2026-03/discrepancies-2026-03.json"));
        let mut rules: Vec<String> = log["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| format!("{} {}", i["rule"], i["message"]))
            .collect();
        rules.sort();
        rules
    };
    assert_eq!(issues(&out), issues(&plain), "no issue comes of the import");
    let summary = |dir: &Path| read_json(&dir.join("2026-03/summary-2026-03.json"));
    assert_eq!(summary(&out)["region"], summary(&plain)["region"]);

    let sheet = first_sheet(&out.join("2026-03/consolidated-2026-03.xlsx"));
    let header = row_with(&sheet, "№");
    let prev = header
        .iter()
        .position(|c| *c == "01.01.2026")
        .expect("the imported year's column");
    let members = row_with(&sheet, "Кәсіподақ мүшелерінің жалпы саны");
    assert_eq!(members[prev], Data::Float(33_557.0));
    let share = row_with(&sheet, "Оқытудан өткендердің");
    assert_eq!(share[prev], Data::Float(0.181));
    let notes: Vec<String> = sheet
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("one-column.xlsx") && n.contains("«Кесте»")),
        "the note names where the figures were read"
    );
    // The other sheets are written whole: the trends sheet has the
    // imported year-end as a month of its own.
    let mut wb = open_workbook_auto(out.join("2026-03/consolidated-2026-03.xlsx")).unwrap();
    let trends = wb.worksheet_range("Айлар бойынша серпін").unwrap();
    assert!(trends.rows().any(|r| r.iter().any(|c| *c == "01.01.2026")));
}

#[test]
fn a_consolidated_period_is_replaced_only_when_asked() {
    let month = reference_month();
    let out = scratch("history-import-replace");
    consolidate_ok(
        &month.join("2026-03"),
        &month.join("registry.xlsx"),
        "2026-03",
        &out,
    );
    let marker = out.join("history/2026-03/imported.json");
    let orgs = out.join("history/2026-03/orgs.parquet");
    let (code, stdout, stderr) = import(&fixture("as-of-april.xlsx"), &out, &["--lang", "en"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("period 2026-03 was consolidated") && stderr.contains("--replace"),
        "{stderr}"
    );
    assert!(
        !marker.exists() && orgs.exists(),
        "the consolidated period is kept"
    );
    let (code, stdout, stderr) = import(
        &fixture("as-of-april.xlsx"),
        &out,
        &["--replace", "--lang", "en"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("over the period consolidated"), "{stdout}");
    assert!(marker.exists() && !orgs.exists());
    // An imported period is imported over freely; a consolidation replaces it.
    let (code, stdout, _) = import(&fixture("as-of-april.xlsx"), &out, &["--lang", "en"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("over the earlier import"), "{stdout}");
    consolidate_ok(
        &month.join("2026-03"),
        &month.join("registry.xlsx"),
        "2026-03",
        &out,
    );
    assert!(!marker.exists() && orgs.exists());
}

#[test]
fn a_file_without_the_table_is_refused_naming_it() {
    let out = scratch("history-import-refused");
    for (name, says) in [
        ("unrelated.xlsx", "no sheet of"),
        ("damaged.xlsx", "does not open as a spreadsheet"),
        ("missing-category.xlsx", "conciliation"),
        ("share-off.xlsx", "cell D13"),
    ] {
        let (code, _, stderr) = import(&fixture(name), &out, &["--lang", "en"]);
        assert_eq!(code, 2, "{name}");
        assert!(
            stderr.contains(name) && stderr.contains(says),
            "{name}: {stderr}"
        );
        assert!(
            !out.join("history").exists() || listed(&out).len() <= 2,
            "{name}: nothing stored"
        );
    }
    let (code, _, stderr) = import(&fixture("no-such-file.xlsx"), &out, &["--lang", "ru"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no-such-file.xlsx"), "{stderr}");
}
