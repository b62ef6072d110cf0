//! `jinaq template --unit UNIT --period YYYY-MM --out FILE`: the form a
//! district fills, pre-filled with its organisations from the registry and
//! with last period's figures where history has them.

use super::texts::T;
use super::{load_pipeline, parse_lang, period_flag, sources_lines};
use crate::cli::TemplateArgs;
use crate::error::{Error, Result};
use crate::lang::{fill, Lang};
use crate::period::Period;
use crate::registry::{Registry, RegistryError, RegistryProblem};
use crate::report::WriteError;
use crate::template::{self, Form};
use std::path::{Path, PathBuf};

pub(crate) fn run(args: &TemplateArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    // Kazakh unless asked otherwise, whatever the pipeline's message language.
    let lang = match args.lang.as_deref() {
        Some(l) => template::form_lang(parse_lang(Some(l), &pipeline)?).ok_or(Error::FormLang)?,
        None => Lang::Kk,
    };
    let period: Period = period_flag(&args.period)?;
    let unit = pipeline
        .unit_by_name(&args.unit)
        .ok_or_else(|| Error::UnitFlag {
            given: args.unit.clone(),
            known: pipeline.units.iter().map(|u| u.id.clone()).collect(),
        })?;
    // Only a registry asked for, or the working folder's: never the samples'.
    let registry_path = args
        .registry
        .clone()
        .or_else(|| pipeline.file_registry().map(Path::to_path_buf));
    for line in sources_lines(&pipeline, registry_path.as_deref(), lang) {
        println!("{line}");
    }
    let registry_path = registry_path.ok_or(Error::NoRegistry)?;
    let registry = Registry::load(&registry_path, &pipeline)?;
    if registry.in_unit(&unit.id).next().is_none() {
        return Err(Error::Registry(RegistryError {
            path: registry_path,
            problem: RegistryProblem::NoOrgs(unit.name(lang).to_string()),
        }));
    }

    let output = args
        .output
        .clone()
        .unwrap_or_else(|| pipeline.output.clone());
    let previous = match template::previous(&output.join("history"), period, &unit.id) {
        Ok(p) => p,
        Err(reason) => {
            let text = T::PreviousUnreadable.get(lang);
            eprintln!("{}", fill(text, &[("reason", &reason.to_string())]));
            None
        }
    };
    let form = Form::prepare(&pipeline, &registry, unit, period, lang, previous.as_ref());
    let bytes = template::book::write(&form).map_err(|source| WriteError::Workbook {
        path: args.out.clone(),
        source,
    })?;
    // An existing folder gets the file under its suggested name.
    let path: PathBuf = if args.out.is_dir() {
        args.out.join(&form.file_name)
    } else {
        args.out.clone()
    };
    std::fs::write(&path, bytes).map_err(|e| WriteError::file(&path, e))?;
    print_written(&form, &path, &output);
    Ok(0)
}

fn print_written(form: &Form, path: &Path, output: &Path) {
    let say = |text: T, values: &[(&str, &str)]| fill(text.get(form.lang), values);
    let period = template::texts::period_title(form.period, form.lang);
    let path = path.display().to_string();
    println!("{}", say(T::FormWritten, &[("path", &path)]));
    let orgs = form.orgs.len().to_string();
    let unit = form.unit_name.as_str();
    let head = [("unit", unit), ("period", period.as_str()), ("n", &orgs)];
    println!("  {}", say(T::FormOrgs, &head));
    let events = form.events.len().to_string();
    let prefilled = match form.prefilled_from {
        Some(p) => say(
            T::FormPrefilled,
            &[("period", &p.to_string()), ("events", &events)],
        ),
        None if form.period.month == 1 => say(T::FormJanuary, &[]),
        None => {
            let (previous, folder) = (form.period.previous().to_string(), output.display());
            let consolidate =
                format!("jinaq consolidate --period {previous} --output \"{folder}\"");
            say(
                T::FormNoPrevious,
                &[
                    ("previous", &previous),
                    ("folder", &folder.to_string()),
                    ("consolidate", &consolidate),
                    ("flag", "--output"),
                ],
            )
        }
    };
    println!("  {prefilled}");
    let next = [
        ("file", form.file_name.as_str()),
        ("command", "jinaq check"),
    ];
    println!("  {}", say(T::FormNext, &next));
}
