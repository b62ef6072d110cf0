//! What the commands print on the terminal, in Kazakh, Russian and English.

crate::texts! {
    /// A text printed by `consolidate`, `check`, `history` or `template`.
    pub(crate) enum T {
        // The run summary of `consolidate`.
        Period => ("Кезең: {period}", "Период: {period}", "Period: {period}"),
        /// The month of a period written out: `2026 жылғы наурыз`.
        PeriodSpelled => ("{year} жылғы {month}", "{month} {year} г.", "{month} {year}"),
        /// The region's figures; `{share}` as the office writes it, `17,0 %`.
        Figures => ("Кәсіподақ мүшелері: {members}; оқытудан өткендер: {trained} ({share})", "Членов профсоюза: {members}; прошли обучение: {trained} ({share})", "Union members: {members}; trained: {trained} ({share})"),
        /// A figure nobody reported.
        NotReported => ("жоқ", "нет данных", "not reported"),
        /// `{units}`: each unit with its count of errors, `Алға ауданы (3 қате)`.
        ErrorUnits => ("Қатесі бар аудандар: {units}", "Ошибки в отчётах: {units}", "Units with errors: {units}"),
        Files => ("Файлдар: {found} табылды, {read} оқылды, {skipped} өткізілді", "Файлы: {found} найдено, {read} прочитано, {skipped} пропущено", "Files: {found} found, {read} read, {skipped} skipped"),
        SupersededBy => ("  «{file}» орнына «{by}» алынды", "  вместо «{file}» взят «{by}»", "  \"{file}\" replaced by \"{by}\""),
        Rows => ("Жолдар: {read} оқылды, {accepted} қабылданды, {rejected} қабылданбады", "Строки: {read} прочитано, {accepted} принято, {rejected} отклонено", "Rows: {read} read, {accepted} accepted, {rejected} rejected"),
        /// Each count with its noun: `3 ошибки`, `6 предупреждений`.
        Issues => ("Мәселелер: {errors}, {warnings}, {infos}", "Замечания: {errors}, {warnings}, {infos}", "Issues: {errors}, {warnings}, {infos}"),
        Outputs => ("Нәтижелер: {dir}", "Результаты: {dir}", "Outputs: {dir}"),
        /// The folder of the districts' own files of issues, and how many.
        DistrictFiles => ("  {folder} — аудандарға ескертулер файлдары: {n}", "  {folder} — файлы замечаний для районов: {n}", "  {folder} — the districts' files of issues: {n}"),

        // `check`'s counts and verdict: `{errors}`, `{warnings}`, `{infos}`
        // are counts with their nouns (`3 ошибки`).
        CheckCounts => ("Барлығы: {errors}, {warnings}, {infos}.", "Итого: {errors}, {warnings}, {infos}.", "In all: {errors}, {warnings}, {infos}."),
        CheckFix => ("✗ Жіберер алдында {errors} түзетіңіз.", "✗ Перед отправкой исправьте {errors}.", "✗ Fix {errors} before sending."),
        /// `{ready}`: the report is ready to send.
        CheckLook => ("✓ {ready}; {warnings} қарап шығыңыз.", "✓ {ready}; просмотрите {warnings}.", "✓ {ready}; {warnings} worth a look."),
        /// Errors as what is to be fixed, their forms separated by `|`.
        ErrorsToFix => ("қатені", "ошибку|ошибки|ошибок", "error|errors"),
        /// Warnings as what is to be read, their forms separated by `|`.
        WarningsToLook => ("ескертуді", "предупреждение|предупреждения|предупреждений", "warning|warnings"),
        // The verdict of `check` on files that are not reports.
        CheckNotReport => (
            "✗ Бұл есеп емес: файлдан есеп кестесі табылмады. Толтырылған есеп формасын жіберіңіз.",
            "✗ Это не отчёт: в файле не найдена таблица отчёта. Отправьте заполненную форму отчёта.",
            "✗ Not a report: no report table was found in the file. Send the filled report form.",
        ),
        CheckNotReports => (
            "✗ Есеп емес файлдар (есеп кестесі табылмады): {n}. Толтырылған есеп формасын жіберіңіз.",
            "✗ Файлы, которые не являются отчётом (таблица отчёта не найдена): {n}. Отправьте заполненную форму отчёта.",
            "✗ Files that are not reports (no report table found): {n}. Send the filled report form.",
        ),

        // `brief`, and a December run.
        BriefWritten => ("Жылдық анықтама: {path}", "Годовая справка: {path}", "The year's brief: {path}"),
        BriefTextMissing => (
            "Анықтаманың мәтін файлы {path} табылмады: баяндау бөлімдері маманға бос қалдырылды.",
            "Файл текстов справки {path} не найден: повествовательные разделы оставлены для специалиста.",
            "The brief's text file {path} is not there: the narrative sections are left for the specialist.",
        ),

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
        // The first lines of every command: what it uses.
        PipelineFile => ("Баптау файлы: {path}", "Файл настройки: {path}", "Pipeline: {path}"),
        /// `{id}`: the pipeline's id.
        PipelineBuiltIn => ("Баптау файлы: бағдарламаға кірістірілген ({id})", "Файл настройки: встроенный в программу ({id})", "Pipeline: built-in pipeline ({id})"),
        RegistryFile => ("Тізілім: {path}", "Реестр: {path}", "Registry: {path}"),
        /// `{flag}`: the flag that names a registry; `{init}`: the command
        /// that makes a working folder.
        RegistryNone => (
            "Тізілім: берілмеген, ұйымдар тізіліммен салыстырылмайды ({flag} немесе {init} жасаған қалта)",
            "Реестр: не указан, организации с реестром не сверяются ({flag} или папка, созданная {init})",
            "Registry: none given, organisations are not compared with a registry ({flag}, or a folder made by {init})",
        ),
        // `init`.
        InitMade => ("Жұмыс қалтасы жасалды: {dir}", "Рабочая папка создана: {dir}", "Working folder made: {dir}"),
        InitPipeline => (
            "  {file}: баптау файлы (бағдарламаның баптаулары, түсіндірмелерімен; жолдары осы қалтаға)",
            "  {file}: файл настройки (настройки программы с пояснениями; пути указывают на эту папку)",
            "  {file}: the pipeline (the program's settings with their comments; paths into this folder)",
        ),
        InitRegistryEmpty => (
            "  {file}: бос тізілім (тақырыптары мен нұсқаулығы бар)",
            "  {file}: пустой реестр (заголовки и инструкция)",
            "  {file}: an empty registry (headers and instructions)",
        ),
        InitRegistryDraft => (
            "  {file}: тізілім жобасы, {period} кезеңінің {files} есебінен {orgs} ұйым",
            "  {file}: черновик реестра, организаций: {orgs}, из отчётов за {period} (файлов: {files})",
            "  {file}: a draft registry, {orgs} organisations from {files} reports of {period}",
        ),
        InitInbox => ("  {dir}/: айдың есептері осында салынады", "  {dir}/: сюда кладутся отчёты месяца", "  {dir}/: the month's reports go here"),
        InitOutput => ("  {dir}/: нәтижелер осында жазылады", "  {dir}/: сюда записываются результаты", "  {dir}/: the outputs are written here"),
        InitNext => ("Келесі қадамдар:", "Дальше:", "Next:"),
        InitStepFill => (
            "  1. {file} тізілімін толтырыңыз (нұсқаулық парағын қараңыз)",
            "  1. Заполните реестр {file} (см. лист инструкции)",
            "  1. Fill in the registry {file} (see its instructions sheet)",
        ),
        InitStepReview => (
            "  1. {file} жобасын тексеріп, БСН-дерді толтырыңыз (нұсқаулық парағын қараңыз)",
            "  1. Проверьте черновик {file} и заполните БИН (см. лист инструкции)",
            "  1. Review the draft {file} and fill in the БСН (see its instructions sheet)",
        ),
        InitStepInbox => (
            "  2. Айдың есептерін {dir}/ қалтасына салыңыз",
            "  2. Положите отчёты месяца в папку {dir}/",
            "  2. Put the month's reports into {dir}/",
        ),
        /// `{cd}`: the command that enters the folder; `{command}`: the run.
        InitStepRun => (
            "  3. Айдың жинағы: {cd} && {command}",
            "  3. Свод за месяц: {cd} && {command}",
            "  3. The month's consolidation: {cd} && {command}",
        ),
        FormNext => ("файл атауы: «{file}»; жіберер алдында {command} арқылы тексеріледі", "предложите районам имя файла «{file}» и проверку {command}", "suggest the file name \"{file}\" and a check with {command}"),

        // `check`.
        RegistryUnread => ("Тізілім оқылмады ({error}); ұйымдар тізіліммен салыстырылмады.", "Реестр не прочитан ({error}); организации с реестром не сверялись.", "The registry was not read ({error}); organisations were not compared with it."),
        UnitUnknown => ("аудан анықталмады", "район не определён", "unit not known"),
        PeriodUnknown => ("кезең анықталмады", "период не определён", "period not known"),
        CoverageRead => ("«{sheet}» парағы: {orgs} ұйым, {members} кәсіподақ мүшесі, {trained} адам оқытудан өткен", "Лист «{sheet}»: организаций — {orgs}, членов профсоюза — {members}, прошли обучение — {trained}", "Sheet \"{sheet}\": {orgs} organisations, {members} members, {trained} trained"),
        EventsRead => ("«{sheet}» парағы: {events} іс-шара, {participants} қатысушы", "Лист «{sheet}»: мероприятий — {events}, участников — {participants}", "Sheet \"{sheet}\": {events} events, {participants} participants"),
        FinanceRead => ("«{sheet}» парағы: смета шығыстары {budget} теңге, оның ішінде оқытуға {training} теңге{share}", "Лист «{sheet}»: расходы по смете — {budget} тенге, на обучение — {training} тенге{share}", "Sheet \"{sheet}\": {budget} tenge of expenses, {training} tenge on training{share}"),
        RowNo => ("{row}-жол", "строка {row}", "row {row}"),
        NoIssues => ("Қате де, ескерту де жоқ.", "Ошибок и замечаний нет.", "No errors, no warnings."),
        HeadSheet => ("Парақ", "Лист", "Sheet"),
        HeadCell => ("Ұяшық", "Ячейка", "Cell"),
        HeadSeverity => ("Маңыздылығы", "Важность", "Severity"),
        HeadToDo => ("Не істеу керек", "Что сделать", "What to do"),
        IssueCounts => ("Қате: {errors}, ескерту: {warnings}, ақпарат: {infos}.", "Ошибок: {errors}, предупреждений: {warnings}, сведений: {infos}.", "Errors: {errors}, warnings: {warnings}, notes: {infos}."),
        FixErrors => ("✗ Жіберер алдында {errors} қатені түзетіңіз.", "✗ Перед отправкой исправьте ошибки: {errors}.", "✗ Fix {errors} error(s) before sending."),
        ReadyOne => ("Есеп жіберуге дайын", "Отчёт готов к отправке", "Ready to send"),
        ReadySeveral => ("Есептер жіберуге дайын", "Отчёты готовы к отправке", "Ready to send"),
        ReadyWarnings => ("✓ {ready}; {warnings} ескертуді қарап шығыңыз.", "✓ {ready}; просмотрите предупреждения: {warnings}.", "✓ {ready}; {warnings} warning(s) worth a look."),
        Ready => ("✓ {ready}.", "✓ {ready}.", "✓ {ready}."),
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
