//! The district's form: a workbook in the familiar layout that the
//! districts fill in and the reader takes back without a single issue.
//!
//! Input: the pipeline (units, header texts, vocabularies), the registry
//! (the unit's organisations with БСН and members) and, when stored, the
//! previous period of the same year (`OUTPUT/history/<period>`): last
//! month's figures and events are pre-filled, since every figure is
//! cumulative from 1 January. Output: the workbook's bytes
//! ([`book::write`]); the same inputs always give the same bytes.
//!
//! [`Form`] is what goes into the workbook; [`texts`] holds every word of
//! it in Kazakh and Russian; [`book`] lays it out.

pub(crate) mod book;
pub(crate) mod texts;

use crate::history::{self, HistoryError, Snapshot, Stored};
use crate::lang::Lang;
use crate::measures::CATEGORY_RANGE;
use crate::period::Period;
use crate::period::Ymd;
use crate::pipeline::{Pipeline, Unit};
use crate::registry::Registry;
use std::path::Path;

/// One organisation's row as pre-filled.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OrgLine {
    pub(crate) name: String,
    /// БСН, 12 digits.
    pub(crate) bin: String,
    /// Members: last period's, else the registry's on 1 January.
    pub(crate) members: Option<f64>,
    /// The five categories in `CATEGORIES` order: last period's, else 0.
    pub(crate) categories: [f64; 5],
}

impl OrgLine {
    pub(crate) fn total(&self) -> f64 {
        self.categories.iter().sum()
    }
}

/// An event carried over from last period (events are listed from 1
/// January, so last month's are still part of this month's list).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventLine {
    pub(crate) date: Option<Ymd>,
    /// Form and topic area as the vocabulary names them in the form's language.
    pub(crate) form: String,
    pub(crate) topic: String,
    pub(crate) area: String,
    pub(crate) venue: String,
    pub(crate) participants: Option<f64>,
    pub(crate) respondents: Option<f64>,
    pub(crate) usefulness: Option<f64>,
    /// Percent, 0..100.
    pub(crate) will_apply: Option<f64>,
}

/// Everything the workbook shows.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub(crate) unit_name: String,
    pub(crate) period: Period,
    pub(crate) lang: Lang,
    pub(crate) orgs: Vec<OrgLine>,
    pub(crate) events: Vec<EventLine>,
    /// Event forms and topic areas, in the form's language.
    pub(crate) forms: Vec<String>,
    pub(crate) areas: Vec<String>,
    /// When the report is due: (year, month, day).
    pub(crate) due: (i32, u32, u32),
    /// The financing norm as a fraction (0.10).
    pub(crate) norm: f64,
    /// The period whose figures are pre-filled.
    pub(crate) prefilled_from: Option<Period>,
    /// The file name the districts are asked to keep.
    pub(crate) file_name: String,
}

/// Last period's stored figures and events of one unit.
#[derive(Debug, Clone, Default)]
pub(crate) struct Previous {
    pub(crate) snapshot: Option<Snapshot>,
    pub(crate) events: Vec<StoredEvent>,
}

/// An event as stored in history (vocabulary ids, will-apply as a fraction).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StoredEvent {
    pub(crate) date: Option<Ymd>,
    pub(crate) form: Option<String>,
    pub(crate) area: Option<String>,
    pub(crate) topic: String,
    pub(crate) venue: String,
    pub(crate) participants: Option<f64>,
    pub(crate) respondents: Option<f64>,
    pub(crate) usefulness: Option<f64>,
    pub(crate) will_apply: Option<f64>,
}

/// The languages a form is made in: the header texts of the pipeline are
/// Kazakh and Russian. None for another.
pub(crate) fn form_lang(lang: Lang) -> Option<Lang> {
    match lang {
        Lang::Kk | Lang::Ru => Some(lang),
        Lang::En => None,
    }
}

/// `<unit name>_<period>.xlsx`, with characters no file system takes
/// replaced.
pub(crate) fn file_name(unit: &Unit, period: Period, lang: Lang) -> String {
    let name: String = unit
        .name(lang)
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}_{period}.xlsx", name.trim())
}

/// Reads last period's figures and events of `unit` from `history_dir`, when
/// the previous period is of the same year (figures start from zero every
/// January). Ok(None) when nothing is stored; Err with the reason when what
/// is stored cannot be read.
pub(crate) fn previous(
    history_dir: &Path,
    period: Period,
    unit: &str,
) -> Result<Option<Previous>, HistoryError> {
    if period.month == 1 {
        return Ok(None);
    }
    let prev = period.previous();
    // An imported period has the region's figures only: nothing to pre-fill.
    let Some(snapshot) = history::load(history_dir, prev)?.filter(|s| s.imported.is_none()) else {
        return Ok(None);
    };
    let events_path = history::period_dir(history_dir, prev).join("events.parquet");
    let events = if events_path.is_file() {
        stored_events(&events_path, unit)?
    } else {
        Vec::new()
    };
    Ok(Some(Previous {
        snapshot: Some(snapshot),
        events,
    }))
}

fn stored_events(path: &Path, unit: &str) -> Result<Vec<StoredEvent>, HistoryError> {
    let stored = Stored::read(path)?;
    let units = stored.texts("unit")?;
    let dates = stored.texts("date")?;
    let forms = stored.texts("form")?;
    let areas = stored.texts("topic_area")?;
    let topics = stored.texts("topic")?;
    let venues = stored.texts("venue")?;
    let part = stored.numbers("participants")?;
    let resp = stored.numbers("respondents")?;
    let useful = stored.numbers("usefulness")?;
    let apply = stored.numbers("will_apply")?;
    let df = &stored.df;
    let mut out = Vec::new();
    for i in 0..df.height() {
        if units[i].as_deref() != Some(unit) {
            continue;
        }
        out.push(StoredEvent {
            date: dates[i].as_deref().and_then(parse_iso),
            form: forms[i].clone(),
            area: areas[i].clone(),
            topic: topics[i].clone().unwrap_or_default(),
            venue: venues[i].clone().unwrap_or_default(),
            participants: part[i],
            respondents: resp[i],
            usefulness: useful[i],
            will_apply: apply[i],
        });
    }
    Ok(out)
}

fn parse_iso(s: &str) -> Option<Ymd> {
    let mut parts = s.get(..10)?.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Ymd::new(y, m, d)
}

impl Form {
    /// The form of `unit` for `period`: its organisations in registry order,
    /// pre-filled from `previous` where it has them.
    pub(crate) fn prepare(
        pipeline: &Pipeline,
        registry: &Registry,
        unit: &Unit,
        period: Period,
        lang: Lang,
        previous: Option<&Previous>,
    ) -> Form {
        let snapshot = previous.and_then(|p| p.snapshot.as_ref());
        let orgs = registry
            .in_unit(&unit.id)
            .map(|(_, o)| {
                let before = snapshot.and_then(|s| s.orgs.get(&o.id));
                let mut categories = [0.0; 5];
                if let Some(b) = before {
                    for (k, i) in CATEGORY_RANGE.enumerate() {
                        categories[k] = b[i].unwrap_or(0.0);
                    }
                }
                OrgLine {
                    name: o.name.clone(),
                    bin: o.id.clone(),
                    members: before.and_then(|b| b[0]).or(o.members),
                    categories,
                }
            })
            .collect();
        let term = |vocab: &crate::pipeline::Vocabulary, id: &Option<String>| {
            id.as_deref()
                .and_then(|id| vocab.get(id))
                .map(|t| t.name(lang).to_string())
                .unwrap_or_default()
        };
        // Events of last year cannot be carried into a new year; a stored
        // event outside this period's year is dropped for the same reason.
        let events = previous
            .map(|p| p.events.as_slice())
            .unwrap_or_default()
            .iter()
            .filter(|e| e.date.is_none_or(|d| d.year == period.year))
            .map(|e| EventLine {
                date: e.date,
                form: term(&pipeline.forms, &e.form),
                topic: e.topic.clone(),
                area: term(&pipeline.topic_areas, &e.area),
                venue: e.venue.clone(),
                participants: e.participants,
                respondents: e.respondents,
                usefulness: e.usefulness,
                will_apply: e.will_apply.map(|f| (f * 1000.0).round() / 10.0),
            })
            .collect();
        let (y, m, _) = period.as_of();
        Form {
            unit_name: unit.name(lang).to_string(),
            period,
            lang,
            orgs,
            events,
            forms: pipeline
                .forms
                .terms
                .iter()
                .map(|t| t.name(lang).to_string())
                .collect(),
            areas: pipeline
                .topic_areas
                .terms
                .iter()
                .map(|t| t.name(lang).to_string())
                .collect(),
            due: (y, m, pipeline.due_day),
            norm: pipeline.rule(crate::issue::Rule::FinanceBelowNorm).norm,
            prefilled_from: snapshot.map(|s| s.period),
            file_name: file_name(unit, period, lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::DEFAULT_PIPELINE;
    use crate::registry::RegistryOrg;

    fn pipeline() -> Pipeline {
        Pipeline::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PIPELINE)).unwrap()
    }

    fn registry(p: &Pipeline) -> Registry {
        let org = |id: &str, unit: &str, members: Option<f64>| RegistryOrg {
            id: id.into(),
            unit: unit.into(),
            name: format!("Ұйым {id}"),
            aliases: Vec::new(),
            kind: "мектеп".into(),
            members,
        };
        Registry::new(
            vec![
                org("000000000002", "alga", Some(40.0)),
                org("000000000009", "kobda", Some(10.0)),
                org("000000000001", "alga", None),
            ],
            &p.registry_spec,
        )
    }

    #[test]
    fn organisations_in_registry_order_with_members_from_the_registry() {
        let p = pipeline();
        let r = registry(&p);
        let unit = p.unit("alga").unwrap();
        let period = Period::new(2026, 3).unwrap();
        let f = Form::prepare(&p, &r, unit, period, Lang::Ru, None);
        let bins: Vec<&str> = f.orgs.iter().map(|o| o.bin.as_str()).collect();
        assert_eq!(bins, ["000000000002", "000000000001"]);
        assert_eq!(f.orgs[0].members, Some(40.0));
        assert_eq!(f.orgs[1].members, None);
        assert_eq!(f.orgs[0].categories, [0.0; 5]);
        assert_eq!(f.due, (2026, 4, 5));
        assert_eq!(f.file_name, "Алгинский район_2026-03.xlsx");
        assert_eq!(f.forms[0], "Тематический семинар");
        assert_eq!(f.prefilled_from, None);
    }

    #[test]
    fn last_period_fills_figures_and_events() {
        let p = pipeline();
        let r = registry(&p);
        let unit = p.unit("alga").unwrap();
        let period = Period::new(2026, 3).unwrap();
        let prev = Period::new(2026, 2).unwrap();
        let mut orgs = std::collections::HashMap::new();
        orgs.insert(
            "000000000001".to_string(),
            [
                Some(33.0),
                Some(6.0),
                Some(1.0),
                Some(2.0),
                None,
                Some(3.0),
                Some(0.0),
            ],
        );
        let previous = Previous {
            snapshot: Some(Snapshot {
                period: prev,
                region: Default::default(),
                units: Default::default(),
                orgs,
                imported: None,
            }),
            events: vec![
                StoredEvent {
                    date: Ymd::new(2026, 2, 10),
                    form: Some("round_table".into()),
                    area: Some("financial_literacy".into()),
                    topic: "Бюджет".into(),
                    venue: "Алға".into(),
                    participants: Some(6.0),
                    respondents: Some(5.0),
                    usefulness: Some(4.5),
                    will_apply: Some(0.8),
                },
                StoredEvent {
                    date: Ymd::new(2025, 12, 10),
                    form: None,
                    area: None,
                    topic: "last year".into(),
                    venue: String::new(),
                    participants: Some(1.0),
                    respondents: None,
                    usefulness: None,
                    will_apply: None,
                },
            ],
        };
        let f = Form::prepare(&p, &r, unit, period, Lang::Kk, Some(&previous));
        assert_eq!(f.orgs[1].members, Some(33.0));
        assert_eq!(f.orgs[1].categories, [1.0, 2.0, 0.0, 3.0, 0.0]);
        assert_eq!(f.orgs[1].total(), 6.0);
        assert_eq!(f.orgs[0].members, Some(40.0));
        assert_eq!(f.prefilled_from, Some(prev));
        assert_eq!(f.events.len(), 1);
        assert_eq!(f.events[0].form, "Дөңгелек үстел");
        assert_eq!(f.events[0].area, "Қаржылық сауаттылық");
        assert_eq!(f.events[0].will_apply, Some(80.0));
    }

    #[test]
    fn january_starts_from_zero_and_english_is_refused() {
        let dir = Path::new("/nonexistent-history");
        let jan = Period::new(2026, 1).unwrap();
        assert!(matches!(previous(dir, jan, "alga"), Ok(None)));
        assert!(form_lang(Lang::En).is_none());
        assert_eq!(form_lang(Lang::Ru), Some(Lang::Ru));
    }
}
