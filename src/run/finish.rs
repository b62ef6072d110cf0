//! Issues made ready to be written: each rule's severity settled from the
//! pipeline (a rule switched off drops its issues), the message rendered in
//! the run's language, the issues put in a stable order (by file, sheet, row,
//! column, rule) and repeated findings of one place kept once.

use crate::issue::Issue;
use crate::lang::Lang;
use crate::messages;
use crate::pipeline::Pipeline;

/// Settles severities, drops switched-off rules and duplicates, renders
/// messages, and sorts into a stable order.
pub fn finish_issues(issues: Vec<Issue>, pipeline: &Pipeline, lang: Lang) -> Vec<Issue> {
    let mut out: Vec<Issue> = issues
        .into_iter()
        .filter_map(|i| pipeline.settle(i))
        .collect();
    for i in &mut out {
        i.message = messages::render(i, lang, pipeline);
    }
    out.sort_by(|a, b| order(a).cmp(&order(b)).then_with(|| a.unit.cmp(&b.unit)));
    out.dedup_by(|a, b| {
        a.rule == b.rule
            && a.place == b.place
            && a.org == b.org
            && a.field == b.field
            && a.unit == b.unit
    });
    out
}

/// Where an issue goes in the stable order: issues of a file before those
/// of no file, then by file, sheet, row, column, rule, organisation, field.
fn order(i: &Issue) -> impl Ord + '_ {
    (
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
