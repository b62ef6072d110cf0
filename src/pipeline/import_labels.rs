//! The labels by which `jinaq history import` finds the rows of the seed's
//! table (`[history.import]` of the pipeline file): each field with its
//! Kazakh, Russian and English labels, and the connectors (`оның ішінде`,
//! `в том числе`) a label may open with.
//!
//! A label is matched on its key with the spaces taken out, so a word broken
//! by a hyphen or a line break (`ұйымдары-ның`, `ұйымдары-\nның`) reads as
//! one; numbering (`1.`, `1)`, `2.1`) and connectors at the start are passed
//! over; the longest label the text starts with wins, so that "кәсіподақ
//! мүшелерінің жалпы саны" is the members and "кәсіподақ мүшелері" the
//! category, and whatever follows a label ("оның ішінде:", ", %") is free.

use crate::measures::MEASURES;
use crate::normalize::text::key;

/// The fields a seed-shaped table's rows give besides the seven counted
/// figures ([`MEASURES`]): the share, and the further rows an office table
/// may hold.
const FURTHER_FIELDS: &[&str] = &[
    "trained_share",
    "orgs",
    "events",
    "participants",
    "finance.budget",
    "finance.training",
    "finance.share",
];

fn is_import_field(field: &str) -> bool {
    MEASURES.contains(&field) || FURTHER_FIELDS.contains(&field)
}

/// The labels of the import, resolved.
#[derive(Debug, Clone, Default)]
pub(crate) struct ImportLabels {
    /// (label key without spaces, field), longest first.
    labels: Vec<(String, String)>,
    /// Connector keys without spaces, longest first.
    connectors: Vec<String>,
}

/// A key without its spaces: words broken across a hyphen or a line break
/// compare whole.
fn compact(text: &str) -> String {
    key(text).chars().filter(|c| *c != ' ').collect()
}

impl ImportLabels {
    /// Builds the labels; Err(field) for a field no row gives.
    pub(crate) fn new(
        labels: &std::collections::BTreeMap<String, Vec<String>>,
        connectors: &[String],
    ) -> Result<ImportLabels, String> {
        let mut out = ImportLabels::default();
        for (field, texts) in labels {
            if !is_import_field(field) {
                return Err(field.clone());
            }
            out.labels
                .extend(texts.iter().map(|t| (compact(t), field.clone())));
        }
        out.labels.retain(|(l, _)| !l.is_empty());
        out.labels
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        out.connectors = connectors.iter().map(|c| compact(c)).collect();
        out.connectors.retain(|c| !c.is_empty());
        out.connectors
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        Ok(out)
    }

    /// The field a row's label names, if any.
    pub(crate) fn field_of(&self, text: &str) -> Option<&str> {
        let k = key(text);
        // Numbering first: `1`, `1 2`, `2)` (their dots and brackets are
        // spaces in a key).
        let words = k
            .split(' ')
            .skip_while(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
        let mut rest: String = words.collect();
        while let Some(c) = self
            .connectors
            .iter()
            .find(|c| rest.starts_with(c.as_str()))
        {
            rest = rest[c.len()..].to_string();
        }
        if rest.is_empty() {
            return None;
        }
        self.labels
            .iter()
            .find(|(l, _)| rest.starts_with(l.as_str()))
            .map(|(_, f)| f.as_str())
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::Pipeline;
    use std::path::Path;

    #[test]
    fn the_seeds_labels_and_their_variants() {
        let p = Pipeline::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::pipeline::DEFAULT_PIPELINE),
        )
        .unwrap();
        let l = &p.history_import;
        for (text, field) in [
            ("Кәсіподақ мүшелерінің жалпы саны", "members"),
            ("1. Кәсіподақ мүшелерінің жалпы саны", "members"),
            ("Общее количество членов профсоюза", "members"),
            (
                "Кәсіподақтық оқытудан өткендер саны. Оның ішінде:",
                "trained.total",
            ),
            (
                "2) Количество прошедших профсоюзное обучение, в том числе:",
                "trained.total",
            ),
            ("кәсіподақ мүшелері", "trained.members"),
            ("в том числе членов профсоюза", "trained.members"),
            ("оның ішінде: кәсіподақ мүшелері", "trained.members"),
            ("тексеру комиссияларының мүшелері", "trained.audit"),
            ("членов ревизионных комиссий", "trained.audit"),
            ("кәсіподақ активі", "trained.activists"),
            ("профсоюзный актив", "trained.activists"),
            ("кәсіподақ ұйымдары-ның төрағалары", "trained.chairs"),
            ("кәсіподақ ұйымдары-\nның төрағалары", "trained.chairs"),
            ("председателей профсоюзных организаций", "trained.chairs"),
            ("келісу комиссияларының мүшелері", "trained.conciliation"),
            ("членов согласительных комиссий", "trained.conciliation"),
            (
                "Оқытудан өткендердің кәсіподақ мүшелерінің жалпы санына шаққандағы пайызы",
                "trained_share",
            ),
            (
                "Процент обученных от общего числа членов профсоюза",
                "trained_share",
            ),
            ("Бастауыш кәсіподақ ұйымдарының саны", "orgs"),
            ("Количество первичных профсоюзных организаций", "orgs"),
            ("Оқыту іс-шараларының саны", "events"),
            ("Количество обучающих мероприятий", "events"),
            ("Доля расходов на обучение, %", "finance.share"),
        ] {
            assert_eq!(l.field_of(text), Some(field), "{text}");
        }
        for text in ["№", "Көрсеткіш", "Показатель", "1.", "в том числе", ""]
        {
            assert_eq!(l.field_of(text), None, "{text}");
        }
    }
}
