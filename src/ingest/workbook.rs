//! Opening one workbook of any format from its bytes.
//!
//! The format is told from the content, not the extension (an xlsx renamed
//! `.xls` still opens). Input: the file's bytes. Output: the visible sheets as
//! [`Grid`]s, or the reason the file cannot be read: `file.unreadable`,
//! `file.encrypted`, `file.empty`. Never interprets a cell.

use super::grid::{Cell, Grid, Ymd};
use crate::issue::Rule;
use calamine::{Data, DataRef, Ods, Range, Reader, SheetVisible, Xls, Xlsb, Xlsx};
use std::io::Cursor;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsb => "xlsb",
            Format::Xls => "xls",
            Format::Ods => "ods",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub visible: bool,
    pub grid: Grid,
}

#[derive(Debug, Clone)]
pub struct Workbook {
    pub format: Format,
    /// Every sheet in workbook order; hidden ones carry an empty grid.
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    pub fn visible(&self) -> impl Iterator<Item = &Sheet> {
        self.sheets.iter().filter(|s| s.visible)
    }
}

/// Why a file could not be read as a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub rule: Rule,
    /// The reason's code, then `|` and technical detail (see `messages`).
    pub reason: String,
}

impl Refusal {
    fn unreadable(reason: impl Into<String>) -> Refusal {
        Refusal {
            rule: Rule::FileUnreadable,
            reason: reason.into(),
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Which format the bytes are, or why they are none.
pub fn sniff(bytes: &[u8]) -> Result<Format, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal {
            rule: Rule::FileEmpty,
            reason: "empty".into(),
        });
    }
    if bytes.starts_with(CFB_MAGIC) {
        if contains_utf16(bytes, "EncryptionInfo") || contains_utf16(bytes, "EncryptedPackage") {
            return Err(Refusal {
                rule: Rule::FileEncrypted,
                reason: "encrypted".into(),
            });
        }
        return Ok(Format::Xls);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        // Part names sit in the zip's local headers and central directory.
        if find(bytes, b"xl/workbook.bin") {
            return Ok(Format::Xlsb);
        }
        if find(bytes, b"xl/workbook.xml") {
            return Ok(Format::Xlsx);
        }
        if find(bytes, b"application/vnd.oasis.opendocument.spreadsheet")
            || find(bytes, b"content.xml")
        {
            return Ok(Format::Ods);
        }
        if find(bytes, b"word/document.xml") {
            return Err(Refusal::unreadable("word"));
        }
        return Err(Refusal::unreadable("not_spreadsheet|zip"));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(Refusal::unreadable("pdf"));
    }
    Err(Refusal::unreadable("not_spreadsheet"))
}

fn find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn contains_utf16(hay: &[u8], s: &str) -> bool {
    let needle: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
    find(hay, &needle)
}

/// Opens a workbook from its bytes; hidden sheets are listed but not read.
pub fn open(bytes: Vec<u8>, max_sheet_cells: u64) -> Result<Workbook, Refusal> {
    let format = sniff(&bytes)?;
    let cursor = Cursor::new(bytes);
    let sheets = match format {
        Format::Xlsx => read_xlsx(cursor, max_sheet_cells)?,
        Format::Xlsb => {
            let mut wb = Xlsb::new(cursor)
                .map_err(|e| map_err(e.to_string(), matches!(e, calamine::XlsbError::Password)))?;
            let is_1904 = wb.has_1904_epoch();
            read_ranges(&mut wb, is_1904, max_sheet_cells)?
        }
        Format::Xls => {
            let mut wb = Xls::new(cursor)
                .map_err(|e| map_err(e.to_string(), matches!(e, calamine::XlsError::Password)))?;
            let is_1904 = wb.has_1904_epoch();
            read_ranges(&mut wb, is_1904, max_sheet_cells)?
        }
        Format::Ods => {
            let mut wb = Ods::new(cursor)
                .map_err(|e| map_err(e.to_string(), matches!(e, calamine::OdsError::Password)))?;
            read_ranges(&mut wb, false, max_sheet_cells)?
        }
    };
    if sheets.iter().all(|s| !s.visible || s.grid.is_empty()) {
        return Err(Refusal {
            rule: Rule::FileEmpty,
            reason: "empty".into(),
        });
    }
    Ok(Workbook { format, sheets })
}

fn map_err(message: String, password: bool) -> Refusal {
    if password {
        Refusal {
            rule: Rule::FileEncrypted,
            reason: "encrypted".into(),
        }
    } else {
        Refusal::unreadable(format!("damaged|{message}"))
    }
}

fn read_xlsx(cursor: Cursor<Vec<u8>>, max_cells: u64) -> Result<Vec<Sheet>, Refusal> {
    let mut wb = Xlsx::new(cursor)
        .map_err(|e| map_err(e.to_string(), matches!(e, calamine::XlsxError::Password)))?;
    let is_1904 = wb.has_1904_epoch();
    let meta: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let mut sheets = Vec::with_capacity(meta.len());
    for (name, visible) in meta {
        if !visible {
            sheets.push(Sheet {
                name,
                visible,
                grid: Grid::default(),
            });
            continue;
        }
        let mut reader = wb
            .worksheet_cells_reader(&name)
            .map_err(|e| Refusal::unreadable(format!("damaged|{name}: {e}")))?;
        let mut cells = Vec::new();
        loop {
            let next = reader
                .next_cell_with_formula()
                .map_err(|e| Refusal::unreadable(format!("damaged|{name}: {e}")))?;
            let Some(rec) = next else { break };
            let cell = match (rec.value, rec.formula.as_deref()) {
                (DataRef::Empty, Some(f)) if !f.is_empty() => Cell::NoValue,
                (v, _) => cell_from_ref(v, is_1904),
            };
            if matches!(cell, Cell::Empty) {
                continue;
            }
            if cells.len() as u64 >= max_cells {
                return Err(Refusal::unreadable(format!(
                    "sheet_too_big|{name}: more than {max_cells} cells, limits.max_sheet_cells"
                )));
            }
            cells.push((rec.pos.0, rec.pos.1, cell));
        }
        sheets.push(Sheet {
            name,
            visible,
            grid: Grid::from_cells(cells, is_1904),
        });
    }
    Ok(sheets)
}

fn read_ranges<R, RS>(wb: &mut R, is_1904: bool, max_cells: u64) -> Result<Vec<Sheet>, Refusal>
where
    R: Reader<RS>,
    RS: std::io::Read + std::io::Seek,
    R::Error: std::fmt::Display,
{
    let meta: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let mut sheets = Vec::with_capacity(meta.len());
    for (name, visible) in meta {
        if !visible {
            sheets.push(Sheet {
                name,
                visible,
                grid: Grid::default(),
            });
            continue;
        }
        let range: Range<Data> = wb
            .worksheet_range(&name)
            .map_err(|e| Refusal::unreadable(format!("damaged|{name}: {e}")))?;
        let (h, w) = range.get_size();
        if (h as u64).saturating_mul(w as u64) > max_cells.saturating_mul(4) {
            return Err(Refusal::unreadable(format!(
                "sheet_too_big|{name}: {h} rows x {w} columns, limits.max_sheet_cells"
            )));
        }
        let start = range.start().unwrap_or((0, 0));
        let mut cells = Vec::new();
        for (r, c, v) in range.used_cells() {
            let cell = cell_from_data(v, is_1904);
            if !matches!(cell, Cell::Empty) {
                cells.push((start.0 + r as u32, start.1 + c as u32, cell));
            }
        }
        if cells.len() as u64 > max_cells {
            return Err(Refusal::unreadable(format!(
                "sheet_too_big|{name}: more than {max_cells} cells, limits.max_sheet_cells"
            )));
        }
        sheets.push(Sheet {
            name,
            visible,
            grid: Grid::from_cells(cells, is_1904),
        });
    }
    Ok(sheets)
}

fn error_text(e: &calamine::CellErrorType) -> String {
    e.to_string()
}

fn date_of(dt: &calamine::ExcelDateTime) -> Cell {
    if dt.is_duration() {
        return Cell::Number(dt.as_f64());
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    match Ymd::new(y as i32, m as u32, d as u32) {
        Some(ymd) => Cell::Date(ymd),
        None => Cell::Number(dt.as_f64()),
    }
}

fn iso_date(s: &str) -> Cell {
    let head = s.get(..10).unwrap_or(s);
    let parts: Vec<&str> = head.split('-').collect();
    if let [y, m, d] = parts.as_slice() {
        if let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) {
            if let Some(ymd) = Ymd::new(y, m, d) {
                return Cell::Date(ymd);
            }
        }
    }
    Cell::Text(s.to_string())
}

fn cell_from_ref(v: DataRef<'_>, _is_1904: bool) -> Cell {
    match v {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(i as f64),
        DataRef::Float(f) => Cell::Number(f),
        DataRef::String(s) => Cell::Text(s),
        DataRef::SharedString(s) => Cell::Text(s.to_string()),
        DataRef::Bool(b) => Cell::Bool(b),
        DataRef::DateTime(dt) => date_of(&dt),
        DataRef::DateTimeIso(s) => iso_date(&s),
        DataRef::DurationIso(s) => Cell::Text(s),
        DataRef::Error(e) => Cell::Error(error_text(&e)),
    }
}

fn cell_from_data(v: &Data, _is_1904: bool) -> Cell {
    match v {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_of(dt),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(error_text(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_by_content() {
        assert_eq!(sniff(b"").unwrap_err().rule, Rule::FileEmpty);
        assert_eq!(
            sniff(b"hello, this is text").unwrap_err().rule,
            Rule::FileUnreadable
        );
        let mut enc = CFB_MAGIC.to_vec();
        enc.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&enc).unwrap_err().rule, Rule::FileEncrypted);
        assert_eq!(sniff(CFB_MAGIC), Ok(Format::Xls));
        let mut zip = ZIP_MAGIC.to_vec();
        zip.extend(b"....xl/workbook.xml....");
        assert_eq!(sniff(&zip), Ok(Format::Xlsx));
    }

    #[test]
    fn garbage_zip_is_unreadable_not_a_panic() {
        let mut zip = ZIP_MAGIC.to_vec();
        zip.extend(b"xl/workbook.xml garbage garbage");
        let err = open(zip, 1000).unwrap_err();
        assert_eq!(err.rule, Rule::FileUnreadable);
    }

    #[test]
    fn iso_dates_from_ods() {
        assert_eq!(
            iso_date("2026-03-15"),
            Cell::Date(Ymd::new(2026, 3, 15).unwrap())
        );
        assert_eq!(
            iso_date("2026-03-15T00:00:00"),
            Cell::Date(Ymd::new(2026, 3, 15).unwrap())
        );
        assert_eq!(iso_date("15 March"), Cell::Text("15 March".into()));
    }
}
