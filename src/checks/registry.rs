//! The report against the registry: every organisation row matched to a
//! registry entry (the match is written into the row), and
//! `registry.unknown_org`, `registry.auto_matched`, `registry.other_unit`,
//! `registry.members_mismatch`, `registry.missing_org`.

use crate::issue::{num, Issue, Place, Rule};
use crate::measures::MEMBERS;
use crate::pipeline::Pipeline;
use crate::registry::{Match, MatchKind, Registry};
use crate::tables::coverage::Coverage;

/// Matches the rows of one report and checks them.
pub(crate) fn check(
    cov: &mut Coverage,
    unit: Option<&str>,
    file: &str,
    registry: &Registry,
    pipeline: &Pipeline,
) -> Vec<Issue> {
    let threshold = pipeline.rule(Rule::RegistryUnknownOrg).threshold;
    let members_tol = pipeline.rule(Rule::RegistryMembersMismatch).tolerance;
    let mut out = Vec::new();
    let sheet = cov.sheet.clone();
    let name_place = |row: u32, col: Option<u32>| match col {
        Some(c) => Place::cell(file, &sheet, row, c),
        None => Place::row(file, &sheet, row),
    };
    for r in cov.rows.iter_mut().filter(|r| r.accepted) {
        match registry.find(unit, &r.name, r.bin.as_deref(), threshold) {
            Match::Found(i, how) => {
                let o = &registry.orgs[i];
                r.registry_id = Some(o.id.clone());
                if let MatchKind::Fitted(which) = how {
                    let fitted = if which == 0 {
                        &o.name
                    } else {
                        &o.aliases[which - 1]
                    };
                    out.push(
                        Issue::new(Rule::RegistryAutoMatched, name_place(r.row, cov.org_col))
                            .org(Some(&o.id))
                            .expected(o.name.clone())
                            .actual(r.name.clone())
                            .detail(fitted.clone()),
                    );
                }
                if unit.is_some_and(|u| u != o.unit) {
                    out.push(
                        Issue::new(Rule::RegistryOtherUnit, name_place(r.row, cov.org_col))
                            .org(Some(&o.id))
                            .expected(o.unit.clone())
                            .actual(unit.unwrap_or_default())
                            .detail(o.name.clone()),
                    );
                }
                if let (Some(m), Some(reg)) = (r.values[MEMBERS], o.members) {
                    if reg > 0.0 && ((m - reg).abs() / reg) > members_tol + 1e-12 {
                        out.push(
                            Issue::new(
                                Rule::RegistryMembersMismatch,
                                name_place(r.row, cov.cols[MEMBERS]),
                            )
                            .org(Some(&o.id))
                            .field("members")
                            .expected(num(reg))
                            .actual(num(m)),
                        );
                    }
                }
            }
            Match::Unknown(candidates) => {
                let names: Vec<String> = candidates
                    .iter()
                    .map(|(i, _)| registry.orgs[*i].name.clone())
                    .collect();
                out.push(
                    Issue::new(Rule::RegistryUnknownOrg, name_place(r.row, cov.org_col))
                        .org((!r.name.is_empty()).then_some(r.name.as_str()))
                        .actual(r.name.clone())
                        .detail(names.join(" | ")),
                );
            }
        }
    }
    if let Some(u) = unit {
        let found: std::collections::HashSet<&str> = cov
            .rows
            .iter()
            .filter_map(|r| r.registry_id.as_deref())
            .collect();
        for (_, o) in registry.in_unit(u) {
            if !found.contains(o.id.as_str()) {
                out.push(
                    Issue::new(Rule::RegistryMissingOrg, Place::sheet(file, &sheet))
                        .org(Some(&o.id))
                        .detail(o.name.clone()),
                );
            }
        }
    }
    out
}
