//! `consolidated-<period>.xlsx`: the workbook leadership opens and prints.
//!
//! Input: the run's [`Outcome`]. Output: the workbook's bytes, one sheet per
//! module below, in this order:
//!
//! 1. [`summary`]: the region's table in the seed's shape, further figures
//!    and the data quality line with a link to the discrepancy report;
//! 2. [`units`]: every figure per unit, issue counts and submission status;
//! 3. [`trends`]: the share trained month by month per unit and for the
//!    region, and last month's trained people against this month's;
//! 4. [`events`]: every event;
//! 5. [`analysis`]: events and participants by form and by topic area per
//!    unit, and the reach of the priority topic areas;
//! 6. [`survey`]: survey results by form, topic area and unit;
//! 7. [`finance`]: financing against the norm;
//! 8. [`charts`]: native charts over the cells of the sheets;
//! 9. [`orgs`]: every accepted organisation row with its registry name,
//!    source and issue flags: last, as the longest, so that printing the
//!    whole workbook puts the charts before its pages.
//!
//! Labels are in the run's language ([`labels`]). Every figure is a value,
//! never a formula; a figure nobody reported is an empty cell. The document's
//! dates come from the period, so the same inputs give the same bytes.

pub(crate) mod labels;

mod analysis;
mod charts;
mod events;
mod finance;
mod orgs;
mod sheet;
mod style;
mod summary;
mod survey;
mod trends;
mod units;

use super::OutputPaths;
use crate::breakdown;
use crate::issue::Rule;
use crate::lang::fill;
use crate::lang::Lang;
use crate::run::outcome::{timed, Outcome};
use labels::T;
use rayon::prelude::*;
use rust_xlsxwriter::{DocProperties, XlsxError};
use sheet::Sheet;
use style::Styles;

/// What every sheet needs to know about the run.
struct Ctx<'a, 'p> {
    o: &'a Outcome<'p>,
    lang: Lang,
    st: Styles,
    /// `2026 жылғы қаңтар – наурыз`, for footers.
    span: String,
    /// The line under each sheet's title.
    period_line: String,
    /// Training's minimum share of the budget's expense side.
    norm: f64,
    /// Unit ids in pipeline order.
    units: Vec<String>,
}

impl<'a, 'p> Ctx<'a, 'p> {
    fn new(o: &'a Outcome<'p>) -> Ctx<'a, 'p> {
        let lang = o.lang;
        Ctx {
            o,
            lang,
            st: Styles::new(lang, T::PointsSuffix.get(lang), o.pipeline.share),
            span: labels::period_span(o.period, lang),
            period_line: labels::period_line(o.period, lang),
            norm: o.pipeline.rule(Rule::FinanceBelowNorm).norm,
            units: o.pipeline.units.iter().map(|u| u.id.clone()).collect(),
        }
    }

    fn t(&self, t: T) -> &'static str {
        t.get(self.lang)
    }

    fn sheet_name(&self, t: T) -> String {
        crate::workbook::sheet_name(self.t(t), self.lang, &[])
    }

    fn unit_name(&self, id: &str) -> String {
        self.o
            .pipeline
            .unit(id)
            .map_or_else(|| id.to_string(), |u| u.name(self.lang).to_string())
    }

    /// The norm as a person writes it: `10 %`.
    fn norm_text(&self) -> String {
        crate::messages::fmt_pct(self.norm, self.lang)
    }

    fn below_norm(&self, share: f64) -> bool {
        share + 1e-12 < self.norm
    }
}

/// The breakdowns the sheets share, computed once.
struct Breakdowns {
    orgs: Vec<breakdown::OrgLine>,
    events: Vec<breakdown::EventLine>,
    by_form: breakdown::EventSplit,
    by_area: breakdown::EventSplit,
    area_reach: Vec<breakdown::AreaReach>,
    survey_form: Vec<(Option<String>, breakdown::Survey)>,
    survey_area: Vec<(Option<String>, breakdown::Survey)>,
    survey_unit: Vec<(Option<String>, breakdown::Survey)>,
    survey_total: breakdown::Survey,
}

impl Breakdowns {
    fn of(o: &Outcome, units: &[String]) -> polars::prelude::PolarsResult<Breakdowns> {
        let (orgs, events) = (&o.consolidation.orgs, &o.consolidation.events);
        Ok(Breakdowns {
            orgs: breakdown::org_lines(orgs, units)?,
            events: breakdown::event_lines(events, units)?,
            by_form: breakdown::events_by(events, breakdown::FORM)?,
            by_area: breakdown::events_by(events, breakdown::TOPIC_AREA)?,
            area_reach: breakdown::area_reach(events)?,
            survey_form: breakdown::survey_by(events, breakdown::FORM)?,
            survey_area: breakdown::survey_by(events, breakdown::TOPIC_AREA)?,
            survey_unit: breakdown::survey_by(events, breakdown::UNIT)?,
            survey_total: breakdown::survey_total(events)?,
        })
    }
}

fn properties(ctx: &Ctx) -> Result<DocProperties, XlsxError> {
    let o = ctx.o;
    let version = env!("CARGO_PKG_VERSION");
    let subject = format!("{} ({})", ctx.span, o.period.as_of_dotted());
    let properties = DocProperties::new()
        .set_title(format!("{} — {}", ctx.t(T::TitleSummary), o.period))
        .set_subject(subject)
        .set_company(o.pipeline.title(ctx.lang))
        .set_keywords(format!("jinaq {version}, {}, {}", o.pipeline.id, o.period))
        .set_comment(fill(ctx.t(T::DocComment), &[("version", version)]));
    crate::workbook::dated(properties, o.period.as_of())
}

/// Builds `consolidated-<period>.xlsx`. `paths` places the link to the
/// discrepancy report, which sits in the same folder.
pub fn build(o: &Outcome, paths: &OutputPaths) -> Result<Vec<u8>, XlsxError> {
    let ctx = Ctx::new(o);
    let b = Breakdowns::of(o, &ctx.units)
        .map_err(|e| XlsxError::CustomError(format!("breakdown failed: {e}")))?;
    let discrepancies = paths
        .discrepancies_xlsx
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();

    let mut wb = crate::workbook::new_workbook();
    wb.set_properties(&properties(&ctx)?);
    let (summary, refs) = summary::sheet(&ctx, &discrepancies)?;
    // The sheets are independent of each other: build them side by side.
    type Built = Result<Sheet, XlsxError>;
    type Builder<'b> = Box<dyn Fn() -> Built + Sync + 'b>;
    let builders: Vec<(&str, Builder)> = vec![
        ("units", Box::new(|| units::sheet(&ctx))),
        ("trends", Box::new(|| trends::sheet(&ctx))),
        ("events", Box::new(|| events::sheet(&ctx, &b))),
        ("forms", Box::new(|| analysis::forms_sheet(&ctx, &b))),
        ("areas", Box::new(|| analysis::areas_sheet(&ctx, &b))),
        ("priority", Box::new(|| analysis::priority_sheet(&ctx, &b))),
        ("survey", Box::new(|| survey::sheet(&ctx, &b))),
        ("finance", Box::new(|| finance::sheet(&ctx))),
        ("charts", Box::new(|| charts::sheet(&ctx, &b, &refs))),
        ("orgs", Box::new(|| orgs::sheet(&ctx, &b))),
    ];
    let sheets: Vec<Built> = builders
        .par_iter()
        .map(|(name, build)| timed("sheet", name, build))
        .collect();
    wb.push_worksheet(summary.ws);
    for sheet in sheets {
        wb.push_worksheet(sheet?.ws);
    }
    let start = std::time::Instant::now();
    // Values only: no recalculation asked of Excel on opening.
    let bytes = wb
        .save_to_buffer()
        .and_then(|b| crate::workbook::calc::values_only(&b));
    // Freeing a workbook of many thousand cells takes a while; nothing waits for it.
    rayon::spawn(move || drop(wb));
    tracing::debug!(
        seconds = start.elapsed().as_secs_f64(),
        "consolidated workbook saved"
    );
    bytes
}
