//! Every text of the consolidated workbook in Kazakh, Russian and English.
//!
//! One table, so that a Kazakh run can be checked to hold no English label
//! and a new label cannot be added in one language only. Texts with `{...}`
//! are templates filled by the sheet that writes them.

use crate::lang::{fill, Lang, Month};
use crate::period::Period;

crate::texts! {
    /// A label of the workbook.
    pub enum T {
    // Sheet names (at most 31 characters, none of []:*?/\).
    SheetSummary => ("Жиынтық", "Свод", "Summary"),
    SheetUnits => ("Аудандар", "Районы", "Units"),
    SheetOrgs => ("Ұйымдар", "Организации", "Organisations"),
    SheetEvents => ("Іс-шаралар", "Мероприятия", "Events"),
    SheetForms => ("Оқыту нысандары", "Формы обучения", "Forms"),
    SheetAreas => ("Бағыттар", "Направления", "Topic areas"),
    SheetPriority => ("Басым бағыттар", "Приоритетные направления", "Priority areas"),
    SheetSurvey => ("Сауалнама", "Анкетирование", "Survey"),
    SheetFinance => ("Қаржыландыру", "Финансирование", "Financing"),
    SheetCharts => ("Диаграммалар", "Диаграммы", "Charts"),
    SheetTrends => ("Айлар бойынша серпін", "Динамика по месяцам", "Trends"),

    // Titles of the sheets.
    TitleSummary => ("Кәсіподақтық оқыту туралы жиынтық мәлімет", "Сводные сведения о профсоюзном обучении", "Union training: consolidated figures"),
    TitleUnits => ("Аудандар (қала) бойынша кәсіподақтық оқыту көрсеткіштері", "Показатели профсоюзного обучения по районам (городу)", "Union training by unit"),
    TitleOrgs => ("Бастауыш кәсіподақ ұйымдары бойынша оқыту көрсеткіштері", "Показатели обучения по первичным профсоюзным организациям", "Union training by primary organisation"),
    TitleEvents => ("Өткізілген оқыту іс-шаралары", "Проведённые обучающие мероприятия", "Training events held"),
    TitleForms => ("Оқыту нысандары бойынша іс-шаралар мен қатысушылар", "Мероприятия и участники по формам обучения", "Events and participants by form"),
    TitleAreas => ("Бағыттар бойынша іс-шаралар мен қатысушылар", "Мероприятия и участники по тематическим направлениям", "Events and participants by topic area"),
    TitlePriority => ("Оқыту бағыттарын қамту және басым бағыттар", "Охват тематических направлений и приоритетные направления", "Topic areas reached and priority areas"),
    TitleSurvey => ("Іс-шаралар қатысушыларына жүргізілген сауалнама нәтижелері", "Результаты анкетирования участников мероприятий", "Participant survey results"),
    TitleFinance => ("Кәсіподақтық оқытуды қаржыландыру", "Финансирование профсоюзного обучения", "Financing of union training"),
    TitleTrends => ("Кәсіподақтық оқытудың айлар бойынша серпіні", "Динамика профсоюзного обучения по месяцам", "Union training month by month"),
    TitleChartData => ("Диаграммаларға арналған деректер", "Данные для диаграмм", "Chart data"),
    /// The months a period covers: `{months}` is `қаңтар – наурыз`.
    PeriodSpan => ("{year} жылғы {months}", "{months} {year} года", "{months} {year}"),
    PeriodLine => ("Есепті кезең: {period} (жыл басынан бері); {as_of} ж. жағдай бойынша", "Отчётный период: {period} (с начала года); по состоянию на {as_of}", "Reporting period: {period} (year to date); as of {as_of}"),

    // The first sheet.
    Indicator => ("Көрсеткіш", "Показатель", "Indicator"),
    Change => ("Өзгерісі", "Изменение", "Change"),
    ChangePct => ("Өзгерісі, %", "Изменение, %", "Change, %"),
    PointsSuffix => ("п.т.", "п.п.", "pp"),
    IndMembers => ("Кәсіподақ мүшелерінің жалпы саны", "Общая численность членов профсоюза", "Union members, total"),
    IndTrained => ("Кәсіподақтық оқытудан өткендер саны, оның ішінде:", "Прошли профсоюзное обучение, всего, в том числе:", "Completed union training, total; of them:"),
    IndShare => ("Оқытудан өткендердің кәсіподақ мүшелерінің жалпы санына шаққандағы пайызы", "Доля прошедших обучение в общей численности членов профсоюза, %", "Trained as % of all members"),
    CatMembers => ("кәсіподақ мүшелері", "члены профсоюза", "rank-and-file members"),
    CatAudit => ("тексеру комиссияларының мүшелері", "члены ревизионных комиссий", "audit commission members"),
    CatActivists => ("кәсіподақ активі", "профсоюзный актив", "union activists"),
    CatChairs => ("кәсіподақ ұйымдарының төрағалары", "председатели профсоюзных организаций", "chairs of union organisations"),
    CatConciliation => ("келісу комиссияларының мүшелері", "члены согласительных комиссий", "conciliation commission members"),
    Further => ("Қосымша мәліметтер", "Дополнительные сведения", "Further figures"),
    OrgsReported => ("Есеп берген бастауыш кәсіподақ ұйымдары", "Первичные профсоюзные организации, представившие сведения", "Primary organisations reported"),
    OrgsRegistry => ("Тізілім бойынша бастауыш кәсіподақ ұйымдары", "Первичные профсоюзные организации по реестру", "Primary organisations in the registry"),
    UnitsReported => ("Есеп жіберген аудандар (қала)", "Районы (город), представившие отчёт", "Units reported"),
    UnitsExpected => ("Есеп жіберуге тиісті аудандар (қала)", "Районы (город), обязанные представить отчёт", "Units expected"),
    EventsHeld => ("Өткізілген оқыту іс-шаралары", "Проведено обучающих мероприятий", "Training events held"),
    EventParticipants => ("Іс-шараларға қатысушылар", "Участники мероприятий", "Event participants"),
    FinanceShareLine => ("Оқытуға жұмсалған қаражаттың смета шығыстарындағы үлесі (норма — кемінде {norm})", "Доля расходов на обучение в расходной части сметы (норматив — не менее {norm})", "Training share of the budget's expense side (norm: at least {norm})"),
    FinanceUnits => ("Қаржыландыру туралы дерек ұсынған аудандар (қала)", "Районы (город), представившие сведения о финансировании", "Units that reported financing"),
    Quality => ("Деректер сапасы: анықталған мәселелер, барлығы, оның ішінде:", "Качество данных: выявлено замечаний, всего, в том числе:", "Data quality: issues found, total; of them:"),
    QualityErrors => ("қателер", "ошибки", "errors"),
    QualityWarnings => ("ескертулер", "предупреждения", "warnings"),
    QualityInfos => ("ақпараттық белгілер", "информационные замечания", "notes"),
    LinkText => ("Толық тізімі: {file}", "Полный перечень: {file}", "Full list: {file}"),
    NoteRounding => ("Үлестер оқытудан өткендер санын кәсіподақ мүшелерінің санына бөлу арқылы есептеледі және бір ондық таңбаға дейін дөңгелектеліп көрсетіледі (мысалы, 16,95 % → 17,0 %); ұяшықта дөңгелектенбеген мәні сақталады.", "Доли рассчитаны как отношение числа прошедших обучение к численности членов профсоюза и показаны с округлением до одного знака после запятой (например, 16,95 % → 17,0 %); в ячейке хранится неокруглённое значение.", "Shares are trained over members, shown rounded to one decimal (16.95 % → 17.0 %); the cell keeps the unrounded value."),
    /// How the first sheet shows shares: `{how}` is [`T::SharesCut`] or
    /// [`T::SharesRounded`], `{example}` the seed's share as shown.
    NoteShares => ("Үлестер оқытудан өткендер санын кәсіподақ мүшелерінің санына бөлу арқылы есептелген және {how} көрсетілген ({example}), облыстың есептерінде жазылатындай; өзгерісі көрсетілген үлестерден есептелген.", "Доли рассчитаны как отношение числа прошедших обучение к численности членов профсоюза и показаны {how} ({example}), как в справках областной организации; изменение рассчитано по показанным долям.", "Shares are trained over members, shown {how} ({example}), as the regional office writes them; their change is counted from the shares shown."),
    SharesCut => ("{places} қиылып", "{places} без округления (лишние знаки отброшены)", "cut {places}"),
    SharesRounded => ("{places} дөңгелектеліп", "с округлением {places}", "rounded {places}"),
    Places0 => ("бүтін пайызға дейін", "до целого процента", "to a whole per cent"),
    Places1 => ("бір ондық таңбаға дейін", "до одного знака после запятой", "to one decimal"),
    Places2 => ("екі ондық таңбаға дейін", "до двух знаков после запятой", "to two decimals"),
    Places3 => ("үш ондық таңбаға дейін", "до трёх знаков после запятой", "to three decimals"),
    Places4 => ("төрт ондық таңбаға дейін", "до четырёх знаков после запятой", "to four decimals"),
    NoteEmpty => ("Бос ұяшық — дерек ұсынылмаған (нөлді білдірмейді).", "Пустая ячейка — данные не представлены (это не ноль).", "An empty cell: not reported (not zero)."),
    /// The previous year's column when it is not the same period (an imported year-end).
    NotePreviousOther => ("{prev} ж. бағаны — өткен жылдың осы кезеңі емес, өткен жылдың {prev} ж. жағдай бойынша көрсеткіштері (осы кезең сақталмаған); оқытудан өткендер 1 қаңтардан бастап өспелі есептеледі, сондықтан {now} ж. жағдай бойынша сандарды толық жылмен абайлап салыстырыңыз; үлестің өзгерісі пайыздық тармақпен (п.т.) берілген.", "Графа {prev} — не тот же период прошлого года, а сведения прошлого года на {prev} (тот же период не сохранён); прошедшие обучение считаются нарастающим итогом с 1 января, поэтому цифры на {now} сравнивайте с целым годом осторожно; изменение доли дано в процентных пунктах (п.п.).", "Column {prev}: not the same period of the previous year but last year's figures as of {prev} (the same period is not stored); those trained count from 1 January, so compare the figures as of {now} with a whole year with care; the change of a share is in percentage points (pp)."),
    /// Where the previous year's imported figures were read.
    NoteImported => ("{prev} ж. жағдай бойынша көрсеткіштер есептерден жинақталмаған, «{file}» файлынан алынған («{sheet}» парағы, {column} бағаны).", "Сведения на {prev} не сведены из отчётов, а взяты из файла «{file}» (лист «{sheet}», графа {column}).", "The figures as of {prev} were not consolidated from reports but taken from «{file}» (sheet «{sheet}», column {column})."),
    NotePrevious => ("{prev} ж. бағаны — өткен жылдың осы кезеңі; үлестің өзгерісі пайыздық тармақпен (п.т.) берілген.", "Графа {prev} — тот же период прошлого года; изменение доли дано в процентных пунктах (п.п.).", "Column {prev}: the same period of the previous year; the change of a share is in percentage points (pp)."),

    // Column headers shared by the sheets.
    No => ("№", "№", "No."),
    Unit => ("Аудан (қала)", "Район (город)", "Unit"),
    RegionTotal => ("Облыс бойынша барлығы", "Итого по области", "Region total"),
    Total => ("Барлығы", "Всего", "Total"),
    Members => ("Кәсіподақ мүшелері", "Члены профсоюза", "Union members"),
    Trained => ("Оқытудан өткендер", "Прошли обучение", "Completed training"),
    TrainedTotal => ("барлығы", "всего", "total"),
    ShareTrained => ("оқытудан өткендердің үлесі", "доля прошедших обучение", "share trained"),
    SeriesShare => ("Оқытудан өткендердің үлесі", "Доля прошедших обучение", "Share trained"),
    Orgs => ("Бастауыш ұйымдар", "Первичные организации", "Primary organisations"),
    Reported => ("есеп бергені", "представили сведения", "reported"),
    InRegistry => ("тізілім бойынша", "по реестру", "in the registry"),
    Events => ("Іс-шаралар", "Мероприятия", "Events"),
    EventsCount => ("саны", "количество", "number"),
    EventsLower => ("іс-шаралар", "мероприятия", "events"),
    Participants => ("қатысушылар", "участники", "participants"),
    Financing => ("Қаржыландыру, теңге", "Финансирование, тенге", "Financing, tenge"),
    Budget => ("смета шығыстары", "расходы по смете", "budget expenses"),
    Training => ("оның ішінде оқытуға", "в т.ч. на обучение", "of it on training"),
    TrainingShare => ("оқытудың үлесі", "доля на обучение", "training share"),
    Issues => ("Анықталған мәселелер", "Выявленные замечания", "Issues found"),
    Errors => ("қателер", "ошибки", "errors"),
    Warnings => ("ескертулер", "предупреждения", "warnings"),
    Infos => ("ақпарат", "для сведения", "info"),
    Report => ("Есеп", "Отчёт", "Report"),
    Status => ("күйі", "статус", "status"),
    ReceivedOn => ("түскен күні*", "дата поступления*", "received on*"),
    Timeliness => ("мерзімі", "срок", "timeliness"),
    Received => ("түсті", "получен", "received"),
    NotReceived => ("түскен жоқ", "не получен", "not received"),
    ReceivedWithErrors => ("қателермен түсті", "получен с ошибками", "received with errors"),
    OnTime => ("мерзімінде", "в срок", "on time"),
    Late => ("кешіктірілді", "с опозданием", "late"),
    DateFrom => ("күні қайдан алынды", "откуда дата", "date from"),
    FromRecorded => ("маман белгіледі", "отмечена специалистом", "recorded by the specialist"),
    FromSaved => ("файлда сақталған", "сохранена в файле", "saved in the file"),
    FromFileSystem => ("файл жүйесі", "файловая система", "file system"),
    FromUnknown => ("белгісіз", "неизвестна", "unknown"),
    NoteReceived => ("* Түскен күні — маман белгілеген күн (кіріс қалтасындағы түскен күндер кестесі), ол жоқ болса файлдың ішінде жазылған соңғы сақталған уақыты (облыс уақытымен), ол да жоқ болса файл жүйесіндегі өзгертілген күні (көшірген сайын өзгереді, сондықтан ол бойынша кешікті деп белгіленбейді). Кезең аяқталғанға дейінгі немесе жинақтау іске қосылғаннан кейінгі күн белгісіз деп көрсетіледі. Есеп тапсыру мерзімі — {due} ж. қоса алғанда.", "* Дата поступления — дата, отмеченная специалистом (таблица дат поступления во входной папке), иначе время последнего сохранения, записанное в самом файле (по местному времени), иначе дата изменения файла в файловой системе (она меняется при каждом копировании, поэтому опоздание по ней не отмечается). Дата раньше конца периода или позже запуска сводки считается неизвестной. Срок представления отчёта — до {due} включительно.", "* Received on: the date the specialist recorded (the CSV or Excel list of received dates in the inbox), else the last-saved time stored in the workbook (office time), else the file system's modification date (copying changes it, so it never marks a report late). A date before the period's end or after the run is unknown. Reports are due by {due} inclusive."),
    NoteBelowNorm => ("Қызыл түспен — оқытуға жұмсалған қаражаттың үлесі {norm} нормасынан төмен.", "Красным выделена доля расходов на обучение ниже норматива {norm}.", "Red: a training share below the {norm} norm."),
    NoteIssueTotal => ("Облыс бойынша жолдағы мәселелер саны аудандарға жатқызылмаған мәселелерді де (мысалы, есеп емес файлдар) қамтиды.", "В итоговой строке учтены и замечания, не отнесённые к районам (например, файлы, не являющиеся отчётами).", "The region row also counts issues that belong to no unit (files that are not reports, for example)."),

    // Organisations.
    Bin => ("БСН", "БИН", "BIN"),
    RegisteredName => ("Тізілім бойынша атауы", "Наименование по реестру", "Registered name"),
    ReportedName => ("Есептегі атауы", "Наименование в отчёте", "Name as reported"),
    IssueFlags => ("Анықталған мәселелер", "Выявленные замечания", "Issues found"),
    Source => ("Дереккөз", "Источник", "Source"),
    File => ("файл", "файл", "file"),
    Sheet => ("парақ", "лист", "sheet"),
    Row => ("жол", "строка", "row"),

    // Events.
    Date => ("Өткізілген күні", "Дата проведения", "Date"),
    Form => ("Оқыту нысаны", "Форма обучения", "Form"),
    TopicArea => ("Бағыты", "Направление", "Topic area"),
    Topic => ("Тақырыбы", "Тема", "Topic"),
    Venue => ("Өткізілген орны", "Место проведения", "Venue"),
    ParticipantsCount => ("Қатысушылар саны", "Количество участников", "Participants"),
    Survey => ("Сауалнама", "Анкетирование", "Survey"),
    Respondents => ("қатысқандар", "анкетировано", "respondents"),
    Usefulness => ("пайдалылық бағасы (1–5)", "оценка полезности (1–5)", "usefulness (1–5)"),
    WillApply => ("тәжірибеде қолданамын", "применят на практике", "will apply in practice"),
    NoteUnmapped => ("Көлбеу қаріппен — тізімде жоқ мән, есепте жазылғандай берілген.", "Курсивом — значение вне перечня, приведено как в отчёте.", "In italics: not in the list, as written in the report."),

    // Forms and topic areas.
    NotInList => ("Тізімде жоқ", "Вне перечня", "Not in the list"),
    PriorityMark => ("★", "★", "★"),
    NotePriority => ("★ — нысаналы әдістемелік қолдауды қажет ететін басым бағыттар (құқықтық, қаржылық және ақпараттық сауаттылық).", "★ — приоритетные направления, требующие адресной методической поддержки (правовая, финансовая и информационная грамотность).", "★: priority areas for targeted support (legal, financial and information literacy)."),
    NoteDash => ("«–» — іс-шара өткізілмеген; бос ұяшық — іс-шаралар туралы дерек ұсынылмаған.", "«–» — мероприятия не проводились; пустая ячейка — сведения о мероприятиях не представлены.", "“–”: no events; an empty cell: no events data reported."),
    Priority => ("Басым бағыт", "Приоритетное направление", "Priority"),
    ShareOfEvents => ("Іс-шаралардағы үлесі", "Доля в мероприятиях", "Share of events"),
    UnitsReached => ("Іс-шара өткізген аудандар (қала)", "Районы (город), проводившие мероприятия", "Units that held events"),
    Assessment => ("Бағалау", "Оценка", "Assessment"),
    Thin => ("жеткіліксіз — қолдауды күшейту қажет", "недостаточно — требуется усилить поддержку", "thin: needs targeted support"),
    Sufficient => ("жеткілікті", "достаточно", "sufficient"),
    NoteThin => ("Басым бағыт бойынша іс-шаралар саны бір бағытқа шаққандағы орташа саннан ({avg}) аз болса, «жеткіліксіз» деп бағаланады.", "Приоритетное направление оценивается как «недостаточно», если мероприятий по нему меньше среднего на одно направление ({avg}).", "A priority area is thin when it had fewer events than the average per topic area ({avg})."),
    TopicAreaHeader => ("Бағыт", "Направление", "Topic area"),

    // Survey.
    GroupedBy => ("Топтау", "Разрез", "Grouped by"),
    Name => ("Атауы", "Наименование", "Name"),
    ByForm => ("оқыту нысаны", "форма обучения", "form"),
    ByArea => ("бағыты", "направление", "topic area"),
    ByUnit => ("аудан (қала)", "район (город)", "unit"),
    SurveyedEvents => ("оның ішінде сауалнама жүргізілгені", "в т.ч. с анкетированием", "of them surveyed"),
    RespondentsHeader => ("Сауалнамаға қатысқандар", "Анкетировано", "Respondents"),
    ResponseRate => ("Сауалнамамен қамту", "Охват анкетированием", "Response rate"),
    UsefulnessHeader => ("Пайдалылық бағасы (1–5)", "Оценка полезности (1–5)", "Usefulness (1–5)"),
    WillApplyHeader => ("Тәжірибеде қолданамын деп жауап бергендер", "Ответили, что применят на практике", "Will apply in practice"),
    ParticipantsHeader => ("Қатысушылар", "Участники", "Participants"),
    NoteSurvey => ("Пайдалылық бағасы мен тәжірибеде қолданатындардың үлесі сауалнамаға қатысқандар санымен өлшенген орташа мән ретінде есептелген; қамту — сауалнамаға қатысқандардың сауалнама жүргізілген іс-шаралар қатысушыларына қатынасы.", "Оценка полезности и доля применяющих на практике — средние, взвешенные по числу анкетированных; охват — отношение анкетированных к участникам мероприятий, на которых проводилось анкетирование.", "Usefulness and the will-apply share are means weighted by respondents; the response rate is respondents over the participants of the surveyed events."),

    // Financing.
    BudgetHeader => ("Смета шығыстарының барлығы, теңге", "Расходная часть сметы, всего, тенге", "Budget expense side, tenge"),
    TrainingHeader => ("Оның ішінде оқытуға, теңге", "В т.ч. на обучение, тенге", "Of it on training, tenge"),
    TrainingShareHeader => ("Оқытуға жұмсалған үлес", "Доля расходов на обучение", "Training share"),
    Norm => ("Норма", "Норматив", "Norm"),
    AgainstNorm => ("Нормаға сәйкестігі", "Соответствие нормативу", "Against the norm"),
    BelowNorm => ("нормадан төмен", "ниже норматива", "below the norm"),
    MeetsNorm => ("норма сақталған", "норматив соблюдён", "meets the norm"),
    NoFinance => ("дерек ұсынылмаған", "данные не представлены", "not reported"),
    /// The region's verdict when a unit that must report financing did not.
    NormNotJudged => ("норма бағаланбайды", "норматив не оценивается", "norm not judged"),
    /// How many units reported financing, beside the region's verdict.
    FinanceReportedOf => ("қаржыландыру туралы дерек ұсынғандар: {n} / {total}", "сведения о финансировании представили {n} из {total}", "{n} of {total} units reported financing"),
    NoteFinance => ("Облыс бойынша үлес — қаржыландыру туралы дерек ұсынған {n} аудан (қала) бойынша оқытуға жұмсалған қаражат жиынының смета шығыстары жиынына қатынасы.", "Доля по области — отношение суммы расходов на обучение к сумме расходов по смете по {n} районам (городу), представившим сведения о финансировании.", "Region share: total training over total budget of the {n} units that reported financing."),

    // Charts.
    ChartShare => ("Аудандар бойынша оқытудан өткендердің үлесі", "Доля прошедших обучение по районам", "Share trained by unit"),
    SeriesRegion => ("Облыс бойынша", "По области", "Region"),
    ChartCategories => ("Санаттар бойынша оқытудан өткендер", "Прошли обучение по категориям", "Trained by category"),
    ChartForms => ("Оқыту нысандары бойынша іс-шаралар", "Мероприятия по формам обучения", "Events by form"),

    // Trends.
    ShareYtd => ("Оқытудан өткендердің үлесі (жыл басынан бері)", "Доля прошедших обучение (с начала года)", "Share trained (year to date)"),
    TrainedYtd => ("Оқытудан өткендер саны (жыл басынан бері)", "Прошли обучение, человек (с начала года)", "Completed training (year to date)"),
    LastMonth => ("өткен ай", "прошлый месяц", "last month"),
    MonthChange => ("айдағы өзгерісі", "изменение за месяц", "change in the month"),
    TrainedCount => ("Кәсіподақтық оқытудан өткендер саны", "Прошли профсоюзное обучение, всего", "Completed union training, total"),
    UnitsHighest => ("Аудандар арасындағы ең жоғары үлес", "Наибольшая доля среди районов", "Highest share among units"),
    UnitsLowest => ("Аудандар арасындағы ең төмен үлес", "Наименьшая доля среди районов", "Lowest share among units"),
    Month => ("Ай", "Месяц", "Month"),
    // A no-break space keeps the year with its abbreviation.
    OfYear => ("{name}, {year}\u{a0}ж.", "{name}, {year}\u{a0}г.", "{name}, {year}"),
    ChartTrend => ("Оқытудан өткендердің үлесі айлар бойынша (жыл басынан бері)", "Доля прошедших обучение по месяцам (с начала года)", "Share trained by month (year to date)"),
    NoteTrendEmpty => ("Алдыңғы айлардың деректері олар жинақталған сайын қосылады.", "Данные предыдущих месяцев добавляются по мере их консолидации.", "Earlier months are added as they are consolidated."),
    NoteTrendColumns => ("Бағандардың тақырыбында — мәліметтер берілген күн. Көрсеткіштер әр жылдың 1 қаңтарынан бастап өспелі қорытындымен есептеледі, сондықтан қаңтарда қайта басталады.", "В заголовках граф — дата, на которую даны сведения. Показатели считаются нарастающим итогом с 1 января каждого года, поэтому в январе начинаются заново.", "Columns are headed by the as-of date. Figures are cumulative from 1 January of each year, so they start again in January."),
    NoteMonthChange => ("Айдағы өзгерісі — осы айда оқытудан өткендер: {cur} және {prev} ж. жағдай бойынша сандардың айырмасы.", "Изменение за месяц — прошли обучение в этом месяце: разность численности на {cur} и на {prev}.", "Change in the month: people trained during the month, the figure as of {cur} less the figure as of {prev}."),
    NoteJanuary => ("Қаңтарда өткен айдың бағаны бос: көрсеткіштер 1 қаңтардан бастап жаңадан есептеледі.", "В январе графа прошлого месяца пуста: показатели считаются заново с 1 января.", "In January the last-month column is empty: figures start again on 1 January."),
    NoteNoLastMonth => ("{prev} ж. жағдай бойынша деректер жинақталмаған, сондықтан өткен айдың бағаны бос.", "Сведения на {prev} не консолидировались, поэтому графа прошлого месяца пуста.", "Figures as of {prev} were not consolidated, so the last-month column is empty."),
    NoteRange => ("Ең жоғары және ең төмен үлес — сол күні есеп берген аудандар (қала) арасында.", "Наибольшая и наименьшая доля — среди районов (города), представивших сведения на ту дату.", "Highest and lowest share: among the units that reported as of that date."),

    // Document properties.
    DocComment => ("jinaq {version} бағдарламасы жасаған", "Сформировано программой jinaq {version}", "Made by jinaq {version}"),
    }
}

/// The name of a month (1 to 12), as a chart's axis reads it.
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    crate::lang::month_name(month, lang)
}
/// The months a period covers from January: `2026 жылғы қаңтар – наурыз`,
/// `январь – март 2026 года`, `January – March 2026`.
pub(crate) fn period_span(period: Period, lang: Lang) -> String {
    let first = Month::January.get(lang);
    let months = if period.month <= 1 {
        first.to_string()
    } else {
        format!("{first} – {}", Month::of(period.month).get(lang))
    };
    fill(
        T::PeriodSpan.get(lang),
        &[("year", &period.year.to_string()), ("months", &months)],
    )
}

/// The line under a sheet's title: the months covered and the as-of date.
pub(crate) fn period_line(period: Period, lang: Lang) -> String {
    fill(
        T::PeriodLine.get(lang),
        &[
            ("period", &period_span(period, lang)),
            ("as_of", &period.as_of_dotted()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_complete_in_every_language() {
        crate::lang::assert_complete(T::ALL, T::get);
    }

    #[test]
    fn sheet_names_are_valid_in_every_language() {
        let sheets = [
            T::SheetSummary,
            T::SheetUnits,
            T::SheetOrgs,
            T::SheetEvents,
            T::SheetForms,
            T::SheetAreas,
            T::SheetPriority,
            T::SheetSurvey,
            T::SheetFinance,
            T::SheetCharts,
            T::SheetTrends,
        ];
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            for s in sheets {
                rust_xlsxwriter::utility::check_sheet_name(s.get(lang)).unwrap();
            }
        }
    }

    #[test]
    fn periods_read_naturally() {
        let p = Period::new(2026, 3).unwrap();
        assert_eq!(period_span(p, Lang::Kk), "2026 жылғы қаңтар – наурыз");
        assert_eq!(period_span(p, Lang::Ru), "январь – март 2026 года");
        assert_eq!(
            period_span(Period::new(2026, 1).unwrap(), Lang::Ru),
            "январь 2026 года"
        );
        assert_eq!(
            period_line(p, Lang::Kk),
            "Есепті кезең: 2026 жылғы қаңтар – наурыз (жыл басынан бері); 01.04.2026 ж. жағдай бойынша"
        );
    }
}
