//! A workbook of values only, marked as already calculated.
//!
//! The writer asks Excel for a full recalculation on load
//! (`<calcPr fullCalcOnLoad="1"/>`) and names Excel 2007's calculation
//! engine (`calcId="124519"`): Excel then recalculates on opening, and on
//! closing asks "Save changes?" of a file nobody changed. A workbook that
//! holds no formulas has nothing to recalculate: [`values_only`] drops the
//! flag and names the engine of current Excel, so Excel opens the file as
//! calculated. Every other part is copied as it was packed, byte for byte, so
//! the same workbook gives the same bytes.

use rust_xlsxwriter::XlsxError;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The workbook part that holds `<calcPr>`.
const WORKBOOK_PART: &str = "xl/workbook.xml";
/// The calculation engine of Excel 2019 and Microsoft 365.
const CALC_ID: &str = "191029";

/// `xlsx` with `<calcPr>` saying the values are calculated. Only for
/// workbooks without formulas: Excel would show a formula's stored value,
/// not recalculate it.
pub(crate) fn values_only(xlsx: &[u8]) -> Result<Vec<u8>, XlsxError> {
    let zip_err = |e: zip::result::ZipError| XlsxError::CustomError(format!("zip: {e}"));
    let mut archive = ZipArchive::new(Cursor::new(xlsx)).map_err(zip_err)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(xlsx.len())));
    for i in 0..archive.len() {
        let name = archive
            .by_index_raw(i)
            .map_err(zip_err)?
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        if name != WORKBOOK_PART {
            out.raw_copy_file(archive.by_index_raw(i).map_err(zip_err)?)
                .map_err(zip_err)?;
            continue;
        }
        let mut xml = String::new();
        archive
            .by_index(i)
            .map_err(zip_err)?
            .read_to_string(&mut xml)?;
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(3))
            .unix_permissions(0o600)
            .last_modified_time(DateTime::default());
        out.start_file(WORKBOOK_PART, options).map_err(zip_err)?;
        out.write_all(calculated(&xml).as_bytes())?;
    }
    Ok(out.finish().map_err(zip_err)?.into_inner())
}

/// `workbook.xml` with the `<calcPr>` element rewritten; anything else
/// unchanged.
fn calculated(xml: &str) -> String {
    let Some(start) = xml.find("<calcPr") else {
        return xml.to_string();
    };
    let Some(len) = xml[start..].find("/>") else {
        return xml.to_string();
    };
    let element = &xml[start..start + len];
    let kept: Vec<&str> = attributes(element)
        .into_iter()
        .filter(|a| !a.starts_with("fullCalcOnLoad=") && !a.starts_with("calcId="))
        .collect();
    let mut rewritten = format!("<calcPr calcId=\"{CALC_ID}\"");
    for a in kept {
        rewritten.push(' ');
        rewritten.push_str(a);
    }
    format!("{}{}{}", &xml[..start], rewritten, &xml[start + len..])
}

/// The `name="value"` attributes of an element's opening text.
fn attributes(element: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = element.trim_start_matches("<calcPr");
    while let Some(eq) = rest.find("=\"") {
        let name_start = rest[..eq].rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let Some(close) = rest[eq + 2..].find('"') else {
            break;
        };
        let end = eq + 2 + close + 1;
        out.push(&rest[name_start..end]);
        rest = &rest[end..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_goes_and_other_settings_stay() {
        let xml = r#"<workbook><sheets/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>"#;
        assert_eq!(
            calculated(xml),
            r#"<workbook><sheets/><calcPr calcId="191029"/></workbook>"#
        );
        let manual = r#"<calcPr calcId="124519" calcMode="manual" calcOnSave="0"/>"#;
        assert_eq!(
            calculated(manual),
            r#"<calcPr calcId="191029" calcMode="manual" calcOnSave="0"/>"#
        );
        let none = "<workbook><sheets/></workbook>";
        assert_eq!(calculated(none), none);
    }

    #[test]
    fn a_workbook_keeps_its_sheets_and_its_bytes_are_stable() {
        let make = || {
            let mut wb = crate::workbook::new_workbook();
            let ws = wb.add_worksheet();
            ws.write_number(0, 0, 1.5).unwrap();
            ws.write_string(1, 0, "мәтін").unwrap();
            wb.save_to_buffer().unwrap()
        };
        let (a, b) = (values_only(&make()).unwrap(), values_only(&make()).unwrap());
        assert_eq!(a, b);
        let mut zip = ZipArchive::new(Cursor::new(&a)).unwrap();
        let mut xml = String::new();
        zip.by_name(WORKBOOK_PART)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(!xml.contains("fullCalcOnLoad"), "{xml}");
        assert!(xml.contains(r#"<calcPr calcId="191029"/>"#), "{xml}");
        let made = make();
        let original = ZipArchive::new(Cursor::new(&made)).unwrap();
        let names = |z: &ZipArchive<_>| {
            let mut n: Vec<String> = z.file_names().flatten().map(|n| n.to_string()).collect();
            n.sort();
            n
        };
        assert_eq!(names(&zip), names(&original));
    }
}
