//! Breakdowns of the consolidated rows for the workbook leadership reads.
//!
//! Input: the `orgs` and `events` DataFrames of a [`Consolidation`] (accepted
//! rows with provenance) and the units in pipeline order. Output: plain rows,
//! already in the order they are written: organisation and event lines in
//! unit order, events and participants by unit and form or topic area,
//! survey results by form, topic area or unit, and the reach of each topic
//! area. Groups are formed with `group_by_stable` and sorted before they leave
//! this module, so two runs give the same rows. Raises no issues.
//!
//! A sum over values nobody reported stays None, never 0.
//!
//! [`Consolidation`]: crate::consolidate::Consolidation

use crate::consolidate::measure_col;
use crate::measures::MEASURES;
use polars::prelude::*;

/// Column of the event form id in the events frame.
pub(crate) const FORM: &str = "form";
/// Column of the topic area id in the events frame.
pub(crate) const TOPIC_AREA: &str = "topic_area";
/// Column of the unit id in both frames.
pub(crate) const UNIT: &str = "unit";

/// One accepted organisation row, as the organisations sheet shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OrgLine {
    pub(crate) unit: String,
    pub(crate) file: String,
    pub(crate) sheet: String,
    /// Row as Excel shows it (1-based).
    pub(crate) row: u32,
    pub(crate) registry_id: Option<String>,
    /// The name as written.
    pub(crate) name: String,
    /// The figures in the order of [`MEASURES`].
    pub(crate) values: [Option<f64>; 7],
    /// Trained total over members.
    pub(crate) share: Option<f64>,
}

/// One event, as the events sheet shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventLine {
    pub(crate) unit: String,
    pub(crate) file: String,
    pub(crate) sheet: String,
    /// Row as Excel shows it (1-based).
    pub(crate) row: u32,
    /// ISO date `YYYY-MM-DD`.
    pub(crate) date: Option<String>,
    pub(crate) form: Option<String>,
    pub(crate) topic_area: Option<String>,
    pub(crate) topic: String,
    pub(crate) venue: String,
    pub(crate) participants: Option<f64>,
    pub(crate) respondents: Option<f64>,
    pub(crate) usefulness: Option<f64>,
    pub(crate) will_apply: Option<f64>,
}

/// Events and their participants.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Tally {
    pub(crate) events: usize,
    pub(crate) participants: Option<f64>,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.events += other.events;
        if let Some(p) = other.participants {
            *self.participants.get_or_insert(0.0) += p;
        }
    }
}

/// Events and participants by unit and one category (form or topic area).
/// `None` as a category: the written value maps to no vocabulary term.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct EventSplit {
    /// (unit, category, tally), sorted by unit and category.
    pub(crate) cells: Vec<(String, Option<String>, Tally)>,
}

impl EventSplit {
    /// The events of a unit in a category; None when the unit held none.
    pub(crate) fn get(&self, unit: &str, category: Option<&str>) -> Option<Tally> {
        self.cells
            .iter()
            .find(|(u, c, _)| u == unit && c.as_deref() == category)
            .map(|(_, _, t)| *t)
    }

    /// A category's events over all units.
    pub(crate) fn category_total(&self, category: Option<&str>) -> Tally {
        let mut t = Tally::default();
        for (_, c, x) in &self.cells {
            if c.as_deref() == category {
                t.add(*x);
            }
        }
        t
    }

    /// Whether some events name no known category.
    pub(crate) fn has_unmapped(&self) -> bool {
        self.cells.iter().any(|(_, c, _)| c.is_none())
    }
}

/// Survey results of a group of events.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Survey {
    pub(crate) events: usize,
    /// Events with a respondents count.
    pub(crate) surveyed_events: usize,
    pub(crate) participants: Option<f64>,
    /// Participants of the surveyed events.
    pub(crate) surveyed_participants: Option<f64>,
    pub(crate) respondents: Option<f64>,
    /// Mean usefulness (1..5) weighted by respondents.
    pub(crate) usefulness: Option<f64>,
    /// Share who will apply it in practice, weighted by respondents.
    pub(crate) will_apply: Option<f64>,
}

impl Survey {
    /// Respondents over the participants of the surveyed events.
    pub(crate) fn response_rate(&self) -> Option<f64> {
        ratio(self.respondents, self.surveyed_participants)
    }
}

/// How far a topic area reached.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AreaReach {
    pub(crate) topic_area: Option<String>,
    pub(crate) events: usize,
    pub(crate) participants: Option<f64>,
    /// Units that held at least one event in it.
    pub(crate) units: usize,
}

fn ratio(num: Option<f64>, den: Option<f64>) -> Option<f64> {
    match (num, den) {
        (Some(n), Some(d)) if d > 0.0 => Some(n / d),
        _ => None,
    }
}

/// Sum that stays null when every value is null.
fn sum_or_null(name: &str) -> Expr {
    when(col(name).count().gt(lit(0)))
        .then(col(name).sum())
        .otherwise(lit(NULL).cast(DataType::Float64))
        .alias(name)
}

fn strs(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
    let s = df
        .column(name)?
        .as_materialized_series()
        .cast(&DataType::String)?;
    Ok(s.str()?.iter().map(|v| v.map(str::to_string)).collect())
}

fn nums(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    let s = df
        .column(name)?
        .as_materialized_series()
        .cast(&DataType::Float64)?;
    Ok(s.f64()?.iter().collect())
}

fn counts(df: &DataFrame, name: &str) -> PolarsResult<Vec<usize>> {
    Ok(nums(df, name)?
        .into_iter()
        .map(|v| v.unwrap_or(0.0) as usize)
        .collect())
}

/// The units in pipeline order, to sort by.
fn unit_order(units: &[String]) -> PolarsResult<LazyFrame> {
    let order: Vec<u32> = (0..units.len() as u32).collect();
    let df = DataFrame::new(
        units.len(),
        vec![
            Column::new(UNIT.into(), units.to_vec()),
            Column::new("unit_order".into(), order),
        ],
    )?;
    Ok(df.lazy())
}

fn in_unit_order(frame: &DataFrame, units: &[String], then: &[&str]) -> PolarsResult<DataFrame> {
    let mut by: Vec<PlSmallStr> = vec!["unit_order".into()];
    by.extend(then.iter().map(|c| PlSmallStr::from(*c)));
    frame
        .clone()
        .lazy()
        .left_join(unit_order(units)?, col(UNIT), col(UNIT))
        .sort(
            by,
            SortMultipleOptions::default()
                .with_nulls_last(true)
                .with_maintain_order(true),
        )
        .collect()
}

/// Accepted organisation rows in unit order, then file and row, with their
/// share of trained members.
pub(crate) fn org_lines(orgs: &DataFrame, units: &[String]) -> PolarsResult<Vec<OrgLine>> {
    let members = measure_col(MEASURES[0]);
    let total = measure_col(MEASURES[1]);
    let with_share = orgs
        .clone()
        .lazy()
        .with_columns([when(col(&members).gt(lit(0.0)))
            .then(col(&total).cast(DataType::Float64) / col(&members).cast(DataType::Float64))
            .otherwise(lit(NULL).cast(DataType::Float64))
            .alias("share")]);
    let df = in_unit_order(&with_share.collect()?, units, &["file", "row"])?;
    let (unit, file, sheet) = (strs(&df, UNIT)?, strs(&df, "file")?, strs(&df, "sheet")?);
    let (row, reg, name, share) = (
        nums(&df, "row")?,
        strs(&df, "registry_id")?,
        strs(&df, "name")?,
        nums(&df, "share")?,
    );
    let measures: Vec<Vec<Option<f64>>> = MEASURES
        .iter()
        .map(|m| nums(&df, &measure_col(m)))
        .collect::<PolarsResult<_>>()?;
    Ok((0..df.height())
        .map(|i| OrgLine {
            unit: unit[i].clone().unwrap_or_default(),
            file: file[i].clone().unwrap_or_default(),
            sheet: sheet[i].clone().unwrap_or_default(),
            row: row[i].unwrap_or(0.0) as u32,
            registry_id: reg[i].clone(),
            name: name[i].clone().unwrap_or_default(),
            values: std::array::from_fn(|m| measures[m][i]),
            share: share[i],
        })
        .collect())
}

/// Events in unit order, then by date (undated last) and row.
pub(crate) fn event_lines(events: &DataFrame, units: &[String]) -> PolarsResult<Vec<EventLine>> {
    let df = in_unit_order(events, units, &["date", "file", "row"])?;
    let (unit, file, sheet, row) = (
        strs(&df, UNIT)?,
        strs(&df, "file")?,
        strs(&df, "sheet")?,
        nums(&df, "row")?,
    );
    let (date, form, area) = (strs(&df, "date")?, strs(&df, FORM)?, strs(&df, TOPIC_AREA)?);
    let (topic, venue) = (strs(&df, "topic")?, strs(&df, "venue")?);
    let (part, resp, useful, apply) = (
        nums(&df, "participants")?,
        nums(&df, "respondents")?,
        nums(&df, "usefulness")?,
        nums(&df, "will_apply")?,
    );
    Ok((0..df.height())
        .map(|i| EventLine {
            unit: unit[i].clone().unwrap_or_default(),
            file: file[i].clone().unwrap_or_default(),
            sheet: sheet[i].clone().unwrap_or_default(),
            row: row[i].unwrap_or(0.0) as u32,
            date: date[i].clone(),
            form: form[i].clone(),
            topic_area: area[i].clone(),
            topic: topic[i].clone().unwrap_or_default(),
            venue: venue[i].clone().unwrap_or_default(),
            participants: part[i],
            respondents: resp[i],
            usefulness: useful[i],
            will_apply: apply[i],
        })
        .collect())
}

/// Events and participants by unit and `category` ([`FORM`] or [`TOPIC_AREA`]).
pub(crate) fn events_by(events: &DataFrame, category: &str) -> PolarsResult<EventSplit> {
    let df = events
        .clone()
        .lazy()
        .group_by_stable([col(UNIT), col(category)])
        .agg([len().alias("events"), sum_or_null("participants")])
        .sort(
            [UNIT, category],
            SortMultipleOptions::default()
                .with_nulls_last(true)
                .with_maintain_order(true),
        )
        .collect()?;
    let (unit, cat, n, part) = (
        strs(&df, UNIT)?,
        strs(&df, category)?,
        counts(&df, "events")?,
        nums(&df, "participants")?,
    );
    let cells = (0..df.height())
        .map(|i| {
            (
                unit[i].clone().unwrap_or_default(),
                cat[i].clone(),
                Tally {
                    events: n[i],
                    participants: part[i],
                },
            )
        })
        .collect();
    Ok(EventSplit { cells })
}

fn survey_aggs() -> Vec<Expr> {
    vec![
        len().alias("events"),
        col("respondents").count().alias("surveyed_events"),
        sum_or_null("participants"),
        when(col("respondents").count().gt(lit(0)))
            .then(
                col("participants")
                    .filter(col("respondents").is_not_null())
                    .sum(),
            )
            .otherwise(lit(NULL).cast(DataType::Float64))
            .alias("surveyed_participants"),
        sum_or_null("respondents"),
        (col("usefulness") * col("respondents"))
            .sum()
            .alias("usefulness_num"),
        col("respondents")
            .filter(col("usefulness").is_not_null())
            .sum()
            .alias("usefulness_den"),
        (col("will_apply") * col("respondents"))
            .sum()
            .alias("will_apply_num"),
        col("respondents")
            .filter(col("will_apply").is_not_null())
            .sum()
            .alias("will_apply_den"),
    ]
}

fn surveys_of(df: &DataFrame) -> PolarsResult<Vec<Survey>> {
    let (events, surveyed) = (counts(df, "events")?, counts(df, "surveyed_events")?);
    let (part, spart, resp) = (
        nums(df, "participants")?,
        nums(df, "surveyed_participants")?,
        nums(df, "respondents")?,
    );
    let (un, ud) = (nums(df, "usefulness_num")?, nums(df, "usefulness_den")?);
    let (an, ad) = (nums(df, "will_apply_num")?, nums(df, "will_apply_den")?);
    Ok((0..df.height())
        .map(|i| Survey {
            events: events[i],
            surveyed_events: surveyed[i],
            participants: part[i],
            surveyed_participants: spart[i],
            respondents: resp[i],
            usefulness: ratio(un[i], ud[i]),
            will_apply: ratio(an[i], ad[i]),
        })
        .collect())
}

/// Survey results by `key` ([`FORM`], [`TOPIC_AREA`] or [`UNIT`]), sorted by key.
pub(crate) fn survey_by(
    events: &DataFrame,
    key: &str,
) -> PolarsResult<Vec<(Option<String>, Survey)>> {
    let df = events
        .clone()
        .lazy()
        .group_by_stable([col(key)])
        .agg(survey_aggs())
        .sort(
            [key],
            SortMultipleOptions::default()
                .with_nulls_last(true)
                .with_maintain_order(true),
        )
        .collect()?;
    Ok(strs(&df, key)?.into_iter().zip(surveys_of(&df)?).collect())
}

/// Survey results of all events.
pub(crate) fn survey_total(events: &DataFrame) -> PolarsResult<Survey> {
    let df = events.clone().lazy().select(survey_aggs()).collect()?;
    Ok(surveys_of(&df)?.into_iter().next().unwrap_or_default())
}

/// Events, participants and units reached by topic area, sorted by area.
pub(crate) fn area_reach(events: &DataFrame) -> PolarsResult<Vec<AreaReach>> {
    let df = events
        .clone()
        .lazy()
        .group_by_stable([col(TOPIC_AREA)])
        .agg([
            len().alias("events"),
            sum_or_null("participants"),
            col(UNIT).n_unique().alias("units"),
        ])
        .sort(
            [TOPIC_AREA],
            SortMultipleOptions::default()
                .with_nulls_last(true)
                .with_maintain_order(true),
        )
        .collect()?;
    let (area, n, part, units) = (
        strs(&df, TOPIC_AREA)?,
        counts(&df, "events")?,
        nums(&df, "participants")?,
        counts(&df, "units")?,
    );
    Ok((0..df.height())
        .map(|i| AreaReach {
            topic_area: area[i].clone(),
            events: n[i],
            participants: part[i],
            units: units[i],
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events() -> DataFrame {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let o = |v: &[Option<&str>]| v.iter().map(|x| x.map(str::to_string)).collect::<Vec<_>>();
        DataFrame::new(
            4,
            vec![
                Column::new("unit".into(), s(&["b", "a", "a", "b"])),
                Column::new("file".into(), s(&["b.xlsx", "a.xlsx", "a.xlsx", "b.xlsx"])),
                Column::new("sheet".into(), s(&["S", "S", "S", "S"])),
                Column::new("row".into(), vec![5u32, 4, 5, 4]),
                Column::new(
                    "date".into(),
                    o(&[
                        Some("2026-03-01"),
                        Some("2026-02-01"),
                        None,
                        Some("2026-01-10"),
                    ]),
                ),
                Column::new(
                    "form".into(),
                    o(&[
                        Some("round_table"),
                        Some("round_table"),
                        None,
                        Some("seminar"),
                    ]),
                ),
                Column::new(
                    "topic_area".into(),
                    o(&[Some("law"), Some("law"), Some("other"), None]),
                ),
                Column::new("topic".into(), s(&["t1", "t2", "t3", "t4"])),
                Column::new("venue".into(), s(&["v", "v", "v", "v"])),
                Column::new(
                    "participants".into(),
                    vec![Some(10.0), Some(20.0), Some(30.0), None],
                ),
                Column::new(
                    "respondents".into(),
                    vec![Some(10.0), Some(5.0), None, None],
                ),
                Column::new(
                    "usefulness".into(),
                    vec![Some(5.0), Some(2.0), Some(4.0), None],
                ),
                Column::new("will_apply".into(), vec![Some(0.9), None, None, None]),
            ],
        )
        .unwrap()
    }

    #[test]
    fn events_follow_unit_order_then_date() {
        let units = ["b".to_string(), "a".to_string()];
        let lines = event_lines(&events(), &units).unwrap();
        let order: Vec<(&str, &str)> = lines
            .iter()
            .map(|l| (l.unit.as_str(), l.topic.as_str()))
            .collect();
        assert_eq!(order, [("b", "t4"), ("b", "t1"), ("a", "t2"), ("a", "t3")]);
    }

    #[test]
    fn events_split_by_unit_and_form() {
        let split = events_by(&events(), FORM).unwrap();
        assert_eq!(
            split.get("a", Some("round_table")),
            Some(Tally {
                events: 1,
                participants: Some(20.0)
            })
        );
        assert_eq!(
            split.get("b", Some("seminar")),
            Some(Tally {
                events: 1,
                participants: None
            })
        );
        assert_eq!(split.get("a", Some("seminar")), None);
        assert_eq!(
            split.category_total(Some("round_table")),
            Tally {
                events: 2,
                participants: Some(30.0)
            }
        );
        assert!(split.has_unmapped());
        assert_eq!(
            split.category_total(None),
            Tally {
                events: 1,
                participants: Some(30.0)
            }
        );
    }

    #[test]
    fn survey_is_weighted_by_respondents() {
        let total = survey_total(&events()).unwrap();
        assert_eq!(total.events, 4);
        assert_eq!(total.surveyed_events, 2);
        assert_eq!(total.respondents, Some(15.0));
        assert_eq!(total.surveyed_participants, Some(30.0));
        assert_eq!(total.response_rate(), Some(0.5));
        // (5 * 10 + 2 * 5) / 15, not the plain mean of 5, 2 and 4.
        assert!((total.usefulness.unwrap() - 4.0).abs() < 1e-12);
        assert!((total.will_apply.unwrap() - 0.9).abs() < 1e-12);
        let by_unit = survey_by(&events(), UNIT).unwrap();
        assert_eq!(by_unit[0].0.as_deref(), Some("a"));
        assert_eq!(by_unit[0].1.usefulness, Some(2.0));
        assert_eq!(by_unit[0].1.will_apply, None);
    }

    #[test]
    fn areas_count_the_units_they_reached() {
        let reach = area_reach(&events()).unwrap();
        let law = reach
            .iter()
            .find(|r| r.topic_area.as_deref() == Some("law"))
            .unwrap();
        assert_eq!(
            (law.events, law.units, law.participants),
            (2, 2, Some(30.0))
        );
        assert!(reach.last().unwrap().topic_area.is_none());
    }

    #[test]
    fn no_events_give_empty_breakdowns() {
        let empty = events().slice(0, 0);
        assert_eq!(empty.height(), 0);
        assert!(event_lines(&empty, &["a".to_string()]).unwrap().is_empty());
        assert!(events_by(&empty, TOPIC_AREA).unwrap().cells.is_empty());
        assert!(survey_by(&empty, UNIT).unwrap().is_empty());
        assert!(area_reach(&empty).unwrap().is_empty());
        let total = survey_total(&empty).unwrap();
        assert_eq!(
            (total.events, total.respondents, total.usefulness),
            (0, None, None)
        );
    }

    #[test]
    fn organisations_follow_unit_order_with_their_share() {
        let mut cols = vec![
            Column::new("unit".into(), vec!["a".to_string(), "b".to_string()]),
            Column::new(
                "file".into(),
                vec!["a.xlsx".to_string(), "b.xlsx".to_string()],
            ),
            Column::new("sheet".into(), vec!["S".to_string(), "S".to_string()]),
            Column::new("row".into(), vec![7u32, 8]),
            Column::new("registry_id".into(), vec![Some("1".to_string()), None]),
            Column::new("name".into(), vec!["A".to_string(), "B".to_string()]),
        ];
        for (i, m) in MEASURES.iter().enumerate() {
            let v = if i == 0 {
                vec![Some(40.0), Some(0.0)]
            } else {
                vec![Some(4.0), None]
            };
            cols.push(Column::new(measure_col(m).into(), v));
        }
        let orgs = DataFrame::new(2, cols).unwrap();
        let lines = org_lines(&orgs, &["b".to_string(), "a".to_string()]).unwrap();
        assert_eq!(lines[0].unit, "b");
        assert_eq!(lines[0].share, None);
        assert_eq!(lines[1].share, Some(0.1));
        assert_eq!(lines[1].row, 7);
        assert_eq!(lines[1].values[1], Some(4.0));
    }
}
