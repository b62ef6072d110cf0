//! Workbooks as they are saved (`tests/fixtures/saved-as/`, written by
//! openpyxl, xlwt, LibreOffice and msoffcrypto-tool, and public files of
//! spreadsheet-library test suites; see its README and SOURCES.md): chart,
//! macro and dialog sheets passed over and the worksheets read; protected
//! workbooks read; encrypted files told as encrypted in every format, never
//! as over a size limit or damaged.

use crate::common::*;
use serde_json::Value;
use std::path::PathBuf;

fn saved_as() -> PathBuf {
    root().join("tests/fixtures/saved-as")
}

/// `check` of one file in English against the fixtures' registry: exit code
/// and everything printed.
fn check(file: &str) -> (i32, String) {
    let path = saved_as().join(file);
    let registry = root().join("tests/fixtures/registry.xlsx");
    let out = jinaq(&[
        "check",
        path.to_str().unwrap(),
        "--registry",
        registry.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    let code = out.status.code().expect("exit code, not a signal");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(code == 0 || code == 1, "{file}: exit {code}\n{text}");
    (code, text)
}

fn files_expecting(kinds: &[&str]) -> Vec<(String, Value)> {
    let expected = read_json(&saved_as().join("expected.json"));
    let files: Vec<(String, Value)> = expected
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| kinds.contains(&v["expect"].as_str().unwrap_or_default()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert!(!files.is_empty(), "no fixture expects {kinds:?}");
    files
}

/// What a reader says when it cannot read a file, in English.
const UNREAD: [&str; 3] = ["The file cannot be read", "damaged", "size limit"];

#[test]
fn sheets_that_are_not_worksheets_and_protection_leave_the_report_read() {
    for (file, f) in files_expecting(&["report"]) {
        let (code, text) = check(&file);
        let g = &f["figures"];
        let coverage = format!(
            "{} organisations, {} members, {} trained",
            g["orgs"], g["members"], g["trained"]["total"]
        );
        let events = format!("{} events, {} participants", g["events"], g["participants"]);
        assert_eq!(code, 0, "{file}\n{text}");
        assert!(text.contains(&coverage), "{file}: {coverage}\n{text}");
        assert!(text.contains(&events), "{file}: {events}\n{text}");
        let no_error = text.contains("No errors") || text.contains("Errors: 0,");
        assert!(no_error, "{file}\n{text}");
    }
}

#[test]
fn public_workbooks_with_chart_macro_and_dialog_sheets_are_read() {
    for (file, _) in files_expecting(&["not_report"]) {
        if !file.starts_with("public/") {
            continue;
        }
        let (_, text) = check(&file);
        for word in UNREAD {
            assert!(!text.contains(word), "{file}: {word}\n{text}");
        }
    }
}

#[test]
fn encrypted_files_are_told_encrypted_in_every_format() {
    for (file, _) in files_expecting(&["encrypted", "default_key", "default_key_public"]) {
        let (code, text) = check(&file);
        assert_eq!(code, 1, "{file}\n{text}");
        assert!(text.contains("password-protected"), "{file}\n{text}");
        // a file Excel opens by itself is told how to save it unprotected
        assert!(
            text.contains("If Excel opens it without asking for a password"),
            "{file}\n{text}"
        );
        for word in UNREAD {
            assert!(!text.contains(word), "{file}: {word}\n{text}");
        }
    }
}
