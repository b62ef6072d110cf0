//! Helpers shared by the integration tests.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The reference month made by real office software (`tests/fixtures/reference-month`):
/// its inbox `2026-03/`, `registry.xlsx` and `expected-2026-03.json`.
pub fn reference_month() -> PathBuf {
    root().join("tests/fixtures/reference-month")
}

/// A fresh scratch folder under the target directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

pub fn jinaq(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jinaq"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("jinaq runs")
}

pub fn jinaq_ok(args: &[&str]) -> (i32, String) {
    let out = jinaq(args);
    let code = out.status.code().expect("exit code, not a signal");
    assert!(
        code == 0 || code == 1,
        "jinaq {args:?} exited {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (code, String::from_utf8_lossy(&out.stdout).to_string())
}

/// The command line of a quiet `consolidate` run of `period` on `inbox`,
/// checked against `registry`, writing under `out`.
pub fn consolidate_args(inbox: &Path, registry: &Path, period: &str, out: &Path) -> Vec<String> {
    let path = |p: &Path| p.to_str().expect("a UTF-8 path").to_string();
    vec![
        "consolidate".into(),
        "--input".into(),
        path(inbox),
        "--registry".into(),
        path(registry),
        "--period".into(),
        period.into(),
        "--output".into(),
        path(out),
        "-q".into(),
    ]
}

/// Runs [`consolidate_args`], whatever its exit.
pub fn consolidate_run(inbox: &Path, registry: &Path, period: &str, out: &Path) -> Output {
    let args = consolidate_args(inbox, registry, period, out);
    jinaq(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Runs [`consolidate_args`]: its exit code (0 or 1, asserted) and output.
pub fn consolidate_ok(inbox: &Path, registry: &Path, period: &str, out: &Path) -> (i32, String) {
    let args = consolidate_args(inbox, registry, period, out);
    jinaq_ok(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Whether two JSON numbers agree within a relative tolerance.
pub fn close(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-3 * x.abs().max(1.0),
        _ => a == b,
    }
}

/// Where a run's `summary-<period>.json` differs from a reference's
/// figures: the region and every unit the reference lists.
pub fn figure_differences(expected: &Value, summary: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    diff_json(
        &expected["region"],
        &summary["region"],
        "region",
        &[],
        &mut diffs,
    );
    let units = summary["units"].as_array().expect("units");
    for u in expected["units"].as_array().expect("reference units") {
        let id = u["unit"].as_str().expect("unit id");
        match units.iter().find(|g| g["unit"] == id) {
            Some(g) => diff_json(u, g, id, &[], &mut diffs),
            None => diffs.push(format!("{id}: missing")),
        }
    }
    diffs
}

/// Compares every key of `expected` with `got`, recursively; returns the
/// differences as lines.
pub fn diff_json(expected: &Value, got: &Value, path: &str, skip: &[&str], out: &mut Vec<String>) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (k, v) in e {
                if skip.contains(&k.as_str()) {
                    continue;
                }
                match g.get(k) {
                    Some(gv) => diff_json(v, gv, &format!("{path}.{k}"), skip, out),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Number(_), Value::Number(_)) => {
            let (x, y) = (expected.as_f64().unwrap(), got.as_f64().unwrap());
            if (x - y).abs() > 1e-9 * x.abs().max(1.0) {
                out.push(format!("{path}: expected {x}, got {y}"));
            }
        }
        (e, g) if e != g => out.push(format!("{path}: expected {e}, got {g}")),
        _ => {}
    }
}

/// A one-sheet xlsx (sheet `Есеп`) around the given worksheet XML, its parts
/// stored unpacked: for content no spreadsheet writer would produce.
pub fn xlsx_of_sheet_xml(sheet: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Есеп" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    for (name, text) in parts {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Worksheet XML of rows of inline-string cells (text written as XML: escape
/// it first), from row 1 and column A.
pub fn sheet_xml(rows: &[Vec<String>]) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, cells) in rows.iter().enumerate() {
        let r = r + 1;
        s.push_str(&format!(r#"<row r="{r}">"#));
        for (c, v) in cells.iter().enumerate() {
            let col = (b'A' + c as u8) as char;
            if v.parse::<f64>().is_ok() {
                s.push_str(&format!(r#"<c r="{col}{r}"><v>{v}</v></c>"#));
            } else if !v.is_empty() {
                s.push_str(&format!(
                    r#"<c r="{col}{r}" t="inlineStr"><is><t>{v}</t></is></c>"#
                ));
            }
        }
        s.push_str("</row>");
    }
    s.push_str("</sheetData></worksheet>");
    s
}

/// A cell's 0-based column and its row text (`C37` -> (2, "37")).
fn column_row(cell: &str) -> Option<(u32, &str)> {
    let letters = cell.chars().take_while(char::is_ascii_uppercase).count();
    let col = cell[..letters]
        .chars()
        .fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1));
    (letters > 0).then(|| (col - 1, &cell[letters..]))
}

/// Whether a reported place is the expected cell or a range (`C37:J37`,
/// one finding on adjacent cells of a row) that holds it.
pub fn holds(place: &Value, cell: &Value) -> bool {
    if place == cell {
        return true;
    }
    let (Some(range), Some(cell)) = (place.as_str(), cell.as_str()) else {
        return false;
    };
    let Some((first, last)) = range.split_once(':') else {
        return false;
    };
    match (column_row(first), column_row(last), column_row(cell)) {
        (Some((a, r1)), Some((b, r2)), Some((c, r))) => r1 == r && r2 == r && a <= c && c <= b,
        _ => false,
    }
}

/// A folder where the program runs with file permissions in force: under
/// the system's temporary folder, which every user can enter wherever the
/// repository was cloned, holding a copy of the program. As root, where
/// permissions do not stop reads or writes, the program runs as the
/// unprivileged user `nobody`; any other user runs it as themselves.
#[cfg(unix)]
pub struct Unprivileged {
    pub dir: PathBuf,
    program: PathBuf,
}

#[cfg(unix)]
impl Unprivileged {
    const NOBODY: u32 = 65534;

    pub fn new(name: &str) -> Unprivileged {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("jinaq-it-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a folder under the temporary folder");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let program = dir.join("jinaq");
        std::fs::copy(env!("CARGO_BIN_EXE_jinaq"), &program).expect("the program copied");
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
        Unprivileged { dir, program }
    }

    /// Whether the program runs as another user than the test.
    pub fn as_nobody() -> bool {
        // SAFETY: geteuid has no preconditions.
        unsafe { libc::geteuid() == 0 }
    }

    /// The program, run in this folder; the folders it must write in
    /// (`writable`, not their contents) are given to the user it runs as.
    pub fn command(&self, writable: &[&Path]) -> Command {
        use std::os::unix::process::CommandExt;
        let mut cmd = Command::new(&self.program);
        cmd.current_dir(&self.dir);
        if Self::as_nobody() {
            for dir in writable {
                std::os::unix::fs::chown(dir, Some(Self::NOBODY), Some(Self::NOBODY))
                    .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            }
            cmd.uid(Self::NOBODY).gid(Self::NOBODY);
        }
        cmd
    }
}

#[cfg(unix)]
impl Drop for Unprivileged {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The parts of a zip (xlsx, docx) by name, each XML part as text (other
/// parts empty).
pub fn zip_parts(bytes: &[u8]) -> Vec<(String, String)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut text = String::new();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            part.read_to_string(&mut text).unwrap();
        }
        parts.push((name, text));
    }
    parts
}

/// One part of a zip file, as text.
pub fn zip_part(path: &Path, part: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut text = String::new();
    zip.by_name(part)
        .unwrap_or_else(|e| panic!("{part}: {e}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// `path`'s bytes with one part of the zip edited, as a program saving the
/// file again would write it: every other part as it was, each with its own
/// compression (an ods's stored `mimetype` stays first and stored).
pub fn with_part(path: &Path, part: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut found = false;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name == part {
            bytes = edit(std::str::from_utf8(&bytes).unwrap()).into_bytes();
            found = true;
        }
        let options = SimpleFileOptions::default().compression_method(f.compression());
        out.start_file(name, options).unwrap();
        out.write_all(&bytes).unwrap();
    }
    assert!(found, "{part} in {}", path.display());
    out.finish().unwrap().into_inner()
}

/// A workbook of values only, marked so: no formula in any sheet, and no
/// recalculation asked of Excel on opening (which would ask "Save changes?"
/// of a file nobody changed). Returns its `<calcPr` element.
pub fn assert_values_only(name: &str, parts: &[(String, String)]) -> String {
    for (part, xml) in parts
        .iter()
        .filter(|(n, _)| n.starts_with("xl/worksheets/sheet"))
    {
        assert!(
            !xml.contains("<f>") && !xml.contains("<f "),
            "{name}: {part} holds a formula"
        );
    }
    let (_, workbook) = parts
        .iter()
        .find(|(n, _)| n == "xl/workbook.xml")
        .unwrap_or_else(|| panic!("{name}: xl/workbook.xml"));
    let calc = &workbook[workbook.find("<calcPr").expect("calcPr")..];
    let calc = &calc[..calc.find("/>").unwrap()];
    assert!(!calc.contains("fullCalcOnLoad"), "{name}: {calc}");
    calc.to_string()
}
