//! Every text of the year's brief in Kazakh, Russian and English. The
//! Kazakh texts are the office's own words (its annual brief); `**` around
//! a part of a text makes it bold. A noun after a count gives its plural
//! forms separated by `|` ([`crate::lang::plural`]).

crate::texts! {
    /// A text of the brief.
    pub(crate) enum T {
    /// The title block: the organisation's title inside, the document's
    /// name on its own line (Kazakh names the document last).
    Title => (
        "«{title}» ҚБ-дағы қолданыстағы кәсіподақтық оқыту жүйесінің тиімділігін бағалау туралы\nАНЫҚТАМА",
        "СПРАВКА\nоб оценке эффективности действующей системы профсоюзного обучения в ОО «{title}»",
        "BRIEF\non the effectiveness of the union training system of the public association “{title}”",
    ),
    /// A numbered section's heading.
    Heading => ("{number}. {heading}", "{number}. {heading}", "{number}. {heading}"),
    Purpose => ("Зерделеу мақсаты мен нысанасы.", "Цель и предмет изучения.", "Purpose and subject of the study."),
    Organisation => ("Облыстық ұйымға қысқаша сипаттама.", "Краткая характеристика областной организации.", "The regional organisation in brief."),
    Basis => ("Оқытудың нормативтік-ұйымдастырушылық негізі.", "Нормативная и организационная основа обучения.", "The regulatory and organisational basis of training."),
    Practice => ("Қолданыстағы оқыту практикасы және нәтижелерді бағалау.", "Действующая практика обучения и оценка результатов.", "Training practice and the assessment of results."),
    Figures => ("Кәсіподақтық оқытудың сандық көрсеткіші.", "Количественные показатели профсоюзного обучения.", "Union training in figures."),
    Financing => ("Оқытуды қаржылық қамтамасыз ету.", "Финансовое обеспечение обучения.", "Financing of training."),
    Factors => ("Тиімділікке әсер ететін анықталған факторлар.", "Выявленные факторы, влияющие на эффективность.", "Factors found to affect effectiveness."),
    Recommendations => ("Кәсіподақтық оқытудың тиімділігін арттыру жөніндегі ұсыныстар.", "Рекомендации по повышению эффективности профсоюзного обучения.", "Recommendations to make union training more effective."),
    /// A narrative section the specialist has not written yet.
    WriteHere => (
        "Бұл бөлімнің мәтінін маман осында жазады; оны {file} файлына енгізсе, мәтін әр анықтамаға өзі енеді.",
        "Текст этого раздела специалист пишет здесь; внесённый в файл {file}, он сам войдёт в каждую справку.",
        "The specialist writes this section here; written into {file}, the text goes into every brief by itself.",
    ),

    // Section 2.
    /// The as-of date in words: `2026 жылғы 01 қаңтардағы`.
    AsOf => ("{year} жылғы {day} {month}", "{day} {month} {year} года", "{month} {day}, {year}"),
    OrgsAndMembers => (
        "{as_of} жағдай бойынша Облыстық ұйым **{orgs}** {orgs_noun} біріктіреді, кәсіподақ мүшелерінің жалпы саны **{members}** {people_noun} құрайды.",
        "По состоянию на {as_of} Областная организация объединяет **{orgs}** {orgs_noun}, общая численность членов профсоюза составляет **{members}** {people_noun}.",
        "As of {as_of} the regional organisation unites **{orgs}** {orgs_noun}; its union members number **{members}** {people_noun}.",
    ),
    OrgsNoun => (
        "бастауыш кәсіподақ ұйымын",
        "первичную профсоюзную организацию|первичные профсоюзные организации|первичных профсоюзных организаций",
        "primary union organisation|primary union organisations",
    ),
    PeopleAcc => ("адамды", "человек|человека|человек", "person|people"),
    MembersUnknown => (
        "{as_of} жағдай бойынша Облыстық ұйым **{orgs}** {orgs_noun} біріктіреді; кәсіподақ мүшелерінің саны есептерде берілмеген.",
        "По состоянию на {as_of} Областная организация объединяет **{orgs}** {orgs_noun}; численность членов профсоюза в отчётах не представлена.",
        "As of {as_of} the regional organisation unites **{orgs}** {orgs_noun}; the reports give no count of union members.",
    ),

    // Section 5.
    EventsLastYear => (
        "{year} жылы {participants} {people_noun} қамтыған {events} {events_noun} өткізілді.",
        "В {year} году проведено {events} {events_noun} с охватом {participants} {people_noun}.",
        "In {year}, {events} {events_noun} reached {participants} {people_noun}.",
    ),
    EventsNounLast => ("оқыту іс-шаралары", "обучающее мероприятие|обучающих мероприятия|обучающих мероприятий", "training event|training events"),
    PeopleGen => ("адамды", "человека|человек|человек", "person|people"),
    EventsThisYear => (
        "{year} жылы {events} {events_noun} өткізіліп, оған {participants} {people_noun} қатысты.",
        "В {year} году проведено {events} {events_noun}, в них приняли участие {participants} {people_noun}.",
        "In {year}, {events} {events_noun} were held, with {participants} {people_noun} taking part.",
    ),
    EventsNounThis => ("оқыту семинарлары", "обучающий семинар|обучающих семинара|обучающих семинаров", "training seminar|training seminars"),
    People => ("адам", "человек|человека|человек", "person|people"),
    /// A year's events not reported.
    EventsUnknown => (
        "{year} жылғы оқыту іс-шаралары туралы мәлімет есептерде берілмеген.",
        "Сведения об обучающих мероприятиях за {year} год в отчётах не представлены.",
        "The reports give no training events for {year}.",
    ),
    /// Last year is not in the history: `{period}` is the same period of
    /// last year (`2025-12`), `{command}` the import command.
    NoLastYear => (
        "{year} жылғы мәліметтер ({period} кезеңі) сақталмаған, сондықтан салыстыру берілмеді: салыстыру үшін сол кезеңнің есептерін сол шығыс қалтасына жинақтаңыз немесе өткен жылғы анықтаманың кестесін «{command}» командасымен енгізіңіз.",
        "Сведения за {year} год (период {period}) не сохранены, поэтому сравнение не приводится: для сравнения сведите отчёты за этот период в ту же папку результатов или внесите таблицу прошлогодней справки командой «{command}».",
        "No figures for {year} (period {period}) are stored, so there is no comparison: to compare, consolidate the reports of that period into the same output folder, or bring in last year's brief's table with \"{command}\".",
    ),
    TableIntro => ("Кәсіподақтық оқытудан өткендер саны туралы мәлімет:", "Сведения о численности прошедших профсоюзное обучение:", "Completed union training:"),
    ColNo => ("№", "№", "No."),
    ColIndicator => ("Көрсеткіш", "Показатель", "Indicator"),
    /// A column of the table: the figures as of a date.
    ColAsOf => ("{date} жылы", "на {date}", "as of {date}"),
    RowMembers => ("Кәсіподақ мүшелерінің жалпы саны", "Общая численность членов профсоюза", "Union members, total"),
    RowTrained => ("Кәсіподақтық оқытудан өткендер саны. Оның ішінде:", "Численность прошедших профсоюзное обучение. В том числе:", "Completed union training. Of them:"),
    RowCatMembers => ("кәсіподақ мүшелері", "члены профсоюза", "rank-and-file members"),
    RowCatAudit => ("тексеру комиссияларының мүшелері", "члены ревизионных комиссий", "audit commission members"),
    RowCatActivists => ("кәсіподақ активі", "профсоюзный актив", "union activists"),
    RowCatChairs => ("кәсіподақ ұйымдарының төрағалары", "председатели профсоюзных организаций", "chairs of union organisations"),
    RowCatConciliation => ("келісу комиссияларының мүшелері", "члены согласительных комиссий", "conciliation commission members"),
    RowShare => ("Оқытудан өткендердің кәсіподақ мүшелерінің жалпы санына шаққандағы пайызы", "Доля прошедших обучение в общей численности членов профсоюза, %", "Trained as a share of all members"),

    // Section 6.
    Norm => (
        "Кәсіподақтың бірыңғай талаптарына сәйкес кәсіподақ кадрларын даярлауға және кәсіподақ активін оқытуға арналған шығыстар кәсіподақ органының сметасының шығыс бөлігінің кемінде {norm}-ын құрауға тиіс.",
        "Согласно единым требованиям Профсоюза расходы на подготовку профсоюзных кадров и обучение профсоюзного актива должны составлять не менее {norm} расходной части сметы профсоюзного органа.",
        "By the union's common requirements, spending on preparing union staff and training union activists must be at least {norm} of a union body's budgeted expenses.",
    ),
    SharesTwoYears => (
        "Оқытуға нақты бағытталған қаражат үлесі: {last_year} жылы – {last}, {year} жылы – {share} болды{verdict}.",
        "Доля средств, фактически направленных на обучение, составила: в {last_year} году – {last}, в {year} году – {share}{verdict}.",
        "The share actually spent on training was {last} in {last_year} and {share} in {year}{verdict}.",
    ),
    ShareOneYear => (
        "Оқытуға нақты бағытталған қаражат үлесі {year} жылы {share} болды{verdict}.",
        "Доля средств, фактически направленных на обучение, в {year} году составила {share}{verdict}.",
        "The share actually spent on training in {year} was {share}{verdict}.",
    ),
    RoseToNorm => (
        ", бұл қаржыландырудың артқанын және оның белгіленген нормативке сәйкестендірілгенін көрсетеді",
        ", что говорит о росте финансирования и его приведении к установленному нормативу",
        ", which shows financing rising to the set norm",
    ),
    RoseBelowNorm => (
        ", бұл қаржыландырудың артқанын көрсетеді, алайда белгіленген норматив әлі орындалмаған",
        ", что говорит о росте финансирования, однако установленный норматив ещё не достигнут",
        ", which shows financing rising, though still short of the norm",
    ),
    FellMeetsNorm => (
        ", үлес төмендегенімен, белгіленген норматив орындалған",
        ", доля снизилась, но установленный норматив выполнен",
        "; the share fell but still meets the norm",
    ),
    FellBelowNorm => (
        ", үлес төмендеп, белгіленген нормативтен төмен қалды",
        ", доля снизилась и осталась ниже установленного норматива",
        "; the share fell and is below the norm",
    ),
    MeetsNorm => (", бұл белгіленген нормативке сәйкес келеді", ", что соответствует установленному нормативу", ", which meets the norm"),
    BelowNorm => (", бұл белгіленген нормативтен төмен", ", что ниже установленного норматива", ", which is below the norm"),
    FinanceUnknown => (
        "{year} жылғы қаржыландыру туралы мәлімет есептерде берілмеген.",
        "Сведения о финансировании за {year} год в отчётах не представлены.",
        "The reports give no financing for {year}.",
    ),
    UnitsBelowNorm => (
        "{year} жылы оқытуға жұмсалған үлесі нормативтен төмен бөлімшелер: {units}.",
        "Подразделения, у которых доля расходов на обучение в {year} году ниже норматива: {units}.",
        "Units below the norm in {year}: {units}.",
    ),
    AllMeetNorm => (
        "{year} жылы қаржыландыру туралы мәлімет берген барлық бөлімшелер нормативті орындады.",
        "В {year} году все подразделения, представившие сведения о финансировании, выполнили норматив.",
        "In {year} every unit that reported its financing met the norm.",
    ),
    UnitsNoFinance => (
        "Қаржыландыру туралы мәлімет бермеген бөлімшелер: {units}.",
        "Не представили сведения о финансировании: {units}.",
        "Units that did not report their financing: {units}.",
    ),
    /// A unit with its value: `Темір ауданы (8%)`.
    UnitValue => ("{unit} ({value})", "{unit} ({value})", "{unit} ({value})"),

    // What changed, from the data.
    ChangesLead => ("Деректер нені көрсетеді.", "Что показывают данные.", "What the figures show."),
    CategoryChanges => (
        "Санаттар бойынша ең үлкен өзгерістер ({last_year} → {year}): {list}.",
        "Наибольшие изменения по категориям ({last_year} → {year}): {list}.",
        "The largest changes by category ({last_year} → {year}): {list}.",
    ),
    /// One category's change: `кәсіподақ активі 238 → 1 131`.
    CategoryChange => ("{category} {last} → {now}", "{category} {last} → {now}", "{category} {last} → {now}"),
    CoverageRange => (
        "Оқытумен қамту бөлімшелер бойынша ең төмен – {low}, ең жоғары – {high}.",
        "Охват обучением по подразделениям наименьший – {low}, наибольший – {high}.",
        "Coverage by unit is lowest in {low} and highest in {high}.",
    ),
    BelowNormCounts => (
        "Оқытуға жұмсалған үлесі нормативтен төмен бөлімшелер саны: {last_year} жылы – {last}, {year} жылы – {now}.",
        "Число подразделений с долей расходов на обучение ниже норматива: в {last_year} году – {last}, в {year} году – {now}.",
        "Units below the financing norm: {last} in {last_year}, {now} in {year}.",
    ),
    SurveyRespondents => (
        "Іс-шаралардан кейінгі сауалнамаға {respondents} {people_noun} жауап берді (сауалнама жүргізілген іс-шаралар қатысушыларының {rate}).",
        "На анкету после мероприятий ответили {respondents} {people_noun} ({rate} участников мероприятий, где проводилось анкетирование).",
        "{respondents} {people_noun} answered the survey after the events ({rate} of the participants of the surveyed events).",
    ),
    Respondents => ("қатысушы", "участник|участника|участников", "participant|participants"),
    SurveyUsefulness => (
        "Оқытудың пайдалылығының орташа бағасы – 5 балдан {score}.",
        "Средняя оценка полезности обучения – {score} из 5.",
        "The mean usefulness score was {score} out of 5.",
    ),
    SurveyApply => (
        "Алған білімін тәжірибеде қолданатынын айтқандар – {share}.",
        "Намерены применить полученные знания на практике – {share}.",
        "{share} said they will apply what they learnt.",
    ),
    PriorityShare => (
        "Басым бағыттар ({areas}) бойынша {events} {events_noun} өткізілді, бұл барлық іс-шаралардың {share}.",
        "По приоритетным направлениям ({areas}) проведено {events} {events_noun}, это {share} всех мероприятий.",
        "{events} {events_noun} in the priority areas ({areas}): {share} of all events.",
    ),
    EventsNoun => ("іс-шара", "мероприятие|мероприятия|мероприятий", "event|events"),
    }
}

crate::texts! {
    /// A month as the as-of date says it: `01 қаңтардағы`, `1 января`.
    pub(crate) enum AsOfMonth {
        January => ("қаңтардағы", "января", "January"),
        February => ("ақпандағы", "февраля", "February"),
        March => ("наурыздағы", "марта", "March"),
        April => ("сәуірдегі", "апреля", "April"),
        May => ("мамырдағы", "мая", "May"),
        June => ("маусымдағы", "июня", "June"),
        July => ("шілдедегі", "июля", "July"),
        August => ("тамыздағы", "августа", "August"),
        September => ("қыркүйектегі", "сентября", "September"),
        October => ("қазандағы", "октября", "October"),
        November => ("қарашадағы", "ноября", "November"),
        December => ("желтоқсандағы", "декабря", "December"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_in_every_language() {
        crate::lang::assert_complete(T::ALL, T::get);
        crate::lang::assert_complete(AsOfMonth::ALL, AsOfMonth::get);
    }
}
