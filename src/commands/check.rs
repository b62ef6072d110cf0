//! `jinaq check FILE...`: a district's self-check before sending. Runs every
//! rule that the files alone (and the registry for their unit) can trigger and
//! prints them as a table in the chosen language; exit 1 on errors.

use super::consolidate::{finish_issues, read_all};
use super::{load_pipeline, parse_lang, parse_period};
use crate::checks;
use crate::cli::CheckArgs;
use crate::error::Result;
use crate::ingest::discover::{extension, FileKind, InputFile};
use crate::issue::Severity;
use crate::lang::Lang;
use crate::messages::severity_label;
use crate::registry::Registry;
use crate::tables::FileStatus;

pub fn run(args: &CheckArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    let lang = parse_lang(args.lang.as_deref(), &pipeline)?;
    let period = parse_period(args.period.as_deref())?;
    let registry_path = args.registry.clone().unwrap_or_else(|| pipeline.registry.clone());
    let registry = Registry::load(&registry_path, &pipeline).ok();
    let files: Vec<InputFile> = args
        .files
        .iter()
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            let meta = std::fs::metadata(p);
            let ext = extension(&name);
            let kind = match &meta {
                Ok(m) if m.is_dir() => FileKind::Unreadable("folder".into()),
                Ok(_) if pipeline.files.workbook_extensions.contains(&ext) => FileKind::Workbook,
                Ok(_) => FileKind::Ignored("other".into()),
                Err(e) => FileKind::Unreadable(format!("cannot_open|{e}")),
            };
            InputFile {
                path: p.clone(),
                rel: name.clone(),
                name,
                modified: meta.as_ref().ok().and_then(|m| m.modified().ok()),
                size: meta.as_ref().map(|m| m.len()).unwrap_or(0),
                kind,
            }
        })
        .collect();
    let mut reports = read_all(&files, &pipeline, period, false);
    let mut issues = Vec::new();
    for r in reports.iter_mut() {
        if r.status == FileStatus::Read {
            if r.unit.is_none() {
                r.issues.push(crate::issue::Issue::new(crate::issue::Rule::FileUnitUnknown, crate::issue::Place::file(&r.rel)));
            }
            checks::check_file(r, registry.as_ref(), &pipeline);
        }
        issues.extend(r.issues.iter().cloned());
    }
    let issues = finish_issues(issues, &pipeline, lang);
    print_table(&issues, lang);
    let errors = issues.iter().filter(|i| i.severity == Severity::Error).count();
    println!();
    if errors == 0 {
        println!("{}", lang.pick("Есеп жіберуге дайын.", "Отчёт готов к отправке.", "Ready to send."));
        Ok(0)
    } else {
        println!(
            "{}",
            match lang {
                Lang::Kk => format!("Алдымен {errors} қатені түзетіңіз."),
                Lang::Ru => format!("Сначала исправьте ошибки: {errors}."),
                Lang::En => format!("Fix {errors} error(s) first."),
            }
        );
        Ok(1)
    }
}

fn print_table(issues: &[crate::issue::Issue], lang: Lang) {
    if issues.is_empty() {
        println!("{}", lang.pick("Ескерту жоқ.", "Замечаний нет.", "No issues."));
        return;
    }
    let head = [lang.pick("Маңыздылығы", "Важность", "Severity"), lang.pick("Орны", "Место", "Where"), lang.pick("Не істеу керек", "Что сделать", "What to do")];
    println!("{:<13} {:<28} {}", head[0], head[1], head[2]);
    for i in issues {
        let place = match (&i.place.file, &i.place.sheet, i.place.a1()) {
            (Some(f), Some(s), Some(c)) => format!("{f} / {s}!{c}"),
            (Some(f), Some(s), None) => format!("{f} / {s}"),
            (Some(f), None, _) => f.clone(),
            _ => String::new(),
        };
        println!("{:<13} {:<28} {}", severity_label(i.severity, lang), place, i.message);
    }
}
