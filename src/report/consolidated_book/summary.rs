//! The first sheet: the region's table in the seed's shape (`№ | Көрсеткіш |
//! 01.04.2026`, eight indicator rows), the same period of the previous year
//! and the change beside it when history has it, then further figures
//! (organisations, units, events, financing against the norm) and the data
//! quality line with a relative link to `discrepancies-<period>.xlsx`.

use super::labels::T;
use super::sheet::{shown, Head, Sheet};
use super::Ctx;
use crate::consolidate::Figures;
use crate::issue::Severity;
use crate::lang::fill;
use rust_xlsxwriter::{Format, FormatAlign, Url, XlsxError};

/// Where the first sheet keeps what the charts draw.
pub(crate) struct SummaryRefs {
    pub(crate) sheet: String,
    /// First and last row of the five trained categories.
    pub(crate) categories: (u32, u32),
    pub(crate) label_col: u16,
    pub(crate) value_col: u16,
}

/// How a row's figure reads and how its change is counted.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Count,
    Share,
}

/// One row: its label, whether it is a sub-row, and its figure from a
/// period's figures (None when nobody reported it or the row has no figure
/// for earlier periods).
struct Line {
    label: String,
    indent: bool,
    kind: Kind,
    current: Option<f64>,
    previous: Option<f64>,
}

/// An indicator row of the seed's table: label, sub-row, kind, figure.
type Indicator = (T, bool, Kind, fn(&Figures) -> Option<f64>);

fn indicator_lines(ctx: &Ctx) -> Vec<Line> {
    let region = &ctx.o.consolidation.region;
    let prev = ctx.o.previous_year.as_ref().map(|p| &p.region);
    let pick = |f: fn(&Figures) -> Option<f64>| (f(region), prev.and_then(f));
    let rows: [Indicator; 8] = [
        (T::IndMembers, false, Kind::Count, |f| f.members),
        (T::IndTrained, false, Kind::Count, |f| f.trained.total),
        (T::CatMembers, true, Kind::Count, |f| f.trained.members),
        (T::CatAudit, true, Kind::Count, |f| f.trained.audit),
        (T::CatActivists, true, Kind::Count, |f| f.trained.activists),
        (T::CatChairs, true, Kind::Count, |f| f.trained.chairs),
        (T::CatConciliation, true, Kind::Count, |f| {
            f.trained.conciliation
        }),
        (T::IndShare, false, Kind::Share, |f| f.trained_share),
    ];
    rows.into_iter()
        .map(|(t, indent, kind, f)| {
            let (current, previous) = pick(f);
            Line {
                label: ctx.t(t).to_string(),
                indent,
                kind,
                current,
                previous,
            }
        })
        .collect()
}

fn further_lines(ctx: &Ctx) -> Vec<Line> {
    let c = &ctx.o.consolidation;
    let prev = ctx.o.previous_year.as_ref().map(|p| &p.region);
    let count = |t: T, cur: Option<f64>, prev: Option<f64>| Line {
        label: ctx.t(t).to_string(),
        indent: false,
        kind: Kind::Count,
        current: cur,
        previous: prev,
    };
    let sub = |t: T, n: usize| Line {
        label: ctx.t(t).to_string(),
        indent: true,
        kind: Kind::Count,
        current: Some(n as f64),
        previous: None,
    };
    let orgs_reported = (c.units_reported > 0).then_some(c.region.orgs_reported as f64);
    let finance_units = c
        .units
        .iter()
        .filter(|u| u.figures.finance.is_some())
        .count();
    vec![
        count(
            T::OrgsReported,
            orgs_reported,
            prev.map(|p| p.orgs_reported as f64),
        ),
        count(T::OrgsRegistry, Some(c.orgs_registry as f64), None),
        count(T::UnitsReported, Some(c.units_reported as f64), None),
        count(T::UnitsExpected, Some(c.units_expected as f64), None),
        count(
            T::EventsHeld,
            c.region.events.map(|n| n as f64),
            prev.and_then(|p| p.events.map(|n| n as f64)),
        ),
        count(
            T::EventParticipants,
            c.region.participants,
            prev.and_then(|p| p.participants),
        ),
        Line {
            label: fill(ctx.t(T::FinanceShareLine), &[("norm", &ctx.norm_text())]),
            indent: false,
            kind: Kind::Share,
            current: c.region.finance.as_ref().and_then(|f| f.share),
            previous: prev.and_then(|p| p.finance.as_ref().and_then(|f| f.share)),
        },
        count(T::FinanceUnits, Some(finance_units as f64), None),
        count(T::Quality, Some(ctx.o.issues.len() as f64), None),
        sub(T::QualityErrors, ctx.o.count(Severity::Error)),
        sub(T::QualityWarnings, ctx.o.count(Severity::Warning)),
        sub(T::QualityInfos, ctx.o.count(Severity::Info)),
    ]
}

/// Writes one row of figures; returns nothing, the caller places marks.
fn write_line(
    s: &mut Sheet,
    ctx: &Ctx,
    row: u32,
    no: usize,
    line: &Line,
    with_prev: bool,
) -> Result<(), XlsxError> {
    let st = &ctx.st;
    s.num(row, 0, Some(no as f64), &st.center)?;
    let label_fmt = if line.indent {
        st.text_wrap.clone().set_indent(2)
    } else {
        st.text_wrap.clone()
    };
    s.text(row, 1, &line.label, &label_fmt)?;
    let value_fmt = match line.kind {
        Kind::Count => &st.int,
        Kind::Share => &st.pct,
    };
    s.num(row, 2, line.current, value_fmt)?;
    if with_prev {
        s.num(row, 3, line.previous, value_fmt)?;
        let (change, change_pct) = match (line.current, line.previous) {
            (Some(c), Some(p)) => match line.kind {
                // Shares change in percentage points.
                Kind::Share => (Some((c - p) * 100.0), None),
                Kind::Count => (Some(c - p), (p > 0.0).then(|| (c - p) / p)),
            },
            _ => (None, None),
        };
        // Each change as its format shows it: whole people, tenths of a
        // point, tenths of a per cent.
        let (change_fmt, step) = match line.kind {
            Kind::Count => (&st.change_int, 1.0),
            Kind::Share => (&st.change_points, 0.1),
        };
        s.num(row, 4, shown(change, step), change_fmt)?;
        s.num(row, 5, shown(change_pct, 0.001), &st.change_pct)?;
    }
    Ok(())
}

/// The organisation, the title and the period over the whole width.
fn titles(s: &mut Sheet, ctx: &Ctx, last_col: u16) -> Result<(), XlsxError> {
    let st = &ctx.st;
    let title = st.title.clone().set_align(FormatAlign::Center);
    s.ws.merge_range(0, 0, 0, last_col, ctx.o.pipeline.title(ctx.lang), &title)?;
    s.ws.set_row_height(0, 36)?;
    s.ws.merge_range(1, 0, 1, last_col, ctx.t(T::TitleSummary), &title)?;
    s.ws.merge_range(
        2,
        0,
        2,
        last_col,
        &ctx.period_line,
        &st.subtitle.clone().set_align(FormatAlign::Center),
    )?;
    Ok(())
}

/// Further figures under a caption at `row`, the financing marked against
/// the norm and the data quality line linked to the discrepancy report in
/// `side_col`; returns the row after them.
fn further(
    s: &mut Sheet,
    ctx: &Ctx,
    mut row: u32,
    side_col: u16,
    discrepancies: &str,
) -> Result<u32, XlsxError> {
    let st = &ctx.st;
    let with_prev = ctx.o.previous_year.is_some();
    let caption = Format::new().set_bold();
    s.ws.write_string_with_format(row, 1, ctx.t(T::Further), &caption)?;
    row += 1;
    let further = further_lines(ctx);
    let finance_no = further.iter().position(|l| l.kind == Kind::Share);
    // The data quality line: its total, then errors, warnings and notes.
    let quality_no = further.len() - 4;
    for (i, line) in further.iter().enumerate() {
        write_line(s, ctx, row, i + 1, line, with_prev)?;
        if Some(i) == finance_no {
            if let Some(v) = super::finance::region_verdict(ctx) {
                let f = if v.bad { &st.side_bad } else { &st.side };
                s.text(row, side_col, &v.text, f)?;
            }
        }
        if i == quality_no {
            let text = fill(ctx.t(T::LinkText), &[("file", discrepancies)]);
            let url = Url::new(format!("file:///{discrepancies}")).set_text(&text);
            s.ws.write_url_with_format(row, side_col, url, &st.link)?;
        }
        row += 1;
    }
    Ok(row)
}

pub(crate) fn sheet(ctx: &Ctx, discrepancies: &str) -> Result<(Sheet, SummaryRefs), XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let with_prev = o.previous_year.is_some();
    let last_col: u16 = if with_prev { 5 } else { 2 };
    let side_col = last_col + 1;
    let name = ctx.sheet_name(T::SheetSummary);
    let mut s = Sheet::new(&name)?;
    titles(&mut s, ctx, side_col)?;

    let header_row = 4;
    let mut heads = vec![
        Head::one(ctx.t(T::No)),
        Head::one(ctx.t(T::Indicator)),
        Head::one(&o.period.as_of_dotted()),
    ];
    if let Some(prev) = &o.previous_year {
        heads.push(Head::one(&prev.period.as_of_dotted()));
        heads.push(Head::one(ctx.t(T::Change)));
        heads.push(Head::one(ctx.t(T::ChangePct)));
    }
    let mut row = s.header(header_row, 0, &heads, st)?;
    let first_indicator = row;
    for (i, line) in indicator_lines(ctx).iter().enumerate() {
        write_line(&mut s, ctx, row, i + 1, line, with_prev)?;
        row += 1;
    }

    row = further(&mut s, ctx, row + 1, side_col, discrepancies)?;

    row += 1;
    s.limit(0, 4.0, 5.0);
    s.limit(1, 60.0, 62.0);
    for c in 2..=last_col {
        s.limit(c, 13.0, 16.0);
    }
    s.limit(side_col, 18.0, 36.0);
    s.fit()?;
    let mut notes = vec![
        ctx.t(T::NoteRounding).to_string(),
        ctx.t(T::NoteEmpty).to_string(),
    ];
    if let Some(prev) = &o.previous_year {
        notes.push(fill(
            ctx.t(T::NotePrevious),
            &[("prev", &prev.period.as_of_dotted())],
        ));
    }
    for n in notes {
        s.note(row, side_col, &n, st)?;
        row += 1;
    }

    s.ws.set_freeze_panes(header_row + 1, 0)?;
    s.print_setup((header_row, header_row), &ctx.span)?;
    let refs = SummaryRefs {
        sheet: name,
        categories: (first_indicator + 2, first_indicator + 6),
        label_col: 1,
        value_col: 2,
    };
    Ok((s, refs))
}
