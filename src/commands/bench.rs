//! `jinaq bench` (hidden): generates a national-scale inbox and measures a
//! whole `consolidate` run against its floor. See `crate::bench`.

use super::consolidate::{process, Request};
use super::period_flag;
use crate::bench::{self, Shape};
use crate::cli::BenchArgs;
use crate::error::{Error, Result};
use crate::pipeline::{Pipeline, PipelineError};
use crate::report::{self, WriteError};
use std::path::PathBuf;
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

pub fn run(args: &BenchArgs) -> Result<u8> {
    let shipped = super::load_pipeline(args.pipeline.as_deref())?;
    let shipped_text = std::fs::read_to_string(&shipped.path).map_err(|source| {
        Error::Pipeline(PipelineError::Read {
            path: shipped.path.clone(),
            source,
        })
    })?;
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
    let pipeline = Pipeline::load(&dir.join("pipeline.toml"))?;
    let exe = std::env::current_exe().map_err(|e| Error::Bench(e.to_string()))?;
    let output = dir.join("output");
    println!(
        "{:<8} {:>6} {:>9} {:>9} {:>9} {:>9} {:>7}  stages (s)",
        "period", "files", "read fl.", "write fl.", "floor", "run", "ratio"
    );
    let mut total_run = Duration::ZERO;
    let mut total_floor = Duration::ZERO;
    let mut peak_memory: Option<u64> = None;
    // (period, its files, the folder its run reads)
    let mut plan: Vec<(String, Vec<PathBuf>, PathBuf)> = Vec::new();
    let together = dir.join("inbox").join("all");
    for inbox in &inboxes {
        let period = inbox
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let files = bench::files_in(inbox);
        if args.one_folder {
            std::fs::create_dir_all(&together).map_err(|e| WriteError::file(&together, e))?;
            let mut moved = Vec::with_capacity(files.len());
            for f in files {
                let to = together.join(f.file_name().unwrap_or_default());
                std::fs::rename(&f, &to).map_err(|e| WriteError::file(&to, e))?;
                moved.push(to);
            }
            plan.push((period, moved, together.clone()));
        } else {
            plan.push((period, files, inbox.clone()));
        }
    }
    for (period, files, inbox) in &plan {
        let period = period.as_str();
        // The floor reads the period's own reports and the registry, even
        // where the folder holds other months too.
        let mut inputs = files.clone();
        let files = files.len();
        inputs.push(dir.join("registry.xlsx"));
        let (read_floor, cells_read) = best(args.runs, || Ok(bench::read_floor(&inputs)))?;
        // The whole run, as a user runs it: a child process.
        let command = || {
            let mut c = std::process::Command::new(&exe);
            c.args(["consolidate", "-q", "--pipeline"])
                .arg(dir.join("pipeline.toml"))
                .arg("--input")
                .arg(inbox)
                .args(["--period", period, "--output"])
                .arg(&output);
            c
        };
        let failed = || Error::Bench(format!("consolidate failed on {}", inbox.display()));
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
        peak_memory = peak_memory.max(peak);
        // The same run in this process, for the split by stage.
        let request = Request {
            pipeline: &pipeline,
            input: inbox.clone(),
            registry: dir.join("registry.xlsx"),
            period: Some(period_flag(period)?),
            lang: pipeline.lang,
            progress: false,
            history: Some(output.join("history")),
        };
        let mut outcome = process(&request)?;
        let t = Instant::now();
        let paths = report::write_all(&outcome, &output)?;
        outcome.stages.laps.push(("write", t.elapsed()));
        let cells_written = bench::cells_in(&paths.dir);
        let write_floor =
            bench::write_floor(cells_written).map_err(|e| Error::Bench(e.to_string()))?;
        let floor = read_floor + write_floor;
        total_run += run;
        total_floor += floor;
        let laps: Vec<String> = outcome
            .stages
            .laps
            .iter()
            .map(|(n, d)| format!("{n} {}", secs(*d)))
            .collect();
        println!(
            "{:<8} {:>6} {:>9} {:>9} {:>9} {:>9} {:>6.2}x  {}",
            period,
            files,
            secs(read_floor),
            secs(write_floor),
            secs(floor),
            secs(run),
            run.as_secs_f64() / floor.as_secs_f64().max(1e-9),
            laps.join(", ")
        );
        tracing::info!(cells_read, cells_written, "cells");
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
