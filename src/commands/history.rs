//! `jinaq history`: the periods stored under `OUTPUT/history/`, and a
//! period's region and unit figures; `jinaq history import` ([`import`])
//! stores last year's figures from a table in the brief's shape.

mod import;

use super::texts::T;
use super::{load_pipeline, parse_lang, parse_period, sources_lines};
use crate::cli::HistoryArgs;
use crate::consolidate::Figures;
use crate::error::{Error, Result};
use crate::history;
use crate::lang::{fill, Lang};
use crate::measures::ShareShown;
use crate::messages::{fmt_num, fmt_pct, fmt_share_shown};

fn cell(v: Option<f64>, lang: Lang) -> String {
    v.map_or("—".into(), |v| fmt_num(v, lang))
}

/// A period's or unit's figures; the share trained as the pipeline shows it.
fn line(label: &str, f: &Figures, share: ShareShown, lang: Lang) -> String {
    format!(
        "{label:<28} {:>8} {:>8} {:>8} {:>6} {:>10}",
        cell(f.members, lang),
        cell(f.trained.total, lang),
        f.trained_share
            .map_or("—".into(), |s| fmt_share_shown(s, share, lang)),
        f.events.map_or("—".into(), |e| e.to_string()),
        f.finance
            .as_ref()
            .and_then(|x| x.share)
            .map_or("—".into(), |s| fmt_pct(s, lang)),
    )
}

pub(crate) fn run(args: &HistoryArgs) -> Result<u8> {
    if let Some(crate::cli::HistoryAction::Import(a)) = &args.action {
        return import::run(a);
    }
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    let lang = parse_lang(args.lang.as_deref(), &pipeline)?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| pipeline.output.clone());
    let dir = output.join("history");
    // The table needs no registry: only the pipeline is named.
    let [pipeline_line, _] = sources_lines(&pipeline, None, lang);
    println!("{pipeline_line}");
    let periods = history::list(&dir);
    let head = format!(
        "{:<28} {:>8} {:>8} {:>8} {:>6} {:>10}",
        T::PeriodOrUnit.get(lang),
        T::Members.get(lang),
        T::Trained.get(lang),
        "%",
        T::Events.get(lang),
        T::FinanceShare.get(lang),
    );
    match parse_period(args.period.as_deref())? {
        None => {
            if periods.is_empty() {
                let dir = dir.display().to_string();
                println!("{}", fill(T::NoPeriods.get(lang), &[("dir", &dir)]));
                return Ok(0);
            }
            println!("{head}");
            for p in periods {
                match history::load(&dir, p) {
                    Ok(Some(s)) => {
                        let mut text = line(&p.to_string(), &s.region, pipeline.share, lang);
                        if let Some(from) = &s.imported {
                            text = format!("{text}  {}", import::imported_from(from, lang));
                        }
                        println!("{text}");
                    }
                    Ok(None) => {}
                    Err(e) => println!("{p:<28} {}: {e}", T::Damaged.get(lang)),
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
            if let Some(from) = &snapshot.imported {
                println!("{}", import::imported_from(from, lang));
            }
            println!("{head}");
            println!(
                "{}",
                line(T::Region.get(lang), &snapshot.region, pipeline.share, lang)
            );
            for u in &pipeline.units {
                if let Some(f) = snapshot.units.get(&u.id) {
                    println!("{}", line(u.name(lang), f, pipeline.share, lang));
                }
            }
        }
    }
    Ok(0)
}
