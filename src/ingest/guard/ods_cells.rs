//! .ods: the reader expands every sheet of `content.xml` into memory, cells
//! repeated by `number-columns-repeated` one by one (up to 16 384 a row), then
//! the rectangle from the first to the last non-empty cell with rows repeated
//! by `number-rows-repeated`. This scan counts both the way the reader does,
//! streaming, before it runs.

use super::{CellBudget, Limit, Refusal};
use crate::pipeline::Limits;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Read};

/// The reader's own caps (calamine `ods.rs`).
const MAX_COLUMNS: u64 = 16_384;
const MAX_ROWS: u64 = 1_048_576;

#[derive(Default)]
struct Table {
    name: String,
    /// Rows so far, as the reader caps them.
    rows: u64,
    /// Cells materialised while reading, before the rectangle is built.
    materialised: u64,
    /// Widest materialised row.
    width: u64,
    /// Rows (with repeats) from the first to the last non-empty row record.
    span: u64,
    /// Rows (with repeats) after the last non-empty record so far.
    pending: u64,
    seen_data: bool,
    /// Bytes of values the reader copies: once per repeated cell, again per
    /// repeated row.
    text: u64,
}

#[derive(Default)]
struct Row {
    repeats: u64,
    len: u64,
    /// Empty cells not yet materialised (only a later value makes them so).
    empty_run: u64,
    has_data: bool,
    text: u64,
}

struct OpenCell {
    repeats: u64,
    has_data: bool,
    depth: usize,
    /// Where the cell's start tag began in the part.
    from: u64,
}

pub(crate) fn check<R: Read>(
    part: R,
    limits: &Limits,
    budget: &mut CellBudget,
) -> Result<(), Refusal> {
    let mut text: u64 = 0;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    let mut table: Option<Table> = None;
    let mut row: Option<Row> = None;
    let mut cell: Option<OpenCell> = None;
    loop {
        buf.clear();
        let before = xml.buffer_position();
        let event = match xml.read_event_into(&mut buf) {
            Ok(e) => e,
            // The reader stops at the same fault: what it allocated up to
            // here has been counted.
            Err(_) => return Ok(()),
        };
        match event {
            Event::Eof => return Ok(()),
            Event::Start(e) => {
                if let Some(c) = cell.as_mut() {
                    // anything inside a cell (`<text:p>`) may be its value
                    c.has_data = true;
                    c.depth += 1;
                    continue;
                }
                match e.name().as_ref() {
                    "table:table" => {
                        table = Some(Table {
                            name: attr(&e, "table:name").unwrap_or_default(),
                            ..Table::default()
                        });
                    }
                    "table:table-row" if table.is_some() => {
                        let t = table.as_mut().expect("inside a table");
                        let asked = repeats(&e, "table:number-rows-repeated");
                        let capped = asked.min(MAX_ROWS.saturating_sub(t.rows));
                        t.rows += capped;
                        row = Some(Row {
                            repeats: capped,
                            ..Row::default()
                        });
                    }
                    "table:table-cell" | "table:covered-table-cell" if row.is_some() => {
                        cell = Some(OpenCell {
                            repeats: repeats(&e, "table:number-columns-repeated"),
                            has_data: holds_value(&e),
                            depth: 0,
                            from: before,
                        });
                    }
                    _ => {}
                }
            }
            Event::Text(t) if t.chars().any(|c| !c.is_whitespace()) => {
                if let Some(c) = cell.as_mut() {
                    c.has_data = true;
                }
            }
            Event::End(e) => {
                if let Some(c) = cell.as_mut() {
                    if c.depth > 0 {
                        c.depth -= 1;
                        continue;
                    }
                }
                match e.name().as_ref() {
                    "table:table-cell" | "table:covered-table-cell" => {
                        if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                            let size = xml.buffer_position().saturating_sub(c.from);
                            close_cell(r, &c, size);
                        }
                    }
                    "table:table-row" => {
                        if let (Some(r), Some(t)) = (row.take(), table.as_mut()) {
                            close_row(t, &r);
                        }
                    }
                    "table:table" => {
                        if let Some(t) = table.take() {
                            close_table(&t, limits, budget)?;
                            text = text.saturating_add(t.text);
                            if text > limits.max_unpacked_bytes {
                                return Err(super::over(
                                    Limit::Unpacked,
                                    format!(
                                        "{text} bytes of repeated cell values up to sheet {}, limits.max_unpacked_bytes = {}",
                                        t.name, limits.max_unpacked_bytes
                                    ),
                                ));
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

fn close_cell(r: &mut Row, c: &OpenCell, size: u64) {
    // The run of empty cells before this one becomes real cells first.
    let empties = r.empty_run.min(MAX_COLUMNS.saturating_sub(r.len));
    r.len += empties;
    let capped = c.repeats.min(MAX_COLUMNS.saturating_sub(r.len));
    if c.has_data {
        r.len += capped;
        r.empty_run = 0;
        r.has_data = true;
        r.text = r.text.saturating_add(size.saturating_mul(capped));
    } else {
        r.empty_run = capped;
    }
}

fn close_row(t: &mut Table, r: &Row) {
    t.materialised = t.materialised.saturating_add(r.len);
    // read once, then copied once per repeat of the row
    t.text = t
        .text
        .saturating_add(r.text.saturating_mul(r.repeats.saturating_add(1)));
    t.width = t.width.max(r.len);
    if r.has_data {
        if t.seen_data {
            t.span = t.span.saturating_add(t.pending).saturating_add(r.repeats);
        } else {
            t.span = r.repeats;
            t.seen_data = true;
        }
        t.pending = 0;
    } else if t.seen_data {
        t.pending = t.pending.saturating_add(r.repeats);
    }
}

fn close_table(t: &Table, limits: &Limits, budget: &mut CellBudget) -> Result<(), Refusal> {
    let rectangle = t.span.saturating_mul(t.width);
    let (cells, what) = if rectangle >= t.materialised {
        (rectangle, "spans")
    } else {
        (t.materialised, "expands to")
    };
    budget.add(&t.name, cells, what, limits)
}

/// Whether a cell element carries a value or formula in its attributes.
fn holds_value(e: &BytesStart) -> bool {
    e.attributes().with_checks(false).flatten().any(|a| {
        let k = a.key.as_ref();
        k.starts_with("office:") || k == "table:formula"
    })
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| char_refs(&a.value))
}

/// Numeric character references resolved (`&#49;` is `1`), as the reader
/// resolves them before it parses a repeat count.
fn char_refs(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 2..];
        let Some(end) = tail.find(';') else {
            out.push_str(&rest[at..]);
            return out;
        };
        let code = &tail[..end];
        let n = match code.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => code.parse().ok(),
        };
        match n.and_then(char::from_u32) {
            Some(c) => out.push(c),
            None => out.push_str(&rest[at..at + 3 + end]),
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

fn repeats(e: &BytesStart, key: &str) -> u64 {
    attr(e, key)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(xml: &str) -> Result<u64, Refusal> {
        let limits = Limits {
            max_sheet_cells: 1_000,
            max_workbook_cells: 1_500,
            ..Limits::default()
        };
        let mut budget = CellBudget::default();
        check(xml.as_bytes(), &limits, &mut budget)?;
        Ok(budget.used)
    }

    const ROW: &str = r#"<table:table-row><table:table-cell office:value="1"/><table:table-cell/><table:table-cell office:value="2"/></table:table-row>"#;

    #[test]
    fn a_plain_sheet_counts_its_rectangle() {
        let xml = format!(r#"<table:table table:name="A">{ROW}{ROW}</table:table>"#);
        assert_eq!(cells(&xml).unwrap(), 6);
    }

    #[test]
    fn trailing_empty_rows_repeated_to_the_end_cost_nothing() {
        let xml = format!(
            r#"<table:table table:name="A">{ROW}<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#
        );
        assert_eq!(cells(&xml).unwrap(), 3);
    }

    #[test]
    fn repeated_values_are_refused() {
        let xml = r#"<table:table table:name="A"><table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="16384" office:value="1"/></table:table-row></table:table>"#;
        let err = cells(xml).unwrap_err();
        assert!(
            matches!(&err, Refusal::OverLimit { limit: Limit::SheetCells, detail } if detail.starts_with("A:")),
            "{err:?}"
        );
    }

    #[test]
    fn a_long_value_repeated_is_refused() {
        let long = "x".repeat(10_000);
        let xml = format!(
            r#"<table:table table:name="A"><table:table-row table:number-rows-repeated="100"><table:table-cell table:number-columns-repeated="5" office:value-type="string"><text:p>{long}</text:p></table:table-cell></table:table-row></table:table>"#
        );
        let limits = Limits {
            max_unpacked_bytes: 1_000_000,
            ..Limits::default()
        };
        let err = check(xml.as_bytes(), &limits, &mut CellBudget::default()).unwrap_err();
        assert!(
            matches!(
                err,
                Refusal::OverLimit {
                    limit: Limit::Unpacked,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn character_references_are_resolved() {
        assert_eq!(char_refs("&#49;0&#x30;"), "100");
        assert_eq!(char_refs("5&amp;"), "5&amp;");
    }

    #[test]
    fn empty_rows_between_values_count() {
        let xml = format!(
            r#"<table:table table:name="A">{ROW}<table:table-row table:number-rows-repeated="300"><table:table-cell/></table:table-row>{ROW}</table:table>"#
        );
        assert_eq!(cells(&xml).unwrap(), 302 * 3);
    }
}
