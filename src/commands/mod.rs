//! Subcommands: each wires the stages together and talks to the user
//! (progress, run summary); the stages themselves never print.

pub mod bench;
pub mod check;
pub mod consolidate;
pub mod history;
pub mod template;
pub mod texts;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::normalize::identify::Period;
use crate::pipeline::{Pipeline, DEFAULT_PIPELINE};
use std::path::{Path, PathBuf};

/// Loads the pipeline named on the command line, or the shipped one (looked
/// up in the working folder, then beside the project).
pub fn load_pipeline(path: Option<&Path>) -> Result<Pipeline> {
    match path {
        Some(p) => Pipeline::load(p),
        None => {
            let local = PathBuf::from(DEFAULT_PIPELINE);
            if local.is_file() {
                Pipeline::load(&local)
            } else {
                Pipeline::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PIPELINE))
            }
        }
    }
}

pub fn parse_lang(flag: Option<&str>, pipeline: &Pipeline) -> Result<Lang> {
    flag.map_or(Ok(pipeline.lang), |l| l.parse().map_err(Error::Usage))
}

pub fn parse_period(flag: Option<&str>) -> Result<Option<Period>> {
    flag.map(|p| p.parse().map_err(Error::Usage)).transpose()
}
