//! The sections of the brief written from the figures: the organisation in
//! brief (2), the figures with the two years' table (5) and financing (6).
//! A figure nobody reported is said to be missing, never written as 0.

use super::blocks::{budget_share_text, share_text, Block};
use super::texts::{AsOfMonth, T};
use super::{Brief, Year};
use crate::lang::{fill, plural, Lang};
use crate::messages::fmt_num;
use crate::period::Period;

/// A count as the brief writes it: `33 557` (a non-breaking space between
/// thousands).
pub(super) fn count(v: f64, lang: Lang) -> String {
    fmt_num(v, lang)
}

/// The noun of a table text that a count asks for.
pub(super) fn noun(n: f64, forms: T, lang: Lang) -> &'static str {
    plural::noun(n.max(0.0) as u64, forms.get(lang), lang)
}

/// The as-of date of a period in words: `2026 жылғы 01 қаңтардағы`,
/// `1 января 2026 года`.
pub(super) fn as_of_words(period: Period, lang: Lang) -> String {
    let (year, month, day) = period.as_of();
    let day = if lang == Lang::Kk {
        format!("{day:02}")
    } else {
        day.to_string()
    };
    fill(
        T::AsOf.get(lang),
        &[
            ("year", &year.to_string()),
            ("day", &day),
            ("month", AsOfMonth::ALL[(month - 1) as usize].get(lang)),
        ],
    )
}

/// Section 2: organisations and members on the as-of date.
pub(super) fn organisation(b: &Brief) -> Vec<Block> {
    let l = b.lang;
    let orgs = b.orgs as f64;
    let as_of = as_of_words(b.this.period, l);
    let values = |members: &str, people_noun: &str| -> String {
        let text = if members.is_empty() {
            T::MembersUnknown
        } else {
            T::OrgsAndMembers
        };
        fill(
            text.get(l),
            &[
                ("as_of", &as_of),
                ("orgs", &count(orgs, l)),
                ("orgs_noun", noun(orgs, T::OrgsNoun, l)),
                ("members", members),
                ("people_noun", people_noun),
            ],
        )
    };
    let sentence = match b.this.region.members {
        Some(m) => values(&count(m, l), noun(m, T::PeopleAcc, l)),
        None => values("", ""),
    };
    vec![Block::marked(&sentence)]
}

/// A year's events sentence, or that they were not reported.
fn events_sentence(year: &Year, text: T, events_noun: T, people_noun: T, lang: Lang) -> String {
    let y = year.period.year.to_string();
    match (year.region.events, year.region.participants) {
        (Some(events), Some(people)) => fill(
            text.get(lang),
            &[
                ("year", &y),
                ("events", &count(events as f64, lang)),
                ("events_noun", noun(events as f64, events_noun, lang)),
                ("participants", &count(people, lang)),
                ("people_noun", noun(people, people_noun, lang)),
            ],
        ),
        _ => fill(T::EventsUnknown.get(lang), &[("year", &y)]),
    }
}

/// Section 5: events of both years, then the table.
pub(super) fn training(b: &Brief) -> Vec<Block> {
    let l = b.lang;
    let mut out = Vec::new();
    match &b.last {
        Some(last) => out.push(Block::marked(&events_sentence(
            last,
            T::EventsLastYear,
            T::EventsNounLast,
            T::PeopleGen,
            l,
        ))),
        None => out.push(Block::marked(&fill(
            T::NoLastYear.get(l),
            &[
                ("year", &(b.this.period.year - 1).to_string()),
                ("period", &b.this.period.year_before().to_string()),
                ("command", "jinaq history import"),
            ],
        ))),
    }
    out.push(Block::marked(&events_sentence(
        &b.this,
        T::EventsThisYear,
        T::EventsNounThis,
        T::People,
        l,
    )));
    out.push(Block::marked(T::TableIntro.get(l)));
    out.push(table(b));
    out
}

/// The table in the seed's shape: the eight indicators, one column per
/// as-of date, last year first.
fn table(b: &Brief) -> Block {
    let l = b.lang;
    let years: Vec<&Year> = b.last.iter().chain(std::iter::once(&b.this)).collect();
    let mut head = vec![
        T::ColNo.get(l).to_string(),
        T::ColIndicator.get(l).to_string(),
    ];
    head.extend(years.iter().map(|y| {
        fill(
            T::ColAsOf.get(l),
            &[("date", y.period.as_of_dotted().as_str())],
        )
    }));
    let labels = [
        T::RowMembers,
        T::RowTrained,
        T::RowCatMembers,
        T::RowCatAudit,
        T::RowCatActivists,
        T::RowCatChairs,
        T::RowCatConciliation,
        T::RowShare,
    ];
    let rows = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut row = vec![format!("{}.", i + 1), label.get(l).to_string()];
            row.extend(years.iter().map(|y| cell(b, y, i)));
            row
        })
        .collect();
    Block::Table { head, rows }
}

/// The value of indicator `i` (0-based, the table's order) of a year; empty
/// where not reported.
fn cell(b: &Brief, y: &Year, i: usize) -> String {
    let f = y.region;
    let t = &f.trained;
    let value = match i {
        0 => f.members,
        1 => t.total,
        2 => t.members,
        3 => t.audit,
        4 => t.activists,
        5 => t.chairs,
        6 => t.conciliation,
        _ => {
            return share_of(t.total, f.members)
                .map(|s| share_text(s, b.pipeline.share, b.lang))
                .unwrap_or_default()
        }
    };
    value.map(|v| count(v, b.lang)).unwrap_or_default()
}

/// Trained over members, where both are known and members are not 0.
pub(super) fn share_of(part: Option<f64>, whole: Option<f64>) -> Option<f64> {
    match (part, whole) {
        (Some(p), Some(w)) if w > 0.0 => Some(p / w),
        _ => None,
    }
}

/// Section 6: the norm, the share of each year against it, and the units
/// below it.
pub(super) fn financing(b: &Brief) -> Vec<Block> {
    let l = b.lang;
    let shown = b.pipeline.share;
    let norm = b.norm;
    let pct = |s: f64| budget_share_text(s, shown, l);
    let mut text = fill(T::Norm.get(l), &[("norm", &pct(norm))]);
    let year = b.this.period.year.to_string();
    let this = finance_share(&b.this);
    let last = b.last.as_ref().and_then(finance_share);
    let meets = |s: f64| s + 1e-12 >= norm;
    let sentence = match (this, last) {
        (Some(now), Some(before)) => {
            let verdict = match (now > before + 1e-12, now + 1e-12 < before, meets(now)) {
                (true, _, true) => T::RoseToNorm,
                (true, _, false) => T::RoseBelowNorm,
                (_, true, true) => T::FellMeetsNorm,
                (_, true, false) => T::FellBelowNorm,
                (_, _, true) => T::MeetsNorm,
                (_, _, false) => T::BelowNorm,
            };
            let last_year = (b.this.period.year - 1).to_string();
            fill(
                T::SharesTwoYears.get(l),
                &[
                    ("last_year", &last_year),
                    ("last", &pct(before)),
                    ("year", &year),
                    ("share", &pct(now)),
                    ("verdict", verdict.get(l)),
                ],
            )
        }
        (Some(now), None) => {
            let verdict = if meets(now) {
                T::MeetsNorm
            } else {
                T::BelowNorm
            };
            fill(
                T::ShareOneYear.get(l),
                &[
                    ("year", &year),
                    ("share", &pct(now)),
                    ("verdict", verdict.get(l)),
                ],
            )
        }
        (None, _) => fill(T::FinanceUnknown.get(l), &[("year", &year)]),
    };
    text.push(' ');
    text.push_str(&sentence);
    let mut out = vec![Block::marked(&text)];
    out.extend(units_against_norm(b));
    out
}

fn finance_share(y: &Year) -> Option<f64> {
    y.region.finance.as_ref().and_then(|f| f.share)
}

/// The units of this year below the norm, by name with their shares; or
/// that all that reported meet it; and the units that owed financing and
/// did not report it.
fn units_against_norm(b: &Brief) -> Vec<Block> {
    let l = b.lang;
    let year = b.this.period.year.to_string();
    let below: Vec<String> = b
        .this
        .units
        .iter()
        .filter_map(|(unit, f)| {
            let s = f.finance.as_ref()?.share?;
            (s + 1e-12 < b.norm).then(|| {
                fill(
                    T::UnitValue.get(l),
                    &[
                        ("unit", b.unit_name(unit)),
                        ("value", &budget_share_text(s, b.pipeline.share, l)),
                    ],
                )
            })
        })
        .collect();
    let reported = b.this.units.iter().any(|(_, f)| f.finance.is_some());
    let mut out = Vec::new();
    if !below.is_empty() {
        out.push(Block::marked(&fill(
            T::UnitsBelowNorm.get(l),
            &[("year", &year), ("units", &below.join(", "))],
        )));
    } else if reported {
        out.push(Block::marked(&fill(
            T::AllMeetNorm.get(l),
            &[("year", &year)],
        )));
    }
    let missing: Vec<&str> = b
        .this
        .units
        .iter()
        .filter(|(unit, f)| {
            f.finance.is_none() && b.pipeline.unit(unit).is_some_and(|u| u.reports_finance)
        })
        .map(|(unit, _)| b.unit_name(unit))
        .collect();
    if reported && !missing.is_empty() {
        out.push(Block::marked(&fill(
            T::UnitsNoFinance.get(l),
            &[("units", &missing.join(", "))],
        )));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_as_of_date_in_words() {
        let december = Period::new(2025, 12).unwrap();
        assert_eq!(as_of_words(december, Lang::Kk), "2026 жылғы 01 қаңтардағы");
        assert_eq!(as_of_words(december, Lang::Ru), "1 января 2026 года");
        let march = Period::new(2026, 3).unwrap();
        assert_eq!(as_of_words(march, Lang::Kk), "2026 жылғы 01 сәуірдегі");
        assert_eq!(as_of_words(march, Lang::En), "April 1, 2026");
    }

    #[test]
    fn a_count_takes_the_noun_its_number_asks_for() {
        assert_eq!(
            noun(614.0, T::OrgsNoun, Lang::Ru),
            "первичных профсоюзных организаций"
        );
        assert_eq!(
            noun(21.0, T::OrgsNoun, Lang::Ru),
            "первичную профсоюзную организацию"
        );
        assert_eq!(
            noun(64.0, T::EventsNounThis, Lang::Ru),
            "обучающих семинара"
        );
        assert_eq!(noun(5673.0, T::PeopleGen, Lang::Ru), "человек");
        assert_eq!(
            noun(614.0, T::OrgsNoun, Lang::Kk),
            "бастауыш кәсіподақ ұйымын"
        );
        assert_eq!(share_of(Some(1.0), Some(0.0)), None);
    }
}
