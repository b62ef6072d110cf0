//! Sheets that are not worksheets, made known to the reader.
//!
//! The reader lists worksheets, chart sheets and dialog sheets of an xlsx,
//! xlsm or xlsb, but refuses the whole workbook when it meets an Excel 4
//! macro sheet (`xl/macrosheets/…`, relationship type `xlMacrosheet` or
//! `xlIntlMacrosheet`). Such a workbook is a report with one sheet of
//! macros beside it, so its package is rewritten before the reader opens it:
//! the macro sheet's relationship is made a chart sheet's, which the reader
//! lists and the workbook reader passes over like every sheet that is not a
//! worksheet. The macro sheet's own part is left as it is and never read.
//!
//! Input: the package's bytes, already checked by the guard. Output:
//! the same bytes where there is no macro sheet, or the rewritten package.

use regex::Regex;
use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;
use zip::ZipArchive;

/// The relationship parts of the workbook, for xlsx/xlsm and for xlsb.
const RELS: [&str; 2] = ["xl/_rels/workbook.xml.rels", "xl/_rels/workbook.bin.rels"];

const CHARTSHEET: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet";

/// One `<Relationship …>` element.
static RELATIONSHIP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(?:\w+:)?Relationship\s[^>]*>").expect("a valid pattern"));
/// Its `Type` and `Target` attributes.
static TYPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\sType\s*=\s*["']([^"']*)["']"#).expect("a valid pattern"));
static TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\sTarget\s*=\s*["']([^"']*)["']"#).expect("a valid pattern"));

/// The package with every macro sheet made a chart sheet, or `None` when it
/// has none (or cannot be rewritten: the reader then says what is wrong).
pub(crate) fn macro_sheets_as_charts(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let (rels_name, rels) = RELS.iter().find_map(|name| {
        let mut part = zip.by_name(name).ok()?;
        let mut text = String::new();
        part.read_to_string(&mut text).ok()?;
        Some((*name, text))
    })?;
    let rewritten = rewrite_rels(&rels)?;
    repack(&mut zip, rels_name, &rewritten).ok()
}

fn is_macro_sheet(typ: &str) -> bool {
    let last = typ.rsplit('/').next().unwrap_or(typ);
    last.eq_ignore_ascii_case("xlMacrosheet") || last.eq_ignore_ascii_case("xlIntlMacrosheet")
}

/// The relationships with each macro sheet's type set to a chart sheet's and
/// its target moved under `chartsheets/` (the xlsb reader tells the kind of
/// a sheet by the first folder of its target); `None` when there is none.
fn rewrite_rels(rels: &str) -> Option<String> {
    let mut changed = false;
    let out = RELATIONSHIP.replace_all(rels, |m: &regex::Captures<'_>| {
        let element = &m[0];
        let is_macro = TYPE
            .captures(element)
            .is_some_and(|t| is_macro_sheet(&t[1]));
        if !is_macro {
            return element.to_string();
        }
        changed = true;
        let element = TYPE.replace(element, format!(" Type=\"{CHARTSHEET}\""));
        TARGET
            .replace(&element, |t: &regex::Captures<'_>| {
                format!(" Target=\"chartsheets/{}\"", t[1].trim_start_matches('/'))
            })
            .into_owned()
    });
    changed.then(|| out.into_owned())
}

/// The package again, every part copied as it was packed but `name`, which
/// holds `text`.
pub(super) fn repack(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    text: &str,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i)?;
        if part.name().is_ok_and(|n| n == name) {
            drop(part);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored);
            out.start_file(name, opts)?;
            out.write_all(text.as_bytes())?;
        } else {
            out.raw_copy_file(part)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macro_sheet_relationships_become_chart_sheets() {
        let rels = r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="/xl/macrosheets/sheet1.xml"/><Relationship Id='rId3' Type='http://schemas.microsoft.com/office/2006/relationships/xlIntlMacrosheet' Target='macrosheets/intl1.bin'/></Relationships>"#;
        let out = rewrite_rels(rels).expect("rewritten");
        assert!(out.contains(r#"Target="worksheets/sheet1.xml""#), "{out}");
        assert!(!out.contains("Macrosheet"), "{out}");
        assert_eq!(out.matches(CHARTSHEET).count(), 2, "{out}");
        assert!(out.contains(r#"Target="chartsheets/xl/macrosheets/sheet1.xml""#));
        assert!(out.contains(r#"Target="chartsheets/macrosheets/intl1.bin""#));
        let plain = r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
        assert_eq!(rewrite_rels(plain), None);
    }
}
