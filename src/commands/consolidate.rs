//! `jinaq consolidate`: the flags resolved into a [`Request`], the run
//! ([`crate::run::execute`]) with a progress bar over files, and a run
//! summary at the end; exit status 1 when the run found error-severity issues.

use super::texts::T;
use super::{load_pipeline, parse_lang, parse_period};
use crate::cli::ConsolidateArgs;
use crate::error::Result;
use crate::issue::Severity;
use crate::lang::fill;
use crate::messages;
use crate::report::OutputPaths;
use crate::run::outcome::Outcome;
use crate::run::request::Request;
use std::io::IsTerminal;
use std::path::Path;

pub fn run(args: &ConsolidateArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| pipeline.output.clone());
    let request = Request {
        pipeline: &pipeline,
        input: args.input.clone().unwrap_or_else(|| pipeline.input.clone()),
        registry: args
            .registry
            .clone()
            .unwrap_or_else(|| pipeline.registry.clone()),
        period: parse_period(args.period.as_deref())?,
        lang: parse_lang(args.lang.as_deref(), &pipeline)?,
        progress: !args.quiet && std::io::stderr().is_terminal(),
        history: Some(output.join("history")),
    };
    let (outcome, paths) = crate::run::execute(&request, &output)?;
    if !args.quiet {
        print_summary(&outcome, &paths);
    }
    Ok(if outcome.count(Severity::Error) > 0 {
        1
    } else {
        0
    })
}

fn print_summary(o: &Outcome, paths: &OutputPaths) {
    let l = o.lang;
    let (e, w, i) = (
        o.count(Severity::Error),
        o.count(Severity::Warning),
        o.count(Severity::Info),
    );
    let say = |text: T, values: &[(&str, &str)]| println!("{}", fill(text.get(l), values));
    say(T::Period, &[("period", &o.period.to_string())]);
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
    say(
        T::Issues,
        &[
            ("errors", &e.to_string()),
            ("error", messages::severity_label(Severity::Error, l)),
            ("warnings", &w.to_string()),
            ("warning", messages::severity_label(Severity::Warning, l)),
            ("infos", &i.to_string()),
            ("info", messages::severity_label(Severity::Info, l)),
        ],
    );
    say(T::Outputs, &[("dir", &display_path(&paths.dir))]);
    for p in paths.all() {
        println!(
            "  {}",
            p.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        );
    }
}

/// The folder as a person would look for it: absolute, without the
/// `pipelines/..` of a path taken relative to the pipeline file. Windows
/// drops `..` in making a path absolute; elsewhere the folder, just written,
/// is resolved by the system.
fn display_path(p: &Path) -> String {
    #[cfg(unix)]
    let resolved = std::fs::canonicalize(p).or_else(|_| std::path::absolute(p));
    #[cfg(not(unix))]
    let resolved = std::path::absolute(p);
    resolved
        .unwrap_or_else(|_| p.to_path_buf())
        .display()
        .to_string()
}
