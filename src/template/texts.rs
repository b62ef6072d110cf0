//! Every word of the form, in Kazakh and Russian (the form's languages), and
//! in English, so that each text is whole in the three languages.
//!
//! Header texts are ones the pipeline file's aliases recognise (a unit test
//! below holds them to it), so a filled form is read back without a single
//! `column.unknown`. Validation titles stay within Excel's 32 characters and
//! messages within 255 (the writer refuses longer ones).

use crate::lang::{fill, Lang, Month};
use crate::period::Period;

crate::texts! {
    /// A label of the form.
    pub(crate) enum T {
        SheetCoverage => ("Оқыту", "Обучение", "Training"),
        SheetEvents => ("Іс-шаралар", "Мероприятия", "Events"),
        SheetFinance => ("Қаржы", "Финансирование", "Financing"),
        SheetHelp => ("Нұсқаулық", "Инструкция", "Instructions"),
        SheetLists => ("Тізімдер", "Списки", "Lists"),

        TitleCoverage => ("Бастауыш кәсіподақ ұйымдарындағы кәсіподақтық оқыту туралы есеп", "Отчёт о профсоюзном обучении в первичных профсоюзных организациях", "Report on union training in primary union organisations"),
        TitleEvents => ("Кәсіподақтық оқыту іс-шаралары", "Мероприятия профсоюзного обучения", "Union training events"),
        TitleFinance => ("Кәсіподақтық оқытуды қаржыландыру", "Финансирование профсоюзного обучения", "Financing of union training"),
        YearToDate => ("жыл басынан бері (жинақталған қорытындымен)", "нарастающим итогом с начала года", "year to date (cumulative)"),
        HintCoverage => ("Сары ұяшықтарды ғана толтырыңыз; сұр ұяшықтар өздігінен есептеледі.", "Заполняйте только жёлтые ячейки; серые считаются сами.", "Fill in the yellow cells only; the grey ones are computed."),
        HintEvents => ("Жыл басынан бергі әр іс-шара — бір жол. Нысаны мен бағытын ұяшықтағы тізімнен таңдаңыз.", "Каждое мероприятие с начала года — отдельная строка. Форму и направление выберите из списка в ячейке.", "One row per event since the start of the year. Choose the form and the topic area from the list in the cell."),
        HintFinance => ("Сомалар теңгемен, жыл басынан бері. Оқыту үлесі өздігінен есептеледі.", "Суммы в тенге, с начала года. Доля обучения считается сама.", "Amounts in tenge, year to date. The training share is computed."),
        SeeHelp => ("Толтыру тәртібі — «Нұсқаулық» парағында", "Порядок заполнения — на листе «Инструкция»", "How to fill in the form: the \"Instructions\" sheet"),

        HeadNumber => ("№ р/с", "№ п/п", "No."),
        HeadOrg => ("Бастауыш кәсіподақ ұйымының атауы", "Наименование первичной профсоюзной организации", "Name of the primary union organisation"),
        HeadBin => ("БСН", "БИН", "BIN"),
        HeadMembers => ("Кәсіподақ мүшелерінің жалпы саны", "Численность членов профсоюза", "Union members, total"),
        HeadTotal => ("Кәсіподақтық оқытудан өткендер саны", "Прошли профсоюзное обучение, всего", "Completed union training, total"),
        HeadGroup => ("оның ішінде", "в том числе", "of them"),
        CatMembers => ("кәсіподақ мүшелері", "члены профсоюза", "rank-and-file members"),
        CatAudit => ("тексеру комиссияларының мүшелері", "члены ревизионных комиссий", "audit commission members"),
        CatActivists => ("кәсіподақ активі", "профсоюзный актив", "union activists"),
        CatChairs => ("кәсіподақ ұйымдарының төрағалары", "председатели профсоюзных организаций", "chairs of union organisations"),
        CatConciliation => ("келісу комиссияларының мүшелері", "члены согласительных комиссий", "conciliation commission members"),
        HeadShare => ("Оқытудан өткендердің кәсіподақ мүшелерінің жалпы санына шаққандағы пайызы", "Удельный вес обученных, %", "Trained as % of all members"),
        HeadNote => ("Ескерту", "Примечание", "Note"),
        TotalLabel => ("Барлығы", "Итого", "Total"),
        SignatureChair => ("Төраға ______________________ (аты-жөні, қолы)", "Председатель ______________________ (Ф.И.О., подпись)", "Chair ______________________ (name, signature)"),
        SignatureFilled => ("Орындаған ______________________ тел. ______________", "Исполнитель ______________________ тел. ______________", "Prepared by ______________________ tel. ______________"),

        EventDate => ("Өткізілген күні", "Дата проведения", "Date held"),
        EventForm => ("Оқыту нысаны", "Форма обучения", "Form of training"),
        EventTopic => ("Тақырыбы", "Тема", "Topic"),
        EventArea => ("Бағыты", "Направление", "Topic area"),
        EventVenue => ("Өткізілген орны", "Место проведения", "Venue"),
        EventParticipants => ("Қатысушылар саны", "Количество участников", "Participants"),
        EventSurvey => ("QR-код арқылы сауалнама нәтижелері", "Результаты анкетирования по QR-коду", "Results of the QR code survey"),
        EventRespondents => ("Сауалнамаға қатысқандар", "Анкетировано", "Respondents"),
        EventUsefulness => ("Пайдалылық бағасы", "Средняя оценка полезности", "Usefulness score"),
        EventWillApply => ("Тәжірибеде қолданамын, %", "Применят на практике, %", "Will apply in practice, %"),
        EventTrained => ("«Оқыту» парағы бойынша оқытудан өткендер саны", "Прошли обучение по листу «Обучение»", "Trained according to the \"Training\" sheet"),
        EventDifference => ("Айырма (0 болуы тиіс)", "Разница (должна быть 0)", "Difference (must be 0)"),

        FinanceIndicator => ("Көрсеткіш", "Показатель", "Indicator"),
        FinanceAmount => ("Сомасы, теңге", "Сумма, тенге", "Amount, tenge"),
        FinanceBudget => ("Смета шығыстарының барлығы", "Расходная часть сметы, всего", "Budget expense side, total"),
        FinanceTraining => ("Оның ішінде оқытуға", "в т.ч. на обучение", "Of it on training"),
        FinanceShare => ("Үлесі, %", "Доля, %", "Share, %"),

        // Data validation: a title of at most 32 characters, a message of at most 255.
        CountTitle => ("Адам саны", "Число людей", "Number of people"),
        CountMessage => ("Бүтін санды жазыңыз: 0, 1, 2 ... Бөлшек және теріс сан қабылданбайды.", "Укажите целое число: 0, 1, 2 ... Дробные и отрицательные числа не принимаются.", "Write a whole number: 0, 1, 2 ... Fractions and negative numbers are not accepted."),
        DateTitle => ("Іс-шараның күні", "Дата мероприятия", "Event date"),
        DateMessage => ("Күнді КК.АА.ЖЖЖЖ түрінде жазыңыз. Күн жыл басынан есепті айдың соңғы күніне дейінгі аралықта болуы тиіс.", "Укажите дату в виде ДД.ММ.ГГГГ, с начала года по последний день отчётного месяца.", "Write the date as DD.MM.YYYY, from the start of the year to the last day of the reporting month."),
        FormTitle => ("Оқыту нысаны", "Форма обучения", "Form of training"),
        FormMessage => ("Нысанды ұяшықтағы тізімнен таңдаңыз (▼ батырмасы).", "Выберите форму из списка в ячейке (кнопка ▼).", "Choose the form from the list in the cell (the ▼ button)."),
        AreaTitle => ("Тақырыптық бағыт", "Тематическое направление", "Topic area"),
        AreaMessage => ("Бағытты ұяшықтағы тізімнен таңдаңыз (▼ батырмасы). Тізімде жоқ болса, «Басқа» деп таңдаңыз.", "Выберите направление из списка в ячейке (кнопка ▼). Если подходящего нет, выберите «Другое».", "Choose the topic area from the list in the cell (the ▼ button). If none fits, choose \"Other\"."),
        UsefulnessTitle => ("Пайдалылық бағасы", "Оценка полезности", "Usefulness score"),
        UsefulnessMessage => ("Сауалнама бойынша орташа баға: 1-ден 5-ке дейінгі сан (мысалы, 4,6).", "Средняя оценка по анкетам: число от 1 до 5 (например, 4,6).", "The average score of the survey: a number from 1 to 5 (4.6, for example)."),
        PercentTitle => ("Тәжірибеде қолданатындар, %", "Применят на практике, %", "Will apply in practice, %"),
        PercentMessage => ("Тәжірибеде қолданамын деп жауап бергендердің пайызы: 0-ден 100-ге дейінгі сан.", "Процент ответивших, что применят знания на практике: число от 0 до 100.", "The percent of respondents who will apply what they learnt: a number from 0 to 100."),
        AmountTitle => ("Сома, теңге", "Сумма, тенге", "Amount, tenge"),
        AmountMessage => ("Соманы теңгемен жазыңыз: 0 немесе оң сан.", "Укажите сумму в тенге: 0 или положительное число.", "Write the amount in tenge: 0 or a positive number."),
        /// `{norm}`: the financing norm in per cent, with a decimal comma.
        NormNote => ("Норма: оқытуға смета шығыстарының кемінде {norm} %.", "Норма: на обучение — не меньше {norm} % расходной части сметы.", "Norm: at least {norm} % of the budget's expenses on training."),

        /// The period as the title row writes it; the reader tells the
        /// period from it.
        PeriodTitle => ("{year} жылғы {month}", "за январь – {month} {year} года", "January – {month} {year}"),
        /// The same, for January.
        PeriodTitleJanuary => ("{year} жылғы {month}", "за {month} {year} года", "{month} {year}"),
        /// `{month}` in the form of [`DueMonth`].
        DueDate => ("{year} жылғы {day} {month} дейін", "до {day} {month} {year} года", "by {day} {month} {year}"),
    }
}

crate::texts! {
    /// Months as a due date names them: Kazakh in the dative case
    /// ("5 сәуірге дейін"), Russian in the genitive ("до 5 апреля").
    pub(crate) enum DueMonth {
        January => ("қаңтарға", "января", "January"),
        February => ("ақпанға", "февраля", "February"),
        March => ("наурызға", "марта", "March"),
        April => ("сәуірге", "апреля", "April"),
        May => ("мамырға", "мая", "May"),
        June => ("маусымға", "июня", "June"),
        July => ("шілдеге", "июля", "July"),
        August => ("тамызға", "августа", "August"),
        September => ("қыркүйекке", "сентября", "September"),
        October => ("қазанға", "октября", "October"),
        November => ("қарашаға", "ноября", "November"),
        December => ("желтоқсанға", "декабря", "December"),
    }
}

/// The fixed labels of one language.
pub(crate) struct Labels {
    pub(crate) sheet_coverage: &'static str,
    pub(crate) sheet_events: &'static str,
    pub(crate) sheet_finance: &'static str,
    pub(crate) sheet_help: &'static str,
    pub(crate) sheet_lists: &'static str,

    pub(crate) title_coverage: &'static str,
    pub(crate) title_events: &'static str,
    pub(crate) title_finance: &'static str,
    pub(crate) year_to_date: &'static str,
    pub(crate) hint_coverage: &'static str,
    pub(crate) hint_events: &'static str,
    pub(crate) hint_finance: &'static str,
    pub(crate) see_help: &'static str,

    /// №, organisation, БСН, members, trained total, the group over the
    /// categories, the five categories, share, note.
    pub(crate) h_number: &'static str,
    pub(crate) h_org: &'static str,
    pub(crate) h_bin: &'static str,
    pub(crate) h_members: &'static str,
    pub(crate) h_total: &'static str,
    pub(crate) h_group: &'static str,
    pub(crate) h_categories: [&'static str; 5],
    pub(crate) h_share: &'static str,
    pub(crate) h_note: &'static str,
    pub(crate) total_label: &'static str,
    pub(crate) signature_chair: &'static str,
    pub(crate) signature_filled: &'static str,

    /// Date, form, topic, topic area, venue, participants, the survey group,
    /// respondents, usefulness, will apply.
    pub(crate) e_date: &'static str,
    pub(crate) e_form: &'static str,
    pub(crate) e_topic: &'static str,
    pub(crate) e_area: &'static str,
    pub(crate) e_venue: &'static str,
    pub(crate) e_participants: &'static str,
    pub(crate) e_survey: &'static str,
    pub(crate) e_respondents: &'static str,
    pub(crate) e_usefulness: &'static str,
    pub(crate) e_will_apply: &'static str,
    pub(crate) e_trained: &'static str,
    pub(crate) e_difference: &'static str,

    pub(crate) f_indicator: &'static str,
    pub(crate) f_amount: &'static str,
    pub(crate) f_budget: &'static str,
    pub(crate) f_training: &'static str,
    pub(crate) f_share: &'static str,

    // Data validation: (title <= 32 chars, message <= 255 chars).
    pub(crate) v_count: (&'static str, &'static str),
    pub(crate) v_date: (&'static str, &'static str),
    pub(crate) v_form: (&'static str, &'static str),
    pub(crate) v_area: (&'static str, &'static str),
    pub(crate) v_usefulness: (&'static str, &'static str),
    pub(crate) v_percent: (&'static str, &'static str),
    pub(crate) v_amount: (&'static str, &'static str),
}

impl Labels {
    /// The labels of a language, taken from the table.
    const fn of(lang: Lang) -> Labels {
        Labels {
            sheet_coverage: T::SheetCoverage.get(lang),
            sheet_events: T::SheetEvents.get(lang),
            sheet_finance: T::SheetFinance.get(lang),
            sheet_help: T::SheetHelp.get(lang),
            sheet_lists: T::SheetLists.get(lang),
            title_coverage: T::TitleCoverage.get(lang),
            title_events: T::TitleEvents.get(lang),
            title_finance: T::TitleFinance.get(lang),
            year_to_date: T::YearToDate.get(lang),
            hint_coverage: T::HintCoverage.get(lang),
            hint_events: T::HintEvents.get(lang),
            hint_finance: T::HintFinance.get(lang),
            see_help: T::SeeHelp.get(lang),
            h_number: T::HeadNumber.get(lang),
            h_org: T::HeadOrg.get(lang),
            h_bin: T::HeadBin.get(lang),
            h_members: T::HeadMembers.get(lang),
            h_total: T::HeadTotal.get(lang),
            h_group: T::HeadGroup.get(lang),
            h_categories: [
                T::CatMembers.get(lang),
                T::CatAudit.get(lang),
                T::CatActivists.get(lang),
                T::CatChairs.get(lang),
                T::CatConciliation.get(lang),
            ],
            h_share: T::HeadShare.get(lang),
            h_note: T::HeadNote.get(lang),
            total_label: T::TotalLabel.get(lang),
            signature_chair: T::SignatureChair.get(lang),
            signature_filled: T::SignatureFilled.get(lang),
            e_date: T::EventDate.get(lang),
            e_form: T::EventForm.get(lang),
            e_topic: T::EventTopic.get(lang),
            e_area: T::EventArea.get(lang),
            e_venue: T::EventVenue.get(lang),
            e_participants: T::EventParticipants.get(lang),
            e_survey: T::EventSurvey.get(lang),
            e_respondents: T::EventRespondents.get(lang),
            e_usefulness: T::EventUsefulness.get(lang),
            e_will_apply: T::EventWillApply.get(lang),
            e_trained: T::EventTrained.get(lang),
            e_difference: T::EventDifference.get(lang),
            f_indicator: T::FinanceIndicator.get(lang),
            f_amount: T::FinanceAmount.get(lang),
            f_budget: T::FinanceBudget.get(lang),
            f_training: T::FinanceTraining.get(lang),
            f_share: T::FinanceShare.get(lang),
            v_count: (T::CountTitle.get(lang), T::CountMessage.get(lang)),
            v_date: (T::DateTitle.get(lang), T::DateMessage.get(lang)),
            v_form: (T::FormTitle.get(lang), T::FormMessage.get(lang)),
            v_area: (T::AreaTitle.get(lang), T::AreaMessage.get(lang)),
            v_usefulness: (T::UsefulnessTitle.get(lang), T::UsefulnessMessage.get(lang)),
            v_percent: (T::PercentTitle.get(lang), T::PercentMessage.get(lang)),
            v_amount: (T::AmountTitle.get(lang), T::AmountMessage.get(lang)),
        }
    }
}

pub(crate) const KK: Labels = Labels::of(Lang::Kk);
pub(crate) const RU: Labels = Labels::of(Lang::Ru);
pub(crate) const EN: Labels = Labels::of(Lang::En);

pub(crate) fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Kk => &KK,
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}

/// The period as the title row writes it: "2026 жылғы наурыз",
/// "за январь – март 2026 года" (the reader tells the period from either).
pub(crate) fn period_title(p: Period, lang: Lang) -> String {
    let template = if p.month == 1 {
        T::PeriodTitleJanuary
    } else {
        T::PeriodTitle
    };
    fill(
        template.get(lang),
        &[
            ("year", &p.year.to_string()),
            ("month", Month::of(p.month).get(lang)),
        ],
    )
}

/// "2026 жылғы 5 сәуірге дейін", "до 5 апреля 2026 года".
pub(crate) fn due_text(year: i32, month: u32, day: u32, lang: Lang) -> String {
    let month = DueMonth::ALL[Month::of(month) as usize];
    fill(
        T::DueDate.get(lang),
        &[
            ("year", &year.to_string()),
            ("day", &day.to_string()),
            ("month", month.get(lang)),
        ],
    )
}

/// The instructions sheet: numbered sections of (column, heading, text)
/// lines. `column` is a column letter or empty; `heading` the header text
/// of that column or empty.
pub(crate) struct Help {
    pub(crate) title: String,
    pub(crate) lines: Vec<HelpLine>,
}

pub(crate) enum HelpLine {
    Section(String),
    Text(String),
    Column {
        col: String,
        header: String,
        text: String,
    },
}

/// What the instructions need to know about the form at hand.
pub(crate) struct HelpFacts<'a> {
    pub(crate) unit: &'a str,
    pub(crate) period: Period,
    pub(crate) file_name: &'a str,
    pub(crate) due: String,
    /// The period whose figures are pre-filled, if any.
    pub(crate) prefilled_from: Option<Period>,
    pub(crate) forms: &'a [String],
    pub(crate) areas: &'a [String],
    pub(crate) norm_percent: String,
    /// Column letters of the coverage table: №, name, БСН, members, total,
    /// first and last category, share, note.
    pub(crate) cov_cols: [String; 9],
    /// Column letters of the events table, in `Labels` order from date to
    /// will apply (9 columns).
    pub(crate) ev_cols: [String; 9],
}

crate::texts! {
    /// A text of the instructions sheet.
    pub(crate) enum HelpText {
        Title => ("{unit}: кәсіподақтық оқыту туралы есепті толтыру нұсқаулығы", "{unit}: как заполнить отчёт о профсоюзном обучении", "{unit}: how to fill in the union training report"),
        /// The heading of a sheet's section.
        SheetSection => ("{number}. «{sheet}» парағы", "{number}. Лист «{sheet}»", "{number}. The \"{sheet}\" sheet"),

        GeneralHeading => ("1. Жалпы ережелер", "1. Общие правила", "1. General rules"),
        Scope => (
            "Есеп — {period} кезеңі үшін; барлық сандар 01.01.{year} бастап жинақталған қорытындымен беріледі. Есепті облыстық ұйымға {due} жіберіңіз.",
            "Отчёт {period}; все числа — нарастающим итогом с 01.01.{year}. Отправьте его в областную организацию {due}.",
            "The report covers {period}; every figure is cumulative from 01.01.{year}. Send it to the regional organisation {due}.",
        ),
        YellowCells => (
            "Тек сары ұяшықтарды толтырыңыз. Сұр ұяшықтар (барлығы, пайыздар, жиын жолдары) формуламен өздігінен есептеледі; парақ кездейсоқ өзгерістен қорғалған, құпия сөз жоқ.",
            "Заполняйте только жёлтые ячейки. Серые ячейки (всего, проценты, итоговые строки) считаются формулами сами; лист защищён от случайных изменений, пароля нет.",
            "Fill in the yellow cells only. The grey cells (totals, percentages, total rows) are computed by formulas; the sheet is protected against accidental changes, with no password.",
        ),
        Prefilled => (
            "Өткен кезеңнің ({previous}) сандары жазылып қойылған: оларға осы айда оқытудан өткендерді қосыңыз.",
            "Числа за прошлый период ({previous}) уже вписаны: добавьте к ним обученных в этом месяце.",
            "The figures of the previous period ({previous}) are filled in already: add the people trained this month to them.",
        ),
        NewYear => (
            "Қаңтар — жаңа жылдың басы: сандар нөлден басталады.",
            "Январь — начало нового года: числа начинаются с нуля.",
            "January starts a new year: the figures start from zero.",
        ),
        NoPrevious => (
            "Өткен кезеңнің деректері жоқ: жыл басынан бергі сандарды жазыңыз.",
            "Данных прошлого периода нет: впишите числа с начала года.",
            "There are no figures of the previous period: write the figures since the start of the year.",
        ),
        WholeNumbers => (
            "Адам саны — бүтін сан (0, 1, 2 ...). Ұйымда ешкім оқымаған болса, 0 қалдырыңыз.",
            "Число людей — целое число (0, 1, 2 ...). Если в организации никто не обучался, оставьте 0.",
            "A number of people is a whole number (0, 1, 2 ...). Where nobody in an organisation was trained, leave 0.",
        ),
        /// `{note}`: the note column's header.
        KeepShape => (
            "Парақтардың атын, бағандардың тақырыбын және ұйымдар тізімін өзгертпеңіз. Ұйым тізімде жоқ болса немесе жабылса, «{note}» бағанына жазып, облыстық ұйымға хабарлаңыз (тізілімді сол жүргізеді).",
            "Не переименовывайте листы, не меняйте заголовки и список организаций. Организации нет в списке или она закрыта — напишите об этом в столбце «{note}» и сообщите в областную организацию (она ведёт реестр).",
            "Do not rename the sheets or change the headers or the list of organisations. If an organisation is not in the list or has closed, say so in the \"{note}\" column and tell the regional organisation (it keeps the registry).",
        ),
        SaveAs => ("Файлды «{file}» деген атпен сақтаңыз.", "Сохраните файл под именем «{file}».", "Save the file as \"{file}\"."),

        ColNumber => ("реттік нөмір (өзгертпеңіз)", "порядковый номер (не менять)", "the row number (do not change)"),
        ColOrg => ("облыстық ұйымның тізілімінен алынған (өзгертпеңіз)", "из реестра областной организации (не менять)", "from the regional organisation's registry (do not change)"),
        ColBin => ("тізілімдегі бизнес-сәйкестендіру нөмірі, 12 цифр (өзгертпеңіз)", "бизнес-идентификационный номер из реестра, 12 цифр (не менять)", "the business identification number from the registry, 12 digits (do not change)"),
        ColMembers => ("ұйымдағы кәсіподақ мүшелерінің саны; өзгерсе, түзетіңіз", "сколько членов профсоюза в организации; если число изменилось, исправьте его", "how many union members the organisation has; correct it if it has changed"),
        ColTotal => ("өздігінен есептеледі: {first}–{last} бағандарының қосындысы", "считается само: сумма столбцов {first}–{last}", "computed: the sum of columns {first}–{last}"),
        ColCategories => (
            "жыл басынан бері оқытудан өткендер, санаттар бойынша: {categories}. Әр адамды бір санатта ғана есептеңіз.",
            "сколько человек прошли обучение с начала года, по категориям: {categories}. Каждого обученного считайте в одной категории.",
            "how many people were trained since the start of the year, by category: {categories}. Count each person in one category only.",
        ),
        ColShare => (
            "өздігінен есептеледі: {total} / {members} × 100; оқытудан өткендер мүшелерден көп болмауы тиіс (әйтпесе ұяшық қызыл болады)",
            "считается само: {total} / {members} × 100; обученных не может быть больше, чем членов профсоюза (иначе ячейка станет красной)",
            "computed: {total} / {members} × 100; there cannot be more people trained than members (else the cell turns red)",
        ),
        ColNote => ("қажет болса, түсініктеме", "пояснения, если нужны", "explanations, if needed"),

        EventRows => (
            "Жыл басынан бері өткізілген кәсіподақтық оқытудың әр іс-шарасы — бір жол; бос жолдар кедергі келтірмейді.",
            "Каждое мероприятие профсоюзного обучения с начала года — отдельная строка; пустые строки не мешают.",
            "One row per union training event since the start of the year; empty rows do no harm.",
        ),
        ColDate => ("КК.АА.ЖЖЖЖ түріндегі күн, 01.01.{year} бастап {end} дейін", "дата в виде ДД.ММ.ГГГГ, с 01.01.{year} по {end}", "a date as DD.MM.YYYY, from 01.01.{year} to {end}"),
        ColForm => ("тізімнен таңдаңыз (ұяшықтағы ▼ батырмасы): {forms}", "выберите из списка (кнопка ▼ в ячейке): {forms}", "choose from the list (the ▼ button in the cell): {forms}"),
        ColTopic => ("іс-шараның тақырыбы, еркін мәтін", "тема мероприятия, свободным текстом", "the event's topic, in free text"),
        ColArea => ("тізімнен таңдаңыз: {areas}", "выберите из списка: {areas}", "choose from the list: {areas}"),
        ColVenue => ("қайда өтті (ұйым, елді мекен)", "где проходило (организация, населённый пункт)", "where it was held (organisation, town or village)"),
        /// `{sheet}`: the coverage sheet; `{difference}`: the row that shows
        /// the gap.
        ColParticipants => (
            "бүтін сан; қатысушылардың жалпы саны «{sheet}» парағындағы оқытудан өткендер санына тең болуы тиіс (төмендегі «{difference}» жолы айырманы көрсетеді)",
            "целое число; всего участников должно быть столько же, сколько обученных на листе «{sheet}» (строка «{difference}» внизу покажет разницу)",
            "a whole number; the participants must add up to the people trained on the \"{sheet}\" sheet (the \"{difference}\" row below shows the gap)",
        ),
        ColRespondents => (
            "QR-код арқылы сауалнама толтырған қатысушылар саны (қатысушылардан көп емес)",
            "сколько участников заполнили анкету по QR-коду (не больше числа участников)",
            "how many participants filled in the survey by QR code (no more than the participants)",
        ),
        ColUsefulness => ("сауалнама бойынша пайдалылықтың орташа бағасы, 1-ден 5-ке дейін", "средняя оценка полезности по анкетам, от 1 до 5", "the survey's average usefulness score, from 1 to 5"),
        ColWillApply => ("білімді тәжірибеде қолданамын деп жауап бергендердің пайызы, 0-ден 100-ге дейін", "процент ответивших, что применят знания на практике, от 0 до 100", "the percent of respondents who will apply what they learnt, from 0 to 100"),

        ColBudget => ("жыл басынан бергі смета бойынша шығыстар, теңге", "расходы по смете с начала года, тенге", "the budget's expenses since the start of the year, tenge"),
        ColTraining => ("оның ішінде кәсіподақтық оқытуға жұмсалғаны, теңге", "из них на профсоюзное обучение, тенге", "of them, spent on union training, tenge"),
        ColFinanceShare => (
            "өздігінен есептеледі; кәсіподақтың бірыңғай ережесі бойынша смета шығыстарының кемінде {norm}",
            "считается сама; по единым правилам профсоюза не меньше {norm} расходной части сметы",
            "computed; by the union's common rules at least {norm} of the budget's expense side",
        ),
        NoFinance => ("Осы айда қаржы туралы есеп қажет болмаса, сомаларды бос қалдырыңыз.", "Если отчёт о финансировании в этом месяце не нужен, оставьте суммы пустыми.", "If no financing report is due this month, leave the amounts empty."),

        CheckHeading => ("5. Жіберер алдында тексеру", "5. Проверка перед отправкой", "5. Checking before sending"),
        /// `{command}`: the command line of the check.
        CheckCommand => ("Файлды бағдарламамен тексеріңіз: {command}", "Проверьте файл программой: {command}", "Check the file with the program: {command}"),
        CheckResult => (
            "Бағдарлама әр қатенің парағы мен ұяшығын көрсетіп, не түзету керегін айтады. «Есеп жіберуге дайын» деген жазу шыққанда файлды жіберіңіз.",
            "Программа покажет каждую ошибку с листом и ячейкой и скажет, что исправить. Когда она напишет «Отчёт готов к отправке», отправляйте файл.",
            "The program shows each error with its sheet and cell and says what to correct. When it says \"Ready to send\", send the file.",
        ),
    }
}

/// The lines of the instructions, in the language they are written in.
struct HelpWriter {
    lang: Lang,
    lines: Vec<HelpLine>,
}

impl HelpWriter {
    fn say(&self, text: HelpText, values: &[(&str, &str)]) -> String {
        fill(text.get(self.lang), values)
    }

    fn section(&mut self, text: String) {
        self.lines.push(HelpLine::Section(text));
    }

    fn sheet_section(&mut self, number: &str, sheet: &str) {
        let heading = self.say(
            HelpText::SheetSection,
            &[("number", number), ("sheet", sheet)],
        );
        self.section(heading);
    }

    fn text(&mut self, text: HelpText, values: &[(&str, &str)]) {
        let text = self.say(text, values);
        self.lines.push(HelpLine::Text(text));
    }

    fn column(&mut self, col: &str, header: &str, text: HelpText, values: &[(&str, &str)]) {
        let text = self.say(text, values);
        self.lines.push(HelpLine::Column {
            col: col.to_string(),
            header: header.to_string(),
            text,
        });
    }
}

pub(crate) fn help(lang: Lang, f: &HelpFacts) -> Help {
    let l = labels(lang);
    let mut w = HelpWriter {
        lang,
        lines: Vec::new(),
    };
    general_rules(&mut w, l, f);
    coverage_columns(&mut w, l, f);
    event_columns(&mut w, l, f);
    finance_lines(&mut w, l, f);
    check_lines(&mut w, f);
    Help {
        title: w.say(HelpText::Title, &[("unit", f.unit)]),
        lines: w.lines,
    }
}

fn general_rules(w: &mut HelpWriter, l: &Labels, f: &HelpFacts) {
    let p = f.period;
    let period = period_title(p, w.lang);
    let year = p.year.to_string();
    w.section(w.say(HelpText::GeneralHeading, &[]));
    w.text(
        HelpText::Scope,
        &[("period", &period), ("year", &year), ("due", &f.due)],
    );
    w.text(HelpText::YellowCells, &[]);
    match f.prefilled_from {
        Some(prev) => w.text(HelpText::Prefilled, &[("previous", &prev.to_string())]),
        None if p.month == 1 => w.text(HelpText::NewYear, &[]),
        None => w.text(HelpText::NoPrevious, &[]),
    }
    w.text(HelpText::WholeNumbers, &[]);
    w.text(HelpText::KeepShape, &[("note", l.h_note)]);
    w.text(HelpText::SaveAs, &[("file", f.file_name)]);
}

fn coverage_columns(w: &mut HelpWriter, l: &Labels, f: &HelpFacts) {
    let c = &f.cov_cols;
    let categories = l.h_categories.join("; ");
    w.sheet_section("2", l.sheet_coverage);
    w.column(&c[0], l.h_number, HelpText::ColNumber, &[]);
    w.column(&c[1], l.h_org, HelpText::ColOrg, &[]);
    w.column(&c[2], l.h_bin, HelpText::ColBin, &[]);
    w.column(&c[3], l.h_members, HelpText::ColMembers, &[]);
    let span = [("first", c[5].as_str()), ("last", c[6].as_str())];
    w.column(&c[4], l.h_total, HelpText::ColTotal, &span);
    let range = format!("{}–{}", c[5], c[6]);
    w.column(
        &range,
        l.h_group,
        HelpText::ColCategories,
        &[("categories", &categories)],
    );
    let share = [("total", c[4].as_str()), ("members", c[3].as_str())];
    w.column(&c[7], l.h_share, HelpText::ColShare, &share);
    w.column(&c[8], l.h_note, HelpText::ColNote, &[]);
}

fn event_columns(w: &mut HelpWriter, l: &Labels, f: &HelpFacts) {
    let e = &f.ev_cols;
    let year = f.period.year.to_string();
    let end = f.period.last_day().dd_mm_yyyy();
    let forms = f.forms.join("; ");
    let areas = f.areas.join("; ");
    w.sheet_section("3", l.sheet_events);
    w.text(HelpText::EventRows, &[]);
    let dates = [("year", year.as_str()), ("end", end.as_str())];
    w.column(&e[0], l.e_date, HelpText::ColDate, &dates);
    w.column(&e[1], l.e_form, HelpText::ColForm, &[("forms", &forms)]);
    w.column(&e[2], l.e_topic, HelpText::ColTopic, &[]);
    w.column(&e[3], l.e_area, HelpText::ColArea, &[("areas", &areas)]);
    w.column(&e[4], l.e_venue, HelpText::ColVenue, &[]);
    let sheets = [("sheet", l.sheet_coverage), ("difference", l.e_difference)];
    w.column(&e[5], l.e_participants, HelpText::ColParticipants, &sheets);
    w.column(&e[6], l.e_respondents, HelpText::ColRespondents, &[]);
    w.column(&e[7], l.e_usefulness, HelpText::ColUsefulness, &[]);
    w.column(&e[8], l.e_will_apply, HelpText::ColWillApply, &[]);
}

fn finance_lines(w: &mut HelpWriter, l: &Labels, f: &HelpFacts) {
    w.sheet_section("4", l.sheet_finance);
    w.column("", l.f_budget, HelpText::ColBudget, &[]);
    w.column("", l.f_training, HelpText::ColTraining, &[]);
    let norm = [("norm", f.norm_percent.as_str())];
    w.column("", l.f_share, HelpText::ColFinanceShare, &norm);
    w.text(HelpText::NoFinance, &[]);
}

fn check_lines(w: &mut HelpWriter, f: &HelpFacts) {
    // The shipped pipeline speaks Kazakh; another language is asked for.
    let command = match w.lang {
        Lang::Kk => format!("jinaq check \"{}\"", f.file_name),
        lang => format!("jinaq check \"{}\" --lang {lang}", f.file_name),
    };
    w.section(w.say(HelpText::CheckHeading, &[]));
    w.text(HelpText::CheckCommand, &[("command", &command)]);
    w.text(HelpText::CheckResult, &[]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::text::key;
    use crate::pipeline::{Pipeline, DEFAULT_PIPELINE};
    use std::path::Path;

    fn pipeline() -> Pipeline {
        Pipeline::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PIPELINE)).unwrap()
    }

    #[test]
    fn every_text_is_complete_in_every_language() {
        crate::lang::assert_complete(T::ALL, T::get);
        crate::lang::assert_complete(DueMonth::ALL, DueMonth::get);
        crate::lang::assert_complete(HelpText::ALL, HelpText::get);
    }

    #[test]
    fn every_header_is_one_the_pipeline_recognises() {
        let p = pipeline();
        for l in [&KK, &RU] {
            let cov = [
                (l.h_number, "row_number"),
                (l.h_org, "org"),
                (l.h_bin, "bin"),
                (l.h_members, "members"),
                (l.h_total, "trained.total"),
                (l.h_categories[0], "trained.members"),
                (l.h_categories[1], "trained.audit"),
                (l.h_categories[2], "trained.activists"),
                (l.h_categories[3], "trained.chairs"),
                (l.h_categories[4], "trained.conciliation"),
                (l.h_share, "trained_share"),
                (l.h_note, "note"),
            ];
            for (text, field) in cov {
                assert_eq!(p.coverage.field_of(&key(text)), Some(field), "{text}");
            }
            assert!(p.coverage.is_group_header(&key(l.h_group)), "{}", l.h_group);
            assert!(p.coverage.is_total_label(&key(l.total_label)));
            assert!(p.events.is_total_label(&key(l.total_label)));
            let ev = [
                (l.h_number, "row_number"),
                (l.e_date, "event.date"),
                (l.e_form, "event.form"),
                (l.e_topic, "event.topic"),
                (l.e_area, "event.topic_area"),
                (l.e_venue, "event.venue"),
                (l.e_participants, "event.participants"),
                (l.e_respondents, "event.respondents"),
                (l.e_usefulness, "event.usefulness"),
                (l.e_will_apply, "event.will_apply"),
            ];
            for (text, field) in ev {
                assert_eq!(p.events.field_of(&key(text)), Some(field), "{text}");
            }
            assert_eq!(p.events.field_of(&key(l.e_survey)), None);
            for (text, field) in [
                (l.f_budget, "finance.budget"),
                (l.f_training, "finance.training"),
                (l.f_share, "finance.share"),
            ] {
                assert_eq!(p.finance.field_of(&key(text)), Some(field), "{text}");
            }
            for text in [l.f_indicator, l.f_amount, l.e_trained, l.e_difference] {
                assert_eq!(p.finance.field_of(&key(text)), None, "{text}");
            }
        }
    }

    #[test]
    fn titles_name_the_period_the_reader_finds() {
        use crate::normalize::identify::period_in;
        for (y, m) in [(2026, 1), (2026, 3), (2025, 12)] {
            let p = Period::new(y, m).unwrap();
            for lang in [Lang::Kk, Lang::Ru] {
                assert_eq!(period_in(&period_title(p, lang)), Some(p), "{p} {lang}");
            }
        }
        assert_eq!(
            period_title(Period::new(2026, 3).unwrap(), Lang::Ru),
            "за январь – март 2026 года"
        );
        assert_eq!(
            period_title(Period::new(2026, 3).unwrap(), Lang::Kk),
            "2026 жылғы наурыз"
        );
        assert_eq!(due_text(2026, 4, 5, Lang::Kk), "2026 жылғы 5 сәуірге дейін");
        assert_eq!(due_text(2026, 4, 5, Lang::Ru), "до 5 апреля 2026 года");
        assert_eq!(due_text(2026, 4, 5, Lang::En), "by 5 April 2026");
        assert_eq!(
            period_title(Period::new(2026, 3).unwrap(), Lang::En),
            "January – March 2026"
        );
    }

    #[test]
    fn validation_texts_fit_excel_limits() {
        for l in [&KK, &RU, &EN] {
            for (title, message) in [
                l.v_count,
                l.v_date,
                l.v_form,
                l.v_area,
                l.v_usefulness,
                l.v_percent,
                l.v_amount,
            ] {
                assert!(title.encode_utf16().count() <= 32, "{title}");
                assert!(message.encode_utf16().count() <= 255, "{message}");
            }
        }
    }
}
