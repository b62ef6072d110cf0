//! The organisations sheet: every accepted organisation row in unit order,
//! its registry id and registered name, the name as written, its figures
//! and share, the titles of the issues found on its row, and where it came
//! from (file, sheet, row).

use super::labels::T;
use super::sheet::{Head, Sheet};
use super::{Breakdowns, Ctx};
use crate::issue::{Rule, Severity};
use crate::messages::rule_title;
use rust_xlsxwriter::XlsxError;
use rustc_hash::FxHashMap as HashMap;

const LAST_COL: u16 = 16;

/// A row of a file's sheet: (file, sheet, Excel row).
type RowKey<'a> = (&'a str, &'a str, u32);

/// The issues at each row of a file's sheet.
pub(crate) fn issues_by_row<'a>(ctx: &Ctx<'a, '_>) -> HashMap<RowKey<'a>, Vec<(Severity, Rule)>> {
    let mut map: HashMap<RowKey, Vec<(Severity, Rule)>> = HashMap::default();
    for i in &ctx.o.issues {
        let (Some(file), Some(sheet), Some(row)) =
            (&i.place.file, &i.place.sheet, i.place.excel_row())
        else {
            continue;
        };
        let list = map.entry((file.as_str(), sheet.as_str(), row)).or_default();
        if !list.contains(&(i.severity, i.rule)) {
            list.push((i.severity, i.rule));
        }
    }
    for list in map.values_mut() {
        list.sort();
    }
    map
}

fn heads(ctx: &Ctx) -> Vec<Head> {
    let t = |x: T| ctx.t(x);
    vec![
        Head::one(t(T::No)),
        Head::one(t(T::Unit)),
        Head::one(t(T::Bin)),
        Head::one(t(T::RegisteredName)),
        Head::one(t(T::ReportedName)),
        Head::one(t(T::Members)),
        Head::group_up(
            t(T::Trained),
            &[
                t(T::TrainedTotal),
                t(T::CatMembers),
                t(T::CatAudit),
                t(T::CatActivists),
                t(T::CatChairs),
                t(T::CatConciliation),
                t(T::ShareTrained),
            ],
        ),
        Head::one(t(T::IssueFlags)),
        Head::group(t(T::Source), &[t(T::File), t(T::Sheet), t(T::Row)]),
    ]
}

pub(crate) fn sheet(ctx: &Ctx, b: &Breakdowns) -> Result<Sheet, XlsxError> {
    let st = &ctx.st;
    let mut s = Sheet::new(&ctx.sheet_name(T::SheetOrgs))?;
    let header_row = s.title(ctx.t(T::TitleOrgs), &ctx.period_line, LAST_COL, st)?;
    let first = s.header(header_row, 0, &heads(ctx), st)?;
    let row = org_rows(&mut s, ctx, b, first)?;
    let last_row = row.saturating_sub(1).max(first);
    total_row(&mut s, ctx, row)?;
    let row = row + 2;

    s.limit(0, 5.0, 6.0);
    s.limit(1, 14.0, 22.0);
    s.limit(2, 14.0, 14.0);
    s.limit(3, 24.0, 36.0);
    s.limit(4, 22.0, 34.0);
    for col in 5..=12 {
        s.limit(col, 5.5, 9.0);
    }
    s.limit(13, 16.0, 24.0);
    s.limit(14, 16.0, 28.0);
    s.limit(15, 8.0, 14.0);
    s.limit(16, 6.0, 7.0);
    s.fit()?;
    s.note(row, LAST_COL, ctx.t(T::NoteRounding), st)?;
    s.note(row + 1, LAST_COL, ctx.t(T::NoteEmpty), st)?;

    s.ws.autofilter(first - 1, 0, last_row, LAST_COL)?;
    s.ws.set_freeze_panes(first, 3)?;
    s.print_setup((header_row, first - 1), &ctx.span)?;
    Ok(s)
}

/// A row per accepted organisation from `first` on; returns the row after
/// them.
fn org_rows(s: &mut Sheet, ctx: &Ctx, b: &Breakdowns, first: u32) -> Result<u32, XlsxError> {
    let (o, st) = (ctx.o, &ctx.st);
    let flags = issues_by_row(ctx);
    // Each unit's name made once, not once per organisation.
    let unit_names: HashMap<&str, String> = ctx
        .units
        .iter()
        .map(|u| (u.as_str(), ctx.unit_name(u)))
        .collect();
    // Cells first, formats after, a block at a time: one format lookup per
    // column rather than one per cell.
    let mut flagged = Vec::new();
    let mut row = first;
    for (i, line) in b.orgs.iter().enumerate() {
        s.num_plain(row, 0, Some(i as f64 + 1.0))?;
        let unit = unit_names
            .get(line.unit.as_str())
            .map_or(line.unit.as_str(), |n| n);
        s.text_plain(row, 1, unit)?;
        if let Some(id) = &line.registry_id {
            s.text_plain(row, 2, id)?;
            let registered = o
                .registry
                .by_id(id)
                .map(|r| r.name.as_str())
                .unwrap_or_default();
            s.text_plain(row, 3, registered)?;
        }
        s.text_plain(row, 4, &line.name)?;
        for (k, v) in line.values.iter().enumerate() {
            s.num_plain(row, 5 + k as u16, *v)?;
        }
        s.num_plain(row, 12, line.share)?;
        if let Some(list) = flags.get(&(line.file.as_str(), line.sheet.as_str(), line.row)) {
            let titles: Vec<&str> = list.iter().map(|(_, r)| rule_title(*r, ctx.lang)).collect();
            let f = match list.first() {
                Some((Severity::Error, _)) => &st.flag_error,
                _ => &st.flag_warning,
            };
            flagged.push((row, titles.join("; "), f));
        }
        s.text_plain(row, 14, &line.file)?;
        s.text_plain(row, 15, &line.sheet)?;
        s.num_plain(row, 16, Some(line.row as f64))?;
        row += 1;
    }
    if row > first {
        s.format_columns(
            first..=row - 1,
            &[
                (0..=0, &st.center),
                (1..=1, &st.text),
                (2..=2, &st.center),
                (3..=4, &st.text_wrap),
                (5..=11, &st.int),
                (12..=12, &st.pct),
                (13..=13, &st.text_wrap),
                (14..=14, &st.text_wrap),
                (15..=15, &st.text),
                (16..=16, &st.center),
            ],
        )?;
    }
    for (r, titles, f) in flagged {
        s.text(r, 13, &titles, f)?;
    }
    Ok(row)
}

/// The region's total row at `row`.
fn total_row(s: &mut Sheet, ctx: &Ctx, row: u32) -> Result<(), XlsxError> {
    let st = &ctx.st;
    let region = &ctx.o.consolidation.region;
    for col in [0, 2, 3, 4, 13, 14, 15, 16] {
        s.blank(row, col, &st.total_text)?;
    }
    s.text(row, 1, ctx.t(T::RegionTotal), &st.total_text)?;
    s.num(row, 5, region.members, &st.total_int)?;
    for (k, (_, v)) in region.trained.fields().iter().enumerate() {
        s.num(row, 6 + k as u16, *v, &st.total_int)?;
    }
    s.num(row, 12, region.trained_share, &st.total_pct)?;
    Ok(())
}
