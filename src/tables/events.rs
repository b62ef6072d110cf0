//! Sheet 2, training events: one row per event under a located header.
//!
//! Input: a sheet's grid, its header, the period and the vocabularies.
//! Output: [`Events`], each event with its date, form and topic area mapped
//! to the vocabulary, participants and survey results; issues
//! `value.bad_date`, `value.out_of_period`, `value.unknown_category` and the
//! value issues of its cells.

use super::{cell_issue, no_value_issues};
use crate::ingest::grid::{Cell, Grid, GridRow};
use crate::issue::{Issue, Place, Rule};
use crate::normalize::header::HeaderMatch;
use crate::normalize::value;
use crate::period::{Period, Ymd};
use crate::pipeline::{Pipeline, Vocabulary};

#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub row: u32,
    pub date: Option<Ymd>,
    /// Form and topic area as written, and their vocabulary ids.
    pub form_written: String,
    pub(crate) form: Option<String>,
    pub topic: String,
    pub topic_area_written: String,
    pub(crate) topic_area: Option<String>,
    pub venue: String,
    pub participants: Option<f64>,
    pub(crate) respondents: Option<f64>,
    /// Mean usefulness score, 1..5.
    pub(crate) usefulness: Option<f64>,
    /// Share who will apply it in practice, as a fraction.
    pub(crate) will_apply: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Events {
    pub sheet: String,
    pub(crate) header: HeaderMatch,
    pub(crate) participants_col: Option<u32>,
    pub rows: Vec<EventRow>,
    /// Stated total of participants: row and value (None when not computed).
    pub(crate) total: Option<(u32, Option<f64>)>,
    pub rows_read: usize,
    pub rows_rejected: usize,
}

impl Events {
    pub(crate) fn participants(&self) -> Option<f64> {
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

/// The columns of the event fields, where the header has them.
struct Columns {
    date: Option<u32>,
    form: Option<u32>,
    topic: Option<u32>,
    area: Option<u32>,
    venue: Option<u32>,
    participants: Option<u32>,
    respondents: Option<u32>,
    usefulness: Option<u32>,
    will_apply: Option<u32>,
    /// The last column a total row's label may stand in.
    label_upto: u32,
}

impl Columns {
    fn of(header: &HeaderMatch) -> Columns {
        let col = |f: &str| header.col(f);
        let (date, form, topic) = (col("event.date"), col("event.form"), col("event.topic"));
        Columns {
            date,
            form,
            topic,
            area: col("event.topic_area"),
            venue: col("event.venue"),
            participants: col("event.participants"),
            respondents: col("event.respondents"),
            usefulness: col("event.usefulness"),
            will_apply: col("event.will_apply"),
            label_upto: [col("row_number"), date, topic, form]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(0),
        }
    }
}

/// Reads the events under the header.
pub(crate) fn read(
    grid: &Grid,
    file: &str,
    sheet: &str,
    header: HeaderMatch,
    pipeline: &Pipeline,
    period: Option<Period>,
) -> (Events, Vec<Issue>) {
    let cols = Columns::of(&header);
    let mut reader = RowReader {
        grid,
        file,
        sheet,
        pipeline,
        period,
        cols: &cols,
        issues: Vec::new(),
    };
    let mut rows = Vec::new();
    let mut total = None;
    let mut read_count = 0;
    let mut rejected = 0;
    for row in grid.rows.iter().filter(|r| r.index > header.last_row) {
        if row.is_blank() {
            continue;
        }
        if super::coverage::total_label(row, cols.label_upto, &pipeline.events).is_some() {
            total = Some(reader.total(row));
            break;
        }
        let meaningful = [cols.date, cols.participants, cols.topic, cols.form]
            .into_iter()
            .flatten()
            .any(|c| !row.get(c).is_empty());
        if !meaningful {
            continue;
        }
        read_count += 1;
        let event = reader.event(row);
        if event.date.is_none() && event.participants.is_none() && event.topic.is_empty() {
            rejected += 1;
            reader.say_why_rejected(row);
        }
        rows.push(event);
    }
    (
        Events {
            sheet: sheet.to_string(),
            header,
            participants_col: cols.participants,
            rows,
            total,
            rows_read: read_count,
            rows_rejected: rejected,
        },
        reader.issues,
    )
}

/// Reads event rows one by one, gathering their issues.
struct RowReader<'a> {
    grid: &'a Grid,
    file: &'a str,
    sheet: &'a str,
    pipeline: &'a Pipeline,
    period: Option<Period>,
    cols: &'a Columns,
    issues: Vec<Issue>,
}

impl RowReader<'_> {
    /// The stated total of participants: its row and value.
    fn total(&mut self, row: &GridRow) -> (u32, Option<f64>) {
        let r = self.cols.participants.map(|c| value::count(row.get(c)));
        if r.as_ref().is_some_and(|r| r.no_value) {
            let c = self.cols.participants.unwrap_or(0);
            self.issues
                .extend(no_value_issues(self.file, self.sheet, row.index, &[c]));
        }
        (row.index, r.and_then(|r| r.value))
    }

    fn event(&mut self, row: &GridRow) -> EventRow {
        let c = self.cols;
        let text = |col: Option<u32>| text_of(col.map_or(&Cell::Empty, |col| row.get(col)));
        let topic = text(c.topic);
        let date = c.date.and_then(|dc| self.date(row, dc));
        let form_written = text(c.form);
        let form = self.term(row, c.form, &form_written, "event.form");
        let topic_area_written = text(c.area);
        let topic_area = self.term(row, c.area, &topic_area_written, "event.topic_area");
        let org_ref = (!topic.is_empty()).then_some(topic.as_str());
        let participants = self.number(row, c.participants, "event.participants", false, org_ref);
        let respondents = self.number(row, c.respondents, "event.respondents", false, org_ref);
        let usefulness = self.number(row, c.usefulness, "event.usefulness", true, org_ref);
        let will_apply = c.will_apply.and_then(|col| {
            value::share(row.get(col)).value.map(|s| {
                if s.percent_sign || s.value > 1.0 {
                    s.value / 100.0
                } else {
                    s.value
                }
            })
        });
        EventRow {
            row: row.index,
            date,
            form_written,
            form,
            topic,
            topic_area_written,
            topic_area,
            venue: text(c.venue),
            participants,
            respondents,
            usefulness,
            will_apply,
        }
    }

    /// The event's date; a date outside the year up to the period's end is
    /// kept and reported.
    fn date(&mut self, row: &GridRow, dc: u32) -> Option<Ymd> {
        let (file, sheet) = (self.file, self.sheet);
        let r = value::date(row.get(dc), self.grid.is_1904);
        if let Some(p) = &r.problem {
            self.issues.push(cell_issue(
                file,
                sheet,
                row.index,
                dc,
                p,
                "event.date",
                None,
            ));
        } else if r.no_value {
            self.issues
                .extend(no_value_issues(file, sheet, row.index, &[dc]));
        }
        if let (Some(d), Some(p)) = (r.value, self.period) {
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
                self.issues.push(
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
        r.value
    }

    /// A form or topic area mapped to its vocabulary.
    fn term(
        &mut self,
        row: &GridRow,
        col: Option<u32>,
        written: &str,
        field: &str,
    ) -> Option<String> {
        let vocab = if field == "event.form" {
            &self.pipeline.forms
        } else {
            &self.pipeline.topic_areas
        };
        let place = Place::cell(self.file, self.sheet, row.index, col?);
        map_term(vocab, written, place, field, &mut self.issues)
    }

    /// A count (or an amount, where fractions are right) of the row.
    fn number(
        &mut self,
        row: &GridRow,
        col: Option<u32>,
        field: &str,
        fractional_ok: bool,
        org_ref: Option<&str>,
    ) -> Option<f64> {
        let c = col?;
        let r = if fractional_ok {
            value::amount(row.get(c))
        } else {
            value::count(row.get(c))
        };
        if let Some(p) = &r.problem {
            self.issues.push(cell_issue(
                self.file, self.sheet, row.index, c, p, field, org_ref,
            ));
        }
        r.value
    }

    /// A rejected row always says why at its row: with nothing else wrong
    /// in it, what is missing is its date.
    fn say_why_rejected(&mut self, row: &GridRow) {
        let said = self
            .issues
            .iter()
            .any(|i| i.place.excel_row() == Some(row.index + 1));
        if let (false, Some(dc)) = (said, self.cols.date) {
            self.issues.push(
                Issue::new(
                    Rule::ValueBadDate,
                    Place::cell(self.file, self.sheet, row.index, dc),
                )
                .field("event.date")
                .actual(text_of(row.get(dc))),
            );
        }
    }
}
