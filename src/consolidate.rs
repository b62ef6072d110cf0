//! Accepted rows -> unit and region figures, with polars.
//!
//! Input: the reports chosen for the period (one per unit) and the registry.
//! Output: [`Consolidation`]: the accepted organisation rows and events as
//! DataFrames (with their provenance: file, sheet, Excel row) and the figures
//! of every unit and of the region. Figures are the sums of organisation
//! rows; a figure nobody reported is None, never 0.

use crate::measures::MEASURES;
use crate::registry::Registry;
use crate::tables::FileReport;
use polars::prelude::*;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trained {
    pub total: Option<f64>,
    pub(crate) members: Option<f64>,
    pub(crate) audit: Option<f64>,
    pub activists: Option<f64>,
    pub(crate) chairs: Option<f64>,
    pub(crate) conciliation: Option<f64>,
}

impl Trained {
    pub(crate) fn from_measures(v: &[Option<f64>]) -> Trained {
        Trained {
            total: v[1],
            members: v[2],
            audit: v[3],
            activists: v[4],
            chairs: v[5],
            conciliation: v[6],
        }
    }

    /// (field id, value) in the seed's order.
    pub(crate) fn fields(&self) -> [(&'static str, Option<f64>); 6] {
        [
            ("trained.total", self.total),
            ("trained.members", self.members),
            ("trained.audit", self.audit),
            ("trained.activists", self.activists),
            ("trained.chairs", self.chairs),
            ("trained.conciliation", self.conciliation),
        ]
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FinanceFigures {
    pub(crate) budget: f64,
    pub(crate) training: f64,
    /// Training over budget (sums, never a mean of shares).
    pub share: Option<f64>,
}

/// The figures of one unit or of the region.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub(crate) orgs_reported: usize,
    pub members: Option<f64>,
    pub trained: Trained,
    pub trained_share: Option<f64>,
    pub events: Option<usize>,
    pub(crate) participants: Option<f64>,
    pub finance: Option<FinanceFigures>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitFigures {
    pub unit: String,
    /// The report consolidated for the unit.
    pub(crate) file: Option<String>,
    pub(crate) orgs_registry: usize,
    pub figures: Figures,
}

#[derive(Debug, Clone)]
pub struct Consolidation {
    pub(crate) units_expected: usize,
    pub(crate) units_reported: usize,
    pub(crate) orgs_registry: usize,
    pub region: Figures,
    pub units: Vec<UnitFigures>,
    /// Accepted organisation rows with provenance.
    pub(crate) orgs: DataFrame,
    /// Events with provenance.
    pub(crate) events: DataFrame,
}

/// Column names of the measures in the DataFrames (dots are awkward in polars).
pub(crate) fn measure_col(field: &str) -> String {
    field.replace('.', "_")
}

fn orgs_frame(reports: &[&FileReport]) -> PolarsResult<DataFrame> {
    let mut unit = Vec::new();
    let mut file = Vec::new();
    let mut sheet = Vec::new();
    let mut row = Vec::new();
    let mut reg = Vec::new();
    let mut name = Vec::new();
    let mut measures: Vec<Vec<Option<f64>>> = vec![Vec::new(); MEASURES.len()];
    for r in reports {
        let (Some(u), Some(cov)) = (r.unit.as_deref(), r.coverage.as_ref()) else {
            continue;
        };
        for o in cov.accepted() {
            unit.push(u.to_string());
            file.push(r.rel.clone());
            sheet.push(cov.sheet.clone());
            row.push(o.row + 1);
            reg.push(o.registry_id.clone());
            name.push(o.name.clone());
            for (i, v) in o.values.iter().enumerate() {
                measures[i].push(*v);
            }
        }
    }
    let height = unit.len();
    let mut cols = vec![
        Column::new("unit".into(), unit),
        Column::new("file".into(), file),
        Column::new("sheet".into(), sheet),
        Column::new("row".into(), row),
        Column::new("registry_id".into(), reg),
        Column::new("name".into(), name),
    ];
    for (i, m) in measures.into_iter().enumerate() {
        cols.push(Column::new(measure_col(MEASURES[i]).into(), m));
    }
    DataFrame::new(height, cols)
}

fn events_frame(reports: &[&FileReport]) -> PolarsResult<DataFrame> {
    let (mut unit, mut file, mut sheet, mut row) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut date, mut form, mut area, mut topic, mut venue) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut part, mut resp, mut useful, mut apply) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for r in reports {
        let (Some(u), Some(ev)) = (r.unit.as_deref(), r.events.as_ref()) else {
            continue;
        };
        for e in &ev.rows {
            unit.push(u.to_string());
            file.push(r.rel.clone());
            sheet.push(ev.sheet.clone());
            row.push(e.row + 1);
            date.push(e.date.map(|d| d.iso()));
            form.push(e.form.clone());
            area.push(e.topic_area.clone());
            topic.push(e.topic.clone());
            venue.push(e.venue.clone());
            part.push(e.participants);
            resp.push(e.respondents);
            useful.push(e.usefulness);
            apply.push(e.will_apply);
        }
    }
    let height = unit.len();
    DataFrame::new(
        height,
        vec![
            Column::new("unit".into(), unit),
            Column::new("file".into(), file),
            Column::new("sheet".into(), sheet),
            Column::new("row".into(), row),
            Column::new("date".into(), date),
            Column::new("form".into(), form),
            Column::new("topic_area".into(), area),
            Column::new("topic".into(), topic),
            Column::new("venue".into(), venue),
            Column::new("participants".into(), part),
            Column::new("respondents".into(), resp),
            Column::new("usefulness".into(), useful),
            Column::new("will_apply".into(), apply),
        ],
    )
}

/// Sum that stays null when every value is null.
fn sum_or_null(name: &str) -> Expr {
    when(col(name).count().gt(lit(0)))
        .then(col(name).sum())
        .otherwise(lit(NULL).cast(DataType::Float64))
        .alias(name)
}

fn measure_aggs() -> Vec<Expr> {
    let mut aggs: Vec<Expr> = MEASURES
        .iter()
        .map(|m| sum_or_null(&measure_col(m)))
        .collect();
    aggs.push(
        col("registry_id")
            .drop_nulls()
            .n_unique()
            .cast(DataType::UInt64)
            .alias("orgs_reported"),
    );
    aggs
}

fn f64_at(df: &DataFrame, name: &str, i: usize) -> PolarsResult<Option<f64>> {
    df.column(name)?
        .as_materialized_series()
        .cast(&DataType::Float64)?
        .f64()?
        .get(i)
        .map_or(Ok(None), |v| Ok(Some(v)))
}

fn figures_at(df: &DataFrame, i: usize) -> PolarsResult<Figures> {
    let mut v = Vec::with_capacity(MEASURES.len());
    for m in MEASURES {
        v.push(f64_at(df, &measure_col(m), i)?);
    }
    let orgs = f64_at(df, "orgs_reported", i)?.unwrap_or(0.0) as usize;
    Ok(Figures {
        orgs_reported: orgs,
        members: v[0],
        trained: Trained::from_measures(&v),
        ..Figures::default()
    })
}

/// The value of `MEASURES[i]` in figures.
fn measure(f: &Figures, i: usize) -> Option<f64> {
    match i {
        0 => f.members,
        _ => f.trained.fields()[i - 1].1,
    }
}

fn set_measure(f: &mut Figures, i: usize, v: Option<f64>) {
    let t = &mut f.trained;
    match i {
        0 => f.members = v,
        1 => t.total = v,
        2 => t.members = v,
        3 => t.audit = v,
        4 => t.activists = v,
        5 => t.chairs = v,
        _ => t.conciliation = v,
    }
}

fn fill_written_zeros(f: &mut Figures, cols: &[Option<u32>; 7]) {
    for (i, col) in cols.iter().enumerate() {
        if col.is_some() && measure(f, i).is_none() {
            set_measure(f, i, Some(0.0));
        }
    }
}

fn share(num: Option<f64>, den: Option<f64>) -> Option<f64> {
    match (num, den) {
        (Some(n), Some(d)) if d > 0.0 => Some(n / d),
        _ => None,
    }
}

/// The sums polars makes of the accepted rows: by unit, over the region,
/// and the events by unit; with the row of each unit in the by-unit frames.
struct Sums {
    by_unit: DataFrame,
    unit_rows: BTreeMap<String, usize>,
    region: DataFrame,
    events_by_unit: DataFrame,
    event_rows: BTreeMap<String, usize>,
}

fn sums(orgs: &DataFrame, events: &DataFrame) -> PolarsResult<Sums> {
    let by_unit = orgs
        .clone()
        .lazy()
        .group_by_stable([col("unit")])
        .agg(measure_aggs())
        .collect()?;
    let region = orgs.clone().lazy().select(measure_aggs()).collect()?;
    let events_by_unit = events
        .clone()
        .lazy()
        .group_by_stable([col("unit")])
        .agg([
            col("row").count().cast(DataType::UInt64).alias("events"),
            sum_or_null("participants"),
        ])
        .collect()?;
    Ok(Sums {
        unit_rows: rows_by_unit(&by_unit)?,
        event_rows: rows_by_unit(&events_by_unit)?,
        by_unit,
        region,
        events_by_unit,
    })
}

/// Unit id -> its row in a frame grouped by unit.
fn rows_by_unit(df: &DataFrame) -> PolarsResult<BTreeMap<String, usize>> {
    let units = df.column("unit")?.as_materialized_series().str()?.clone();
    Ok(units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| u.map(|u| (u.to_string(), i)))
        .collect())
}

/// One unit's figures: its sums, the zeros its table wrote as blanks, its
/// events and financing.
fn unit_figures(id: &str, report: Option<&FileReport>, sums: &Sums) -> PolarsResult<Figures> {
    let mut figures = match sums.unit_rows.get(id) {
        Some(&i) => figures_at(&sums.by_unit, i)?,
        None => Figures::default(),
    };
    // A column the unit's table has, left empty in every row, is a 0 the
    // district wrote as blanks; a column it lacks stays unknown.
    if let Some(cov) = report.and_then(|r| r.coverage.as_ref()) {
        fill_written_zeros(&mut figures, &cov.cols);
    }
    figures.trained_share = share(figures.trained.total, figures.members);
    let Some(r) = report else {
        return Ok(figures);
    };
    if r.events.is_some() {
        let (n, p) = match sums.event_rows.get(id) {
            Some(&i) => (
                f64_at(&sums.events_by_unit, "events", i)?.unwrap_or(0.0) as usize,
                f64_at(&sums.events_by_unit, "participants", i)?,
            ),
            None => (0, None),
        };
        figures.events = Some(n);
        figures.participants = p;
    }
    if let Some(f) = &r.finance {
        if let (Some(b), Some(t)) = (f.budget, f.training) {
            figures.finance = Some(FinanceFigures {
                budget: b,
                training: t,
                share: share(Some(t), Some(b)),
            });
        }
    }
    Ok(figures)
}

/// The region's figures: the sums over every accepted row; events,
/// participants and financing added up over the units that report them.
fn region_figures(sums: &Sums, orgs: &DataFrame, units: &[UnitFigures]) -> PolarsResult<Figures> {
    let mut region = if sums.region.height() > 0 && orgs.height() > 0 {
        figures_at(&sums.region, 0)?
    } else {
        Figures::default()
    };
    // The region's figure is unknown only where every unit's is.
    for i in 0..MEASURES.len() {
        if measure(&region, i).is_none() && units.iter().any(|u| measure(&u.figures, i).is_some()) {
            set_measure(&mut region, i, Some(0.0));
        }
    }
    region.trained_share = share(region.trained.total, region.members);
    let figures = || units.iter().map(|u| &u.figures);
    region.events = figures()
        .any(|f| f.events.is_some())
        .then(|| figures().filter_map(|f| f.events).sum());
    region.participants = figures()
        .filter_map(|f| f.participants)
        .fold(None, |sum, p| Some(sum.unwrap_or(0.0) + p));
    let finances = || figures().filter_map(|f| f.finance.as_ref());
    region.finance = finances().next().is_some().then(|| {
        let budget = finances().fold(0.0, |sum, f| sum + f.budget);
        let training = finances().fold(0.0, |sum, f| sum + f.training);
        FinanceFigures {
            budget,
            training,
            share: share(Some(training), Some(budget)),
        }
    });
    Ok(region)
}

/// Consolidates the chosen reports.
pub(crate) fn consolidate(
    reports: &[&FileReport],
    unit_ids: &[String],
    registry: &Registry,
) -> PolarsResult<Consolidation> {
    let orgs = orgs_frame(reports)?;
    let events = events_frame(reports)?;
    let sums = sums(&orgs, &events)?;
    let mut units = Vec::new();
    for id in unit_ids {
        let report = reports
            .iter()
            .find(|r| r.unit.as_deref() == Some(id.as_str()))
            .copied();
        units.push(UnitFigures {
            unit: id.clone(),
            file: report.map(|r| r.rel.clone()),
            orgs_registry: registry.in_unit(id).count(),
            figures: unit_figures(id, report, &sums)?,
        });
    }
    let region = region_figures(&sums, &orgs, &units)?;
    Ok(Consolidation {
        units_expected: unit_ids.len(),
        units_reported: reports
            .iter()
            .filter_map(|r| r.unit.as_deref())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        orgs_registry: registry.orgs.len(),
        region,
        units,
        orgs,
        events,
    })
}
