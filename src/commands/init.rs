//! `jinaq init DIR`: the working folder a specialist runs every month in.
//!
//! It holds `jinaq.toml` (the built-in pipeline, comments included, its
//! paths pointing at the folder's own `inbox/`, `registry.xlsx` and
//! `output/`), the two folders, and `registry.xlsx`: empty with its headers
//! and an instructions sheet, or, with `--registry-from INBOX`, a draft
//! made from a month of reports ([`draft`]) for the specialist to review.
//! Nothing that exists is replaced: when a file is in the way, `init` names
//! it and stops before writing anything.

pub(crate) mod book;
pub(crate) mod draft;

use super::texts::T;
use super::{display_path, lang_flag, parse_period, WORKING_PIPELINE};
use crate::cli::InitArgs;
use crate::error::{Error, Result};
use crate::lang::{fill, Lang};
use crate::pipeline::{Pipeline, BUILTIN_BRIEF_TEXT, BUILTIN_TEXT};
use crate::report::WriteError;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The names inside a working folder.
const INBOX: &str = "inbox";
const OUTPUT: &str = "output";
const REGISTRY: &str = "registry.xlsx";
/// The texts of the year's brief, as the pipeline's `[brief] text` names them.
const BRIEF_TEXT: &str = "brief-text.toml";

pub(crate) fn run(args: &InitArgs) -> Result<u8> {
    let lang = args.lang.as_deref().map_or(Ok(Lang::Kk), lang_flag)?;
    let dir = &args.dir;
    let config = dir.join(WORKING_PIPELINE);
    let registry = dir.join(REGISTRY);
    let brief_text = dir.join(BRIEF_TEXT);
    let folders = [dir.join(INBOX), dir.join(OUTPUT)];
    // Files never replaced; a folder that exists is used as it is.
    let mut in_the_way: Vec<PathBuf> = [&config, &registry, &brief_text]
        .into_iter()
        .filter(|p| p.symlink_metadata().is_ok())
        .cloned()
        .collect();
    in_the_way.extend(
        folders
            .iter()
            .filter(|p| p.symlink_metadata().is_ok_and(|m| !m.is_dir()))
            .cloned(),
    );
    if !in_the_way.is_empty() {
        return Err(Error::InitExists(in_the_way));
    }
    let text = working_text(BUILTIN_TEXT);
    let pipeline = Pipeline::parse(&text, &config)?;
    let (bytes, drafted) = match &args.registry_from {
        None => (
            book::empty(&pipeline).map_err(|e| xlsx(&registry, e))?,
            None,
        ),
        Some(inbox) => {
            let d = draft::from_inbox(inbox, &pipeline, parse_period(args.period.as_deref())?)?;
            let bytes = book::draft(&pipeline, &d).map_err(|e| xlsx(&registry, e))?;
            (bytes, Some(d))
        }
    };
    for f in std::iter::once(dir).chain(&folders) {
        std::fs::create_dir_all(f).map_err(|e| WriteError::file(f, e))?;
    }
    write_new(&config, text.as_bytes())?;
    write_new(&registry, &bytes)?;
    write_new(&brief_text, BUILTIN_BRIEF_TEXT.as_bytes())?;
    print_made(dir, drafted.as_ref(), lang);
    Ok(0)
}

fn xlsx(path: &Path, source: rust_xlsxwriter::XlsxError) -> WriteError {
    WriteError::Workbook {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes a file that must not exist yet (one made meanwhile is kept).
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| WriteError::file(path, e))?;
    f.write_all(bytes).map_err(|e| WriteError::file(path, e))?;
    Ok(())
}

/// The shipped pipeline's text with its `[pipeline]` paths set to the
/// working folder's own; every comment and setting kept.
pub(crate) fn working_text(shipped: &str) -> String {
    let mut section = String::new();
    let mut out = String::with_capacity(shipped.len());
    for line in shipped.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            section = trimmed.to_string();
        }
        let key = trimmed.split('=').next().unwrap_or("").trim();
        let value = match key {
            "input" => Some(INBOX),
            "registry" => Some(REGISTRY),
            "output" => Some(OUTPUT),
            _ => None,
        };
        match value {
            Some(v) if section == "[pipeline]" && trimmed.contains('=') => {
                out.push_str(&format!("{key} = \"{v}\""));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// What was made and what to do next, in the user's language.
fn print_made(dir: &Path, drafted: Option<&draft::Draft>, lang: Lang) {
    let say = |t: T, values: &[(&str, &str)]| println!("{}", fill(t.get(lang), values));
    say(T::InitMade, &[("dir", &display_path(dir))]);
    say(T::InitPipeline, &[("file", WORKING_PIPELINE)]);
    match drafted {
        None => say(T::InitRegistryEmpty, &[("file", REGISTRY)]),
        Some(d) => say(
            T::InitRegistryDraft,
            &[
                ("file", REGISTRY),
                ("orgs", &d.orgs.len().to_string()),
                ("files", &d.files.to_string()),
                ("period", &d.period.to_string()),
            ],
        ),
    }
    say(T::InitInbox, &[("dir", INBOX)]);
    say(T::InitOutput, &[("dir", OUTPUT)]);
    println!();
    say(T::InitNext, &[]);
    let step1 = match drafted {
        None => T::InitStepFill,
        Some(_) => T::InitStepReview,
    };
    say(step1, &[("file", REGISTRY)]);
    say(T::InitStepInbox, &[("dir", INBOX)]);
    let cd = format!("cd \"{}\"", dir.display());
    say(
        T::InitStepRun,
        &[("cd", &cd), ("command", "jinaq consolidate")],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_working_pipeline_points_at_the_folder_and_keeps_every_comment() {
        let text = working_text(BUILTIN_TEXT);
        let dir = Path::new("/somewhere/month");
        let p = Pipeline::parse(&text, &dir.join(WORKING_PIPELINE)).unwrap();
        assert_eq!(p.input, dir.join("inbox"));
        assert_eq!(p.registry, dir.join("registry.xlsx"));
        assert_eq!(p.output, dir.join("output"));
        let comments = |t: &str| t.lines().filter(|l| l.starts_with('#')).count();
        assert_eq!(comments(&text), comments(BUILTIN_TEXT));
        assert_eq!(text.lines().count(), BUILTIN_TEXT.lines().count());
        // The registry's header lists, whose keys are also `unit`, `name`...,
        // are left alone; only three lines change.
        let changed = text
            .lines()
            .zip(BUILTIN_TEXT.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(changed, 3);
    }
}
