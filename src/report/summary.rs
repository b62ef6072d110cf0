//! `summary-<period>.json`, exactly in the shape of `contracts.md`.

use super::Outcome;
use crate::consolidate::{Figures, Trained};
use crate::issue::{num, Severity};
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

fn severities(e: usize, w: usize, i: usize) -> Value {
    json!({"error": e, "warning": w, "info": i})
}

pub fn to_value(o: &Outcome) -> Value {
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
                    o.unit_count(&u.unit, Severity::Error),
                    o.unit_count(&u.unit, Severity::Warning),
                    o.unit_count(&u.unit, Severity::Info),
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
        "files": {"found": o.files.found, "read": o.files.read, "skipped": o.files.skipped},
        "rows": {"read": o.rows.read, "accepted": o.rows.accepted, "rejected": o.rows.rejected},
        "issues": severities(o.count(Severity::Error), o.count(Severity::Warning), o.count(Severity::Info)),
    })
}

pub fn to_json(o: &Outcome) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(o)).expect("a JSON value always serialises");
    s.push('\n');
    s
}
