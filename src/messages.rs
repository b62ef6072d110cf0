//! Issue messages in Kazakh, Russian and English: one sentence saying what is
//! wrong, both values, where, and what to do. Also the labels of fields,
//! severities and rules that the outputs share.

use crate::issue::{Issue, Rule, Severity};
use crate::lang::Lang;
use crate::pipeline::Pipeline;
use serde_json::Value;

/// The name of a field as a district reads it.
pub fn field_label(field: &str, lang: Lang) -> &'static str {
    let (kk, ru, en) = match field {
        "members" => (
            "кәсіподақ мүшелерінің саны",
            "численность членов профсоюза",
            "union members",
        ),
        "trained.total" => (
            "кәсіподақтық оқытудан өткендер саны",
            "прошли профсоюзное обучение, всего",
            "completed union training, total",
        ),
        "trained.members" => (
            "оқытудан өткен кәсіподақ мүшелері",
            "обученные члены профсоюза",
            "trained rank-and-file members",
        ),
        "trained.audit" => (
            "тексеру комиссияларының мүшелері",
            "члены ревизионных комиссий",
            "audit commission members",
        ),
        "trained.activists" => ("кәсіподақ активі", "профсоюзный актив", "union activists"),
        "trained.chairs" => (
            "кәсіподақ ұйымдарының төрағалары",
            "председатели профсоюзных организаций",
            "chairs of union organisations",
        ),
        "trained.conciliation" => (
            "келісу комиссияларының мүшелері",
            "члены согласительных комиссий",
            "conciliation commission members",
        ),
        "trained_share" => (
            "оқытудан өткендердің үлесі, %",
            "доля обученных, %",
            "share trained, %",
        ),
        "participants" | "event.participants" => (
            "іс-шараларға қатысушылар саны",
            "количество участников мероприятий",
            "event participants",
        ),
        "finance.budget" => (
            "смета шығыстарының барлығы",
            "расходная часть сметы, всего",
            "budget expense side",
        ),
        "finance.training" => (
            "оның ішінде оқытуға",
            "в т.ч. на обучение",
            "of it on training",
        ),
        "finance.share" => (
            "оқытуға жұмсалған үлес",
            "доля расходов на обучение",
            "training share of expenses",
        ),
        "event.date" => ("іс-шараның күні", "дата мероприятия", "event date"),
        "event.form" => ("оқыту нысаны", "форма обучения", "form of training"),
        "event.topic_area" => ("бағыты", "направление", "topic area"),
        "event.respondents" => (
            "сауалнамаға қатысқандар",
            "анкетировано",
            "survey respondents",
        ),
        "event.usefulness" => ("пайдалылық бағасы", "оценка полезности", "usefulness score"),
        "event.will_apply" => (
            "тәжірибеде қолданатындар, %",
            "применят на практике, %",
            "will apply in practice, %",
        ),
        "org" => (
            "ұйымның атауы",
            "наименование организации",
            "organisation name",
        ),
        "coverage" => (
            "бастауыш ұйымдар бойынша оқыту кестесі",
            "таблица обучения по первичным организациям",
            "coverage table",
        ),
        _ => ("көрсеткіш", "показатель", "figure"),
    };
    lang.pick(kk, ru, en)
}

pub fn severity_label(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("қате", "ошибка", "error"),
        Severity::Warning => lang.pick("ескерту", "предупреждение", "warning"),
        Severity::Info => lang.pick("ақпарат", "сведения", "info"),
    }
}

/// A short title of a rule, for summary tables.
pub fn rule_title(rule: Rule, lang: Lang) -> &'static str {
    use Rule::*;
    let (kk, ru, en) = match rule {
        FileUnreadable => ("Файл оқылмайды", "Файл не читается", "Unreadable file"),
        FileEncrypted => (
            "Файл құпия сөзбен қорғалған",
            "Файл защищён паролем",
            "Password-protected file",
        ),
        FileEmpty => ("Бос файл", "Пустой файл", "Empty file"),
        FileIgnored => ("Есеп емес файл", "Файл не является отчётом", "Not a report"),
        FileSuperseded => ("Ауыстырылған нұсқа", "Заменённая версия", "Superseded copy"),
        FileUnitUnknown => ("Бөлімше анықталмады", "Не определён район", "Unit unknown"),
        FilePeriodMismatch => (
            "Басқа кезеңнің есебі",
            "Отчёт за другой период",
            "Other period",
        ),
        UnitMissing => ("Есеп жіберілмеді", "Отчёт не поступил", "No report"),
        SheetMissing => ("Кесте табылмады", "Таблица не найдена", "Table not found"),
        ColumnMissing => ("Баған жоқ", "Нет столбца", "Missing column"),
        ColumnUnknown => ("Белгісіз баған", "Неизвестный столбец", "Unknown column"),
        FormulaNoCachedValue => (
            "Формуланың мәні жоқ",
            "Формула без значения",
            "Formula without value",
        ),
        ValueNotANumber => ("Сан емес мән", "Не число", "Not a number"),
        ValueErrorCell => ("Ұяшықтағы қате", "Ошибка в ячейке", "Error cell"),
        ValueNegative => ("Теріс мән", "Отрицательное значение", "Negative value"),
        ValueFractional => ("Бөлшек сан", "Дробное число", "Fractional count"),
        ValueBadDate => ("Қате күн", "Неверная дата", "Bad date"),
        ValueOutOfPeriod => ("Кезеңнен тыс күн", "Дата вне периода", "Date out of period"),
        ValueUnknownCategory => (
            "Тізімде жоқ мән",
            "Значение вне перечня",
            "Unknown category",
        ),
        RowCategoriesSum => (
            "Санаттар қосындысы сәйкес емес",
            "Сумма категорий не сходится",
            "Categories do not add up",
        ),
        RowTrainedExceedsMembers => (
            "Оқығандар мүшелерден көп",
            "Обучено больше, чем членов",
            "More trained than members",
        ),
        RowShareMismatch => ("Пайыз қате", "Неверный процент", "Share mismatch"),
        RowDuplicateOrg => (
            "Ұйым қайталанған",
            "Организация повторяется",
            "Duplicate organisation",
        ),
        TotalMismatch => (
            "Жиын жолы сәйкес емес",
            "Итог не сходится",
            "Total mismatch",
        ),
        SummaryMismatch => (
            "Жиынтық сәйкес емес",
            "Свод не сходится",
            "Summary mismatch",
        ),
        RegistryUnknownOrg => (
            "Тізілімде жоқ ұйым",
            "Организации нет в реестре",
            "Unknown organisation",
        ),
        RegistryMissingOrg => (
            "Есепте жоқ ұйым",
            "Организации нет в отчёте",
            "Organisation not reported",
        ),
        RegistryOtherUnit => (
            "Басқа бөлімшенің ұйымы",
            "Организация другого района",
            "Organisation of another unit",
        ),
        RegistryMembersMismatch => (
            "Мүшелер саны тізілімнен өзгеше",
            "Численность отличается от реестра",
            "Members differ from registry",
        ),
        RegistryAutoMatched => (
            "Ұйым автоматты түрде танылды",
            "Организация сопоставлена автоматически",
            "Organisation matched automatically",
        ),
        EventsParticipantsMismatch => (
            "Қатысушылар саны сәйкес емес",
            "Участники не сходятся",
            "Participants mismatch",
        ),
        HistoryYtdDecrease => (
            "Жинақталған көрсеткіш азайды",
            "Нарастающий итог уменьшился",
            "Year-to-date decrease",
        ),
        HistoryOutlierChange => ("Күрт өзгеріс", "Резкое изменение", "Outlier change"),
        FinanceBelowNorm => (
            "Оқыту қаржысы нормадан төмен",
            "Финансирование ниже нормы",
            "Financing below norm",
        ),
        FinanceShareMismatch => (
            "Қаржы үлесі қате",
            "Неверная доля финансирования",
            "Financing share mismatch",
        ),
    };
    lang.pick(kk, ru, en)
}

/// A number as a person reads it: `3 102`, `9,3` (`3,102`, `9.3` in English).
pub fn fmt_num(v: f64, lang: Lang) -> String {
    let neg = v < 0.0;
    let a = v.abs();
    let decimals = crate::normalize::value::decimals_of(a).min(4);
    let s = format!("{a:.decimals$}", decimals = decimals as usize);
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let (group, point) = if lang == Lang::En {
        (',', '.')
    } else {
        ('\u{a0}', ',')
    };
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push(point);
        out.push_str(f);
    }
    if neg {
        format!("−{out}")
    } else {
        out
    }
}

/// A fraction as a percent: `9,3 %`.
pub fn fmt_pct(share: f64, lang: Lang) -> String {
    let v = (share * 1000.0).round() / 10.0;
    format!("{}\u{a0}%", fmt_num(v, lang))
}

fn fmt_value(v: &Option<Value>, lang: Lang) -> String {
    match v {
        Some(Value::Number(n)) => n.as_f64().map(|f| fmt_num(f, lang)).unwrap_or_default(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn value_f64(v: &Option<Value>) -> Option<f64> {
    v.as_ref().and_then(Value::as_f64)
}

fn unit_name(p: &Pipeline, id: &str, lang: Lang) -> String {
    p.unit(id)
        .map_or(id.to_string(), |u| u.name(lang).to_string())
}

/// Reasons a file is refused or passed over, by the code before `|` in the detail.
fn file_reason(detail: &str, lang: Lang) -> String {
    let (code, tech) = detail.split_once('|').unwrap_or((detail, ""));
    let text = match code {
        "owner" => lang.pick(
            "Excel-дің уақытша иелік файлы",
            "временный файл-владелец Excel",
            "an Excel owner (lock) file",
        ),
        "temp" => lang.pick("уақытша файл", "временный файл", "a temporary file"),
        "document" => lang.pick("мәтіндік құжат", "текстовый документ", "a text document"),
        "pdf" => lang.pick("PDF құжаты", "документ PDF", "a PDF document"),
        "picture" => lang.pick("сурет", "изображение", "a picture"),
        "archive" => lang.pick("архив", "архив", "an archive"),
        "text" => lang.pick("мәтіндік файл", "текстовый файл", "a text file"),
        "no_extension" => lang.pick(
            "кеңейтімсіз файл",
            "файл без расширения",
            "a file without an extension",
        ),
        "other" => lang.pick(
            "электрондық кесте емес",
            "не электронная таблица",
            "not a spreadsheet",
        ),
        "folder" => lang.pick(
            "бұл файл емес, қалта",
            "это папка, а не файл",
            "a folder, not a file",
        ),
        "too_large" => lang.pick(
            "файл тым үлкен",
            "файл слишком большой",
            "the file is too large",
        ),
        "cannot_open" => lang.pick(
            "файлды ашу мүмкін емес",
            "файл не открывается",
            "the file cannot be opened",
        ),
        "word" => lang.pick(
            "бұл Word құжаты, кесте емес",
            "это документ Word, а не таблица",
            "a Word document, not a spreadsheet",
        ),
        "not_spreadsheet" => lang.pick(
            "бұл электрондық кесте емес",
            "это не электронная таблица",
            "not a spreadsheet",
        ),
        "damaged" => lang.pick(
            "файл зақымдалған немесе толық жүктелмеген",
            "файл повреждён или загружен не полностью",
            "the file is damaged or cut off",
        ),
        "sheet_too_big" => lang.pick(
            "парақ шектен тыс үлкен",
            "лист превышает допустимый размер",
            "a sheet exceeds the size limit",
        ),
        "workbook_too_big" => lang.pick(
            "кітаптағы ұяшықтар шектен тыс көп",
            "в книге больше ячеек, чем допустимо",
            "the workbook has more cells than the limit",
        ),
        "unpacked_too_large" => lang.pick(
            "ашылған кезде файл шектен тыс үлкен",
            "в распакованном виде файл превышает допустимый размер",
            "unpacked, the file exceeds the size limit",
        ),
        "zip_bomb" => lang.pick(
            "файл күдікті түрде қатты сығылған (zip-бомба болуы мүмкін)",
            "файл подозрительно сильно сжат (возможно, zip-бомба)",
            "the file is suspiciously highly compressed (possibly a zip bomb)",
        ),
        "too_many_parts" => lang.pick(
            "файлдың ішкі бөліктері шектен тыс көп",
            "в файле слишком много внутренних частей",
            "the file has too many internal parts",
        ),
        "too_many_texts" => lang.pick(
            "файлдағы мәтіндер кестесі шектен тыс үлкен",
            "таблица текстов файла превышает допустимый размер",
            "the file's table of texts exceeds the limit",
        ),
        "too_many_styles" => lang.pick(
            "файлдағы пішімдер кестесі шектен тыс үлкен",
            "таблица форматов файла превышает допустимый размер",
            "the file's table of cell formats exceeds the limit",
        ),
        "not_a_file" => lang.pick(
            "бұл кәдімгі файл емес (арна, құрылғы немесе сілтеме)",
            "это не обычный файл (канал, устройство или ссылка)",
            "not a regular file (a pipe, a device or a link)",
        ),
        "empty" => lang.pick("деректер жоқ", "данных нет", "no data"),
        "panic" => lang.pick(
            "файлды оқу кезінде ішкі қате орын алды",
            "при чтении файла произошла внутренняя ошибка",
            "an internal error occurred while reading it",
        ),
        other => return other.to_string(),
    };
    if tech.is_empty() {
        text.to_string()
    } else {
        format!("{text} ({tech})")
    }
}

/// Fills the issue's message in the given language.
pub fn render(issue: &Issue, lang: Lang, p: &Pipeline) -> String {
    use Rule::*;
    let cell = issue.place.a1().unwrap_or_default();
    let row = issue
        .place
        .excel_row()
        .map(|r| r.to_string())
        .unwrap_or_default();
    let sheet = issue.place.sheet.clone().unwrap_or_default();
    let field = issue
        .field
        .as_deref()
        .map(|f| field_label(f, lang))
        .unwrap_or("");
    let exp = fmt_value(&issue.expected, lang);
    let act = fmt_value(&issue.actual, lang);
    let detail = issue.detail.clone().unwrap_or_default();
    // People read an organisation by its name, with the БСН beside it.
    let org = match (&issue.org_name, &issue.org) {
        (Some(name), Some(id)) if name != id => format!("«{name}», {id}"),
        (Some(name), _) => format!("«{name}»"),
        (None, Some(id)) => id.clone(),
        (None, None) => String::new(),
    };
    let unit = issue
        .unit
        .as_deref()
        .map(|u| unit_name(p, u, lang))
        .unwrap_or_default();
    let diff = match (value_f64(&issue.actual), value_f64(&issue.expected)) {
        (Some(a), Some(e)) => {
            let d = a - e;
            let s = fmt_num(d, lang);
            if d > 0.0 {
                format!("+{s}")
            } else {
                s
            }
        }
        _ => String::new(),
    };
    let at = |kk: &str, ru: &str, en: &str| -> String {
        if cell.is_empty() {
            String::new()
        } else {
            lang.pick(kk, ru, en).replace("{cell}", &cell)
        }
    };
    let where_cell = at("{cell} ұяшығында ", "в ячейке {cell} ", "in cell {cell} ");
    match issue.rule {
        FileUnreadable if detail.starts_with("history|") => {
            let why = detail.trim_start_matches("history|");
            match lang {
                Lang::Kk => format!("Бұрынғы кезеңнің сақталған деректерін оқу мүмкін болмады ({why}); салыстыру онсыз жасалды. Сол кезеңді қайта жинақтаңыз."),
                Lang::Ru => format!("Сохранённые данные прошлого периода не удалось прочитать ({why}); сравнение выполнено без них. Повторите свод за тот период."),
                Lang::En => format!("The stored data of an earlier period cannot be read ({why}); the comparison was made without it. Consolidate that period again."),
            }
        }
        FileUnreadable => match lang {
            Lang::Kk => format!("Файлды оқу мүмкін емес: {}. Файлды Excel-де ашып, қайта сақтап жіберуді сұраңыз.", file_reason(&detail, lang)),
            Lang::Ru => format!("Файл не удаётся прочитать: {}. Попросите открыть его в Excel, пересохранить и прислать заново.", file_reason(&detail, lang)),
            Lang::En => format!("The file cannot be read: {}. Ask the sender to open it in Excel, save it again and resend it.", file_reason(&detail, lang)),
        },
        FileEncrypted => lang
            .pick(
                "Файл құпия сөзбен қорғалған, сондықтан оны оқу мүмкін емес. Құпия сөзсіз нұсқасын жіберуді сұраңыз.",
                "Файл защищён паролем и не может быть прочитан. Попросите прислать его без пароля.",
                "The file is password-protected and cannot be read. Ask for a copy without a password.",
            )
            .to_string(),
        FileEmpty => lang
            .pick(
                "Файлда деректері бар бірде-бір парақ жоқ. Толтырылған есепті қайта жіберуді сұраңыз.",
                "В файле нет ни одного листа с данными. Попросите прислать заполненный отчёт.",
                "No sheet of the file holds any data. Ask for the filled-in report.",
            )
            .to_string(),
        FileIgnored => match lang {
            Lang::Kk => format!("Бұл файл есеп емес ({}), сондықтан ескерілмеді; әрекет қажет емес.", file_reason(&detail, lang)),
            Lang::Ru => format!("Файл не является отчётом ({}) и пропущен; действий не требуется.", file_reason(&detail, lang)),
            Lang::En => format!("Not a report ({}), passed over; nothing to do.", file_reason(&detail, lang)),
        },
        FileSuperseded => match lang {
            Lang::Kk => format!("Бұл файлдың орнына сол есептің кейінгі немесе түзетілген нұсқасы «{detail}» алынды; әрекет қажет емес."),
            Lang::Ru => format!("Вместо этого файла взят более поздний или исправленный вариант отчёта «{detail}»; действий не требуется."),
            Lang::En => format!("The later or corrected copy \"{detail}\" of the same report is used instead; nothing to do."),
        },
        FileUnitUnknown => lang
            .pick(
                "Файлдың атауынан да, тақырып жолдарынан да қай аудан (қала) екенін анықтау мүмкін болмады. Файл атауына ауданның атын қосып, қайта жіберуді сұраңыз.",
                "По имени файла и заголовкам не удалось определить район (город). Попросите добавить название района в имя файла и прислать отчёт заново.",
                "No unit can be told from the file name or its title rows. Ask the sender to put the district's name in the file name and resend it.",
            )
            .to_string(),
        FilePeriodMismatch => match lang {
            Lang::Kk => format!("Файл {act} кезеңіне арналған, ал жинақ {exp} кезеңі бойынша жасалуда. Қажетті айдың есебін жіберуді сұраңыз."),
            Lang::Ru => format!("Файл относится к периоду {act}, а свод готовится за {exp}. Попросите прислать отчёт за нужный месяц."),
            Lang::En => format!("The file is for {act}, but the consolidation is for {exp}. Ask for the report of the right month."),
        },
        UnitMissing => match lang {
            Lang::Kk => format!("{unit} бұл кезеңге есеп жібермеді. Есепті сұратыңыз."),
            Lang::Ru => format!("От подразделения «{unit}» не поступил отчёт за этот период. Запросите отчёт."),
            Lang::En => format!("{unit} sent no report for this period. Ask for it."),
        },
        SheetMissing => match lang {
            Lang::Kk => format!("Файлдан бастауыш ұйымдар бойынша оқыту кестесі табылмады (парақтар: {detail}). Кестенің тақырып жолын тексеріп, есепті қайта жіберуді сұраңыз."),
            Lang::Ru => format!("В файле не найдена таблица обучения по первичным организациям (листы: {detail}). Проверьте строку заголовков таблицы и пришлите отчёт заново."),
            Lang::En => format!("No coverage table by primary organisation was found (sheets: {detail}). Check the table's header row and resend the report."),
        },
        ColumnMissing => {
            let (missing, seen) = detail.split_once('|').unwrap_or((detail.as_str(), ""));
            let missing: Vec<&str> = missing.split(", ").map(|f| field_label(f, lang)).collect();
            let missing = missing.join("», «");
            match lang {
                Lang::Kk => format!("«{sheet}» парағындағы кестеде «{missing}» бағаны табылмады; кездескен тақырыптар: {seen}. Бағанды қосып немесе тақырыбын түзетіп, есепті қайта жіберіңіз."),
                Lang::Ru => format!("В таблице на листе «{sheet}» не найден столбец «{missing}»; найденные заголовки: {seen}. Добавьте столбец или исправьте заголовок и пришлите отчёт заново."),
                Lang::En => format!("The table on sheet \"{sheet}\" has no column \"{missing}\"; headers seen: {seen}. Add the column or correct its header and resend the report."),
            }
        }
        ColumnUnknown => match lang {
            Lang::Kk => format!("{cell} ұяшығындағы «{act}» бағаны ешбір көрсеткішке сәйкес келмейді, сондықтан ескерілмеді; қажет болса, тақырыпты баптау файлына қосыңыз."),
            Lang::Ru => format!("Столбец «{act}» (ячейка {cell}) не соответствует ни одному показателю и не учитывается; при необходимости добавьте заголовок в файл настройки."),
            Lang::En => format!("Column \"{act}\" (cell {cell}) maps to no figure and is not used; add its header to the pipeline file if it should be."),
        },
        FormulaNoCachedValue => match lang {
            Lang::Kk => format!("{detail} ұяшығындағы формуланың есептелген мәні сақталмаған; жиын жолдардан есептелді. Файлды Excel-де ашып, сақтап, қайта жіберу ұсынылады."),
            Lang::Ru => format!("Формула в ячейке {detail} сохранена без вычисленного значения; итог рассчитан по строкам. Рекомендуется открыть файл в Excel, сохранить и прислать заново."),
            Lang::En => format!("The formula in {detail} carries no computed value; the total was computed from the rows. Opening, saving and resending the file in Excel is advised."),
        },
        ValueNotANumber => match lang {
            Lang::Kk => format!("{where_cell}сан орнына «{act}» жазылған ({field}). Санды жазып, есепті қайта жіберіңіз."),
            Lang::Ru => format!("В ячейке {cell} вместо числа записано «{act}» ({field}). Укажите число и пришлите отчёт заново."),
            Lang::En => format!("Cell {cell} holds \"{act}\" where a number belongs ({field}). Write the number and resend the report."),
        },
        ValueErrorCell => match lang {
            Lang::Kk => format!("{where_cell}мән орнына {act} қатесі тұр ({field}). Формуланы түзетіңіз."),
            Lang::Ru => format!("В ячейке {cell} вместо значения ошибка {act} ({field}). Исправьте формулу."),
            Lang::En => format!("Cell {cell} holds the error {act} instead of a value ({field}). Correct the formula."),
        },
        ValueNegative => match lang {
            Lang::Kk => format!("{where_cell}теріс мән тұр: {act} ({field}). Дұрыс мәнді жазыңыз."),
            Lang::Ru => format!("В ячейке {cell} отрицательное значение: {act} ({field}). Укажите верное значение."),
            Lang::En => format!("Cell {cell} holds a negative value, {act} ({field}). Write the right value."),
        },
        ValueFractional => match lang {
            Lang::Kk => format!("{where_cell}адам саны бөлшек санмен жазылған: {act} ({field}). Бүтін санды жазыңыз."),
            Lang::Ru => format!("В ячейке {cell} число людей дробное: {act} ({field}). Укажите целое число."),
            Lang::En => format!("Cell {cell} holds a fractional count of people, {act} ({field}). Write a whole number."),
        },
        ValueBadDate => match lang {
            Lang::Kk => format!("{cell} ұяшығындағы «{act}» күнін оқу мүмкін емес. Күнді КК.АА.ЖЖЖЖ түрінде жазыңыз."),
            Lang::Ru => format!("Дату «{act}» в ячейке {cell} не удаётся прочитать. Укажите дату в виде ДД.ММ.ГГГГ."),
            Lang::En => format!("The date \"{act}\" in cell {cell} cannot be read. Write it as DD.MM.YYYY."),
        },
        ValueOutOfPeriod => match lang {
            Lang::Kk => format!("{cell} ұяшығындағы {act} күні есепті кезеңнен ({exp}) тыс. Күнді тексеріңіз."),
            Lang::Ru => format!("Дата {act} в ячейке {cell} вне отчётного периода ({exp}). Проверьте дату."),
            Lang::En => format!("The date {act} in cell {cell} is outside the reporting period ({exp}). Check the date."),
        },
        ValueUnknownCategory => {
            let closest = p.forms.get(&detail).or_else(|| p.topic_areas.get(&detail)).map_or(detail.clone(), |t| t.name(lang).to_string());
            let detail = closest;
            match lang {
            Lang::Kk => format!("{cell} ұяшығындағы «{act}» мәні тізімде жоқ ({field}); ең жақыны — «{detail}». Тізімдегі мәнді жазыңыз."),
            Lang::Ru => format!("Значение «{act}» в ячейке {cell} отсутствует в перечне ({field}); ближайшее — «{detail}». Укажите значение из перечня."),
            Lang::En => format!("\"{act}\" in cell {cell} is not in the list ({field}); the closest is \"{detail}\". Use a value from the list."),
            }
        }
        RowCategoriesSum => match lang {
            Lang::Kk => format!("{row}-жолда ({org}) бес санаттың қосындысы {act}, ал оқытудан өткендердің барлығы {exp}. Санаттарды немесе жалпы санды түзетіңіз."),
            Lang::Ru => format!("В строке {row} ({org}) сумма пяти категорий равна {act}, а всего обучено {exp}. Исправьте категории или общее число."),
            Lang::En => format!("In row {row} ({org}) the five categories add up to {act}, but the trained total is {exp}. Correct the categories or the total."),
        },
        RowTrainedExceedsMembers => match lang {
            Lang::Kk => format!("{row}-жолда ({org}) оқытудан өткендер ({act}) кәсіподақ мүшелерінен ({exp}) көп. Сандарды тексеріңіз."),
            Lang::Ru => format!("В строке {row} ({org}) обучено {act} человек — больше, чем членов профсоюза ({exp}). Проверьте данные."),
            Lang::En => format!("In row {row} ({org}) more people are trained ({act}) than there are members ({exp}). Check the figures."),
        },
        RowShareMismatch => match lang {
            Lang::Kk => format!("{cell} ұяшығында ({org}) пайыз {act} деп жазылған, ал оқытудан өткендердің мүшелер санына қатынасы {exp}. Пайызды қайта есептеңіз."),
            Lang::Ru => format!("В ячейке {cell} ({org}) указан процент {act}, а отношение обученных к численности членов составляет {exp}. Пересчитайте процент."),
            Lang::En => format!("Cell {cell} ({org}) states {act} %, but trained over members is {exp} %. Recompute the share."),
        },
        RowDuplicateOrg => match lang {
            Lang::Kk => format!("«{act}» ұйымы есепте екі рет көрсетілген ({detail}- және {row}-жолдар). Қайталанған жолды алып тастаңыз."),
            Lang::Ru => format!("Организация «{act}» указана в отчёте дважды (строки {detail} и {row}). Удалите повторную строку."),
            Lang::En => format!("\"{act}\" appears twice in the report (rows {detail} and {row}). Remove the repeated row."),
        },
        TotalMismatch => match lang {
            Lang::Kk => format!("Жиын жолында ({cell}) «{field}» бойынша {act} жазылған, ал жолдардың қосындысы {exp} (айырмасы {diff}). Жиын жолын түзетіңіз."),
            Lang::Ru => format!("В итоговой строке (ячейка {cell}) по показателю «{field}» указано {act}, а сумма строк — {exp} (разница {diff}). Исправьте итог."),
            Lang::En => format!("The total row (cell {cell}) states {act} for \"{field}\", but the rows add up to {exp} (difference {diff}). Correct the total."),
        },
        SummaryMismatch => match lang {
            Lang::Kk => format!("«{sheet}» жиынтық парағында ({cell}) «{field}» {act} деп көрсетілген, ал бастауыш ұйымдар кестесі бойынша {exp}. Жиынтықты кестеге сәйкестендіріңіз."),
            Lang::Ru => format!("На листе свода «{sheet}» (ячейка {cell}) показатель «{field}» равен {act}, а по таблице первичных организаций — {exp}. Приведите свод в соответствие с таблицей."),
            Lang::En => format!("The summary sheet \"{sheet}\" (cell {cell}) states {act} for \"{field}\", but the organisation table gives {exp}. Bring the summary in line with the table."),
        },
        RegistryUnknownOrg => {
            let cands = if detail.is_empty() {
                String::new()
            } else {
                let names = detail.replace(" | ", "», «");
                lang.pick("; ең жақындары: «{}»", "; ближайшие: «{}»", "; closest: \"{}\"").replace("{}", &names)
            };
            match lang {
                Lang::Kk => format!("{where_cell}«{act}» ұйымы тізілімде табылмады{cands}. Атауын тізілімдегідей жазыңыз немесе ұйымды тізілімге қосыңыз."),
                Lang::Ru => format!("Организация «{act}» (ячейка {cell}) не найдена в реестре{cands}. Напишите название как в реестре или добавьте организацию в реестр."),
                Lang::En => format!("\"{act}\" (cell {cell}) is not in the registry{cands}. Write the name as the registry has it, or add the organisation to the registry."),
            }
        }
        RegistryMissingOrg => match lang {
            Lang::Kk => format!("Тізілімдегі «{detail}» ({org}) ұйымы есепте жоқ. Ұйымның жолын қосыңыз немесе тізілімді жаңартыңыз."),
            Lang::Ru => format!("Организация «{detail}» ({org}) есть в реестре, но отсутствует в отчёте. Добавьте её строку или обновите реестр."),
            Lang::En => format!("\"{detail}\" ({org}) is in the registry but not in the report. Add its row or update the registry."),
        },
        RegistryOtherUnit => {
            let e = issue.expected.as_ref().and_then(Value::as_str).map(|u| unit_name(p, u, lang)).unwrap_or_default();
            let a = issue.actual.as_ref().and_then(Value::as_str).map(|u| unit_name(p, u, lang)).unwrap_or_default();
            match lang {
                Lang::Kk => format!("{org} ұйымы тізілім бойынша «{e}» құрамында, бірақ «{a}» есебінде көрсетілген ({cell}). Ұйымның қай бөлімшеге жататынын нақтылаңыз."),
                Lang::Ru => format!("Организация {org} по реестру относится к «{e}», но указана в отчёте «{a}» (ячейка {cell}). Уточните принадлежность организации."),
                Lang::En => format!("{org} belongs to \"{e}\" in the registry but is reported by \"{a}\" (cell {cell}). Settle which unit it belongs to."),
            }
        }
        RegistryMembersMismatch => {
            let pct = match (value_f64(&issue.actual), value_f64(&issue.expected)) {
                (Some(a), Some(e)) if e > 0.0 => {
                    let d = (a - e) / e;
                    format!("{}{}", if d > 0.0 { "+" } else { "" }, fmt_pct(d, lang))
                }
                _ => String::new(),
            };
            match lang {
                Lang::Kk => format!("{cell} ұяшығында ({org}) кәсіподақ мүшелері {act}, ал тізілімде 1 қаңтардағы жағдай бойынша {exp} ({pct}). Санды тексеріңіз немесе тізілімді жаңартыңыз."),
                Lang::Ru => format!("В ячейке {cell} ({org}) численность членов профсоюза {act}, а в реестре на 1 января — {exp} ({pct}). Проверьте число или обновите реестр."),
                Lang::En => format!("Cell {cell} ({org}) gives {act} members against {exp} in the registry on 1 January ({pct}). Check the figure or update the registry."),
            }
        }
        RegistryAutoMatched => {
            let id = issue.org.clone().unwrap_or_default();
            let alias = if detail.is_empty() || detail == exp {
                String::new()
            } else {
                lang.pick(" (тізілімдегі қысқаша атауы «{}»)", " (краткое название в реестре «{}»)", " (the registry's short name \"{}\")").replace("{}", &detail)
            };
            match lang {
                Lang::Kk => format!("{where_cell}«{act}» тізілімдегі «{exp}» ұйымы (БСН {id}) деп автоматты түрде танылды{alias}: ұйым түрі, нөмірі мен атауындағы сөздер сәйкес келеді, бөлімшенің басқа ұйымы сәйкес келмейді. Қате болса, атауын тізілімдегідей жазыңыз."),
                Lang::Ru => format!("«{act}» (ячейка {cell}) автоматически сопоставлено с организацией реестра «{exp}» (БИН {id}){alias}: совпадают тип организации, номер и слова названия, другие организации подразделения не подходят. Если это ошибка, напишите название как в реестре."),
                Lang::En => format!("\"{act}\" (cell {cell}) was matched automatically to the registry's \"{exp}\" (BIN {id}){alias}: the type of organisation, the number and the words of the name agree, and no other organisation of the unit fits. If this is wrong, write the name as the registry has it."),
            }
        }
        EventsParticipantsMismatch => match lang {
            Lang::Kk => format!("«{sheet}» парағындағы іс-шараларға қатысушылар саны {act}, ал оқытудан өткендер саны {exp} (айырмасы {diff}). Іс-шаралар тізімін немесе оқыту кестесін толықтырыңыз."),
            Lang::Ru => format!("Число участников мероприятий на листе «{sheet}» — {act}, а обученных — {exp} (разница {diff}). Дополните перечень мероприятий или таблицу обучения."),
            Lang::En => format!("The events on sheet \"{sheet}\" list {act} participants, but {exp} people are reported trained (difference {diff}). Complete the events or the coverage table."),
        },
        FinanceBelowNorm => {
            let a = value_f64(&issue.actual).map(|v| fmt_pct(v, lang)).unwrap_or_default();
            let e = value_f64(&issue.expected).map(|v| fmt_pct(v, lang)).unwrap_or_default();
            match lang {
                Lang::Kk => format!("Оқытуға жұмсалған қаражат смета шығыстарының {a} құрайды, бұл {e} нормасынан төмен. Оқытуды қаржыландыруды арттыру қажет."),
                Lang::Ru => format!("Расходы на обучение составляют {a} расходной части сметы, что ниже нормы {e}. Необходимо увеличить финансирование обучения."),
                Lang::En => format!("Training takes {a} of the budget's expense side, under the {e} norm. Training funding should be raised."),
            }
        }
        FinanceShareMismatch => match lang {
            Lang::Kk => format!("{cell} ұяшығындағы үлес {act} %, ал оқытуға жұмсалған қаражаттың смета шығыстарына қатынасы {exp} %. Үлесті қайта есептеңіз."),
            Lang::Ru => format!("В ячейке {cell} указана доля {act} %, а отношение расходов на обучение к расходам сметы — {exp} %. Пересчитайте долю."),
            Lang::En => format!("Cell {cell} states a share of {act} %, but training over expenses is {exp} %. Recompute the share."),
        },
        HistoryYtdDecrease => {
            let whose = if org.is_empty() { unit.clone() } else { org.clone() };
            match lang {
                Lang::Kk => format!("{whose}: «{field}» жыл басынан бергі жинақталған көрсеткіші {detail} кезеңіндегі {exp} мәнінен {act} мәніне дейін азайды. Жыл басынан бергі көрсеткіш азаймауы тиіс — тексеріңіз."),
                Lang::Ru => format!("{whose}: нарастающий с начала года показатель «{field}» уменьшился с {exp} за период {detail} до {act}. Показатель с начала года не может уменьшаться — проверьте."),
                Lang::En => format!("{whose}: the year-to-date figure \"{field}\" fell from {exp} in {detail} to {act}. A year-to-date figure cannot fall; check it."),
            }
        }
        HistoryOutlierChange => {
            let whose = if unit.is_empty() { lang.pick("Облыс бойынша", "По области", "Region").to_string() } else { unit.clone() };
            match lang {
                Lang::Kk => format!("{whose}: «{field}» көрсеткіші {detail} кезеңімен салыстырғанда {exp} мәнінен {act} мәніне дейін өзгерді ({diff}). Өзгерістің себебін нақтылаңыз."),
                Lang::Ru => format!("{whose}: показатель «{field}» по сравнению с периодом {detail} изменился с {exp} до {act} ({diff}). Уточните причину изменения."),
                Lang::En => format!("{whose}: \"{field}\" changed against {detail} from {exp} to {act} ({diff}). Find out why."),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Place;
    use std::path::Path;

    #[test]
    fn numbers_read_like_a_person_writes_them() {
        assert_eq!(fmt_num(3102.0, Lang::Kk), "3\u{a0}102");
        assert_eq!(fmt_num(520.0, Lang::Ru), "520");
        assert_eq!(fmt_num(33557.0, Lang::En), "33,557");
        assert_eq!(fmt_num(9.3, Lang::Ru), "9,3");
        assert_eq!(fmt_pct(0.0932, Lang::Kk), "9,3\u{a0}%");
    }

    #[test]
    fn every_rule_has_a_message_in_every_language() {
        let p = Pipeline::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::pipeline::DEFAULT_PIPELINE),
        )
        .unwrap();
        for rule in Rule::ALL {
            let issue = Issue::new(*rule, Place::cell("a.xlsx", "Оқыту", 71, 2))
                .unit(Some("alga"))
                .field("members")
                .expected(3102)
                .actual(3120);
            for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                let m = render(&issue, lang, &p);
                assert!(m.len() > 20, "{rule} {lang}: {m}");
                assert!(!m.contains('{'), "{rule} {lang}: {m}");
            }
        }
        let i = Issue::new(Rule::TotalMismatch, Place::cell("a.xlsx", "Оқыту", 71, 2))
            .field("members")
            .expected(3102)
            .actual(3120);
        let m = render(&i, Lang::Ru, &p);
        assert!(
            m.contains("C72")
                && m.contains("3\u{a0}120")
                && m.contains("3\u{a0}102")
                && m.contains("+18"),
            "{m}"
        );
    }
}
