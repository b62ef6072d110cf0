//! Subcommands: each resolves its flags, calls the stages (a month's
//! consolidation through [`crate::run`]) and talks to the user (run summary,
//! the self-check's table); the stages themselves never print, save the
//! run's progress bar over files when the command asks for one.

pub mod bench;
pub mod check;
pub mod consolidate;
pub mod history;
pub mod template;
pub mod texts;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::period::Period;
use crate::pipeline::{Pipeline, DEFAULT_PIPELINE};
use std::path::{Path, PathBuf};

/// Loads the pipeline named on the command line, or the shipped one (looked
/// up in the working folder, then beside the project).
pub fn load_pipeline(path: Option<&Path>) -> Result<Pipeline> {
    let loaded = match path {
        Some(p) => Pipeline::load(p),
        None => {
            let local = PathBuf::from(DEFAULT_PIPELINE);
            if local.is_file() {
                Pipeline::load(&local)
            } else {
                Pipeline::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PIPELINE))
            }
        }
    };
    Ok(loaded?)
}

pub fn parse_lang(flag: Option<&str>, pipeline: &Pipeline) -> Result<Lang> {
    flag.map_or(Ok(pipeline.lang), lang_flag)
}

fn lang_flag(flag: &str) -> Result<Lang> {
    flag.parse().map_err(|_| Error::LangFlag(flag.to_string()))
}

pub fn parse_period(flag: Option<&str>) -> Result<Option<Period>> {
    flag.map(period_flag).transpose()
}

pub fn period_flag(flag: &str) -> Result<Period> {
    flag.parse()
        .map_err(|_| Error::PeriodFlag(flag.to_string()))
}

/// The language a command that failed speaks in: its `--lang`, else the
/// pipeline's (when the pipeline can be read), else Kazakh.
pub fn failure_lang(lang: Option<&str>, pipeline: Option<&Path>) -> Lang {
    match lang.map(lang_flag) {
        Some(Ok(lang)) => lang,
        Some(Err(_)) => Lang::default(),
        None => load_pipeline(pipeline).map_or(Lang::default(), |p| p.lang),
    }
}
