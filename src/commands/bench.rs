//! `jinaq bench` (hidden): generates a national-scale inbox and measures a
//! whole `consolidate` run against its floor. See `crate::bench`.

use super::period_flag;
use crate::bench::{self, Shape};
use crate::cli::BenchArgs;
use crate::error::{Error, Result};
use crate::pipeline::{Pipeline, PipelineError};
use crate::report::{self, WriteError};
use crate::run::process;
use crate::run::request::Request;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

fn best<T>(runs: usize, mut f: impl FnMut() -> Result<(Duration, T)>) -> Result<(Duration, T)> {
    let mut best: Option<(Duration, T)> = None;
    for _ in 0..runs.max(1) {
        let (d, v) = f()?;
        if best.as_ref().is_none_or(|(b, _)| d < *b) {
            best = Some((d, v));
        }
    }
    Ok(best.expect("at least one run"))
}

pub(crate) fn run(args: &BenchArgs) -> Result<u8> {
    let (dir, inboxes) = generate(args)?;
    let setup = Setup {
        pipeline: Pipeline::load(&dir.join("pipeline.toml"))?,
        exe: std::env::current_exe().map_err(|e| Error::Bench(e.to_string()))?,
        output: dir.join("output"),
        registry: dir.join("registry.xlsx"),
        config: dir.join("pipeline.toml"),
    };
    println!(
        "{:<8} {:>6} {:>9} {:>9} {:>9} {:>9} {:>7}  stages (s)",
        "period", "files", "read fl.", "write fl.", "floor", "run", "ratio"
    );
    let mut total_run = Duration::ZERO;
    let mut total_floor = Duration::ZERO;
    let mut peak_memory: Option<u64> = None;
    for planned in &plan(&dir, &inboxes, args.one_folder)? {
        let m = measure(args, &setup, planned)?;
        total_run += m.run;
        total_floor += m.floor;
        peak_memory = peak_memory.max(m.peak);
    }
    let peak = peak_memory.map_or("unknown".into(), |b| format!("{:.0} MB", b as f64 / 1e6));
    println!(
        "all periods: run {} s, floor {} s, ratio {:.2}x; peak memory of a run {}",
        secs(total_run),
        secs(total_floor),
        total_run.as_secs_f64() / total_floor.as_secs_f64().max(1e-9),
        peak
    );
    if !args.keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(0)
}

/// What every measured run shares: the generated pipeline, registry and
/// output folder, and this program to run them with.
struct Setup {
    pipeline: Pipeline,
    exe: PathBuf,
    output: PathBuf,
    registry: PathBuf,
    /// The generated pipeline file.
    config: PathBuf,
}

/// One period to measure: its name, its report files, the folder its run reads.
struct Planned {
    period: String,
    files: Vec<PathBuf>,
    inbox: PathBuf,
}

/// What one period's measurement found.
struct Measured {
    run: Duration,
    floor: Duration,
    peak: Option<u64>,
}

/// Generates the inboxes (one folder per period), the registry and the
/// pipeline under the working folder; returns the folder and the inboxes.
fn generate(args: &BenchArgs) -> Result<(PathBuf, Vec<PathBuf>)> {
    let shipped = super::load_pipeline(args.pipeline.as_deref())?;
    let shipped_text = if shipped.builtin {
        crate::pipeline::BUILTIN_TEXT.to_string()
    } else {
        std::fs::read_to_string(&shipped.path).map_err(|source| {
            Error::Pipeline(PipelineError::Read {
                path: shipped.path.clone(),
                source,
            })
        })?
    };
    let last = period_flag(args.period.as_deref().unwrap_or("2026-03"))?;
    let shape = Shape {
        units: args.units,
        orgs: args.orgs,
        periods: args.periods,
        last,
    };
    let dir = args.dir.clone();
    let _ = std::fs::remove_dir_all(&dir);
    let t = Instant::now();
    let inboxes =
        bench::generate(&dir, &shape, &shipped_text).map_err(|source| Error::Generate {
            dir: dir.clone(),
            source,
        })?;
    println!(
        "generated {} units x {} organisations x {} period(s) in {:.1} s under {}",
        shape.units,
        shape.orgs,
        shape.periods,
        t.elapsed().as_secs_f64(),
        dir.display()
    );
    Ok((dir, inboxes))
}

/// The periods to measure. With `one_folder`, every period's files are
/// first moved into one inbox, which every run then reads.
fn plan(dir: &Path, inboxes: &[PathBuf], one_folder: bool) -> Result<Vec<Planned>> {
    let mut plan = Vec::new();
    let together = dir.join("inbox").join("all");
    for inbox in inboxes {
        let period = inbox
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let files = bench::files_in(inbox);
        if !one_folder {
            plan.push(Planned {
                period,
                files,
                inbox: inbox.clone(),
            });
            continue;
        }
        std::fs::create_dir_all(&together).map_err(|e| WriteError::file(&together, e))?;
        let mut moved = Vec::with_capacity(files.len());
        for f in files {
            let to = together.join(f.file_name().unwrap_or_default());
            std::fs::rename(&f, &to).map_err(|e| WriteError::file(&to, e))?;
            moved.push(to);
        }
        plan.push(Planned {
            period,
            files: moved,
            inbox: together.clone(),
        });
    }
    Ok(plan)
}

/// Measures one period: the floor, the whole run as a user runs it (a
/// child process, timed, then once more for its memory), and the same run
/// in this process for the split by stage; prints the period's line.
fn measure(args: &BenchArgs, setup: &Setup, planned: &Planned) -> Result<Measured> {
    let period = planned.period.as_str();
    // The floor reads the period's own reports and the registry, even
    // where the folder holds other months too.
    let mut inputs = planned.files.clone();
    inputs.push(setup.registry.clone());
    let (read_floor, cells_read) = best(args.runs, || Ok(bench::read_floor(&inputs)))?;
    let command = || {
        let mut c = std::process::Command::new(&setup.exe);
        c.args(["consolidate", "-q", "--pipeline"])
            .arg(&setup.config)
            .arg("--input")
            .arg(&planned.inbox)
            .args(["--period", period, "--output"])
            .arg(&setup.output);
        c
    };
    let failed = || Error::Bench(format!("consolidate failed on {}", planned.inbox.display()));
    let (run, _) = best(args.runs, || {
        let t = Instant::now();
        let status = command()
            .status()
            .map_err(|e| Error::Bench(e.to_string()))?;
        if status.code().is_none_or(|c| c > 1) {
            return Err(failed());
        }
        Ok((t.elapsed(), ()))
    })?;
    // Once more, untimed, watching its memory.
    let (status, peak) =
        bench::run_measured(&mut command()).map_err(|e| Error::Bench(e.to_string()))?;
    if status.code().is_none_or(|c| c > 1) {
        return Err(failed());
    }
    let (laps, cells_written) = split_by_stage(setup, planned)?;
    let write_floor = bench::write_floor(cells_written).map_err(|e| Error::Bench(e.to_string()))?;
    let floor = read_floor + write_floor;
    println!(
        "{:<8} {:>6} {:>9} {:>9} {:>9} {:>9} {:>6.2}x  {}",
        period,
        planned.files.len(),
        secs(read_floor),
        secs(write_floor),
        secs(floor),
        secs(run),
        run.as_secs_f64() / floor.as_secs_f64().max(1e-9),
        laps.join(", ")
    );
    tracing::info!(cells_read, cells_written, "cells");
    Ok(Measured { run, floor, peak })
}

/// The period's run in this process, outputs written: the time of each
/// stage (`name seconds`) and the cells the outputs hold.
fn split_by_stage(setup: &Setup, planned: &Planned) -> Result<(Vec<String>, usize)> {
    let request = Request {
        pipeline: &setup.pipeline,
        input: planned.inbox.clone(),
        registry: setup.registry.clone(),
        period: Some(period_flag(&planned.period)?),
        lang: setup.pipeline.lang,
        progress: false,
        history: Some(setup.output.join("history")),
    };
    let mut outcome = process(&request)?;
    let t = Instant::now();
    let paths = report::write_all(&outcome, &setup.output)?;
    outcome.stages.laps.push(("write", t.elapsed()));
    let laps = outcome
        .stages
        .laps
        .iter()
        .map(|(n, d)| format!("{n} {}", secs(*d)))
        .collect();
    Ok((laps, bench::cells_in(&paths.dir)))
}
