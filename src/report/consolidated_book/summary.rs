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
use crate::messages::fmt_share_shown;
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
            // An imported year without the organisations' row has none.
            prev.map(|p| p.orgs_reported as f64).filter(|n| *n > 0.0),
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
    // Shares as the pipeline shows them (the office cuts them to one
    // decimal): the cell holds the share shown, and its change is counted
    // from the shares shown, so 16,9 % -> 18,1 % reads +1,2 points.
    let share = ctx.o.pipeline.share;
    let points_step = 10f64.powi(-i32::from(share.decimals));
    let (value_fmt, current, previous) = match line.kind {
        Kind::Count => (&st.int, line.current, line.previous),
        Kind::Share => (
            &st.pct_shown,
            line.current.map(|v| share.apply(v)),
            line.previous.map(|v| share.apply(v)),
        ),
    };
    s.num(row, 2, current, value_fmt)?;
    if with_prev {
        s.num(row, 3, previous, value_fmt)?;
        let (change, change_pct) = match (current, previous) {
            (Some(c), Some(p)) => match line.kind {
                // Shares change in percentage points, to the places shown.
                Kind::Share => (
                    Some(((c - p) * 100.0 / points_step).round() * points_step),
                    None,
                ),
                Kind::Count => (Some(c - p), (p > 0.0).then(|| (c - p) / p)),
            },
            _ => (None, None),
        };
        // Each change as its format shows it: whole people, points to the
        // places of a share, tenths of a per cent.
        let (change_fmt, step) = match line.kind {
            Kind::Count => (&st.change_int, 1.0),
            Kind::Share => (&st.change_points, points_step),
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

/// The notes on the previous year's column: the same period, or the
/// period of last year that stands in for it, and where imported figures
/// were read.
fn previous_notes(ctx: &Ctx, prev: &crate::history::Snapshot) -> Vec<String> {
    let as_of = prev.period.as_of_dotted();
    let mut notes = Vec::new();
    if prev.period == ctx.o.period.year_before() {
        notes.push(fill(ctx.t(T::NotePrevious), &[("prev", &as_of)]));
    } else {
        notes.push(crate::lang::fill(
            ctx.t(T::NotePreviousOther),
            &[("prev", &as_of), ("now", &ctx.o.period.as_of_dotted())],
        ));
    }
    if let Some(from) = &prev.imported {
        notes.push(crate::lang::fill(
            ctx.t(T::NoteImported),
            &[
                ("prev", &as_of),
                ("file", &from.file),
                ("sheet", &from.sheet),
                ("column", &from.column),
            ],
        ));
    }
    notes
}

/// The note on how shares are shown, from the pipeline's setting: cut or
/// rounded, to so many places, with the seed's 5 673 of 33 468 as the
/// example (16,95 % -> 16,9 % when cut to one decimal).
fn shares_note(ctx: &Ctx) -> String {
    let share = ctx.o.pipeline.share;
    let places = [T::Places0, T::Places1, T::Places2, T::Places3, T::Places4];
    let places = places[usize::from(share.decimals).min(places.len() - 1)];
    let how = if share.truncate {
        T::SharesCut
    } else {
        T::SharesRounded
    };
    let exact = 5_673.0 / 33_468.0;
    let written = crate::measures::ShareShown {
        truncate: true,
        decimals: share.decimals + 1,
    };
    let example = format!(
        "{} → {}",
        fmt_share_shown(exact, written, ctx.lang),
        fmt_share_shown(exact, share, ctx.lang)
    );
    crate::lang::fill(
        ctx.t(T::NoteShares),
        &[
            (
                "how",
                &crate::lang::fill(ctx.t(how), &[("places", ctx.t(places))]),
            ),
            ("example", &example),
        ],
    )
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
    let mut notes = vec![shares_note(ctx), ctx.t(T::NoteEmpty).to_string()];
    if let Some(prev) = &o.previous_year {
        notes.extend(previous_notes(ctx, prev));
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

#[cfg(test)]
mod tests {
    use super::super::build;
    use super::super::labels::T;
    use crate::consolidate::Trained;
    use crate::history::Snapshot;
    use crate::lang::Lang;
    use crate::measures::ShareShown;
    use crate::pipeline::Pipeline;
    use crate::report::OutputPaths;
    use crate::run::outcome::Outcome;
    use crate::run::process;
    use crate::run::request::Request;
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    use std::io::{Cursor, Read};
    use std::path::Path;

    fn root() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    fn pipeline(share: ShareShown) -> Pipeline {
        let mut p = Pipeline::load(&root().join(crate::pipeline::DEFAULT_PIPELINE)).unwrap();
        p.share = share;
        p
    }

    /// The reference month with the region's figures set to the seed's
    /// 01.01.2026 and the previous year's to its 01.01.2025.
    fn seed_outcome(p: &Pipeline, lang: Lang) -> Outcome<'_> {
        let month = root().join("tests/fixtures/reference-month");
        let mut o = process(&Request {
            pipeline: p,
            input: month.join("2026-03"),
            registry: month.join("registry.xlsx"),
            period: Some("2026-03".parse().unwrap()),
            lang,
            progress: false,
            history: None,
        })
        .unwrap();
        let seed = |v: [f64; 7]| {
            let m: Vec<Option<f64>> = v.iter().copied().map(Some).collect();
            let mut f = o.consolidation.region.clone();
            f.members = m[0];
            f.trained = Trained::from_measures(&m);
            f.trained_share = Some(v[1] / v[0]);
            f
        };
        let now = seed([33_557.0, 6_101.0, 1_597.0, 593.0, 1_131.0, 522.0, 2_258.0]);
        let before = seed([33_468.0, 5_673.0, 1_494.0, 545.0, 238.0, 583.0, 2_813.0]);
        o.consolidation.region = now;
        o.previous_year = Some(Snapshot {
            period: "2025-03".parse().unwrap(),
            region: before,
            units: Default::default(),
            orgs: Default::default(),
            imported: None,
        });
        o
    }

    /// The share row's three cells (this year, last year, change) and the
    /// notes' text of the first sheet, and the workbook's styles part.
    fn first_sheet(p: &Pipeline, lang: Lang) -> ([Option<f64>; 3], String, String) {
        let o = seed_outcome(p, lang);
        let bytes = build(&o, &OutputPaths::new(Path::new("/nonexistent"), o.period)).unwrap();
        let mut styles = String::new();
        zip::ZipArchive::new(Cursor::new(bytes.clone()))
            .unwrap()
            .by_name("xl/styles.xml")
            .unwrap()
            .read_to_string(&mut styles)
            .unwrap();
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let name = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&name).unwrap();
        let label = T::IndShare.get(lang);
        let row = range
            .rows()
            .find(|r| r.iter().any(|c| *c == label))
            .expect("the share row");
        let num = |c: &Data| match c {
            Data::Float(f) => Some(*f),
            _ => None,
        };
        let notes: Vec<String> = range
            .rows()
            .flat_map(|r| r.iter().map(|c| c.to_string()))
            .collect();
        (
            [num(&row[2]), num(&row[3]), num(&row[4])],
            notes.join("\n"),
            styles,
        )
    }

    fn close(a: [Option<f64>; 3], b: [f64; 3]) {
        for (x, y) in a.iter().zip(b) {
            let x = x.expect("a value");
            assert!((x - y).abs() < 1e-9, "{a:?} != {b:?}");
        }
    }

    #[test]
    fn the_first_sheet_cuts_shares_as_the_office_does() {
        let (cells, notes, styles) = first_sheet(&pipeline(ShareShown::OFFICE), Lang::Kk);
        // 6 101 / 33 557 = 18,18 % -> 18,1 %; 5 673 / 33 468 = 16,95 % -> 16,9 %;
        // the change from the shares shown: +1,2 points.
        close(cells, [0.181, 0.169, 1.2]);
        assert!(
            notes.contains(
                "бір ондық таңбаға дейін қиылып көрсетілген (16,95\u{a0}% → 16,9\u{a0}%)"
            ),
            "{notes}"
        );
        assert!(styles.contains("formatCode=\"[$-43F]0.0%\""), "{styles}");
    }

    #[test]
    fn rounding_is_a_setting_and_so_are_the_places() {
        let round = ShareShown {
            truncate: false,
            decimals: 1,
        };
        let (cells, notes, _) = first_sheet(&pipeline(round), Lang::Ru);
        close(cells, [0.182, 0.17, 1.2]);
        assert!(
            notes.contains(
                "с округлением до одного знака после запятой (16,95\u{a0}% → 17,0\u{a0}%)"
            ),
            "{notes}"
        );
        let two = ShareShown {
            truncate: true,
            decimals: 2,
        };
        let (cells, notes, styles) = first_sheet(&pipeline(two), Lang::En);
        close(cells, [0.1818, 0.1695, 1.23]);
        assert!(
            notes.contains("cut to two decimals (16.950\u{a0}% → 16.95\u{a0}%)"),
            "{notes}"
        );
        assert!(styles.contains("formatCode=\"0.00%\""), "{styles}");
        assert!(styles.contains("+0.00&quot; pp&quot;"), "{styles}");
        let whole = ShareShown {
            truncate: true,
            decimals: 0,
        };
        let (cells, _, styles) = first_sheet(&pipeline(whole), Lang::En);
        close(cells, [0.18, 0.16, 2.0]);
        assert!(styles.contains("formatCode=\"0%\""), "{styles}");
    }
}
