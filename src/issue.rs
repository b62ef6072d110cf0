//! Findings about the inputs: every bad file, sheet, row or cell becomes an
//! [`Issue`] with its place, the two values that disagree and a message in
//! the run's language. Issues are data; only what stops the whole run is an
//! error (see the `error` module).

pub(crate) mod columns;
pub(crate) mod status;

use crate::ingest::format::Refusal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// How serious an issue is; ordered from most to least serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub(crate) const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

macro_rules! rules {
    ($($variant:ident => $id:literal,)*) => {
        /// The rule catalogue of `contracts.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule { $($variant,)* }

        impl Rule {
            pub(crate) const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The rule's id as written in outputs and in the pipeline file.
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }

            pub(crate) fn from_id(id: &str) -> Option<Rule> {
                match id { $($id => Some(Rule::$variant),)* _ => None }
            }
        }
    };
}

rules! {
    FileUnreadable => "file.unreadable",
    FileEncrypted => "file.encrypted",
    FileEmpty => "file.empty",
    FileIgnored => "file.ignored",
    FileSuperseded => "file.superseded",
    FileUnitUnknown => "file.unit_unknown",
    FilePeriodMismatch => "file.period_mismatch",
    UnitMissing => "unit.missing",
    SheetMissing => "sheet.missing",
    ColumnMissing => "column.missing",
    ColumnUnknown => "column.unknown",
    FormulaNoCachedValue => "formula.no_cached_value",
    ValueNotANumber => "value.not_a_number",
    ValueErrorCell => "value.error_cell",
    ValueNegative => "value.negative",
    ValueFractional => "value.fractional",
    ValueBadDate => "value.bad_date",
    ValueOutOfPeriod => "value.out_of_period",
    ValueUnknownCategory => "value.unknown_category",
    RowCategoriesSum => "row.categories_sum",
    RowTrainedExceedsMembers => "row.trained_exceeds_members",
    RowShareMismatch => "row.share_mismatch",
    RowDuplicateOrg => "row.duplicate_org",
    TotalMismatch => "total.mismatch",
    SummaryMismatch => "summary.mismatch",
    RegistryUnknownOrg => "registry.unknown_org",
    RegistryMissingOrg => "registry.missing_org",
    RegistryOtherUnit => "registry.other_unit",
    RegistryMembersMismatch => "registry.members_mismatch",
    RegistryAutoMatched => "registry.auto_matched",
    EventsParticipantsMismatch => "events.participants_mismatch",
    HistoryYtdDecrease => "history.ytd_decrease",
    HistoryOutlierChange => "history.outlier_change",
    FinanceBelowNorm => "finance.below_norm",
    FinanceShareMismatch => "finance.share_mismatch",
    ReceivedNoColumns => "received.no_columns",
    ReceivedUnmatched => "received.unmatched",
}

impl Rule {
    /// The rule a file's refusal is reported under.
    pub(crate) fn refusing(refusal: &Refusal) -> Rule {
        match refusal {
            Refusal::NotReport(_) => Rule::FileIgnored,
            Refusal::Empty => Rule::FileEmpty,
            Refusal::Encrypted => Rule::FileEncrypted,
            _ => Rule::FileUnreadable,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Rule::from_id(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown rule `{id}`")))
    }
}

/// Where an issue is: as much of file, sheet, cell and row as applies.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub file: Option<String>,
    pub sheet: Option<String>,
    /// 0-based absolute (row, column) of the cell, as the sheet has it.
    pub(crate) cell: Option<(u32, u32)>,
    /// 0-based absolute row, when the issue is about a row but not one cell.
    pub(crate) row: Option<u32>,
    /// 0-based last column of a range on the cell's row (`C37:J37`): one
    /// finding on adjacent cells of a row, told once.
    pub(crate) last_col: Option<u32>,
}

impl Place {
    pub(crate) fn file(file: &str) -> Place {
        Place {
            file: Some(file.to_string()),
            ..Place::default()
        }
    }

    pub(crate) fn sheet(file: &str, sheet: &str) -> Place {
        Place {
            sheet: Some(sheet.to_string()),
            ..Place::file(file)
        }
    }

    pub fn cell(file: &str, sheet: &str, row: u32, col: u32) -> Place {
        Place {
            cell: Some((row, col)),
            row: Some(row),
            ..Place::sheet(file, sheet)
        }
    }

    pub(crate) fn row(file: &str, sheet: &str, row: u32) -> Place {
        Place {
            row: Some(row),
            ..Place::sheet(file, sheet)
        }
    }

    /// The cell in A1 form as Excel shows it (`C4`), or the range of cells
    /// on its row (`C37:J37`).
    pub fn a1(&self) -> Option<String> {
        self.cell.map(|(r, c)| match self.last_col {
            Some(l) if l > c => format!("{}:{}", a1(r, c), a1(r, l)),
            _ => a1(r, c),
        })
    }

    /// The last column the place covers: the range's end, else the cell's.
    pub(crate) fn end_col(&self) -> Option<u32> {
        self.cell.map(|(_, c)| self.last_col.unwrap_or(c).max(c))
    }

    /// The row as Excel shows it (1-based).
    pub fn excel_row(&self) -> Option<u32> {
        self.row.or(self.cell.map(|(r, _)| r)).map(|r| r + 1)
    }
}

/// A1 reference of a 0-based (row, column).
pub(crate) fn a1(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// Column letters of a 0-based column index (`0` -> `A`, `27` -> `AB`).
pub(crate) fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// One finding. `message` is filled in the run's language just before the
/// outputs are written (see the `messages` module).
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub severity: Severity,
    pub rule: Rule,
    pub unit: Option<String>,
    pub place: Place,
    /// Registry id (БСН) or the name as written.
    pub org: Option<String>,
    /// The organisation's name as the report writes it, for people to read.
    pub(crate) org_name: Option<String>,
    /// Field path as in `summary-<period>.json`.
    pub field: Option<String>,
    pub expected: Option<Value>,
    pub actual: Option<Value>,
    /// Facts for the message that are not in the other fields: the headers
    /// seen, the best registry candidates, the file that supersedes this one.
    pub(crate) detail: Option<String>,
    /// Why the file is not read, for the `file.*` issues of a refused file.
    pub(crate) refusal: Option<Refusal>,
    pub message: String,
    /// Last month's follow-up of the same issue, when the specialist wrote one.
    pub(crate) followup: Option<status::FollowUp>,
}

impl Issue {
    /// A new issue at a place; the severity is set from the pipeline's rule
    /// table when the run finishes its issues (see the pipeline's `settle`).
    pub fn new(rule: Rule, place: Place) -> Issue {
        Issue {
            severity: Severity::Error,
            rule,
            unit: None,
            place,
            org: None,
            org_name: None,
            field: None,
            expected: None,
            actual: None,
            detail: None,
            refusal: None,
            message: String::new(),
            followup: None,
        }
    }

    pub fn unit(mut self, unit: Option<&str>) -> Issue {
        self.unit = unit.map(str::to_string);
        self
    }

    pub fn org(mut self, org: Option<&str>) -> Issue {
        self.org = org.map(str::to_string);
        self
    }

    pub(crate) fn field(mut self, field: &str) -> Issue {
        self.field = Some(field.to_string());
        self
    }

    pub fn expected(mut self, v: impl Into<Value>) -> Issue {
        self.expected = Some(v.into());
        self
    }

    pub fn actual(mut self, v: impl Into<Value>) -> Issue {
        self.actual = Some(v.into());
        self
    }

    pub(crate) fn detail(mut self, d: impl Into<String>) -> Issue {
        self.detail = Some(d.into());
        self
    }

    /// An issue about a file that is not read, under the rule of its refusal.
    pub(crate) fn refused(refusal: Refusal, place: Place) -> Issue {
        let rule = Rule::refusing(&refusal);
        Issue {
            refusal: Some(refusal),
            ..Issue::new(rule, place)
        }
    }
}

/// A number as JSON: whole numbers without a fraction, others rounded to
/// 6 decimals so outputs stay stable.
pub(crate) fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::from(v as i64)
    } else {
        Value::from((v * 1e6).round() / 1e6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(86, 3), "D87");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn a_range_on_one_row() {
        let mut p = Place::cell("f.xlsx", "S", 36, 2);
        assert_eq!(p.a1().as_deref(), Some("C37"));
        p.last_col = Some(9);
        assert_eq!(p.a1().as_deref(), Some("C37:J37"));
        assert_eq!(p.end_col(), Some(9));
        assert_eq!(p.excel_row(), Some(37));
    }

    #[test]
    fn rule_ids_round_trip() {
        for r in Rule::ALL {
            assert_eq!(Rule::from_id(r.id()), Some(*r));
        }
        assert_eq!(Rule::ALL.len(), 37);
        assert_eq!(Rule::from_id("no.such"), None);
    }

    #[test]
    fn numbers_as_json() {
        assert_eq!(num(3102.0).to_string(), "3102");
        assert_eq!(num(0.093194539).to_string(), "0.093195");
    }
}
