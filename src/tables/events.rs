//! Sheet 2, training events: one row per event under a located header.
//!
//! Input: a sheet's grid, its header, the period and the vocabularies.
//! Output: [`Events`], each event with its date, form and topic area mapped
//! to the vocabulary, participants and survey results; issues
//! `value.bad_date`, `value.out_of_period`, `value.unknown_category` and the
//! value issues of its cells.

use super::{cell_issue, no_value_issues};
use crate::ingest::grid::{Cell, Grid};
use crate::issue::{Issue, Place, Rule};
use crate::normalize::header::HeaderMatch;
use crate::normalize::value;
use crate::period::Period;
use crate::period::Ymd;
use crate::pipeline::{Pipeline, Vocabulary};

#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub row: u32,
    pub date: Option<Ymd>,
    /// Form and topic area as written, and their vocabulary ids.
    pub form_written: String,
    pub form: Option<String>,
    pub topic: String,
    pub topic_area_written: String,
    pub topic_area: Option<String>,
    pub venue: String,
    pub participants: Option<f64>,
    pub respondents: Option<f64>,
    /// Mean usefulness score, 1..5.
    pub usefulness: Option<f64>,
    /// Share who will apply it in practice, as a fraction.
    pub will_apply: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Events {
    pub sheet: String,
    pub header: HeaderMatch,
    pub participants_col: Option<u32>,
    pub rows: Vec<EventRow>,
    /// Stated total of participants: row and value (None when not computed).
    pub total: Option<(u32, Option<f64>)>,
    pub rows_read: usize,
    pub rows_rejected: usize,
}

impl Events {
    pub fn participants(&self) -> Option<f64> {
        let v: Vec<f64> = self.rows.iter().filter_map(|r| r.participants).collect();
        (!v.is_empty()).then(|| v.iter().sum())
    }
}

fn text_of(cell: &Cell) -> String {
    cell.display()
}

fn map_term(
    vocab: &Vocabulary,
    written: &str,
    place: Place,
    field: &str,
    issues: &mut Vec<Issue>,
) -> Option<String> {
    if written.trim().is_empty() {
        return None;
    }
    match vocab.lookup(written) {
        Some(t) => Some(t.id.clone()),
        None => {
            // The closest term's id: the message names it in the run's language.
            let suggestion = vocab
                .closest(written)
                .map(|(t, _)| t.id.clone())
                .unwrap_or_default();
            issues.push(
                Issue::new(Rule::ValueUnknownCategory, place)
                    .field(field)
                    .actual(written.trim())
                    .detail(suggestion),
            );
            None
        }
    }
}

/// Reads the events under the header.
pub fn read(
    grid: &Grid,
    file: &str,
    sheet: &str,
    header: HeaderMatch,
    pipeline: &Pipeline,
    period: Option<Period>,
) -> (Events, Vec<Issue>) {
    let spec = &pipeline.events;
    let col = |f: &str| header.col(f);
    let (date_c, form_c, topic_c, area_c, venue_c, part_c) = (
        col("event.date"),
        col("event.form"),
        col("event.topic"),
        col("event.topic_area"),
        col("event.venue"),
        col("event.participants"),
    );
    let (resp_c, use_c, apply_c) = (
        col("event.respondents"),
        col("event.usefulness"),
        col("event.will_apply"),
    );
    let label_upto = [col("row_number"), date_c, topic_c, form_c]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);
    let mut issues = Vec::new();
    let mut rows = Vec::new();
    let mut total = None;
    let mut read_count = 0;
    let mut rejected = 0;

    for row in grid.rows.iter().filter(|r| r.index > header.last_row) {
        if row.is_blank() {
            continue;
        }
        if let Some(_label) = super::coverage::total_label(row, label_upto, spec) {
            let r = part_c.map(|c| value::count(row.get(c)));
            if let Some(r) = &r {
                if r.no_value {
                    issues.extend(no_value_issues(
                        file,
                        sheet,
                        row.index,
                        &[part_c.unwrap_or(0)],
                    ));
                }
            }
            total = Some((row.index, r.and_then(|r| r.value)));
            break;
        }
        let get = |c: Option<u32>| c.map_or(&Cell::Empty, |c| row.get(c));
        let meaningful = [date_c, part_c, topic_c, form_c]
            .into_iter()
            .flatten()
            .any(|c| !row.get(c).is_empty());
        if !meaningful {
            continue;
        }
        read_count += 1;
        let topic = text_of(get(topic_c));
        let org_ref = (!topic.is_empty()).then_some(topic.as_str());

        let mut date = None;
        if let Some(dc) = date_c {
            let r = value::date(row.get(dc), grid.is_1904);
            if let Some(p) = &r.problem {
                issues.push(cell_issue(
                    file,
                    sheet,
                    row.index,
                    dc,
                    p,
                    "event.date",
                    None,
                ));
            } else if r.no_value {
                issues.extend(no_value_issues(file, sheet, row.index, &[dc]));
            }
            date = r.value;
            if let (Some(d), Some(p)) = (date, period) {
                let (ey, em, _) = p.as_of();
                let start = Ymd {
                    year: p.year,
                    month: 1,
                    day: 1,
                };
                let end = Ymd {
                    year: ey,
                    month: em,
                    day: 1,
                };
                if d < start || d >= end {
                    issues.push(
                        Issue::new(
                            Rule::ValueOutOfPeriod,
                            Place::cell(file, sheet, row.index, dc),
                        )
                        .field("event.date")
                        .actual(d.dd_mm_yyyy())
                        .expected(format!(
                            "01.01.{} – {}",
                            p.year,
                            p.last_day().dd_mm_yyyy()
                        )),
                    );
                }
            }
        }
        let form_written = text_of(get(form_c));
        let form = form_c.and_then(|c| {
            map_term(
                &pipeline.forms,
                &form_written,
                Place::cell(file, sheet, row.index, c),
                "event.form",
                &mut issues,
            )
        });
        let topic_area_written = text_of(get(area_c));
        let topic_area = area_c.and_then(|c| {
            map_term(
                &pipeline.topic_areas,
                &topic_area_written,
                Place::cell(file, sheet, row.index, c),
                "event.topic_area",
                &mut issues,
            )
        });
        let mut number = |c: Option<u32>, field: &str, fractional_ok: bool| -> Option<f64> {
            let c = c?;
            let r = if fractional_ok {
                value::amount(row.get(c))
            } else {
                value::count(row.get(c))
            };
            if let Some(p) = &r.problem {
                issues.push(cell_issue(file, sheet, row.index, c, p, field, org_ref));
            }
            r.value
        };
        let participants = number(part_c, "event.participants", false);
        let respondents = number(resp_c, "event.respondents", false);
        let usefulness = number(use_c, "event.usefulness", true);
        let will_apply = apply_c.and_then(|c| {
            let r = value::share(row.get(c));
            r.value.map(|s| {
                if s.percent_sign || s.value > 1.0 {
                    s.value / 100.0
                } else {
                    s.value
                }
            })
        });
        if date.is_none() && participants.is_none() && topic.is_empty() {
            rejected += 1;
            // A rejected row always says why at its row: with nothing else
            // wrong in it, what is missing is its date.
            let said = issues
                .iter()
                .any(|i| i.place.excel_row() == Some(row.index + 1));
            if let (false, Some(dc)) = (said, date_c) {
                issues.push(
                    Issue::new(Rule::ValueBadDate, Place::cell(file, sheet, row.index, dc))
                        .field("event.date")
                        .actual(text_of(row.get(dc))),
                );
            }
        }
        rows.push(EventRow {
            row: row.index,
            date,
            form_written,
            form,
            topic,
            topic_area_written,
            topic_area,
            venue: text_of(get(venue_c)),
            participants,
            respondents,
            usefulness,
            will_apply,
        });
    }
    (
        Events {
            sheet: sheet.to_string(),
            header,
            participants_col: part_c,
            rows,
            total,
            rows_read: read_count,
            rows_rejected: rejected,
        },
        issues,
    )
}
