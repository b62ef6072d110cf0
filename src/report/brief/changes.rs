//! What changed, written from the data: the largest changes by category,
//! the units with the lowest and the highest coverage, how many units were
//! below the financing norm each year, the survey where one was reported,
//! and the priority topic areas' share of events. A sentence whose data is
//! missing is left out; no sentence at all leaves the paragraph out.

use super::blocks::{share_text, Block};
use super::figures::{count, noun, share_of};
use super::texts::T;
use super::{Brief, Year};
use crate::breakdown::{area_reach, survey_total};
use crate::lang::fill;

/// How many categories the sentence of changes names at most.
const LARGEST: usize = 3;

/// The paragraph of what changed: its lead, then its sentences.
pub(super) fn changes(b: &Brief) -> Vec<Block> {
    let sentences: Vec<String> = [
        categories(b),
        coverage(b),
        below_norm_counts(b),
        survey(b).filter(|s| !s.is_empty()),
        priority(b),
    ]
    .into_iter()
    .flatten()
    .collect();
    if sentences.is_empty() {
        return Vec::new();
    }
    let lead = T::ChangesLead.get(b.lang);
    vec![Block::marked(&format!(
        "**{lead}** {}",
        sentences.join(" ")
    ))]
}

/// The categories that changed most since last year: `кәсіподақ активі
/// 238 → 1 131`.
fn categories(b: &Brief) -> Option<String> {
    let l = b.lang;
    let last = b.last.as_ref()?;
    let labels = [
        T::RowCatMembers,
        T::RowCatAudit,
        T::RowCatActivists,
        T::RowCatChairs,
        T::RowCatConciliation,
    ];
    // `fields()` gives the total first, then the five categories.
    let now = b.this.region.trained.fields();
    let before = last.region.trained.fields();
    let mut changed: Vec<(T, f64, f64)> = labels
        .iter()
        .zip(now.iter().skip(1).zip(before.iter().skip(1)))
        .filter_map(|(label, ((_, n), (_, p)))| Some((*label, (*n)?, (*p)?)))
        .filter(|(_, n, p)| n != p)
        .collect();
    // Largest first; a tie keeps the table's order.
    changed.sort_by(|a, b| (b.1 - b.2).abs().total_cmp(&(a.1 - a.2).abs()));
    changed.truncate(LARGEST);
    if changed.is_empty() {
        return None;
    }
    let list: Vec<String> = changed
        .iter()
        .map(|(label, now, before)| {
            fill(
                T::CategoryChange.get(l),
                &[
                    ("category", label.get(l)),
                    ("last", &count(*before, l)),
                    ("now", &count(*now, l)),
                ],
            )
        })
        .collect();
    Some(fill(
        T::CategoryChanges.get(l),
        &[
            ("last_year", &last.period.year.to_string()),
            ("year", &b.this.period.year.to_string()),
            ("list", &list.join(", ")),
        ],
    ))
}

/// The units with the lowest and the highest share of members trained.
fn coverage(b: &Brief) -> Option<String> {
    let shares: Vec<(&str, f64)> = b
        .this
        .units
        .iter()
        .filter_map(|(unit, f)| Some((*unit, share_of(f.trained.total, f.members)?)))
        .collect();
    // The first of equal shares, in the pipeline's order of units.
    let low = shares
        .iter()
        .copied()
        .reduce(|a, c| if c.1 < a.1 { c } else { a })?;
    let high = shares
        .iter()
        .copied()
        .reduce(|a, c| if c.1 > a.1 { c } else { a })?;
    if low.1 >= high.1 {
        return None;
    }
    let named = |(unit, share): (&str, f64)| {
        fill(
            T::UnitValue.get(b.lang),
            &[
                ("unit", b.unit_name(unit)),
                ("value", &share_text(share, b.pipeline.share, b.lang)),
            ],
        )
    };
    Some(fill(
        T::CoverageRange.get(b.lang),
        &[("low", &named(low)), ("high", &named(high))],
    ))
}

/// Units below the financing norm, a count per year; None for a year where
/// no unit reported financing.
fn below_norm(y: &Year, norm: f64) -> Option<usize> {
    let shares: Vec<f64> = y
        .units
        .iter()
        .filter_map(|(_, f)| f.finance.as_ref()?.share)
        .collect();
    (!shares.is_empty()).then(|| shares.iter().filter(|s| **s + 1e-12 < norm).count())
}

fn below_norm_counts(b: &Brief) -> Option<String> {
    let last = b.last.as_ref()?;
    let now = below_norm(&b.this, b.norm)?;
    let before = below_norm(last, b.norm)?;
    Some(fill(
        T::BelowNormCounts.get(b.lang),
        &[
            ("last_year", &last.period.year.to_string()),
            ("last", &before.to_string()),
            ("year", &b.this.period.year.to_string()),
            ("now", &now.to_string()),
        ],
    ))
}

/// The survey after the events, this year, where one was reported:
/// respondents, mean usefulness, and the share who will apply it.
fn survey(b: &Brief) -> Option<String> {
    let l = b.lang;
    let s = survey_total(b.events).ok()?;
    let mut out = Vec::new();
    if let (Some(respondents), Some(rate)) = (s.respondents, s.response_rate()) {
        if respondents > 0.0 {
            out.push(fill(
                T::SurveyRespondents.get(l),
                &[
                    ("respondents", &count(respondents, l)),
                    ("people_noun", noun(respondents, T::Respondents, l)),
                    ("rate", &share_text(rate, b.pipeline.share, l)),
                ],
            ));
        }
    }
    if let Some(score) = s.usefulness {
        let score = (score * 10.0).round() / 10.0;
        out.push(fill(
            T::SurveyUsefulness.get(l),
            &[("score", &crate::messages::fmt_num(score, l))],
        ));
    }
    if let Some(apply) = s.will_apply {
        out.push(fill(
            T::SurveyApply.get(l),
            &[("share", &share_text(apply, b.pipeline.share, l))],
        ));
    }
    Some(out.join(" "))
}

/// The events of the pipeline's priority topic areas, and their share of
/// all events this year.
fn priority(b: &Brief) -> Option<String> {
    let l = b.lang;
    let priority: Vec<&crate::pipeline::Term> = b
        .pipeline
        .topic_areas
        .terms
        .iter()
        .filter(|t| t.priority)
        .collect();
    if priority.is_empty() {
        return None;
    }
    let reach = area_reach(b.events).ok()?;
    let all: usize = reach.iter().map(|r| r.events).sum();
    if all == 0 {
        return None;
    }
    let held: usize = reach
        .iter()
        .filter(|r| {
            r.topic_area
                .as_deref()
                .is_some_and(|a| priority.iter().any(|t| t.id == a))
        })
        .map(|r| r.events)
        .sum();
    let areas: Vec<String> = priority.iter().map(|t| lower_first(t.name(l))).collect();
    Some(fill(
        T::PriorityShare.get(l),
        &[
            ("areas", &areas.join(", ")),
            ("events", &count(held as f64, l)),
            ("events_noun", noun(held as f64, T::EventsNoun, l)),
            (
                "share",
                &share_text(held as f64 / all as f64, b.pipeline.share, l),
            ),
        ],
    ))
}

/// A name inside a sentence: its first letter in lower case.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}
