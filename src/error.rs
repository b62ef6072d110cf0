//! Failures that stop a whole run (exit status 2). Everything about a single
//! file, sheet or cell is an [`crate::issue::Issue`] instead.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read the pipeline file {path}: {source}")]
    PipelineRead {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the pipeline file {path} is not valid: {message}")]
    PipelineInvalid { path: PathBuf, message: String },
    #[error("the input folder {0} does not exist or is not a folder")]
    NoInput(PathBuf),
    #[error("cannot list the input folder {path}: {source}")]
    InputList {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Period(String),
    #[error("cannot read the registry {path}: {message}")]
    Registry { path: PathBuf, message: String },
    #[error("cannot consolidate the figures of the reports read: {0}")]
    Consolidation(#[source] polars::error::PolarsError),
    #[error("cannot write {path}: {message}")]
    Output { path: PathBuf, message: String },
    #[error("{0}")]
    Usage(String),
}

pub type Result<T> = std::result::Result<T, Error>;
