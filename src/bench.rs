//! Benchmarks at national scale: a generator of synthetic inboxes and the
//! measurement of a whole `consolidate` run against its floor.
//!
//! The floor is what no consolidation can avoid: reading every cell of the
//! same files with calamine on the same threads, plus writing as many cells as
//! the outputs hold with rust_xlsxwriter. `jinaq bench` reports both, the
//! whole run, its split by stage, and the peak memory of a real run (a child
//! process), so the pipeline's own cost is visible as a ratio.

use crate::period::Period;
use rayon::prelude::*;
use rust_xlsxwriter::{Workbook, XlsxError};
use std::path::{Path, PathBuf};
use std::process::ExitStatus;
use std::time::{Duration, Instant};

/// The coverage table's header as a Kazakh-speaking district writes it.
pub(crate) const COVERAGE_HEADER_KK: [&str; 11] = [
    "№",
    "БКҰ атауы",
    "БСН",
    "Мүшелер саны",
    "Оқытудан өткендер, барлығы",
    "кәсіподақ мүшелері",
    "тексеру комиссияларының мүшелері",
    "кәсіподақ активі",
    "кәсіподақ ұйымдарының төрағалары",
    "келісу комиссияларының мүшелері",
    "%",
];

/// The same header as a Russian-speaking district writes it.
pub(crate) const COVERAGE_HEADER_RU: [&str; 11] = [
    "№ п/п",
    "Наименование ППО",
    "БИН",
    "Количество членов профсоюза",
    "Обучено всего",
    "члены профсоюза",
    "члены ревизионных комиссий",
    "профсоюзный актив",
    "председатели профсоюзных организаций",
    "члены согласительных комиссий",
    "Охват, %",
];

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    pub(crate) units: usize,
    pub(crate) orgs: usize,
    pub(crate) periods: usize,
    /// The last period generated; earlier ones go back month by month.
    pub(crate) last: Period,
}

pub(crate) fn unit_id(u: usize) -> String {
    format!("b{:03}", u + 1)
}

fn unit_names(u: usize) -> (String, String) {
    (
        format!("Бенч-{:03} ауданы", u + 1),
        format!("Бенч-{:03} район", u + 1),
    )
}

fn bin(u: usize, o: usize) -> String {
    format!("{:06}{:06}", u + 1, o + 1)
}

/// A small deterministic generator (xorshift), so every run makes the same files.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Members of an organisation and its five categories by the end of month `m`.
fn figures(u: usize, o: usize, month: u32) -> (f64, [f64; 5]) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((u as u64) << 20) ^ (o as u64));
    let members = 20 + rng.below(180);
    let mut cats = [0.0; 5];
    for c in &mut cats {
        // cumulative: grows with the month
        *c = (rng.below(3) * month as u64 / 3) as f64;
    }
    (members as f64, cats)
}

/// One unit's report for a period, in the unit's language: the coverage
/// table under a few title rows, the events, and (every other unit) the
/// financing.
fn report(dir: &Path, u: usize, orgs: usize, period: Period) -> Result<(), XlsxError> {
    let ru = u % 2 == 1;
    let (kk_name, ru_name) = unit_names(u);
    let mut wb = Workbook::new();
    let trained = coverage_sheet(&mut wb, u, orgs, period)?;
    events_sheet(&mut wb, ru, trained, period)?;
    if u.is_multiple_of(2) {
        finance_sheet(&mut wb, u, ru)?;
    }
    let name = if ru {
        format!("{ru_name} {period}.xlsx")
    } else {
        format!("{kk_name} {period}.xlsx")
    };
    wb.save(dir.join(name))
}

/// The coverage sheet; returns the unit's total trained. Units differ in
/// where the table starts, how many title rows it has and whether numbers
/// are typed as text.
fn coverage_sheet(
    wb: &mut Workbook,
    u: usize,
    orgs: usize,
    period: Period,
) -> Result<f64, XlsxError> {
    let ru = u % 2 == 1;
    let (kk_name, ru_name) = unit_names(u);
    let ws = wb.add_worksheet();
    ws.set_name(if ru { "Обучение" } else { "Оқыту" })?;
    let col0 = (u % 3 == 2) as u16;
    let titles = u % 5;
    let title_lines = [
        if ru { ru_name.clone() } else { kk_name.clone() },
        if ru {
            "Сведения о профсоюзном обучении".into()
        } else {
            "Кәсіподақтық оқыту туралы мәлімет".into()
        },
        format!("{period}"),
        if ru {
            "с начала года".into()
        } else {
            "жыл басынан бері".into()
        },
    ];
    for (r, t) in title_lines.iter().take(titles).enumerate() {
        ws.write(r as u32, col0, t.as_str())?;
    }
    let header_row = titles as u32 + 1;
    let headers = if ru {
        COVERAGE_HEADER_RU
    } else {
        COVERAGE_HEADER_KK
    };
    for (c, h) in headers.iter().enumerate() {
        ws.write(header_row, col0 + c as u16, *h)?;
    }
    let text_numbers = u.is_multiple_of(3);
    let mut sums = [0.0; 7];
    let mut r = header_row + 1;
    for o in 0..orgs {
        let (members, cats) = figures(u, o, period.month);
        let total: f64 = cats.iter().sum();
        ws.write(r, col0, (o + 1) as f64)?;
        ws.write(r, col0 + 1, format!("№{} {} мектебі", o + 1, kk_name))?;
        ws.write(r, col0 + 2, bin(u, o))?;
        let values = [members, total, cats[0], cats[1], cats[2], cats[3], cats[4]];
        for (k, v) in values.iter().enumerate() {
            if text_numbers {
                ws.write(r, col0 + 3 + k as u16, format!("{v}"))?;
            } else {
                ws.write(r, col0 + 3 + k as u16, *v)?;
            }
            sums[k] += v;
        }
        ws.write(r, col0 + 10, (total / members * 1000.0).round() / 10.0)?;
        r += 1;
    }
    ws.write(r, col0, if ru { "Итого" } else { "Барлығы" })?;
    for (k, v) in sums.iter().enumerate() {
        ws.write(r, col0 + 3 + k as u16, *v)?;
    }
    Ok(sums[1])
}

/// Two events that together account for everyone trained.
fn events_sheet(
    wb: &mut Workbook,
    ru: bool,
    trained: f64,
    period: Period,
) -> Result<(), XlsxError> {
    let ev = wb.add_worksheet();
    ev.set_name(if ru {
        "Мероприятия"
    } else {
        "Іс-шаралар"
    })?;
    let eh: [&str; 6] = if ru {
        [
            "№",
            "Дата",
            "Форма обучения",
            "Тема",
            "Направление",
            "Количество участников",
        ]
    } else {
        [
            "№",
            "Күні",
            "Оқыту нысаны",
            "Тақырыбы",
            "Бағыты",
            "Қатысушылар саны",
        ]
    };
    for (c, h) in eh.iter().enumerate() {
        ev.write(0, c as u16, *h)?;
    }
    let first = (trained / 2.0).floor();
    for (i, (day, part)) in [(10u32, first), (20, trained - first)].iter().enumerate() {
        let r = 1 + i as u32;
        ev.write(r, 0, (i + 1) as f64)?;
        ev.write(
            r,
            1,
            format!("{day:02}.{:02}.{}", period.month, period.year),
        )?;
        ev.write(r, 2, "Семинар-тренинг")?;
        ev.write(
            r,
            3,
            if ru {
                "Коллективный договор"
            } else {
                "Ұжымдық шарт"
            },
        )?;
        ev.write(
            r,
            4,
            if ru {
                "Коллективно-договорное регулирование"
            } else {
                "Ұжымдық-шарттық реттеу"
            },
        )?;
        ev.write(r, 5, *part)?;
    }
    Ok(())
}

/// The financing sheet: the budget and what of it goes to training (11 %).
fn finance_sheet(wb: &mut Workbook, u: usize, ru: bool) -> Result<(), XlsxError> {
    let fin = wb.add_worksheet();
    fin.set_name(if ru {
        "Финансирование"
    } else {
        "Қаржы"
    })?;
    let budget = 1_000_000.0 + (u * 10_000) as f64;
    fin.write(
        0,
        0,
        if ru {
            "Расходная часть сметы, всего"
        } else {
            "Смета шығыстарының барлығы"
        },
    )?;
    fin.write(0, 1, budget)?;
    fin.write(
        1,
        0,
        if ru {
            "в т.ч. на обучение"
        } else {
            "Оның ішінде оқытуға"
        },
    )?;
    fin.write(1, 1, budget * 0.11)?;
    Ok(())
}

fn registry(path: &Path, shape: &Shape) -> Result<(), XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Тізілім")?;
    for (c, h) in [
        "№",
        "Аудан (қала)",
        "БСН",
        "Толық атауы",
        "Қысқаша атаулары (есептерде кездесетін)",
        "Түрі",
        "Кәсіподақ мүшелері, 01.01.2026",
    ]
    .iter()
    .enumerate()
    {
        ws.write(0, c as u16, *h)?;
    }
    let mut r = 1;
    for u in 0..shape.units {
        let (kk, _) = unit_names(u);
        for o in 0..shape.orgs {
            ws.write(r, 0, r as f64)?;
            ws.write(r, 1, kk.as_str())?;
            ws.write(r, 2, bin(u, o))?;
            ws.write(r, 3, format!("№{} {} мектебі", o + 1, kk))?;
            ws.write(r, 5, "мектеп")?;
            ws.write(r, 6, figures(u, o, 1).0)?;
            r += 1;
        }
    }
    wb.save(path)
}

/// Why the bench's inboxes cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source}", path.display())]
    Workbook { path: PathBuf, source: XlsxError },
    /// The shipped pipeline cannot be turned into the bench's.
    #[error("the pipeline: {0}")]
    Pipeline(String),
}

fn io_at(path: &Path) -> impl FnOnce(std::io::Error) -> GenerateError + '_ {
    move |source| GenerateError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn workbook_at(path: &Path) -> impl FnOnce(XlsxError) -> GenerateError + '_ {
    move |source| GenerateError::Workbook {
        path: path.to_path_buf(),
        source,
    }
}

/// The shipped pipeline with its units replaced by the generated ones.
fn pipeline_text(shipped: &str, shape: &Shape) -> Result<String, GenerateError> {
    let invalid = |e: &dyn std::fmt::Display| GenerateError::Pipeline(e.to_string());
    let mut doc: toml::Table = toml::from_str(shipped).map_err(|e| invalid(&e))?;
    let units: Vec<toml::Value> = (0..shape.units)
        .map(|u| {
            let (kk, ru) = unit_names(u);
            let mut t = toml::Table::new();
            t.insert("id".into(), unit_id(u).into());
            t.insert("kk".into(), kk.clone().into());
            t.insert("ru".into(), ru.clone().into());
            t.insert("en".into(), format!("Bench {:03}", u + 1).into());
            t.insert(
                "match".into(),
                toml::Value::Array(vec![format!("бенч-{:03}", u + 1).into()]),
            );
            toml::Value::Table(t)
        })
        .collect();
    doc.insert("units".into(), toml::Value::Array(units));
    let head = doc
        .get_mut("pipeline")
        .and_then(|v| v.as_table_mut())
        .ok_or_else(|| invalid(&"no [pipeline]"))?;
    head.insert("input".into(), "inbox".into());
    head.insert("registry".into(), "registry.xlsx".into());
    head.insert("output".into(), "output".into());
    toml::to_string(&doc).map_err(|e| invalid(&e))
}

/// Writes `dir/inbox/<period>/...`, `dir/registry.xlsx` and `dir/pipeline.toml`.
pub(crate) fn generate(
    dir: &Path,
    shape: &Shape,
    shipped_pipeline: &str,
) -> Result<Vec<PathBuf>, GenerateError> {
    std::fs::create_dir_all(dir).map_err(io_at(dir))?;
    let registry_path = dir.join("registry.xlsx");
    registry(&registry_path, shape).map_err(workbook_at(&registry_path))?;
    let pipeline_path = dir.join("pipeline.toml");
    std::fs::write(&pipeline_path, pipeline_text(shipped_pipeline, shape)?)
        .map_err(io_at(&pipeline_path))?;
    let mut periods = vec![shape.last];
    while periods.len() < shape.periods {
        let p = periods.last().copied().unwrap_or(shape.last).previous();
        periods.push(p);
    }
    periods.reverse();
    let mut inboxes = Vec::new();
    for p in periods {
        let inbox = dir.join("inbox").join(p.to_string());
        std::fs::create_dir_all(&inbox).map_err(io_at(&inbox))?;
        (0..shape.units)
            .into_par_iter()
            .try_for_each(|u| report(&inbox, u, shape.orgs, p))
            .map_err(workbook_at(&inbox))?;
        inboxes.push(inbox);
    }
    Ok(inboxes)
}

/// The workbooks of a folder, sorted.
pub(crate) fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The read floor: every cell of every given workbook read with calamine on
/// all cores. Returns the time and the number of cells.
pub(crate) fn read_floor(files: &[PathBuf]) -> (Duration, usize) {
    use calamine::{open_workbook_auto_from_rs, Reader};
    let start = Instant::now();
    let cells: usize = files
        .par_iter()
        .map(|p| {
            let Ok(bytes) = std::fs::read(p) else {
                return 0;
            };
            let Ok(mut wb) = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)) else {
                return 0;
            };
            let names = wb.sheet_names();
            names
                .iter()
                .filter_map(|n| wb.worksheet_range(n).ok())
                .map(|r| {
                    r.used_cells()
                        .filter(|(_, _, v)| !matches!(v, calamine::Data::Empty))
                        .count()
                })
                .sum::<usize>()
        })
        .sum();
    (start.elapsed(), cells)
}

/// Cells held by the xlsx files of a folder (what the outputs hold).
pub(crate) fn cells_in(dir: &Path) -> usize {
    let xlsx: Vec<PathBuf> = files_in(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    read_floor(&xlsx).1
}

/// The write floor: as many cells (two distinct texts for one number, as in
/// the outputs) written to one workbook with rust_xlsxwriter, with the
/// outputs' writer settings ([`crate::workbook::new_workbook`]).
pub(crate) fn write_floor(cells: usize) -> Result<Duration, XlsxError> {
    let start = Instant::now();
    let mut wb = crate::workbook::new_workbook();
    let ws = wb.add_worksheet();
    let width = 12u16;
    for i in 0..cells {
        let (r, c) = ((i / width as usize) as u32, (i % width as usize) as u16);
        if i % 3 == 0 {
            ws.write_number(r, c, i as f64)?;
        } else {
            ws.write_string(r, c, format!("Бастауыш кәсіподақ ұйымы №{i}"))?;
        }
    }
    let _ = wb.save_to_buffer()?;
    Ok(start.elapsed())
}

/// Runs a command to its end, sampling its peak resident memory (`VmHWM`
/// of `/proc/<pid>/status`, which only grows) every 2 ms; returns whether it
/// ran and the peak in bytes (None where `/proc` does not tell). The child's
/// rusage would not do: it counts this process's memory at the fork.
pub(crate) fn run_measured(
    cmd: &mut std::process::Command,
) -> std::io::Result<(ExitStatus, Option<u64>)> {
    let mut child = cmd.spawn()?;
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak: Option<u64> = None;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok((status, peak));
        }
        let kb = std::fs::read_to_string(&status_file).ok().and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        });
        if let Some(kb) = kb {
            peak = Some(peak.unwrap_or(0).max(kb * 1024));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}
