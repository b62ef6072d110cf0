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
    let registry_path = args
        .registry
        .clone()
        .unwrap_or_else(|| pipeline.registry.clone());
    let registry = Registry::load(&registry_path, &pipeline).ok();
    let files: Vec<InputFile> = args
        .files
        .iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
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
                r.issues.push(crate::issue::Issue::new(
                    crate::issue::Rule::FileUnitUnknown,
                    crate::issue::Place::file(&r.rel),
                ));
            }
            checks::check_file(r, registry.as_ref(), &pipeline);
        }
        issues.extend(r.issues.iter().cloned());
    }
    let issues = finish_issues(issues, &pipeline, lang);
    for r in &reports {
        print_read(r, &pipeline, lang);
    }
    println!();
    print_table(&issues, lang);
    let errors = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    println!();
    if errors == 0 {
        println!(
            "{}",
            lang.pick(
                "Есеп жіберуге дайын.",
                "Отчёт готов к отправке.",
                "Ready to send."
            )
        );
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

/// What was read from a file: its unit and period, and the figures found,
/// so a district chair sees at once that the right table was taken.
fn print_read(r: &crate::tables::FileReport, pipeline: &crate::pipeline::Pipeline, lang: Lang) {
    use crate::messages::fmt_num;
    let unit = r
        .unit
        .as_deref()
        .and_then(|u| pipeline.unit(u))
        .map_or("?", |u| u.name(lang));
    let period = r.period.map_or("?".to_string(), |p| p.to_string());
    println!("{}: {unit}, {period}", r.name);
    let Some(cov) = &r.coverage else { return };
    let sums = crate::checks::levels::sums(cov);
    let f = |v: Option<f64>| v.map_or("—".to_string(), |v| fmt_num(v, lang));
    println!(
        "  {} «{}»: {} {}, {} {}, {} {}",
        lang.pick("Парақ", "Лист", "Sheet"),
        cov.sheet,
        cov.accepted().count(),
        lang.pick("ұйым", "организаций", "organisations"),
        f(sums[0]),
        lang.pick("мүше", "членов профсоюза", "members"),
        f(sums[1]),
        lang.pick("оқытудан өтті", "прошли обучение", "trained"),
    );
    if let Some(e) = &r.events {
        println!(
            "  {} «{}»: {} {}, {} {}",
            lang.pick("Парақ", "Лист", "Sheet"),
            e.sheet,
            e.rows.len(),
            lang.pick("іс-шара", "мероприятий", "events"),
            f(e.participants()),
            lang.pick("қатысушы", "участников", "participants"),
        );
    }
    if let Some(fin) = &r.finance {
        println!(
            "  {} «{}»: {} {}, {} {}",
            lang.pick("Парақ", "Лист", "Sheet"),
            fin.sheet,
            f(fin.budget),
            lang.pick(
                "теңге смета шығыстары",
                "тенге расходов по смете",
                "tenge of expenses"
            ),
            f(fin.training),
            lang.pick("теңге оқытуға", "тенге на обучение", "tenge on training"),
        );
    }
}

fn print_table(issues: &[crate::issue::Issue], lang: Lang) {
    if issues.is_empty() {
        println!(
            "{}",
            lang.pick("Ескерту жоқ.", "Замечаний нет.", "No issues.")
        );
        return;
    }
    let head = [
        lang.pick("Маңыздылығы", "Важность", "Severity"),
        lang.pick("Орны", "Место", "Where"),
        lang.pick("Не істеу керек", "Что сделать", "What to do"),
    ];
    println!("{:<13} {:<28} {}", head[0], head[1], head[2]);
    for i in issues {
        let place = match (&i.place.file, &i.place.sheet, i.place.a1()) {
            (Some(f), Some(s), Some(c)) => format!("{f} / {s}!{c}"),
            (Some(f), Some(s), None) => format!("{f} / {s}"),
            (Some(f), None, _) => f.clone(),
            _ => String::new(),
        };
        println!(
            "{:<13} {:<28} {}",
            severity_label(i.severity, lang),
            place,
            i.message
        );
    }
}
