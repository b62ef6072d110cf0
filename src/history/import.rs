//! `jinaq history import`: a year's region figures taken from a table in the
//! seed's shape (`№ | Көрсеткіш | 01.01.2025 жылы | 01.01.2026 жылы`, eight
//! indicator rows), as the office keeps them in last year's brief or its own
//! workbook, and stored as the periods those dates close.
//!
//! Input: a workbook of any format the readers take, the pipeline's row
//! labels (`[history.import]`). The table is looked for on every visible
//! sheet: the rows by their labels ([`crate::pipeline::ImportLabels`]), the
//! columns by an "as of" date in a header cell above the rows
//! ([`crate::normalize::as_of`]); each dated column is a period (as of
//! 01.01.2026 is 2025-12). Counts may be typed as text (`33 468`,
//! `5\u{a0}673`), the share as 16.9, `16,9%` or 0.169.
//!
//! Output: the columns read ([`Column`]), or an [`ImportError`] saying what
//! failed and where (file, sheet, cell): a file that is no workbook, no
//! table, no dated column, a required row missing (members, those trained
//! and the five categories), a cell that is no count, a written share that
//! differs from the counts beyond the places it was written with. Nothing
//! is stored unless every column asked for reads whole ([`store`]).

use super::{is_imported, period_dir, store_imported, HistoryError, Imported};
use crate::consolidate::{Figures, FinanceFigures, Trained};
use crate::ingest::format::Refusal;
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::workbook::{self, Workbook};
use crate::issue::{a1, column_letters};
use crate::lang::{fill, Lang};
use crate::measures::MEASURES;
use crate::messages::{field_label, file_reason, fmt_num};
use crate::normalize::as_of::as_of_day;
use crate::normalize::value;
use crate::period::Period;
use crate::pipeline::{ImportLabels, Pipeline};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One column of the table: a period's region figures and where they were read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub(crate) period: Period,
    pub(crate) figures: Figures,
    /// Primary organisations, when the table has the row.
    pub(crate) orgs: Option<usize>,
    pub(crate) from: Imported,
    /// The financing share was written without the amounts it comes from:
    /// read and not stored (its cell).
    pub(crate) finance_share_only: Option<String>,
}

/// Why nothing was imported: the file, and what failed in it.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct ImportError {
    pub(crate) path: PathBuf,
    pub(crate) problem: ImportProblem,
}

/// What failed; sheets by name, cells in A1 form.
#[derive(Debug)]
pub(crate) enum ImportProblem {
    Read(std::io::Error),
    Unreadable(Refusal),
    /// No sheet has the members' and the trained people's rows.
    NoTable {
        sheets: Vec<String>,
    },
    /// The rows were found, and no column above them is headed by a date.
    NoDates {
        sheet: String,
        cells: String,
    },
    /// A header's date closes no period (not the first or last day of a month).
    NotAsOf {
        sheet: String,
        cell: String,
        text: String,
    },
    /// Two columns for one period.
    TwoColumns {
        sheet: String,
        period: Period,
        cells: [String; 2],
    },
    /// Required rows not found.
    MissingRows {
        sheet: String,
        fields: Vec<String>,
    },
    /// A required figure left empty in a column.
    Empty {
        sheet: String,
        cell: String,
        field: String,
    },
    /// A cell that is no count (or no share).
    NotANumber {
        sheet: String,
        cell: String,
        field: String,
        found: String,
    },
    /// The written share differs from trained / members beyond the places
    /// it was written with; shares as per cents.
    ShareMismatch {
        sheet: String,
        cell: String,
        written: f64,
        counted: f64,
    },
    /// `--period` names a period no column gives.
    PeriodNotInTable {
        period: Period,
        found: Vec<Period>,
    },
    /// The period was consolidated: replaced only with `--replace`.
    Consolidated {
        period: Period,
        dir: PathBuf,
    },
    Store(HistoryError),
}

crate::texts! {
    /// What `jinaq history import` says when it imports nothing.
    enum Text {
        Read => ("«{file}» файлын оқу мүмкін емес: {detail}", "не удаётся прочитать файл «{file}»: {detail}", "cannot read «{file}»: {detail}"),
        Unreadable => ("«{file}» кесте ретінде ашылмайды: {detail}", "файл «{file}» не открывается как таблица: {detail}", "«{file}» does not open as a spreadsheet: {detail}"),
        NoTable => ("«{file}» файлының ешбір парағында анықтамадағыдай кесте жоқ ({sheets} парақтары қаралды): «{members}» және «{trained}» жолдары табылмады; өткен жылдың көрсеткіштері бар файлды беріңіз", "ни на одном листе файла «{file}» нет таблицы как в справке (просмотрены листы {sheets}): не найдены строки «{members}» и «{trained}»; укажите файл с показателями прошлого года", "no sheet of «{file}» holds a table in the brief's shape (sheets read: {sheets}): no rows «{members}» and «{trained}»; give the file with last year's figures"),
        NoDates => ("«{file}», «{sheet}» парағы: кестенің жолдары табылды, бірақ олардың үстінде ешбір баған күнмен белгіленбеген ({cells} ұяшықтары қаралды); бағандардың тақырыбына күнді жазыңыз (01.01.2026 жылы)", "«{file}», лист «{sheet}»: строки таблицы найдены, но ни одна графа над ними не озаглавлена датой (просмотрены ячейки {cells}); впишите дату в заголовок графы (на 01.01.2026)", "«{file}», sheet «{sheet}»: the table's rows were found, and no column above them is headed by a date (cells read: {cells}); write the date into the column's header (01.01.2026)"),
        NotAsOf => ("«{file}», «{sheet}» парағы, {cell} ұяшығы: «{text}» күні айдың бірінші не соңғы күні емес, сондықтан қай кезеңнің көрсеткіштері екені белгісіз; 01.01.2026 сияқты күнді жазыңыз немесе {flag} арқылы кезеңді беріңіз", "«{file}», лист «{sheet}», ячейка {cell}: дата «{text}» не первое и не последнее число месяца, и неясно, за какой период показатели; укажите дату вида 01.01.2026 или период через {flag}", "«{file}», sheet «{sheet}», cell {cell}: «{text}» is neither the first nor the last day of a month, so the period is unclear; write a date like 01.01.2026 or give the period with {flag}"),
        TwoColumns => ("«{file}», «{sheet}» парағы: {first} және {second} бағандары бір кезеңге ({period}) арналған; біреуін қалдырыңыз", "«{file}», лист «{sheet}»: графы {first} и {second} относятся к одному периоду ({period}); оставьте одну", "«{file}», sheet «{sheet}»: columns {first} and {second} are for the same period ({period}); keep one"),
        MissingRows => ("«{file}», «{sheet}» парағы: кестеде мына жолдар жоқ: {fields}; оларды қосыңыз (жол атауын анықтамадағыдай жазыңыз) немесе баптау файлындағы {section} бөліміне өз атауыңызды қосыңыз", "«{file}», лист «{sheet}»: в таблице нет строк: {fields}; добавьте их (название строки как в справке) или впишите своё название в раздел {section} файла настройки", "«{file}», sheet «{sheet}»: the table has no rows for {fields}; add them (labelled as in the brief) or add your label to {section} of the pipeline file"),
        Empty => ("«{file}», «{sheet}» парағы, {cell} ұяшығы: «{field}» көрсеткіші бос; санын жазыңыз", "«{file}», лист «{sheet}», ячейка {cell}: показатель «{field}» пуст; впишите число", "«{file}», sheet «{sheet}», cell {cell}: «{field}» is empty; write the number"),
        NotANumber => ("«{file}», «{sheet}» парағы, {cell} ұяшығы: «{field}» көрсеткішінің орнында «{found}» тұр, ал бүтін сан керек; түзетіңіз", "«{file}», лист «{sheet}», ячейка {cell}: вместо показателя «{field}» стоит «{found}», а нужно целое число; исправьте", "«{file}», sheet «{sheet}», cell {cell}: «{field}» holds «{found}» where a whole number belongs; correct it"),
        ShareMismatch => ("«{file}», «{sheet}» парағы, {cell} ұяшығы: жазылған үлес {written} %, ал саннан есептегенде {counted} % шығады; сандарды не үлесті түзетіңіз (үлес әрқашан саннан есептеледі)", "«{file}», лист «{sheet}», ячейка {cell}: записана доля {written} %, а по числам выходит {counted} %; исправьте числа или долю (доля всегда считается по числам)", "«{file}», sheet «{sheet}», cell {cell}: the share written is {written} %, the counts give {counted} %; correct the counts or the share (it is always counted from the counts)"),
        PeriodNotInTable => ("«{file}» кестесінде {period} кезеңінің бағаны жоқ (бар бағандар: {found})", "в таблице «{file}» нет графы за период {period} (есть графы: {found})", "the table of «{file}» has no column for {period} (columns found: {found})"),
        Consolidated => ("{period} кезеңі есептерден жинақталған ({dir}): импорт оны алмастырмайды; алмастыру керек болса, {flag} қосыңыз", "период {period} уже сведён из отчётов ({dir}): импорт его не заменяет; чтобы заменить, добавьте {flag}", "period {period} was consolidated from reports ({dir}): the import does not replace it; add {flag} to replace it"),
        Store => ("«{file}» көрсеткіштерін тарихқа сақтау мүмкін емес: {detail}", "не удаётся сохранить показатели «{file}» в историю: {detail}", "cannot store the figures of «{file}» in the history: {detail}"),
    }
}

impl ImportError {
    /// What failed and where, in a language.
    pub(crate) fn message(&self, lang: Lang) -> String {
        let file = self.path.display().to_string();
        let say = |t: Text, values: &[(&str, &str)]| {
            let mut all = vec![("file", file.as_str())];
            all.extend_from_slice(values);
            fill(t.get(lang), &all)
        };
        match &self.problem {
            ImportProblem::Read(e) => say(Text::Read, &[("detail", &e.to_string())]),
            ImportProblem::Unreadable(r) => {
                say(Text::Unreadable, &[("detail", &file_reason(r, lang))])
            }
            ImportProblem::NoTable { sheets } => say(
                Text::NoTable,
                &[
                    ("sheets", &quoted(sheets)),
                    ("members", field_label(MEASURES[0], lang)),
                    ("trained", field_label(MEASURES[1], lang)),
                ],
            ),
            ImportProblem::NoDates { sheet, cells } => {
                say(Text::NoDates, &[("sheet", sheet), ("cells", cells)])
            }
            ImportProblem::TwoColumns {
                sheet,
                period,
                cells: [a, b],
            } => say(
                Text::TwoColumns,
                &[
                    ("sheet", sheet),
                    ("first", a),
                    ("second", b),
                    ("period", &period.to_string()),
                ],
            ),
            ImportProblem::MissingRows { sheet, fields } => {
                let names: Vec<String> = fields
                    .iter()
                    .map(|f| format!("«{}»", field_label(f, lang)))
                    .collect();
                say(
                    Text::MissingRows,
                    &[
                        ("sheet", sheet),
                        ("fields", &names.join(", ")),
                        ("section", "[history.import.labels]"),
                    ],
                )
            }
            ImportProblem::PeriodNotInTable { period, found } => {
                let found: Vec<String> = found.iter().map(Period::to_string).collect();
                say(
                    Text::PeriodNotInTable,
                    &[
                        ("period", &period.to_string()),
                        ("found", &found.join(", ")),
                    ],
                )
            }
            ImportProblem::Consolidated { period, dir } => say(
                Text::Consolidated,
                &[
                    ("period", &period.to_string()),
                    ("dir", &dir.display().to_string()),
                    ("flag", "--replace"),
                ],
            ),
            ImportProblem::Store(e) => say(Text::Store, &[("detail", &e.to_string())]),
            _ => self.cell_message(lang),
        }
    }

    /// The message of a problem at one cell: the file, sheet and cell first.
    fn cell_message(&self, lang: Lang) -> String {
        let file = self.path.display().to_string();
        let cell = |t: Text, sheet: &str, cell: &str, more: &[(&str, &str)]| {
            let mut all = vec![("file", file.as_str()), ("sheet", sheet), ("cell", cell)];
            all.extend_from_slice(more);
            fill(t.get(lang), &all)
        };
        let pct = |v: f64| fmt_num((v * 100.0).round() / 100.0, lang);
        match &self.problem {
            ImportProblem::NotAsOf {
                sheet,
                cell: c,
                text,
            } => cell(
                Text::NotAsOf,
                sheet,
                c,
                &[("text", text), ("flag", "--period")],
            ),
            ImportProblem::Empty {
                sheet,
                cell: c,
                field,
            } => cell(
                Text::Empty,
                sheet,
                c,
                &[("field", field_label(field, lang))],
            ),
            ImportProblem::NotANumber {
                sheet,
                cell: c,
                field,
                found,
            } => cell(
                Text::NotANumber,
                sheet,
                c,
                &[("field", field_label(field, lang)), ("found", found)],
            ),
            ImportProblem::ShareMismatch {
                sheet,
                cell: c,
                written,
                counted,
            } => cell(
                Text::ShareMismatch,
                sheet,
                c,
                &[("written", &pct(*written)), ("counted", &pct(*counted))],
            ),
            _ => String::new(),
        }
    }
}

fn quoted(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("«{n}»")).collect();
    q.join(", ")
}

/// The rows of the table found on a sheet: field -> (row, label column).
type Rows = BTreeMap<String, (u32, u32)>;

/// The counted figures that must be in the table: members, trained, and
/// the five categories.
fn required() -> impl Iterator<Item = &'static str> {
    MEASURES.iter().copied()
}

/// The first row of each field whose label a text cell of the grid gives,
/// with a figure right of the label (a title naming the same thing holds
/// none).
fn rows_of(grid: &Grid, labels: &ImportLabels) -> Rows {
    let mut rows = Rows::new();
    for row in &grid.rows {
        let found = row.cells.iter().find_map(|(c, cell)| {
            cell.text()
                .and_then(|t| labels.field_of(t))
                .map(|f| (f, *c))
        });
        let Some((field, col)) = found else {
            continue;
        };
        let has_figure = row
            .cells
            .iter()
            .any(|(c, cell)| *c > col && value::share(cell).value.is_some());
        if has_figure {
            rows.entry(field.to_string()).or_insert((row.index, col));
        }
    }
    rows
}

/// A column headed by an "as of" date: its index, period and header cell.
#[derive(Debug, Clone)]
struct Dated {
    col: u32,
    period: Period,
    header: String,
    cell: String,
}

/// The columns right of the labels headed by a date in a row above the
/// table (the nearest such header of each column wins) and holding a count
/// in the members' or the trained people's row.
fn dated_columns(grid: &Grid, sheet: &str, rows: &Rows) -> Result<Vec<Dated>, ImportProblem> {
    let top = rows.values().map(|r| r.0).min().unwrap_or(0);
    let label_col = rows.values().map(|r| r.1).max().unwrap_or(0);
    let holds_count = |col: u32| {
        ["members", "trained.total"].iter().any(|f| {
            rows.get(*f).is_some_and(|(r, _)| {
                let cell = grid.row(*r).map_or(&Cell::Empty, |row| row.get(col));
                value::count(cell).value.is_some()
            })
        })
    };
    let mut by_col: BTreeMap<u32, Dated> = BTreeMap::new();
    for row in grid.rows.iter().rev().filter(|r| r.index < top) {
        for (col, cell) in row.cells.iter().filter(|(c, _)| *c > label_col) {
            if by_col.contains_key(col) || !holds_count(*col) {
                continue;
            }
            let Some(day) = as_of_day(cell, grid.is_1904) else {
                continue;
            };
            let at = a1(row.index, *col);
            let period = Period::as_of_day(day).ok_or_else(|| ImportProblem::NotAsOf {
                sheet: sheet.to_string(),
                cell: at.clone(),
                text: cell.display(),
            })?;
            by_col.insert(
                *col,
                Dated {
                    col: *col,
                    period,
                    header: cell.display(),
                    cell: at,
                },
            );
        }
    }
    let dated: Vec<Dated> = by_col.into_values().collect();
    for (i, d) in dated.iter().enumerate() {
        if let Some(other) = dated[..i].iter().find(|o| o.period == d.period) {
            return Err(ImportProblem::TwoColumns {
                sheet: sheet.to_string(),
                period: d.period,
                cells: [other.cell.clone(), d.cell.clone()],
            });
        }
    }
    if dated.is_empty() {
        let cells = format!(
            "{}:{}",
            a1(0, label_col + 1),
            a1(top.max(1) - 1, label_col + 4)
        );
        return Err(ImportProblem::NoDates {
            sheet: sheet.to_string(),
            cells,
        });
    }
    Ok(dated)
}

/// Reads the table of a workbook file: every dated column, or the one of
/// `period` when given.
pub(crate) fn read(
    path: &Path,
    pipeline: &Pipeline,
    period: Option<Period>,
) -> Result<Vec<Column>, ImportError> {
    let fail = |problem| ImportError {
        path: path.to_path_buf(),
        problem,
    };
    let bytes = std::fs::read(path).map_err(|e| fail(ImportProblem::Read(e)))?;
    let wb =
        workbook::open(bytes, &pipeline.limits).map_err(|r| fail(ImportProblem::Unreadable(r)))?;
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    );
    let columns = read_workbook(&wb, &file, &pipeline.history_import).map_err(fail)?;
    match period {
        None => Ok(columns),
        Some(p) => {
            let found: Vec<Period> = columns.iter().map(|c| c.period).collect();
            let picked: Vec<Column> = columns.into_iter().filter(|c| c.period == p).collect();
            if picked.is_empty() {
                return Err(fail(ImportProblem::PeriodNotInTable { period: p, found }));
            }
            Ok(picked)
        }
    }
}

/// The table of an opened workbook: on the sheet with the most of its rows.
fn read_workbook(
    wb: &Workbook,
    file: &str,
    labels: &ImportLabels,
) -> Result<Vec<Column>, ImportProblem> {
    let best = wb
        .visible()
        .map(|s| (s, rows_of(&s.grid, labels)))
        .filter(|(_, rows)| rows.contains_key(MEASURES[0]) && rows.contains_key(MEASURES[1]))
        .max_by_key(|(s, rows)| {
            let index = wb.sheets.iter().position(|x| x.name == s.name).unwrap_or(0);
            (rows.len(), std::cmp::Reverse(index))
        });
    let Some((sheet, rows)) = best else {
        return Err(ImportProblem::NoTable {
            sheets: wb.visible().map(|s| s.name.clone()).collect(),
        });
    };
    let missing: Vec<String> = required()
        .filter(|f| !rows.contains_key(*f))
        .map(str::to_string)
        .collect();
    if !missing.is_empty() {
        return Err(ImportProblem::MissingRows {
            sheet: sheet.name.clone(),
            fields: missing,
        });
    }
    dated_columns(&sheet.grid, &sheet.name, &rows)?
        .into_iter()
        .map(|d| column(&sheet.grid, &sheet.name, file, &rows, d))
        .collect()
}

/// A column's figures, every cell read and the written share checked.
fn column(
    grid: &Grid,
    sheet: &str,
    file: &str,
    rows: &Rows,
    d: Dated,
) -> Result<Column, ImportProblem> {
    let at = |field: &str| rows.get(field).map(|(r, _)| (*r, d.col));
    let cell = |(r, c): (u32, u32)| grid.row(r).map_or(&Cell::Empty, |row| row.get(c));
    let count = |field: &str| -> Result<Option<f64>, ImportProblem> {
        let Some(pos) = at(field) else {
            return Ok(None);
        };
        let read = value::count(cell(pos));
        if read.problem.is_some() || read.no_value {
            return Err(ImportProblem::NotANumber {
                sheet: sheet.to_string(),
                cell: a1(pos.0, pos.1),
                field: field.to_string(),
                found: cell(pos).display(),
            });
        }
        Ok(read.value)
    };
    let mut measures = Vec::new();
    for field in required() {
        let v = count(field)?;
        if v.is_none() {
            let (r, c) = at(field).unwrap_or_default();
            return Err(ImportProblem::Empty {
                sheet: sheet.to_string(),
                cell: a1(r, c),
                field: field.to_string(),
            });
        }
        measures.push(v);
    }
    let trained = Trained::from_measures(&measures);
    let members = measures[0];
    let counted = match (trained.total, members) {
        (Some(t), Some(m)) if m > 0.0 => Some(t / m),
        _ => None,
    };
    if let (Some(pos), Some(counted)) = (at("trained_share"), counted) {
        check_share(cell(pos), counted).map_err(|written| ImportProblem::ShareMismatch {
            sheet: sheet.to_string(),
            cell: a1(pos.0, pos.1),
            written: written * 100.0,
            counted: counted * 100.0,
        })?;
    }
    let amount = |field: &str| at(field).and_then(|pos| value::amount(cell(pos)).value);
    let finance = match (amount("finance.budget"), amount("finance.training")) {
        (Some(b), Some(t)) => Some(FinanceFigures {
            budget: b,
            training: t,
            share: (b > 0.0).then(|| t / b),
        }),
        _ => None,
    };
    let finance_share_only = at("finance.share")
        .filter(|pos| finance.is_none() && !cell(*pos).is_empty())
        .map(|(r, c)| a1(r, c));
    let orgs = count("orgs")?.map(|n| n as usize);
    let figures = Figures {
        orgs_reported: orgs.unwrap_or(0),
        members,
        trained,
        trained_share: counted,
        events: count("events")?.map(|n| n as usize),
        participants: count("participants")?,
        finance,
    };
    Ok(Column {
        period: d.period,
        figures,
        orgs,
        from: Imported {
            file: file.to_string(),
            sheet: sheet.to_string(),
            column: column_letters(d.col),
            header: d.header,
        },
        finance_share_only,
    })
}

/// Whether a written share agrees with the counted one (a fraction): equal
/// to it cut or rounded to the places it was written with. Written as a
/// fraction (0.169) or a per cent (16.9, `16,9%`), whichever is nearer the
/// counted share; Err with the share written (a fraction) when it differs.
fn check_share(cell: &Cell, counted: f64) -> Result<(), f64> {
    let Some(share) = value::share(cell).value else {
        // An empty or unreadable share is no figure: the counts give it.
        return Ok(());
    };
    let as_fraction = [share.value / 100.0, share.value]
        .into_iter()
        .take(if share.percent_sign { 1 } else { 2 })
        .min_by(|a, b| (a - counted).abs().total_cmp(&(b - counted).abs()))
        .unwrap_or(share.value);
    let percent = as_fraction * 100.0;
    let places = value::decimals_of(percent).min(4);
    if crate::measures::share_agrees(percent, counted * 100.0, places, 0.0) {
        Ok(())
    } else {
        Err(as_fraction)
    }
}

/// What an import did to a period's folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stored {
    /// Nothing was stored for the period before.
    New,
    /// An earlier import was replaced.
    ReplacedImport,
    /// A consolidated period was replaced (`--replace`).
    ReplacedConsolidated,
}

/// Stores the columns as their periods under `history`. A consolidated
/// period is replaced only when `replace`; otherwise nothing is stored.
pub(crate) fn store(
    history: &Path,
    path: &Path,
    columns: &[Column],
    replace: bool,
) -> Result<Vec<Stored>, ImportError> {
    let fail = |problem| ImportError {
        path: path.to_path_buf(),
        problem,
    };
    let mut how = Vec::new();
    for c in columns {
        let dir = period_dir(history, c.period);
        how.push(if !dir.is_dir() {
            Stored::New
        } else if is_imported(history, c.period) {
            Stored::ReplacedImport
        } else if replace {
            Stored::ReplacedConsolidated
        } else {
            return Err(fail(ImportProblem::Consolidated {
                period: c.period,
                dir,
            }));
        });
    }
    for c in columns {
        store_imported(history, c.period, &c.figures, c.orgs, &c.from)
            .map_err(|e| fail(ImportProblem::Store(e)))?;
    }
    Ok(how)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::Ymd;

    fn pipeline() -> Pipeline {
        Pipeline::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::pipeline::DEFAULT_PIPELINE),
        )
        .unwrap()
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    /// The seed's table at B3 under a title row, as `cells` change it.
    fn seed_grid(change: impl Fn(&mut Vec<(u32, u32, Cell)>)) -> Grid {
        let mut cells = vec![
            (
                0,
                1,
                t("Кәсіподақтық оқытудан өткендер саны туралы мәлімет"),
            ),
            (2, 0, t("№")),
            (2, 1, t("Показатель")),
            (2, 2, t("01.01.2025 жылы")),
            (2, 3, Cell::Date(Ymd::new(2026, 1, 1).unwrap())),
        ];
        let rows = [
            ("Кәсіподақ мүшелерінің жалпы саны", "33 468", 33_557.0),
            (
                "Кәсіподақтық оқытудан өткендер саны. Оның ішінде:",
                "5\u{a0}673",
                6_101.0,
            ),
            ("кәсіподақ мүшелері", "1 494", 1_597.0),
            ("тексеру комиссияларының мүшелері", "545", 593.0),
            ("кәсіподақ активі", "238", 1_131.0),
            ("кәсіподақ ұйымдары-ның төрағалары", "583", 522.0),
            ("келісу комиссияларының мүшелері", "2 813", 2_258.0),
        ];
        for (i, (label, before, now)) in rows.iter().enumerate() {
            let r = 3 + i as u32;
            cells.push((r, 0, t(&format!("{}.", i + 1))));
            cells.push((r, 1, t(label)));
            cells.push((r, 2, t(before)));
            cells.push((r, 3, Cell::Number(*now)));
        }
        cells.push((10, 0, t("8.")));
        cells.push((
            10,
            1,
            t("Оқытудан өткендердің кәсіподақ мүшелерінің жалпы санына шаққандағы пайызы"),
        ));
        cells.push((10, 2, t("16,9%")));
        cells.push((10, 3, Cell::Number(0.181)));
        change(&mut cells);
        Grid::from_cells(cells, false)
    }

    fn read_grid(grid: Grid) -> Result<Vec<Column>, ImportProblem> {
        let wb = Workbook {
            format: crate::ingest::format::Format::Xlsx,
            sheets: vec![crate::ingest::workbook::Sheet {
                name: "Лист1".into(),
                visible: true,
                grid,
            }],
        };
        read_workbook(&wb, "seed.xlsx", &pipeline().history_import)
    }

    #[test]
    fn every_text_is_complete_in_every_language() {
        crate::lang::assert_complete(Text::ALL, Text::get);
    }

    #[test]
    fn the_seeds_table_gives_its_two_years() {
        let cols = read_grid(seed_grid(|_| {})).unwrap();
        let periods: Vec<String> = cols.iter().map(|c| c.period.to_string()).collect();
        assert_eq!(periods, ["2024-12", "2025-12"]);
        let (a, b) = (&cols[0].figures, &cols[1].figures);
        assert_eq!((a.members, b.members), (Some(33_468.0), Some(33_557.0)));
        assert_eq!(a.trained.total, Some(5_673.0));
        assert_eq!(a.trained.chairs, Some(583.0));
        assert_eq!(b.trained.activists, Some(1_131.0));
        assert_eq!(cols[0].from.column, "C");
        assert_eq!(cols[1].from.header, "01.01.2026");
        assert_eq!(a.events, None);
    }

    #[test]
    fn a_share_off_the_counts_and_a_missing_category_are_refused() {
        let off = seed_grid(|cells| {
            cells.retain(|c| (c.0, c.1) != (10, 2));
            cells.push((10, 2, t("17,5 %")));
        });
        match read_grid(off) {
            Err(ImportProblem::ShareMismatch { cell, .. }) => assert_eq!(cell, "C11"),
            other => panic!("{other:?}"),
        }
        // 16,95 % rounded to 17,0 % is the same share as written.
        let rounded = seed_grid(|cells| {
            cells.retain(|c| (c.0, c.1) != (10, 2));
            cells.push((10, 2, Cell::Number(17.0)));
        });
        assert!(read_grid(rounded).is_ok());
        let no_chairs = seed_grid(|cells| cells.retain(|c| c.0 != 8));
        match read_grid(no_chairs) {
            Err(ImportProblem::MissingRows { fields, .. }) => {
                assert_eq!(fields, ["trained.chairs"])
            }
            other => panic!("{other:?}"),
        }
        let text = seed_grid(|cells| {
            cells.retain(|c| (c.0, c.1) != (5, 3));
            cells.push((5, 3, t("бес жүз")));
        });
        match read_grid(text) {
            Err(ImportProblem::NotANumber { cell, .. }) => assert_eq!(cell, "D6"),
            other => panic!("{other:?}"),
        }
        let undated = seed_grid(|cells| cells.retain(|c| c.0 != 2));
        assert!(matches!(
            read_grid(undated),
            Err(ImportProblem::NoDates { .. })
        ));
    }

    #[test]
    fn a_share_written_either_way_is_checked_against_the_counts() {
        let counted = 5_673.0 / 33_468.0;
        for ok in [
            t("16,9%"),
            t("16.9"),
            Cell::Number(0.169),
            t("17"),
            t("16,95"),
        ] {
            assert_eq!(check_share(&ok, counted), Ok(()), "{ok:?}");
        }
        for bad in [t("18,1%"), Cell::Number(0.18), t("16,8")] {
            assert!(check_share(&bad, counted).is_err(), "{bad:?}");
        }
    }
}
