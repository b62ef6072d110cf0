//! The specialist's record of the days reports were received.
//!
//! An optional `received.csv` or `received.xlsx` at the top of the inbox
//! ([`RECORD_FILES`]): a header row, then one row per report with the file
//! name or the unit, and the day it was received. Headers are told by their
//! words in Kazakh, Russian or English (`файл` / `file`; `аудан`, `район`,
//! `unit`; `күні`, `дата`, `date`); dates as `05.04.2026`, `2026-04-05`,
//! `05/04/2026` or a date cell. A CSV may be separated by `;`, `,` or tabs,
//! in UTF-8 (with or without a byte-order mark) or Windows-1251.
//!
//! Input: the inbox and the reports read. Output: each report named by a
//! row (by file, else every report of the unit) given
//! [`FileReport::recorded`]; a row that names nothing known is
//! `received.unmatched`, a date that cannot be read `value.bad_date`, a
//! table without the columns `received.no_columns`. A later row overrides
//! an earlier one.

use crate::ingest::grid::{Cell, Grid};
use crate::ingest::saved::{is_record, RECORD_FILES};
use crate::ingest::workbook;
use crate::issue::{Issue, Place, Rule};
use crate::normalize::text::key;
use crate::normalize::value::date;
use crate::pipeline::Pipeline;
use crate::tables::FileReport;
use std::path::Path;

/// Header rows looked for among the first rows.
const HEADER_ROWS: u32 = 10;

/// Words of each column's header, as keys are compared (any part of the
/// header).
const FILE_WORDS: &[&str] = &["файл", "file"];
const UNIT_WORDS: &[&str] = &["аудан", "район", "қала", "город", "unit", "district"];
const DATE_WORDS: &[&str] = &["күн", "дата", "date", "received", "түск", "поступ"];

/// Applies the record of received dates in `inbox`, if there is one, to
/// `reports`; returns the issues of its rows.
pub(crate) fn apply(inbox: &Path, reports: &mut [FileReport], pipeline: &Pipeline) -> Vec<Issue> {
    let Some((name, grid)) = read_record(inbox, pipeline) else {
        return Vec::new();
    };
    let sheet = name.clone();
    let grid = grid.unwrap_or_default();
    let Some(cols) = columns(&grid) else {
        return vec![Issue::new(
            Rule::ReceivedNoColumns,
            Place::sheet(&name, &sheet),
        )];
    };
    let mut issues = Vec::new();
    let rows = grid
        .rows
        .iter()
        .map(|r| r.index)
        .filter(|r| *r > cols.header);
    for row in rows {
        let text = |c: Option<u32>| {
            c.map(|c| grid.get(row, c).display().trim().to_string())
                .unwrap_or_default()
        };
        let (file, unit) = (text(cols.file), text(cols.unit));
        let day_cell = grid.get(row, cols.date);
        if file.is_empty() && unit.is_empty() && day_cell.is_empty() {
            continue;
        }
        let read = date(day_cell, grid.is_1904);
        let Some(day) = read.value else {
            let problem = read.problem.map_or(Rule::ValueBadDate, |p| p.rule);
            issues.push(
                Issue::new(problem, Place::cell(&name, &sheet, row, cols.date))
                    .actual(day_cell.display()),
            );
            continue;
        };
        let hits = mark(reports, pipeline, &file, &unit, day);
        if hits == 0 {
            let named = if file.is_empty() { unit } else { file };
            let col = if cols.file.is_some() && !named.is_empty() {
                cols.file.or(cols.unit)
            } else {
                cols.unit.or(cols.file)
            };
            issues.push(
                Issue::new(
                    Rule::ReceivedUnmatched,
                    Place::cell(&name, &sheet, row, col.unwrap_or(cols.date)),
                )
                .actual(named),
            );
        }
    }
    issues
}

/// Gives the day to the reports a row names: the file of that name, else
/// every report of the unit. Returns how many.
fn mark(
    reports: &mut [FileReport],
    pipeline: &Pipeline,
    file: &str,
    unit: &str,
    day: crate::period::Ymd,
) -> usize {
    let by_file = |r: &FileReport| {
        !file.is_empty()
            && (r.name.eq_ignore_ascii_case(file)
                || r.rel.eq_ignore_ascii_case(file)
                || key(&r.name) == key(file)
                || key(stem(&r.name)) == key(file))
    };
    let mut hits = 0;
    if !file.is_empty() {
        for r in reports.iter_mut().filter(|r| by_file(r)) {
            r.recorded = Some(day);
            hits += 1;
        }
    }
    // A unit's name, in its column or in the file column.
    let unit = if unit.is_empty() { file } else { unit };
    if hits == 0 && !unit.is_empty() {
        if let Some(u) = pipeline.unit_by_name(unit) {
            for r in reports
                .iter_mut()
                .filter(|r| r.unit.as_deref() == Some(u.id.as_str()))
            {
                r.recorded = Some(day);
                hits += 1;
            }
            // A unit that sent nothing yet is no error of the row.
            hits = hits.max(1);
        }
    }
    hits
}

fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// Where the header row and the columns are.
struct Columns {
    header: u32,
    file: Option<u32>,
    unit: Option<u32>,
    date: u32,
}

/// The first of the first rows with a date column and a file or unit column.
fn columns(grid: &Grid) -> Option<Columns> {
    grid.rows
        .iter()
        .take_while(|r| r.index < HEADER_ROWS)
        .find_map(|r| {
            let find = |words: &[&str], skip: Option<u32>| {
                r.cells.iter().find_map(|(c, cell)| {
                    let k = key(&cell.display());
                    (Some(*c) != skip && words.iter().any(|w| k.contains(&key(w)))).then_some(*c)
                })
            };
            let file = find(FILE_WORDS, None);
            let unit = find(UNIT_WORDS, file);
            let date = r.cells.iter().find_map(|(c, cell)| {
                let k = key(&cell.display());
                (Some(*c) != file
                    && Some(*c) != unit
                    && DATE_WORDS.iter().any(|w| k.contains(&key(w))))
                .then_some(*c)
            })?;
            (file.is_some() || unit.is_some()).then_some(Columns {
                header: r.index,
                file,
                unit,
                date,
            })
        })
}

/// The record's name and its cells: the first visible sheet of a workbook,
/// or the fields of a CSV; no cells where it cannot be read.
fn read_record(inbox: &Path, pipeline: &Pipeline) -> Option<(String, Option<Grid>)> {
    let entries = std::fs::read_dir(inbox).ok()?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| is_record(n))
        .collect();
    // The CSV first, as RECORD_FILES lists them.
    names.sort_by_key(|n| RECORD_FILES.iter().position(|f| f.eq_ignore_ascii_case(n)));
    let name = names.into_iter().next()?;
    let grid = cells_of(&inbox.join(&name), pipeline);
    Some((name, grid))
}

fn cells_of(path: &Path, pipeline: &Pipeline) -> Option<Grid> {
    let len = std::fs::metadata(path).ok()?.len();
    if len > pipeline.limits.max_file_bytes {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    if crate::ingest::discover::extension(&path.to_string_lossy()) == "csv" {
        return Some(csv_grid(&decode(&bytes)));
    }
    let wb = workbook::open(bytes, &pipeline.limits).ok()?;
    let grid = wb.visible().next()?.grid.clone();
    Some(grid)
}

/// UTF-8 (a byte-order mark dropped), else Windows-1251 as a Russian
/// Excel saves CSV.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| cp1251(b)).collect(),
    }
}

/// One byte of Windows-1251: ASCII, the Cyrillic alphabet and Ёё; other
/// signs as the replacement character.
fn cp1251(b: u8) -> char {
    match b {
        0x00..=0x7F => b as char,
        0xC0..=0xFF => char::from_u32(0x0410 + u32::from(b - 0xC0)).unwrap_or('\u{FFFD}'),
        0xA8 => 'Ё',
        0xB8 => 'ё',
        0xA0 => '\u{A0}',
        _ => '\u{FFFD}',
    }
}

/// The fields of a CSV as text cells: the separator is whichever of `;`,
/// `,` and tab the first line holds most of; quotes as Excel writes them.
fn csv_grid(text: &str) -> Grid {
    let first = text.lines().next().unwrap_or("");
    let sep = [';', ',', '\t']
        .into_iter()
        .max_by_key(|c| (first.matches(*c).count(), *c == ';'))
        .unwrap_or(';');
    let mut cells = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut push = |row: u32, col: u32, field: &mut String| {
        let f = std::mem::take(field);
        if !f.trim().is_empty() {
            cells.push((row, col, Cell::Text(f.trim().to_string())));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => {
                push(row, col, &mut field);
                col += 1;
            }
            '\r' if !quoted => {}
            '\n' if !quoted => {
                push(row, col, &mut field);
                row += 1;
                col = 0;
            }
            c => field.push(c),
        }
    }
    push(row, col, &mut field);
    Grid::from_cells(cells, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_every_separator_and_quoting() {
        for text in [
            "Файл;Дата поступления\r\n\"a;b.xlsx\";05.04.2026\r\n",
            "file,received on\n\"a;b.xlsx\",05.04.2026\n",
            "файл\tтүскен күні\na;b.xlsx\t05.04.2026",
        ] {
            let g = csv_grid(text);
            let c = columns(&g).unwrap();
            assert_eq!((c.header, c.file, c.unit, c.date), (0, Some(0), None, 1));
            assert_eq!(g.get(1, 0).display(), "a;b.xlsx", "{text}");
            assert_eq!(g.get(1, 1).display(), "05.04.2026");
        }
    }

    #[test]
    fn headers_in_each_language() {
        for (head, unit) in [
            ("Аудан (қала);Түскен күні", Some(0)),
            ("Район;Дата", Some(0)),
            ("Unit;Date received", Some(0)),
        ] {
            let c = columns(&csv_grid(head)).unwrap();
            assert_eq!((c.unit, c.date), (unit, 1), "{head}");
        }
        assert!(columns(&csv_grid("что-то;ещё")).is_none());
        assert!(columns(&csv_grid("Дата\n05.04.2026")).is_none());
    }

    fn report(name: &str, unit: Option<&str>) -> FileReport {
        let file = crate::ingest::discover::InputFile {
            path: name.into(),
            rel: name.into(),
            name: name.into(),
            modified: None,
            size: 0,
            kind: crate::ingest::discover::FileKind::Workbook,
        };
        let mut r = FileReport::new(&file);
        r.unit = unit.map(str::to_string);
        r
    }

    #[test]
    fn rows_give_their_days_and_bad_rows_are_issues() {
        let p = Pipeline::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::pipeline::DEFAULT_PIPELINE),
        )
        .unwrap();
        let dir = std::env::temp_dir().join(format!("jinaq-received-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let alga = p
            .unit("alga")
            .unwrap()
            .name(crate::lang::Lang::Ru)
            .to_string();
        std::fs::write(
            dir.join("Received.CSV"),
            format!(
                "Имя файла;Район;Дата поступления\n\
                 Хромтау 03.2026.xlsx;;04.04.2026\n\
                 ;{alga};2026-04-06\n\
                 Нет такого.xlsx;;05.04.2026\n\
                 Хромтау 03.2026.xlsx;;31.02.2026\n\
                 ;;\n"
            ),
        )
        .unwrap();
        let mut reports = vec![
            report("Хромтау 03.2026.xlsx", Some("khromtau")),
            report("a.xlsx", Some("alga")),
            report("b.xlsx", Some("alga")),
            report("c.xlsx", Some("kobda")),
        ];
        let issues = apply(&dir, &mut reports, &p);
        let days: Vec<Option<String>> = reports
            .iter()
            .map(|r| r.recorded.map(|d| d.iso()))
            .collect();
        assert_eq!(
            days,
            [
                Some("2026-04-04"),
                Some("2026-04-06"),
                Some("2026-04-06"),
                None
            ]
            .map(|d| d.map(str::to_string))
        );
        let found: Vec<(Rule, Option<String>)> =
            issues.iter().map(|i| (i.rule, i.place.a1())).collect();
        assert_eq!(
            found,
            [
                (Rule::ReceivedUnmatched, Some("A4".to_string())),
                (Rule::ValueBadDate, Some("C5".to_string())),
            ]
        );
        std::fs::write(dir.join("Received.CSV"), "что-то;ещё\n1;2\n").unwrap();
        let issues = apply(&dir, &mut reports, &p);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].rule, Rule::ReceivedNoColumns);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn windows_1251_is_read() {
        let bytes = [0xD4, 0xE0, 0xE9, 0xEB, b';', 0xC4, 0xE0, 0xF2, 0xE0];
        assert_eq!(decode(&bytes), "Файл;Дата");
        assert_eq!(decode("\u{feff}Файл".as_bytes()), "Файл");
    }
}
