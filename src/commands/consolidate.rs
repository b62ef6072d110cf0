//! `jinaq consolidate`: the flags resolved into a [`Request`], the run
//! ([`crate::run::execute`]) with a progress bar over files, and a run
//! summary at the end; exit status 1 when the run found error-severity issues.

use super::texts::T;
use super::{display_path, load_pipeline, sources_lines};
use crate::cli::ConsolidateArgs;
use crate::error::Result;
use crate::issue::Severity;
use crate::lang::{fill, Lang};
use crate::messages;
use crate::period::Period;
use crate::report::OutputPaths;
use crate::run::outcome::Outcome;

pub(crate) fn run(args: &ConsolidateArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| pipeline.output.clone());
    let request = super::request(args, &pipeline, &output)?;
    if !args.quiet {
        for line in sources_lines(&pipeline, Some(&request.registry), request.lang) {
            println!("{line}");
        }
    }
    let (outcome, paths) = crate::run::execute(&request, &output)?;
    let brief = year_end_brief(&outcome, &output, args.quiet);
    if !args.quiet {
        print_summary(&outcome, &paths);
        if let Some(name) = brief.as_ref().and_then(|p| p.file_name()) {
            println!("  {}", name.to_string_lossy());
        }
    }
    Ok(if outcome.count(Severity::Error) > 0 {
        1
    } else {
        0
    })
}

/// A December run writes the year's brief beside the workbook. A brief that
/// cannot be made is told on stderr; the run's outputs and exit status stand.
fn year_end_brief(
    o: &Outcome,
    output: &std::path::Path,
    quiet: bool,
) -> Option<std::path::PathBuf> {
    if o.period.month != 12 {
        return None;
    }
    let written = super::brief::narrative(None, o.pipeline, o.lang, !quiet)
        .and_then(|n| Ok(crate::report::brief::write(o, o.lang, &n, output)?));
    match written {
        Ok(path) => Some(path),
        Err(e) => {
            eprintln!("jinaq: {}", e.message(o.lang));
            None
        }
    }
}

/// The run in a few lines (the pipeline and registry used are printed before
/// it starts): the period, what was read, the region's figures, the issues and the units whose reports
/// have errors, and where the outputs are.
fn print_summary(o: &Outcome, paths: &OutputPaths) {
    let l = o.lang;
    let say = |text: T, values: &[(&str, &str)]| println!("{}", fill(text.get(l), values));
    say(T::Period, &[("period", &period_spelled(o.period, l))]);
    say(
        T::Files,
        &[
            ("found", &o.files.found.to_string()),
            ("read", &o.files.read.to_string()),
            ("skipped", &o.files.skipped.to_string()),
        ],
    );
    for r in &o.reports {
        if let Some(by) = r
            .issues
            .iter()
            .find(|i| i.rule == crate::issue::Rule::FileSuperseded)
            .and_then(|i| i.detail.as_deref())
        {
            say(T::SupersededBy, &[("file", &r.rel), ("by", by)]);
        }
    }
    say(
        T::Rows,
        &[
            ("read", &o.rows.read.to_string()),
            ("accepted", &o.rows.accepted.to_string()),
            ("rejected", &o.rows.rejected.to_string()),
        ],
    );
    let region = &o.consolidation.region;
    let figure = |v: Option<f64>| {
        v.map_or_else(
            || T::NotReported.get(l).to_string(),
            |v| messages::fmt_num(v, l),
        )
    };
    say(
        T::Figures,
        &[
            ("members", &figure(region.members)),
            ("trained", &figure(region.trained.total)),
            (
                "share",
                &region.trained_share.map_or_else(
                    || T::NotReported.get(l).to_string(),
                    |s| messages::fmt_share_shown(s, o.pipeline.share, l),
                ),
            ),
        ],
    );
    let count = |s: Severity| messages::severity_count(s, o.count(s), l);
    say(
        T::Issues,
        &[
            ("errors", &count(Severity::Error)),
            ("warnings", &count(Severity::Warning)),
            ("infos", &count(Severity::Info)),
        ],
    );
    if let Some(units) = error_units(o) {
        say(T::ErrorUnits, &[("units", &units)]);
    }
    say(T::Outputs, &[("dir", &display_path(&paths.dir))]);
    for p in paths.all() {
        println!(
            "  {}",
            p.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        );
    }
    let district_files = paths.district_files.len();
    if district_files > 0 {
        say(
            T::DistrictFiles,
            &[("folder", "districts/"), ("n", &district_files.to_string())],
        );
    }
}

/// The month of a period written out: `2026 жылғы наурыз`, `март 2026 г.`,
/// `March 2026`.
fn period_spelled(p: Period, l: Lang) -> String {
    fill(
        T::PeriodSpelled.get(l),
        &[
            ("year", &p.year.to_string()),
            ("month", crate::lang::month_name(p.month, l)),
        ],
    )
}

/// The units whose reports have errors, in the pipeline's order, each with
/// its count: `Алгинский район (3 ошибки), Шалкарский район (1 ошибка)`;
/// None when no unit has one.
fn error_units(o: &Outcome) -> Option<String> {
    let l = o.lang;
    let units: Vec<String> = o
        .pipeline
        .units
        .iter()
        .filter_map(|u| {
            let n = o.unit_count(&u.id, Severity::Error);
            (n > 0).then(|| {
                format!(
                    "{} ({})",
                    u.name(l),
                    messages::severity_count(Severity::Error, n, l)
                )
            })
        })
        .collect();
    (!units.is_empty()).then(|| units.join(", "))
}
