//! The year's brief (анықтама / справка), `brief-<period>.docx`: the
//! office's annual document on union training in its own shape, its figures
//! taken from the run.
//!
//! Input: a run's [`Outcome`] (this period's figures, and the same period of
//! the year before from the history when stored) and the specialist's
//! [`Narrative`]. Output: the document's bytes, or the file written
//! atomically under `OUTPUT/<period>/`.
//!
//! The sections, in the order of the office's brief: the title block; 1 the
//! purpose, 2 the organisation in brief (from the figures), 3 the basis, 4
//! the practice (the office's brief numbers it "3." a second time; here the
//! numbers run 1 to 8), 5 the figures with the two years' table and a
//! paragraph of what changed, 6 financing against the norm, 7 factors, 8
//! recommendations; then the signature. Sections 1, 3, 4, 7 and 8 are the
//! specialist's text. Raises no issues.

mod blocks;
mod changes;
mod docx;
mod figures;
pub(crate) mod narrative;
mod texts;

use super::WriteError;
use crate::consolidate::Figures;
use crate::issue::Rule;
use crate::lang::{fill, Lang};
use crate::period::Period;
use crate::pipeline::Pipeline;
use crate::run::outcome::Outcome;
use blocks::Block;
use narrative::Part;
pub(crate) use narrative::{Narrative, NarrativeError};
use std::path::{Path, PathBuf};
use texts::T;

/// One year of the brief: its period and the region's and units' figures
/// (units in the pipeline's order).
struct Year<'a> {
    period: Period,
    region: &'a Figures,
    units: Vec<(&'a str, &'a Figures)>,
}

/// Everything the sections are written from.
struct Brief<'a> {
    pipeline: &'a Pipeline,
    lang: Lang,
    this: Year<'a>,
    last: Option<Year<'a>>,
    /// The organisations the region unites: the registry's, else those reported.
    orgs: usize,
    /// The financing norm (a fraction), from `finance.below_norm`.
    norm: f64,
    /// This year's events, for the survey and the topic areas.
    events: &'a polars::prelude::DataFrame,
}

impl<'a> Brief<'a> {
    fn of(o: &'a Outcome<'a>, lang: Lang) -> Brief<'a> {
        let p = o.pipeline;
        let c = &o.consolidation;
        let this = Year {
            period: o.period,
            region: &c.region,
            units: p
                .units
                .iter()
                .filter_map(|u| {
                    c.units
                        .iter()
                        .find(|f| f.unit == u.id)
                        .map(|f| (u.id.as_str(), &f.figures))
                })
                .collect(),
        };
        let last = o.previous_year.as_ref().map(|s| Year {
            period: s.period,
            region: &s.region,
            units: p
                .units
                .iter()
                .filter_map(|u| s.units.get(&u.id).map(|f| (u.id.as_str(), f)))
                .collect(),
        });
        Brief {
            pipeline: p,
            lang,
            this,
            last,
            orgs: if c.orgs_registry > 0 {
                c.orgs_registry
            } else {
                c.region.orgs_reported
            },
            norm: p.rule(Rule::FinanceBelowNorm).norm,
            events: &c.events,
        }
    }

    fn unit_name(&self, id: &str) -> &'a str {
        self.pipeline.unit(id).map_or("", |u| u.name(self.lang))
    }
}

/// `brief-<period>.docx`.
pub(crate) fn file_name(period: Period) -> String {
    format!("brief-{period}.docx")
}

/// Where the brief of a period is written: beside the period's workbook.
pub(crate) fn path(output: &Path, period: Period) -> PathBuf {
    output.join(period.to_string()).join(file_name(period))
}

/// The brief's blocks, in reading order.
fn blocks(o: &Outcome, lang: Lang, narrative: &Narrative) -> Vec<Block> {
    let b = Brief::of(o, lang);
    let title = fill(T::Title.get(lang), &[("title", o.pipeline.title(lang))]);
    let mut out = vec![Block::Title(title.lines().map(str::to_string).collect())];
    let sections: [(T, Section); 8] = [
        (T::Purpose, Section::Text(Part::Purpose)),
        (T::Organisation, Section::Figures(figures::organisation)),
        (T::Basis, Section::Text(Part::Basis)),
        (T::Practice, Section::Text(Part::Practice)),
        (T::Figures, Section::Figures(training_and_changes)),
        (T::Financing, Section::Figures(figures::financing)),
        (T::Factors, Section::Text(Part::Factors)),
        (T::Recommendations, Section::Text(Part::Recommendations)),
    ];
    for (number, (heading, section)) in sections.into_iter().enumerate() {
        out.push(Block::Heading(fill(
            T::Heading.get(lang),
            &[
                ("number", &(number + 1).to_string()),
                ("heading", heading.get(lang)),
            ],
        )));
        out.extend(match section {
            Section::Figures(write) => write(&b),
            Section::Text(part) => text_blocks(narrative, part, lang),
        });
    }
    let position: Vec<String> = narrative
        .text(Part::Signature, lang)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let person = o.pipeline.office.person.clone();
    if !position.is_empty() || !person.is_empty() {
        out.push(Block::Signature { position, person });
    }
    out
}

/// How a section is written: from the figures, or from the specialist's text.
enum Section {
    Figures(fn(&Brief) -> Vec<Block>),
    Text(Part),
}

fn training_and_changes(b: &Brief) -> Vec<Block> {
    let mut out = figures::training(b);
    out.extend(changes::changes(b));
    out
}

/// A narrative section: the specialist's text, or one line saying she
/// writes it there.
fn text_blocks(narrative: &Narrative, part: Part, lang: Lang) -> Vec<Block> {
    let text = narrative.text(part, lang);
    if text.is_empty() {
        vec![Block::italic(&fill(
            T::WriteHere.get(lang),
            &[("file", &narrative.file)],
        ))]
    } else {
        narrative::blocks(text)
    }
}

/// The brief of a run as a Word document.
pub(crate) fn build(
    o: &Outcome,
    lang: Lang,
    narrative: &Narrative,
    path: &Path,
) -> Result<Vec<u8>, WriteError> {
    let (y, m, d) = o.period.as_of();
    let date = format!("{y:04}-{m:02}-{d:02}T00:00:00Z");
    docx::render(&blocks(o, lang, narrative), &date).map_err(|source| WriteError::Document {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes the brief of a run under `output/<period>/`; returns its path.
pub(crate) fn write(
    o: &Outcome,
    lang: Lang,
    narrative: &Narrative,
    output: &Path,
) -> Result<PathBuf, WriteError> {
    let path = path(output, o.period);
    let bytes = build(o, lang, narrative, &path)?;
    super::write_atomic(&path, &bytes)?;
    Ok(path)
}
