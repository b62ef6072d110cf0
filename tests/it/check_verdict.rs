//! `check` gives a verdict only on reports: files named like reports that
//! hold no report table are "not a report" with exit 1; a pipe is refused at
//! once; patterns are expanded by the program itself.

use crate::common::{jinaq, root, scratch};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn check(args: &[&str]) -> (i32, String, String) {
    let out = jinaq(&[&["check", "--lang", "kk"], args].concat());
    (
        out.status.code().expect("an exit code"),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn files_with_no_report_table_are_not_reports() {
    let dir = root().join("tests/fixtures/saved-as/not-reports");
    let mut seen = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        let (code, out, err) = check(&[path.to_str().unwrap()]);
        assert_eq!(code, 1, "{}: {out}{err}", path.display());
        let verdict = out.trim_end().lines().last().unwrap_or_default();
        assert!(
            verdict.starts_with('✗') && verdict.contains("есеп емес"),
            "{}: {verdict}",
            path.display()
        );
        assert!(!out.contains('✓'), "{out}");
        seen += 1;
    }
    assert!(seen >= 6, "{seen} files");
    // A real report beside them still has its own lines; the verdict counts the others.
    let report = root().join("tests/fixtures/formats/Алға_2026-03_openpyxl.xlsx");
    let letter = dir.join("Хромтау ауданы ілеспе хат.xlsx");
    let (code, out, _) = check(&[report.to_str().unwrap(), letter.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.trim_end().ends_with("жіберіңіз."), "{out}");
    assert!(out.contains(": 1."), "{out}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once() {
    let dir = scratch("check-pipe");
    let pipe = dir.join("x.xlsx");
    let made = Command::new("mkfifo").arg(&pipe).status().expect("mkfifo");
    assert!(made.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_jinaq"))
        .args(["check", "--lang", "ru", pipe.to_str().unwrap()])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("check on a named pipe did not end");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(1));
    let out = std::io::read_to_string(child.stdout.take().unwrap()).unwrap();
    assert!(out.contains("не обычный файл"), "{out}");
}

fn names(out: &str) -> Vec<String> {
    out.lines()
        .filter(|l| l.ends_with(".xlsx") && !l.starts_with(' '))
        .map(str::to_string)
        .collect()
}

#[test]
fn patterns_are_expanded_whatever_the_letter_case() {
    let dir = scratch("check-glob");
    let from = root().join("tests/fixtures/formats");
    for name in ["Алға_2026-03_lo.xlsx", "Алға_2026-03_openpyxl.xlsx"] {
        std::fs::copy(from.join(name), dir.join(name)).unwrap();
    }
    // An owner file beside an open workbook is no report and no pattern's match.
    std::fs::write(dir.join("~$Алға_2026-03_lo.xlsx"), b"owner").unwrap();
    std::fs::write(dir.join("notes.txt"), b"x").unwrap();
    let pattern = format!("{}/*.XLSX", dir.display());
    let (code, out, err) = check(&[&pattern]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        names(&out),
        vec!["Алға_2026-03_lo.xlsx", "Алға_2026-03_openpyxl.xlsx"],
        "{out}"
    );
    let none = format!("{}/*.ods", dir.display());
    let (code, _, err) = check(&[&none]);
    assert_eq!(code, 2);
    assert!(
        err.contains("файл табылмады") && err.contains("*.ods"),
        "{err}"
    );
    // A name that exists is taken as it is, even when it looks like a pattern.
    let odd = dir.join("[1] Алға.xlsx");
    std::fs::copy(from.join("Алға_2026-03_lo.xlsx"), &odd).unwrap();
    let (code, out, err) = check(&[odd.to_str().unwrap(), "--period", "2026-03"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(out.contains("[1] Алға.xlsx"), "{out}");
}
