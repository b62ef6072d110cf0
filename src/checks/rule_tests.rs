//! Each rule with a passing case (a clean report raises nothing) and a
//! failing case (one defect raises that rule at its cell).

use crate::checks::{check_file, check_region};
use crate::ingest::discover::{FileKind, InputFile};
use crate::ingest::format::Format;
use crate::ingest::grid::{Cell, Grid};
use crate::ingest::workbook::{Sheet, Workbook};
use crate::issue::{a1, Issue, Rule};
use crate::period::Ymd;
use crate::pipeline::Pipeline;
use crate::registry::{Registry, RegistryOrg};
use crate::tables::{read_workbook, FileReport};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn pipeline() -> Pipeline {
    Pipeline::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::pipeline::DEFAULT_PIPELINE))
        .unwrap()
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn n(v: f64) -> Cell {
    Cell::Number(v)
}

type Cells = BTreeMap<(u32, u32), Cell>;

/// A clean report of unit `alga`, as cells by sheet and (row, col).
#[derive(Clone)]
struct Report {
    sheets: Vec<(String, Cells)>,
}

const ORGS: [(&str, &str, f64, [f64; 5]); 3] = [
    (
        "№1 Алға ЖОББМ",
        "010101010101",
        100.0,
        [1.0, 1.0, 2.0, 1.0, 3.0],
    ),
    (
        "Бестамақ ЖОББМ",
        "020202020202",
        60.0,
        [0.0, 1.0, 1.0, 0.0, 2.0],
    ),
    (
        "«Балдырған» бөбекжай-балабақшасы",
        "030303030303",
        20.0,
        [0.0, 0.0, 0.0, 1.0, 0.0],
    ),
];

impl Report {
    fn clean() -> Report {
        let mut cov = BTreeMap::new();
        cov.insert((0, 0), t("Алға аудандық кәсіподақ комитеті"));
        cov.insert((1, 0), t("2026 жылғы наурыз"));
        let headers = crate::bench::COVERAGE_HEADER_KK;
        for (c, h) in headers.iter().enumerate() {
            cov.insert((3, c as u32), t(h));
        }
        let mut sums = [0.0; 7];
        for (i, (name, bin, members, cats)) in ORGS.iter().enumerate() {
            let r = 4 + i as u32;
            let total: f64 = cats.iter().sum();
            cov.insert((r, 0), n(i as f64 + 1.0));
            cov.insert((r, 1), t(name));
            cov.insert((r, 2), t(bin));
            cov.insert((r, 3), n(*members));
            cov.insert((r, 4), n(total));
            for (k, v) in cats.iter().enumerate() {
                cov.insert((r, 5 + k as u32), n(*v));
                sums[2 + k] += v;
            }
            cov.insert((r, 10), n((total / members * 1000.0).round() / 10.0));
            sums[0] += members;
            sums[1] += total;
        }
        cov.insert((7, 0), t("Барлығы"));
        for (k, v) in sums.iter().enumerate() {
            cov.insert((7, 3 + k as u32), n(*v));
        }
        let mut ev = BTreeMap::new();
        for (c, h) in [
            "№",
            "Күні",
            "Оқыту нысаны",
            "Тақырыбы",
            "Бағыты",
            "Қатысушылар саны",
        ]
        .iter()
        .enumerate()
        {
            ev.insert((0, c as u32), t(h));
        }
        ev.insert((1, 0), n(1.0));
        ev.insert((1, 1), Cell::Date(Ymd::new(2026, 3, 10).unwrap()));
        ev.insert((1, 2), t("Семинар-тренинг"));
        ev.insert((1, 3), t("Ұжымдық шарт"));
        ev.insert((1, 4), t("Ұжымдық-шарттық реттеу"));
        ev.insert((1, 5), n(sums[1]));
        let mut fin = BTreeMap::new();
        fin.insert((0, 0), t("Смета шығыстарының барлығы"));
        fin.insert((0, 1), n(1_000_000.0));
        fin.insert((1, 0), t("Оның ішінде оқытуға"));
        fin.insert((1, 1), n(120_000.0));
        fin.insert((2, 0), t("Үлесі, %"));
        fin.insert((2, 1), n(12.0));
        let mut sum = BTreeMap::new();
        let labels = [
            "Кәсіподақ мүшелерінің жалпы саны",
            "Кәсіподақтық оқытудан өткендер саны. Оның ішінде:",
            "кәсіподақ мүшелері",
            "тексеру комиссияларының мүшелері",
            "кәсіподақ активі",
            "кәсіподақ ұйымдарының төрағалары",
            "келісу комиссияларының мүшелері",
        ];
        sum.insert((0, 0), t("№"));
        sum.insert((0, 1), t("Көрсеткіш"));
        sum.insert((0, 2), t("01.04.2026"));
        for (i, l) in labels.iter().enumerate() {
            sum.insert((1 + i as u32, 0), t(&format!("{}.", i + 1)));
            sum.insert((1 + i as u32, 1), t(l));
            sum.insert((1 + i as u32, 2), n(sums[i]));
        }
        Report {
            sheets: vec![
                ("Оқыту".into(), cov),
                ("Іс-шаралар".into(), ev),
                ("Қаржы".into(), fin),
                ("Жиынтық".into(), sum),
            ],
        }
    }

    fn set(mut self, sheet: usize, row: u32, col: u32, cell: Cell) -> Report {
        self.sheets[sheet].1.insert((row, col), cell);
        self
    }

    fn clear(mut self, sheet: usize, row: u32, col: u32) -> Report {
        self.sheets[sheet].1.remove(&(row, col));
        self
    }

    fn read(&self, registry: &Registry) -> FileReport {
        let p = pipeline();
        let wb = Workbook {
            format: Format::Xlsx,
            sheets: self
                .sheets
                .iter()
                .map(|(name, cells)| Sheet {
                    name: name.clone(),
                    visible: true,
                    grid: Grid::from_cells(
                        cells.iter().map(|(&(r, c), v)| (r, c, v.clone())).collect(),
                        false,
                    ),
                })
                .collect(),
        };
        let file = InputFile {
            path: PathBuf::from("Алға_2026-03.xlsx"),
            rel: "Алға_2026-03.xlsx".into(),
            name: "Алға_2026-03.xlsx".into(),
            modified: None,
            size: 0,
            kind: FileKind::Workbook,
        };
        let period = "2026-03".parse().ok();
        let mut report = read_workbook(FileReport::new(&file), &wb, &p, period);
        check_file(&mut report, Some(registry), &p);
        report
    }
}

fn registry(extra: bool) -> Registry {
    let p = pipeline();
    let mut orgs: Vec<RegistryOrg> = ORGS
        .iter()
        .map(|(name, bin, members, _)| RegistryOrg {
            id: bin.to_string(),
            unit: "alga".into(),
            name: name.to_string(),
            aliases: vec![],
            kind: "мектеп".into(),
            members: Some(*members),
        })
        .collect();
    orgs.push(RegistryOrg {
        id: "090909090909".into(),
        unit: "kobda".into(),
        name: "Қобда ЖОББМ".into(),
        aliases: vec![],
        kind: "мектеп".into(),
        members: Some(50.0),
    });
    if extra {
        orgs.push(RegistryOrg {
            id: "040404040404".into(),
            unit: "alga".into(),
            name: "Тамды ЖОББМ".into(),
            aliases: vec![],
            kind: "мектеп".into(),
            members: Some(30.0),
        });
    }
    Registry::new(orgs, &p.registry_spec)
}

fn rules_of(report: &FileReport) -> Vec<(Rule, Option<String>)> {
    report
        .issues
        .iter()
        .map(|i: &Issue| (i.rule, i.place.a1()))
        .collect()
}

/// The defect raises `rule` at `cell` (or anywhere when None); the clean
/// report does not raise it at all.
fn assert_rule(defective: Report, rule: Rule, cell: Option<(u32, u32)>) {
    let reg = registry(false);
    let clean = Report::clean().read(&reg);
    assert!(
        !clean.issues.iter().any(|i| i.rule == rule),
        "clean report raises {rule}: {:?}",
        rules_of(&clean)
    );
    let bad = defective.read(&reg);
    let want = cell.map(|(r, c)| a1(r, c));
    assert!(
        bad.issues
            .iter()
            .any(|i| i.rule == rule && (want.is_none() || i.place.a1() == want)),
        "{rule} not raised at {want:?}; got {:?}",
        rules_of(&bad)
    );
}

#[test]
fn the_clean_report_raises_nothing_and_reads_every_table() {
    let r = Report::clean().read(&registry(false));
    assert!(r.issues.is_empty(), "{:?}", rules_of(&r));
    assert_eq!(r.unit.as_deref(), Some("alga"));
    assert_eq!(r.coverage.as_ref().map(|c| c.rows.len()), Some(3));
    assert_eq!(r.events.as_ref().map(|e| e.rows.len()), Some(1));
    assert_eq!(r.finance.as_ref().and_then(|f| f.budget), Some(1_000_000.0));
    assert_eq!(r.summary.as_ref().map(|s| s.values.len()), Some(7));
}

#[test]
fn row_rules() {
    assert_rule(
        Report::clean().set(0, 4, 5, n(2.0)),
        Rule::RowCategoriesSum,
        Some((4, 4)),
    );
    assert_rule(
        Report::clean().set(0, 5, 3, n(3.0)),
        Rule::RowTrainedExceedsMembers,
        Some((5, 4)),
    );
    assert_rule(
        Report::clean().set(0, 4, 10, n(23.2)),
        Rule::RowShareMismatch,
        Some((4, 10)),
    );
    assert_rule(
        Report::clean()
            .set(0, 5, 1, t("№1 Алға ЖОББМ"))
            .set(0, 5, 2, t("010101010101")),
        Rule::RowDuplicateOrg,
        Some((5, 1)),
    );
}

#[test]
fn share_written_as_fraction_or_text_is_accepted() {
    let reg = registry(false);
    // 8 / 100 = 8 %: as 0.08, as "8,0%", as truncated "7,9" is wrong
    for cell in [n(0.08), t("8,0%"), t("8")] {
        let mut r = Report::clean().set(0, 4, 10, cell.clone());
        if matches!(cell, Cell::Number(_)) {
            r = r.set(0, 5, 10, n(0.067)).set(0, 6, 10, n(0.05));
        }
        let read = r.read(&reg);
        assert!(
            !read.issues.iter().any(|i| i.rule == Rule::RowShareMismatch),
            "{cell:?}: {:?}",
            rules_of(&read)
        );
    }
}

#[test]
fn value_rules() {
    assert_rule(
        Report::clean().set(0, 4, 5, t("нет")),
        Rule::ValueNotANumber,
        Some((4, 5)),
    );
    assert_rule(
        Report::clean().set(0, 4, 5, Cell::Error("#REF!".into())),
        Rule::ValueErrorCell,
        Some((4, 5)),
    );
    assert_rule(
        Report::clean().set(0, 4, 5, n(-1.0)),
        Rule::ValueNegative,
        Some((4, 5)),
    );
    assert_rule(
        Report::clean().set(0, 4, 5, n(1.5)),
        Rule::ValueFractional,
        Some((4, 5)),
    );
    assert_rule(
        Report::clean().set(0, 7, 3, Cell::NoValue),
        Rule::FormulaNoCachedValue,
        Some((7, 3)),
    );
    assert_rule(
        Report::clean().set(1, 1, 1, t("31.02.2026")),
        Rule::ValueBadDate,
        Some((1, 1)),
    );
    assert_rule(
        Report::clean().set(1, 1, 1, t("20.12.2025")),
        Rule::ValueOutOfPeriod,
        Some((1, 1)),
    );
    assert_rule(
        Report::clean().set(1, 1, 2, t("Концерт")),
        Rule::ValueUnknownCategory,
        Some((1, 2)),
    );
}

#[test]
fn table_rules() {
    assert_rule(
        Report::clean().set(0, 3, 11, t("Контактный телефон")),
        Rule::ColumnUnknown,
        Some((3, 11)),
    );
    assert_rule(Report::clean().clear(0, 3, 3), Rule::ColumnMissing, None);
    let no_table = (0..11).fold(Report::clean(), |r, c| r.clear(0, 3, c));
    assert_rule(no_table, Rule::SheetMissing, None);
}

#[test]
fn level_rules() {
    assert_rule(
        Report::clean().set(0, 7, 3, n(190.0)),
        Rule::TotalMismatch,
        Some((7, 3)),
    );
    assert_rule(
        Report::clean().set(3, 2, 2, n(10.0)),
        Rule::SummaryMismatch,
        Some((2, 2)),
    );
    assert_rule(
        Report::clean().set(1, 1, 5, n(10.0)),
        Rule::EventsParticipantsMismatch,
        None,
    );
}

#[test]
fn finance_rules() {
    assert_rule(
        Report::clean()
            .set(2, 1, 1, n(50_000.0))
            .set(2, 2, 1, n(5.0)),
        Rule::FinanceBelowNorm,
        None,
    );
    assert_rule(
        Report::clean().set(2, 2, 1, n(15.0)),
        Rule::FinanceShareMismatch,
        Some((2, 1)),
    );
}

#[test]
fn registry_rules() {
    assert_rule(
        Report::clean()
            .set(0, 4, 1, t("Белгісіз мектеп"))
            .clear(0, 4, 2),
        Rule::RegistryUnknownOrg,
        Some((4, 1)),
    );
    assert_rule(
        Report::clean().set(0, 4, 3, n(200.0)),
        Rule::RegistryMembersMismatch,
        Some((4, 3)),
    );
    assert_rule(
        Report::clean().set(0, 4, 2, t("090909090909")),
        Rule::RegistryOtherUnit,
        Some((4, 1)),
    );
    let with_extra = Report::clean().read(&registry(true));
    assert!(with_extra
        .issues
        .iter()
        .any(|i| i.rule == Rule::RegistryMissingOrg && i.org.as_deref() == Some("040404040404")));
}

#[test]
fn names_match_without_bin_through_abbreviations() {
    // no БСН column: names alone, written differently from the registry
    let r = Report::clean()
        .set(0, 4, 1, t("№1 Алға жалпы орта білім беретін мектебі"))
        .clear(0, 4, 2);
    let read = r.read(&registry(false));
    assert!(
        !read
            .issues
            .iter()
            .any(|i| i.rule == Rule::RegistryUnknownOrg),
        "{:?}",
        rules_of(&read)
    );
    assert_eq!(
        read.coverage.unwrap().rows[0].registry_id.as_deref(),
        Some("010101010101")
    );
}

#[test]
fn units_that_sent_nothing() {
    let p = pipeline();
    let r = Report::clean().read(&registry(false));
    let issues = check_region(&[r], &p);
    let missing: Vec<&str> = issues
        .iter()
        .filter(|i| i.rule == Rule::UnitMissing)
        .filter_map(|i| i.unit.as_deref())
        .collect();
    assert_eq!(missing.len(), 13);
    assert!(!missing.contains(&"alga"));
}
