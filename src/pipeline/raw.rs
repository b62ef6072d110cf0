//! The pipeline file as written: serde structs that refuse unknown keys, so a
//! misspelt setting is an error at start, not a silently ignored line.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPipeline {
    pub(crate) pipeline: RawHead,
    #[serde(default)]
    pub(crate) limits: RawLimits,
    pub(crate) units: Vec<RawUnit>,
    pub(crate) files: RawFiles,
    pub(crate) coverage: RawTable,
    pub(crate) events: RawTable,
    pub(crate) vocabulary: RawVocabulary,
    pub(crate) finance: RawFinance,
    pub(crate) summary: RawSummary,
    pub(crate) registry: RawRegistry,
    /// The regional office, named in the heading of each district's file.
    #[serde(default)]
    pub(crate) office: RawOffice,
    /// The year's brief (`jinaq brief`).
    #[serde(default)]
    pub(crate) brief: RawBrief,
    #[serde(default)]
    pub(crate) rules: BTreeMap<String, RawRule>,
    /// Comparisons between the figures of one organisation row.
    #[serde(default)]
    pub(crate) row_checks: Vec<RawRowCheck>,
    /// Earlier periods: the labels `jinaq history import` reads by.
    #[serde(default)]
    pub(crate) history: RawHistory,
}

/// `[history]`: what earlier periods are read from besides the history folder.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHistory {
    #[serde(default)]
    pub(crate) import: RawImport,
}

/// `[history.import]`: the rows of a table in the seed's shape.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawImport {
    /// Words a label may open with (`оның ішінде`, `в том числе`).
    #[serde(default)]
    pub(crate) connectors: Vec<String>,
    /// Field -> row labels.
    #[serde(default)]
    pub(crate) labels: BTreeMap<String, Vec<String>>,
}

/// `sum(left) op sum(right)` must hold on every organisation row.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRowCheck {
    /// The rule reported when the comparison fails.
    pub(crate) rule: String,
    /// Fields summed on the left; reported as `actual`.
    pub(crate) left: Vec<String>,
    /// One of `==`, `!=`, `<=`, `<`, `>=`, `>`.
    pub(crate) op: String,
    /// Fields summed on the right; reported as `expected`.
    pub(crate) right: Vec<String>,
    /// The field whose cell the issue points at.
    pub(crate) cell: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHead {
    /// Short id of the pipeline.
    pub(crate) id: String,
    /// Organisation title by language.
    pub(crate) title_kk: String,
    pub(crate) title_ru: String,
    pub(crate) title_en: String,
    /// Default inbox folder, relative to the pipeline file.
    pub(crate) input: String,
    /// Registry workbook, relative to the pipeline file.
    pub(crate) registry: String,
    /// Default output folder, relative to the pipeline file.
    pub(crate) output: String,
    /// Default language: kk, ru or en.
    #[serde(default = "default_lang")]
    pub(crate) lang: String,
    /// Reports are due by this day of the next month.
    #[serde(default = "default_due_day")]
    pub(crate) due_day: u32,
    /// The offices' clock, hours east of UTC: a report saved late on the due
    /// day by their clock is on time.
    #[serde(default = "default_utc_offset_hours")]
    pub(crate) utc_offset_hours: i32,
    /// Corrected reports are to be sent again by this day of the month after
    /// the period (named in each district's file).
    #[serde(default = "default_resend_day")]
    pub(crate) resend_day: u32,
    /// How shares are shown in the workbook and the brief: "truncate" (cut,
    /// as the office writes them) or "round".
    #[serde(default = "default_share_shown")]
    pub(crate) share_shown: String,
    /// Decimals of a per cent shown (0 to 4).
    #[serde(default = "default_share_decimals")]
    pub(crate) share_decimals: u8,
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

/// The year's brief.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBrief {
    /// The specialist's texts of the brief's narrative sections (TOML),
    /// relative to the pipeline file.
    #[serde(default)]
    pub(crate) text: Option<String>,
}

/// The regional office's contact; an empty value is left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOffice {
    /// The office's name.
    #[serde(default)]
    pub(crate) name: String,
    /// The specialist who receives the reports.
    #[serde(default)]
    pub(crate) person: String,
    #[serde(default)]
    pub(crate) phone: String,
    #[serde(default)]
    pub(crate) email: String,
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
pub(crate) struct RawLimits {
    /// Files larger than this are refused.
    pub(crate) max_file_bytes: u64,
    /// Sheets holding (xlsx, xlsb) or spanning (xls, ods) more cells are not loaded.
    pub(crate) max_sheet_cells: u64,
    /// All sheets of one workbook together.
    #[serde(default = "default_max_workbook_cells")]
    pub(crate) max_workbook_cells: u64,
    /// Zip-based files: all parts unpacked together.
    #[serde(default = "default_max_unpacked_bytes")]
    pub(crate) max_unpacked_bytes: u64,
    /// Zip-based files: unpacked / packed size of one large part.
    #[serde(default = "default_max_compression_ratio")]
    pub(crate) max_compression_ratio: u64,
    /// Zip-based files: parts in one file.
    #[serde(default = "default_max_zip_entries")]
    pub(crate) max_zip_entries: u64,
    /// xlsx: texts in the shared-strings table.
    #[serde(default = "default_max_shared_strings")]
    pub(crate) max_shared_strings: u64,
    /// xlsx: the shared-strings part unpacked.
    #[serde(default = "default_max_shared_strings_bytes")]
    pub(crate) max_shared_strings_bytes: u64,
    /// xlsx: cell formats in the styles part.
    #[serde(default = "default_max_styles")]
    pub(crate) max_styles: u64,
    /// Rows searched for a header row.
    pub(crate) header_scan_rows: u32,
    /// Title rows read for the unit and period.
    pub(crate) title_scan_rows: u32,
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
pub(crate) struct RawUnit {
    /// Stable unit id (`alga`).
    pub(crate) id: String,
    /// Names by language.
    pub(crate) kk: String,
    pub(crate) ru: String,
    pub(crate) en: String,
    /// Word stems that identify the unit in file names and titles.
    #[serde(default)]
    pub(crate) r#match: Vec<String>,
    /// Whether the unit must report financing (default: yes). The region's
    /// share is said to meet the norm only when every unit that must has.
    #[serde(default = "default_reports_finance")]
    pub(crate) reports_finance: bool,
}

fn default_reports_finance() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFiles {
    /// File name prefixes of owner, lock and temp files.
    pub(crate) ignore_prefixes: Vec<String>,
    /// Extensions read as workbooks.
    pub(crate) workbook_extensions: Vec<String>,
    /// Words in a name that mark a corrected copy.
    pub(crate) corrected_markers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTable {
    /// Fields without which the table is not read.
    pub(crate) required: Vec<String>,
    /// Labels that open a total row.
    #[serde(default)]
    pub(crate) total_labels: Vec<String>,
    /// Parent headers of a two-row header.
    #[serde(default)]
    pub(crate) group_headers: Vec<String>,
    /// Field -> header texts seen.
    pub(crate) headers: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVocabulary {
    /// Similarity (0..1) at which a spelling variant is taken as the term.
    #[serde(default = "default_vocab_threshold")]
    pub(crate) match_threshold: f64,
    pub(crate) forms: Vec<RawTerm>,
    pub(crate) topic_areas: Vec<RawTerm>,
}

fn default_vocab_threshold() -> f64 {
    0.9
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTerm {
    pub(crate) id: String,
    pub(crate) kk: String,
    pub(crate) ru: String,
    pub(crate) en: String,
    /// Spellings seen in reports.
    pub(crate) aliases: Vec<String>,
    /// A priority area of the seed's recommendations.
    #[serde(default)]
    pub(crate) priority: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFinance {
    /// Field -> label texts.
    pub(crate) labels: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSummary {
    /// Sheet names that mark a unit's own summary.
    pub(crate) sheet_names: Vec<String>,
    /// Field -> indicator labels.
    pub(crate) labels: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRegistry {
    pub(crate) unit: Vec<String>,
    pub(crate) bin: Vec<String>,
    pub(crate) name: Vec<String>,
    pub(crate) aliases: Vec<String>,
    pub(crate) kind: Vec<String>,
    pub(crate) members: Vec<String>,
    /// Legal-form words and phrases dropped before names are compared.
    pub(crate) legal_forms: Vec<String>,
    /// Words and phrases dropped before names are compared.
    #[serde(default)]
    pub(crate) optional_words: Vec<String>,
    /// Type of organisation -> the ways its name is written.
    #[serde(default)]
    pub(crate) org_types: BTreeMap<String, Vec<String>>,
    /// Matches the specialist confirmed: name as written -> БСН.
    #[serde(default)]
    pub(crate) confirmed: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    /// error, warning or info.
    pub(crate) severity: Option<String>,
    /// false switches the rule off.
    #[serde(default)]
    pub(crate) enabled: Option<bool>,
    /// Absolute or relative tolerance, as the rule documents.
    pub(crate) tolerance: Option<f64>,
    /// Threshold, as the rule documents.
    pub(crate) threshold: Option<f64>,
    /// Smallest absolute change that is flagged.
    pub(crate) min_abs: Option<f64>,
    /// A norm (share) the figures must reach.
    pub(crate) norm: Option<f64>,
}
