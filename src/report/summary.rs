//! `summary-<period>.json`, exactly in the shape of `contracts.md`.

use crate::consolidate::{Figures, Trained};
use crate::issue::{num, Rule, Severity};
use crate::run::outcome::Outcome;
use serde_json::{json, Map, Value};

fn opt(v: Option<f64>) -> Value {
    v.map_or(Value::Null, num)
}

fn trained(t: &Trained) -> Value {
    json!({
        "total": opt(t.total), "members": opt(t.members), "audit": opt(t.audit),
        "activists": opt(t.activists), "chairs": opt(t.chairs), "conciliation": opt(t.conciliation),
    })
}

fn share(v: Option<f64>) -> Value {
    v.map_or(Value::Null, Value::from)
}

/// The figure fields shared by the region and the units.
fn figures(f: &Figures, m: &mut Map<String, Value>) {
    m.insert("orgs_reported".into(), json!(f.orgs_reported));
    m.insert("members".into(), opt(f.members));
    m.insert("trained".into(), trained(&f.trained));
    m.insert("trained_share".into(), share(f.trained_share));
    m.insert("events".into(), f.events.map_or(Value::Null, Value::from));
    m.insert("participants".into(), opt(f.participants));
    m.insert(
        "finance".into(),
        f.finance.as_ref().map_or(Value::Null, |fi| {
            json!({"budget": num(fi.budget), "training": num(fi.training), "share": share(fi.share)})
        }),
    );
}

/// Counts by severity, and (of them) the issues last month's follow-up
/// marked explained or waived.
fn severities<'a>(issues: impl Iterator<Item = &'a crate::issue::Issue> + Clone) -> Value {
    use crate::issue::status::Status;
    let count = |s: Severity| issues.clone().filter(|i| i.severity == s).count();
    let marked = |st: Status| {
        issues
            .clone()
            .filter(|i| i.followup.as_ref().is_some_and(|f| f.status == st))
            .count()
    };
    json!({
        "error": count(Severity::Error),
        "warning": count(Severity::Warning),
        "info": count(Severity::Info),
        "explained": marked(Status::Explained),
        "waived": marked(Status::Waived),
    })
}

pub(crate) fn to_value(o: &Outcome) -> Value {
    let c = &o.consolidation;
    let mut region = Map::new();
    region.insert("units_expected".into(), json!(c.units_expected));
    region.insert("units_reported".into(), json!(c.units_reported));
    region.insert("orgs_registry".into(), json!(c.orgs_registry));
    figures(&c.region, &mut region);
    let units: Vec<Value> = c
        .units
        .iter()
        .map(|u| {
            let mut m = Map::new();
            m.insert("unit".into(), json!(u.unit));
            m.insert(
                "file".into(),
                u.file.as_ref().map_or(Value::Null, |f| json!(f)),
            );
            m.insert("orgs_registry".into(), json!(u.orgs_registry));
            figures(&u.figures, &mut m);
            m.insert(
                "issues".into(),
                severities(
                    o.issues
                        .iter()
                        .filter(|i| i.unit.as_deref() == Some(u.unit.as_str())),
                ),
            );
            Value::Object(m)
        })
        .collect();
    json!({
        "period": o.period.to_string(),
        "as_of": o.period.as_of_iso(),
        "region": Value::Object(region),
        "units": units,
        "files": {
            "found": o.files.found, "read": o.files.read, "skipped": o.files.skipped,
            "superseded": superseded(o),
        },
        "rows": {"read": o.rows.read, "accepted": o.rows.accepted, "rejected": o.rows.rejected},
        "issues": severities(o.issues.iter()),
    })
}

/// Every file set aside for another copy of the same unit's report, with
/// the copy taken instead.
fn superseded(o: &Outcome) -> Value {
    let set_aside = o.reports.iter().filter_map(|r| {
        r.issues
            .iter()
            .find(|i| i.rule == Rule::FileSuperseded)
            .map(|i| json!({"file": r.rel, "unit": r.unit, "replaced_by": i.detail}))
    });
    Value::Array(set_aside.collect())
}

pub(crate) fn to_json(o: &Outcome) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(o)).expect("a JSON value always serialises");
    s.push('\n');
    s
}
