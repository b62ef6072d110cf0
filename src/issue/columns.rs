//! The columns of the issue table, left to right, by language-neutral id.
//! The discrepancy workbook lays out its sheet of all issues and each unit's
//! sheet in this order; a later run reads the follow-up (status, comment,
//! responsible) back from the same places, by the hidden key columns (rule,
//! unit, organisation, field) that recognise an issue from month to month.

/// The ids of the issue table's columns, in order: what the issue says,
/// then what the specialist fills, then the hidden keys.
pub const COLUMN_IDS: [&str; 23] = [
    "number",
    "severity",
    "unit",
    "file",
    "sheet",
    "cell",
    "check",
    "description",
    "expected",
    "actual",
    "difference",
    "org",
    "field",
    "responsible",
    "due",
    "status",
    "comment",
    "rule_id",
    "unit_id",
    "org_key",
    "field_id",
    "severity_id",
    // After the hidden keys (added later, so the others keep their places):
    // an unknown organisation's match, picked from its suggestions.
    "match",
];

/// The 0-based position of a column by id.
///
/// ```
/// use jinaq::column;
/// assert_eq!(column("status"), Some(15));
/// assert_eq!(column("rule_id"), Some(17));
/// ```
pub fn column(id: &str) -> Option<u16> {
    COLUMN_IDS.iter().position(|c| *c == id).map(|i| i as u16)
}
