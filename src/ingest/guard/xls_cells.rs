//! .xls: a compound file (sectors chained by a table) holding the BIFF
//! record stream. The reader follows sector chains without bounding their
//! length, and allocates, for every sheet at once, the rectangle its
//! `Dimensions` record claims and the rectangle spanned by its cell records.
//! This walk reads the container the way the reader does, with every chain
//! bounded by the file's own size, then counts those rectangles.

use super::{over, BoundingBox, CellBudget, Limit, Refusal};
use crate::pipeline::Limits;
use std::collections::VecDeque;

const HEADER: usize = 512;
const DIFSECT: u32 = 0xFFFF_FFFC;
const RESERVED: u32 = 0xFFFF_FFFA;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Streams shorter than this live in the mini stream, in 64-byte sectors.
const MINI_CUTOFF: usize = 4096;
/// The reader takes a record's continuations one by one from the front of a
/// list, in time that grows with the square of their number. A real record
/// (the shared strings of a large workbook) has hundreds; 160 MB of them
/// would not reach this.
const MAX_CONTINUATIONS: usize = 20_000;

pub(crate) fn check(bytes: &[u8], limits: &Limits) -> Result<(), Refusal> {
    match stream(bytes, &["Workbook", "Book"])? {
        Some(stream) => check_records(&stream, limits),
        // The reader fails on this container by itself, allocating little.
        None => Ok(()),
    }
}

fn loops(what: &str) -> Refusal {
    Refusal::Damaged(format!(
        "the container's {what} chain loops or runs past the file"
    ))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// The sectors after the header, as the reader sees them: past the end of
/// the file a sector reads as zeros.
struct Sectors<'a> {
    data: &'a [u8],
    size: usize,
    maxid: u32,
}

impl Sectors<'_> {
    fn get(&self, id: u32) -> Option<Vec<u8>> {
        if id > self.maxid {
            return None;
        }
        let start = id as usize * self.size;
        let mut s = vec![0u8; self.size];
        if start < self.data.len() {
            let end = (start + self.size).min(self.data.len());
            s[..end - start].copy_from_slice(&self.data[start..end]);
        }
        Some(s)
    }

    /// Follows a chain for `len` bytes; `None` where the reader would fail.
    /// A chain longer than the file has sectors loops: refused.
    fn chain(
        &self,
        mut id: u32,
        fat: &[u32],
        len: usize,
        what: &str,
    ) -> Result<Option<Vec<u8>>, Refusal> {
        let mut out = Vec::new();
        let mut steps = 0u64;
        while id != END_OF_CHAIN {
            steps += 1;
            if steps > u64::from(self.maxid) + 2 {
                return Err(loops(what));
            }
            let Some(sector) = self.get(id) else {
                return Ok(None);
            };
            let take = sector.len().min(len - out.len());
            out.extend_from_slice(&sector[..take]);
            if out.len() >= len {
                break;
            }
            let Some(next) = fat.get(id as usize) else {
                return Ok(None);
            };
            id = *next;
        }
        Ok(Some(out))
    }
}

fn u32s(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// The first stream of these names (the `Workbook`, or `Book`, for the
/// reader), or `None` where the reader would fail on the container anyway.
pub(super) fn stream(bytes: &[u8], names: &[&str]) -> Result<Option<Vec<u8>>, Refusal> {
    let Some(header) = Header::read(bytes) else {
        return Ok(None);
    };
    let sectors = Sectors {
        data: bytes.get(header.size.max(HEADER)..).unwrap_or(&[]),
        size: header.size,
        maxid: (bytes.len() / header.size) as u32,
    };
    let Some(fat) = allocation_table(bytes, &header, &sectors)? else {
        return Ok(None);
    };
    let Some(dirs) = sectors.chain(header.dir_start, &fat, usize::MAX, "directory")? else {
        return Ok(None);
    };
    let dirs = entries(&dirs, header.size);
    let Some(root) = dirs.first() else {
        return Ok(None);
    };
    if header.version != 3 && root.start == END_OF_CHAIN {
        return Ok(None);
    }
    let container = Container {
        header: &header,
        sectors: &sectors,
        fat: &fat,
        file_len: bytes.len(),
    };
    let Some(mini) = container.mini(root)? else {
        return Ok(None);
    };
    let find = |name: &str| {
        dirs.iter()
            .find(|d| d.name.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
    };
    let Some(book) = names.iter().find_map(|n| find(n)) else {
        return Ok(None);
    };
    container.bounded(book.len, "workbook stream")?;
    if book.len < MINI_CUTOFF {
        container.mini_stream_of(book, &mini)
    } else {
        sectors.chain(book.start, &fat, book.len, "workbook stream")
    }
}

/// What the container's header says, where the reader can read it.
struct Header {
    size: usize,
    version: u16,
    dir_start: u32,
    mini_fat_start: u32,
    mini_fat_len: usize,
    difat_start: u32,
}

impl Header {
    fn read(bytes: &[u8]) -> Option<Header> {
        let header = bytes.get(..HEADER)?;
        let size = match u16_at(header, 30) {
            Some(9) => 512,
            Some(12) => 4096,
            _ => return None,
        };
        let field = |at| u32_at(header, at).unwrap_or(0);
        Some(Header {
            size,
            version: u16_at(header, 26).unwrap_or(0),
            dir_start: field(48),
            mini_fat_start: field(60),
            mini_fat_len: field(64) as usize,
            difat_start: field(68),
        })
    }
}

/// The sector allocation table, read through the header's and the chained
/// DIFAT sectors.
fn allocation_table(
    bytes: &[u8],
    header: &Header,
    sectors: &Sectors,
) -> Result<Option<Vec<u32>>, Refusal> {
    let mut difat: Vec<u32> = u32s(&bytes[76..HEADER]).collect();
    let mut id = header.difat_start;
    let mut steps = 0usize;
    while id < RESERVED {
        steps += 1;
        if steps > sectors.maxid as usize + 1 {
            return Ok(None);
        }
        let Some(s) = sectors.get(id) else {
            return Ok(None);
        };
        difat.extend(u32s(&s));
        let Some(next) = difat.pop() else {
            return Ok(None);
        };
        id = next;
    }
    // Each listed FAT sector is read whole, duplicates included: more of them
    // than the file has sectors can only be an attack on memory.
    let fat_sectors: Vec<u32> = difat.into_iter().filter(|id| *id < DIFSECT).collect();
    if fat_sectors.len() > sectors.maxid as usize + 1 {
        return Err(loops("allocation table"));
    }
    let mut fat = Vec::new();
    for id in fat_sectors {
        let Some(s) = sectors.get(id) else {
            return Ok(None);
        };
        fat.extend(u32s(&s));
    }
    Ok(Some(fat))
}

/// One entry of the container's directory.
struct Entry {
    name: String,
    start: u32,
    len: usize,
}

fn entries(dirs: &[u8], size: usize) -> Vec<Entry> {
    dirs.chunks_exact(128)
        .map(|d| {
            let units: Vec<u16> = d[..64]
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            let mut name = String::from_utf16_lossy(&units);
            if let Some(nul) = name.find('\0') {
                name.truncate(nul);
            }
            let len = if size == 512 {
                u64::from(u32_at(d, 120).unwrap_or(0))
            } else {
                u64_at(d, 120).unwrap_or(0)
            };
            Entry {
                name,
                start: u32_at(d, 116).unwrap_or(0),
                len: usize::try_from(len).unwrap_or(usize::MAX),
            }
        })
        .collect()
}

/// The container's mini stream of 64-byte sectors and its allocation table.
#[derive(Default)]
struct MiniStream {
    table: Vec<u32>,
    data: Vec<u8>,
}

/// The container read so far, to follow its streams.
struct Container<'a> {
    header: &'a Header,
    sectors: &'a Sectors<'a>,
    fat: &'a [u32],
    file_len: usize,
}

impl Container<'_> {
    /// A stream cannot hold more bytes than the file; past that the reader
    /// would follow a looping chain until memory runs out.
    fn bounded(&self, len: usize, what: &str) -> Result<(), Refusal> {
        if len > self.file_len {
            Err(loops(what))
        } else {
            Ok(())
        }
    }

    /// The mini allocation table and the mini stream (held by the root
    /// entry), both empty where the container has none.
    fn mini(&self, root: &Entry) -> Result<Option<MiniStream>, Refusal> {
        let h = self.header;
        if h.mini_fat_len == 0 {
            return Ok(Some(MiniStream::default()));
        }
        self.bounded(root.len, "mini stream")?;
        self.bounded(
            h.mini_fat_len.saturating_mul(h.size),
            "mini allocation table",
        )?;
        let Some(stream) = self
            .sectors
            .chain(root.start, self.fat, root.len, "mini stream")?
        else {
            return Ok(None);
        };
        let Some(table) = self.sectors.chain(
            h.mini_fat_start,
            self.fat,
            h.mini_fat_len * h.size,
            "mini allocation table",
        )?
        else {
            return Ok(None);
        };
        Ok(Some(MiniStream {
            table: u32s(&table).collect(),
            data: stream,
        }))
    }

    /// A short stream, read from the mini stream in 64-byte sectors.
    fn mini_stream_of(&self, entry: &Entry, mini: &MiniStream) -> Result<Option<Vec<u8>>, Refusal> {
        let (mini_fat, mini_stream) = (&mini.table, &mini.data);
        let sectors = Sectors {
            data: mini_stream,
            size: 64,
            maxid: self.sectors.maxid.saturating_mul(8),
        };
        // A mini sector past the mini stream makes the reader read on from
        // wherever the file happens to be: not a file worth reading.
        let mut id = entry.start;
        let mut steps = 0usize;
        while id != END_OF_CHAIN && steps * 64 < entry.len {
            if (id as usize + 1) * 64 > mini_stream.len() {
                return Err(Refusal::Damaged(
                    "the workbook stream points past the container's mini stream".into(),
                ));
            }
            steps += 1;
            id = mini_fat.get(id as usize).copied().unwrap_or(END_OF_CHAIN);
        }
        sectors.chain(entry.start, mini_fat, entry.len, "workbook stream")
    }
}

/// One BIFF record and its continuation records, split as the reader
/// splits them.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: VecDeque<&'a [u8]>,
}

impl Record<'_> {
    fn next_piece(&mut self) -> bool {
        match self.cont.pop_front() {
            Some(piece) => {
                self.data = piece;
                true
            }
            None => false,
        }
    }

    fn skip(&mut self, mut len: usize) -> Option<()> {
        while len > 0 {
            if self.data.is_empty() && !self.next_piece() {
                return None;
            }
            let l = len.min(self.data.len());
            self.data = &self.data[l..];
            len -= l;
        }
        Some(())
    }
}

struct Records<'a> {
    stream: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let typ = u16_at(self.stream, 0)?;
        let len = u16_at(self.stream, 2)? as usize;
        let data = self.stream.get(4..4 + len)?;
        self.stream = &self.stream[4 + len..];
        let mut cont = VecDeque::new();
        while self.stream.len() > 4 && u16_at(self.stream, 0) == Some(0x003C) {
            let len = u16_at(self.stream, 2)? as usize;
            if self.stream.len() < len + 4 {
                return None;
            }
            cont.push_back(&self.stream[4..4 + len]);
            self.stream = &self.stream[len + 4..];
        }
        Some(Record { typ, data, cont })
    }
}

/// The UTF-8 size bound of every string of the shared string table, read
/// the way the reader walks it (strings run across continuation records).
fn sst_sizes(mut r: Record) -> Vec<u64> {
    let mut sizes = Vec::new();
    if r.data.len() < 8 {
        return sizes;
    }
    r.data = &r.data[8..];
    loop {
        if r.data.is_empty() && !r.next_piece() {
            break;
        }
        if r.data.len() < 3 {
            break;
        }
        let chars = usize::from(u16_at(r.data, 0).unwrap_or(0));
        let flags = r.data[2];
        r.data = &r.data[3..];
        let mut runs = 0;
        let mut ext = 0;
        if flags & 0x8 != 0 {
            let Some(n) = u16_at(r.data, 0) else { break };
            runs = usize::from(n);
            r.data = &r.data[2..];
        }
        if flags & 0x4 != 0 {
            let Some(n) = u32_at(r.data, 0) else { break };
            ext = n as i32 as usize;
            r.data = &r.data[4..];
        }
        let mut wide = flags & 0x1 != 0;
        let mut left = chars;
        while left > 0 {
            let fits = if wide { r.data.len() / 2 } else { r.data.len() };
            let l = fits.min(left);
            r.data = &r.data[if wide { 2 * l } else { l }..];
            left -= l;
            if left > 0 {
                if !r.next_piece() || r.data.is_empty() {
                    return sizes;
                }
                wide = r.data[0] & 0x1 != 0;
                r.data = &r.data[1..];
            }
        }
        // a UTF-16 unit or a legacy code page byte is at most 3 UTF-8 bytes
        sizes.push(3 * chars as u64);
        if r.skip(runs.saturating_mul(4)).is_none() || r.skip(ext).is_none() {
            break;
        }
    }
    sizes
}

/// What the workbook globals tell about the cost of the sheets.
#[derive(Default)]
struct Globals {
    sheets: Vec<usize>,
    /// UTF-8 size bound of each shared string (copied into every cell that
    /// shows it).
    strings: Vec<u64>,
    /// Longest defined name or sheet name, in characters: a formula token of
    /// five bytes can stand for one.
    longest_name: u64,
}

fn globals(stream: &[u8]) -> Result<Globals, Refusal> {
    let mut g = Globals::default();
    for r in (Records { stream }) {
        if r.cont.len() > MAX_CONTINUATIONS {
            return Err(Refusal::Damaged(format!(
                "a record of the workbook stream is continued {} times",
                r.cont.len()
            )));
        }
        match r.typ {
            0x000A => break,
            // FILEPASS: every record after it is encrypted (XOR, RC4 or
            // CryptoAPI), so the figures it would claim mean nothing.
            0x002F => return Err(Refusal::Encrypted),
            0x0085 if r.data.len() >= 7 => {
                g.sheets.push(u32_at(r.data, 0).unwrap_or(0) as usize);
                g.longest_name = g.longest_name.max(u64::from(r.data[6]));
            }
            0x0018 if r.data.len() >= 4 => {
                g.longest_name = g.longest_name.max(u64::from(r.data[3]));
            }
            0x00FC => g.strings = sst_sizes(r),
            _ => {}
        }
    }
    Ok(g)
}

/// Counts what the reader would allocate for each sheet: the `Dimensions`
/// claim, the rectangle of values, the rectangle of formulas, and the bytes
/// of text it copies into cells (shared strings, formulas written out).
fn check_records(stream: &[u8], limits: &Limits) -> Result<(), Refusal> {
    let g = globals(stream)?;
    let mut budget = CellBudget::default();
    let mut text: u64 = 0;
    // Sheets lie one after the other: many sheets pointing at the same
    // records would make every reader walk them again and again.
    let mut scanned: u64 = 0;
    let most = 2 * stream.len() as u64 + 65_536;
    for (n, pos) in g.sheets.iter().enumerate() {
        let Some(sheet) = stream.get(*pos..) else {
            continue;
        };
        let name = format!("sheet {}", n + 1);
        let cost = sheet_cost(sheet, &name, &g, limits)?;
        budget.add(&name, cost.values.cells(), "spans", limits)?;
        budget.add(
            &name,
            cost.formulas.cells(),
            "has formulas spanning",
            limits,
        )?;
        scanned = scanned.saturating_add(cost.scanned);
        if scanned > most {
            return Err(Refusal::Damaged(format!(
                "{} sheets point into the same records",
                g.sheets.len()
            )));
        }
        text = text.saturating_add(cost.text);
        if text > limits.max_unpacked_bytes {
            return Err(over(
                Limit::Unpacked,
                format!(
                    "{text} bytes of cell text up to {name}, limits.max_unpacked_bytes = {}",
                    limits.max_unpacked_bytes
                ),
            ));
        }
    }
    Ok(())
}

struct SheetCost {
    values: BoundingBox,
    formulas: BoundingBox,
    text: u64,
    /// Bytes of records read for this sheet.
    scanned: u64,
}

fn sheet_cost(
    sheet: &[u8],
    name: &str,
    g: &Globals,
    limits: &Limits,
) -> Result<SheetCost, Refusal> {
    let mut cost = SheetCost {
        values: BoundingBox::default(),
        formulas: BoundingBox::default(),
        text: 0,
        scanned: 0,
    };
    // a formula token written out: at most a name of `longest_name`
    // characters (3 bytes each) for every 5 bytes, plus punctuation
    let formula_growth = 8 + 3 * g.longest_name / 5;
    let mut formula_at = (0u32, 0u32);
    let mut seen_bof = false;
    let mut depth = 0usize;
    for r in (Records { stream: sheet }) {
        if r.cont.len() > MAX_CONTINUATIONS {
            return Err(Refusal::Damaged(format!(
                "a record of {name} is continued {} times",
                r.cont.len()
            )));
        }
        let (typ, data) = (r.typ, r.data);
        cost.scanned +=
            4 + data.len() as u64 + r.cont.iter().map(|c| 4 + c.len() as u64).sum::<u64>();
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let at = |i: usize| u32::from(u16_at(data, i).unwrap_or(0));
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => {
                if let Some((rows, cols)) = dimensions(data) {
                    let claimed = rows.saturating_mul(cols);
                    if claimed > limits.max_sheet_cells {
                        return Err(over(
                            Limit::SheetCells,
                            format!(
                                "{name}: its dimension claims {rows} rows x {cols} columns, limits.max_sheet_cells = {}",
                                limits.max_sheet_cells
                            ),
                        ));
                    }
                }
            }
            0x00FD if data.len() >= 4 => {
                cost.values.add(at(0), at(2));
                let index = u32_at(data, 6).unwrap_or(u32::MAX) as usize;
                cost.text += g.strings.get(index).copied().unwrap_or(0);
            }
            0x0204 | 0x00D6 if data.len() >= 4 => {
                cost.values.add(at(0), at(2));
                cost.text += 3 * data.len() as u64;
            }
            0x0203 | 0x0205 | 0x027E if data.len() >= 4 => {
                cost.values.add(at(0), at(2));
            }
            0x0207 => {
                cost.values.add(formula_at.0, formula_at.1);
                cost.text += 3 * data.len() as u64;
            }
            0x00BD if data.len() >= 6 => {
                cost.values.add(at(0), at(2));
                cost.values.add(at(0), at(data.len() - 2));
            }
            0x0006 if data.len() >= 20 => {
                formula_at = (at(0), at(2));
                cost.values.add(formula_at.0, formula_at.1);
                cost.formulas.add(formula_at.0, formula_at.1);
                cost.text += (data.len() as u64).saturating_mul(formula_growth);
            }
            _ => {}
        }
    }
    Ok(cost)
}

/// Rows and columns a `Dimensions` record makes the reader reserve, with the
/// reader's own arithmetic (wrapping where it wraps).
fn dimensions(r: &[u8]) -> Option<(u64, u64)> {
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (
            u32::from(u16_at(r, 0)?),
            u32::from(u16_at(r, 2)?),
            u32::from(u16_at(r, 4)?),
            u32::from(u16_at(r, 6)?),
        ),
        14 | 16 => (
            u32_at(r, 0)?,
            u32_at(r, 4)?,
            u32::from(u16_at(r, 8)?),
            u32::from(u16_at(r, 10)?),
        ),
        _ => return None,
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (start, end) = if rl >= 1 && cl >= 1 {
        ((rf, cf), (rl - 1, cl - 1))
    } else {
        ((rf, cf), (rf, cf))
    };
    let rows = end.0.wrapping_sub(start.0).wrapping_add(1);
    let cols = end.1.wrapping_sub(start.1).wrapping_add(1);
    Some((u64::from(rows), u64::from(cols)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_as_the_reader_computes_them() {
        let mut rec = Vec::new();
        for v in [0u32, 1_048_576] {
            rec.extend(v.to_le_bytes());
        }
        for v in [0u16, 256, 0] {
            rec.extend(v.to_le_bytes());
        }
        assert_eq!(dimensions(&rec), Some((1_048_576, 256)));
        // first row after the last: the reader's subtraction wraps
        let mut rec = Vec::new();
        for v in [10u32, 2] {
            rec.extend(v.to_le_bytes());
        }
        for v in [0u16, 3, 0] {
            rec.extend(v.to_le_bytes());
        }
        assert_eq!(dimensions(&rec), Some((u64::from(u32::MAX) - 7, 3)));
    }

    #[test]
    fn shared_strings_across_continuations() {
        // SST header, then "abc" (8-bit), then "de" in UTF-16 split over a
        // continuation whose first byte switches back to 8-bit
        let mut data = vec![0u8; 8];
        data.extend([3, 0, 0, b'a', b'b', b'c']);
        data.extend([2, 0, 1, b'd', 0]);
        let cont: &[u8] = &[0, b'e'];
        let r = Record {
            typ: 0x00FC,
            data: &data,
            cont: VecDeque::from([cont]),
        };
        assert_eq!(sst_sizes(r), vec![9, 6]);
    }

    #[test]
    fn records_skip_continuations() {
        let stream = [
            0x09, 0x08, 0x02, 0x00, 0xAA, 0xBB, // BOF, 2 bytes
            0x3C, 0x00, 0x01, 0x00, 0xCC, // CONTINUE
            0x0A, 0x00, 0x00, 0x00, // EOF
        ];
        let got: Vec<u16> = Records { stream: &stream }.map(|r| r.typ).collect();
        assert_eq!(got, vec![0x0809, 0x000A]);
    }

    #[test]
    fn an_encrypted_stream_is_encrypted_before_any_limit() {
        // BOF, FILEPASS (RC4), then a sheet whose encrypted bytes claim
        // a huge dimension: told encrypted, never over a limit
        let mut stream = vec![0x09, 0x08, 0x02, 0x00, 0x00, 0x06];
        stream.extend([0x2F, 0x00, 0x06, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00]);
        stream.extend([
            0x85, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, b'S',
        ]);
        stream.extend([0x0A, 0x00, 0x00, 0x00]);
        let tight = Limits {
            max_sheet_cells: 0,
            max_workbook_cells: 0,
            ..Limits::default()
        };
        assert_eq!(check_records(&stream, &tight), Err(Refusal::Encrypted));
        let plain: Vec<u8> = stream[..6]
            .iter()
            .chain(&stream[10 + 6..])
            .copied()
            .collect();
        assert!(check_records(&plain, &Limits::default()).is_ok());
    }
}
