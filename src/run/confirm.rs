//! Confirmed matches gathered at the start of a run: those kept in
//! `OUTPUT/confirmed-matches.csv`, and the suggestions the specialist picked
//! in the discrepancy workbooks beside it (last month's, then this period's
//! own, whose word wins). Every one is given to the registry, so a name
//! confirmed once is matched, within its unit, every month after.

use crate::confirmed::{self, Confirmed};
use crate::followup;
use crate::ingest::format::Refusal;
use crate::issue::{Issue, Place};
use crate::period::Period;
use crate::registry::Registry;
use std::path::Path;

/// Reads the kept matches and the picked suggestions under `out` (the
/// output folder) and gives them to `registry`; returns every match to keep
/// and the issues of files that could not be read.
pub(crate) fn gather(
    out: Option<&Path>,
    period: Period,
    registry: &mut Registry,
) -> (Vec<Confirmed>, Vec<Issue>) {
    let Some(out) = out else {
        return Default::default();
    };
    let mut issues = Vec::new();
    let mut matches = match confirmed::read(&out.join(confirmed::FILE)) {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(error = %e, "the confirmed matches cannot be read");
            issues.push(Issue::refused(
                Refusal::Stored(e.to_string()),
                Place::file(confirmed::FILE),
            ));
            Vec::new()
        }
    };
    for p in [period.previous(), period] {
        let book = out.join(format!("{p}/discrepancies-{p}.xlsx"));
        if !book.is_file() {
            continue;
        }
        // A workbook that cannot be read is reported where its follow-up is read.
        let Ok(picked) = followup::choices(&book) else {
            continue;
        };
        for (unit, name, choice) in picked {
            let Some(org) = confirmed::bin_of_choice(&choice).and_then(|b| registry.by_bin(&b))
            else {
                continue;
            };
            let m = Confirmed {
                unit,
                name,
                bin: org.id.clone(),
                registry_name: org.name.clone(),
                period: p.to_string(),
            };
            confirmed::add(&mut matches, m);
        }
    }
    for m in &matches {
        if !registry.confirm(&m.unit, &m.name, &m.bin) {
            tracing::warn!(bin = %m.bin, name = %m.name, "a confirmed БСН is not in the registry");
        }
    }
    (matches, issues)
}
