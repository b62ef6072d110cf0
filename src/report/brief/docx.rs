//! The brief's blocks laid out as a Word document (docx-rs): A4, Times New
//! Roman 14 pt as office documents are typed, paragraphs justified with a
//! first-line indent, the table in 12 pt with borders. Plain standard
//! parts only, so that Word and LibreOffice open it without a repair.
//!
//! The same blocks give the same bytes: the document's dates are the
//! period's as-of date, the zip's entries carry the zip format's fixed
//! earliest time, and nothing else varies.

use super::blocks::{Block, Span};
use docx_rs::{
    AlignmentType, Docx, LineSpacing, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
    Table, TableCell, TableRow, WidthType,
};

/// A4 in twentieths of a point.
const PAGE: (u32, u32) = (11_906, 16_838);
/// Margins as office documents have them: 3 cm left, 1.5 cm right, 2 cm
/// top and bottom.
const MARGIN: (i32, i32, i32, i32) = (1134, 1701, 1134, 850);
/// The width between the margins.
const TEXT_WIDTH: usize = 11_906 - 1701 - 850;
/// First-line indent of a paragraph: 1.25 cm.
const INDENT: i32 = 709;
/// Font sizes in half-points: 14 pt text, 12 pt table.
const TEXT_SIZE: usize = 28;
const TABLE_SIZE: usize = 24;
const FONT: &str = "Times New Roman";

/// The document's bytes. `date` (`2026-01-01T00:00:00Z`) is written as its
/// creation and modification time.
pub(super) fn render(blocks: &[Block], date: &str) -> Result<Vec<u8>, docx_rs::DocxError> {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT);
    let mut doc = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(PageMargin {
            top: MARGIN.0,
            left: MARGIN.1,
            bottom: MARGIN.2,
            right: MARGIN.3,
            header: 709,
            footer: 709,
            gutter: 0,
        })
        .default_fonts(fonts)
        .default_size(TEXT_SIZE)
        .created_at(date)
        .updated_at(date);
    for block in blocks {
        doc = add(doc, block);
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.pack(&mut out)?;
    Ok(out.into_inner())
}

fn add(doc: Docx, block: &Block) -> Docx {
    match block {
        Block::Title(lines) => lines.iter().enumerate().fold(doc, |d, (i, line)| {
            // A blank line's worth of space below the block.
            let after = if i + 1 == lines.len() { 280 } else { 0 };
            d.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(line).bold())
                    .align(AlignmentType::Center)
                    .keep_next(true)
                    .line_spacing(LineSpacing::new().after(after)),
            )
        }),
        Block::Heading(text) => doc.add_paragraph(
            body()
                .align(AlignmentType::Left)
                .add_run(Run::new().add_text(text).bold())
                .keep_next(true)
                .line_spacing(LineSpacing::new().before(240).after(120)),
        ),
        Block::Para(spans) => {
            doc.add_paragraph(spans.iter().fold(body(), |p, span| p.add_run(run(span))))
        }
        Block::Bullets(items) => items.iter().fold(doc, |d, item| {
            d.add_paragraph(
                body()
                    .add_run(Run::new().add_text(format!("– {item}")))
                    .line_spacing(LineSpacing::new().after(0)),
            )
        }),
        Block::Table { head, rows } => doc.add_table(table(head, rows)),
        Block::Signature { position, person } => {
            let mut d = doc.add_paragraph(Paragraph::new());
            for line in position {
                d = d.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(line).bold())
                        .keep_next(true),
                );
            }
            if person.is_empty() {
                d
            } else {
                d.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(person).bold())
                        .align(AlignmentType::Right),
                )
            }
        }
    }
}

/// A paragraph of running text: justified, first line indented.
fn body() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
        .line_spacing(LineSpacing::new().after(120))
}

fn run(span: &Span) -> Run {
    let mut r = Run::new().add_text(&span.text);
    if span.bold {
        r = r.bold();
    }
    if span.italic {
        r = r.italic();
    }
    r
}

/// The table: `№` narrow, the indicator wide, the figures' columns equal.
fn table(head: &[String], rows: &[Vec<String>]) -> Table {
    let figures = head.len().saturating_sub(2).max(1);
    let no = 700;
    let figure = 1800;
    let label = TEXT_WIDTH.saturating_sub(no + figure * figures);
    let widths: Vec<usize> = (0..head.len())
        .map(|i| match i {
            0 => no,
            1 => label,
            _ => figure,
        })
        .collect();
    let row = |cells: &[String], bold: bool| {
        TableRow::new(
            cells
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    let align = match (bold, i) {
                        (true, _) | (false, 0) => AlignmentType::Center,
                        (false, 1) => AlignmentType::Left,
                        _ => AlignmentType::Right,
                    };
                    let mut r = Run::new().add_text(text).size(TABLE_SIZE);
                    if bold {
                        r = r.bold();
                    }
                    TableCell::new()
                        .width(widths[i], WidthType::Dxa)
                        .add_paragraph(Paragraph::new().add_run(r).align(align))
                })
                .collect(),
        )
        .cant_split()
    };
    let mut all = vec![row(head, true)];
    all.extend(rows.iter().map(|r| row(r, false)));
    Table::new(all)
        .set_grid(widths.clone())
        .width(widths.iter().sum(), WidthType::Dxa)
}
