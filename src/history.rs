//! History of earlier periods under `OUTPUT/history/<period>/`, as parquet.
//!
//! Every `consolidate` run stores its period: the accepted organisation rows
//! (`orgs.parquet`), the unit and region figures (`units.parquet`) and the
//! events (`events.parquet`). A period is replaced atomically: written to a
//! temporary folder, then renamed into place. A missing period is simply not
//! there; a damaged one is reported by the caller and the run goes on
//! without it.
//!
//! A period may also be imported ([`import`]): the region's figures read
//! from a table in the seed's shape, stored as `units.parquet` with the
//! region's row alone and `imported.json` saying where they were read
//! (file, sheet, column). It has no organisation rows, units or events; a
//! consolidation of the period replaces it like any stored period.

pub(crate) mod import;

use crate::consolidate::{Consolidation, Figures, FinanceFigures, Trained};
use crate::measures::MEASURES;
use crate::period::Period;
use polars::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// A stored period that cannot be written or read back: the file, and what
/// failed (technical: shown inside the messages that report it).
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A stored table that cannot be written or read as Parquet.
    #[error("{}: {source}", path.display())]
    Table { path: PathBuf, source: PolarsError },
    /// A stored table without a column, or with it of another type.
    #[error("{}: {column}: {source}", path.display())]
    Column {
        path: PathBuf,
        column: String,
        source: PolarsError,
    },
    #[error("{}: no region row", path.display())]
    NoRegion { path: PathBuf },
    /// The marker of an imported period that cannot be read.
    #[error("{}: {detail}", path.display())]
    Marker { path: PathBuf, detail: String },
}

impl HistoryError {
    pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> HistoryError + '_ {
        move |source| HistoryError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn table(path: &Path) -> impl FnOnce(PolarsError) -> HistoryError + '_ {
        move |source| HistoryError::Table {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn column<'a>(
        path: &'a Path,
        column: &'a str,
    ) -> impl FnOnce(PolarsError) -> HistoryError + 'a {
        move |source| HistoryError::Column {
            path: path.to_path_buf(),
            column: column.to_string(),
            source,
        }
    }
}

/// The name under which the region's figures are stored among the units.
pub(crate) const REGION: &str = "region";

/// The marker of an imported period, in its folder.
pub(crate) const IMPORTED_FILE: &str = "imported.json";

/// Where an imported period's figures were read: the workbook, its sheet,
/// the column (`D`) and that column's header as written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Imported {
    pub(crate) file: String,
    pub(crate) sheet: String,
    pub(crate) column: String,
    pub(crate) header: String,
}

/// One stored period.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub period: Period,
    pub region: Figures,
    pub units: BTreeMap<String, Figures>,
    /// Registry id -> the seven counted figures of that organisation.
    pub orgs: HashMap<String, [Option<f64>; 7]>,
    /// Where the figures were imported from; None for a consolidated period.
    pub imported: Option<Imported>,
}

pub(crate) fn period_dir(history: &Path, period: Period) -> PathBuf {
    history.join(period.to_string())
}

fn units_frame(c: &Consolidation) -> PolarsResult<DataFrame> {
    let mut rows: Vec<(&str, &Figures, Option<usize>)> =
        vec![(REGION, &c.region, Some(c.orgs_registry))];
    rows.extend(
        c.units
            .iter()
            .map(|u| (u.unit.as_str(), &u.figures, Some(u.orgs_registry))),
    );
    figures_frame(&rows)
}

/// The stored table of figures: a row per (unit, figures, organisations
/// in the registry).
fn figures_frame(rows: &[(&str, &Figures, Option<usize>)]) -> PolarsResult<DataFrame> {
    let mut cols = vec![
        Column::new(
            "unit".into(),
            rows.iter().map(|r| r.0.to_string()).collect::<Vec<_>>(),
        ),
        Column::new(
            "orgs_reported".into(),
            rows.iter()
                .map(|r| r.1.orgs_reported as u64)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "orgs_registry".into(),
            rows.iter()
                .map(|r| r.2.map(|n| n as u64))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "members".into(),
            rows.iter().map(|r| r.1.members).collect::<Vec<_>>(),
        ),
    ];
    for (i, (field, _)) in Trained::default().fields().iter().enumerate() {
        let name = crate::consolidate::measure_col(field);
        cols.push(Column::new(
            name.into(),
            rows.iter()
                .map(|r| r.1.trained.fields()[i].1)
                .collect::<Vec<_>>(),
        ));
    }
    cols.push(Column::new(
        "events".into(),
        rows.iter()
            .map(|r| r.1.events.map(|n| n as u64))
            .collect::<Vec<_>>(),
    ));
    cols.push(Column::new(
        "participants".into(),
        rows.iter().map(|r| r.1.participants).collect::<Vec<_>>(),
    ));
    cols.push(Column::new(
        "finance_budget".into(),
        rows.iter()
            .map(|r| r.1.finance.as_ref().map(|f| f.budget))
            .collect::<Vec<_>>(),
    ));
    cols.push(Column::new(
        "finance_training".into(),
        rows.iter()
            .map(|r| r.1.finance.as_ref().map(|f| f.training))
            .collect::<Vec<_>>(),
    ));
    DataFrame::new(rows.len(), cols)
}

fn write_parquet(path: &Path, df: &mut DataFrame) -> Result<(), HistoryError> {
    let mut f = std::fs::File::create(path).map_err(HistoryError::io(path))?;
    ParquetWriter::new(&mut f)
        .finish(df)
        .map_err(HistoryError::table(path))?;
    Ok(())
}

/// Stores a period, replacing what was stored for it before.
pub(crate) fn store(history: &Path, period: Period, c: &Consolidation) -> Result<(), HistoryError> {
    store_with(history, period, |tmp| {
        let units = tmp.join("units.parquet");
        write_parquet(
            &units,
            &mut units_frame(c).map_err(HistoryError::table(&units))?,
        )?;
        write_parquet(&tmp.join("orgs.parquet"), &mut c.orgs.clone())?;
        write_parquet(&tmp.join("events.parquet"), &mut c.events.clone())
    })
}

/// Stores imported region figures as a period, replacing what was stored
/// for it before; `orgs` is the organisations the table gives, if any.
pub(crate) fn store_imported(
    history: &Path,
    period: Period,
    region: &Figures,
    orgs: Option<usize>,
    from: &Imported,
) -> Result<(), HistoryError> {
    store_with(history, period, |tmp| {
        let units = tmp.join("units.parquet");
        let mut df =
            figures_frame(&[(REGION, region, orgs)]).map_err(HistoryError::table(&units))?;
        write_parquet(&units, &mut df)?;
        let marker = tmp.join(IMPORTED_FILE);
        let text = serde_json::to_string_pretty(from).unwrap_or_default();
        std::fs::write(&marker, text + "\n").map_err(HistoryError::io(&marker))
    })
}

/// Whether a stored period was imported rather than consolidated.
pub(crate) fn is_imported(history: &Path, period: Period) -> bool {
    period_dir(history, period).join(IMPORTED_FILE).is_file()
}

/// Writes a period into a temporary folder with `write`, then swaps it in
/// for what was stored before.
fn store_with(
    history: &Path,
    period: Period,
    write: impl FnOnce(&Path) -> Result<(), HistoryError>,
) -> Result<(), HistoryError> {
    std::fs::create_dir_all(history).map_err(HistoryError::io(history))?;
    let final_dir = period_dir(history, period);
    let tmp = history.join(format!(".{period}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(HistoryError::io(&tmp))?;
    let result = (|| {
        write(&tmp)?;
        // Swap in: the old period moves aside, the new one takes its name.
        let old = history.join(format!(".{period}.{}.old", std::process::id()));
        if final_dir.exists() {
            std::fs::rename(&final_dir, &old).map_err(HistoryError::io(&final_dir))?;
        }
        std::fs::rename(&tmp, &final_dir).map_err(HistoryError::io(&final_dir))?;
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

/// A stored table, with its path for the errors about its columns.
pub(crate) struct Stored<'p> {
    pub(crate) path: &'p Path,
    pub(crate) df: DataFrame,
}

impl<'p> Stored<'p> {
    pub(crate) fn read(path: &'p Path) -> Result<Stored<'p>, HistoryError> {
        let f = std::fs::File::open(path).map_err(HistoryError::io(path))?;
        let df = ParquetReader::new(f)
            .finish()
            .map_err(HistoryError::table(path))?;
        Ok(Stored { path, df })
    }

    pub(crate) fn numbers(&self, name: &str) -> Result<Vec<Option<f64>>, HistoryError> {
        let s = self
            .df
            .column(name)
            .and_then(|c| c.as_materialized_series().cast(&DataType::Float64))
            .map_err(HistoryError::column(self.path, name))?;
        Ok(s.f64()
            .map_err(HistoryError::column(self.path, name))?
            .iter()
            .collect())
    }

    pub(crate) fn texts(&self, name: &str) -> Result<Vec<Option<String>>, HistoryError> {
        let c = self
            .df
            .column(name)
            .map_err(HistoryError::column(self.path, name))?;
        Ok(c.as_materialized_series()
            .str()
            .map_err(HistoryError::column(self.path, name))?
            .iter()
            .map(|v| v.map(str::to_string))
            .collect())
    }
}

/// Loads a stored period: Ok(None) when it was never stored, Err with the
/// reason when it is damaged.
pub(crate) fn load(history: &Path, period: Period) -> Result<Option<Snapshot>, HistoryError> {
    load_with(history, period, true)
}

/// Like [`load`], without the organisation rows: unit and region figures only
/// (what comparisons and trends need).
pub(crate) fn load_figures(
    history: &Path,
    period: Period,
) -> Result<Option<Snapshot>, HistoryError> {
    load_with(history, period, false)
}

fn load_with(
    history: &Path,
    period: Period,
    with_orgs: bool,
) -> Result<Option<Snapshot>, HistoryError> {
    let dir = period_dir(history, period);
    if !dir.is_dir() {
        return Ok(None);
    }
    let units_path = dir.join("units.parquet");
    let stored = Stored::read(&units_path)?;
    let unit = stored.texts("unit")?;
    let orgs_reported = stored.numbers("orgs_reported")?;
    let members = stored.numbers("members")?;
    let mut trained_cols = Vec::new();
    for (field, _) in Trained::default().fields() {
        trained_cols.push(stored.numbers(&crate::consolidate::measure_col(field))?);
    }
    let events = stored.numbers("events")?;
    let participants = stored.numbers("participants")?;
    let budget = stored.numbers("finance_budget")?;
    let training = stored.numbers("finance_training")?;
    let mut region = None;
    let mut units = BTreeMap::new();
    for i in 0..stored.df.height() {
        let v: Vec<Option<f64>> = std::iter::once(members[i])
            .chain(trained_cols.iter().map(|c| c[i]))
            .collect();
        let trained = Trained::from_measures(&v);
        let finance = match (budget[i], training[i]) {
            (Some(b), Some(t)) => Some(FinanceFigures {
                budget: b,
                training: t,
                share: (b > 0.0).then(|| t / b),
            }),
            _ => None,
        };
        let figures = Figures {
            orgs_reported: orgs_reported[i].unwrap_or(0.0) as usize,
            members: members[i],
            trained_share: match (trained.total, members[i]) {
                (Some(t), Some(m)) if m > 0.0 => Some(t / m),
                _ => None,
            },
            trained,
            events: events[i].map(|n| n as usize),
            participants: participants[i],
            finance,
        };
        match unit[i].as_deref() {
            Some(REGION) => region = Some(figures),
            Some(u) => {
                units.insert(u.to_string(), figures);
            }
            None => {}
        }
    }
    let region = region.ok_or_else(|| HistoryError::NoRegion {
        path: units_path.clone(),
    })?;
    let imported = read_imported(&dir)?;
    // An imported period has no organisation rows.
    if !with_orgs || imported.is_some() {
        return Ok(Some(Snapshot {
            period,
            region,
            units,
            orgs: HashMap::new(),
            imported,
        }));
    }
    let orgs_path = dir.join("orgs.parquet");
    let stored_orgs = Stored::read(&orgs_path)?;
    let ids = stored_orgs.texts("registry_id")?;
    let mut measures = Vec::new();
    for m in MEASURES {
        measures.push(stored_orgs.numbers(&crate::consolidate::measure_col(m))?);
    }
    let mut orgs = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            let mut v = [None; 7];
            for (k, col) in measures.iter().enumerate() {
                v[k] = col[i];
            }
            orgs.insert(id.clone(), v);
        }
    }
    Ok(Some(Snapshot {
        period,
        region,
        units,
        orgs,
        imported: None,
    }))
}

/// The marker of an imported period, when the folder has one.
fn read_imported(dir: &Path) -> Result<Option<Imported>, HistoryError> {
    let path = dir.join(IMPORTED_FILE);
    if !path.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).map_err(HistoryError::io(&path))?;
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| HistoryError::Marker {
            path,
            detail: e.to_string(),
        })
}

/// The periods stored, oldest first.
pub(crate) fn list(history: &Path) -> Vec<Period> {
    let Ok(entries) = std::fs::read_dir(history) else {
        return Vec::new();
    };
    let mut out: Vec<Period> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse().ok()))
        .collect();
    out.sort();
    out
}
