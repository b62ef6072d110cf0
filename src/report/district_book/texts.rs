//! The words of a district's file of issues in Kazakh, Russian and English.

use crate::lang::{fill, Lang};

crate::texts! {
    /// A text of a district's file.
    pub(crate) enum T {
        /// `{unit}`: the unit's name.
        Title => ("{unit}: есептегі ескертулер", "{unit}: замечания к отчёту", "{unit}: issues in the report"),
        /// `{period}`: the period spelled out.
        PeriodLine => ("Есепті кезең: {period}", "Отчётный период: {period}", "Reporting period: {period}"),
        /// `{date}`: the day corrected reports are due.
        Deadline => (
            "Қателерді түзетіп, есепті {date} дейін қайта жіберіңіз.",
            "Исправьте ошибки и пришлите отчёт повторно до {date}.",
            "Correct the errors and send the report again by {date}.",
        ),
        /// `{date}`: as [`T::Deadline`], for a report with no errors.
        DeadlineNoErrors => (
            "Ескертулерді тексеріңіз; есепті түзетсеңіз, {date} дейін қайта жіберіңіз.",
            "Проверьте предупреждения; если исправите отчёт, пришлите его до {date}.",
            "Check the warnings; if you correct the report, send it again by {date}.",
        ),
        /// `{errors}`, `{warnings}`, `{infos}`: the counts.
        Counts => (
            "Қате — {errors} (түзету керек), ескерту — {warnings} (тексеріңіз), ақпарат — {infos}.",
            "Ошибок — {errors} (исправить), предупреждений — {warnings} (проверить), сведений — {infos}.",
            "Errors: {errors} (to correct), warnings: {warnings} (to check), notes: {infos}.",
        ),
        /// Opens the office's contact line.
        Contact => ("Сұрақтар бойынша: {contact}", "По вопросам: {contact}", "Questions: {contact}"),
        NumberHead => ("№", "№", "No."),
        SeverityHead => ("Маңыздылығы", "Важность", "Severity"),
        FileHead => ("Файл", "Файл", "File"),
        SheetHead => ("Парақ", "Лист", "Sheet"),
        CellHead => ("Ұяшық", "Ячейка", "Cell"),
        OrgHead => ("Ұйым", "Организация", "Organisation"),
        ActualHead => ("Табылғаны", "Указано", "Found"),
        ExpectedHead => ("Күтілгені", "Ожидалось", "Expected"),
        MessageHead => ("Не дұрыс емес және не істеу керек", "Что не так и что сделать", "What is wrong and what to do"),
        /// The last word of the file's name.
        FileWord => ("ескертулер", "замечания", "issues"),
        /// Excel's page footer codes: `&P` the page, `&N` the pages.
        PageFooter => ("Бет &P / &N", "Стр. &P из &N", "Page &P of &N"),
    }
}

/// Every language's last word of a file name, to tell this kind of file
/// from others in the folder.
pub(crate) fn file_words() -> [&'static str; 3] {
    [Lang::Kk, Lang::Ru, Lang::En].map(|l| T::FileWord.get(l))
}

pub(crate) fn title(unit: &str, lang: Lang) -> String {
    fill(T::Title.get(lang), &[("unit", unit)])
}

pub(crate) fn period_line(period: &str, lang: Lang) -> String {
    fill(T::PeriodLine.get(lang), &[("period", period)])
}

/// The day to resend by, worded by whether the report has errors.
pub(crate) fn deadline(date: &str, errors: bool, lang: Lang) -> String {
    let t = if errors {
        T::Deadline
    } else {
        T::DeadlineNoErrors
    };
    fill(t.get(lang), &[("date", date)])
}

pub(crate) fn counts(c: [usize; 3], lang: Lang) -> String {
    let [e, w, i] = c.map(|n| n.to_string());
    fill(
        T::Counts.get(lang),
        &[("errors", &e), ("warnings", &w), ("infos", &i)],
    )
}

pub(crate) fn contact(contact: &str, lang: Lang) -> String {
    fill(T::Contact.get(lang), &[("contact", contact)])
}
