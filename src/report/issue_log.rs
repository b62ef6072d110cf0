//! `discrepancies-<period>.json` (the contract's ISSUE objects) and `.csv`
//! (UTF-8 with BOM, so Excel shows Cyrillic; text that Excel would take for a
//! formula is neutralised with a leading apostrophe).

use crate::issue::Issue;
use crate::run::outcome::Outcome;
use serde_json::{json, Value};

pub(crate) fn issue_value(i: &Issue) -> Value {
    json!({
        "severity": i.severity.as_str(),
        "rule": i.rule.id(),
        "unit": i.unit,
        "file": i.place.file,
        "sheet": i.place.sheet,
        "cell": i.place.a1(),
        "row": i.place.excel_row(),
        "org": i.org,
        "field": i.field,
        "expected": i.expected,
        "actual": i.actual,
        "message": i.message,
        "status": i.followup.as_ref().map_or("new", |f| f.status.id()),
        "comment": i.followup.as_ref().map(|f| f.comment.clone()).filter(|c| !c.is_empty()),
    })
}

pub(crate) fn to_json(o: &Outcome) -> String {
    let issues: Vec<Value> = o.issues.iter().map(issue_value).collect();
    let mut s =
        serde_json::to_string_pretty(&json!({"period": o.period.to_string(), "issues": issues}))
            .expect("a JSON value always serialises");
    s.push('\n');
    s
}

/// Text that a spreadsheet would run as a formula gets a leading apostrophe;
/// control characters become spaces.
pub(crate) fn neutralise(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{clean}"),
        _ => clean,
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn value_text(v: &Option<Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => neutralise(s),
        Some(other) => other.to_string(),
    }
}

pub(crate) const CSV_COLUMNS: [&str; 14] = [
    "severity", "rule", "unit", "file", "sheet", "cell", "row", "org", "field", "expected",
    "actual", "message", "status", "comment",
];

pub(crate) fn to_csv(o: &Outcome) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for i in &o.issues {
        let text = |s: &Option<String>| neutralise(s.as_deref().unwrap_or(""));
        let fields = [
            i.severity.as_str().to_string(),
            i.rule.id().to_string(),
            text(&i.unit),
            text(&i.place.file),
            text(&i.place.sheet),
            i.place.a1().unwrap_or_default(),
            i.place
                .excel_row()
                .map(|r| r.to_string())
                .unwrap_or_default(),
            text(&i.org),
            text(&i.field),
            value_text(&i.expected),
            value_text(&i.actual),
            neutralise(&i.message),
            i.followup
                .as_ref()
                .map_or("new", |f| f.status.id())
                .to_string(),
            neutralise(i.followup.as_ref().map_or("", |f| f.comment.as_str())),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+7 701"), "'+7 701");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\tx"), "' x");
        assert_eq!(neutralise("№5 ЖОББМ"), "№5 ЖОББМ");
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
