//! `jinaq brief`: the period run in memory exactly as `consolidate` runs it
//! (the same [`Request`], the previous year read from `OUTPUT/history`),
//! then only `brief-<period>.docx` written under `OUTPUT/<period>/`: no other
//! output, and no period stored. Exit status as `consolidate`'s: 1 when the
//! figures come from reports with error-severity issues.

use super::texts::T;
use super::{display_path, load_pipeline, parse_lang, sources_lines};
use crate::cli::{BriefArgs, ConsolidateArgs};
use crate::error::Result;
use crate::issue::Severity;
use crate::lang::{fill, Lang};
use crate::pipeline::{Pipeline, BUILTIN_BRIEF_TEXT};
use crate::report::brief::{self, Narrative};
use std::path::{Path, PathBuf};

pub(crate) fn run(args: &BriefArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| pipeline.output.clone());
    let lang = parse_lang(args.lang.as_deref(), &pipeline)?;
    let narrative = narrative(args.text.as_deref(), &pipeline, lang, true)?;
    // The period is run as `consolidate` runs it, with the same flags.
    let run_args = ConsolidateArgs {
        pipeline: args.pipeline.clone(),
        input: args.input.clone(),
        registry: args.registry.clone(),
        period: args.period.clone(),
        output: Some(output.clone()),
        lang: args.lang.clone(),
        quiet: true,
        verbose: 0,
    };
    let request = super::request(&run_args, &pipeline, &output)?;
    for line in sources_lines(&pipeline, Some(&request.registry), lang) {
        println!("{line}");
    }
    let outcome = crate::run::process(&request)?;
    let path = brief::write(&outcome, lang, &narrative, &output)?;
    println!(
        "{}",
        fill(T::BriefWritten.get(lang), &[("path", &display_path(&path))])
    );
    Ok(u8::from(outcome.count(Severity::Error) > 0))
}

/// The specialist's texts of the narrative sections: the file given with
/// `--text` (which must be readable), else the pipeline's `[brief] text`.
/// When that file is not there, the built-in pipeline uses the texts shipped
/// with it, and any other pipeline leaves the sections for the specialist
/// (saying so on the terminal when `say`).
pub(crate) fn narrative(
    flag: Option<&Path>,
    pipeline: &Pipeline,
    lang: Lang,
    say: bool,
) -> Result<Narrative> {
    if let Some(path) = flag {
        return Ok(Narrative::load(path)?);
    }
    let path = pipeline.brief_text.clone().unwrap_or_else(|| {
        pipeline
            .path
            .parent()
            .map_or_else(|| PathBuf::from(DEFAULT_TEXT), |d| d.join(DEFAULT_TEXT))
    });
    if path.is_file() {
        return Ok(Narrative::load(&path)?);
    }
    if pipeline.builtin {
        return Ok(Narrative::parse(
            BUILTIN_BRIEF_TEXT,
            Path::new(DEFAULT_TEXT),
        )?);
    }
    if say {
        println!(
            "{}",
            fill(
                T::BriefTextMissing.get(lang),
                &[("path", &display_path(&path))]
            )
        );
    }
    Ok(Narrative::empty(&path))
}

/// The file the narrative is kept in when the pipeline names none.
const DEFAULT_TEXT: &str = "brief-text.toml";
