//! The pipeline file as written: serde structs that refuse unknown keys, so a
//! misspelt setting is an error at start, not a silently ignored line.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPipeline {
    pub pipeline: RawHead,
    #[serde(default)]
    pub limits: RawLimits,
    pub units: Vec<RawUnit>,
    pub files: RawFiles,
    pub coverage: RawTable,
    pub events: RawTable,
    pub vocabulary: RawVocabulary,
    pub finance: RawFinance,
    pub summary: RawSummary,
    pub registry: RawRegistry,
    /// The regional office, named in the heading of each district's file.
    #[serde(default)]
    pub office: RawOffice,
    #[serde(default)]
    pub rules: BTreeMap<String, RawRule>,
    /// Comparisons between the figures of one organisation row.
    #[serde(default)]
    pub row_checks: Vec<RawRowCheck>,
    /// Earlier periods: the labels `jinaq history import` reads by.
    #[serde(default)]
    pub history: RawHistory,
}

/// `[history]`: what earlier periods are read from besides the history folder.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHistory {
    #[serde(default)]
    pub import: RawImport,
}

/// `[history.import]`: the rows of a table in the seed's shape.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawImport {
    /// Words a label may open with (`оның ішінде`, `в том числе`).
    #[serde(default)]
    pub connectors: Vec<String>,
    /// Field -> row labels.
    #[serde(default)]
    pub labels: BTreeMap<String, Vec<String>>,
}

/// `sum(left) op sum(right)` must hold on every organisation row.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawRowCheck {
    /// The rule reported when the comparison fails.
    pub rule: String,
    /// Fields summed on the left; reported as `actual`.
    pub left: Vec<String>,
    /// One of `==`, `!=`, `<=`, `<`, `>=`, `>`.
    pub op: String,
    /// Fields summed on the right; reported as `expected`.
    pub right: Vec<String>,
    /// The field whose cell the issue points at.
    pub cell: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHead {
    /// Short id of the pipeline.
    pub id: String,
    /// Organisation title by language.
    pub title_kk: String,
    pub title_ru: String,
    pub title_en: String,
    /// Default inbox folder, relative to the pipeline file.
    pub input: String,
    /// Registry workbook, relative to the pipeline file.
    pub registry: String,
    /// Default output folder, relative to the pipeline file.
    pub output: String,
    /// Default language: kk, ru or en.
    #[serde(default = "default_lang")]
    pub lang: String,
    /// Reports are due by this day of the next month.
    #[serde(default = "default_due_day")]
    pub due_day: u32,
    /// The offices' clock, hours east of UTC: a report saved late on the due
    /// day by their clock is on time.
    #[serde(default = "default_utc_offset_hours")]
    pub utc_offset_hours: i32,
    /// Corrected reports are to be sent again by this day of the month after
    /// the period (named in each district's file).
    #[serde(default = "default_resend_day")]
    pub resend_day: u32,
    /// How shares are shown in the workbook and the brief: "truncate" (cut,
    /// as the office writes them) or "round".
    #[serde(default = "default_share_shown")]
    pub share_shown: String,
    /// Decimals of a per cent shown (0 to 4).
    #[serde(default = "default_share_decimals")]
    pub share_decimals: u8,
}

fn default_share_shown() -> String {
    "truncate".into()
}

fn default_share_decimals() -> u8 {
    1
}

fn default_resend_day() -> u32 {
    10
}

/// The regional office's contact; an empty value is left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOffice {
    /// The office's name.
    #[serde(default)]
    pub name: String,
    /// The specialist who receives the reports.
    #[serde(default)]
    pub person: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
}

fn default_lang() -> String {
    "kk".into()
}

fn default_due_day() -> u32 {
    5
}

/// Kazakhstan: UTC+5 in the whole country since March 2024.
fn default_utc_offset_hours() -> i32 {
    5
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLimits {
    /// Files larger than this are refused.
    pub max_file_bytes: u64,
    /// Sheets holding (xlsx, xlsb) or spanning (xls, ods) more cells are not loaded.
    pub max_sheet_cells: u64,
    /// All sheets of one workbook together.
    #[serde(default = "default_max_workbook_cells")]
    pub max_workbook_cells: u64,
    /// Zip-based files: all parts unpacked together.
    #[serde(default = "default_max_unpacked_bytes")]
    pub max_unpacked_bytes: u64,
    /// Zip-based files: unpacked / packed size of one large part.
    #[serde(default = "default_max_compression_ratio")]
    pub max_compression_ratio: u64,
    /// Zip-based files: parts in one file.
    #[serde(default = "default_max_zip_entries")]
    pub max_zip_entries: u64,
    /// xlsx: texts in the shared-strings table.
    #[serde(default = "default_max_shared_strings")]
    pub max_shared_strings: u64,
    /// xlsx: the shared-strings part unpacked.
    #[serde(default = "default_max_shared_strings_bytes")]
    pub max_shared_strings_bytes: u64,
    /// xlsx: cell formats in the styles part.
    #[serde(default = "default_max_styles")]
    pub max_styles: u64,
    /// Rows searched for a header row.
    pub header_scan_rows: u32,
    /// Title rows read for the unit and period.
    pub title_scan_rows: u32,
}

fn default_max_workbook_cells() -> u64 {
    4_000_000
}

fn default_max_unpacked_bytes() -> u64 {
    128 * 1024 * 1024
}

fn default_max_compression_ratio() -> u64 {
    250
}

fn default_max_zip_entries() -> u64 {
    10_000
}

fn default_max_shared_strings() -> u64 {
    1_000_000
}

fn default_max_shared_strings_bytes() -> u64 {
    64 * 1024 * 1024
}

fn default_max_styles() -> u64 {
    200_000
}

impl Default for RawLimits {
    fn default() -> Self {
        RawLimits {
            max_file_bytes: 50 * 1024 * 1024,
            max_sheet_cells: 2_000_000,
            max_workbook_cells: default_max_workbook_cells(),
            max_unpacked_bytes: default_max_unpacked_bytes(),
            max_compression_ratio: default_max_compression_ratio(),
            max_zip_entries: default_max_zip_entries(),
            max_shared_strings: default_max_shared_strings(),
            max_shared_strings_bytes: default_max_shared_strings_bytes(),
            max_styles: default_max_styles(),
            header_scan_rows: 40,
            title_scan_rows: 8,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    /// Stable unit id (`alga`).
    pub id: String,
    /// Names by language.
    pub kk: String,
    pub ru: String,
    pub en: String,
    /// Word stems that identify the unit in file names and titles.
    #[serde(default)]
    pub r#match: Vec<String>,
    /// Whether the unit must report financing (default: yes). The region's
    /// share is said to meet the norm only when every unit that must has.
    #[serde(default = "default_reports_finance")]
    pub reports_finance: bool,
}

fn default_reports_finance() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFiles {
    /// File name prefixes of owner, lock and temp files.
    pub ignore_prefixes: Vec<String>,
    /// Extensions read as workbooks.
    pub workbook_extensions: Vec<String>,
    /// Words in a name that mark a corrected copy.
    pub corrected_markers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTable {
    /// Fields without which the table is not read.
    pub required: Vec<String>,
    /// Labels that open a total row.
    #[serde(default)]
    pub total_labels: Vec<String>,
    /// Parent headers of a two-row header.
    #[serde(default)]
    pub group_headers: Vec<String>,
    /// Field -> header texts seen.
    pub headers: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVocabulary {
    /// Similarity (0..1) at which a spelling variant is taken as the term.
    #[serde(default = "default_vocab_threshold")]
    pub match_threshold: f64,
    pub forms: Vec<RawTerm>,
    pub topic_areas: Vec<RawTerm>,
}

fn default_vocab_threshold() -> f64 {
    0.9
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub id: String,
    pub kk: String,
    pub ru: String,
    pub en: String,
    /// Spellings seen in reports.
    pub aliases: Vec<String>,
    /// A priority area of the seed's recommendations.
    #[serde(default)]
    pub priority: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFinance {
    /// Field -> label texts.
    pub labels: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSummary {
    /// Sheet names that mark a unit's own summary.
    pub sheet_names: Vec<String>,
    /// Field -> indicator labels.
    pub labels: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegistry {
    pub unit: Vec<String>,
    pub bin: Vec<String>,
    pub name: Vec<String>,
    pub aliases: Vec<String>,
    pub kind: Vec<String>,
    pub members: Vec<String>,
    /// Legal-form words and phrases dropped before names are compared.
    pub legal_forms: Vec<String>,
    /// Words and phrases dropped before names are compared.
    #[serde(default)]
    pub optional_words: Vec<String>,
    /// Type of organisation -> the ways its name is written.
    #[serde(default)]
    pub org_types: BTreeMap<String, Vec<String>>,
    /// Matches the specialist confirmed: name as written -> БСН.
    #[serde(default)]
    pub confirmed: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// error, warning or info.
    pub severity: Option<String>,
    /// false switches the rule off.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Absolute or relative tolerance, as the rule documents.
    pub tolerance: Option<f64>,
    /// Threshold, as the rule documents.
    pub threshold: Option<f64>,
    /// Smallest absolute change that is flagged.
    pub min_abs: Option<f64>,
    /// A norm (share) the figures must reach.
    pub norm: Option<f64>,
}
