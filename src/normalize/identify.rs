//! Which unit and which period a file is about, from its name and its title
//! rows, in either language and every spelling the districts use.
//!
//! Input: a file name, title texts, the pipeline's units. Output: the unit id
//! and the period, or None. The caller raises `file.unit_unknown` and
//! `file.period_mismatch`.

use crate::normalize::text::{contains_at_word_start, key};
use crate::period::Period;
use crate::pipeline::Pipeline;
use regex::Regex;
use std::sync::OnceLock;

/// Month names: Kazakh (any suffix), Russian and English (whole words only:
/// `Мартукский` is a district, not March).
const MONTHS_WORDS: [&[&str]; 12] = [
    &["январь", "января", "январе", "january", "jan"],
    &["февраль", "февраля", "феврале", "february", "feb"],
    &["март", "марта", "марте", "march", "mar"],
    &["апрель", "апреля", "апреле", "april", "apr"],
    &["май", "мая", "мае", "may"],
    &["июнь", "июня", "июне", "june", "jun"],
    &["июль", "июля", "июле", "july", "jul"],
    &["август", "августа", "августе", "august", "aug"],
    &["сентябрь", "сентября", "сентябре", "september", "sep"],
    &["октябрь", "октября", "октябре", "october", "oct"],
    &["ноябрь", "ноября", "ноябре", "november", "nov"],
    &["декабрь", "декабря", "декабре", "december", "dec"],
];

pub(crate) fn month_of_word(word: &str) -> Option<u32> {
    let by_kk = crate::lang::MONTHS_KK
        .iter()
        .position(|m| word.starts_with(key(m).as_str()));
    let by_word = MONTHS_WORDS.iter().position(|forms| forms.contains(&word));
    by_kk.or(by_word).map(|i| i as u32 + 1)
}

fn numeric_patterns() -> &'static [(Regex, bool)] {
    static P: OnceLock<Vec<(Regex, bool)>> = OnceLock::new();
    P.get_or_init(|| {
        vec![
            // as of 01.04.2026: the month before
            (
                Regex::new(r"(?:^|\D)01[./](0[1-9]|1[0-2])[./](20\d\d)(?:\D|$)").unwrap(),
                true,
            ),
            // 2026-03, 2026_03, 2026.03, 202603
            (
                Regex::new(r"(?:^|\D)(20\d\d)[-_. ]?(0[1-9]|1[0-2])(?:\D|$)").unwrap(),
                false,
            ),
            // 03.2026, 03-2026, 3.2026
            (
                Regex::new(r"(?:^|\D)(0?[1-9]|1[0-2])[-_. ](20\d\d)(?:\D|$)").unwrap(),
                false,
            ),
        ]
    })
}

/// The period a text names, if exactly one can be told.
pub(crate) fn period_in(text: &str) -> Option<Period> {
    let lower = text.to_lowercase();
    // Month written as a word, with a year nearby.
    let words: Vec<String> = key(&lower).split(' ').map(str::to_string).collect();
    let year = words.iter().find_map(|w| {
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        (digits.len() == 4 && digits.starts_with("20"))
            .then(|| digits.parse::<i32>().ok())
            .flatten()
    });
    // "январь – март 2026": the last month named is the period
    let month_word = words.iter().filter_map(|w| month_of_word(w)).next_back();
    if let (Some(y), Some(m)) = (year, month_word) {
        return Period::new(y, m);
    }
    for (i, (re, as_of)) in numeric_patterns().iter().enumerate() {
        if let Some(c) = re.captures(&lower) {
            let (y, m) = if i == 0 || i == 1 {
                let (a, b) = (&c[1], &c[2]);
                if i == 0 {
                    (b.parse().ok()?, a.parse().ok()?)
                } else {
                    (a.parse().ok()?, b.parse().ok()?)
                }
            } else {
                (c[2].parse().ok()?, c[1].parse().ok()?)
            };
            let p = Period::new(y, m)?;
            return Some(if *as_of { p.previous() } else { p });
        }
    }
    None
}

/// The units a text names, best first: a longer stem is a better witness.
/// A stem that is one common word (`тікелей`, `direct`: see
/// [`crate::pipeline::Unit::generic`]) names no unit alone: a phone list
/// titled `Тікелей байланыс` is no report of the directly subordinate
/// organisations.
pub(crate) fn units_in<'p>(pipeline: &'p Pipeline, text: &str) -> Vec<&'p str> {
    let k = key(text);
    let mut found: Vec<(&str, usize)> = Vec::new();
    for u in &pipeline.units {
        if let Some(len) = u
            .keys
            .iter()
            .filter(|s| !u.generic.contains(s))
            .filter(|s| contains_at_word_start(&k, s))
            .map(|s| s.len())
            .max()
        {
            found.push((u.id.as_str(), len));
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    found.into_iter().map(|(id, _)| id).collect()
}

/// The one unit a text names, or None when it names none or several.
pub(crate) fn unit_in<'p>(pipeline: &'p Pipeline, text: &str) -> Option<&'p str> {
    let found = units_in(pipeline, text);
    (found.len() == 1).then(|| found[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn pipeline() -> Pipeline {
        Pipeline::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::pipeline::DEFAULT_PIPELINE),
        )
        .unwrap()
    }

    #[test]
    fn periods_from_names_and_titles() {
        let p = |y, m| Period::new(y, m);
        assert_eq!(period_in("Алға_2026-03.xlsx"), p(2026, 3));
        assert_eq!(period_in("Алгинский р-н март 2026.xls"), p(2026, 3));
        assert_eq!(
            period_in("Хромтау ауданы 03.2026 түзетілген.xlsx"),
            p(2026, 3)
        );
        assert_eq!(period_in("martok_202603.ods"), p(2026, 3));
        assert_eq!(period_in("Қобда_2026_03.xlsx"), p(2026, 3));
        assert_eq!(period_in("Ойыл ауд. 2026 наурыз.xlsx"), p(2026, 3));
        assert_eq!(period_in("2026 жылғы наурыз"), p(2026, 3));
        assert_eq!(period_in("за январь – март 2026 года"), p(2026, 3));
        assert_eq!(period_in("по состоянию на 01.04.2026"), p(2026, 3));
        assert_eq!(period_in("otchet_shalkar.xlsx"), None);
        assert_eq!(period_in("Ілеспе хат Темір.docx"), None);
        assert_eq!(period_in("Мамыр 2025"), p(2025, 5));
        assert_eq!(period_in("Мартукский район 2026-02"), p(2026, 2));
    }

    #[test]
    fn units_from_names() {
        let pl = pipeline();
        for (text, want) in [
            ("Алға_2026-03.xlsx", "alga"),
            ("Алгинский р-н март 2026.xls", "alga"),
            ("Хромтау ауданы 03.2026.xlsx", "khromtau"),
            ("otchet_shalkar.xlsx", "shalkar"),
            ("Есеп Темір наурыз 2026.xlsx", "temir"),
            ("Ақтөбе қаласы 2026-03.xlsx", "aktobe-city"),
            ("Тікелей бағынатын ұйымдар_2026-03.xlsx", "direct"),
            ("Айтекебийский р-н март 2026.xls", "aiteke-bi"),
            ("Ырғыз_ауданы_2026_03.ods", "yrgyz"),
            ("martok_202603.ods", "martok"),
            ("Қобда_2026_03.xlsx", "kobda"),
            ("Ойыл ауд. 2026 наурыз.xlsx", "oiyl"),
            ("Хромтауский районный комитет профсоюза", "khromtau"),
            ("Организации прямого подчинения", "direct"),
        ] {
            assert_eq!(unit_in(&pl, text), Some(want), "{text}");
        }
        assert_eq!(unit_in(&pl, "Ақтөбе облыстық кәсіподақ ұйымы"), None);
        assert_eq!(unit_in(&pl, "report.xlsx"), None);
    }

    #[test]
    fn a_common_word_alone_names_no_unit() {
        let pl = pipeline();
        for text in [
            "Тікелей байланыс телефондары.xlsx",
            "Direct",
            "Direct line",
            "Прямого эфира",
            "Аудандар бойынша",
            "Ауданы",
            "Район 2026-03.xlsx",
        ] {
            assert_eq!(unit_in(&pl, text), None, "{text}");
        }
        let direct = pl.unit("direct").unwrap();
        assert!(direct.generic.iter().any(|k| k == &key("тікелей")));
        assert!(direct.generic.iter().any(|k| k == &key("direct")));
        // A place name is never common.
        for u in pl.units.iter().filter(|u| u.id != "direct") {
            assert!(u.generic.is_empty(), "{}: {:?}", u.id, u.generic);
        }
    }
}
