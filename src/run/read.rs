//! The inbox read: every report file opened and read in parallel, with a
//! progress bar over the files when the run is watched in a terminal.
//!
//! Input: the files found in the inbox. Output: one [`FileReport`] per file,
//! in the order found. A reader that panics is caught: its file becomes
//! `file.unreadable` and the run goes on.

use crate::ingest::discover::{FileKind, InputFile};
use crate::ingest::format::Refusal;
use crate::period::Period;
use crate::pipeline::Pipeline;
use crate::tables::{self, read_file, FileReport, FileStatus};
use rayon::prelude::*;

/// The inbox's files as reports, in the order found. With a run period,
/// another month's reports are known by their names and not opened
/// ([`tables::named_for_other_period`]); the rest are read.
pub(crate) fn read_inbox(
    files: &[InputFile],
    pipeline: &Pipeline,
    period: Option<Period>,
    progress: bool,
) -> Vec<FileReport> {
    let known: Vec<Option<FileReport>> = files
        .iter()
        .map(|f| period.and_then(|p| tables::named_for_other_period(f, pipeline, p)))
        .collect();
    let to_read: Vec<InputFile> = files
        .iter()
        .zip(&known)
        .filter(|(_, k)| k.is_none())
        .map(|(f, _)| f.clone())
        .collect();
    let mut read = read_all(&to_read, pipeline, period, progress).into_iter();
    known
        .into_iter()
        .filter_map(|k| k.or_else(|| read.next()))
        .collect()
}

thread_local! {
    static READING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this thread is inside a reader whose panic is caught: a panic
/// hook leaves such a panic's default text off the terminal.
pub(crate) fn in_reader() -> bool {
    READING.with(std::cell::Cell::get)
}

/// Runs a reader with its panic caught and marked as a reader's.
fn reading<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    let was = READING.with(|r| r.replace(true));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    READING.with(|r| r.set(was));
    out
}

/// A panic's message, without where it was raised.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or_default()
}

/// Reads files in parallel; a panic inside a reader becomes `file.unreadable`.
pub(crate) fn read_all(
    files: &[InputFile],
    pipeline: &Pipeline,
    period: Option<Period>,
    progress: bool,
) -> Vec<FileReport> {
    let bar = if progress {
        indicatif::ProgressBar::new(files.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let reports = files
        .par_iter()
        .map(|f| {
            let r = reading(|| read_file(f, pipeline, period));
            bar.inc(1);
            bar.set_message(f.name.clone());
            r.unwrap_or_else(|payload| {
                // The reader's own words, for `-v` only: the user reads one
                // sentence in their language (`file.unreadable`).
                tracing::info!(file = %f.rel, panic = panic_text(&*payload), "reader failed");
                let mut rep = read_file(
                    &InputFile {
                        kind: FileKind::Unreadable(Refusal::ReaderFailed),
                        ..f.clone()
                    },
                    pipeline,
                    period,
                );
                rep.status = FileStatus::Unreadable;
                rep
            })
        })
        .collect();
    bar.finish_and_clear();
    reports
}
