//! `jinaq template --unit UNIT --period YYYY-MM --out FILE`: the form a
//! district fills, pre-filled with its organisations from the registry and
//! with last period's figures where history has them.

use super::load_pipeline;
use super::texts::T;
use crate::cli::TemplateArgs;
use crate::error::{Error, Result};
use crate::lang::{fill, Lang};
use crate::normalize::identify::Period;
use crate::registry::Registry;
use crate::template::{self, Form};
use std::path::PathBuf;

pub fn run(args: &TemplateArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    // Kazakh unless asked otherwise, whatever the pipeline's message language.
    let lang = match args.lang.as_deref() {
        Some(l) => template::form_lang(l.parse().map_err(Error::Usage)?).map_err(Error::Usage)?,
        None => Lang::Kk,
    };
    let period: Period = args.period.parse().map_err(Error::Usage)?;
    let unit = pipeline.unit_by_name(&args.unit).ok_or_else(|| {
        let known: Vec<&str> = pipeline.units.iter().map(|u| u.id.as_str()).collect();
        Error::Usage(format!(
            "`{}` is not a unit of the pipeline; give its id ({}) or its Kazakh or Russian name",
            args.unit,
            known.join(", ")
        ))
    })?;
    let registry_path = args
        .registry
        .clone()
        .unwrap_or_else(|| pipeline.registry.clone());
    let registry = Registry::load(&registry_path, &pipeline)?;
    if registry.in_unit(&unit.id).next().is_none() {
        return Err(Error::Registry {
            path: registry_path,
            message: format!("it lists no organisation of {}", unit.name(lang)),
        });
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
    let bytes = template::book::write(&form).map_err(|e| Error::Output {
        path: args.out.clone(),
        message: e.to_string(),
    })?;
    // An existing folder gets the file under its suggested name.
    let path: PathBuf = if args.out.is_dir() {
        args.out.join(&form.file_name)
    } else {
        args.out.clone()
    };
    std::fs::write(&path, bytes).map_err(|e| Error::Output {
        path: path.clone(),
        message: e.to_string(),
    })?;
    print_written(&form, &path);
    Ok(0)
}

fn print_written(form: &Form, path: &std::path::Path) {
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
        None => say(T::FormNoPrevious, &[]),
    };
    println!("  {prefilled}");
    let next = [
        ("file", form.file_name.as_str()),
        ("command", "jinaq check"),
    ];
    println!("  {}", say(T::FormNext, &next));
}
