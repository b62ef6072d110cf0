//! Opening one workbook of any format from its bytes.
//!
//! The format is told from the content, not the extension (an xlsx renamed
//! `.xls` still opens). Input: the file's bytes. Output: the visible sheets as
//! [`Grid`]s, or the [`Refusal`] saying why the file cannot be read
//! (`file.unreadable`, `file.encrypted`, `file.empty`). Never interprets a
//! cell.

use super::format::{Format, Limit, Refusal};
use super::grid::{Cell, Grid};
use super::guard;
use super::sheet_kinds;
use crate::period::Ymd;
use crate::pipeline::Limits;
use calamine::{Data, DataRef, Ods, Range, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx};
use std::io::Cursor;

#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    pub(crate) name: String,
    pub(crate) visible: bool,
    pub(crate) grid: Grid,
}

#[derive(Debug, Clone)]
pub(crate) struct Workbook {
    pub(crate) format: Format,
    /// Every sheet in workbook order; hidden ones, and chart, macro and
    /// dialog sheets, are not `visible` and carry an empty grid.
    pub(crate) sheets: Vec<Sheet>,
}

impl Workbook {
    pub(crate) fn visible(&self) -> impl Iterator<Item = &Sheet> {
        self.sheets.iter().filter(|s| s.visible)
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Which format the bytes are, or why they are none.
pub(crate) fn sniff(bytes: &[u8]) -> Result<Format, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    if bytes.starts_with(CFB_MAGIC) {
        if contains_utf16(bytes, "EncryptionInfo") || contains_utf16(bytes, "EncryptedPackage") {
            return Err(Refusal::Encrypted);
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
            return Err(Refusal::Word);
        }
        return Err(Refusal::NotSpreadsheet { zip: true });
    }
    if bytes.starts_with(b"%PDF") {
        return Err(Refusal::Pdf);
    }
    Err(Refusal::NotSpreadsheet { zip: false })
}

fn find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn contains_utf16(hay: &[u8], s: &str) -> bool {
    let needle: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
    find(hay, &needle)
}

/// Opens a workbook from its bytes; hidden sheets are listed but not read.
///
/// The file's structure is first checked against `limits` ([`guard`]), so
/// that no reader allocates more than they allow; a panic inside the check
/// or a reader (third-party code on hostile bytes) becomes `file.unreadable`
/// here.
pub(crate) fn open(bytes: Vec<u8>, limits: &Limits) -> Result<Workbook, Refusal> {
    let format = sniff(&bytes)?;
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        guard::check(&bytes, format, limits)?;
        let bytes = match format {
            Format::Xlsx | Format::Xlsb => {
                sheet_kinds::macro_sheets_as_charts(&bytes).unwrap_or(bytes)
            }
            Format::Xls | Format::Ods => bytes,
        };
        read_sheets(bytes, format, limits)
    }));
    let sheets = match read {
        Ok(sheets) => sheets?,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            return Err(Refusal::Damaged(format!(
                "the {} reader failed: {what}",
                format.name()
            )));
        }
    };
    if sheets.iter().all(|s| !s.visible || s.grid.is_empty()) {
        return Err(Refusal::Empty);
    }
    Ok(Workbook { format, sheets })
}

fn read_sheets(bytes: Vec<u8>, format: Format, limits: &Limits) -> Result<Vec<Sheet>, Refusal> {
    let cursor = Cursor::new(bytes);
    match format {
        Format::Xlsx => read_xlsx(cursor, limits),
        Format::Xlsb => read_xlsb(cursor, limits),
        Format::Xls => {
            let mut wb = Xls::new(cursor)
                .map_err(|e| map_err(e.to_string(), matches!(e, calamine::XlsError::Password)))?;
            let is_1904 = wb.has_1904_epoch();
            read_ranges(&mut wb, is_1904, limits)
        }
        Format::Ods => {
            let mut wb = Ods::new(cursor)
                .map_err(|e| map_err(e.to_string(), matches!(e, calamine::OdsError::Password)))?;
            read_ranges(&mut wb, false, limits)
        }
    }
}

fn map_err(message: String, password: bool) -> Refusal {
    if password {
        Refusal::Encrypted
    } else {
        Refusal::Damaged(message)
    }
}

/// Non-empty cells and bytes of text kept so far, against the sheet and
/// workbook limits (one shared text shown in a million cells is a million
/// copies).
struct Kept<'l> {
    limits: &'l Limits,
    cells: u64,
    text: u64,
}

impl<'l> Kept<'l> {
    fn new(limits: &'l Limits) -> Self {
        Kept {
            limits,
            cells: 0,
            text: 0,
        }
    }

    /// A sheet read cell by cell from `next`: empty cells dropped, every
    /// kept one counted against the limits.
    fn stream(
        &mut self,
        sheet: &str,
        is_1904: bool,
        mut next: impl FnMut() -> Result<Option<(u32, u32, Cell)>, Refusal>,
    ) -> Result<Grid, Refusal> {
        let mut cells = Vec::new();
        while let Some((row, col, cell)) = next()? {
            if matches!(cell, Cell::Empty) {
                continue;
            }
            self.one_more(sheet, cells.len(), &cell)?;
            cells.push((row, col, cell));
        }
        Ok(Grid::from_cells(cells, is_1904))
    }

    fn one_more(&mut self, sheet: &str, in_sheet: usize, cell: &Cell) -> Result<(), Refusal> {
        let l = self.limits;
        if in_sheet as u64 >= l.max_sheet_cells {
            return Err(Refusal::OverLimit {
                limit: Limit::SheetCells,
                detail: format!(
                    "{sheet}: more than {} cells, limits.max_sheet_cells",
                    l.max_sheet_cells
                ),
            });
        }
        self.cells += 1;
        if self.cells > l.max_workbook_cells {
            return Err(Refusal::OverLimit {
                limit: Limit::WorkbookCells,
                detail: format!(
                    "more than {} cells up to sheet {sheet}, limits.max_workbook_cells",
                    l.max_workbook_cells
                ),
            });
        }
        if let Cell::Text(t) | Cell::Error(t) = cell {
            self.text += t.len() as u64;
            if self.text > l.max_unpacked_bytes {
                return Err(Refusal::OverLimit {
                    limit: Limit::Unpacked,
                    detail: format!(
                        "more than {} bytes of cell text up to sheet {sheet}, limits.max_unpacked_bytes",
                        l.max_unpacked_bytes
                    ),
                });
            }
        }
        Ok(())
    }
}

fn hidden(name: String) -> Sheet {
    Sheet {
        name,
        visible: false,
        grid: Grid::default(),
    }
}

/// Each sheet's name and whether it is read: a visible worksheet. Chart,
/// macro and dialog sheets hold no table and are passed over like hidden
/// sheets.
fn sheet_list(meta: &[calamine::Sheet]) -> Vec<(String, bool)> {
    meta.iter()
        .map(|s| {
            let read = s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet;
            (s.name.clone(), read)
        })
        .collect()
}

/// xlsx, streamed cell by cell: a claimed dimension costs nothing.
fn read_xlsx(cursor: Cursor<Vec<u8>>, limits: &Limits) -> Result<Vec<Sheet>, Refusal> {
    let mut wb = Xlsx::new(cursor)
        .map_err(|e| map_err(e.to_string(), matches!(e, calamine::XlsxError::Password)))?;
    let is_1904 = wb.has_1904_epoch();
    let meta = sheet_list(wb.sheets_metadata());
    let mut kept = Kept::new(limits);
    let mut sheets = Vec::with_capacity(meta.len());
    for (name, visible) in meta {
        if !visible {
            sheets.push(hidden(name));
            continue;
        }
        let damaged = |e: calamine::XlsxError| Refusal::Damaged(format!("{name}: {e}"));
        let mut reader = wb.worksheet_cells_reader(&name).map_err(damaged)?;
        let grid = kept.stream(&name, is_1904, || {
            Ok(reader
                .next_cell_with_formula()
                .map_err(damaged)?
                .map(|rec| {
                    let cell = match (rec.value, rec.formula.as_deref()) {
                        (DataRef::Empty, Some(f)) if !f.is_empty() => Cell::NoValue,
                        (v, _) => cell_from_ref(v, is_1904),
                    };
                    (rec.pos.0, rec.pos.1, cell)
                }))
        })?;
        drop(reader);
        sheets.push(Sheet {
            name,
            visible,
            grid,
        });
    }
    Ok(sheets)
}

/// xlsb, streamed cell by cell like xlsx (its range would allocate the
/// rectangle from the first to the last cell).
fn read_xlsb(cursor: Cursor<Vec<u8>>, limits: &Limits) -> Result<Vec<Sheet>, Refusal> {
    let mut wb = Xlsb::new(cursor)
        .map_err(|e| map_err(e.to_string(), matches!(e, calamine::XlsbError::Password)))?;
    let is_1904 = wb.has_1904_epoch();
    let meta = sheet_list(wb.sheets_metadata());
    let mut kept = Kept::new(limits);
    let mut sheets = Vec::with_capacity(meta.len());
    for (name, visible) in meta {
        if !visible {
            sheets.push(hidden(name));
            continue;
        }
        let damaged = |e: calamine::XlsbError| Refusal::Damaged(format!("{name}: {e}"));
        let mut reader = wb.worksheet_cells_reader(&name).map_err(damaged)?;
        let grid = kept.stream(&name, is_1904, || {
            Ok(reader.next_cell().map_err(damaged)?.map(|rec| {
                let (row, col) = rec.get_position();
                (row, col, cell_from_ref(rec.get_value().clone(), is_1904))
            }))
        })?;
        drop(reader);
        sheets.push(Sheet {
            name,
            visible,
            grid,
        });
    }
    Ok(sheets)
}

/// xls and ods: their readers have built every sheet's range already (within
/// the limits, checked by [`guard`] beforehand).
fn read_ranges<R, RS>(wb: &mut R, is_1904: bool, limits: &Limits) -> Result<Vec<Sheet>, Refusal>
where
    R: Reader<RS>,
    RS: std::io::Read + std::io::Seek,
    R::Error: std::fmt::Display,
{
    let meta = sheet_list(wb.sheets_metadata());
    let mut kept = Kept::new(limits);
    let mut sheets = Vec::with_capacity(meta.len());
    for (name, visible) in meta {
        if !visible {
            sheets.push(hidden(name));
            continue;
        }
        let range: Range<Data> = wb
            .worksheet_range(&name)
            .map_err(|e| Refusal::Damaged(format!("{name}: {e}")))?;
        let start = range.start().unwrap_or((0, 0));
        let mut cells = Vec::new();
        for (r, c, v) in range.used_cells() {
            let cell = cell_from_data(v, is_1904);
            if !matches!(cell, Cell::Empty) {
                kept.one_more(&name, cells.len(), &cell)?;
                cells.push((start.0 + r as u32, start.1 + c as u32, cell));
            }
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
    use std::io::Read;

    #[test]
    fn sniffing_by_content() {
        assert_eq!(sniff(b""), Err(Refusal::Empty));
        assert_eq!(
            sniff(b"hello, this is text"),
            Err(Refusal::NotSpreadsheet { zip: false })
        );
        let mut enc = CFB_MAGIC.to_vec();
        enc.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&enc), Err(Refusal::Encrypted));
        assert_eq!(sniff(CFB_MAGIC), Ok(Format::Xls));
        let mut zip = ZIP_MAGIC.to_vec();
        zip.extend(b"....xl/workbook.xml....");
        assert_eq!(sniff(&zip), Ok(Format::Xlsx));
    }

    #[test]
    fn garbage_zip_is_unreadable_not_a_panic() {
        let mut zip = ZIP_MAGIC.to_vec();
        zip.extend(b"xl/workbook.xml garbage garbage");
        let err = open(zip, &Limits::default()).unwrap_err();
        assert!(matches!(err, Refusal::Damaged(_)), "{err:?}");
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

    /// The openpyxl report with an Excel 4 macro sheet, its relationship
    /// given as `kind`.
    fn report_with_macro_sheet(kind: &str) -> Vec<u8> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/saved-as/macro-sheets/Алға_2026-03 макро парағы.xlsm"
        );
        let bytes = std::fs::read(path).expect("fixture");
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes[..])).expect("a zip");
        let mut rels = String::new();
        zip.by_name("xl/_rels/workbook.xml.rels")
            .expect("workbook relationships")
            .read_to_string(&mut rels)
            .expect("text");
        assert!(rels.contains("/xlMacrosheet\""), "{rels}");
        let rels = rels.replace("/xlMacrosheet\"", &format!("/{kind}\""));
        sheet_kinds::repack(&mut zip, "xl/_rels/workbook.xml.rels", &rels).expect("repacked")
    }

    #[test]
    fn a_workbook_with_a_macro_sheet_is_read_without_it() {
        for kind in ["xlMacrosheet", "xlIntlMacrosheet"] {
            let wb = open(report_with_macro_sheet(kind), &Limits::default()).expect(kind);
            let macro_sheet = wb.sheets.iter().find(|s| s.name == "Макро1");
            assert!(
                macro_sheet.is_some_and(|s| !s.visible && s.grid.is_empty()),
                "{kind}"
            );
            assert!(wb.visible().count() >= 3, "{kind}: {:?}", wb.sheets);
        }
    }
}
