//! `jinaq history import FILE`: last year's region figures read from a table
//! in the brief's shape and stored as those periods, marked as imported;
//! what was read is printed, period by period.
//!
//! Exit status 0 when every dated column (or the one `--period` names) was
//! stored; 2, with nothing stored, when the file cannot be read, holds no
//! such table, a required row or figure is missing, a written share
//! differs from the counts, or a period was consolidated from reports and
//! `--replace` is not given.

use super::super::{display_path, load_pipeline, parse_lang, parse_period, sources_lines};
use crate::cli::HistoryImportArgs;
use crate::error::Result;
use crate::history::import::{self, Column, Stored};
use crate::history::Imported;
use crate::lang::{fill, Lang};
use crate::measures::ShareShown;
use crate::messages::{fmt_num, fmt_share_shown};

crate::texts! {
    /// What `jinaq history import` prints.
    pub(crate) enum T {
        Sheet => ("«{file}», «{sheet}» парағы:", "«{file}», лист «{sheet}»:", "«{file}», sheet «{sheet}»:"),
        Line => ("  {period} ({as_of} жағдай бойынша, {column} бағаны): кәсіподақ мүшелері {members}, оқытудан өткендер {trained} ({share}) — {what}", "  {period} (на {as_of}, графа {column}): членов профсоюза {members}, прошли обучение {trained} ({share}) — {what}", "  {period} (as of {as_of}, column {column}): members {members}, trained {trained} ({share}) — {what}"),
        New => ("тарихқа сақталды", "сохранено в историю", "stored"),
        ReplacedImport => ("бұрынғы импорттың орнына сақталды", "сохранено вместо прежнего импорта", "stored over the earlier import"),
        ReplacedConsolidated => ("есептерден жинақталған кезеңнің орнына сақталды ({flag})", "сохранено вместо периода, сведённого из отчётов ({flag})", "stored over the period consolidated from reports ({flag})"),
        FinanceShareOnly => ("  {cell} ұяшығындағы оқытуға жұмсалған қаражат үлесі сақталмады: ол смета шығыстары мен оқытуға жұмсалған сомадан есептеледі, ал олардың жолдары кестеде жоқ", "  доля расходов на обучение в ячейке {cell} не сохранена: она считается по расходам сметы и расходам на обучение, а их строк в таблице нет", "  the training share of the budget in {cell} is not stored: it is counted from the budget and the training amounts, and the table has no rows for them"),
        Stored => ("Тарих: {dir}", "История: {dir}", "History: {dir}"),
        NextStep => ("Айлар жинақталғанда бірінші парақта өткен жылдың бағаны осы көрсеткіштермен толады; тізімі: {command}", "При сводке месяцев графа прошлого года на первом листе берётся из этих показателей; список: {command}", "Consolidated months now show these figures as last year's column on the first sheet; list: {command}"),
        /// Beside an imported period in `jinaq history`.
        ImportedFrom => ("импортталды: «{file}», «{sheet}» парағы, {column} бағаны", "импортировано: «{file}», лист «{sheet}», графа {column}", "imported: «{file}», sheet «{sheet}», column {column}"),
    }
}

/// Where an imported period was read, as `jinaq history` lists it.
pub(crate) fn imported_from(from: &Imported, lang: Lang) -> String {
    fill(
        T::ImportedFrom.get(lang),
        &[
            ("file", &from.file),
            ("sheet", &from.sheet),
            ("column", &from.column),
        ],
    )
}

fn line(c: &Column, how: Stored, share: ShareShown, lang: Lang) -> String {
    let n = |v: Option<f64>| v.map_or("—".into(), |v| fmt_num(v, lang));
    let shown = c
        .figures
        .trained_share
        .map_or("—".into(), |s| fmt_share_shown(s, share, lang));
    let what = match how {
        Stored::New => T::New,
        Stored::ReplacedImport => T::ReplacedImport,
        Stored::ReplacedConsolidated => T::ReplacedConsolidated,
    };
    fill(
        T::Line.get(lang),
        &[
            ("period", &c.period.to_string()),
            ("as_of", &c.period.as_of_dotted()),
            ("column", &c.from.column),
            ("members", &n(c.figures.members)),
            ("trained", &n(c.figures.trained.total)),
            ("share", &shown),
            ("what", &fill(what.get(lang), &[("flag", "--replace")])),
        ],
    )
}

pub(crate) fn run(args: &HistoryImportArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    let lang = parse_lang(args.lang.as_deref(), &pipeline)?;
    let period = parse_period(args.period.as_deref())?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| pipeline.output.clone());
    let history = output.join("history");
    let [pipeline_line, _] = sources_lines(&pipeline, None, lang);
    println!("{pipeline_line}");
    let columns = import::read(&args.file, &pipeline, period)?;
    let stored = import::store(&history, &args.file, &columns, args.replace)?;
    if let Some(first) = columns.first() {
        println!(
            "{}",
            fill(
                T::Sheet.get(lang),
                &[("file", &first.from.file), ("sheet", &first.from.sheet)]
            )
        );
    }
    for (c, how) in columns.iter().zip(stored) {
        println!("{}", line(c, how, pipeline.share, lang));
        if let Some(cell) = &c.finance_share_only {
            println!("{}", fill(T::FinanceShareOnly.get(lang), &[("cell", cell)]));
        }
    }
    let dir = display_path(&history);
    println!("{}", fill(T::Stored.get(lang), &[("dir", &dir)]));
    println!(
        "{}",
        fill(T::NextStep.get(lang), &[("command", "jinaq history")])
    );
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::T;

    #[test]
    fn every_text_is_complete_in_every_language() {
        crate::lang::assert_complete(T::ALL, T::get);
    }
}
