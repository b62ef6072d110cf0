//! The words of the discrepancy workbook in Kazakh, Russian and English.
//!
//! One table, [`T`]; the functions below are the workbook's way in, with the
//! values of the templates filled.

use crate::issue::Severity;
use crate::lang::{fill, Lang};
use crate::messages::{fmt_num, severity_count};
use crate::period::Period;

crate::texts! {
    /// A text of the discrepancy workbook.
    pub(crate) enum T {
        ReportTitle => ("Кәсіподақтық оқыту туралы есептердегі сәйкессіздіктер", "Расхождения в отчётах о профсоюзном обучении", "Discrepancies in the union training reports"),
        SummarySheet => ("Жиынтық", "Сводка", "Summary"),
        DetailSheet => ("Барлық мәселелер", "Все замечания", "All issues"),
        /// `2026 жылғы наурыз`, `март 2026 г.`, `March 2026`.
        PeriodName => ("{year} жылғы {month}", "{month} {year} г.", "{month} {year}"),
        PeriodLine => ("Есепті кезең: {period}, жыл басынан бергі жинақталған деректер", "Отчётный период: {period}, данные нарастающим итогом с начала года", "Reporting period: {period}, year-to-date figures"),
        AsOf => ("{date} жағдай бойынша", "По состоянию на {date}", "As of {date}"),
        /// `{errors}`, `{warnings}`, `{infos}`: counts with their nouns (`3 ошибки`).
        Totals => ("Барлық мәселелер: {all}, оның ішінде {errors}, {warnings}, {infos}", "Всего замечаний: {all}, из них {errors}, {warnings}, {infos}", "Issues in all: {all}: {errors}, {warnings}, {infos}"),
        SeverityHeading => ("Маңыздылық деңгейлері", "Уровни важности", "Severity levels"),
        ByUnitHeading => ("Бөлімшелер бойынша", "По подразделениям", "By unit"),
        ByRuleHeading => ("Тексерулер бойынша", "По видам проверок", "By check"),
        MissingHeading => ("Есеп жібермеген бөлімшелер", "Подразделения, не представившие отчёт", "Units that did not report"),
        AllReported => ("Барлық бөлімшелер есеп жіберді.", "Все подразделения представили отчёты.", "Every unit reported."),
        NumberHead => ("№", "№", "No."),
        UnitHead => ("Бөлімше", "Подразделение", "Unit"),
        TotalHead => ("Барлығы", "Всего", "Total"),
        ReportFileHead => ("Қабылданған есеп файлы", "Принятый файл отчёта", "Report file used"),
        NoReport => ("есеп түспеді", "отчёт не поступил", "no report"),
        RegionTotal => ("Облыс бойынша барлығы", "Итого по области", "Region total"),
        NoUnit => ("Бөлімшесі анықталмаған", "Подразделение не определено", "Unit not determined"),
        CheckHead => ("Тексеру", "Проверка", "Check"),
        CheckIdHead => ("Тексеру коды", "Код проверки", "Check id"),
        DescriptionHead => ("Сипаттама", "Описание", "Description"),
        /// `{sheet}`: the sheet of all issues.
        Guide => (
            "Барлық мәселелердің толық тізімі «{sheet}» парағында, әр бөлімшенің мәселелері — өз парағында. «Жауапты», «Мерзімі», «Күйі» және «Түсініктеме» бағандарын маман толтырады.",
            "Полный перечень замечаний — на листе «{sheet}», замечания каждого подразделения — на его листе. Столбцы «Ответственный», «Срок», «Статус» и «Комментарий» заполняет специалист.",
            "Every issue is on the \"{sheet}\" sheet, and each unit's issues on its own sheet. The specialist fills in the Responsible, Due date, Status and Comment columns.",
        ),
        Truncated => (
            "Парақта алғашқы {shown} мәселе ғана көрсетілген (Excel шегі); толық тізім CSV және JSON файлдарында.",
            "На листе показаны только первые {shown} замечаний (предел Excel); полный перечень — в файлах CSV и JSON.",
            "The sheet shows the first {shown} issues only (Excel's limit); the CSV and JSON files hold them all.",
        ),
        MatchHead => ("Тізілімдегі ұйым", "Организация по реестру", "Registry organisation"),
        PickMatch => (
            "Бұл атау тізілімдегі қай ұйым екенін тізімнен таңдаңыз: келесі іске қосудан бастап бұл атау сол ұйыммен әр ай сайын сәйкестендіріледі.",
            "Выберите из списка, какая организация реестра записана под этим названием: со следующего запуска это название будет сопоставляться с ней каждый месяц.",
            "Pick from the list the registry organisation this name stands for: from the next run on, the name is matched to it every month.",
        ),
        OpenFile => ("файл", "файл", "file"),
        OpenSheet => ("парақ", "лист", "sheet"),
        OpenTip => ("Бастапқы файлды ашу", "Открыть исходный файл", "Open the source file"),
        /// Excel's page header codes: `&P` the page, `&N` the pages.
        PageFooter => ("Бет &P / &N", "Стр. &P из &N", "Page &P of &N"),
        StatusHead => ("Күйі", "Статус", "Status"),
        PickFromList => ("Тізімнен мән таңдаңыз.", "Выберите значение из списка.", "Choose a value from the list."),
        DueHead => ("Мерзімі", "Срок", "Due date"),
        DateWanted => ("Күнді КК.АА.ЖЖЖЖ түрінде жазыңыз.", "Укажите дату в виде ДД.ММ.ГГГГ.", "Write a date as DD.MM.YYYY."),
        /// After the difference of two shares: percentage points.
        PercentagePoints => ("п.т.", "п.п.", "pp"),
    }
}

crate::texts! {
    /// What a severity asks of the reader.
    pub(crate) enum SeverityMeaning for Severity {
        Error => ("Есептің деректері қате: бөлімше түзетіп, есепті қайта жіберуі керек.", "Данные отчёта неверны: подразделению нужно исправить и прислать отчёт заново.", "The report's data are wrong: the unit must correct and resend the report."),
        Warning => ("Тексеру қажет: қате болуы мүмкін немесе түсініктеме керек.", "Требует проверки: возможна ошибка или нужно пояснение.", "Needs checking: possibly wrong, or an explanation is needed."),
        Info => ("Мәлімет үшін: әдетте әрекет қажет емес.", "Для сведения: как правило, действий не требуется.", "For information: usually no action is needed."),
    }
}

crate::texts! {
    /// The head of a column of counts, one per severity.
    pub(crate) enum SeverityCountHead for Severity {
        Error => ("Қате", "Ошибки", "Errors"),
        Warning => ("Ескерту", "Предупреждения", "Warnings"),
        Info => ("Ақпарат", "Сведения", "Info"),
    }
}

pub(crate) fn report_title(lang: Lang) -> &'static str {
    T::ReportTitle.get(lang)
}

pub(crate) fn summary_sheet(lang: Lang) -> &'static str {
    T::SummarySheet.get(lang)
}

pub(crate) fn detail_sheet(lang: Lang) -> &'static str {
    T::DetailSheet.get(lang)
}

/// `2026 жылғы наурыз`, `март 2026 г.`, `March 2026`.
pub(crate) fn period_name(p: Period, lang: Lang) -> String {
    fill(
        T::PeriodName.get(lang),
        &[
            ("year", &p.year.to_string()),
            ("month", crate::lang::month_name(p.month, lang)),
        ],
    )
}

pub(crate) fn period_line(p: Period, lang: Lang) -> String {
    fill(
        T::PeriodLine.get(lang),
        &[("period", &period_name(p, lang))],
    )
}

pub(crate) fn as_of_line(p: Period, lang: Lang) -> String {
    fill(T::AsOf.get(lang), &[("date", &p.as_of_dotted())])
}

pub(crate) fn totals_line(n: usize, e: usize, w: usize, i: usize, lang: Lang) -> String {
    fill(
        T::Totals.get(lang),
        &[
            ("all", &fmt_num(n as f64, lang)),
            ("errors", &severity_count(Severity::Error, e, lang)),
            ("warnings", &severity_count(Severity::Warning, w, lang)),
            ("infos", &severity_count(Severity::Info, i, lang)),
        ],
    )
}

pub(crate) fn severity_heading(lang: Lang) -> &'static str {
    T::SeverityHeading.get(lang)
}

pub(crate) fn severity_meaning(s: Severity, lang: Lang) -> &'static str {
    SeverityMeaning::from(s).get(lang)
}

/// Column heads of the counts, one per severity.
pub(crate) fn severity_count_head(s: Severity, lang: Lang) -> &'static str {
    SeverityCountHead::from(s).get(lang)
}

pub(crate) fn by_unit_heading(lang: Lang) -> &'static str {
    T::ByUnitHeading.get(lang)
}

pub(crate) fn by_rule_heading(lang: Lang) -> &'static str {
    T::ByRuleHeading.get(lang)
}

pub(crate) fn missing_heading(lang: Lang) -> &'static str {
    T::MissingHeading.get(lang)
}

pub(crate) fn all_reported(lang: Lang) -> &'static str {
    T::AllReported.get(lang)
}

pub(crate) fn number_head(lang: Lang) -> &'static str {
    T::NumberHead.get(lang)
}

pub(crate) fn unit_head(lang: Lang) -> &'static str {
    T::UnitHead.get(lang)
}

pub(crate) fn total_head(lang: Lang) -> &'static str {
    T::TotalHead.get(lang)
}

pub(crate) fn report_file_head(lang: Lang) -> &'static str {
    T::ReportFileHead.get(lang)
}

pub(crate) fn no_report(lang: Lang) -> &'static str {
    T::NoReport.get(lang)
}

pub(crate) fn region_total(lang: Lang) -> &'static str {
    T::RegionTotal.get(lang)
}

pub(crate) fn no_unit(lang: Lang) -> &'static str {
    T::NoUnit.get(lang)
}

pub(crate) fn check_head(lang: Lang) -> &'static str {
    T::CheckHead.get(lang)
}

pub(crate) fn check_id_head(lang: Lang) -> &'static str {
    T::CheckIdHead.get(lang)
}

pub(crate) fn description_head(lang: Lang) -> &'static str {
    T::DescriptionHead.get(lang)
}

pub(crate) fn guide(lang: Lang) -> String {
    fill(T::Guide.get(lang), &[("sheet", detail_sheet(lang))])
}

pub(crate) fn truncated(shown: usize, lang: Lang) -> String {
    fill(T::Truncated.get(lang), &[("shown", &shown.to_string())])
}

pub(crate) fn open_file(lang: Lang) -> &'static str {
    T::OpenFile.get(lang)
}

pub(crate) fn open_sheet(lang: Lang) -> &'static str {
    T::OpenSheet.get(lang)
}

pub(crate) fn open_tip(lang: Lang) -> &'static str {
    T::OpenTip.get(lang)
}

pub(crate) fn page_footer(lang: Lang) -> &'static str {
    T::PageFooter.get(lang)
}

/// The title and message of the status column's dropdown.
/// The title and message of an unknown organisation's match dropdown.
pub(crate) fn pick_match(lang: Lang) -> (&'static str, &'static str) {
    (T::MatchHead.get(lang), T::PickMatch.get(lang))
}

pub(crate) fn pick_from_list(lang: Lang) -> (&'static str, &'static str) {
    (T::StatusHead.get(lang), T::PickFromList.get(lang))
}

/// The title and message of the due date column's check.
pub(crate) fn date_wanted(lang: Lang) -> (&'static str, &'static str) {
    (T::DueHead.get(lang), T::DateWanted.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_totals_line_counts_with_plurals() {
        assert_eq!(
            totals_line(22, 3, 6, 13, Lang::Ru),
            "Всего замечаний: 22, из них 3 ошибки, 6 предупреждений, 13 уведомлений"
        );
        assert_eq!(
            totals_line(3, 1, 1, 1, Lang::En),
            "Issues in all: 3: 1 error, 1 warning, 1 note"
        );
        assert_eq!(
            totals_line(9, 3, 5, 1, Lang::Kk),
            "Барлық мәселелер: 9, оның ішінде 3 қате, 5 ескерту, 1 ақпарат"
        );
    }

    #[test]
    fn every_text_is_complete_in_every_language() {
        crate::lang::assert_complete(T::ALL, T::get);
        crate::lang::assert_complete(SeverityMeaning::ALL, SeverityMeaning::get);
        crate::lang::assert_complete(SeverityCountHead::ALL, SeverityCountHead::get);
    }

    #[test]
    fn periods_read_naturally() {
        let p = Period::new(2026, 3).unwrap();
        assert_eq!(period_name(p, Lang::Kk), "2026 жылғы наурыз");
        assert_eq!(period_name(p, Lang::Ru), "март 2026 г.");
        assert_eq!(as_of_line(p, Lang::En), "As of 01.04.2026");
    }
}
