//! `jinaq history`: the periods stored under `OUTPUT/history/`, and a
//! period's region and unit figures.

use super::{load_pipeline, parse_lang, parse_period};
use crate::cli::HistoryArgs;
use crate::consolidate::Figures;
use crate::error::{Error, Result};
use crate::history;
use crate::lang::Lang;
use crate::messages::{fmt_num, fmt_pct};

fn cell(v: Option<f64>, lang: Lang) -> String {
    v.map_or("—".into(), |v| fmt_num(v, lang))
}

fn line(label: &str, f: &Figures, lang: Lang) -> String {
    format!(
        "{label:<28} {:>8} {:>8} {:>8} {:>6} {:>10}",
        cell(f.members, lang),
        cell(f.trained.total, lang),
        f.trained_share.map_or("—".into(), |s| fmt_pct(s, lang)),
        f.events.map_or("—".into(), |e| e.to_string()),
        f.finance
            .as_ref()
            .and_then(|x| x.share)
            .map_or("—".into(), |s| fmt_pct(s, lang)),
    )
}

pub fn run(args: &HistoryArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    let lang = parse_lang(args.lang.as_deref(), &pipeline)?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| pipeline.output.clone());
    let dir = output.join("history");
    let periods = history::list(&dir);
    let head = format!(
        "{:<28} {:>8} {:>8} {:>8} {:>6} {:>10}",
        lang.pick("Кезең / бөлімше", "Период / подразделение", "Period / unit"),
        lang.pick("Мүшелер", "Члены", "Members"),
        lang.pick("Оқыды", "Обучено", "Trained"),
        "%",
        lang.pick("Іс-шара", "Меропр.", "Events"),
        lang.pick("Қаржы %", "Финанс. %", "Finance %"),
    );
    match parse_period(args.period.as_deref())? {
        None => {
            if periods.is_empty() {
                println!(
                    "{}: {}",
                    lang.pick(
                        "Сақталған кезең жоқ",
                        "Сохранённых периодов нет",
                        "No stored periods"
                    ),
                    dir.display()
                );
                return Ok(0);
            }
            println!("{head}");
            for p in periods {
                match history::load(&dir, p) {
                    Ok(Some(s)) => println!("{}", line(&p.to_string(), &s.region, lang)),
                    Ok(None) => {}
                    Err(e) => println!(
                        "{p:<28} {}: {e}",
                        lang.pick("зақымдалған", "повреждён", "damaged")
                    ),
                }
            }
        }
        Some(p) => {
            let snapshot = history::load(&dir, p)
                .map_err(|source| Error::StoredDamaged { period: p, source })?
                .ok_or_else(|| Error::NotStored {
                    period: p,
                    dir: dir.clone(),
                })?;
            println!("{head}");
            println!(
                "{}",
                line(
                    lang.pick("Облыс", "Область", "Region"),
                    &snapshot.region,
                    lang
                )
            );
            for u in &pipeline.units {
                if let Some(f) = snapshot.units.get(&u.id) {
                    println!("{}", line(u.name(lang), f, lang));
                }
            }
        }
    }
    Ok(0)
}
