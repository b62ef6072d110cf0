//! The words of the discrepancy workbook in Kazakh, Russian and English.

use crate::lang::Lang;
use crate::period::Period;

pub fn report_title(lang: Lang) -> &'static str {
    lang.pick(
        "Кәсіподақтық оқыту туралы есептердегі сәйкессіздіктер",
        "Расхождения в отчётах о профсоюзном обучении",
        "Discrepancies in the union training reports",
    )
}

pub fn summary_sheet(lang: Lang) -> &'static str {
    lang.pick("Жиынтық", "Сводка", "Summary")
}

pub fn detail_sheet(lang: Lang) -> &'static str {
    lang.pick("Барлық мәселелер", "Все замечания", "All issues")
}

/// `2026 жылғы наурыз`, `март 2026 г.`, `March 2026`.
pub fn period_name(p: Period, lang: Lang) -> String {
    let m = crate::lang::month_name(p.month, lang);
    match lang {
        Lang::Kk => format!("{} жылғы {m}", p.year),
        Lang::Ru => format!("{m} {} г.", p.year),
        Lang::En => format!("{m} {}", p.year),
    }
}

pub fn period_line(p: Period, lang: Lang) -> String {
    let name = period_name(p, lang);
    match lang {
        Lang::Kk => format!("Есепті кезең: {name}, жыл басынан бергі жинақталған деректер"),
        Lang::Ru => format!("Отчётный период: {name}, данные нарастающим итогом с начала года"),
        Lang::En => format!("Reporting period: {name}, year-to-date figures"),
    }
}

pub fn as_of_line(p: Period, lang: Lang) -> String {
    let d = p.as_of_dotted();
    match lang {
        Lang::Kk => format!("{d} жағдай бойынша"),
        Lang::Ru => format!("По состоянию на {d}"),
        Lang::En => format!("As of {d}"),
    }
}

pub fn totals_line(n: usize, e: usize, w: usize, i: usize, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("Барлық мәселелер: {n} (қате — {e}, ескерту — {w}, ақпарат — {i})"),
        Lang::Ru => {
            format!("Всего замечаний: {n} (ошибок — {e}, предупреждений — {w}, сведений — {i})")
        }
        Lang::En => format!("Issues in all: {n} (errors: {e}, warnings: {w}, info: {i})"),
    }
}

pub fn severity_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Маңыздылық деңгейлері",
        "Уровни важности",
        "Severity levels",
    )
}

pub fn severity_meaning(s: crate::issue::Severity, lang: Lang) -> &'static str {
    use crate::issue::Severity::*;
    match s {
        Error => lang.pick(
            "Есептің деректері қате: бөлімше түзетіп, есепті қайта жіберуі керек.",
            "Данные отчёта неверны: подразделению нужно исправить и прислать отчёт заново.",
            "The report's data are wrong: the unit must correct and resend the report.",
        ),
        Warning => lang.pick(
            "Тексеру қажет: қате болуы мүмкін немесе түсініктеме керек.",
            "Требует проверки: возможна ошибка или нужно пояснение.",
            "Needs checking: possibly wrong, or an explanation is needed.",
        ),
        Info => lang.pick(
            "Мәлімет үшін: әдетте әрекет қажет емес.",
            "Для сведения: как правило, действий не требуется.",
            "For information: usually no action is needed.",
        ),
    }
}

/// Column heads of the counts, one per severity.
pub fn severity_count_head(s: crate::issue::Severity, lang: Lang) -> &'static str {
    use crate::issue::Severity::*;
    match s {
        Error => lang.pick("Қате", "Ошибки", "Errors"),
        Warning => lang.pick("Ескерту", "Предупреждения", "Warnings"),
        Info => lang.pick("Ақпарат", "Сведения", "Info"),
    }
}

pub fn by_unit_heading(lang: Lang) -> &'static str {
    lang.pick("Бөлімшелер бойынша", "По подразделениям", "By unit")
}

pub fn by_rule_heading(lang: Lang) -> &'static str {
    lang.pick("Тексерулер бойынша", "По видам проверок", "By check")
}

pub fn missing_heading(lang: Lang) -> &'static str {
    lang.pick(
        "Есеп жібермеген бөлімшелер",
        "Подразделения, не представившие отчёт",
        "Units that did not report",
    )
}

pub fn all_reported(lang: Lang) -> &'static str {
    lang.pick(
        "Барлық бөлімшелер есеп жіберді.",
        "Все подразделения представили отчёты.",
        "Every unit reported.",
    )
}

pub fn number_head(lang: Lang) -> &'static str {
    lang.pick("№", "№", "No.")
}

pub fn unit_head(lang: Lang) -> &'static str {
    lang.pick("Бөлімше", "Подразделение", "Unit")
}

pub fn total_head(lang: Lang) -> &'static str {
    lang.pick("Барлығы", "Всего", "Total")
}

pub fn report_file_head(lang: Lang) -> &'static str {
    lang.pick(
        "Қабылданған есеп файлы",
        "Принятый файл отчёта",
        "Report file used",
    )
}

pub fn no_report(lang: Lang) -> &'static str {
    lang.pick("есеп түспеді", "отчёт не поступил", "no report")
}

pub fn region_total(lang: Lang) -> &'static str {
    lang.pick("Облыс бойынша барлығы", "Итого по области", "Region total")
}

pub fn no_unit(lang: Lang) -> &'static str {
    lang.pick(
        "Бөлімшесі анықталмаған",
        "Подразделение не определено",
        "Unit not determined",
    )
}

pub fn check_head(lang: Lang) -> &'static str {
    lang.pick("Тексеру", "Проверка", "Check")
}

pub fn check_id_head(lang: Lang) -> &'static str {
    lang.pick("Тексеру коды", "Код проверки", "Check id")
}

pub fn description_head(lang: Lang) -> &'static str {
    lang.pick("Сипаттама", "Описание", "Description")
}

pub fn guide(lang: Lang) -> String {
    let d = detail_sheet(lang);
    match lang {
        Lang::Kk => format!(
            "Барлық мәселелердің толық тізімі «{d}» парағында, әр бөлімшенің мәселелері — өз парағында. «Жауапты», «Мерзімі», «Күйі» және «Түсініктеме» бағандарын маман толтырады."
        ),
        Lang::Ru => format!(
            "Полный перечень замечаний — на листе «{d}», замечания каждого подразделения — на его листе. Столбцы «Ответственный», «Срок», «Статус» и «Комментарий» заполняет специалист."
        ),
        Lang::En => format!(
            "Every issue is on the \"{d}\" sheet, and each unit's issues on its own sheet. The specialist fills in the Responsible, Due date, Status and Comment columns."
        ),
    }
}

pub fn truncated(shown: usize, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("Парақта алғашқы {shown} мәселе ғана көрсетілген (Excel шегі); толық тізім CSV және JSON файлдарында."),
        Lang::Ru => format!("На листе показаны только первые {shown} замечаний (предел Excel); полный перечень — в файлах CSV и JSON."),
        Lang::En => format!("The sheet shows the first {shown} issues only (Excel's limit); the CSV and JSON files hold them all."),
    }
}

pub fn open_file(lang: Lang) -> &'static str {
    lang.pick("файл", "файл", "file")
}

pub fn open_sheet(lang: Lang) -> &'static str {
    lang.pick("парақ", "лист", "sheet")
}

pub fn open_tip(lang: Lang) -> &'static str {
    lang.pick(
        "Бастапқы файлды ашу",
        "Открыть исходный файл",
        "Open the source file",
    )
}

pub fn page_footer(lang: Lang) -> &'static str {
    lang.pick("Бет &P / &N", "Стр. &P из &N", "Page &P of &N")
}

pub fn pick_from_list(lang: Lang) -> (&'static str, &'static str) {
    (
        lang.pick("Күйі", "Статус", "Status"),
        lang.pick(
            "Тізімнен мән таңдаңыз.",
            "Выберите значение из списка.",
            "Choose a value from the list.",
        ),
    )
}

pub fn date_wanted(lang: Lang) -> (&'static str, &'static str) {
    (
        lang.pick("Мерзімі", "Срок", "Due date"),
        lang.pick(
            "Күнді КК.АА.ЖЖЖЖ түрінде жазыңыз.",
            "Укажите дату в виде ДД.ММ.ГГГГ.",
            "Write a date as DD.MM.YYYY.",
        ),
    )
}
