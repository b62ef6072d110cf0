//! `discrepancies-<period>.xlsx`: the error report for follow-up.

use super::Outcome;
use crate::issue::Severity;
use crate::messages::{rule_title, severity_label};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

fn headers(lang: crate::lang::Lang) -> [&'static str; 11] {
    use crate::lang::Lang::*;
    match lang {
        Kk => [
            "Маңыздылығы",
            "Бөлімше",
            "Файл",
            "Парақ",
            "Ұяшық",
            "Ереже",
            "Сипаттама",
            "Күтілген",
            "Нақты",
            "Ұйым",
            "Көрсеткіш",
        ],
        Ru => [
            "Важность",
            "Подразделение",
            "Файл",
            "Лист",
            "Ячейка",
            "Правило",
            "Описание",
            "Ожидалось",
            "Фактически",
            "Организация",
            "Показатель",
        ],
        En => [
            "Severity",
            "Unit",
            "File",
            "Sheet",
            "Cell",
            "Rule",
            "Description",
            "Expected",
            "Actual",
            "Organisation",
            "Field",
        ],
    }
}

pub fn build(o: &Outcome) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let (y, m, _) = o.period.as_of();
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&ExcelDateTime::from_ymd(y as u16, m as u8, 1)?),
    );
    let bold = Format::new().set_bold().set_text_wrap();
    let ws = wb.add_worksheet();
    ws.set_name(o.lang.pick("Қателер", "Расхождения", "Issues"))?;
    for (c, h) in headers(o.lang).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, i) in o.issues.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, severity_label(i.severity, o.lang))?;
        let unit = i
            .unit
            .as_deref()
            .and_then(|u| o.pipeline.unit(u))
            .map(|u| u.name(o.lang).to_string())
            .unwrap_or_default();
        ws.write_string(r, 1, &unit)?;
        ws.write_string(r, 2, i.place.file.as_deref().unwrap_or(""))?;
        ws.write_string(r, 3, i.place.sheet.as_deref().unwrap_or(""))?;
        ws.write_string(r, 4, i.place.a1().unwrap_or_default())?;
        ws.write_string(r, 5, rule_title(i.rule, o.lang))?;
        ws.write_string(r, 6, crate::normalize::text::clean_display(&i.message))?;
        for (c, v) in [(7u16, &i.expected), (8, &i.actual)] {
            match v {
                Some(serde_json::Value::Number(n)) => {
                    ws.write_number(r, c, n.as_f64().unwrap_or_default())?;
                }
                Some(serde_json::Value::String(s)) => {
                    ws.write_string(r, c, crate::normalize::text::clean_display(s))?;
                }
                _ => {}
            }
        }
        ws.write_string(r, 9, i.org.as_deref().unwrap_or(""))?;
        ws.write_string(r, 10, i.field.as_deref().unwrap_or(""))?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, o.issues.len() as u32, 10)?;
    ws.set_column_width(6, 80)?;
    let _ = Severity::Error;
    wb.save_to_buffer()
}
