//! What a run is asked to do: the command's flags resolved against the
//! pipeline file into folders, a period and a language.

use crate::lang::Lang;
use crate::period::Period;
use crate::pipeline::Pipeline;
use std::path::PathBuf;

/// What a run is asked to do, resolved from flags and the pipeline file.
pub struct Request<'p> {
    pub pipeline: &'p Pipeline,
    pub input: PathBuf,
    pub registry: PathBuf,
    pub period: Option<Period>,
    pub lang: Lang,
    pub progress: bool,
    /// `OUTPUT/history`: earlier periods are read from it.
    pub history: Option<PathBuf>,
}
