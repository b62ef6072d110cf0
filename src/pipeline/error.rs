//! Why a pipeline file cannot be used: it cannot be read, it is not valid
//! TOML for the settings, or a setting names something that does not exist.
//! Each error names the file and the setting, in the run's language.

use crate::issue::Rule;
use crate::lang::{fill, Lang};
use std::path::PathBuf;

/// A pipeline file that cannot be used; the run stops.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("{}", self.message(Lang::En))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", self.message(Lang::En))]
    Invalid { path: PathBuf, problem: Problem },
}

/// What is wrong inside a pipeline file.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Not TOML, a misspelt or missing key, a value of the wrong type: the
    /// TOML reader's own words, with line and column.
    Syntax(String),
    Lang(String),
    UnitTwice(String),
    NoUnits,
    /// `[section.headers]` names a field the table does not have.
    HeaderField {
        section: &'static str,
        field: String,
        known: &'static [&'static str],
    },
    /// One header text given for two fields.
    HeaderTwice {
        section: &'static str,
        header: String,
        first: String,
        second: String,
    },
    /// `[section].required` names a field the table does not have.
    RequiredField {
        section: &'static str,
        field: String,
    },
    /// A label table names a field the sheet does not have.
    LabelField {
        section: &'static str,
        field: String,
    },
    /// `[rules."…"]` names no rule of the catalogue.
    UnknownRule(String),
    /// `[[row_checks]]` names no rule of the catalogue.
    RowCheckRule(String),
    RowCheckOp {
        rule: String,
        op: String,
    },
    /// `[[row_checks]]` names a field that is not counted.
    RowCheckField {
        field: String,
        known: String,
    },
    RowCheckSide {
        rule: String,
    },
    Severity {
        rule: Rule,
        given: String,
    },
    /// A tolerance, threshold or norm that is negative or not a number.
    Negative {
        rule: Rule,
        setting: &'static str,
    },
    DueDay,
    UtcOffset,
    ResendDay,
    ShareShown,
}

crate::texts! {
    /// The texts of pipeline errors; `{name}` marks where a value goes.
    enum Text {
        Read => (
            "{path} баптау файлын оқу мүмкін емес: {source}",
            "не удаётся прочитать файл настройки {path}: {source}",
            "cannot read the pipeline file {path}: {source}",
        ),
        Invalid => (
            "{path} баптау файлы жарамсыз: {problem}",
            "файл настройки {path} некорректен: {problem}",
            "the pipeline file {path} is not valid: {problem}",
        ),
        Lang => (
            "белгісіз тіл `{value}` (kk, ru немесе en жазыңыз)",
            "неизвестный язык `{value}` (укажите kk, ru или en)",
            "unknown language `{value}` (use kk, ru or en)",
        ),
        UnitTwice => (
            "`{value}` бөлімшесі екі рет берілген",
            "подразделение `{value}` указано дважды",
            "unit `{value}` is listed twice",
        ),
        NoUnits => (
            "[[units]] бөлімшелері берілмеген",
            "не указано ни одного подразделения [[units]]",
            "no [[units]] are listed",
        ),
        HeaderField => (
            "[{section}.headers] белгісіз `{field}` өрісін атайды (белгілілері: {known})",
            "[{section}.headers] называет неизвестное поле `{field}` (известные: {known})",
            "[{section}.headers] names unknown field `{field}` (known: {known})",
        ),
        HeaderTwice => (
            "[{section}.headers]: `{header}` тақырыбы әрі `{first}`, әрі `{second}` үшін берілген",
            "[{section}.headers]: заголовок `{header}` указан и для `{first}`, и для `{second}`",
            "[{section}.headers]: header `{header}` is given for both `{first}` and `{second}`",
        ),
        RequiredField => (
            "[{section}].required белгісіз `{field}` өрісін атайды",
            "[{section}].required называет неизвестное поле `{field}`",
            "[{section}].required names unknown field `{field}`",
        ),
        LabelField => (
            "[{section}] белгісіз `{field}` өрісін атайды",
            "[{section}] называет неизвестное поле `{field}`",
            "[{section}] names unknown field `{field}`",
        ),
        UnknownRule => (
            "[rules] ішіндегі `{value}` ережесі белгісіз",
            "неизвестное правило `{value}` в [rules]",
            "unknown rule `{value}` in [rules]",
        ),
        RowCheckRule => (
            "[[row_checks]] белгісіз `{value}` ережесін атайды",
            "[[row_checks]] называет неизвестное правило `{value}`",
            "[[row_checks]] names unknown rule `{value}`",
        ),
        RowCheckOp => (
            "[[row_checks]] `{rule}`: белгісіз `{op}` амалы",
            "[[row_checks]] `{rule}`: неизвестная операция `{op}`",
            "[[row_checks]] `{rule}`: unknown op `{op}`",
        ),
        RowCheckField => (
            "[[row_checks]] `{field}` өрісін атайды, ол саналатын өріс емес ({known})",
            "[[row_checks]] называет `{field}`, это не числовое поле ({known})",
            "[[row_checks]] names `{field}`, not a counted field ({known})",
        ),
        RowCheckSide => (
            "[[row_checks]] `{rule}`: left пен right кемінде бір өрісті қажет етеді",
            "[[row_checks]] `{rule}`: в left и right нужно хотя бы одно поле",
            "[[row_checks]] `{rule}`: left and right need at least one field",
        ),
        Severity => (
            "`{rule}` ережесі: белгісіз `{value}` маңыздылығы (error, warning, info)",
            "правило `{rule}`: неизвестная важность `{value}` (error, warning, info)",
            "rule `{rule}`: unknown severity `{value}` (error, warning, info)",
        ),
        Negative => (
            "`{rule}` ережесі: {value} теріс емес сан болуы керек",
            "правило `{rule}`: {value} должно быть неотрицательным числом",
            "rule `{rule}`: {value} must be a non-negative number",
        ),
        DueDay => (
            "pipeline.due_day 1 мен 28 аралығында болуы керек",
            "pipeline.due_day должен быть от 1 до 28",
            "pipeline.due_day must be between 1 and 28",
        ),
        ResendDay => (
            "pipeline.resend_day 1 мен 28 аралығында болуы керек",
            "pipeline.resend_day должен быть от 1 до 28",
            "pipeline.resend_day must be between 1 and 28",
        ),
        UtcOffset => (
            "pipeline.utc_offset_hours −12 мен 14 аралығында болуы керек",
            "pipeline.utc_offset_hours должен быть от −12 до 14",
            "pipeline.utc_offset_hours must be between -12 and 14",
        ),
        ShareShown => (
            "pipeline.share_shown \"truncate\" не \"round\" болуы керек, pipeline.share_decimals 0 мен 4 аралығында",
            "pipeline.share_shown должен быть \"truncate\" или \"round\", pipeline.share_decimals от 0 до 4",
            "pipeline.share_shown must be \"truncate\" or \"round\", pipeline.share_decimals between 0 and 4",
        ),
    }
}

impl PipelineError {
    /// What failed, in a language.
    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            PipelineError::Read { path, source } => fill(
                Text::Read.get(lang),
                &[
                    ("path", &path.display().to_string()),
                    ("source", &source.to_string()),
                ],
            ),
            PipelineError::Invalid { path, problem } => fill(
                Text::Invalid.get(lang),
                &[
                    ("path", &path.display().to_string()),
                    ("problem", &problem.message(lang)),
                ],
            ),
        }
    }
}

impl Problem {
    /// What is wrong, in a language.
    pub(crate) fn message(&self, lang: Lang) -> String {
        let one = |text: Text, value: &str| fill(text.get(lang), &[("value", value)]);
        match self {
            Problem::Syntax(s) => s.trim_end().to_string(),
            Problem::Lang(v) => one(Text::Lang, v),
            Problem::UnitTwice(v) => one(Text::UnitTwice, v),
            Problem::NoUnits => Text::NoUnits.get(lang).to_string(),
            Problem::HeaderField {
                section,
                field,
                known,
            } => fill(
                Text::HeaderField.get(lang),
                &[
                    ("section", section),
                    ("field", field),
                    ("known", &known.join(", ")),
                ],
            ),
            Problem::HeaderTwice {
                section,
                header,
                first,
                second,
            } => fill(
                Text::HeaderTwice.get(lang),
                &[
                    ("section", section),
                    ("header", header),
                    ("first", first),
                    ("second", second),
                ],
            ),
            Problem::RequiredField { section, field } => fill(
                Text::RequiredField.get(lang),
                &[("section", section), ("field", field)],
            ),
            Problem::LabelField { section, field } => fill(
                Text::LabelField.get(lang),
                &[("section", section), ("field", field)],
            ),
            Problem::UnknownRule(v) => one(Text::UnknownRule, v),
            Problem::RowCheckRule(v) => one(Text::RowCheckRule, v),
            Problem::RowCheckOp { rule, op } => {
                fill(Text::RowCheckOp.get(lang), &[("rule", rule), ("op", op)])
            }
            Problem::RowCheckField { field, known } => fill(
                Text::RowCheckField.get(lang),
                &[("field", field), ("known", known)],
            ),
            Problem::RowCheckSide { rule } => fill(Text::RowCheckSide.get(lang), &[("rule", rule)]),
            Problem::Severity { rule, given } => fill(
                Text::Severity.get(lang),
                &[("rule", rule.id()), ("value", given)],
            ),
            Problem::Negative { rule, setting } => fill(
                Text::Negative.get(lang),
                &[("rule", rule.id()), ("value", setting)],
            ),
            Problem::DueDay => Text::DueDay.get(lang).to_string(),
            Problem::UtcOffset => Text::UtcOffset.get(lang).to_string(),
            Problem::ResendDay => Text::ResendDay.get(lang).to_string(),
            Problem::ShareShown => Text::ShareShown.get(lang).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_told_in_every_language() {
        let p = Problem::Severity {
            rule: Rule::TotalMismatch,
            given: "fatal".into(),
        };
        assert_eq!(
            p.message(Lang::En),
            "rule `total.mismatch`: unknown severity `fatal` (error, warning, info)"
        );
        assert!(p.message(Lang::Kk).contains("`fatal`"));
        for t in Text::ALL {
            for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                assert!(!t.get(lang).is_empty());
            }
        }
    }
}
