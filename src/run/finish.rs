//! Issues made ready to be written: each rule's severity settled from the
//! pipeline (a rule switched off drops its issues), the message rendered in
//! the run's language, repeated findings of one place kept once, one finding
//! on adjacent cells of a row told once with a range (`C37:J37`), and the
//! issues put in the order people act on them: errors, warnings, notes;
//! within each, units in the pipeline's order (never by name, so Kazakh
//! initial letters do not sort last), then file, sheet, row, column, rule.

use crate::issue::Issue;
use crate::lang::Lang;
use crate::messages;
use crate::pipeline::Pipeline;
use std::collections::HashMap;

/// Settles severities, drops switched-off rules and duplicates, renders
/// messages, joins findings on adjacent cells, and sorts.
pub(crate) fn finish_issues(issues: Vec<Issue>, pipeline: &Pipeline, lang: Lang) -> Vec<Issue> {
    let mut out: Vec<Issue> = issues
        .into_iter()
        .filter_map(|i| pipeline.settle(i))
        .collect();
    for i in &mut out {
        i.message = messages::render(i, lang, pipeline);
    }
    let rank = unit_ranks(pipeline);
    out.sort_by(|a, b| order(a, &rank).cmp(&order(b, &rank)));
    out.dedup_by(|a, b| {
        a.rule == b.rule
            && a.place == b.place
            && a.org == b.org
            && a.field == b.field
            && a.unit == b.unit
    });
    let mut out = join_ranges(out);
    for i in out.iter_mut().filter(|i| i.place.last_col.is_some()) {
        i.message = messages::render(i, lang, pipeline);
    }
    out
}

/// Each unit's place in the pipeline's list.
fn unit_ranks(pipeline: &Pipeline) -> HashMap<&str, usize> {
    pipeline
        .units
        .iter()
        .enumerate()
        .map(|(k, u)| (u.id.as_str(), k))
        .collect()
}

/// Where an issue goes: by severity; then by unit in the pipeline's order
/// (issues of no unit, or of a unit the pipeline does not list, after the
/// units); issues of a file before those of no file; then by file, sheet,
/// row, column, rule, organisation, field.
fn order<'i>(i: &'i Issue, rank: &HashMap<&str, usize>) -> impl Ord + 'i {
    let unit = i.unit.as_deref().map_or(usize::MAX, |u| {
        rank.get(u).copied().unwrap_or(usize::MAX - 1)
    });
    (
        i.severity,
        unit,
        i.unit.clone(),
        i.place.file.is_none(),
        &i.place.file,
        &i.place.sheet,
        i.place.excel_row(),
        i.place.cell.map(|c| c.1),
        i.rule,
        &i.org,
        &i.field,
    )
}

/// What must be the same for two findings on one row to be told once: the
/// rule, unit, file, sheet, row and the message apart from the cell.
type RangeKey = (
    crate::issue::Rule,
    Option<String>,
    Option<String>,
    Option<String>,
    u32,
    String,
);

fn range_key(i: &Issue) -> Option<RangeKey> {
    let (row, _) = i.place.cell?;
    let cell = i.place.a1()?;
    Some((
        i.rule,
        i.unit.clone(),
        i.place.file.clone(),
        i.place.sheet.clone(),
        row,
        i.message.replace(&cell, "\u{0}"),
    ))
}

/// Joins each finding on the cell right of an earlier one's (same
/// [`RangeKey`]) into that one, whose place becomes the range. Issues come
/// sorted, so the cells of one row come left to right; the others keep
/// their order.
fn join_ranges(issues: Vec<Issue>) -> Vec<Issue> {
    let mut out: Vec<Issue> = Vec::with_capacity(issues.len());
    // key -> index in `out` of the range still open on that row
    let mut open: HashMap<RangeKey, usize> = HashMap::new();
    for i in issues {
        let Some(key) = range_key(&i) else {
            out.push(i);
            continue;
        };
        let col = i.place.cell.map_or(0, |c| c.1);
        if let Some(&k) = open.get(&key) {
            let first = &mut out[k];
            if first.place.end_col().is_some_and(|end| end + 1 == col) {
                let was = first.place.a1();
                first.place.last_col = Some(col);
                // A message that names its cell through the detail names the range.
                if first.detail.is_some() && first.detail == was {
                    first.detail = first.place.a1();
                }
                continue;
            }
        }
        open.insert(key, out.len());
        out.push(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::{Place, Rule, Severity};

    fn at(rule: Rule, row: u32, col: u32, message: &str) -> Issue {
        let mut i = Issue::new(rule, Place::cell("a.xlsx", "S", row, col)).unit(Some("alga"));
        let cell = i.place.a1().unwrap();
        i.message = message.replace("{cell}", &cell);
        i
    }

    #[test]
    fn adjacent_cells_of_one_finding_become_a_range() {
        let issues: Vec<Issue> = (2..10)
            .map(|c| at(Rule::ValueNotANumber, 36, c, "text in {cell}"))
            .chain([at(Rule::ValueNegative, 36, 4, "negative in {cell}")])
            .chain([at(Rule::ValueNotANumber, 36, 11, "text in {cell}")])
            .chain([at(Rule::ValueNotANumber, 37, 2, "text in {cell}")])
            .collect();
        let joined = join_ranges(issues);
        let cells: Vec<String> = joined.iter().map(|i| i.place.a1().unwrap()).collect();
        assert_eq!(cells, ["C37:J37", "E37", "L37", "C38"]);
    }

    #[test]
    fn a_different_message_is_not_joined() {
        let issues = vec![
            at(Rule::ValueNotANumber, 36, 2, "text «a» in {cell}"),
            at(Rule::ValueNotANumber, 36, 3, "text «b» in {cell}"),
        ];
        let cells: Vec<String> = join_ranges(issues)
            .iter()
            .map(|i| i.place.a1().unwrap())
            .collect();
        assert_eq!(cells, ["C37", "D37"]);
    }

    #[test]
    fn errors_first_then_units_in_pipeline_order() {
        let rank: HashMap<&str, usize> = [("aktobe-city", 0), ("alga", 1), ("shalkar", 2)].into();
        let issue = |unit: &str, sev: Severity, file: &str| {
            let mut i = Issue::new(Rule::ValueNegative, Place::cell(file, "S", 1, 1));
            i.unit = Some(unit.to_string());
            i.severity = sev;
            i
        };
        let mut issues = [
            issue("alga", Severity::Info, "a.xlsx"),
            issue("shalkar", Severity::Error, "a.xlsx"),
            issue("alga", Severity::Error, "ә.xlsx"),
            issue("aktobe-city", Severity::Warning, "b.xlsx"),
            issue("aktobe-city", Severity::Error, "я.xlsx"),
        ];
        issues.sort_by(|a, b| order(a, &rank).cmp(&order(b, &rank)));
        let seen: Vec<(Severity, &str)> = issues
            .iter()
            .map(|i| (i.severity, i.unit.as_deref().unwrap()))
            .collect();
        assert_eq!(
            seen,
            [
                (Severity::Error, "aktobe-city"),
                (Severity::Error, "alga"),
                (Severity::Error, "shalkar"),
                (Severity::Warning, "aktobe-city"),
                (Severity::Info, "alga"),
            ]
        );
    }
}
