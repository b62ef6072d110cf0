//! Broken and hostile inputs: whatever lands in the inbox, jinaq keeps
//! working, reports the file, loses nothing and writes nothing half-done.
//!
//! Each test puts one class of bad input into a fresh inbox (made here, or
//! from `tests/fixtures/hostile/`, whose `make_hostile.py` says how each file
//! was crafted), runs the real binary, and checks that it ended normally, that
//! the file is reported with the expected rule (and, where a limit refused it,
//! the limit's name), that the run's counts add up, and that its peak memory
//! stayed bounded.

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A run's outcome: exit status, summary, issues, peak resident memory.
struct Run {
    code: i32,
    stderr: String,
    summary: Value,
    issues: Vec<Value>,
    peak_mb: i64,
}

/// No input may take the process past this (resident memory).
const MEMORY_CEILING_MB: i64 = 1024;
/// What the files built to exhaust memory may cost at most.
const LEAN_MB: i64 = 200;

fn hostile(name: &str) -> PathBuf {
    root().join("tests/fixtures/hostile").join(name)
}

fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// A copy of the shipped pipeline with some limits lowered.
fn tight_pipeline(dir: &Path, changes: &[(&str, &str)]) -> PathBuf {
    let mut text = std::fs::read_to_string(root().join("pipelines/aktobe-training.toml")).unwrap();
    for (from, to) in changes {
        assert!(text.contains(from), "{from} not in the pipeline");
        text = text.replace(from, to);
    }
    let p = dir.join("tight.toml");
    std::fs::write(&p, text).unwrap();
    p
}

/// Runs `consolidate` on `inbox`, in English, measuring the child's peak
/// memory.
fn consolidate(dir: &Path, inbox: &Path, pipeline: Option<&Path>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jinaq"));
    cmd.current_dir(root());
    consolidate_as(dir, inbox, pipeline, &fixture("registry.xlsx"), cmd)
}

/// [`consolidate`] with the registry and the command given (an
/// unprivileged one, see [`Unprivileged`]).
fn consolidate_as(
    dir: &Path,
    inbox: &Path,
    pipeline: Option<&Path>,
    registry: &Path,
    mut cmd: Command,
) -> Run {
    let out = dir.join("out");
    let mut args: Vec<String> = vec![
        "consolidate".into(),
        "--input".into(),
        inbox.display().to_string(),
        "--registry".into(),
        registry.display().to_string(),
        "--period".into(),
        "2026-03".into(),
        "--output".into(),
        out.display().to_string(),
        "--lang".into(),
        "en".into(),
        "-q".into(),
        // The readers' own words after each reason, which the tests name.
        "-v".into(),
    ];
    if let Some(p) = pipeline {
        args.extend(["--pipeline".into(), p.display().to_string()]);
    }
    let stderr_path = dir.join("stderr.txt");
    let mut child = cmd
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&stderr_path).unwrap())
        .spawn()
        .expect("jinaq starts");
    let (status, peak_kb) = wait_measured(&mut child);
    let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    let code = status
        .code()
        .unwrap_or_else(|| panic!("jinaq did not exit normally ({status}): {stderr}"));
    let (summary, issues) = if code == 2 {
        (Value::Null, Vec::new())
    } else {
        let log = read_json(&out.join("2026-03/discrepancies-2026-03.json"));
        (
            read_json(&out.join("2026-03/summary-2026-03.json")),
            log["issues"].as_array().unwrap().clone(),
        )
    };
    Run {
        code,
        stderr,
        summary,
        issues,
        peak_mb: peak_kb / 1024,
    }
}

/// Waits for the child, sampling its peak resident memory (`VmHWM`, which
/// only grows) until it exits. The child's own rusage would not do: it counts
/// the test process's memory at the moment of the fork.
fn wait_measured(child: &mut std::process::Child) -> (std::process::ExitStatus, i64) {
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status, peak);
        }
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            if let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<i64>().ok())
            {
                peak = peak.max(kb);
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

impl Run {
    /// The inbox's one file was read (not refused), and the counts add up.
    fn read_alone(&self, name: &str) {
        self.adds_up(&[name]);
        assert_eq!(self.summary["files"]["read"], 1, "{:#?}", self.of(name));
    }

    /// A hostile file costs no more than an ordinary run.
    fn lean(&self, what: &str) {
        assert!(
            self.peak_mb < LEAN_MB,
            "{what}: peak memory {} MB",
            self.peak_mb
        );
    }

    /// The file-level issue of `file`, asserting its rule.
    fn reported(&self, file: &str, rule: &str) -> &Value {
        assert_ne!(self.code, 2, "the run stopped: {}", self.stderr);
        assert!(
            self.peak_mb < MEMORY_CEILING_MB,
            "peak memory {} MB",
            self.peak_mb
        );
        self.issues
            .iter()
            .find(|i| i["file"] == file && i["rule"] == rule)
            .unwrap_or_else(|| {
                panic!(
                    "{file}: no {rule} issue; issues of it: {:#?}",
                    self.of(file)
                )
            })
    }

    fn of(&self, file: &str) -> Vec<&Value> {
        self.issues.iter().filter(|i| i["file"] == file).collect()
    }

    /// Files found = read + skipped, every skipped file has a `file.*`
    /// issue, rows read = accepted + rejected.
    fn adds_up(&self, names: &[&str]) {
        let f = &self.summary["files"];
        let (found, read, skipped) = (
            f["found"].as_u64().unwrap(),
            f["read"].as_u64().unwrap(),
            f["skipped"].as_u64().unwrap(),
        );
        assert_eq!(found, read + skipped, "{f}");
        assert_eq!(found as usize, names.len(), "{f}");
        let read_files: Vec<&str> = self.summary["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|u| u["file"].as_str())
            .collect();
        assert_eq!(read_files.len() as u64, read, "{read_files:?}");
        for name in names {
            if !read_files.contains(name) {
                assert!(
                    self.of(name)
                        .iter()
                        .any(|i| i["rule"].as_str().unwrap().starts_with("file.")),
                    "{name} was skipped without a file.* issue: {:#?}",
                    self.of(name)
                );
            }
        }
        let r = &self.summary["rows"];
        assert_eq!(
            r["read"].as_u64().unwrap(),
            r["accepted"].as_u64().unwrap() + r["rejected"].as_u64().unwrap(),
            "{r}"
        );
    }
}

/// An inbox holding the given files (name, bytes).
fn inbox(test: &str, files: &[(&str, Vec<u8>)]) -> (PathBuf, PathBuf) {
    let dir = scratch(&format!("hostile-{test}"));
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    for (name, bytes) in files {
        std::fs::write(inbox.join(name), bytes).unwrap();
    }
    (dir, inbox)
}

fn bytes(p: PathBuf) -> Vec<u8> {
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A good report of Алға, made by LibreOffice.
fn good() -> Vec<u8> {
    bytes(fixture("formats/Алға_2026-03_lo.xlsx"))
}

/// One bad file alone in the inbox: reported with `rule`, message naming
/// `mentions` (in English), everything adding up.
fn one(test: &str, name: &str, content: Vec<u8>, rule: &str, mentions: &str) -> Run {
    let (dir, inbox) = inbox(test, &[(name, content)]);
    let run = consolidate(&dir, &inbox, None);
    let issue = run.reported(name, rule);
    assert!(
        issue["message"].as_str().unwrap().contains(mentions),
        "{name}: message does not mention {mentions:?}: {}",
        issue["message"]
    );
    run.adds_up(&[name]);
    run
}

/// [`one`] for a kept hostile file, handed in as Алға's report.
fn one_kept(test: &str, fixture: &str, rule: &str, mentions: &str) -> Run {
    let ext = Path::new(fixture)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("xlsx");
    one(
        test,
        &format!("Алға 2026-03.{ext}"),
        bytes(hostile(fixture)),
        rule,
        mentions,
    )
}

#[test]
fn damaged_zip() {
    let mut b = good();
    let n = b.len();
    // the central directory and the end record overwritten
    for x in &mut b[n - 200..] {
        *x = 0x5A;
    }
    one(
        "damaged-zip",
        "Алға 2026-03.xlsx",
        b,
        "file.unreadable",
        "damaged",
    );
}

#[test]
fn damaged_part_inside_a_zip() {
    let mut b = good();
    // bytes in the middle of the packed parts flipped: checksums fail
    let mid = b.len() / 3;
    for x in &mut b[mid..mid + 64] {
        *x ^= 0xFF;
    }
    one(
        "damaged-part",
        "Алға 2026-03.xlsx",
        b,
        "file.unreadable",
        "damaged",
    );
}

#[test]
fn truncated_file() {
    let mut b = good();
    b.truncate(b.len() / 2);
    one(
        "truncated",
        "Алға 2026-03.xlsx",
        b,
        "file.unreadable",
        "damaged",
    );
    let mut b = bytes(fixture("formats/Алға_2026-03_xlwt.xls"));
    b.truncate(3000);
    one(
        "truncated-xls",
        "Алға 2026-03.xls",
        b,
        "file.unreadable",
        "damaged",
    );
}

#[test]
fn wrong_extension_is_read_by_content() {
    // an xlsx named .xls, an xls named .xlsx: both read as what they are
    let (dir, inbox) = inbox(
        "wrong-extension",
        &[
            ("Алға 2026-03.xls", good()),
            (
                "Ойыл 2026-03.xlsx",
                bytes(fixture("values/Ойыл ауданы наурыз 2026.xls")),
            ),
            ("Темір 2026-03.xlsx", b"name;members\nschool;5\n".to_vec()),
        ],
    );
    let run = consolidate(&dir, &inbox, None);
    run.adds_up(&[
        "Алға 2026-03.xls",
        "Ойыл 2026-03.xlsx",
        "Темір 2026-03.xlsx",
    ]);
    assert_eq!(run.summary["files"]["read"], 2, "{}", run.summary["files"]);
    let csv = run.reported("Темір 2026-03.xlsx", "file.unreadable");
    assert!(csv["message"]
        .as_str()
        .unwrap()
        .contains("not a spreadsheet"));
}

#[test]
fn encrypted() {
    // an OLE container holding the streams of an encrypted OOXML package
    let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    b.resize(1024, 0);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        b.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
        b.extend([0u8; 32]);
    }
    one(
        "encrypted",
        "Алға 2026-03.xlsx",
        b,
        "file.encrypted",
        "password",
    );
}

#[test]
fn empty_file_and_empty_archive() {
    one(
        "empty",
        "Алға 2026-03.xlsx",
        Vec::new(),
        "file.empty",
        "No sheet",
    );
    // a valid zip with no parts at all
    let empty_zip = vec![
        0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
    one(
        "empty-zip",
        "Алға 2026-03.xlsx",
        empty_zip,
        "file.unreadable",
        "not a spreadsheet",
    );
}

#[test]
fn zip_bomb() {
    let run = one_kept(
        "zip-bomb",
        "zip-bomb.xlsx",
        "file.unreadable",
        "limits.max_compression_ratio",
    );
    run.lean("zip-bomb");
}

#[test]
fn too_many_parts_and_too_many_texts() {
    let dir = scratch("hostile-tight-limits");
    let pipeline = tight_pipeline(
        &dir,
        &[
            ("max_zip_entries = 10_000", "max_zip_entries = 100"),
            (
                "max_shared_strings = 1_000_000",
                "max_shared_strings = 1_000",
            ),
        ],
    );
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    for (name, src) in [
        ("Алға 2026-03.xlsx", "many-parts.xlsx"),
        ("Ойыл 2026-03.xlsx", "shared-strings-held.xlsx"),
    ] {
        std::fs::copy(hostile(src), inbox.join(name)).unwrap();
    }
    let run = consolidate(&dir, &inbox, Some(&pipeline));
    let parts = run.reported("Алға 2026-03.xlsx", "file.unreadable");
    assert!(parts["message"]
        .as_str()
        .unwrap()
        .contains("limits.max_zip_entries"));
    let texts = run.reported("Ойыл 2026-03.xlsx", "file.unreadable");
    assert!(texts["message"]
        .as_str()
        .unwrap()
        .contains("limits.max_shared_strings"));
    run.adds_up(&["Алға 2026-03.xlsx", "Ойыл 2026-03.xlsx"]);
}

#[test]
fn shared_strings_declaring_four_billion_texts() {
    one_kept(
        "sst-declared",
        "shared-strings-declared.xlsx",
        "file.unreadable",
        "limits.max_shared_strings",
    );
}

#[test]
fn a_dimension_claiming_the_whole_sheet_costs_nothing() {
    let (dir, inbox) = inbox(
        "huge-dimension",
        &[("Алға 2026-03.xlsx", bytes(hostile("huge-dimension.xlsx")))],
    );
    let run = consolidate(&dir, &inbox, None);
    run.adds_up(&["Алға 2026-03.xlsx"]);
    assert_eq!(run.summary["files"]["read"], 1);
    assert_eq!(run.summary["rows"]["read"], 2, "{}", run.summary["rows"]);
    run.lean("huge-dimension");
}

#[test]
fn xls_claiming_huge_sheets() {
    for (test, src, mentions) in [
        (
            "xls-dimension",
            "xls-huge-dimension.xls",
            "limits.max_sheet_cells",
        ),
        ("xls-far-cell", "xls-far-cell.xls", "limits.max_sheet_cells"),
        ("xls-loop", "xls-sector-loop.xls", "loops"),
    ] {
        let run = one(
            test,
            "Алға 2026-03.xls",
            bytes(hostile(src)),
            "file.unreadable",
            mentions,
        );
        run.lean(src);
    }
}

#[test]
fn ods_of_repeated_cells() {
    let run = one_kept(
        "ods-repeated",
        "repeated-cells.ods",
        "file.unreadable",
        "limits.max_sheet_cells",
    );
    run.lean("ods-repeated");
}

#[test]
fn malformed_xml() {
    one_kept(
        "malformed-xml",
        "malformed-xml.xlsx",
        "file.unreadable",
        "damaged",
    );
}

#[test]
fn entities_are_never_expanded() {
    // the reader knows only XML's own five entities: `&lol9;` is an error
    let run = one_kept(
        "billion-laughs",
        "billion-laughs.xlsx",
        "file.unreadable",
        "unrecognized entity",
    );
    run.lean("billion-laughs");
}

#[test]
fn deeply_nested_xml() {
    let (dir, inbox) = inbox(
        "deep-nesting",
        &[("Алға 2026-03.xlsx", bytes(hostile("deep-nesting.xlsx")))],
    );
    let run = consolidate(&dir, &inbox, None);
    run.adds_up(&["Алға 2026-03.xlsx"]);
    run.lean("deep-nesting");
}

#[test]
fn binary_garbage() {
    // deterministic noise, with and without a zip or OLE signature in front
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..65_536)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    one(
        "garbage",
        "Алға 2026-03.xlsx",
        noise.clone(),
        "file.unreadable",
        "not a spreadsheet",
    );
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend(&noise);
    one(
        "garbage-zip",
        "Алға 2026-03.xlsx",
        zip,
        "file.unreadable",
        "",
    );
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(&noise);
    one(
        "garbage-ole",
        "Алға 2026-03.xls",
        ole,
        "file.unreadable",
        "",
    );
}

#[test]
fn a_folder_named_like_a_workbook() {
    let (dir, inbox) = inbox("folder", &[]);
    std::fs::create_dir_all(inbox.join("Алға 2026-03.xlsx/inside")).unwrap();
    let run = consolidate(&dir, &inbox, None);
    let i = run.reported("Алға 2026-03.xlsx", "file.unreadable");
    assert!(i["message"].as_str().unwrap().contains("a folder"));
    run.adds_up(&["Алға 2026-03.xlsx"]);
}

#[cfg(unix)]
#[test]
fn unreadable_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let place = Unprivileged::new("unreadable");
    let dir = place.dir.clone();
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let registry = dir.join("registry.xlsx");
    std::fs::copy(fixture("registry.xlsx"), &registry).unwrap();
    std::fs::write(inbox.join("Мәртөк 2026-03.xlsx"), good()).unwrap();
    let f = inbox.join("Алға 2026-03.xlsx");
    std::fs::write(&f, good()).unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    let cmd = place.command(&[&dir]);
    let run = consolidate_as(&dir, &inbox, None, &registry, cmd);
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
    let i = run.reported("Алға 2026-03.xlsx", "file.unreadable");
    assert!(i["message"].as_str().unwrap().contains("cannot be opened"));
    // The readable copy beside it is read: only the one file is lost.
    assert_eq!(run.summary["files"]["read"], 1, "{}", run.summary);
    run.adds_up(&["Алға 2026-03.xlsx", "Мәртөк 2026-03.xlsx"]);
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_workbook() {
    let (dir, inbox) = inbox("fifo", &[]);
    let fifo = inbox.join("Алға 2026-03.xlsx");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    // Reading the pipe would block forever: the run must finish anyway.
    let run = consolidate(&dir, &inbox, None);
    let i = run.reported("Алға 2026-03.xlsx", "file.unreadable");
    assert!(i["message"]
        .as_str()
        .unwrap()
        .contains("not a regular file"));
    run.adds_up(&["Алға 2026-03.xlsx"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops() {
    let (dir, inbox) = inbox("symlinks", &[("Алға 2026-03.xlsx", good())]);
    let link = |target: &str, name: &str| {
        std::os::unix::fs::symlink(target, inbox.join(name)).unwrap();
    };
    link("Ойыл 2026-03.xlsx", "Темір 2026-03.xlsx");
    link("Темір 2026-03.xlsx", "Ойыл 2026-03.xlsx");
    link("no-such-file.xlsx", "Шалқар 2026-03.xlsx");
    // a folder that links back to the inbox: listed once, not forever
    link(".", "again");
    let run = consolidate(&dir, &inbox, None);
    for name in [
        "Темір 2026-03.xlsx",
        "Ойыл 2026-03.xlsx",
        "Шалқар 2026-03.xlsx",
    ] {
        let i = run.reported(name, "file.unreadable");
        assert!(i["message"].as_str().unwrap().contains("cannot be opened"));
    }
    run.adds_up(&[
        "Алға 2026-03.xlsx",
        "Ойыл 2026-03.xlsx",
        "Темір 2026-03.xlsx",
        "Шалқар 2026-03.xlsx",
    ]);
    assert_eq!(run.summary["files"]["read"], 1);
}

#[test]
fn duplicate_sheet_names() {
    let (dir, inbox) = inbox(
        "duplicate-sheets",
        &[("Алға 2026-03.xlsx", bytes(hostile("duplicate-sheets.xlsx")))],
    );
    let run = consolidate(&dir, &inbox, None);
    run.read_alone("Алға 2026-03.xlsx");
}

#[test]
fn merged_cells_over_the_header() {
    let (dir, inbox) = inbox(
        "merged-header",
        &[("Алға 2026-03.xlsx", bytes(hostile("merged-header.xlsx")))],
    );
    let run = consolidate(&dir, &inbox, None);
    run.adds_up(&["Алға 2026-03.xlsx"]);
    assert!(
        run.of("Алға 2026-03.xlsx")
            .iter()
            .any(|i| matches!(i["rule"].as_str(), Some("sheet.missing" | "column.missing"))),
        "{:#?}",
        run.of("Алға 2026-03.xlsx")
    );
}

#[test]
fn formulas_without_values() {
    let (dir, inbox) = inbox(
        "formulas",
        &[(
            "Алға 2026-03.xlsx",
            bytes(hostile("formulas-no-value.xlsx")),
        )],
    );
    let run = consolidate(&dir, &inbox, None);
    run.adds_up(&["Алға 2026-03.xlsx"]);
    let places: Vec<Value> = run
        .of("Алға 2026-03.xlsx")
        .iter()
        .filter(|i| i["rule"] == "formula.no_cached_value")
        .map(|i| i["cell"].clone())
        .collect();
    for want in ["D4", "C6", "D6"] {
        assert!(
            places.iter().any(|p| holds(p, &Value::from(want))),
            "{want} not reported: {places:?}"
        );
    }
}

#[test]
fn error_cells_everywhere() {
    let (dir, inbox) = inbox(
        "errors",
        &[
            ("Алға 2026-03.xlsx", bytes(hostile("error-cells.xlsx"))),
            ("Ойыл 2026-03.xlsx", bytes(hostile("error-spill.xlsx"))),
        ],
    );
    let run = consolidate(&dir, &inbox, None);
    run.adds_up(&["Алға 2026-03.xlsx", "Ойыл 2026-03.xlsx"]);
    let cells: Vec<&str> = run
        .of("Алға 2026-03.xlsx")
        .iter()
        .filter(|i| i["rule"] == "value.error_cell")
        .filter_map(|i| i["cell"].as_str())
        .collect();
    for want in ["C4", "D4", "C5", "D5"] {
        assert!(cells.contains(&want), "{want} not reported: {cells:?}");
    }
    // every organisation row was read, and rejected with an issue at its row
    assert_eq!(run.summary["rows"]["read"], 2);
    assert_eq!(run.summary["rows"]["rejected"], 2);
    assert!(!run.of("Ойыл 2026-03.xlsx").is_empty());
}

#[test]
fn a_million_empty_rows() {
    // rows 1..=1 048 576 each written as an empty element, a report on top
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D1048576"/><sheetData>"#,
    );
    let rows = [
        vec!["Алға ауданы 2026 наурыз"],
        vec![],
        vec![
            "№",
            "Бастауыш кәсіподақ ұйымының атауы",
            "Кәсіподақ мүшелерінің саны",
            "Кәсіподақтық оқытудан өткендер саны",
        ],
        vec!["1", "Мектеп", "60", "12"],
    ];
    for r in 1..=1_048_576u32 {
        match rows.get(r as usize - 1) {
            Some(cells) if !cells.is_empty() => {
                sheet.push_str(&format!(r#"<row r="{r}">"#));
                for (c, v) in cells.iter().enumerate() {
                    let col = (b'A' + c as u8) as char;
                    sheet.push_str(&format!(
                        r#"<c r="{col}{r}" t="inlineStr"><is><t>{v}</t></is></c>"#
                    ));
                }
                sheet.push_str("</row>");
            }
            _ => sheet.push_str(&format!(r#"<row r="{r}"/>"#)),
        }
    }
    sheet.push_str("</sheetData></worksheet>");
    let book = xlsx_of_sheet_xml(&sheet);
    let (dir, inbox) = inbox("million-rows", &[("Алға 2026-03.xlsx", book)]);
    let run = consolidate(&dir, &inbox, None);
    run.read_alone("Алға 2026-03.xlsx");
    assert_eq!(run.summary["rows"]["read"], 1);
    assert!(run.peak_mb < 300, "peak memory {} MB", run.peak_mb);
}

#[test]
fn a_200_megabyte_file_is_refused_unread() {
    let (dir, inbox) = inbox("200mb", &[]);
    let path = inbox.join("Алға 2026-03.xlsx");
    // sparse: no disk is used and nothing is read
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    drop(f);
    let start = std::time::Instant::now();
    let run = consolidate(&dir, &inbox, None);
    let i = run.reported("Алға 2026-03.xlsx", "file.unreadable");
    assert!(i["message"]
        .as_str()
        .unwrap()
        .contains("limits.max_file_bytes"));
    run.lean("200mb");
    assert!(start.elapsed().as_secs() < 20);
    run.adds_up(&["Алға 2026-03.xlsx"]);
}

#[test]
fn overlong_text_and_control_characters_in_a_report() {
    // a note of 40 000 characters (Excel holds 32 767) with control
    // characters, under an ordinary table
    let s = |v: &str| v.to_string();
    let note = format!("_x0001__x0007_{}", "Ж".repeat(40_000));
    let rows = vec![
        vec![s("Алға ауданы 2026 наурыз")],
        vec![],
        vec![
            s("№"),
            s("Бастауыш кәсіподақ ұйымының атауы"),
            s("Кәсіподақ мүшелерінің саны"),
            s("Кәсіподақтық оқытудан өткендер саны"),
        ],
        vec![s("1"), s("Мектеп_x0002_"), s("60"), s("12")],
        vec![],
        vec![note],
    ];
    let book = xlsx_of_sheet_xml(&sheet_xml(&rows));
    let (dir, inbox) = inbox("overlong", &[("Алға 2026-03.xlsx", book)]);
    let run = consolidate(&dir, &inbox, None);
    run.read_alone("Алға 2026-03.xlsx");
    assert_eq!(run.summary["rows"]["read"], 1);
}
