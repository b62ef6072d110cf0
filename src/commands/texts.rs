//! What the commands print on the terminal, in Kazakh, Russian and English.

crate::texts! {
    /// A text printed by `consolidate`, `history` or `template`.
    pub enum T {
        // The run summary of `consolidate`.
        Period => ("Кезең: {period}", "Период: {period}", "Period: {period}"),
        Files => ("Файлдар: {found} табылды, {read} оқылды, {skipped} өткізілді", "Файлы: {found} найдено, {read} прочитано, {skipped} пропущено", "Files: {found} found, {read} read, {skipped} skipped"),
        Rows => ("Жолдар: {read} оқылды, {accepted} қабылданды, {rejected} қабылданбады", "Строки: {read} прочитано, {accepted} принято, {rejected} отклонено", "Rows: {read} read, {accepted} accepted, {rejected} rejected"),
        /// `{error}`, `{warning}`, `{info}`: the names of the severities.
        Issues => ("Мәселелер: {errors} {error}, {warnings} {warning}, {infos} {info}", "Замечания: {errors} {error}, {warnings} {warning}, {infos} {info}", "Issues: {errors} {error}, {warnings} {warning}, {infos} {info}"),
        Outputs => ("Нәтижелер: {dir}", "Результаты: {dir}", "Outputs: {dir}"),

        // The table of `history`.
        PeriodOrUnit => ("Кезең / бөлімше", "Период / подразделение", "Period / unit"),
        Members => ("Мүшелер", "Члены", "Members"),
        Trained => ("Оқыды", "Обучено", "Trained"),
        Events => ("Іс-шара", "Меропр.", "Events"),
        FinanceShare => ("Қаржы %", "Финанс. %", "Finance %"),
        Region => ("Облыс", "Область", "Region"),
        Damaged => ("зақымдалған", "повреждён", "damaged"),
        NoPeriods => ("Сақталған кезең жоқ: {dir}", "Сохранённых периодов нет: {dir}", "No stored periods: {dir}"),

        // `template`.
        PreviousUnreadable => (
            "Өткен кезеңнің сақталған деректері оқылмайды ({reason}); форма нөлден басталады.",
            "Сохранённые данные прошлого периода не читаются ({reason}); форма начинается с нулей.",
            "The stored figures of the previous period cannot be read ({reason}); the form starts from zero.",
        ),
        FormWritten => ("Форма жазылды: {path}", "Форма записана: {path}", "Form written: {path}"),
        FormOrgs => ("{unit}, {period}: {n} ұйым", "{unit}, {period}: организаций {n}", "{unit}, {period}: {n} organisations"),
        FormPrefilled => ("{period} кезеңінің деректері жазылды ({events} іс-шара)", "вписаны данные за {period} (мероприятий: {events})", "figures of {period} filled in ({events} events)"),
        FormJanuary => ("қаңтар: сандар нөлден басталады", "январь: числа начинаются с нуля", "January: the figures start from zero"),
        /// `{previous}`: the month before the form's; `{folder}`: the output
        /// folder searched; `{consolidate}`: the command that stores it there;
        /// `{flag}`: the flag naming another folder.
        FormNoPrevious => (
            "{folder} қалтасында {previous} кезеңінің сақталған деректері жоқ: жыл басынан бергі сандар нөлден басталады. Оларды толтыру үшін {previous} кезеңін осы қалтаға жинақтаңыз ({consolidate}) немесе сол ай жинақталған қалтаны {flag} арқылы көрсетіңіз.",
            "В папке {folder} нет сохранённых данных за {previous}: числа с начала года начинаются с нуля. Чтобы их вписать, сведите {previous} в эту папку ({consolidate}) или укажите папку, где этот месяц сведён, через {flag}.",
            "{folder} holds no stored figures of {previous}: the year-to-date figures start from zero. To fill them in, consolidate {previous} into this folder ({consolidate}), or name the folder where that month was consolidated with {flag}.",
        ),
        /// `{command}`: the command that checks a filled form.
        FormNext => ("файл атауы: «{file}»; жіберер алдында {command} арқылы тексеріледі", "предложите районам имя файла «{file}» и проверку {command}", "suggest the file name \"{file}\" and a check with {command}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_complete_in_every_language() {
        crate::lang::assert_complete(T::ALL, T::get);
    }
}
