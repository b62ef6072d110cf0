//! The registry of primary organisations kept by the regional office, and the
//! matching of names as the districts write them to registry entries.
//!
//! Matching, in order: БСН; a name the specialist confirmed; the exact
//! normalised name or one of the registry's aliases (in the reporting unit
//! first, then anywhere); then, within the reporting unit, the one
//! organisation whose type, numbers and own words fit the name as written
//! (see [`orgname`]): `СШ №5`, `№5 ЖОББМ` and `мектеп №5` all find
//! "№ 5 жалпы орта білім беретін мектеп" КММ. When no organisation or more
//! than one fits, the name stays unknown, with its closest candidates.

#[cfg(test)]
mod measure;
mod orgname;

use crate::ingest::format::Refusal;
use crate::ingest::grid::Cell;
use crate::ingest::workbook;
use crate::lang::{fill, Lang};
use crate::normalize::text::{cyrillic_key, key};
use crate::pipeline::{Pipeline, RegistrySpec};
use crate::tables::coverage::bin_text;
use orgname::{fit, NameRules, Signature};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct RegistryOrg {
    /// БСН, 12 digits; the registry id.
    pub id: String,
    pub unit: String,
    pub name: String,
    pub(crate) aliases: Vec<String>,
    pub(crate) kind: String,
    /// Members on 1 January.
    pub members: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum MatchKind {
    Bin,
    /// The exact name, an alias or a confirmed name.
    Name,
    /// The one organisation of the unit that fits the name as written; the
    /// registry name it fits (0: the full name, 1...: the aliases).
    Fitted(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Match {
    Found(usize, MatchKind),
    /// Not found: the best candidates with their scores.
    Unknown(Vec<(usize, f64)>),
}

#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub orgs: Vec<RegistryOrg>,
    by_bin: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    /// Unit id -> its orgs, in registry order.
    by_unit: HashMap<String, Vec<usize>>,
    /// Word -> orgs whose names hold it (for similarity candidates).
    by_word: HashMap<String, Vec<usize>>,
    /// Signatures per org (full name and aliases).
    sigs: Vec<Vec<Signature>>,
    legal_forms: BTreeSet<String>,
    /// Confirmed matches: name key -> org index.
    confirmed: HashMap<String, usize>,
    /// Matches confirmed within a unit: (unit id, name key) -> org index.
    confirmed_in: HashMap<(String, String), usize>,
    names: NameRules,
    /// Unit id -> the words of the unit's own names, which a district may
    /// write into an organisation's name.
    unit_words: HashMap<String, Vec<String>>,
}

impl Registry {
    /// Reads the registry workbook.
    pub fn load(path: &Path, pipeline: &Pipeline) -> Result<Registry, RegistryError> {
        let fail = |problem| RegistryError {
            path: path.to_path_buf(),
            problem,
        };
        let bytes = std::fs::read(path).map_err(|e| fail(RegistryProblem::Read(e)))?;
        let wb = workbook::open(bytes, &pipeline.limits)
            .map_err(|r| fail(RegistryProblem::Unreadable(r)))?;
        let spec = &pipeline.registry_spec;
        for sheet in wb.visible() {
            let Some((header_row, cols)) = find_columns(&sheet.grid, spec) else {
                continue;
            };
            let orgs = orgs_below(&sheet.grid, header_row, &cols, pipeline).map_err(fail)?;
            let mut registry = Registry::new(orgs, spec);
            for u in &pipeline.units {
                registry.set_unit_names(&u.id, &[&u.kk, &u.ru]);
            }
            for (name, id) in &pipeline.confirmed {
                let Some(&i) = registry.by_bin.get(id) else {
                    return Err(fail(RegistryProblem::UnknownConfirmed {
                        bin: id.clone(),
                        name: name.clone(),
                    }));
                };
                let k = registry.name_key(name);
                registry.confirmed.insert(k, i);
            }
            return Ok(registry);
        }
        Err(fail(RegistryProblem::NoTable(
            [&spec.unit, &spec.bin, &spec.name]
                .map(|v| v.first().cloned().unwrap_or_default())
                .join(", "),
        )))
    }

    pub(crate) fn new(orgs: Vec<RegistryOrg>, spec: &RegistrySpec) -> Registry {
        let mut r = Registry {
            legal_forms: spec.legal_forms.iter().cloned().collect(),
            names: NameRules::new(spec),
            ..Registry::default()
        };
        for (i, o) in orgs.iter().enumerate() {
            r.by_bin.entry(o.id.clone()).or_insert(i);
            r.by_unit.entry(o.unit.clone()).or_default().push(i);
            let mut sigs = Vec::new();
            for n in std::iter::once(&o.name).chain(&o.aliases) {
                let k = r.name_key(n);
                sigs.push(r.names.signature(&k));
                let list = r.by_name.entry(k).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
            let mut all: Vec<String> = sigs.iter().flat_map(Signature::tokens).collect();
            all.sort();
            all.dedup();
            for w in all {
                r.by_word.entry(w).or_default().push(i);
            }
            r.sigs.push(sigs);
        }
        r.orgs = orgs;
        r
    }

    /// The names of a unit, whose words a district may write into the
    /// names of its organisations (`Алға ауданының №5 ЖОББМ`).
    pub(crate) fn set_unit_names(&mut self, unit: &str, names: &[&str]) {
        let words = names
            .iter()
            .flat_map(|n| self.names.signature(&self.name_key(n)).words)
            .collect();
        self.unit_words.insert(unit.to_string(), words);
    }

    /// The exact-match key of a name: normalised, `№ 5` as `№5`, legal-form
    /// words dropped.
    pub(crate) fn name_key(&self, name: &str) -> String {
        let k = cyrillic_key(name).replace("№ ", "№");
        let mut out = String::with_capacity(k.len());
        for w in k.split(' ').filter(|w| !self.legal_forms.contains(*w)) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out
    }

    pub(crate) fn by_id(&self, id: &str) -> Option<&RegistryOrg> {
        self.by_bin.get(id).map(|&i| &self.orgs[i])
    }

    /// Matches `name` as written in `unit`'s reports to the organisation of
    /// БСН `bin` from now on; false when the registry has no such БСН.
    pub(crate) fn confirm(&mut self, unit: &str, name: &str, bin: &str) -> bool {
        let Some(&i) = self.by_bin.get(bin) else {
            return false;
        };
        let k = self.name_key(name);
        self.confirmed_in.insert((unit.to_string(), k), i);
        true
    }

    /// The organisation of a БСН.
    pub(crate) fn by_bin(&self, bin: &str) -> Option<&RegistryOrg> {
        self.by_bin.get(bin).map(|&i| &self.orgs[i])
    }

    pub fn in_unit<'a>(
        &'a self,
        unit: &'a str,
    ) -> impl Iterator<Item = (usize, &'a RegistryOrg)> + 'a {
        self.by_unit
            .get(unit)
            .into_iter()
            .flatten()
            .map(|&i| (i, &self.orgs[i]))
    }

    /// Finds the registry organisation a report row names. `threshold` is
    /// how alike two words must be to count as one word written two ways.
    pub(crate) fn find(
        &self,
        unit: Option<&str>,
        name: &str,
        bin: Option<&str>,
        threshold: f64,
    ) -> Match {
        if let Some(&i) = bin.and_then(|b| self.by_bin.get(b)) {
            return Match::Found(i, MatchKind::Bin);
        }
        let k = self.name_key(name);
        let in_unit = unit.and_then(|u| self.confirmed_in.get(&(u.to_string(), k.clone())));
        if let Some(&i) = in_unit.or_else(|| self.confirmed.get(&k)) {
            return Match::Found(i, MatchKind::Name);
        }
        if let Some(list) = self.by_name.get(&k) {
            let pick = list
                .iter()
                .find(|&&i| Some(self.orgs[i].unit.as_str()) == unit)
                .or(list.first());
            if let Some(&i) = pick {
                return Match::Found(i, MatchKind::Name);
            }
        }
        let written = self.names.signature(&k);
        if let Some(u) = unit {
            if let Some((i, which)) = self.fitting(u, &written, threshold) {
                return Match::Found(i, MatchKind::Fitted(which));
            }
        }
        Match::Unknown(self.similar(unit, &written).into_iter().take(3).collect())
    }

    /// The one organisation of `unit` that the name fits, and which of its
    /// names fits best; None when none or several fit.
    fn fitting(&self, unit: &str, written: &Signature, threshold: f64) -> Option<(usize, usize)> {
        let ignorable = self.unit_words.get(unit).map_or(&[][..], Vec::as_slice);
        let mut found = None;
        for (i, _) in self.in_unit(unit) {
            let best = self.sigs[i]
                .iter()
                .enumerate()
                .filter_map(|(j, s)| fit(written, s, ignorable, threshold).map(|f| (f, j)))
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            if let Some((_, j)) = best {
                if found.is_some() {
                    return None;
                }
                found = Some((i, j));
            }
        }
        found
    }

    /// Candidates by word overlap, best first; numbers must agree.
    fn similar(&self, unit: Option<&str>, written: &Signature) -> Vec<(usize, f64)> {
        let words = written.tokens();
        if words.is_empty() {
            return Vec::new();
        }
        // Only the reporting unit's own organisations are candidates: a
        // similar name in another district is another organisation.
        let mut pool: Vec<usize> = words
            .iter()
            .filter_map(|w| self.by_word.get(w))
            .flatten()
            .copied()
            .filter(|&i| unit.is_none_or(|u| self.orgs[i].unit == u))
            .collect();
        pool.sort_unstable();
        pool.dedup();
        let mut scored: Vec<(usize, f64)> = pool
            .into_iter()
            .map(|i| {
                let best = self.sigs[i]
                    .iter()
                    .map(|s| similarity(&words, &s.tokens()))
                    .fold(0.0, f64::max);
                (i, best)
            })
            .filter(|(_, s)| *s > 0.3)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.into_iter().map(|(i, s)| (i, s.min(1.0))).collect()
    }
}

fn numbers(words: &[String]) -> Vec<&str> {
    let mut n: Vec<&str> = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        .map(String::as_str)
        .collect();
    n.sort_unstable();
    n
}

/// Dice coefficient over words, each word compared by edit similarity;
/// 0 when the organisations' numbers differ.
pub(crate) fn similarity(a: &[String], b: &[String]) -> f64 {
    if numbers(a) != numbers(b) {
        return 0.0;
    }
    let mut used = vec![false; b.len()];
    let mut matched = 0.0;
    for w in a {
        let best = b
            .iter()
            .enumerate()
            .filter(|(j, _)| !used[*j])
            .map(|(j, v)| {
                (
                    j,
                    if w == v {
                        1.0
                    } else {
                        strsim::jaro_winkler(w, v)
                    },
                )
            })
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((j, s)) = best {
            if s >= 0.9 {
                used[j] = true;
                matched += s;
            }
        }
    }
    2.0 * matched / (a.len() + b.len()) as f64
}

struct Columns {
    unit: Option<u32>,
    bin: Option<u32>,
    name: Option<u32>,
    aliases: Option<u32>,
    kind: Option<u32>,
    members: Option<u32>,
}

fn find_columns(grid: &crate::ingest::grid::Grid, spec: &RegistrySpec) -> Option<(u32, Columns)> {
    for row in grid.rows.iter().take(20) {
        let col = |names: &[String]| {
            row.cells.iter().find_map(|(c, cell)| {
                let k = key(&cell.display());
                names
                    .iter()
                    .any(|n| k == *n || k.starts_with(&format!("{n} ")))
                    .then_some(*c)
            })
        };
        let cols = Columns {
            unit: col(&spec.unit),
            bin: col(&spec.bin),
            name: col(&spec.name),
            aliases: col(&spec.aliases),
            kind: col(&spec.kind),
            members: col(&spec.members),
        };
        if cols.unit.is_some() && cols.bin.is_some() && cols.name.is_some() {
            return Some((row.index, cols));
        }
    }
    None
}

/// The organisations listed below the header row of the registry's table.
fn orgs_below(
    grid: &crate::ingest::grid::Grid,
    header_row: u32,
    cols: &Columns,
    pipeline: &Pipeline,
) -> Result<Vec<RegistryOrg>, RegistryProblem> {
    let mut orgs = Vec::new();
    for row in grid.rows.iter().filter(|r| r.index > header_row) {
        let text = |c: Option<u32>| c.map(|c| row.get(c).display()).unwrap_or_default();
        let Some(id) = cols.bin.and_then(|c| bin_text(row.get(c))) else {
            continue;
        };
        let unit_name = text(cols.unit);
        let Some(unit) = pipeline.unit_by_name(&unit_name) else {
            return Err(RegistryProblem::UnknownUnit {
                row: row.index + 1,
                unit: unit_name,
            });
        };
        let members = cols.members.and_then(|c| match row.get(c) {
            Cell::Number(n) => Some(*n),
            other => crate::normalize::value::parse_number_text(&other.display()).map(|v| v.0),
        });
        let aliases = text(cols.aliases)
            .split(';')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        orgs.push(RegistryOrg {
            id,
            unit: unit.id.clone(),
            name: text(cols.name),
            aliases,
            kind: text(cols.kind),
            members,
        });
    }
    Ok(orgs)
}

/// A registry that cannot be used: which file, and what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct RegistryError {
    pub(crate) path: PathBuf,
    pub(crate) problem: RegistryProblem,
}

/// What is wrong with a registry workbook.
#[derive(Debug)]
pub(crate) enum RegistryProblem {
    Read(std::io::Error),
    /// Not a workbook that can be read.
    Unreadable(Refusal),
    /// A row (as Excel numbers it) names a unit the pipeline does not have.
    UnknownUnit {
        row: u32,
        unit: String,
    },
    /// `[registry.confirmed]` gives a БСН the registry does not list.
    UnknownConfirmed {
        bin: String,
        name: String,
    },
    /// No sheet has the registry's columns (the first name of each).
    NoTable(String),
    /// It lists no organisation of a unit (whose name is given).
    NoOrgs(String),
}

crate::texts! {
    /// The texts of registry errors; `{name}` marks where a value goes.
    enum Text {
        Frame => (
            "{path} тізілімін оқу мүмкін емес: {problem}",
            "не удаётся прочитать реестр {path}: {problem}",
            "cannot read the registry {path}: {problem}",
        ),
        UnknownUnit => (
            "{row}-жол: `{unit}` бөлімшесі баптау файлында жоқ",
            "строка {row}: подразделения `{unit}` нет в файле настройки",
            "row {row}: unit `{unit}` is not a unit of the pipeline",
        ),
        UnknownConfirmed => (
            "баптау файлының [registry.confirmed] бөлімі `{name}` үшін {bin} БСН-ін береді, бірақ тізілімде ондай БСН жоқ",
            "[registry.confirmed] в файле настройки указывает для `{name}` БСН {bin}, но в реестре такого БСН нет",
            "[registry.confirmed] in the pipeline file gives БСН {bin} for `{name}`, but the registry has no such БСН",
        ),
        NoTable => (
            "тізілім бағандары ({columns} ...) бар парақ жоқ",
            "ни на одном листе нет столбцов реестра ({columns} ...)",
            "no sheet has the registry's columns ({columns} ...)",
        ),
        NoOrgs => (
            "онда {unit} ұйымдары жоқ",
            "в нём нет ни одной организации подразделения «{unit}»",
            "it lists no organisation of {unit}",
        ),
    }
}

impl RegistryError {
    /// What is wrong, in a language.
    pub(crate) fn message(&self, lang: Lang) -> String {
        let problem = match &self.problem {
            RegistryProblem::Read(e) => e.to_string(),
            RegistryProblem::Unreadable(r) => crate::messages::file_reason(r, lang),
            RegistryProblem::UnknownUnit { row, unit } => fill(
                Text::UnknownUnit.get(lang),
                &[("row", row.to_string().as_str()), ("unit", unit)],
            ),
            RegistryProblem::UnknownConfirmed { bin, name } => fill(
                Text::UnknownConfirmed.get(lang),
                &[("bin", bin.as_str()), ("name", name)],
            ),
            RegistryProblem::NoTable(columns) => {
                fill(Text::NoTable.get(lang), &[("columns", columns.as_str())])
            }
            RegistryProblem::NoOrgs(unit) => {
                fill(Text::NoOrgs.get(lang), &[("unit", unit.as_str())])
            }
        };
        fill(
            Text::Frame.get(lang),
            &[
                ("path", self.path.display().to_string().as_str()),
                ("problem", &problem),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped pipeline.
    pub(super) fn shipped() -> Pipeline {
        Pipeline::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::pipeline::DEFAULT_PIPELINE),
        )
        .unwrap()
    }

    fn registry() -> Registry {
        let p = shipped();
        let org = |id: &str, unit: &str, name: &str, aliases: &[&str]| RegistryOrg {
            id: id.into(),
            unit: unit.into(),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            kind: "мектеп".into(),
            members: Some(100.0),
        };
        Registry::new(
            vec![
                org(
                    "050440045439",
                    "aktobe-city",
                    "\"№ 5 жалпы орта білім беретін мектеп\" КММ",
                    &["КГУ \"Средняя школа №5\""],
                ),
                org(
                    "050440045440",
                    "aktobe-city",
                    "\"№ 6 жалпы орта білім беретін мектеп\" КММ",
                    &[],
                ),
                org(
                    "050440045441",
                    "alga",
                    "\"Бестамақ жалпы орта білім беретін мектебі\" КММ",
                    &["Бестамақ ЖОББМ"],
                ),
            ],
            &p.registry_spec,
        )
    }

    #[test]
    fn exact_by_bin_name_and_alias() {
        let r = registry();
        assert_eq!(
            r.find(None, "whatever", Some("050440045440"), 0.9),
            Match::Found(1, MatchKind::Bin)
        );
        assert_eq!(
            r.find(
                Some("aktobe-city"),
                "«№5 жалпы орта білім беретін мектеп» КГУ",
                None,
                0.9
            ),
            Match::Found(0, MatchKind::Name)
        );
        assert_eq!(
            r.find(Some("aktobe-city"), "КГУ “Средняя  школа № 5”", None, 0.9),
            Match::Found(0, MatchKind::Name)
        );
        // Latin look-alikes
        assert_eq!(
            r.find(Some("alga"), "Бестамақ ЖОББM", None, 0.9),
            Match::Found(2, MatchKind::Name)
        );
    }

    #[test]
    fn abbreviations_find_the_full_name_and_numbers_must_agree() {
        let r = registry();
        for written in [
            "№5 ЖОББМ",
            "ЖОББМ № 5",
            "мектеп №5",
            "5 ЖОББМ",
            "СОШ №5",
            "Ж.О.Б.Б.М. №5",
        ] {
            assert!(
                matches!(
                    r.find(Some("aktobe-city"), written, None, 0.92),
                    Match::Found(0, MatchKind::Fitted(_))
                ),
                "{written}"
            );
        }
        match r.find(Some("aktobe-city"), "№7 ЖОББМ", None, 0.92) {
            Match::Unknown(c) => assert!(c.is_empty()),
            other => panic!("{other:?}"),
        }
        // only the unit's own organisations fit
        assert!(matches!(
            r.find(Some("alga"), "№5 ЖОББМ", None, 0.92),
            Match::Unknown(_)
        ));
        assert_eq!(
            r.find(Some("alga"), "СШ с. Бестамак", None, 0.92),
            Match::Found(2, MatchKind::Fitted(0))
        );
    }

    #[test]
    fn a_name_that_fits_two_organisations_stays_unknown() {
        let p = shipped();
        let org = |id: &str, name: &str| RegistryOrg {
            id: id.into(),
            unit: "alga".into(),
            name: name.into(),
            aliases: Vec::new(),
            kind: "балабақша".into(),
            members: None,
        };
        let r = Registry::new(
            vec![
                org(
                    "000000000001",
                    "Бестамақ ауылының «Арман» бөбекжай-балабақшасы",
                ),
                org(
                    "000000000002",
                    "Қарабұтақ ауылының «Арман» бөбекжай-балабақшасы",
                ),
            ],
            &p.registry_spec,
        );
        match r.find(Some("alga"), "«Арман» балабақшасы", None, 0.92) {
            Match::Unknown(c) => assert_eq!(c.len(), 2),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            r.find(Some("alga"), "Я/с «Арман» с. Карабутак", None, 0.92),
            Match::Found(1, MatchKind::Fitted(0))
        );
    }
}
