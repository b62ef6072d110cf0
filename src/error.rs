//! Failures that stop a whole run (exit status 2). Everything about a single
//! file, sheet or cell is an [`crate::issue::Issue`] instead.
//!
//! Each error says what failed and where (the file or folder, the setting,
//! the row), in the run's language: [`Error::message`]. Its `Display` is the
//! English message, for logs and tests.

use crate::bench::GenerateError;
use crate::history::import::ImportError;
use crate::history::HistoryError;
use crate::ingest::discover::InputError;
use crate::lang::{fill, Lang};
use crate::period::Period;
use crate::pipeline::PipelineError;
use crate::registry::RegistryError;
use crate::report::brief::NarrativeError;
use crate::report::WriteError;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum Error {
    Pipeline(#[from] PipelineError),
    Input(#[from] InputError),
    Registry(#[from] RegistryError),
    /// No file name or title says which month the reports are for.
    PeriodUnknown,
    /// The files are for different months: each with its files.
    PeriodsDisagree(Vec<(Period, Vec<String>)>),
    /// The accepted rows cannot be consolidated.
    Consolidation(#[source] polars::error::PolarsError),
    /// An output that cannot be written.
    Output(#[from] WriteError),
    /// The period cannot be stored in the history.
    Store(#[source] HistoryError),
    /// `--lang` names no language.
    LangFlag(String),
    /// `--period` is not a month.
    PeriodFlag(String),
    /// The form is made in Kazakh or Russian only.
    FormLang,
    /// `--unit` names no unit of the pipeline.
    UnitFlag {
        given: String,
        known: Vec<String>,
    },
    /// A period asked for is not stored.
    NotStored {
        period: Period,
        dir: PathBuf,
    },
    /// A period asked for is stored but cannot be read.
    StoredDamaged {
        period: Period,
        source: HistoryError,
    },
    /// The bench's inboxes cannot be made.
    Generate {
        dir: PathBuf,
        source: GenerateError,
    },
    /// A bench measurement failed.
    Bench(String),
    /// A form is made from a registry, and none was given.
    NoRegistry,
    /// `init` would overwrite these files.
    InitExists(Vec<PathBuf>),
    /// A file pattern of `check` that matches no file.
    NoFileMatches(String),
    /// A file pattern of `check` that cannot be read as a pattern.
    FilePattern(String),
    /// The texts of the year's brief cannot be read.
    BriefText(#[from] NarrativeError),
    /// `history import` imported nothing: the file, and why.
    Import(#[from] ImportError),
}

pub(crate) type Result<T> = std::result::Result<T, Error>;

crate::texts! {
    /// The texts of fatal errors; `{name}` marks where a value goes.
    enum Text {
        PeriodUnknown => (
            "файл атауларынан да, тақырыптарынан да есептің қай айға арналғаны анықталмады; айды --period YYYY-MM арқылы беріңіз",
            "ни имена файлов, ни заголовки не говорят, за какой месяц отчёты; укажите месяц через --period YYYY-MM",
            "no file names or titles say which month the reports are for; give it with --period YYYY-MM",
        ),
        PeriodsDisagree => (
            "файлдар әртүрлі айларға арналған ({list}); айды --period YYYY-MM арқылы беріңіз",
            "файлы относятся к разным месяцам ({list}); укажите месяц через --period YYYY-MM",
            "the files are for different months ({list}); give the month with --period YYYY-MM",
        ),
        Consolidation => (
            "жинақтау сәтсіз аяқталды: {source}",
            "свод не удался: {source}",
            "consolidation failed: {source}",
        ),
        Store => (
            "кезеңді тарихқа сақтау мүмкін емес: {source}",
            "не удаётся сохранить период в историю: {source}",
            "cannot store the period in the history: {source}",
        ),
        LangFlag => (
            "белгісіз тіл `{value}` (kk, ru немесе en жазыңыз)",
            "неизвестный язык `{value}` (укажите kk, ru или en)",
            "unknown language `{value}` (use kk, ru or en)",
        ),
        PeriodFlag => (
            "`{value}` кезең емес: оны YYYY-MM түрінде жазыңыз, мысалы 2026-03",
            "`{value}` не период: укажите его как YYYY-MM, например 2026-03",
            "`{value}` is not a period: write it as YYYY-MM, for example 2026-03",
        ),
        FormLang => (
            "форма қазақ (kk) немесе орыс (ru) тілінде жасалады",
            "форма делается на казахском (kk) или русском (ru) языке",
            "the form is made in Kazakh (kk) or Russian (ru)",
        ),
        UnitFlag => (
            "`{value}` баптау файлындағы бөлімше емес; оның идентификаторын ({known}) немесе қазақша не орысша атауын беріңіз",
            "`{value}` не подразделение из файла настройки; укажите его идентификатор ({known}) или название на казахском или русском",
            "`{value}` is not a unit of the pipeline; give its id ({known}) or its Kazakh or Russian name",
        ),
        NotStored => (
            "{period} кезеңі {dir} ішінде сақталмаған",
            "период {period} не сохранён в {dir}",
            "period {period} is not stored under {dir}",
        ),
        StoredDamaged => (
            "{period} кезеңі зақымдалған: {source}",
            "период {period} повреждён: {source}",
            "period {period} is damaged: {source}",
        ),
        Generate => (
            "{dir} ішінде өлшеуге арналған есептерді жасау мүмкін емес: {source}",
            "не удаётся создать отчёты для замера в {dir}: {source}",
            "cannot generate the bench's reports under {dir}: {source}",
        ),
        NoFileMatches => (
            "`{value}` үлгісіне сәйкес файл табылмады; қалта мен файл атауын тексеріңіз",
            "по шаблону `{value}` не найдено ни одного файла; проверьте папку и имя файла",
            "no file matches `{value}`; check the folder and the file name",
        ),
        FilePattern => (
            "`{value}` файл үлгісі ретінде оқылмайды (жақшалар [ ] жұптаспаған болуы мүмкін); файлдың толық атауын жазыңыз",
            "`{value}` не читается как шаблон файлов (возможно, не закрыта скобка [ ]); укажите полное имя файла",
            "`{value}` cannot be read as a file pattern (an unclosed [ ] perhaps); give the file's full name",
        ),
        Bench => (
            "өлшеу тоқтады: {source}",
            "замер прерван: {source}",
            "the bench stopped: {source}",
        ),
        NoRegistry => (
            "форма тізілімдегі ұйымдардан жасалады, ал тізілім берілмеген: оны --registry FILE арқылы беріңіз немесе jinaq init жасаған қалтада іске қосыңыз",
            "форма составляется по организациям реестра, а реестр не указан: укажите его через --registry FILE или запустите в папке, созданной jinaq init",
            "a form is made from the registry's organisations, and no registry is given: give it with --registry FILE or run in a folder made by jinaq init",
        ),
        InitExists => (
            "бұл файлдар бұрыннан бар, ешнәрсе өзгертілмеді: {list}; басқа қалтаны беріңіз немесе оларды өзіңіз жылжытыңыз",
            "эти файлы уже есть, ничего не изменено: {list}; укажите другую папку или уберите их сами",
            "these files exist already, nothing was changed: {list}; give another folder or move them away yourself",
        ),
    }
}

impl Error {
    /// What failed and where, in a language.
    pub(crate) fn message(&self, lang: Lang) -> String {
        let text = |t: Text, values: &[(&str, &str)]| fill(t.get(lang), values);
        let one = |t: Text, value: &str| text(t, &[("value", value)]);
        let source = |t: Text, source: &dyn std::fmt::Display| {
            text(t, &[("source", source.to_string().as_str())])
        };
        match self {
            Error::Pipeline(e) => e.message(lang),
            Error::Input(e) => e.message(lang),
            Error::Registry(e) => e.message(lang),
            Error::PeriodUnknown => Text::PeriodUnknown.get(lang).to_string(),
            Error::PeriodsDisagree(seen) => {
                let list: Vec<String> = seen
                    .iter()
                    .map(|(p, files)| format!("{p}: {}", files.join(", ")))
                    .collect();
                text(Text::PeriodsDisagree, &[("list", list.join("; ").as_str())])
            }
            Error::Consolidation(e) => source(Text::Consolidation, e),
            Error::Output(e) => e.message(lang),
            Error::Store(e) => source(Text::Store, e),
            Error::LangFlag(given) => one(Text::LangFlag, given),
            Error::PeriodFlag(given) => one(Text::PeriodFlag, given),
            Error::FormLang => Text::FormLang.get(lang).to_string(),
            Error::UnitFlag { given, known } => text(
                Text::UnitFlag,
                &[("value", given), ("known", known.join(", ").as_str())],
            ),
            Error::NotStored { period, dir } => text(
                Text::NotStored,
                &[
                    ("period", period.to_string().as_str()),
                    ("dir", dir.display().to_string().as_str()),
                ],
            ),
            Error::StoredDamaged { period, source } => text(
                Text::StoredDamaged,
                &[
                    ("period", period.to_string().as_str()),
                    ("source", source.to_string().as_str()),
                ],
            ),
            Error::Generate { dir, source } => text(
                Text::Generate,
                &[
                    ("dir", dir.display().to_string().as_str()),
                    ("source", source.to_string().as_str()),
                ],
            ),
            Error::Bench(detail) => source(Text::Bench, detail),
            Error::NoRegistry => Text::NoRegistry.get(lang).to_string(),
            Error::InitExists(paths) => {
                let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                text(Text::InitExists, &[("list", list.join(", ").as_str())])
            }
            Error::NoFileMatches(p) => one(Text::NoFileMatches, p),
            Error::FilePattern(p) => one(Text::FilePattern, p),
            Error::BriefText(e) => e.message(lang),
            Error::Import(e) => e.message(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_is_told_in_the_runs_language() {
        let e = Error::PeriodFlag("2026-13".into());
        assert_eq!(
            e.to_string(),
            "`2026-13` is not a period: write it as YYYY-MM, for example 2026-03"
        );
        assert_eq!(
            e.message(Lang::Kk),
            "`2026-13` кезең емес: оны YYYY-MM түрінде жазыңыз, мысалы 2026-03"
        );
        let e = Error::UnitFlag {
            given: "nowhere".into(),
            known: vec!["alga".into(), "kobda".into()],
        };
        assert!(e.message(Lang::Ru).contains("(alga, kobda)"), "{e}");
    }
}
