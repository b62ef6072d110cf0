//! Every word of the form, in Kazakh and Russian.
//!
//! Header texts are ones the pipeline file's aliases recognise (a unit test
//! below holds them to it), so a filled form is read back without a single
//! `column.unknown`. Validation titles stay within Excel's 32 characters and
//! messages within 255 (the writer refuses longer ones).

use crate::lang::Lang;
use crate::period::Period;

/// The fixed labels of one language.
pub struct Labels {
    pub sheet_coverage: &'static str,
    pub sheet_events: &'static str,
    pub sheet_finance: &'static str,
    pub sheet_help: &'static str,
    pub sheet_lists: &'static str,

    pub title_coverage: &'static str,
    pub title_events: &'static str,
    pub title_finance: &'static str,
    pub year_to_date: &'static str,
    pub hint_coverage: &'static str,
    pub hint_events: &'static str,
    pub hint_finance: &'static str,
    pub see_help: &'static str,

    /// №, organisation, БСН, members, trained total, the group over the
    /// categories, the five categories, share, note.
    pub h_number: &'static str,
    pub h_org: &'static str,
    pub h_bin: &'static str,
    pub h_members: &'static str,
    pub h_total: &'static str,
    pub h_group: &'static str,
    pub h_categories: [&'static str; 5],
    pub h_share: &'static str,
    pub h_note: &'static str,
    pub total_label: &'static str,
    pub signature_chair: &'static str,
    pub signature_filled: &'static str,

    /// Date, form, topic, topic area, venue, participants, the survey group,
    /// respondents, usefulness, will apply.
    pub e_date: &'static str,
    pub e_form: &'static str,
    pub e_topic: &'static str,
    pub e_area: &'static str,
    pub e_venue: &'static str,
    pub e_participants: &'static str,
    pub e_survey: &'static str,
    pub e_respondents: &'static str,
    pub e_usefulness: &'static str,
    pub e_will_apply: &'static str,
    pub e_trained: &'static str,
    pub e_difference: &'static str,

    pub f_indicator: &'static str,
    pub f_amount: &'static str,
    pub f_budget: &'static str,
    pub f_training: &'static str,
    pub f_share: &'static str,

    // Data validation: (title <= 32 chars, message <= 255 chars).
    pub v_count: (&'static str, &'static str),
    pub v_date: (&'static str, &'static str),
    pub v_form: (&'static str, &'static str),
    pub v_area: (&'static str, &'static str),
    pub v_usefulness: (&'static str, &'static str),
    pub v_percent: (&'static str, &'static str),
    pub v_amount: (&'static str, &'static str),
}

pub const KK: Labels = Labels {
    sheet_coverage: "Оқыту",
    sheet_events: "Іс-шаралар",
    sheet_finance: "Қаржы",
    sheet_help: "Нұсқаулық",
    sheet_lists: "Тізімдер",

    title_coverage: "Бастауыш кәсіподақ ұйымдарындағы кәсіподақтық оқыту туралы есеп",
    title_events: "Кәсіподақтық оқыту іс-шаралары",
    title_finance: "Кәсіподақтық оқытуды қаржыландыру",
    year_to_date: "жыл басынан бері (жинақталған қорытындымен)",
    hint_coverage: "Сары ұяшықтарды ғана толтырыңыз; сұр ұяшықтар өздігінен есептеледі.",
    hint_events: "Жыл басынан бергі әр іс-шара — бір жол. Нысаны мен бағытын ұяшықтағы тізімнен таңдаңыз.",
    hint_finance: "Сомалар теңгемен, жыл басынан бері. Оқыту үлесі өздігінен есептеледі.",
    see_help: "Толтыру тәртібі — «Нұсқаулық» парағында",

    h_number: "№ р/с",
    h_org: "Бастауыш кәсіподақ ұйымының атауы",
    h_bin: "БСН",
    h_members: "Кәсіподақ мүшелерінің жалпы саны",
    h_total: "Кәсіподақтық оқытудан өткендер саны",
    h_group: "оның ішінде",
    h_categories: [
        "кәсіподақ мүшелері",
        "тексеру комиссияларының мүшелері",
        "кәсіподақ активі",
        "кәсіподақ ұйымдарының төрағалары",
        "келісу комиссияларының мүшелері",
    ],
    h_share: "Оқытудан өткендердің кәсіподақ мүшелерінің жалпы санына шаққандағы пайызы",
    h_note: "Ескерту",
    total_label: "Барлығы",
    signature_chair: "Төраға ______________________ (аты-жөні, қолы)",
    signature_filled: "Орындаған ______________________ тел. ______________",

    e_date: "Өткізілген күні",
    e_form: "Оқыту нысаны",
    e_topic: "Тақырыбы",
    e_area: "Бағыты",
    e_venue: "Өткізілген орны",
    e_participants: "Қатысушылар саны",
    e_survey: "QR-код арқылы сауалнама нәтижелері",
    e_respondents: "Сауалнамаға қатысқандар",
    e_usefulness: "Пайдалылық бағасы",
    e_will_apply: "Тәжірибеде қолданамын, %",
    e_trained: "«Оқыту» парағы бойынша оқытудан өткендер саны",
    e_difference: "Айырма (0 болуы тиіс)",

    f_indicator: "Көрсеткіш",
    f_amount: "Сомасы, теңге",
    f_budget: "Смета шығыстарының барлығы",
    f_training: "Оның ішінде оқытуға",
    f_share: "Үлесі, %",

    v_count: (
        "Адам саны",
        "Бүтін санды жазыңыз: 0, 1, 2 ... Бөлшек және теріс сан қабылданбайды.",
    ),
    v_date: (
        "Іс-шараның күні",
        "Күнді КК.АА.ЖЖЖЖ түрінде жазыңыз. Күн жыл басынан есепті айдың соңғы күніне дейінгі аралықта болуы тиіс.",
    ),
    v_form: (
        "Оқыту нысаны",
        "Нысанды ұяшықтағы тізімнен таңдаңыз (▼ батырмасы).",
    ),
    v_area: (
        "Тақырыптық бағыт",
        "Бағытты ұяшықтағы тізімнен таңдаңыз (▼ батырмасы). Тізімде жоқ болса, «Басқа» деп таңдаңыз.",
    ),
    v_usefulness: (
        "Пайдалылық бағасы",
        "Сауалнама бойынша орташа баға: 1-ден 5-ке дейінгі сан (мысалы, 4,6).",
    ),
    v_percent: (
        "Тәжірибеде қолданатындар, %",
        "Тәжірибеде қолданамын деп жауап бергендердің пайызы: 0-ден 100-ге дейінгі сан.",
    ),
    v_amount: (
        "Сома, теңге",
        "Соманы теңгемен жазыңыз: 0 немесе оң сан.",
    ),
};

pub const RU: Labels = Labels {
    sheet_coverage: "Обучение",
    sheet_events: "Мероприятия",
    sheet_finance: "Финансирование",
    sheet_help: "Инструкция",
    sheet_lists: "Списки",

    title_coverage: "Отчёт о профсоюзном обучении в первичных профсоюзных организациях",
    title_events: "Мероприятия профсоюзного обучения",
    title_finance: "Финансирование профсоюзного обучения",
    year_to_date: "нарастающим итогом с начала года",
    hint_coverage: "Заполняйте только жёлтые ячейки; серые считаются сами.",
    hint_events: "Каждое мероприятие с начала года — отдельная строка. Форму и направление выберите из списка в ячейке.",
    hint_finance: "Суммы в тенге, с начала года. Доля обучения считается сама.",
    see_help: "Порядок заполнения — на листе «Инструкция»",

    h_number: "№ п/п",
    h_org: "Наименование первичной профсоюзной организации",
    h_bin: "БИН",
    h_members: "Численность членов профсоюза",
    h_total: "Прошли профсоюзное обучение, всего",
    h_group: "в том числе",
    h_categories: [
        "члены профсоюза",
        "члены ревизионных комиссий",
        "профсоюзный актив",
        "председатели профсоюзных организаций",
        "члены согласительных комиссий",
    ],
    h_share: "Удельный вес обученных, %",
    h_note: "Примечание",
    total_label: "Итого",
    signature_chair: "Председатель ______________________ (Ф.И.О., подпись)",
    signature_filled: "Исполнитель ______________________ тел. ______________",

    e_date: "Дата проведения",
    e_form: "Форма обучения",
    e_topic: "Тема",
    e_area: "Направление",
    e_venue: "Место проведения",
    e_participants: "Количество участников",
    e_survey: "Результаты анкетирования по QR-коду",
    e_respondents: "Анкетировано",
    e_usefulness: "Средняя оценка полезности",
    e_will_apply: "Применят на практике, %",
    e_trained: "Прошли обучение по листу «Обучение»",
    e_difference: "Разница (должна быть 0)",

    f_indicator: "Показатель",
    f_amount: "Сумма, тенге",
    f_budget: "Расходная часть сметы, всего",
    f_training: "в т.ч. на обучение",
    f_share: "Доля, %",

    v_count: (
        "Число людей",
        "Укажите целое число: 0, 1, 2 ... Дробные и отрицательные числа не принимаются.",
    ),
    v_date: (
        "Дата мероприятия",
        "Укажите дату в виде ДД.ММ.ГГГГ, с начала года по последний день отчётного месяца.",
    ),
    v_form: (
        "Форма обучения",
        "Выберите форму из списка в ячейке (кнопка ▼).",
    ),
    v_area: (
        "Тематическое направление",
        "Выберите направление из списка в ячейке (кнопка ▼). Если подходящего нет, выберите «Другое».",
    ),
    v_usefulness: (
        "Оценка полезности",
        "Средняя оценка по анкетам: число от 1 до 5 (например, 4,6).",
    ),
    v_percent: (
        "Применят на практике, %",
        "Процент ответивших, что применят знания на практике: число от 0 до 100.",
    ),
    v_amount: ("Сумма, тенге", "Укажите сумму в тенге: 0 или положительное число."),
};

pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Ru => &RU,
        _ => &KK,
    }
}

/// Kazakh months in the dative case ("5 сәуірге дейін").
const MONTHS_KK_DATIVE: [&str; 12] = [
    "қаңтарға",
    "ақпанға",
    "наурызға",
    "сәуірге",
    "мамырға",
    "маусымға",
    "шілдеге",
    "тамызға",
    "қыркүйекке",
    "қазанға",
    "қарашаға",
    "желтоқсанға",
];
const MONTHS_RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

fn month_index(month: u32) -> usize {
    (month.clamp(1, 12) - 1) as usize
}

/// The period as the title row writes it: "2026 жылғы наурыз",
/// "за январь – март 2026 года" (the reader tells the period from either).
pub fn period_title(p: Period, lang: Lang) -> String {
    let m = month_index(p.month);
    match lang {
        Lang::Ru if p.month == 1 => format!("за январь {} года", p.year),
        Lang::Ru => format!("за январь – {} {} года", crate::lang::MONTHS_RU[m], p.year),
        _ => format!("{} жылғы {}", p.year, crate::lang::MONTHS_KK[m]),
    }
}

/// "2026 жылғы 5 сәуірге дейін", "до 5 апреля 2026 года".
pub fn due_text(year: i32, month: u32, day: u32, lang: Lang) -> String {
    let m = month_index(month);
    match lang {
        Lang::Ru => format!("до {day} {} {year} года", MONTHS_RU_GENITIVE[m]),
        _ => format!("{year} жылғы {day} {} дейін", MONTHS_KK_DATIVE[m]),
    }
}

/// The instructions sheet: numbered sections of (column, heading, text)
/// lines. `column` is a column letter or empty; `heading` the header text
/// of that column or empty.
pub struct Help {
    pub title: String,
    pub lines: Vec<HelpLine>,
}

pub enum HelpLine {
    Section(String),
    Text(String),
    Column {
        col: String,
        header: String,
        text: String,
    },
}

/// What the instructions need to know about the form at hand.
pub struct HelpFacts<'a> {
    pub unit: &'a str,
    pub period: Period,
    pub file_name: &'a str,
    pub due: String,
    /// The period whose figures are pre-filled, if any.
    pub prefilled_from: Option<Period>,
    pub forms: &'a [String],
    pub areas: &'a [String],
    pub norm_percent: String,
    /// Column letters of the coverage table: №, name, БСН, members, total,
    /// first and last category, share, note.
    pub cov_cols: [String; 9],
    /// Column letters of the events table, in `Labels` order from date to
    /// will apply (9 columns).
    pub ev_cols: [String; 9],
}

pub fn help(lang: Lang, f: &HelpFacts) -> Help {
    let l = labels(lang);
    let (y, p) = (f.period.year, f.period);
    let end = p.last_day().dd_mm_yyyy();
    let mut lines = Vec::new();
    let section = |s: &str| HelpLine::Section(s.to_string());
    let text = |s: String| HelpLine::Text(s);
    let col = |c: &str, h: &str, t: String| HelpLine::Column {
        col: c.to_string(),
        header: h.to_string(),
        text: t,
    };
    let c = &f.cov_cols;
    let e = &f.ev_cols;
    let categories = l.h_categories.join("; ");
    let forms = f.forms.join("; ");
    let areas = f.areas.join("; ");
    match lang {
        Lang::Ru => {
            lines.push(section("1. Общие правила"));
            lines.push(text(format!(
                "Отчёт {}; все числа — нарастающим итогом с 01.01.{y}. Отправьте его в областную организацию {}.",
                period_title(p, lang),
                f.due
            )));
            lines.push(text("Заполняйте только жёлтые ячейки. Серые ячейки (всего, проценты, итоговые строки) считаются формулами сами; лист защищён от случайных изменений, пароля нет.".into()));
            lines.push(text(match f.prefilled_from {
                Some(prev) => format!("Числа за прошлый период ({prev}) уже вписаны: добавьте к ним обученных в этом месяце."),
                None if p.month == 1 => "Январь — начало нового года: числа начинаются с нуля.".into(),
                None => "Данных прошлого периода нет: впишите числа с начала года.".into(),
            }));
            lines.push(text("Число людей — целое число (0, 1, 2 ...). Если в организации никто не обучался, оставьте 0.".into()));
            lines.push(text("Не переименовывайте листы, не меняйте заголовки и список организаций. Организации нет в списке или она закрыта — напишите об этом в столбце «Примечание» и сообщите в областную организацию (она ведёт реестр).".into()));
            lines.push(text(format!(
                "Сохраните файл под именем «{}».",
                f.file_name
            )));
            lines.push(section(&format!("2. Лист «{}»", l.sheet_coverage)));
            lines.push(col(
                &c[0],
                l.h_number,
                "порядковый номер (не менять)".into(),
            ));
            lines.push(col(
                &c[1],
                l.h_org,
                "из реестра областной организации (не менять)".into(),
            ));
            lines.push(col(
                &c[2],
                l.h_bin,
                "бизнес-идентификационный номер из реестра, 12 цифр (не менять)".into(),
            ));
            lines.push(col(
                &c[3],
                l.h_members,
                "сколько членов профсоюза в организации; если число изменилось, исправьте его"
                    .into(),
            ));
            lines.push(col(
                &c[4],
                l.h_total,
                format!("считается само: сумма столбцов {}–{}", c[5], c[6]),
            ));
            lines.push(col(&format!("{}–{}", c[5], c[6]), l.h_group, format!("сколько человек прошли обучение с начала года, по категориям: {categories}. Каждого обученного считайте в одной категории.")));
            lines.push(col(&c[7], l.h_share, format!("считается само: {} / {} × 100; обученных не может быть больше, чем членов профсоюза (иначе ячейка станет красной)", c[4], c[3])));
            lines.push(col(&c[8], l.h_note, "пояснения, если нужны".into()));
            lines.push(section(&format!("3. Лист «{}»", l.sheet_events)));
            lines.push(text("Каждое мероприятие профсоюзного обучения с начала года — отдельная строка; пустые строки не мешают.".into()));
            lines.push(col(
                &e[0],
                l.e_date,
                format!("дата в виде ДД.ММ.ГГГГ, с 01.01.{y} по {end}"),
            ));
            lines.push(col(
                &e[1],
                l.e_form,
                format!("выберите из списка (кнопка ▼ в ячейке): {forms}"),
            ));
            lines.push(col(
                &e[2],
                l.e_topic,
                "тема мероприятия, свободным текстом".into(),
            ));
            lines.push(col(&e[3], l.e_area, format!("выберите из списка: {areas}")));
            lines.push(col(
                &e[4],
                l.e_venue,
                "где проходило (организация, населённый пункт)".into(),
            ));
            lines.push(col(&e[5], l.e_participants, format!("целое число; всего участников должно быть столько же, сколько обученных на листе «{}» (строка «{}» внизу покажет разницу)", l.sheet_coverage, l.e_difference)));
            lines.push(col(
                &e[6],
                l.e_respondents,
                "сколько участников заполнили анкету по QR-коду (не больше числа участников)"
                    .into(),
            ));
            lines.push(col(
                &e[7],
                l.e_usefulness,
                "средняя оценка полезности по анкетам, от 1 до 5".into(),
            ));
            lines.push(col(
                &e[8],
                l.e_will_apply,
                "процент ответивших, что применят знания на практике, от 0 до 100".into(),
            ));
            lines.push(section(&format!("4. Лист «{}»", l.sheet_finance)));
            lines.push(col(
                "",
                l.f_budget,
                "расходы по смете с начала года, тенге".into(),
            ));
            lines.push(col(
                "",
                l.f_training,
                "из них на профсоюзное обучение, тенге".into(),
            ));
            lines.push(col("", l.f_share, format!("считается сама; по единым правилам профсоюза не меньше {} расходной части сметы", f.norm_percent)));
            lines.push(text(
                "Если отчёт о финансировании в этом месяце не нужен, оставьте суммы пустыми."
                    .into(),
            ));
            lines.push(section("5. Проверка перед отправкой"));
            lines.push(text(format!(
                "Проверьте файл программой: jinaq check \"{}\" --lang ru",
                f.file_name
            )));
            lines.push(text("Программа покажет каждую ошибку с листом и ячейкой и скажет, что исправить. Когда она напишет «Отчёт готов к отправке», отправляйте файл.".into()));
        }
        _ => {
            lines.push(section("1. Жалпы ережелер"));
            lines.push(text(format!(
                "Есеп — {} кезеңі үшін; барлық сандар 01.01.{y} бастап жинақталған қорытындымен беріледі. Есепті облыстық ұйымға {} жіберіңіз.",
                period_title(p, lang),
                f.due
            )));
            lines.push(text("Тек сары ұяшықтарды толтырыңыз. Сұр ұяшықтар (барлығы, пайыздар, жиын жолдары) формуламен өздігінен есептеледі; парақ кездейсоқ өзгерістен қорғалған, құпия сөз жоқ.".into()));
            lines.push(text(match f.prefilled_from {
                Some(prev) => format!("Өткен кезеңнің ({prev}) сандары жазылып қойылған: оларға осы айда оқытудан өткендерді қосыңыз."),
                None if p.month == 1 => "Қаңтар — жаңа жылдың басы: сандар нөлден басталады.".into(),
                None => "Өткен кезеңнің деректері жоқ: жыл басынан бергі сандарды жазыңыз.".into(),
            }));
            lines.push(text(
                "Адам саны — бүтін сан (0, 1, 2 ...). Ұйымда ешкім оқымаған болса, 0 қалдырыңыз."
                    .into(),
            ));
            lines.push(text("Парақтардың атын, бағандардың тақырыбын және ұйымдар тізімін өзгертпеңіз. Ұйым тізімде жоқ болса немесе жабылса, «Ескерту» бағанына жазып, облыстық ұйымға хабарлаңыз (тізілімді сол жүргізеді).".into()));
            lines.push(text(format!(
                "Файлды «{}» деген атпен сақтаңыз.",
                f.file_name
            )));
            lines.push(section(&format!("2. «{}» парағы", l.sheet_coverage)));
            lines.push(col(&c[0], l.h_number, "реттік нөмір (өзгертпеңіз)".into()));
            lines.push(col(
                &c[1],
                l.h_org,
                "облыстық ұйымның тізілімінен алынған (өзгертпеңіз)".into(),
            ));
            lines.push(col(
                &c[2],
                l.h_bin,
                "тізілімдегі бизнес-сәйкестендіру нөмірі, 12 цифр (өзгертпеңіз)".into(),
            ));
            lines.push(col(
                &c[3],
                l.h_members,
                "ұйымдағы кәсіподақ мүшелерінің саны; өзгерсе, түзетіңіз".into(),
            ));
            lines.push(col(
                &c[4],
                l.h_total,
                format!(
                    "өздігінен есептеледі: {}–{} бағандарының қосындысы",
                    c[5], c[6]
                ),
            ));
            lines.push(col(&format!("{}–{}", c[5], c[6]), l.h_group, format!("жыл басынан бері оқытудан өткендер, санаттар бойынша: {categories}. Әр адамды бір санатта ғана есептеңіз.")));
            lines.push(col(&c[7], l.h_share, format!("өздігінен есептеледі: {} / {} × 100; оқытудан өткендер мүшелерден көп болмауы тиіс (әйтпесе ұяшық қызыл болады)", c[4], c[3])));
            lines.push(col(&c[8], l.h_note, "қажет болса, түсініктеме".into()));
            lines.push(section(&format!("3. «{}» парағы", l.sheet_events)));
            lines.push(text("Жыл басынан бері өткізілген кәсіподақтық оқытудың әр іс-шарасы — бір жол; бос жолдар кедергі келтірмейді.".into()));
            lines.push(col(
                &e[0],
                l.e_date,
                format!("КК.АА.ЖЖЖЖ түріндегі күн, 01.01.{y} бастап {end} дейін"),
            ));
            lines.push(col(
                &e[1],
                l.e_form,
                format!("тізімнен таңдаңыз (ұяшықтағы ▼ батырмасы): {forms}"),
            ));
            lines.push(col(
                &e[2],
                l.e_topic,
                "іс-шараның тақырыбы, еркін мәтін".into(),
            ));
            lines.push(col(&e[3], l.e_area, format!("тізімнен таңдаңыз: {areas}")));
            lines.push(col(
                &e[4],
                l.e_venue,
                "қайда өтті (ұйым, елді мекен)".into(),
            ));
            lines.push(col(&e[5], l.e_participants, format!("бүтін сан; қатысушылардың жалпы саны «{}» парағындағы оқытудан өткендер санына тең болуы тиіс (төмендегі «{}» жолы айырманы көрсетеді)", l.sheet_coverage, l.e_difference)));
            lines.push(col(
                &e[6],
                l.e_respondents,
                "QR-код арқылы сауалнама толтырған қатысушылар саны (қатысушылардан көп емес)"
                    .into(),
            ));
            lines.push(col(
                &e[7],
                l.e_usefulness,
                "сауалнама бойынша пайдалылықтың орташа бағасы, 1-ден 5-ке дейін".into(),
            ));
            lines.push(col(
                &e[8],
                l.e_will_apply,
                "білімді тәжірибеде қолданамын деп жауап бергендердің пайызы, 0-ден 100-ге дейін"
                    .into(),
            ));
            lines.push(section(&format!("4. «{}» парағы", l.sheet_finance)));
            lines.push(col(
                "",
                l.f_budget,
                "жыл басынан бергі смета бойынша шығыстар, теңге".into(),
            ));
            lines.push(col(
                "",
                l.f_training,
                "оның ішінде кәсіподақтық оқытуға жұмсалғаны, теңге".into(),
            ));
            lines.push(col("", l.f_share, format!("өздігінен есептеледі; кәсіподақтың бірыңғай ережесі бойынша смета шығыстарының кемінде {}", f.norm_percent)));
            lines.push(text(
                "Осы айда қаржы туралы есеп қажет болмаса, сомаларды бос қалдырыңыз.".into(),
            ));
            lines.push(section("5. Жіберер алдында тексеру"));
            lines.push(text(format!(
                "Файлды бағдарламамен тексеріңіз: jinaq check \"{}\"",
                f.file_name
            )));
            lines.push(text("Бағдарлама әр қатенің парағы мен ұяшығын көрсетіп, не түзету керегін айтады. «Есеп жіберуге дайын» деген жазу шыққанда файлды жіберіңіз.".into()));
        }
    }
    let title = match lang {
        Lang::Ru => format!("{}: как заполнить отчёт о профсоюзном обучении", f.unit),
        _ => format!(
            "{}: кәсіподақтық оқыту туралы есепті толтыру нұсқаулығы",
            f.unit
        ),
    };
    Help { title, lines }
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
    }

    #[test]
    fn validation_texts_fit_excel_limits() {
        for l in [&KK, &RU] {
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
