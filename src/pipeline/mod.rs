//! The pipeline file (`pipelines/*.toml`): the meaning of the reports.
//!
//! [`raw`] holds the serde structs as written; [`Pipeline`] is the checked,
//! resolved form every stage reads: header aliases as normalised keys, unit
//! stems, vocabularies, and the settings of every rule.

pub(crate) mod error;
mod import_labels;
pub(crate) mod raw;

pub(crate) use import_labels::ImportLabels;

pub(crate) use error::{PipelineError, Problem};

use crate::issue::{Issue, Rule, Severity};
use crate::lang::Lang;
use crate::measures::ShareShown;
use crate::measures::MEASURES;
use crate::normalize::text::key;
use raw::{RawPipeline, RawRule, RawTable, RawTerm};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Field ids of the coverage table (as in `summary-<period>.json`).
pub(crate) const CATEGORIES: [&str; 5] = [
    "trained.members",
    "trained.audit",
    "trained.activists",
    "trained.chairs",
    "trained.conciliation",
];
const COVERAGE_FIELDS: &[&str] = &[
    "row_number",
    "org",
    "bin",
    "members",
    "trained.total",
    "trained.members",
    "trained.audit",
    "trained.activists",
    "trained.chairs",
    "trained.conciliation",
    "trained_share",
    "note",
];
const EVENT_FIELDS: &[&str] = &[
    "row_number",
    "event.date",
    "event.form",
    "event.topic",
    "event.topic_area",
    "event.venue",
    "event.participants",
    "event.respondents",
    "event.usefulness",
    "event.will_apply",
];
const FINANCE_FIELDS: &[&str] = &["finance.budget", "finance.training", "finance.share"];
const SUMMARY_FIELDS: &[&str] = &[
    "members",
    "trained.total",
    "trained.members",
    "trained.audit",
    "trained.activists",
    "trained.chairs",
    "trained.conciliation",
    "trained_share",
];

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub(crate) kk: String,
    pub(crate) ru: String,
    pub(crate) en: String,
    /// Normalised stems, longest first.
    pub(crate) keys: Vec<String>,
    /// Must report financing (`reports_finance`, default true).
    pub reports_finance: bool,
    /// The stems that are one common word (a word of several units' names,
    /// or of a unit named by a description): never a witness alone.
    pub(crate) generic: Vec<String>,
}

impl Unit {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.kk, &self.ru, &self.en)
    }
}

/// What one input file may cost to read: every bound a hostile file could
/// otherwise push past memory or time (see `[limits]` in the pipeline file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Limits {
    pub(crate) max_file_bytes: u64,
    pub(crate) max_sheet_cells: u64,
    pub(crate) max_workbook_cells: u64,
    pub(crate) max_unpacked_bytes: u64,
    pub(crate) max_compression_ratio: u64,
    pub(crate) max_zip_entries: u64,
    pub(crate) max_shared_strings: u64,
    pub(crate) max_shared_strings_bytes: u64,
    pub(crate) max_styles: u64,
    pub(crate) header_scan_rows: u32,
    pub(crate) title_scan_rows: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits::from(&raw::RawLimits::default())
    }
}

impl From<&raw::RawLimits> for Limits {
    fn from(raw: &raw::RawLimits) -> Self {
        Limits {
            max_file_bytes: raw.max_file_bytes,
            max_sheet_cells: raw.max_sheet_cells,
            max_workbook_cells: raw.max_workbook_cells,
            max_unpacked_bytes: raw.max_unpacked_bytes,
            max_compression_ratio: raw.max_compression_ratio.max(1),
            max_zip_entries: raw.max_zip_entries,
            max_shared_strings: raw.max_shared_strings,
            max_shared_strings_bytes: raw.max_shared_strings_bytes,
            max_styles: raw.max_styles,
            header_scan_rows: raw.header_scan_rows.max(1),
            title_scan_rows: raw.title_scan_rows,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct FileRules {
    pub(crate) ignore_prefixes: Vec<String>,
    pub(crate) workbook_extensions: Vec<String>,
    pub(crate) corrected_markers: Vec<String>,
}

/// A table sheet's header vocabulary.
#[derive(Debug, Clone)]
pub(crate) struct TableSpec {
    pub(crate) required: Vec<String>,
    pub(crate) total_labels: Vec<String>,
    pub(crate) group_headers: Vec<String>,
    /// Normalised header text -> field.
    pub(crate) headers: HashMap<String, String>,
}

impl TableSpec {
    pub(crate) fn field_of(&self, header_key: &str) -> Option<&str> {
        self.headers.get(header_key).map(String::as_str)
    }

    pub(crate) fn is_total_label(&self, label_key: &str) -> bool {
        self.total_labels
            .iter()
            .any(|t| label_key.starts_with(t.as_str()))
    }

    pub(crate) fn is_group_header(&self, header_key: &str) -> bool {
        self.group_headers.iter().any(|g| header_key == g)
    }
}

#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub(crate) kk: String,
    pub(crate) ru: String,
    pub(crate) en: String,
    pub priority: bool,
}

impl Term {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.kk, &self.ru, &self.en)
    }
}

/// A closed vocabulary (event forms, topic areas).
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub terms: Vec<Term>,
    /// Similarity at which a spelling variant is taken as the term.
    pub(crate) threshold: f64,
    /// Normalised alias -> index into `terms`.
    pub(crate) index: HashMap<String, usize>,
}

impl Vocabulary {
    fn build(raw: &[RawTerm], threshold: f64) -> Vocabulary {
        let mut index = HashMap::new();
        let mut terms = Vec::new();
        for (i, t) in raw.iter().enumerate() {
            for name in t.aliases.iter().chain([&t.kk, &t.ru, &t.en]) {
                index.entry(squash(&key(name))).or_insert(i);
            }
            terms.push(Term {
                id: t.id.clone(),
                kk: t.kk.clone(),
                ru: t.ru.clone(),
                en: t.en.clone(),
                priority: t.priority,
            });
        }
        Vocabulary {
            terms,
            threshold,
            index,
        }
    }

    /// The term a written value names: an alias exactly, or a spelling
    /// variant close enough to exactly one term; else None.
    pub(crate) fn lookup(&self, written: &str) -> Option<&Term> {
        if let Some(&i) = self.index.get(&squash(&key(written))) {
            return Some(&self.terms[i]);
        }
        let (term, score) = self.closest(written)?;
        (score >= self.threshold).then_some(term)
    }

    /// The closest term by edit similarity, for a suggestion.
    pub(crate) fn closest(&self, written: &str) -> Option<(&Term, f64)> {
        let k = squash(&key(written));
        self.index
            .iter()
            .map(|(alias, &i)| (i, strsim::normalized_levenshtein(alias, &k)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, s)| (&self.terms[i], s))
    }

    pub(crate) fn get(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }
}

/// Vocabulary keys ignore spaces too: `семинар - кеңес` is `семинар-кеңес`.
fn squash(k: &str) -> String {
    k.chars().filter(|c| !c.is_whitespace()).collect()
}

#[derive(Debug, Clone)]
pub(crate) struct LabelSpec {
    /// (normalised label, field), longest label first.
    pub(crate) labels: Vec<(String, String)>,
}

impl LabelSpec {
    /// The field a label names: the longest known label it starts with.
    pub(crate) fn field_of(&self, label_key: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(l, _)| label_key == l || label_key.starts_with(&format!("{l} ")))
            .map(|(_, f)| f.as_str())
    }
}

#[derive(Debug, Clone)]
pub(crate) struct RegistrySpec {
    pub(crate) unit: Vec<String>,
    pub(crate) bin: Vec<String>,
    pub(crate) name: Vec<String>,
    pub(crate) aliases: Vec<String>,
    pub(crate) kind: Vec<String>,
    pub(crate) members: Vec<String>,
    pub(crate) legal_forms: Vec<String>,
    /// Settlement, owner and other words that tell no organisation apart.
    pub(crate) optional_words: Vec<String>,
    /// Type of organisation -> the keys of the ways its name is written.
    pub(crate) org_types: Vec<(String, Vec<String>)>,
    /// The header texts as written, in the order unit, БСН, name, aliases,
    /// type, members: the Kazakh first, then the Russian.
    pub(crate) written: [Vec<String>; 6],
}

/// The settings of one rule, defaults applied (what a rule does not use
/// is 0).
#[derive(Debug, Clone)]
pub struct RuleSettings {
    pub(crate) severity: Severity,
    pub(crate) enabled: bool,
    pub(crate) tolerance: f64,
    pub(crate) threshold: f64,
    pub(crate) min_abs: f64,
    pub norm: f64,
}

#[derive(Debug, Clone)]
pub struct Pipeline {
    pub(crate) path: PathBuf,
    /// The pipeline built into the program ([`Pipeline::builtin`]), not a
    /// file: its paths are relative to the current folder.
    pub(crate) builtin: bool,
    pub(crate) id: String,
    titles: (String, String, String),
    pub(crate) input: PathBuf,
    pub(crate) registry: PathBuf,
    pub(crate) output: PathBuf,
    pub(crate) lang: Lang,
    pub due_day: u32,
    /// Corrected reports are due again by this day of the month after the period.
    pub(crate) resend_day: u32,
    /// The regional office's contact, for the districts' files.
    pub office: Office,
    /// The offices' clock, seconds east of UTC.
    pub utc_offset_secs: i64,
    /// The specialist's texts of the year's brief (`[brief] text`), if set.
    pub(crate) brief_text: Option<PathBuf>,
    /// How shares are shown to people (the workbook's first sheet, the brief).
    pub share: ShareShown,
    pub(crate) limits: Limits,
    pub units: Vec<Unit>,
    pub(crate) files: FileRules,
    pub(crate) coverage: TableSpec,
    pub(crate) events: TableSpec,
    pub(crate) forms: Vocabulary,
    pub topic_areas: Vocabulary,
    pub(crate) finance: LabelSpec,
    pub(crate) summary_sheet_names: Vec<String>,
    pub(crate) summary: LabelSpec,
    pub(crate) registry_spec: RegistrySpec,
    rules: HashMap<Rule, RuleSettings>,
    pub(crate) row_checks: Vec<RowCheck>,
    /// The row labels of a table in the seed's shape (`jinaq history import`).
    pub(crate) history_import: ImportLabels,
    /// Unit id, normalised Kazakh and Russian names, then stems -> unit index.
    unit_names: FxHashMap<String, usize>,
    /// Unit id -> unit index.
    unit_ids: FxHashMap<String, usize>,
    /// Confirmed matches: normalised name as written -> registry id.
    pub(crate) confirmed: HashMap<String, String>,
}

/// The regional office's contact as the pipeline gives it; empty where not
/// given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Office {
    pub(crate) name: String,
    pub person: String,
    pub phone: String,
    pub email: String,
}

/// A comparison op of a row check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Eq,
    Ne,
    Le,
    Lt,
    Ge,
    Gt,
}

impl Op {
    fn parse(s: &str) -> Option<Op> {
        Some(match s.trim() {
            "==" | "=" => Op::Eq,
            "!=" | "<>" => Op::Ne,
            "<=" => Op::Le,
            "<" => Op::Lt,
            ">=" => Op::Ge,
            ">" => Op::Gt,
            _ => return None,
        })
    }

    pub(crate) fn holds(self, l: f64, r: f64) -> bool {
        const EPS: f64 = 1e-9;
        match self {
            Op::Eq => (l - r).abs() <= EPS,
            Op::Ne => (l - r).abs() > EPS,
            Op::Le => l <= r + EPS,
            Op::Lt => l < r - EPS,
            Op::Ge => l + EPS >= r,
            Op::Gt => l > r + EPS,
        }
    }
}

/// A declared comparison between the figures of one organisation row:
/// `sum(left) op sum(right)`, indices into `measures::MEASURES`.
#[derive(Debug, Clone)]
pub(crate) struct RowCheck {
    pub(crate) rule: Rule,
    pub(crate) left: Vec<usize>,
    pub(crate) op: Op,
    pub(crate) right: Vec<usize>,
    pub(crate) cell: usize,
    pub(crate) field: String,
}

impl Pipeline {
    /// Reads and checks a pipeline file.
    pub fn load(path: &Path) -> Result<Pipeline, PipelineError> {
        let text = std::fs::read_to_string(path).map_err(|source| PipelineError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Pipeline::parse(&text, path)
    }

    /// Parses pipeline text; `path` places relative paths and names errors.
    pub fn parse(text: &str, path: &Path) -> Result<Pipeline, PipelineError> {
        toml::from_str::<RawPipeline>(text)
            .map_err(|e| Problem::Syntax(e.to_string()))
            .and_then(|raw| Pipeline::resolve(raw, path))
            .map_err(|problem| PipelineError::Invalid {
                path: path.to_path_buf(),
                problem,
            })
    }

    /// The checked form of the file as written: every name resolved, every
    /// default applied.
    fn resolve(raw: RawPipeline, path: &Path) -> Result<Pipeline, Problem> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let head = &raw.pipeline;
        let lang: Lang = head
            .lang
            .parse()
            .map_err(|_| Problem::Lang(head.lang.clone()))?;
        if head.due_day == 0 || head.due_day > 28 {
            return Err(Problem::DueDay);
        }
        if !(-12..=14).contains(&head.utc_offset_hours) {
            return Err(Problem::UtcOffset);
        }
        if head.resend_day == 0 || head.resend_day > 28 {
            return Err(Problem::ResendDay);
        }
        let share = ShareShown {
            truncate: match head.share_shown.trim() {
                "truncate" => true,
                "round" => false,
                _ => return Err(Problem::ShareShown),
            },
            decimals: head.share_decimals,
        };
        if share.decimals > ShareShown::MAX_DECIMALS {
            return Err(Problem::ShareShown);
        }
        let units = units(&raw.units)?;
        let (unit_ids, unit_names) = unit_index(&units);
        let keys_of = |v: &[String]| v.iter().map(|s| key(s)).collect::<Vec<_>>();
        Ok(Pipeline {
            path: path.to_path_buf(),
            builtin: false,
            id: head.id.clone(),
            titles: (
                head.title_kk.clone(),
                head.title_ru.clone(),
                head.title_en.clone(),
            ),
            input: dir.join(&head.input),
            registry: dir.join(&head.registry),
            output: dir.join(&head.output),
            lang,
            due_day: head.due_day,
            resend_day: head.resend_day,
            office: Office {
                name: raw.office.name.trim().to_string(),
                person: raw.office.person.trim().to_string(),
                phone: raw.office.phone.trim().to_string(),
                email: raw.office.email.trim().to_string(),
            },
            utc_offset_secs: i64::from(head.utc_offset_hours) * 3600,
            brief_text: raw.brief.text.as_ref().map(|t| dir.join(t)),
            share,
            limits: Limits::from(&raw.limits),
            units,
            files: FileRules {
                ignore_prefixes: raw.files.ignore_prefixes.clone(),
                workbook_extensions: raw
                    .files
                    .workbook_extensions
                    .iter()
                    .map(|e| e.to_lowercase())
                    .collect(),
                corrected_markers: keys_of(&raw.files.corrected_markers),
            },
            coverage: table_spec(&raw.coverage, COVERAGE_FIELDS, "coverage")?,
            events: table_spec(&raw.events, EVENT_FIELDS, "events")?,
            forms: Vocabulary::build(&raw.vocabulary.forms, raw.vocabulary.match_threshold),
            topic_areas: Vocabulary::build(
                &raw.vocabulary.topic_areas,
                raw.vocabulary.match_threshold,
            ),
            finance: label_spec(&raw.finance.labels, FINANCE_FIELDS, "finance.labels")?,
            summary_sheet_names: keys_of(&raw.summary.sheet_names),
            summary: label_spec(&raw.summary.labels, SUMMARY_FIELDS, "summary.labels")?,
            registry_spec: registry_spec(&raw.registry),
            rules: rules(&raw.rules)?,
            row_checks: row_checks(&raw.row_checks)?,
            history_import: ImportLabels::new(
                &raw.history.import.labels,
                &raw.history.import.connectors,
            )
            .map_err(|field| Problem::LabelField {
                section: "history.import.labels",
                field,
            })?,
            unit_names,
            unit_ids,
            confirmed: raw
                .registry
                .confirmed
                .iter()
                .map(|(name, id)| (key(name), id.trim().to_string()))
                .collect(),
        })
    }

    /// The shipped pipeline, built into the program. It reads as if it sat
    /// at [`DEFAULT_PIPELINE`] under the current folder: its `../samples/inbox`
    /// is the current folder's `samples/inbox`, its `../output` is `output`.
    pub(crate) fn builtin() -> Result<Pipeline, PipelineError> {
        let mut p = Pipeline::parse(BUILTIN_TEXT, Path::new(DEFAULT_PIPELINE))?;
        p.builtin = true;
        for path in [&mut p.input, &mut p.registry, &mut p.output] {
            *path = lexical(path);
        }
        p.brief_text = p.brief_text.as_deref().map(lexical);
        Ok(p)
    }

    /// The registry a pipeline file names; None for the built-in pipeline,
    /// whose registry is the samples'.
    pub(crate) fn file_registry(&self) -> Option<&Path> {
        (!self.builtin).then_some(self.registry.as_path())
    }

    pub(crate) fn title(&self, lang: Lang) -> &str {
        lang.pick(&self.titles.0, &self.titles.1, &self.titles.2)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.unit_ids.get(id).and_then(|&i| self.units.get(i))
    }

    /// The unit whose Kazakh or Russian name (or stem) a text is.
    pub fn unit_by_name(&self, name: &str) -> Option<&Unit> {
        let i = *self
            .unit_names
            .get(&key(name))
            .or_else(|| self.unit_names.get(name.trim()))?;
        self.units.get(i)
    }

    pub fn rule(&self, rule: Rule) -> &RuleSettings {
        &self.rules[&rule]
    }

    pub(crate) fn enabled(&self, rule: Rule) -> bool {
        self.rules[&rule].enabled
    }

    /// Sets the issue's severity from the rule table; None when the rule is
    /// switched off.
    pub(crate) fn settle(&self, mut issue: Issue) -> Option<Issue> {
        let s = &self.rules[&issue.rule];
        if !s.enabled {
            return None;
        }
        issue.severity = s.severity;
        Some(issue)
    }
}

/// The units with their normalised stems, longest first.
fn units(raw: &[raw::RawUnit]) -> Result<Vec<Unit>, Problem> {
    let mut units: Vec<Unit> = Vec::new();
    for u in raw {
        if units.iter().any(|x| x.id == u.id) {
            return Err(Problem::UnitTwice(u.id.clone()));
        }
        let mut keys: Vec<String> = u
            .r#match
            .iter()
            .chain([&u.kk, &u.ru])
            .map(|s| key(s))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        keys.dedup();
        units.push(Unit {
            id: u.id.clone(),
            kk: u.kk.clone(),
            ru: u.ru.clone(),
            en: u.en.clone(),
            keys,
            reports_finance: u.reports_finance,
            generic: Vec::new(),
        });
    }
    if units.is_empty() {
        return Err(Problem::NoUnits);
    }
    let common = common_words(raw);
    for u in &mut units {
        u.generic = u
            .keys
            .iter()
            .filter(|k| !k.contains(' ') && common.iter().any(|w| w.starts_with(k.as_str())))
            .cloned()
            .collect();
    }
    Ok(units)
}

/// The words of the units' names that name no place: a word found in the
/// names of several units (`ауданы`, `район`, `district`), and every word of
/// a unit named by a description, whose names keep three words or more once
/// those shared words are left out (`Облыстық ұйымға тікелей бағынатын
/// ұйымдар`: `тікелей`, `directly`).
fn common_words(raw: &[raw::RawUnit]) -> Vec<String> {
    let words_of = |u: &raw::RawUnit| -> Vec<Vec<String>> {
        [&u.kk, &u.ru, &u.en]
            .iter()
            .map(|n| {
                key(n)
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .collect()
    };
    let mut seen: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for u in raw {
        for w in words_of(u).into_iter().flatten() {
            seen.entry(w).or_default().insert(u.id.as_str());
        }
    }
    let shared: BTreeSet<String> = seen
        .into_iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(w, _)| w)
        .collect();
    let mut common: BTreeSet<String> = shared.clone();
    for u in raw {
        let names = words_of(u);
        let described = names
            .iter()
            .all(|ws| ws.iter().filter(|w| !shared.contains(*w)).count() >= 3);
        if described {
            common.extend(names.into_iter().flatten());
        }
    }
    common.into_iter().collect()
}

type UnitIndex = FxHashMap<String, usize>;

/// Unit id -> unit, and every name and stem -> unit.
fn unit_index(units: &[Unit]) -> (UnitIndex, UnitIndex) {
    let mut unit_ids = FxHashMap::default();
    for (i, u) in units.iter().enumerate() {
        unit_ids.entry(u.id.clone()).or_insert(i);
    }
    // Names first, so a stem shared with another unit's name never wins.
    let mut unit_names = FxHashMap::default();
    for (i, u) in units.iter().enumerate() {
        for name in [u.id.clone(), key(&u.kk), key(&u.ru)] {
            unit_names.entry(name).or_insert(i);
        }
    }
    for (i, u) in units.iter().enumerate() {
        for k in &u.keys {
            unit_names.entry(k.clone()).or_insert(i);
        }
    }
    (unit_ids, unit_names)
}

fn registry_spec(r: &raw::RawRegistry) -> RegistrySpec {
    let keys_of = |v: &[String]| v.iter().map(|s| key(s)).collect::<Vec<_>>();
    RegistrySpec {
        unit: keys_of(&r.unit),
        bin: keys_of(&r.bin),
        name: keys_of(&r.name),
        aliases: keys_of(&r.aliases),
        kind: keys_of(&r.kind),
        members: keys_of(&r.members),
        legal_forms: keys_of(&r.legal_forms),
        optional_words: keys_of(&r.optional_words),
        org_types: r
            .org_types
            .iter()
            .map(|(t, forms)| (t.clone(), keys_of(forms)))
            .collect(),
        written: [&r.unit, &r.bin, &r.name, &r.aliases, &r.kind, &r.members].map(Vec::clone),
    }
}

/// The settings of every rule of the catalogue: as written, or the rule's
/// defaults.
fn rules(raw: &BTreeMap<String, RawRule>) -> Result<HashMap<Rule, RuleSettings>, Problem> {
    let mut rules = HashMap::new();
    for (id, r) in raw {
        let rule = Rule::from_id(id).ok_or_else(|| Problem::UnknownRule(id.clone()))?;
        rules.insert(rule, rule_settings(rule, r)?);
    }
    for rule in Rule::ALL {
        if !rules.contains_key(rule) {
            rules.insert(*rule, rule_settings(*rule, &RawRule::default())?);
        }
    }
    Ok(rules)
}

/// The declared comparisons, their fields as indices into
/// `measures::MEASURES`.
fn row_checks(raw: &[raw::RawRowCheck]) -> Result<Vec<RowCheck>, Problem> {
    let measure = |f: &String| {
        MEASURES
            .iter()
            .position(|m| m == f)
            .ok_or_else(|| Problem::RowCheckField {
                field: f.clone(),
                known: MEASURES.join(", "),
            })
    };
    let side = |v: &[String]| v.iter().map(measure).collect::<Result<Vec<_>, _>>();
    let mut checks = Vec::new();
    for c in raw {
        let rule = Rule::from_id(&c.rule).ok_or_else(|| Problem::RowCheckRule(c.rule.clone()))?;
        let op = Op::parse(&c.op).ok_or_else(|| Problem::RowCheckOp {
            rule: c.rule.clone(),
            op: c.op.clone(),
        })?;
        let (left, right) = (side(&c.left)?, side(&c.right)?);
        if left.is_empty() || right.is_empty() {
            return Err(Problem::RowCheckSide {
                rule: c.rule.clone(),
            });
        }
        checks.push(RowCheck {
            rule,
            left,
            op,
            right,
            cell: measure(&c.cell)?,
            field: c.cell.clone(),
        });
    }
    Ok(checks)
}

fn table_spec(
    raw: &RawTable,
    known: &'static [&'static str],
    section: &'static str,
) -> Result<TableSpec, Problem> {
    let mut headers = HashMap::new();
    for (field, aliases) in &raw.headers {
        if !known.contains(&field.as_str()) {
            return Err(Problem::HeaderField {
                section,
                field: field.clone(),
                known,
            });
        }
        for a in aliases {
            let k = key(a);
            if let Some(prev) = headers.insert(k.clone(), field.clone()) {
                if prev != *field {
                    return Err(Problem::HeaderTwice {
                        section,
                        header: a.clone(),
                        first: prev,
                        second: field.clone(),
                    });
                }
            }
        }
    }
    if let Some(f) = raw.required.iter().find(|f| !known.contains(&f.as_str())) {
        return Err(Problem::RequiredField {
            section,
            field: f.clone(),
        });
    }
    Ok(TableSpec {
        required: raw.required.clone(),
        total_labels: raw.total_labels.iter().map(|s| key(s)).collect(),
        group_headers: raw.group_headers.iter().map(|s| key(s)).collect(),
        headers,
    })
}

fn label_spec(
    raw: &BTreeMap<String, Vec<String>>,
    known: &[&str],
    section: &'static str,
) -> Result<LabelSpec, Problem> {
    let mut labels = Vec::new();
    for (field, texts) in raw {
        if !known.contains(&field.as_str()) {
            return Err(Problem::LabelField {
                section,
                field: field.clone(),
            });
        }
        labels.extend(texts.iter().map(|t| (key(t), field.clone())));
    }
    labels.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    Ok(LabelSpec { labels })
}

fn rule_settings(rule: Rule, r: &RawRule) -> Result<RuleSettings, Problem> {
    let severity = match r.severity.as_deref() {
        None => default_severity(rule),
        Some("error") => Severity::Error,
        Some("warning") => Severity::Warning,
        Some("info") => Severity::Info,
        Some(other) => {
            return Err(Problem::Severity {
                rule,
                given: other.to_string(),
            })
        }
    };
    for (setting, v) in [
        ("tolerance", r.tolerance),
        ("threshold", r.threshold),
        ("min_abs", r.min_abs),
        ("norm", r.norm),
    ] {
        if v.is_some_and(|v| !v.is_finite() || v < 0.0) {
            return Err(Problem::Negative { rule, setting });
        }
    }
    let default = Defaults::of(rule);
    Ok(RuleSettings {
        severity,
        enabled: r.enabled.unwrap_or(true),
        tolerance: r.tolerance.unwrap_or(default.tolerance),
        threshold: r.threshold.unwrap_or(default.threshold),
        min_abs: r.min_abs.unwrap_or(default.min_abs),
        norm: r.norm.unwrap_or(default.norm),
    })
}

/// What a rule's settings are when the pipeline file leaves them out.
struct Defaults {
    tolerance: f64,
    threshold: f64,
    min_abs: f64,
    norm: f64,
}

impl Defaults {
    fn of(rule: Rule) -> Defaults {
        let none = Defaults {
            tolerance: 0.0,
            threshold: 0.0,
            min_abs: 0.0,
            norm: 0.0,
        };
        match rule {
            // Relative: members may differ from the registry by 15 %.
            Rule::RegistryMembersMismatch => Defaults {
                tolerance: 0.15,
                ..none
            },
            // The similarity at which a name is taken as a registry's.
            Rule::RegistryUnknownOrg => Defaults {
                threshold: 0.92,
                ..none
            },
            // A figure that doubles (or halves) is an outlier.
            Rule::HistoryOutlierChange => Defaults {
                threshold: 1.0,
                ..none
            },
            // Training at 10 % of the expense side.
            Rule::FinanceBelowNorm => Defaults { norm: 0.10, ..none },
            _ => none,
        }
    }
}

fn default_severity(rule: Rule) -> Severity {
    use Rule::*;
    match rule {
        FileIgnored | FileSuperseded | ColumnUnknown | FormulaNoCachedValue
        | RegistryAutoMatched | HistoryOutlierChange => Severity::Info,
        FileEmpty
        | ValueOutOfPeriod
        | ValueUnknownCategory
        | RowShareMismatch
        | RegistryUnknownOrg
        | RegistryMissingOrg
        | RegistryOtherUnit
        | RegistryMembersMismatch
        | EventsParticipantsMismatch
        | HistoryYtdDecrease
        | FinanceBelowNorm
        | FinanceShareMismatch
        | ReceivedNoColumns
        | ReceivedUnmatched => Severity::Warning,
        _ => Severity::Error,
    }
}

/// The shipped pipeline file, relative to the project folder.
pub const DEFAULT_PIPELINE: &str = "pipelines/aktobe-training.toml";

/// The text of the shipped pipeline file, comments included.
pub(crate) const BUILTIN_TEXT: &str = include_str!("../../pipelines/aktobe-training.toml");

/// The texts of the year's brief shipped beside the built-in pipeline: the
/// built-in pipeline's brief uses them when its file is not there.
pub(crate) const BUILTIN_BRIEF_TEXT: &str = include_str!("../../pipelines/brief-text.toml");

/// A relative path with each `name/..` taken out, without asking the file
/// system (the built-in pipeline's folder does not exist).
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component> = Vec::new();
    for c in path.components() {
        match (c, out.last()) {
            (Component::CurDir, _) => {}
            (Component::ParentDir, Some(Component::Normal(_))) => {
                out.pop();
            }
            _ => out.push(c),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Pipeline {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PIPELINE);
        Pipeline::load(&path).expect("the shipped pipeline loads")
    }

    #[test]
    fn shipped_pipeline_resolves() {
        let p = shipped();
        assert_eq!(p.units.len(), 14);
        assert_eq!(
            p.coverage
                .field_of(&key("Кәсіподақ мүшелерінің\nжалпы саны")),
            Some("members")
        );
        assert_eq!(
            p.coverage.field_of(&key("Обучено всего")),
            Some("trained.total")
        );
        assert_eq!(p.rule(Rule::RowShareMismatch).tolerance, 0.05);
        assert_eq!(p.rule(Rule::FinanceBelowNorm).norm, 0.10);
        assert_eq!(
            p.forms.lookup("семинар - кеңес").map(|t| t.id.as_str()),
            Some("seminar_meeting")
        );
        assert_eq!(
            p.topic_areas
                .lookup("тиімді коммуникация ")
                .map(|t| t.id.as_str()),
            Some("communication")
        );
        // a spelling variant close to one term
        assert_eq!(
            p.forms
                .lookup("еңбек ұжымдарында көшпелі оқыту")
                .map(|t| t.id.as_str()),
            Some("field_training")
        );
        assert!(p.forms.lookup("концерт").is_none());
    }

    #[test]
    fn the_builtin_pipeline_is_the_shipped_file_with_paths_of_the_current_folder() {
        let file = shipped();
        let text = std::fs::read_to_string(&file.path).unwrap();
        assert_eq!(text, BUILTIN_TEXT);
        let b = Pipeline::builtin().expect("the built-in pipeline loads");
        assert!(b.builtin && !file.builtin);
        assert_eq!(b.input, Path::new("samples/inbox"));
        assert_eq!(b.registry, Path::new("samples/registry.xlsx"));
        assert_eq!(b.output, Path::new("output"));
        assert_eq!(b.file_registry(), None);
        assert_eq!(file.file_registry(), Some(file.registry.as_path()));
        assert_eq!(b.units.len(), file.units.len());
        assert_eq!(lexical(Path::new("a/../../b/./c")), Path::new("../b/c"));
        assert_eq!(lexical(Path::new("a/..")), Path::new("."));
    }

    #[test]
    fn unknown_keys_and_rules_are_refused() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PIPELINE);
        let text = std::fs::read_to_string(&path).unwrap();
        let typo = text.replace("due_day = 5", "due_dya = 5");
        assert!(matches!(
            Pipeline::parse(&typo, &path),
            Err(PipelineError::Invalid { .. })
        ));
        let bad_rule = format!("{text}\n[rules.\"row.no_such\"]\nseverity = \"error\"\n");
        assert!(matches!(
            Pipeline::parse(&bad_rule, &path),
            Err(PipelineError::Invalid { .. })
        ));
        let bad_sev = text.replacen("severity = \"error\"", "severity = \"fatal\"", 1);
        assert!(Pipeline::parse(&bad_sev, &path).is_err());
    }

    #[test]
    fn the_offices_clock_is_set_within_the_worlds_offsets() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PIPELINE);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            Pipeline::parse(&text, &path).unwrap().utc_offset_secs,
            5 * 3600
        );
        let west = text.replace("utc_offset_hours = 5", "utc_offset_hours = -3");
        assert_eq!(
            Pipeline::parse(&west, &path).unwrap().utc_offset_secs,
            -3 * 3600
        );
        // Left out: Kazakhstan's clock.
        let default = text.replace("utc_offset_hours = 5", "");
        assert_eq!(
            Pipeline::parse(&default, &path).unwrap().utc_offset_secs,
            5 * 3600
        );
        let wrong = text.replace("utc_offset_hours = 5", "utc_offset_hours = 50");
        assert!(matches!(
            Pipeline::parse(&wrong, &path),
            Err(PipelineError::Invalid { .. })
        ));
    }

    #[test]
    fn shares_are_shown_as_the_pipeline_says() {
        let path = Path::new("pipelines/aktobe-training.toml");
        let text = BUILTIN_TEXT;
        assert_eq!(
            Pipeline::parse(text, path).unwrap().share,
            ShareShown::OFFICE
        );
        let round = text.replace("share_shown = \"truncate\"", "share_shown = \"round\"");
        let round = round.replace("share_decimals = 1", "share_decimals = 2");
        assert_eq!(
            Pipeline::parse(&round, path).unwrap().share,
            ShareShown {
                truncate: false,
                decimals: 2
            }
        );
        let unset = text
            .replace("share_shown = \"truncate\"", "")
            .replace("share_decimals = 1", "");
        assert_eq!(
            Pipeline::parse(&unset, path).unwrap().share,
            ShareShown::OFFICE
        );
        for wrong in [
            text.replace("share_shown = \"truncate\"", "share_shown = \"floor\""),
            text.replace("share_decimals = 1", "share_decimals = 7"),
        ] {
            assert!(matches!(
                Pipeline::parse(&wrong, path),
                Err(PipelineError::Invalid { .. })
            ));
        }
    }

    #[test]
    fn a_rule_can_be_switched_off() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PIPELINE);
        let text = std::fs::read_to_string(&path).unwrap();
        let off = text.replace(
            "[rules.\"column.unknown\"]\nseverity = \"info\"",
            "[rules.\"column.unknown\"]\nseverity = \"info\"\nenabled = false",
        );
        let p = Pipeline::parse(&off, &path).unwrap();
        assert!(!p.enabled(Rule::ColumnUnknown));
        assert!(p
            .settle(Issue::new(Rule::ColumnUnknown, Default::default()))
            .is_none());
    }
}
