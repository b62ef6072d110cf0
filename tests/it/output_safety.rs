//! Values from reports never become formulas or break an output file:
//! formula-like text, control characters and text past Excel's 32 767
//! characters in a report end up as plain text in the CSV, the JSON and both
//! workbooks (read back with calamine), and every sheet name is one Excel
//! accepts.

use crate::common::*;
use calamine::{open_workbook_auto, Data, Reader};
use serde_json::Value;
use std::path::Path;

const INJECTION: &str = r#"=HYPERLINK("http://x","y")"#;

/// Consolidates one Алға report whose first organisation is named `name`
/// (XML text; `_x0001_` is a control character).
fn run_with_org_name(test: &str, name_xml: &str) -> (i32, std::path::PathBuf, String) {
    let dir = scratch(test);
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let s = |v: &str| v.to_string();
    let rows = vec![
        vec![s("Алға ауданы 2026 наурыз")],
        vec![],
        vec![
            s("№"),
            s("Бастауыш кәсіподақ ұйымының атауы"),
            s("Кәсіподақ мүшелерінің саны"),
            s("Кәсіподақтық оқытудан өткендер саны"),
        ],
        vec![s("1"), name_xml.to_string(), s("50"), s("10")],
        vec![s("2"), s("+7 701 &lt;script&gt;"), s("-40"), s("@SUM(A1)")],
    ];
    std::fs::write(
        inbox.join("Алға ауданы 2026-03.xlsx"),
        xlsx_of_sheet_xml(&sheet_xml(&rows)),
    )
    .unwrap();
    let out = dir.join("out");
    let registry = root().join("tests/fixtures/registry.xlsx");
    let o = consolidate_run(&inbox, &registry, "2026-03", &out);
    (
        o.status.code().expect("an exit code, not a signal"),
        out.join("2026-03"),
        String::from_utf8_lossy(&o.stderr).to_string(),
    )
}

/// Every cell of every sheet of a workbook: no formula anywhere, no text
/// past 32 767 characters, sheet names valid. Returns all texts.
fn workbook_texts(path: &Path) -> Vec<String> {
    let mut wb = open_workbook_auto(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut texts = Vec::new();
    for name in wb.sheet_names() {
        assert!(name.chars().count() <= 31, "sheet name too long: {name}");
        assert!(
            !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "sheet name {name:?}"
        );
        let formulas = wb.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{}: formulas in sheet {name}",
            path.display()
        );
        let range = wb.worksheet_range(&name).unwrap();
        for (_, _, v) in range.used_cells() {
            if let Data::String(t) = v {
                assert!(
                    t.chars().count() <= 32_767,
                    "{}: a cell of {} characters",
                    path.display(),
                    t.chars().count()
                );
                texts.push(t.clone());
            }
        }
    }
    texts
}

fn check_outputs(dir: &Path) {
    let csv = std::fs::read_to_string(dir.join("discrepancies-2026-03.csv")).unwrap();
    assert!(
        !csv.chars()
            .any(|c| c.is_control() && !matches!(c, '\r' | '\n')),
        "control characters in the CSV"
    );
    for field in csv.split([',', '\n']) {
        let f = field.trim_start_matches('"');
        let number = f.trim_end_matches('"').parse::<f64>().is_ok();
        assert!(
            number || !f.starts_with(['=', '+', '-', '@']),
            "a CSV field Excel would run: {}",
            &f[..f.len().min(60)]
        );
    }
    assert!(csv.contains("'=HYPERLINK"), "the name is not in the CSV");
    let log: Value = read_json(&dir.join("discrepancies-2026-03.json"));
    assert!(
        log["issues"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["org"].as_str().is_some_and(|o| o.starts_with(INJECTION))),
        "the name is not in the JSON as written"
    );
    read_json(&dir.join("summary-2026-03.json"));
    let texts = workbook_texts(&dir.join("discrepancies-2026-03.xlsx"));
    assert!(
        texts.iter().any(|t| t.contains("HYPERLINK")),
        "the name is not in the discrepancy workbook"
    );
    workbook_texts(&dir.join("consolidated-2026-03.xlsx"));
}

#[test]
fn formula_text_and_control_characters_stay_text() {
    let name = format!(
        "{}_x0001__x0007__x001B_ ЖОББМ",
        INJECTION.replace('"', "&quot;")
    );
    let (code, dir, stderr) = run_with_org_name("safety-injection", &name);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    check_outputs(&dir);
}

/// A name longer than an Excel cell can hold: both workbooks hold it cut
/// at the cell's limit ([`jinaq::workbook::cell_text`]) instead of failing
/// the run on rust_xlsxwriter's 32 767-character limit.
#[test]
fn text_past_the_excel_cell_limit() {
    let name = format!(
        "{}_x0001_{}",
        INJECTION.replace('"', "&quot;"),
        "Ж".repeat(40_000)
    );
    let (code, dir, stderr) = run_with_org_name("safety-overlong", &name);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    check_outputs(&dir);
}
