//! The registry workbook of a new working folder: the registry's sheet with
//! the pipeline's headers (Kazakh, the Russian in each header's note), empty
//! or holding a draft, and an instructions sheet in Kazakh and Russian.

use super::draft::{Draft, DraftOrg};
use crate::commands::WORKING_PIPELINE;
use crate::lang::{fill, Lang};
use crate::pipeline::Pipeline;
use crate::workbook::formats::{self, code, colour};
use crate::workbook::{cell_text, dated, new_workbook};
use rust_xlsxwriter::{DocProperties, Format, Note, Workbook, Worksheet, XlsxError};

crate::texts! {
    /// The texts of the registry workbook `init` writes.
    pub(crate) enum Text {
        RegistrySheet => ("Тізілім", "Реестр", "Registry"),
        InstructionsSheet => ("Нұсқаулық", "Инструкция", "Instructions"),
        Source => ("Қайдан алынды (файл, парақ, жол)", "Откуда взято (файл, лист, строка)", "Read from (file, sheet, row)"),
        Title => (
            "Бастапқы кәсіподақ ұйымдарының тізілімі",
            "Реестр первичных профсоюзных организаций",
            "The registry of primary union organisations",
        ),
        Rows => (
            "Бір жол — бір ұйым. Тақырыптар жолын өзгертпеңіз: бағандар тақырыптарынан танылады (әр тақырыптың ескертпесінде орысша атауы бар, ол да оқылады).",
            "Одна строка — одна организация. Не меняйте строку заголовков: столбцы узнаются по заголовкам (казахские, русские даны в примечании к каждому, читаются и те и другие).",
            "One row per organisation. Keep the header row: the columns are told by their headers (Kazakh, the Russian in each header's note; either is read).",
        ),
        Unit => (
            "Аудан (қала): бөлімшенің баптау файлындағы атауы, мысалы «Алға ауданы» немесе «Алгинский район».",
            "Район: название подразделения, как в файле настройки, например «Алға ауданы» или «Алгинский район».",
            "Unit: the unit's name as in the pipeline file, for example «Алға ауданы» or «Алгинский район».",
        ),
        Bin => (
            "БСН: 12 сан, мәтін ретінде. БСН-і жоқ жол тізілімге кірмейді: оны толтырыңыз.",
            "БИН: 12 цифр, как текст. Строка без БИН в реестр не попадает: заполните его.",
            "БСН: 12 digits, as text. A row without a БСН is not part of the registry: fill it in.",
        ),
        Name => (
            "Толық атауы: ұйымның ресми атауы. Қысқаша атаулары: есептерде кездесетін басқа атаулары, нүктелі үтір (;) арқылы.",
            "Полное наименование: официальное название. Краткие наименования: другие названия из отчётов, через точку с запятой (;).",
            "Full name: the official name. Short names: other names the reports use, separated by semicolons (;).",
        ),
        Members => (
            "Түрі: мектеп, балабақша, колледж т.б. Кәсіподақ мүшелері: 1 қаңтардағы саны; есептегі сан одан тым алшақ болса, ескерту шығады.",
            "Тип: школа, детский сад, колледж и т. п. Члены профсоюза: на 1 января; если в отчёте число сильно отличается, будет предупреждение.",
            "Type: school, kindergarten, college and so on. Members: on 1 January; a report far from it gets a warning.",
        ),
        Draft => (
            "Бұл — есептерден жасалған жоба: әр жол есептегі жазылуымен алынды. Атауларды, БСН мен мүшелер санын тексеріңіз, бір ұйымның қайталанған жолдарын біріктіріңіз; «Қайдан алынды» бағанын кейін өшіруге болады.",
            "Это черновик, собранный из отчётов: каждая строка взята так, как написана в отчёте. Проверьте названия, БИН и число членов, объедините повторы одной организации; столбец «Откуда взято» потом можно удалить.",
            "This is a draft made from the reports: each row as a report writes it. Check the names, БСН and members, merge the rows of one organisation; the \"Read from\" column can be deleted afterwards.",
        ),
        /// `{file}`: the pipeline file; `{key}`: its setting; `{command}`: the run.
        Use => (
            "Тізілім {file} файлының {key} жолында аталған; {command} оны әр айда оқиды.",
            "Реестр указан в строке {key} файла {file}; {command} читает его каждый месяц.",
            "The registry is named on the {key} line of {file}; {command} reads it every month.",
        ),
    }
}

/// The instructions, in order (the draft's paragraph only in a draft).
const LINES: [Text; 6] = [
    Text::Rows,
    Text::Unit,
    Text::Bin,
    Text::Name,
    Text::Members,
    Text::Use,
];

/// An empty registry: headers and instructions.
pub(crate) fn empty(pipeline: &Pipeline) -> Result<Vec<u8>, XlsxError> {
    write(pipeline, None)
}

/// A registry holding a draft, with the column saying where each row came from.
pub(crate) fn draft(pipeline: &Pipeline, draft: &Draft) -> Result<Vec<u8>, XlsxError> {
    write(pipeline, Some(draft))
}

fn write(pipeline: &Pipeline, draft: Option<&Draft>) -> Result<Vec<u8>, XlsxError> {
    let mut wb = new_workbook();
    // Dated by the month drafted from, else the first day of 2000: the same
    // inputs give the same bytes.
    let date = draft.map_or((2000, 1, 1), |d| d.period.as_of());
    wb.set_properties(&dated(
        DocProperties::new().set_title(Text::Title.get(Lang::Kk)),
        date,
    )?);
    registry_sheet(&mut wb, pipeline, draft)?;
    instructions_sheet(&mut wb, draft.is_some())?;
    wb.save_to_buffer()
}

fn registry_sheet(
    wb: &mut Workbook,
    pipeline: &Pipeline,
    draft: Option<&Draft>,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(Text::RegistrySheet.get(Lang::Kk))?;
    let head = formats::header(formats::boxed(), colour::HEADER);
    let widths = [24.0, 16.0, 60.0, 40.0, 16.0, 14.0];
    for (col, (texts, width)) in pipeline
        .registry_spec
        .written
        .iter()
        .zip(widths)
        .enumerate()
    {
        let col = col as u16;
        ws.set_column_width(col, width)?;
        let kk = texts.first().map_or("", String::as_str);
        ws.write_string_with_format(0, col, kk, &head)?;
        if let Some(ru) = texts.get(1) {
            ws.insert_note(0, col, &Note::new(ru).set_author("jinaq"))?;
        }
    }
    let text = Format::new().set_num_format(code::TEXT);
    ws.set_column_format(1, &text)?;
    ws.set_freeze_panes(1, 0)?;
    let Some(draft) = draft else {
        return Ok(());
    };
    ws.set_column_width(6, 50.0)?;
    ws.write_string_with_format(0, 6, Text::Source.get(Lang::Kk), &head)?;
    ws.insert_note(
        0,
        6,
        &Note::new(Text::Source.get(Lang::Ru)).set_author("jinaq"),
    )?;
    let members = Format::new().set_num_format(formats::localised(Lang::Kk, code::THOUSANDS));
    for (i, org) in draft.orgs.iter().enumerate() {
        org_row(ws, i as u32 + 1, org, pipeline, (&text, &members))?;
    }
    ws.autofilter(0, 0, draft.orgs.len() as u32, 6)?;
    Ok(())
}

fn org_row(
    ws: &mut Worksheet,
    row: u32,
    org: &DraftOrg,
    pipeline: &Pipeline,
    (text, members): (&Format, &Format),
) -> Result<(), XlsxError> {
    let unit = pipeline
        .unit(&org.unit)
        .map_or(org.unit.as_str(), |u| u.kk.as_str());
    ws.write_string(row, 0, unit)?;
    if let Some(bin) = &org.bin {
        ws.write_string_with_format(row, 1, bin, text)?;
    }
    ws.write_string(row, 2, cell_text(&org.name))?;
    if let Some(m) = org.members {
        ws.write_number_with_format(row, 5, m, members)?;
    }
    ws.write_string(row, 6, cell_text(&org.sources.join("; ")))?;
    Ok(())
}

fn instructions_sheet(wb: &mut Workbook, draft: bool) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(Text::InstructionsSheet.get(Lang::Kk))?;
    ws.set_column_width(0, 110.0)?;
    let wrap = Format::new().set_text_wrap();
    let bold = formats::bold(12);
    let mut row = 0;
    for lang in [Lang::Kk, Lang::Ru] {
        ws.write_string_with_format(row, 0, Text::Title.get(lang), &bold)?;
        row += 1;
        let lines = draft.then_some(Text::Draft).into_iter().chain(LINES);
        for t in lines {
            let line = fill(
                t.get(lang),
                &[
                    ("file", WORKING_PIPELINE),
                    ("key", "registry"),
                    ("command", "jinaq consolidate"),
                ],
            );
            ws.write_string_with_format(row, 0, &line, &wrap)?;
            row += 1;
        }
        row += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_complete_in_every_language() {
        crate::lang::assert_complete(Text::ALL, Text::get);
    }
}
