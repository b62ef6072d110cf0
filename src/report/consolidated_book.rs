//! `consolidated-<period>.xlsx`: the workbook leadership reads.

use super::{Outcome, OutputPaths};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// The indicator rows of the seed's table: (field, kk, ru, en).
pub const INDICATORS: [(&str, &str, &str, &str); 8] = [
    (
        "members",
        "Кәсіподақ мүшелерінің жалпы саны",
        "Численность членов профсоюза, всего",
        "Union members, total",
    ),
    (
        "trained.total",
        "Кәсіподақтық оқытудан өткендер саны, оның ішінде:",
        "Прошли профсоюзное обучение, всего; из них:",
        "Completed union training, total; of them:",
    ),
    (
        "trained.members",
        "кәсіподақ мүшелері",
        "члены профсоюза",
        "rank-and-file members",
    ),
    (
        "trained.audit",
        "тексеру комиссияларының мүшелері",
        "члены ревизионных комиссий",
        "audit commission members",
    ),
    (
        "trained.activists",
        "кәсіподақ активі",
        "профсоюзный актив",
        "union activists",
    ),
    (
        "trained.chairs",
        "кәсіподақ ұйымдарының төрағалары",
        "председатели профсоюзных организаций",
        "chairs of union organisations",
    ),
    (
        "trained.conciliation",
        "келісу комиссияларының мүшелері",
        "члены согласительных комиссий",
        "conciliation commission members",
    ),
    (
        "trained_share",
        "Оқытудан өткендердің кәсіподақ мүшелерінің жалпы санына шаққандағы пайызы",
        "Удельный вес обученных от общего числа членов профсоюза, %",
        "Trained as % of all members",
    ),
];

pub fn figure(f: &crate::consolidate::Figures, field: &str) -> Option<f64> {
    match field {
        "members" => f.members,
        "trained_share" => f.trained_share,
        other => f
            .trained
            .fields()
            .iter()
            .find(|(k, _)| *k == other)
            .and_then(|(_, v)| *v),
    }
}

pub fn build(o: &Outcome, _paths: &OutputPaths) -> Result<Vec<u8>, XlsxError> {
    let lang = o.lang;
    let mut wb = Workbook::new();
    let (y, m, _) = o.period.as_of();
    wb.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&ExcelDateTime::from_ymd(y as u16, m as u8, 1)?),
    );
    let bold = Format::new().set_bold().set_text_wrap();
    let int = Format::new().set_num_format("# ##0");
    let pct = Format::new().set_num_format("0.0%");

    let ws = wb.add_worksheet();
    ws.set_name(lang.pick("Жиынтық", "Свод", "Summary"))?;
    ws.write_string_with_format(0, 0, o.pipeline.title(lang), &bold)?;
    ws.write_string_with_format(2, 0, "№", &bold)?;
    ws.write_string_with_format(
        2,
        1,
        lang.pick("Көрсеткіш", "Показатель", "Indicator"),
        &bold,
    )?;
    ws.write_string_with_format(2, 2, o.period.as_of_dotted(), &bold)?;
    let region = &o.consolidation.region;
    for (i, (field, kk, ru, en)) in INDICATORS.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, lang.pick(kk, ru, en))?;
        if let Some(v) = figure(region, field) {
            if *field == "trained_share" {
                ws.write_number_with_format(r, 2, v, &pct)?;
            } else {
                ws.write_number_with_format(r, 2, v, &int)?;
            }
        }
    }
    ws.set_column_width(1, 60)?;
    ws.set_column_width(2, 14)?;

    let us = wb.add_worksheet();
    us.set_name(lang.pick("Бөлімшелер", "Подразделения", "Units"))?;
    let mut headers = vec![lang.pick("Бөлімше", "Подразделение", "Unit").to_string()];
    headers.extend(
        INDICATORS
            .iter()
            .map(|(_, kk, ru, en)| lang.pick(kk, ru, en).to_string()),
    );
    for (c, h) in headers.iter().enumerate() {
        us.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, u) in o.consolidation.units.iter().enumerate() {
        let r = r as u32 + 1;
        let name = o
            .pipeline
            .unit(&u.unit)
            .map(|x| x.name(lang).to_string())
            .unwrap_or_else(|| u.unit.clone());
        us.write_string(r, 0, &name)?;
        for (c, (field, ..)) in INDICATORS.iter().enumerate() {
            if let Some(v) = figure(&u.figures, field) {
                let f = if *field == "trained_share" {
                    &pct
                } else {
                    &int
                };
                us.write_number_with_format(r, c as u16 + 1, v, f)?;
            }
        }
    }
    us.set_freeze_panes(1, 1)?;
    us.set_column_width(0, 40)?;
    wb.save_to_buffer()
}
