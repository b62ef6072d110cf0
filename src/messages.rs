//! Issue messages in Kazakh, Russian and English: one sentence saying what is
//! wrong, both values, where, and what to do. Also the labels of fields,
//! severities and rules that the outputs share.
//!
//! The sentences are templates in [`RuleMessage`]; [`render`] gathers the
//! issue's values (its cell, row, sheet, field, the two values, the
//! organisation, the unit) and puts them in.

use crate::ingest::format::{Limit, NotReport, Refusal};
use crate::issue::{Issue, Rule, Severity};
use crate::lang::{fill, Lang};
use crate::pipeline::Pipeline;
use serde_json::Value;

crate::texts! {
    /// The name of a field as a district reads it.
    pub(crate) enum FieldName {
        Members => ("кәсіподақ мүшелерінің саны", "численность членов профсоюза", "union members"),
        TrainedTotal => ("кәсіподақтық оқытудан өткендер саны", "прошли профсоюзное обучение, всего", "completed union training, total"),
        TrainedMembers => ("оқытудан өткен кәсіподақ мүшелері", "обученные члены профсоюза", "trained rank-and-file members"),
        TrainedAudit => ("тексеру комиссияларының мүшелері", "члены ревизионных комиссий", "audit commission members"),
        TrainedActivists => ("кәсіподақ активі", "профсоюзный актив", "union activists"),
        TrainedChairs => ("кәсіподақ ұйымдарының төрағалары", "председатели профсоюзных организаций", "chairs of union organisations"),
        TrainedConciliation => ("келісу комиссияларының мүшелері", "члены согласительных комиссий", "conciliation commission members"),
        TrainedShare => ("оқытудан өткендердің үлесі, %", "доля обученных, %", "share trained, %"),
        Participants => ("іс-шараларға қатысушылар саны", "количество участников мероприятий", "event participants"),
        FinanceBudget => ("смета шығыстарының барлығы", "расходная часть сметы, всего", "budget expense side"),
        FinanceTraining => ("оның ішінде оқытуға", "в т.ч. на обучение", "of it on training"),
        FinanceShare => ("оқытуға жұмсалған үлес", "доля расходов на обучение", "training share of expenses"),
        EventDate => ("іс-шараның күні", "дата мероприятия", "event date"),
        EventForm => ("оқыту нысаны", "форма обучения", "form of training"),
        EventTopicArea => ("бағыты", "направление", "topic area"),
        EventRespondents => ("сауалнамаға қатысқандар", "анкетировано", "survey respondents"),
        EventUsefulness => ("пайдалылық бағасы", "оценка полезности", "usefulness score"),
        EventWillApply => ("тәжірибеде қолданатындар, %", "применят на практике, %", "will apply in practice, %"),
        Org => ("ұйымның атауы", "наименование организации", "organisation name"),
        Coverage => ("бастауыш ұйымдар бойынша оқыту кестесі", "таблица обучения по первичным организациям", "coverage table"),
        /// Any field without a name of its own.
        Other => ("көрсеткіш", "показатель", "figure"),
    }
}

impl FieldName {
    /// The name of a field path as in `summary-<period>.json`.
    pub(crate) fn of(field: &str) -> FieldName {
        match field {
            "members" => FieldName::Members,
            "trained.total" => FieldName::TrainedTotal,
            "trained.members" => FieldName::TrainedMembers,
            "trained.audit" => FieldName::TrainedAudit,
            "trained.activists" => FieldName::TrainedActivists,
            "trained.chairs" => FieldName::TrainedChairs,
            "trained.conciliation" => FieldName::TrainedConciliation,
            "trained_share" => FieldName::TrainedShare,
            "participants" | "event.participants" => FieldName::Participants,
            "finance.budget" => FieldName::FinanceBudget,
            "finance.training" => FieldName::FinanceTraining,
            "finance.share" => FieldName::FinanceShare,
            "event.date" => FieldName::EventDate,
            "event.form" => FieldName::EventForm,
            "event.topic_area" => FieldName::EventTopicArea,
            "event.respondents" => FieldName::EventRespondents,
            "event.usefulness" => FieldName::EventUsefulness,
            "event.will_apply" => FieldName::EventWillApply,
            "org" => FieldName::Org,
            "coverage" => FieldName::Coverage,
            _ => FieldName::Other,
        }
    }
}

/// The name of a field as a district reads it.
pub(crate) fn field_label(field: &str, lang: Lang) -> &'static str {
    FieldName::of(field).get(lang)
}

crate::texts! {
    /// The name of a severity.
    pub(crate) enum SeverityName for Severity {
        Error => ("қате", "ошибка", "error"),
        Warning => ("ескерту", "предупреждение", "warning"),
        Info => ("ақпарат", "сведения", "info"),
    }
}

pub fn severity_label(s: Severity, lang: Lang) -> &'static str {
    SeverityName::from(s).get(lang)
}

crate::texts! {
    /// A severity after a count, its plural forms separated by `|`
    /// ([`crate::lang::plural`]).
    pub(crate) enum SeverityCount for Severity {
        Error => ("қате", "ошибка|ошибки|ошибок", "error|errors"),
        Warning => ("ескерту", "предупреждение|предупреждения|предупреждений", "warning|warnings"),
        Info => ("ақпарат", "уведомление|уведомления|уведомлений", "note|notes"),
    }
}

/// A count and its noun in the form the number asks for: `3 ошибки`,
/// `6 ошибок`, `3 қате`, `1 error`. `forms` is a text of a table, its
/// plural forms separated by `|`.
pub(crate) fn fmt_count(n: usize, forms: &str, lang: Lang) -> String {
    let noun = crate::lang::plural::noun(n as u64, forms, lang);
    format!("{} {noun}", fmt_num(n as f64, lang))
}

/// A count of issues of a severity: `3 ошибки`, `1 warning`.
pub fn severity_count(s: Severity, n: usize, lang: Lang) -> String {
    fmt_count(n, SeverityCount::from(s).get(lang), lang)
}

crate::texts! {
    /// A short title of a rule, for summary tables.
    pub(crate) enum RuleTitle for Rule {
        FileUnreadable => ("Файл оқылмайды", "Файл не читается", "Unreadable file"),
        FileEncrypted => ("Файл құпия сөзбен қорғалған", "Файл защищён паролем", "Password-protected file"),
        FileEmpty => ("Бос файл", "Пустой файл", "Empty file"),
        FileIgnored => ("Есеп емес файл", "Файл не является отчётом", "Not a report"),
        FileSuperseded => ("Ауыстырылған нұсқа", "Заменённая версия", "Superseded copy"),
        FileUnitUnknown => ("Бөлімше анықталмады", "Не определён район", "Unit unknown"),
        FilePeriodMismatch => ("Басқа кезеңнің есебі", "Отчёт за другой период", "Other period"),
        UnitMissing => ("Есеп жіберілмеді", "Отчёт не поступил", "No report"),
        SheetMissing => ("Кесте табылмады", "Таблица не найдена", "Table not found"),
        ColumnMissing => ("Баған жоқ", "Нет столбца", "Missing column"),
        ColumnUnknown => ("Белгісіз баған", "Неизвестный столбец", "Unknown column"),
        FormulaNoCachedValue => ("Формуланың мәні жоқ", "Формула без значения", "Formula without value"),
        ValueNotANumber => ("Сан емес мән", "Не число", "Not a number"),
        ValueErrorCell => ("Ұяшықтағы қате", "Ошибка в ячейке", "Error cell"),
        ValueNegative => ("Теріс мән", "Отрицательное значение", "Negative value"),
        ValueFractional => ("Бөлшек сан", "Дробное число", "Fractional count"),
        ValueBadDate => ("Қате күн", "Неверная дата", "Bad date"),
        ValueOutOfPeriod => ("Кезеңнен тыс күн", "Дата вне периода", "Date out of period"),
        ValueUnknownCategory => ("Тізімде жоқ мән", "Значение вне перечня", "Unknown category"),
        RowCategoriesSum => ("Санаттар қосындысы сәйкес емес", "Сумма категорий не сходится", "Categories do not add up"),
        RowTrainedExceedsMembers => ("Оқығандар мүшелерден көп", "Обучено больше, чем членов", "More trained than members"),
        RowShareMismatch => ("Пайыз қате", "Неверный процент", "Share mismatch"),
        RowDuplicateOrg => ("Ұйым қайталанған", "Организация повторяется", "Duplicate organisation"),
        TotalMismatch => ("Жиын жолы сәйкес емес", "Итог не сходится", "Total mismatch"),
        SummaryMismatch => ("Жиынтық сәйкес емес", "Свод не сходится", "Summary mismatch"),
        RegistryUnknownOrg => ("Тізілімде жоқ ұйым", "Организации нет в реестре", "Unknown organisation"),
        RegistryMissingOrg => ("Есепте жоқ ұйым", "Организации нет в отчёте", "Organisation not reported"),
        RegistryAutoMatched => ("Ұйым автоматты түрде танылды", "Организация сопоставлена автоматически", "Organisation matched automatically"),
        RegistryOtherUnit => ("Басқа бөлімшенің ұйымы", "Организация другого района", "Organisation of another unit"),
        RegistryMembersMismatch => ("Мүшелер саны тізілімнен өзгеше", "Численность отличается от реестра", "Members differ from registry"),
        EventsParticipantsMismatch => ("Қатысушылар саны сәйкес емес", "Участники не сходятся", "Participants mismatch"),
        HistoryYtdDecrease => ("Жинақталған көрсеткіш азайды", "Нарастающий итог уменьшился", "Year-to-date decrease"),
        HistoryOutlierChange => ("Күрт өзгеріс", "Резкое изменение", "Outlier change"),
        FinanceBelowNorm => ("Оқыту қаржысы нормадан төмен", "Финансирование ниже нормы", "Financing below norm"),
        FinanceShareMismatch => ("Қаржы үлесі қате", "Неверная доля финансирования", "Financing share mismatch"),
        ReceivedNoColumns => ("Түскен күндер кестесі оқылмайды", "Не читается перечень дат поступления", "Received dates not readable"),
        ReceivedUnmatched => ("Түскен күні белгісіз файлға жазылған", "Дата поступления для неизвестного файла", "Received date for no report"),
    }
}

/// A short title of a rule, for summary tables.
pub fn rule_title(rule: Rule, lang: Lang) -> &'static str {
    RuleTitle::from(rule).get(lang)
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

/// The digits of a share (a fraction) as a per cent with exactly
/// `decimals` places, as the language writes them: `16,9` (`16.9` in
/// English). The caller cuts or rounds the share first
/// ([`crate::measures::ShareShown::apply`]).
pub(crate) fn pct_digits(share: f64, decimals: u8, lang: Lang) -> String {
    let text = format!("{:.*}", usize::from(decimals), share * 100.0);
    if lang == Lang::En {
        text
    } else {
        text.replace('.', ",")
    }
}

/// [`pct_digits`] with its sign: `16,9 %`, `16.9 %`.
pub(crate) fn fmt_pct_places(share: f64, decimals: u8, lang: Lang) -> String {
    format!("{}\u{a0}%", pct_digits(share, decimals, lang))
}

/// A share as the pipeline shows it to people: cut or rounded to its places.
pub(crate) fn fmt_share_shown(
    share: f64,
    shown: crate::measures::ShareShown,
    lang: Lang,
) -> String {
    fmt_pct_places(shown.apply(share), shown.decimals, lang)
}

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

crate::texts! {
    /// Why a file is refused or passed over, as a message names it.
    enum Reason {
        Owner => (
            "Excel-дің уақытша иелік файлы",
            "временный файл-владелец Excel",
            "an Excel owner (lock) file",
        ),
        Temp => ("уақытша файл", "временный файл", "a temporary file"),
        Document => ("мәтіндік құжат", "текстовый документ", "a text document"),
        Pdf => ("PDF құжаты", "документ PDF", "a PDF document"),
        Picture => ("сурет", "изображение", "a picture"),
        Archive => ("архив", "архив", "an archive"),
        Text => ("мәтіндік файл", "текстовый файл", "a text file"),
        NoExtension => (
            "кеңейтімсіз файл",
            "файл без расширения",
            "a file without an extension",
        ),
        Other => (
            "электрондық кесте емес",
            "не электронная таблица",
            "not a spreadsheet",
        ),
        Folder => (
            "бұл файл емес, қалта",
            "это папка, а не файл",
            "a folder, not a file",
        ),
        TooLarge => (
            "файл тым үлкен",
            "файл слишком большой",
            "the file is too large",
        ),
        CannotOpen => (
            "файлды ашу мүмкін емес",
            "файл не открывается",
            "the file cannot be opened",
        ),
        Word => (
            "бұл Word құжаты, кесте емес",
            "это документ Word, а не таблица",
            "a Word document, not a spreadsheet",
        ),
        NotSpreadsheet => (
            "бұл электрондық кесте емес",
            "это не электронная таблица",
            "not a spreadsheet",
        ),
        Damaged => (
            "файл зақымдалған немесе толық жүктелмеген",
            "файл повреждён или загружен не полностью",
            "the file is damaged or cut off",
        ),
        SheetTooBig => (
            "парақ шектен тыс үлкен",
            "лист превышает допустимый размер",
            "a sheet exceeds the size limit",
        ),
        WorkbookTooBig => (
            "кітаптағы ұяшықтар шектен тыс көп",
            "в книге больше ячеек, чем допустимо",
            "the workbook has more cells than the limit",
        ),
        UnpackedTooLarge => (
            "ашылған кезде файл шектен тыс үлкен",
            "в распакованном виде файл превышает допустимый размер",
            "unpacked, the file exceeds the size limit",
        ),
        ZipBomb => (
            "файл күдікті түрде қатты сығылған (zip-бомба болуы мүмкін)",
            "файл подозрительно сильно сжат (возможно, zip-бомба)",
            "the file is suspiciously highly compressed (possibly a zip bomb)",
        ),
        TooManyParts => (
            "файлдың ішкі бөліктері шектен тыс көп",
            "в файле слишком много внутренних частей",
            "the file has too many internal parts",
        ),
        TooManyTexts => (
            "файлдағы мәтіндер кестесі шектен тыс үлкен",
            "таблица текстов файла превышает допустимый размер",
            "the file's table of texts exceeds the limit",
        ),
        TooManyStyles => (
            "файлдағы пішімдер кестесі шектен тыс үлкен",
            "таблица форматов файла превышает допустимый размер",
            "the file's table of cell formats exceeds the limit",
        ),
        NotAFile => (
            "бұл кәдімгі файл емес (арна, құрылғы немесе сілтеме)",
            "это не обычный файл (канал, устройство или ссылка)",
            "not a regular file (a pipe, a device or a link)",
        ),
        Empty => ("деректер жоқ", "данных нет", "no data"),
        Encrypted => (
            "файл құпия сөзбен қорғалған",
            "файл защищён паролем",
            "the file is password-protected",
        ),
        ReaderFailed => (
            "файлды оқу кезінде ішкі қате орын алды",
            "при чтении файла произошла внутренняя ошибка",
            "an internal error occurred while reading it",
        ),
        Stored => (
            "сақталған деректер оқылмайды",
            "сохранённые данные не читаются",
            "the stored data cannot be read",
        ),
    }
}

impl Reason {
    fn of(refusal: &Refusal) -> Reason {
        match refusal {
            Refusal::NotReport(what) => match what {
                NotReport::Owner => Reason::Owner,
                NotReport::Temp => Reason::Temp,
                NotReport::Document => Reason::Document,
                NotReport::Pdf => Reason::Pdf,
                NotReport::Picture => Reason::Picture,
                NotReport::Archive => Reason::Archive,
                NotReport::Text => Reason::Text,
                NotReport::NoExtension => Reason::NoExtension,
                NotReport::Other => Reason::Other,
            },
            Refusal::Empty => Reason::Empty,
            Refusal::Encrypted => Reason::Encrypted,
            Refusal::Folder => Reason::Folder,
            Refusal::NotAFile => Reason::NotAFile,
            Refusal::CannotOpen(_) => Reason::CannotOpen,
            Refusal::Word => Reason::Word,
            Refusal::Pdf => Reason::Pdf,
            Refusal::NotSpreadsheet { .. } => Reason::NotSpreadsheet,
            Refusal::Damaged(_) => Reason::Damaged,
            Refusal::OverLimit { limit, .. } => match limit {
                Limit::FileSize => Reason::TooLarge,
                Limit::SheetCells => Reason::SheetTooBig,
                Limit::WorkbookCells => Reason::WorkbookTooBig,
                Limit::Unpacked => Reason::UnpackedTooLarge,
                Limit::CompressionRatio => Reason::ZipBomb,
                Limit::ZipParts => Reason::TooManyParts,
                Limit::SharedStrings => Reason::TooManyTexts,
                Limit::Styles => Reason::TooManyStyles,
            },
            Refusal::ReaderFailed => Reason::ReaderFailed,
            Refusal::Stored(_) => Reason::Stored,
        }
    }
}

static TECHNICAL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the readers' own words (a library's message, the size found
/// against a limit) follow a refusal's reason: only when the run is asked
/// for more (`-v`), since they are neither localised nor meant for districts.
pub(crate) fn show_technical(on: bool) {
    TECHNICAL.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// Why a file is refused or passed over, in a language; the technical
/// detail follows in brackets only when asked for ([`show_technical`]).
pub(crate) fn file_reason(refusal: &Refusal, lang: Lang) -> String {
    file_reason_with(
        refusal,
        lang,
        TECHNICAL.load(std::sync::atomic::Ordering::Relaxed),
    )
}

/// [`file_reason`], with or without the technical detail.
pub(crate) fn file_reason_with(refusal: &Refusal, lang: Lang, technical: bool) -> String {
    let text = Reason::of(refusal).get(lang);
    match refusal.detail() {
        Some(tech) if technical && !tech.is_empty() => format!("{text} ({tech})"),
        _ => text.to_string(),
    }
}

/// Fills the issue's message in the given language.
pub(crate) fn render(issue: &Issue, lang: Lang, p: &Pipeline) -> String {
    let template = match issue.rule {
        Rule::FileUnreadable if matches!(issue.refusal, Some(Refusal::Stored(_))) => {
            Phrase::StoredPeriodUnreadable.get(lang)
        }
        rule => RuleMessage::from(rule).get(lang),
    };
    let mut values = issue_values(issue, lang, p);
    values.extend(rule_values(issue, lang, p));
    let values: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
    fill(template, &values)
}

/// The values every message may name.
fn issue_values(issue: &Issue, lang: Lang, p: &Pipeline) -> Vec<(&'static str, String)> {
    let cell = issue.place.a1().unwrap_or_default();
    let row = issue.place.excel_row();
    let field = issue.field.as_deref().map_or("", |f| field_label(f, lang));
    vec![
        ("at_cell", at_cell(&cell, lang)),
        ("cell", cell),
        ("row", row.map(|r| r.to_string()).unwrap_or_default()),
        ("sheet", issue.place.sheet.clone().unwrap_or_default()),
        ("field", field.to_string()),
        ("expected", fmt_value(&issue.expected, lang)),
        ("actual", fmt_value(&issue.actual, lang)),
        ("detail", issue.detail.clone().unwrap_or_default()),
        ("org", org_text(issue)),
        ("unit", unit_text(issue, lang, p)),
        ("diff", difference(issue, lang)),
    ]
}

/// The values only some rules' messages name, worked out from the issue.
fn rule_values(issue: &Issue, lang: Lang, p: &Pipeline) -> Vec<(&'static str, String)> {
    use Rule::*;
    let detail = issue.detail.as_deref().unwrap_or_default();
    let pct_of = |v: &Option<Value>| value_f64(v).map(|v| fmt_pct(v, lang)).unwrap_or_default();
    let unit_of = |v: &Option<Value>| {
        v.as_ref()
            .and_then(Value::as_str)
            .map(|u| unit_name(p, u, lang))
            .unwrap_or_default()
    };
    match issue.rule {
        FileUnreadable if matches!(issue.refusal, Some(Refusal::Stored(_))) => {
            let technical = TECHNICAL.load(std::sync::atomic::Ordering::Relaxed);
            let why = issue
                .refusal
                .as_ref()
                .and_then(Refusal::detail)
                .filter(|w| technical && !w.is_empty())
                .map(|w| format!(" ({w})"));
            vec![
                ("file", issue.place.file.clone().unwrap_or_default()),
                ("why", why.unwrap_or_default()),
            ]
        }
        FileUnreadable | FileIgnored => {
            let reason = issue.refusal.as_ref().map(|r| file_reason(r, lang));
            vec![("reason", reason.unwrap_or_default())]
        }
        ColumnMissing => {
            let (missing, seen) = detail.split_once('|').unwrap_or((detail, ""));
            let missing: Vec<&str> = missing.split(", ").map(|f| field_label(f, lang)).collect();
            vec![
                ("missing", missing.join("», «")),
                ("seen", seen.to_string()),
            ]
        }
        ValueUnknownCategory => vec![("closest", closest_term(p, detail, lang))],
        RegistryUnknownOrg => vec![("candidates", candidates(detail, lang))],
        RegistryAutoMatched => vec![
            ("id", issue.org.clone().unwrap_or_default()),
            ("alias", registry_alias(issue, detail, lang)),
        ],
        RegistryOtherUnit => vec![
            ("registry_unit", unit_of(&issue.expected)),
            ("reporting_unit", unit_of(&issue.actual)),
        ],
        RegistryMembersMismatch => vec![("change", relative_change(issue, lang))],
        FinanceBelowNorm => vec![
            ("share", pct_of(&issue.actual)),
            ("norm", pct_of(&issue.expected)),
        ],
        HistoryYtdDecrease => {
            let org = org_text(issue);
            let whose = if org.is_empty() {
                unit_text(issue, lang, p)
            } else {
                org
            };
            vec![("whose", whose)]
        }
        HistoryOutlierChange => {
            let unit = unit_text(issue, lang, p);
            let whose = if unit.is_empty() {
                Phrase::Region.get(lang).to_string()
            } else {
                unit
            };
            vec![("whose", whose)]
        }
        _ => Vec::new(),
    }
}

/// The cell with its words, for a language that opens the sentence with
/// it; nothing where the issue has no cell.
fn at_cell(cell: &str, lang: Lang) -> String {
    if cell.is_empty() {
        String::new()
    } else {
        fill(Phrase::AtCell.get(lang), &[("cell", cell)])
    }
}

/// The registry's short name an automatic match was made on, when it is
/// not the registry's full name.
fn registry_alias(issue: &Issue, detail: &str, lang: Lang) -> String {
    let full = issue
        .expected
        .as_ref()
        .and_then(Value::as_str)
        .unwrap_or_default();
    if detail.is_empty() || detail == full {
        String::new()
    } else {
        fill(Phrase::RegistryShortName.get(lang), &[("name", detail)])
    }
}

/// People read an organisation by its name, with the БСН beside it.
fn org_text(issue: &Issue) -> String {
    match (&issue.org_name, &issue.org) {
        (Some(name), Some(id)) if name != id => format!("«{name}», {id}"),
        (Some(name), _) => format!("«{name}»"),
        (None, Some(id)) => id.clone(),
        (None, None) => String::new(),
    }
}

fn unit_text(issue: &Issue, lang: Lang, p: &Pipeline) -> String {
    issue
        .unit
        .as_deref()
        .map(|u| unit_name(p, u, lang))
        .unwrap_or_default()
}

/// Found less expected, signed: `+18`, `−3`.
fn difference(issue: &Issue, lang: Lang) -> String {
    match (value_f64(&issue.actual), value_f64(&issue.expected)) {
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
    }
}

/// Found against expected as a signed percent: `+12,5 %`.
fn relative_change(issue: &Issue, lang: Lang) -> String {
    match (value_f64(&issue.actual), value_f64(&issue.expected)) {
        (Some(a), Some(e)) if e > 0.0 => {
            let d = (a - e) / e;
            format!("{}{}", if d > 0.0 { "+" } else { "" }, fmt_pct(d, lang))
        }
        _ => String::new(),
    }
}

/// The form or topic area the detail names, in the run's language.
fn closest_term(p: &Pipeline, id: &str, lang: Lang) -> String {
    p.forms
        .get(id)
        .or_else(|| p.topic_areas.get(id))
        .map_or(id.to_string(), |t| t.name(lang).to_string())
}

/// The registry's nearest names, from a detail `name | name | ...`.
fn candidates(detail: &str, lang: Lang) -> String {
    if detail.is_empty() {
        String::new()
    } else {
        let names = detail.replace(" | ", "», «");
        fill(Phrase::Closest.get(lang), &[("names", &names)])
    }
}

crate::texts! {
    /// Parts of messages, and the messages that are not one rule's.
    pub(crate) enum Phrase {
        /// Opens a sentence with its cell.
        AtCell => ("{cell} ұяшығында ", "в ячейке {cell} ", "in cell {cell} "),
        /// The registry's nearest names after an unknown organisation.
        Closest => ("; ең жақындары: «{names}»", "; ближайшие: «{names}»", "; closest: \"{names}\""),
        /// After an automatic match made on the registry's short name.
        RegistryShortName => (" (тізілімдегі қысқаша атауы «{name}»)", " (краткое название в реестре «{name}»)", " (the registry's short name \"{name}\")"),
        /// Whose figure changed, where no unit is named.
        Region => ("Облыс бойынша", "По области", "Region"),
        /// `file.unreadable` for a stored earlier period: `{file}` its folder
        /// under the output (`history/2026-02`), `{why}` the library's words,
        /// only under `-v`.
        StoredPeriodUnreadable => (
            "Бұрынғы кезеңнің сақталған деректерін ({file}) оқу мүмкін болмады{why}; салыстыру онсыз жасалды. Сол кезеңді қайта жинақтаңыз.",
            "Сохранённые данные прошлого периода ({file}) не удалось прочитать{why}; сравнение выполнено без них. Повторите свод за тот период.",
            "The stored data of an earlier period ({file}) cannot be read{why}; the comparison was made without it. Consolidate that period again.",
        ),
    }
}

crate::texts! {
    /// The message of each rule. Besides the values of every issue (`{cell}`,
    /// `{at_cell}`, `{row}`, `{sheet}`, `{field}`, `{expected}`, `{actual}`,
    /// `{detail}`, `{org}`, `{unit}`, `{diff}`), a rule's message names the
    /// values `rule_values` works out for it.
    pub(crate) enum RuleMessage for Rule {
        /// `{reason}`: why the file cannot be read.
        FileUnreadable => (
            "Файлды оқу мүмкін емес: {reason}. Файлды Excel-де ашып, қайта сақтап жіберуді сұраңыз.",
            "Файл не удаётся прочитать: {reason}. Попросите открыть его в Excel, пересохранить и прислать заново.",
            "The file cannot be read: {reason}. Ask the sender to open it in Excel, save it again and resend it.",
        ),
        FileEncrypted => (
            "Файл құпия сөзбен қорғалған, сондықтан оны оқу мүмкін емес. Құпия сөзсіз нұсқасын жіберуді сұраңыз. Excel оны құпия сөз сұрамай ашса (Excel-дің әдепкі кілті, құрылымы қорғалған ескі форматтағы Excel кітабы осылай сақталады): Файл > Мәліметтер > Жұмыс кітабын қорғау > Құпия сөзбен шифрлау, құпия сөзді өшіріп, қорғауды алып тастап, Excel жұмыс кітабы ретінде сақтаңыз.",
            "Файл защищён паролем и не может быть прочитан. Попросите прислать его без пароля. Если Excel открывает его, не спрашивая пароля (стандартный ключ Excel; так сохраняется книга Excel старого формата с защищённой структурой): Файл > Сведения > Защитить книгу > Зашифровать с использованием пароля, удалите пароль, снимите защиту и сохраните как книгу Excel.",
            "The file is password-protected and cannot be read. Ask for a copy without a password. If Excel opens it without asking for a password (Excel's default key; an old-format Excel workbook whose structure is protected is saved so): File > Info > Protect Workbook > Encrypt with Password, clear the password, remove the protection and save it as an Excel workbook.",
        ),
        FileEmpty => (
            "Файлда деректері бар бірде-бір парақ жоқ. Толтырылған есепті қайта жіберуді сұраңыз.",
            "В файле нет ни одного листа с данными. Попросите прислать заполненный отчёт.",
            "No sheet of the file holds any data. Ask for the filled-in report.",
        ),
        /// `{reason}`: what the file is instead.
        FileIgnored => (
            "Бұл файл есеп емес ({reason}), сондықтан ескерілмеді; әрекет қажет емес.",
            "Файл не является отчётом ({reason}) и пропущен; действий не требуется.",
            "Not a report ({reason}), passed over; nothing to do.",
        ),
        /// `{detail}`: the copy used instead.
        FileSuperseded => (
            "Бұл файлдың орнына сол есептің кейінгі немесе түзетілген нұсқасы «{detail}» алынды; әрекет қажет емес.",
            "Вместо этого файла взят более поздний или исправленный вариант отчёта «{detail}»; действий не требуется.",
            "The later or corrected copy \"{detail}\" of the same report is used instead; nothing to do.",
        ),
        FileUnitUnknown => (
            "Файлдың атауынан да, тақырып жолдарынан да қай аудан (қала) екенін анықтау мүмкін болмады. Файл атауына ауданның атын қосып, қайта жіберуді сұраңыз.",
            "По имени файла и заголовкам не удалось определить район (город). Попросите добавить название района в имя файла и прислать отчёт заново.",
            "No unit can be told from the file name or its title rows. Ask the sender to put the district's name in the file name and resend it.",
        ),
        FilePeriodMismatch => (
            "Файл {actual} кезеңіне арналған, ал жинақ {expected} кезеңі бойынша жасалуда. Қажетті айдың есебін жіберуді сұраңыз.",
            "Файл относится к периоду {actual}, а свод готовится за {expected}. Попросите прислать отчёт за нужный месяц.",
            "The file is for {actual}, but the consolidation is for {expected}. Ask for the report of the right month.",
        ),
        UnitMissing => (
            "{unit} бұл кезеңге есеп жібермеді. Есепті сұратыңыз.",
            "От подразделения «{unit}» не поступил отчёт за этот период. Запросите отчёт.",
            "{unit} sent no report for this period. Ask for it.",
        ),
        /// `{detail}`: the sheets of the file.
        SheetMissing => (
            "Файлдан бастауыш ұйымдар бойынша оқыту кестесі табылмады (парақтар: {detail}). Кестенің тақырып жолын тексеріп, есепті қайта жіберуді сұраңыз.",
            "В файле не найдена таблица обучения по первичным организациям (листы: {detail}). Проверьте строку заголовков таблицы и пришлите отчёт заново.",
            "No coverage table by primary organisation was found (sheets: {detail}). Check the table's header row and resend the report.",
        ),
        /// `{missing}`: the fields not found; `{seen}`: the headers found.
        ColumnMissing => (
            "«{sheet}» парағындағы кестеде «{missing}» бағаны табылмады; кездескен тақырыптар: {seen}. Бағанды қосып немесе тақырыбын түзетіп, есепті қайта жіберіңіз.",
            "В таблице на листе «{sheet}» не найден столбец «{missing}»; найденные заголовки: {seen}. Добавьте столбец или исправьте заголовок и пришлите отчёт заново.",
            "The table on sheet \"{sheet}\" has no column \"{missing}\"; headers seen: {seen}. Add the column or correct its header and resend the report.",
        ),
        ColumnUnknown => (
            "{cell} ұяшығындағы «{actual}» бағаны ешбір көрсеткішке сәйкес келмейді, сондықтан ескерілмеді; қажет болса, тақырыпты баптау файлына қосыңыз.",
            "Столбец «{actual}» (ячейка {cell}) не соответствует ни одному показателю и не учитывается; при необходимости добавьте заголовок в файл настройки.",
            "Column \"{actual}\" (cell {cell}) maps to no figure and is not used; add its header to the pipeline file if it should be.",
        ),
        /// `{detail}`: the formula's cell.
        FormulaNoCachedValue => (
            "{detail} ұяшығындағы формуланың есептелген мәні сақталмаған; жиын жолдардан есептелді. Файлды Excel-де ашып, сақтап, қайта жіберу ұсынылады.",
            "Формула в ячейке {detail} сохранена без вычисленного значения; итог рассчитан по строкам. Рекомендуется открыть файл в Excel, сохранить и прислать заново.",
            "The formula in {detail} carries no computed value; the total was computed from the rows. Opening, saving and resending the file in Excel is advised.",
        ),
        ValueNotANumber => (
            "{at_cell}сан орнына «{actual}» жазылған ({field}). Санды жазып, есепті қайта жіберіңіз.",
            "В ячейке {cell} вместо числа записано «{actual}» ({field}). Укажите число и пришлите отчёт заново.",
            "Cell {cell} holds \"{actual}\" where a number belongs ({field}). Write the number and resend the report.",
        ),
        ValueErrorCell => (
            "{at_cell}мән орнына {actual} қатесі тұр ({field}). Формуланы түзетіңіз.",
            "В ячейке {cell} вместо значения ошибка {actual} ({field}). Исправьте формулу.",
            "Cell {cell} holds the error {actual} instead of a value ({field}). Correct the formula.",
        ),
        ValueNegative => (
            "{at_cell}теріс мән тұр: {actual} ({field}). Дұрыс мәнді жазыңыз.",
            "В ячейке {cell} отрицательное значение: {actual} ({field}). Укажите верное значение.",
            "Cell {cell} holds a negative value, {actual} ({field}). Write the right value.",
        ),
        ValueFractional => (
            "{at_cell}адам саны бөлшек санмен жазылған: {actual} ({field}). Бүтін санды жазыңыз.",
            "В ячейке {cell} число людей дробное: {actual} ({field}). Укажите целое число.",
            "Cell {cell} holds a fractional count of people, {actual} ({field}). Write a whole number.",
        ),
        ValueBadDate => (
            "{cell} ұяшығындағы «{actual}» күнін оқу мүмкін емес. Күнді КК.АА.ЖЖЖЖ түрінде жазыңыз.",
            "Дату «{actual}» в ячейке {cell} не удаётся прочитать. Укажите дату в виде ДД.ММ.ГГГГ.",
            "The date \"{actual}\" in cell {cell} cannot be read. Write it as DD.MM.YYYY.",
        ),
        ValueOutOfPeriod => (
            "{cell} ұяшығындағы {actual} күні есепті кезеңнен ({expected}) тыс. Күнді тексеріңіз.",
            "Дата {actual} в ячейке {cell} вне отчётного периода ({expected}). Проверьте дату.",
            "The date {actual} in cell {cell} is outside the reporting period ({expected}). Check the date.",
        ),
        /// `{closest}`: the nearest value of the list.
        ValueUnknownCategory => (
            "{cell} ұяшығындағы «{actual}» мәні тізімде жоқ ({field}); ең жақыны — «{closest}». Тізімдегі мәнді жазыңыз.",
            "Значение «{actual}» в ячейке {cell} отсутствует в перечне ({field}); ближайшее — «{closest}». Укажите значение из перечня.",
            "\"{actual}\" in cell {cell} is not in the list ({field}); the closest is \"{closest}\". Use a value from the list.",
        ),
        RowCategoriesSum => (
            "{row}-жолда ({org}) бес санаттың қосындысы {actual}, ал оқытудан өткендердің барлығы {expected}. Санаттарды немесе жалпы санды түзетіңіз.",
            "В строке {row} ({org}) сумма пяти категорий равна {actual}, а всего обучено {expected}. Исправьте категории или общее число.",
            "In row {row} ({org}) the five categories add up to {actual}, but the trained total is {expected}. Correct the categories or the total.",
        ),
        RowTrainedExceedsMembers => (
            "{row}-жолда ({org}) оқытудан өткендер ({actual}) кәсіподақ мүшелерінен ({expected}) көп. Сандарды тексеріңіз.",
            "В строке {row} ({org}) обучено {actual} человек — больше, чем членов профсоюза ({expected}). Проверьте данные.",
            "In row {row} ({org}) more people are trained ({actual}) than there are members ({expected}). Check the figures.",
        ),
        RowShareMismatch => (
            "{cell} ұяшығында ({org}) пайыз {actual} деп жазылған, ал оқытудан өткендердің мүшелер санына қатынасы {expected}. Пайызды қайта есептеңіз.",
            "В ячейке {cell} ({org}) указан процент {actual}, а отношение обученных к численности членов составляет {expected}. Пересчитайте процент.",
            "Cell {cell} ({org}) states {actual} %, but trained over members is {expected} %. Recompute the share.",
        ),
        /// `{detail}`: the row the organisation first stands in.
        RowDuplicateOrg => (
            "«{actual}» ұйымы есепте екі рет көрсетілген ({detail}- және {row}-жолдар). Қайталанған жолды алып тастаңыз.",
            "Организация «{actual}» указана в отчёте дважды (строки {detail} и {row}). Удалите повторную строку.",
            "\"{actual}\" appears twice in the report (rows {detail} and {row}). Remove the repeated row.",
        ),
        TotalMismatch => (
            "Жиын жолында ({cell}) «{field}» бойынша {actual} жазылған, ал жолдардың қосындысы {expected} (айырмасы {diff}). Жиын жолын түзетіңіз.",
            "В итоговой строке (ячейка {cell}) по показателю «{field}» указано {actual}, а сумма строк — {expected} (разница {diff}). Исправьте итог.",
            "The total row (cell {cell}) states {actual} for \"{field}\", but the rows add up to {expected} (difference {diff}). Correct the total.",
        ),
        SummaryMismatch => (
            "«{sheet}» жиынтық парағында ({cell}) «{field}» {actual} деп көрсетілген, ал бастауыш ұйымдар кестесі бойынша {expected}. Жиынтықты кестеге сәйкестендіріңіз.",
            "На листе свода «{sheet}» (ячейка {cell}) показатель «{field}» равен {actual}, а по таблице первичных организаций — {expected}. Приведите свод в соответствие с таблицей.",
            "The summary sheet \"{sheet}\" (cell {cell}) states {actual} for \"{field}\", but the organisation table gives {expected}. Bring the summary in line with the table.",
        ),
        /// `{candidates}`: the registry's nearest names, if any.
        RegistryUnknownOrg => (
            "{at_cell}«{actual}» ұйымы тізілімде табылмады{candidates}. Атауын тізілімдегідей жазыңыз немесе ұйымды тізілімге қосыңыз.",
            "Организация «{actual}» (ячейка {cell}) не найдена в реестре{candidates}. Напишите название как в реестре или добавьте организацию в реестр.",
            "\"{actual}\" (cell {cell}) is not in the registry{candidates}. Write the name as the registry has it, or add the organisation to the registry.",
        ),
        /// `{detail}`: the organisation's name in the registry.
        RegistryMissingOrg => (
            "Тізілімдегі «{detail}» ({org}) ұйымы есепте жоқ. Ұйымның жолын қосыңыз немесе тізілімді жаңартыңыз.",
            "Организация «{detail}» ({org}) есть в реестре, но отсутствует в отчёте. Добавьте её строку или обновите реестр.",
            "\"{detail}\" ({org}) is in the registry but not in the report. Add its row or update the registry.",
        ),
        /// `{id}`: the БСН matched; `{alias}`: the registry's short name, when
        /// it was the one that matched.
        RegistryAutoMatched => (
            "{at_cell}«{actual}» тізілімдегі «{expected}» ұйымы (БСН {id}) деп автоматты түрде танылды{alias}: ұйым түрі, нөмірі мен атауындағы сөздер сәйкес келеді, бөлімшенің басқа ұйымы сәйкес келмейді. Қате болса, атауын тізілімдегідей жазыңыз.",
            "«{actual}» (ячейка {cell}) автоматически сопоставлено с организацией реестра «{expected}» (БИН {id}){alias}: совпадают тип организации, номер и слова названия, другие организации подразделения не подходят. Если это ошибка, напишите название как в реестре.",
            "\"{actual}\" (cell {cell}) was matched automatically to the registry's \"{expected}\" (BIN {id}){alias}: the type of organisation, the number and the words of the name agree, and no other organisation of the unit fits. If this is wrong, write the name as the registry has it.",
        ),
        /// `{registry_unit}`: the unit of the registry; `{reporting_unit}`:
        /// the unit that reports the organisation.
        RegistryOtherUnit => (
            "{org} ұйымы тізілім бойынша «{registry_unit}» құрамында, бірақ «{reporting_unit}» есебінде көрсетілген ({cell}). Ұйымның қай бөлімшеге жататынын нақтылаңыз.",
            "Организация {org} по реестру относится к «{registry_unit}», но указана в отчёте «{reporting_unit}» (ячейка {cell}). Уточните принадлежность организации.",
            "{org} belongs to \"{registry_unit}\" in the registry but is reported by \"{reporting_unit}\" (cell {cell}). Settle which unit it belongs to.",
        ),
        /// `{change}`: the difference as a signed percent of the registry's.
        RegistryMembersMismatch => (
            "{cell} ұяшығында ({org}) кәсіподақ мүшелері {actual}, ал тізілімде 1 қаңтардағы жағдай бойынша {expected} ({change}). Санды тексеріңіз немесе тізілімді жаңартыңыз.",
            "В ячейке {cell} ({org}) численность членов профсоюза {actual}, а в реестре на 1 января — {expected} ({change}). Проверьте число или обновите реестр.",
            "Cell {cell} ({org}) gives {actual} members against {expected} in the registry on 1 January ({change}). Check the figure or update the registry.",
        ),
        EventsParticipantsMismatch => (
            "«{sheet}» парағындағы іс-шараларға қатысушылар саны {actual}, ал оқытудан өткендер саны {expected} (айырмасы {diff}). Іс-шаралар тізімін немесе оқыту кестесін толықтырыңыз.",
            "Число участников мероприятий на листе «{sheet}» — {actual}, а обученных — {expected} (разница {diff}). Дополните перечень мероприятий или таблицу обучения.",
            "The events on sheet \"{sheet}\" list {actual} participants, but {expected} people are reported trained (difference {diff}). Complete the events or the coverage table.",
        ),
        /// `{whose}`: the organisation, or else the unit; `{detail}`: the
        /// earlier period.
        HistoryYtdDecrease => (
            "{whose}: «{field}» жыл басынан бергі жинақталған көрсеткіші {detail} кезеңіндегі {expected} мәнінен {actual} мәніне дейін азайды. Жыл басынан бергі көрсеткіш азаймауы тиіс — тексеріңіз.",
            "{whose}: нарастающий с начала года показатель «{field}» уменьшился с {expected} за период {detail} до {actual}. Показатель с начала года не может уменьшаться — проверьте.",
            "{whose}: the year-to-date figure \"{field}\" fell from {expected} in {detail} to {actual}. A year-to-date figure cannot fall; check it.",
        ),
        /// `{whose}`: the unit, or else the region; `{detail}`: the period
        /// compared with.
        HistoryOutlierChange => (
            "{whose}: «{field}» көрсеткіші {detail} кезеңімен салыстырғанда {expected} мәнінен {actual} мәніне дейін өзгерді ({diff}). Өзгерістің себебін нақтылаңыз.",
            "{whose}: показатель «{field}» по сравнению с периодом {detail} изменился с {expected} до {actual} ({diff}). Уточните причину изменения.",
            "{whose}: \"{field}\" changed against {detail} from {expected} to {actual} ({diff}). Find out why.",
        ),
        /// `{share}`: the unit's training share; `{norm}`: the norm.
        FinanceBelowNorm => (
            "Оқытуға жұмсалған қаражат смета шығыстарының {share} құрайды, бұл {norm} нормасынан төмен. Оқытуды қаржыландыруды арттыру қажет.",
            "Расходы на обучение составляют {share} расходной части сметы, что ниже нормы {norm}. Необходимо увеличить финансирование обучения.",
            "Training takes {share} of the budget's expense side, under the {norm} norm. Training funding should be raised.",
        ),
        FinanceShareMismatch => (
            "{cell} ұяшығындағы үлес {actual} %, ал оқытуға жұмсалған қаражаттың смета шығыстарына қатынасы {expected} %. Үлесті қайта есептеңіз.",
            "В ячейке {cell} указана доля {actual} %, а отношение расходов на обучение к расходам сметы — {expected} %. Пересчитайте долю.",
            "Cell {cell} states a share of {actual} %, but training over expenses is {expected} %. Recompute the share.",
        ),
        /// `{sheet}`: the specialist's record of received dates.
        ReceivedNoColumns => (
            "«{sheet}» ішінде күн бағаны мен файл немесе аудан бағаны бар тақырып жолы табылмады (мысалы: «файл; түскен күні»), сондықтан белгіленген күндер ескерілмеді. Бірінші жолға осындай тақырыптар жазыңыз.",
            "В «{sheet}» не найдена строка заголовков со столбцом даты и столбцом файла или района (например: «файл; дата поступления»), поэтому отмеченные даты не учтены. Впишите такие заголовки в первую строку.",
            "\"{sheet}\" has no header row with a date column and a file or unit column (such as \"file; received on\"), so its dates are not used. Put such headers in the first row.",
        ),
        ReceivedUnmatched => (
            "«{sheet}» ішіндегі {row}-жолда жазылған «{actual}» кіріс қалтасындағы бірде-бір файлға да, бірде-бір ауданға да сәйкес келмейді, сондықтан оның күні ескерілмеді. Файл атауын қалтадағыдай етіп немесе ауданның атауын жазыңыз.",
            "В строке {row} «{sheet}» указано «{actual}»: это не файл входной папки и не район, поэтому дата не учтена. Впишите имя файла так, как оно во входной папке, или название района.",
            "Row {row} of \"{sheet}\" names \"{actual}\": no file of the inbox and no unit, so its date is not used. Write the file name as in the inbox or the unit's name.",
        ),
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
    fn counts_take_the_plural_their_number_asks_for() {
        let ru = |n| severity_count(Severity::Error, n, Lang::Ru);
        assert_eq!([ru(1), ru(3), ru(6)], ["1 ошибка", "3 ошибки", "6 ошибок"]);
        assert_eq!(
            severity_count(Severity::Warning, 22, Lang::Ru),
            "22 предупреждения"
        );
        assert_eq!(
            severity_count(Severity::Info, 13, Lang::Ru),
            "13 уведомлений"
        );
        assert_eq!(severity_count(Severity::Error, 3, Lang::Kk), "3 қате");
        assert_eq!(severity_count(Severity::Error, 1, Lang::En), "1 error");
        assert_eq!(severity_count(Severity::Warning, 0, Lang::En), "0 warnings");
        assert_eq!(
            severity_count(Severity::Info, 1021, Lang::Ru),
            "1\u{a0}021 уведомление"
        );
    }

    #[test]
    fn every_text_is_complete_in_every_language() {
        crate::lang::assert_complete(FieldName::ALL, FieldName::get);
        crate::lang::assert_complete(SeverityName::ALL, SeverityName::get);
        crate::lang::assert_complete(SeverityCount::ALL, SeverityCount::get);
        crate::lang::assert_complete(RuleTitle::ALL, RuleTitle::get);
        crate::lang::assert_complete(RuleMessage::ALL, RuleMessage::get);
        crate::lang::assert_complete(Phrase::ALL, Phrase::get);
        crate::lang::assert_complete(Reason::ALL, Reason::get);
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
