//! Month by month: January, February and March consolidated into one output
//! folder; March's workbook shows the share trained per month for the units
//! and the region, and February's trained people against March's. The same
//! month a year ago sits beside the period on the first sheet.

use crate::common::*;
use crate::history::{consolidate, unit_report, ALGA};
use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use jinaq::Lang;
use jinaq::Registry;
use jinaq::{month_name, BookText as T};
use jinaq::{Pipeline, DEFAULT_PIPELINE};
use std::path::Path;

const LANG: Lang = Lang::Kk;

/// Алға: (БСН, members) of its six organisations.
fn alga() -> Vec<(String, f64)> {
    ALGA.iter().map(|(b, m)| (b.to_string(), *m)).collect()
}

/// Қобда's organisations as the registry lists them.
fn kobda(p: &Pipeline) -> Vec<(String, f64)> {
    let registry = Registry::load(&root().join("tests/fixtures/registry.xlsx"), p).unwrap();
    let orgs: Vec<(String, f64)> = registry
        .orgs
        .iter()
        .filter(|o| o.unit == "kobda")
        .map(|o| (o.id.clone(), o.members.unwrap()))
        .collect();
    assert!(orgs.len() >= 3, "the registry has Қобда's organisations");
    orgs
}

/// The same five categories for every one of `n` organisations.
fn each(n: usize, cats: [f64; 5]) -> Vec<[f64; 5]> {
    vec![cats; n]
}

fn sheet(path: &Path, t: T) -> Range<Data> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    book.worksheet_range(t.get(LANG)).unwrap()
}

fn text(r: &Range<Data>, row: u32, col: u32) -> String {
    match r.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn value(r: &Range<Data>, row: u32, col: u32) -> Option<f64> {
    match r.get_value((row, col)) {
        Some(Data::Float(v)) => Some(*v),
        Some(Data::Empty) | None => None,
        Some(other) => panic!("({row}, {col}) holds {other:?}, not a number"),
    }
}

/// The row whose column `col` reads `s`, at or after `from`.
fn row_of(r: &Range<Data>, col: u32, s: &str, from: u32) -> u32 {
    (from..=r.end().unwrap().0)
        .find(|row| text(r, *row, col) == s)
        .unwrap_or_else(|| panic!("no row reads {s:?} in column {col}"))
}

fn col_of(r: &Range<Data>, row: u32, s: &str) -> u32 {
    (0..=r.end().unwrap().1)
        .find(|c| text(r, row, *c) == s)
        .unwrap_or_else(|| panic!("no column reads {s:?} in row {row}"))
}

fn close(actual: Option<f64>, expected: Option<f64>, what: &str) {
    match (actual, expected) {
        (Some(a), Some(e)) => assert!((a - e).abs() <= 1e-9, "{what}: {a} != {e}"),
        (a, e) => assert_eq!(a, e, "{what}"),
    }
}

/// The trends sheet's first table: its header row, the columns of its
/// months (by as-of date) and of the month comparison.
struct Trends {
    r: Range<Data>,
    header: u32,
    months: Vec<(String, u32)>,
    /// Columns of last month, this month and the change.
    compare: [u32; 3],
}

impl Trends {
    fn read(path: &Path) -> Trends {
        let r = sheet(path, T::SheetTrends);
        let header = row_of(&r, 0, T::No.get(LANG), 0);
        let share = col_of(&r, header, T::ShareYtd.get(LANG));
        let trained = col_of(&r, header, T::TrainedYtd.get(LANG));
        let months = (share..trained)
            .map(|c| (text(&r, header + 1, c), c))
            .collect();
        Trends {
            header,
            months,
            compare: [trained, trained + 1, trained + 2],
            r,
        }
    }

    fn dates(&self) -> Vec<&str> {
        self.months.iter().map(|(d, _)| d.as_str()).collect()
    }

    fn row(&self, name: &str) -> u32 {
        row_of(&self.r, 1, name, self.header + 2)
    }

    fn shares(&self, row: u32) -> Vec<Option<f64>> {
        self.months
            .iter()
            .map(|(_, c)| value(&self.r, row, *c))
            .collect()
    }

    fn compared(&self, row: u32) -> [Option<f64>; 3] {
        self.compare.map(|c| value(&self.r, row, c))
    }

    /// A row of the region's table under the first one, per month.
    fn region_line(&self, label: T) -> Vec<Option<f64>> {
        let region_header = row_of(&self.r, 1, T::Indicator.get(LANG), self.header);
        let row = row_of(&self.r, 1, label.get(LANG), region_header);
        self.shares(row)
    }

    fn holds(&self, s: &str) -> bool {
        self.r
            .used_cells()
            .any(|(_, _, d)| matches!(d, Data::String(x) if x == s))
    }
}

fn all_close(actual: &[Option<f64>], expected: &[Option<f64>], what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: {actual:?}");
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        close(*a, *e, &format!("{what} [{i}]"));
    }
}

#[test]
fn three_months_side_by_side_and_last_month_against_this_one() {
    let p = Pipeline::load(&root().join(DEFAULT_PIPELINE)).unwrap();
    let dir = scratch("trends-months");
    let out = dir.join("out");
    let (alga, kobda) = (alga(), kobda(&p));
    let alga_members: f64 = alga.iter().map(|o| o.1).sum();
    let kobda_members: f64 = kobda.iter().map(|o| o.1).sum();
    let (na, nk) = (alga.len(), kobda.len());
    let a_name = ("Алға", "Алға ауданы");
    let k_name = ("Қобда", "Қобда ауданы");

    // January: Алға alone, one person trained per organisation.
    unit_report(
        &dir.join("jan"),
        a_name,
        &alga,
        "2026-01",
        &each(na, [1.0, 0.0, 0.0, 0.0, 0.0]),
    );
    consolidate(&dir.join("jan"), &out, "2026-01");
    // February: three each in Алға; Қобда reports, two each.
    unit_report(
        &dir.join("feb"),
        a_name,
        &alga,
        "2026-02",
        &each(na, [1.0, 0.0, 1.0, 0.0, 1.0]),
    );
    unit_report(
        &dir.join("feb"),
        k_name,
        &kobda,
        "2026-02",
        &each(nk, [1.0, 1.0, 0.0, 0.0, 0.0]),
    );
    consolidate(&dir.join("feb"), &out, "2026-02");
    // March: Алға's first organisation trains three more; Қобда two more each.
    let mut a_march = each(na, [1.0, 0.0, 1.0, 0.0, 1.0]);
    a_march[0] = [3.0, 1.0, 1.0, 0.0, 1.0];
    unit_report(&dir.join("mar"), a_name, &alga, "2026-03", &a_march);
    unit_report(
        &dir.join("mar"),
        k_name,
        &kobda,
        "2026-03",
        &each(nk, [2.0, 1.0, 1.0, 0.0, 0.0]),
    );
    consolidate(&dir.join("mar"), &out, "2026-03");

    let book = out.join("2026-03/consolidated-2026-03.xlsx");
    let t = Trends::read(&book);
    assert_eq!(t.dates(), ["01.02.2026", "01.03.2026", "01.04.2026"]);
    let (a_trained, k_trained) = (
        [na as f64, 3.0 * na as f64, 3.0 * na as f64 + 3.0],
        [0.0, 2.0 * nk as f64, 4.0 * nk as f64],
    );
    let alga_row = t.row(p.unit("alga").unwrap().name(LANG));
    all_close(
        &t.shares(alga_row),
        &a_trained.map(|x| Some(x / alga_members)),
        "Алға's shares",
    );
    // Қобда sent nothing in January: an empty cell, not 0.
    let kobda_row = t.row(p.unit("kobda").unwrap().name(LANG));
    all_close(
        &t.shares(kobda_row),
        &[
            None,
            Some(k_trained[1] / kobda_members),
            Some(k_trained[2] / kobda_members),
        ],
        "Қобда's shares",
    );
    let region_row = t.row(T::RegionTotal.get(LANG));
    let both = alga_members + kobda_members;
    let region_shares = [
        Some(a_trained[0] / alga_members),
        Some((a_trained[1] + k_trained[1]) / both),
        Some((a_trained[2] + k_trained[2]) / both),
    ];
    all_close(&t.shares(region_row), &region_shares, "the region's shares");
    // A unit that never reported: empty all along.
    let yrgyz = t.row(p.unit("yrgyz").unwrap().name(LANG));
    assert!(t.shares(yrgyz).iter().all(Option::is_none));
    assert_eq!(t.compared(yrgyz), [None, None, None]);

    // February against March.
    assert_eq!(
        t.compare.map(|c| text(&t.r, t.header + 1, c)),
        [
            "01.03.2026".to_string(),
            "01.04.2026".to_string(),
            T::MonthChange.get(LANG).to_string(),
        ]
    );
    all_close(
        &t.compared(alga_row),
        &[Some(a_trained[1]), Some(a_trained[2]), Some(3.0)],
        "Алға: February, March, change",
    );
    all_close(
        &t.compared(kobda_row),
        &[
            Some(k_trained[1]),
            Some(k_trained[2]),
            Some(2.0 * nk as f64),
        ],
        "Қобда: February, March, change",
    );
    all_close(
        &t.compared(region_row),
        &[
            Some(a_trained[1] + k_trained[1]),
            Some(a_trained[2] + k_trained[2]),
            Some(3.0 + 2.0 * nk as f64),
        ],
        "the region: February, March, change",
    );

    // The region's members and trained people per month.
    all_close(
        &t.region_line(T::IndMembers),
        &[Some(alga_members), Some(both), Some(both)],
        "the region's members",
    );
    all_close(
        &t.region_line(T::TrainedCount),
        &[
            Some(a_trained[0]),
            Some(a_trained[1] + k_trained[1]),
            Some(a_trained[2] + k_trained[2]),
        ],
        "the region's trained",
    );
    all_close(
        &t.region_line(T::IndShare),
        &region_shares,
        "the region's share",
    );
    assert!(!t.holds(T::NoteTrendEmpty.get(LANG)));

    // January: the period alone, no last month, and the note.
    let t = Trends::read(&out.join("2026-01/consolidated-2026-01.xlsx"));
    assert_eq!(t.dates(), ["01.02.2026"]);
    assert!(t.holds(T::NoteTrendEmpty.get(LANG)));
    assert!(t.holds(T::NoteJanuary.get(LANG)));
    assert_eq!(
        text(&t.r, t.header + 1, t.compare[0]),
        T::LastMonth.get(LANG)
    );
    let alga_row = t.row(p.unit("alga").unwrap().name(LANG));
    assert_eq!(t.compared(alga_row), [None, Some(na as f64), None]);

    // The same inputs and history give the same bytes.
    let before = std::fs::read(&book).unwrap();
    consolidate(&dir.join("mar"), &out, "2026-03");
    assert!(
        std::fs::read(&book).unwrap() == before,
        "a second run of March differs"
    );
}

#[test]
fn the_same_month_a_year_ago_sits_beside_the_period() {
    let dir = scratch("trends-year");
    let out = dir.join("out");
    let alga = alga();
    let members: f64 = alga.iter().map(|o| o.1).sum();
    let n = alga.len() as f64;
    let name = ("Алға", "Алға ауданы");
    unit_report(
        &dir.join("2025"),
        name,
        &alga,
        "2025-03",
        &each(alga.len(), [1.0, 0.0, 0.0, 0.0, 1.0]),
    );
    consolidate(&dir.join("2025"), &out, "2025-03");
    unit_report(
        &dir.join("2026"),
        name,
        &alga,
        "2026-03",
        &each(alga.len(), [1.0, 0.0, 1.0, 0.0, 1.0]),
    );
    consolidate(&dir.join("2026"), &out, "2026-03");
    let book = out.join("2026-03/consolidated-2026-03.xlsx");

    // The first sheet: the period, the same period last year and the change.
    let s = sheet(&book, T::SheetSummary);
    let header = row_of(&s, 0, T::No.get(LANG), 0);
    let now = col_of(&s, header, "01.04.2026");
    let before = col_of(&s, header, "01.04.2025");
    let change = col_of(&s, header, T::Change.get(LANG));
    let trained = row_of(&s, 1, T::IndTrained.get(LANG), header);
    close(value(&s, trained, now), Some(3.0 * n), "trained now");
    close(
        value(&s, trained, before),
        Some(2.0 * n),
        "trained a year ago",
    );
    close(value(&s, trained, change), Some(n), "trained, change");
    let members_row = row_of(&s, 1, T::IndMembers.get(LANG), header);
    close(value(&s, members_row, change), Some(0.0), "members, change");

    // The trends sheet: both periods; February was never consolidated.
    let t = Trends::read(&book);
    assert_eq!(t.dates(), ["01.04.2025", "01.04.2026"]);
    all_close(
        &t.shares(t.row(T::RegionTotal.get(LANG))),
        &[Some(2.0 * n / members), Some(3.0 * n / members)],
        "the region's shares",
    );
    let alga_row = t.row("Алға ауданы");
    assert_eq!(t.compared(alga_row), [None, Some(3.0 * n), None]);

    // The chart's table: March of both years, by month of the year.
    let caption = row_of(&t.r, 1, T::TitleChartData.get(LANG), t.header);
    let series = |year: i32| {
        let name = T::OfYear
            .get(LANG)
            .replace("{name}", T::SeriesRegion.get(LANG))
            .replace("{year}", &year.to_string());
        col_of(&t.r, caption + 1, &name)
    };
    let march = row_of(&t.r, 1, month_name(3, LANG), caption);
    close(
        value(&t.r, march, series(2026)),
        Some(3.0 * n / members),
        "chart: March 2026",
    );
    close(
        value(&t.r, march, series(2025)),
        Some(2.0 * n / members),
        "chart: March 2025",
    );
    let february = row_of(&t.r, 1, month_name(2, LANG), caption);
    assert_eq!(value(&t.r, february, series(2026)), None);
    assert!(t.holds(&T::NoteNoLastMonth.get(LANG).replace("{prev}", "01.03.2026")));
}
