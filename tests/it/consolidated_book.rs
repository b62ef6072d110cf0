//! `consolidated-<period>.xlsx` as leadership receives it: the real pipeline
//! run on the shared month of district reports, the workbook built, read back
//! with calamine and its figures checked on every sheet against
//! `expected-2026-03.json`. Cells are found by their labels in the run's
//! language, never by fixed positions.
//!
//! The month is `tests/fixtures/reference-month`, made by real office software;
//! the cell formats are checked on the shipped sample month, which is always
//! here.

use crate::common::{assert_values_only, read_json, root, scratch, zip_parts};
use calamine::{open_workbook_from_rs, Data, DataType, Range, Reader, Xlsx};
use jinaq::process;
use jinaq::Figures;
use jinaq::Lang;
use jinaq::Outcome;
use jinaq::OutputPaths;
use jinaq::Period;
use jinaq::Request;
use jinaq::Snapshot;
use jinaq::{consolidated_workbook as build, BookText as T};
use jinaq::{Pipeline, DEFAULT_PIPELINE};
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

const PERIOD: &str = "2026-03";

/// The reference month made by real office software.
fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference-month")
}

fn pipeline() -> Pipeline {
    Pipeline::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_PIPELINE))
        .expect("the shipped pipeline loads")
}

fn run<'p>(p: &'p Pipeline, shared: &Path, lang: Lang) -> Outcome<'p> {
    let fixtures = shared;
    process(&Request {
        pipeline: p,
        input: fixtures.join(PERIOD),
        registry: fixtures.join("registry.xlsx"),
        period: Some(PERIOD.parse().unwrap()),
        lang,
        progress: false,
        history: None,
    })
    .expect("the fixtures consolidate")
}

fn bytes_of(o: &Outcome) -> Vec<u8> {
    let paths = OutputPaths::new(Path::new("/nonexistent/output"), o.period);
    build(o, &paths).expect("the workbook builds")
}

fn expected(shared: &Path) -> Value {
    let text = std::fs::read_to_string(shared.join(format!("expected-{PERIOD}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

type Book = Xlsx<Cursor<Vec<u8>>>;

fn open(bytes: Vec<u8>) -> Book {
    open_workbook_from_rs(Cursor::new(bytes)).expect("calamine reads the workbook")
}

/// A sheet read back, with its header block found by the `№` column.
struct Table {
    range: Range<Data>,
    lang: Lang,
    header: u32,
    /// The header has a second row of sub-headers.
    two: bool,
}

fn text_of(d: Option<&Data>) -> String {
    match d {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    }
}

impl Table {
    fn of(book: &mut Book, sheet: T, lang: Lang) -> Table {
        let name = sheet.get(lang);
        let range = book
            .worksheet_range(name)
            .unwrap_or_else(|e| panic!("sheet {name}: {e}"));
        let (_, end) = (range.start().unwrap(), range.end().unwrap());
        let header = (0..=end.0).find(|r| text_of(range.get_value((*r, 0))) == T::No.get(lang));
        let header = header.unwrap_or_else(|| panic!("sheet {name} has no № header"));
        // `№` spans both rows of a two-row header; under a one-row header
        // the next row holds the first row's number.
        let two = matches!(range.get_value((header + 1, 0)), None | Some(Data::Empty)) && end.1 > 0;
        Table {
            range,
            lang,
            header,
            two,
        }
    }

    fn text(&self, row: u32, col: u32) -> String {
        text_of(self.range.get_value((row, col)))
    }

    fn value(&self, row: u32, col: u32) -> Option<f64> {
        match self.range.get_value((row, col)) {
            Some(Data::Float(v)) => Some(*v),
            Some(Data::Int(v)) => Some(*v as f64),
            Some(Data::Empty) | None => None,
            Some(other) => panic!("({row}, {col}) holds {other:?}, not a number"),
        }
    }

    fn last_col(&self) -> u32 {
        self.range.end().unwrap().1
    }

    /// The column under `group` (a header over both rows, or a group) and
    /// `sub` (its sub-header).
    fn col(&self, group: T, sub: Option<T>) -> u32 {
        let g = group.get(self.lang);
        let mut current = String::new();
        for c in 0..=self.last_col() {
            let top = self.text(self.header, c);
            if !top.is_empty() {
                current = top;
            }
            let below = if self.two {
                self.text(self.header + 1, c)
            } else {
                String::new()
            };
            let matches_group = current == g || current.ends_with(&format!(" {g}"));
            match sub {
                None if matches_group && below.is_empty() => return c,
                Some(s) if matches_group && below == s.get(self.lang) => return c,
                _ => {}
            }
        }
        panic!(
            "no column {group:?} / {sub:?} in the header at row {}",
            self.header + 1
        )
    }

    fn first_data_row(&self) -> u32 {
        self.header + if self.two { 2 } else { 1 }
    }

    /// The data rows whose `col` reads `text`.
    fn rows_with(&self, col: u32, text: &str) -> Vec<u32> {
        (self.first_data_row()..=self.range.end().unwrap().0)
            .filter(|r| self.text(*r, col) == text)
            .collect()
    }

    fn row_of(&self, col: u32, text: &str) -> u32 {
        *self
            .rows_with(col, text)
            .first()
            .unwrap_or_else(|| panic!("no row reads {text:?} in column {col}"))
    }
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// A figure of the expected JSON by its path (`trained.audit`).
fn at<'v>(v: &'v Value, path: &str) -> &'v Value {
    path.split('.').fold(v, |v, k| &v[k])
}

fn close(actual: Option<f64>, expected: Option<f64>, what: &str) {
    match (actual, expected) {
        (Some(a), Some(e)) => assert!(
            (a - e).abs() <= 1e-9 * e.abs().max(1.0),
            "{what}: {a} != {e}"
        ),
        (a, e) => assert_eq!(a, e, "{what}"),
    }
}

const CATEGORIES: [(T, &str); 5] = [
    (T::CatMembers, "trained.members"),
    (T::CatAudit, "trained.audit"),
    (T::CatActivists, "trained.activists"),
    (T::CatChairs, "trained.chairs"),
    (T::CatConciliation, "trained.conciliation"),
];

fn unit_name(p: &Pipeline, id: &str, lang: Lang) -> String {
    p.unit(id).unwrap().name(lang).to_string()
}

#[test]
fn figures_on_every_sheet_match_the_reference() {
    let shared = shared();
    let p = pipeline();
    let lang = Lang::Kk;
    let o = run(&p, &shared, lang);
    let exp = expected(&shared);
    let region = &exp["region"];
    let units = exp["units"].as_array().unwrap();
    let mut book = open(bytes_of(&o));

    // The first sheet: the seed's indicator rows under the as-of date.
    let s = Table::of(&mut book, T::SheetSummary, lang);
    let value = s.col(T::Indicator, None) + 1;
    assert_eq!(s.text(s.header, value), "01.04.2026");
    let label = s.col(T::Indicator, None);
    let mut rows = vec![
        (T::IndMembers, "members"),
        (T::IndTrained, "trained.total"),
        (T::IndShare, "trained_share"),
    ];
    rows.extend(CATEGORIES.iter().copied());
    for (t, path) in rows {
        // The share as the pipeline shows it (cut to one decimal).
        let want = num(at(region, path)).map(|v| match t {
            T::IndShare => p.share.apply(v),
            _ => v,
        });
        close(s.value(s.row_of(label, t.get(lang)), value), want, path);
    }
    let further = [
        (T::OrgsReported, "orgs_reported"),
        (T::OrgsRegistry, "orgs_registry"),
        (T::UnitsReported, "units_reported"),
        (T::UnitsExpected, "units_expected"),
        (T::EventsHeld, "events"),
        (T::EventParticipants, "participants"),
    ];
    for (t, path) in further {
        close(
            s.value(s.row_of(label, t.get(lang)), value),
            num(at(region, path)),
            path,
        );
    }
    let finance_row = (s.first_data_row()..300)
        .find(|r| {
            s.text(*r, label).starts_with(
                &T::FinanceShareLine
                    .get(lang)
                    .chars()
                    .take(20)
                    .collect::<String>(),
            )
        })
        .expect("the financing line");
    close(
        s.value(finance_row, value),
        num(at(region, "finance.share")),
        "finance.share",
    );
    // Without history there is no previous-year column.
    assert!((0..=s.last_col()).all(|c| s.text(s.header, c) != T::Change.get(lang)));

    // Units: every figure of every unit, and the region's total row.
    let u = Table::of(&mut book, T::SheetUnits, lang);
    let name_col = u.col(T::Unit, None);
    let cols: Vec<(u32, &str)> = {
        let mut v = vec![
            (u.col(T::Orgs, Some(T::Reported)), "orgs_reported"),
            (u.col(T::Orgs, Some(T::InRegistry)), "orgs_registry"),
            (u.col(T::Members, None), "members"),
            (u.col(T::Trained, Some(T::TrainedTotal)), "trained.total"),
            (u.col(T::Trained, Some(T::ShareTrained)), "trained_share"),
            (u.col(T::Events, Some(T::EventsCount)), "events"),
            (u.col(T::Events, Some(T::Participants)), "participants"),
            (u.col(T::Financing, Some(T::Budget)), "finance.budget"),
            (u.col(T::Financing, Some(T::Training)), "finance.training"),
            (u.col(T::Financing, Some(T::TrainingShare)), "finance.share"),
        ];
        v.extend(
            CATEGORIES
                .iter()
                .map(|(t, path)| (u.col(T::Trained, Some(*t)), *path)),
        );
        v
    };
    let unit_rows: Vec<u32> = units
        .iter()
        .map(|x| u.row_of(name_col, &unit_name(&p, x["unit"].as_str().unwrap(), lang)))
        .collect();
    assert!(
        unit_rows.windows(2).all(|w| w[0] < w[1]),
        "units in pipeline order"
    );
    for (x, row) in units.iter().zip(&unit_rows) {
        for (col, path) in &cols {
            // `finance: null` reads as empty cells, never 0.
            let want = if path.starts_with("finance.") && x["finance"].is_null() {
                None
            } else {
                num(at(x, path))
            };
            close(u.value(*row, *col), want, &format!("{} {path}", x["unit"]));
        }
    }
    let total = u.row_of(name_col, T::RegionTotal.get(lang));
    for (col, path) in &cols {
        close(
            u.value(total, *col),
            num(at(region, path)),
            &format!("region {path}"),
        );
    }

    // Organisations: the rows add up to each unit's figures.
    let g = Table::of(&mut book, T::SheetOrgs, lang);
    let (g_unit, g_bin, g_members) = (
        g.col(T::Unit, None),
        g.col(T::Bin, None),
        g.col(T::Members, None),
    );
    let g_total = g.col(T::Trained, Some(T::TrainedTotal));
    let mut g_cats: Vec<(u32, &str)> = CATEGORIES
        .iter()
        .map(|(t, path)| (g.col(T::Trained, Some(*t)), *path))
        .collect();
    g_cats.push((g_members, "members"));
    g_cats.push((g_total, "trained.total"));
    for x in units {
        let rows = g.rows_with(g_unit, &unit_name(&p, x["unit"].as_str().unwrap(), lang));
        let bins: BTreeSet<String> = rows
            .iter()
            .map(|r| g.text(*r, g_bin))
            .filter(|b| !b.is_empty())
            .collect();
        assert_eq!(
            bins.len() as f64,
            x["orgs_reported"].as_f64().unwrap(),
            "{} organisations",
            x["unit"]
        );
        for (col, path) in &g_cats {
            let sum: f64 = rows.iter().filter_map(|r| g.value(*r, *col)).sum();
            close(
                Some(sum),
                num(at(x, path)),
                &format!("{} organisations' {path}", x["unit"]),
            );
        }
    }
    let g_region = g.row_of(g_unit, T::RegionTotal.get(lang));
    close(
        g.value(g_region, g_members),
        num(&region["members"]),
        "organisations' region members",
    );

    // Issue flags: every issue at an organisation's row is named on that row.
    let (g_flags, g_file, g_row) = (
        g.col(T::IssueFlags, None),
        g.col(T::Source, Some(T::File)),
        g.col(T::Source, Some(T::Row)),
    );
    let mut flagged = 0;
    for issue in o.issues.iter().filter(|i| i.org.is_some()) {
        let (Some(file), Some(row)) = (&issue.place.file, issue.place.excel_row()) else {
            continue;
        };
        let Some(r) = g
            .rows_with(g_file, file)
            .into_iter()
            .find(|r| g.value(*r, g_row) == Some(row as f64))
        else {
            continue;
        };
        let title = jinaq::rule_title(issue.rule, lang);
        assert!(
            g.text(r, g_flags).contains(title),
            "row {row} of {file} names {title}"
        );
        flagged += 1;
    }
    assert!(
        flagged >= 3,
        "only {flagged} organisation rows carry issues"
    );

    // Events: one row each, real dates, participants adding up per unit.
    let e = Table::of(&mut book, T::SheetEvents, lang);
    let (e_unit, e_date, e_part) = (
        e.col(T::Unit, None),
        e.col(T::Date, None),
        e.col(T::ParticipantsCount, None),
    );
    let mut event_rows = 0;
    for x in units {
        let rows = e.rows_with(e_unit, &unit_name(&p, x["unit"].as_str().unwrap(), lang));
        assert_eq!(
            rows.len() as f64,
            x["events"].as_f64().unwrap(),
            "{} events",
            x["unit"]
        );
        let sum: f64 = rows.iter().filter_map(|r| e.value(*r, e_part)).sum();
        close(
            Some(sum),
            num(&x["participants"]),
            &format!("{} event participants", x["unit"]),
        );
        for r in &rows {
            assert!(
                matches!(e.range.get_value((*r, e_date)), Some(Data::DateTime(_))),
                "row {} date is a date",
                r + 1
            );
        }
        event_rows += rows.len();
    }
    assert_eq!(event_rows as f64, region["events"].as_f64().unwrap());

    // Forms and topic areas: the total columns per unit, and the categories add up.
    for sheet in [T::SheetForms, T::SheetAreas] {
        let m = Table::of(&mut book, sheet, lang);
        let m_unit = m.col(T::Unit, None);
        let (m_events, m_part) = (
            m.col(T::Total, Some(T::EventsLower)),
            m.col(T::Total, Some(T::Participants)),
        );
        for x in units {
            let row = m.row_of(m_unit, &unit_name(&p, x["unit"].as_str().unwrap(), lang));
            close(
                m.value(row, m_events),
                num(&x["events"]),
                &format!("{sheet:?} {} events", x["unit"]),
            );
            close(
                m.value(row, m_part),
                num(&x["participants"]),
                &format!("{sheet:?} {} participants", x["unit"]),
            );
            let split: f64 = (m_unit + 1..m_events)
                .step_by(2)
                .filter_map(|c| m.value(row, c))
                .sum();
            close(
                Some(split),
                num(&x["events"]),
                &format!("{sheet:?} {} events by category", x["unit"]),
            );
        }
        let row = m.row_of(m_unit, T::RegionTotal.get(lang));
        close(
            m.value(row, m_events),
            num(&region["events"]),
            &format!("{sheet:?} region events"),
        );
        close(
            m.value(row, m_part),
            num(&region["participants"]),
            &format!("{sheet:?} region participants"),
        );
    }

    // Priority areas: every topic area's events add up to the region's.
    let a = Table::of(&mut book, T::SheetPriority, lang);
    let (a_name, a_events) = (a.col(T::TopicAreaHeader, None), a.col(T::Events, None));
    let total_row = a.row_of(a_name, T::RegionTotal.get(lang));
    let by_area: f64 = (a.first_data_row()..total_row)
        .filter_map(|r| a.value(r, a_events))
        .sum();
    close(
        Some(by_area),
        num(&region["events"]),
        "events by topic area",
    );
    for term in p.topic_areas.terms.iter().filter(|t| t.priority) {
        let row = a.row_of(a_name, term.name(lang));
        assert_eq!(
            a.text(row, a.col(T::Priority, None)),
            T::PriorityMark.get(lang),
            "{} is marked",
            term.id
        );
    }

    // Survey: events per unit.
    let v = Table::of(&mut book, T::SheetSurvey, lang);
    let (v_group, v_name, v_events) = (
        v.col(T::GroupedBy, None),
        v.col(T::Name, None),
        v.col(T::Events, None),
    );
    for x in units
        .iter()
        .filter(|x| x["events"].as_f64().unwrap_or(0.0) > 0.0)
    {
        let name = unit_name(&p, x["unit"].as_str().unwrap(), lang);
        let row = v
            .rows_with(v_name, &name)
            .into_iter()
            .find(|r| v.text(*r, v_group) == T::ByUnit.get(lang))
            .unwrap_or_else(|| panic!("survey row of {name}"));
        close(
            v.value(row, v_events),
            num(&x["events"]),
            &format!("survey {name} events"),
        );
    }

    // Financing: per unit and the region's sum over sum.
    let f = Table::of(&mut book, T::SheetFinance, lang);
    let f_unit = f.col(T::Unit, None);
    let f_cols = [
        (f.col(T::BudgetHeader, None), "budget"),
        (f.col(T::TrainingHeader, None), "training"),
        (f.col(T::TrainingShareHeader, None), "share"),
    ];
    for x in units
        .iter()
        .map(|x| (x["unit"].as_str().unwrap(), &x["finance"]))
        .chain([("", &region["finance"])])
    {
        let row = if x.0.is_empty() {
            f.row_of(f_unit, T::RegionTotal.get(lang))
        } else {
            f.row_of(f_unit, &unit_name(&p, x.0, lang))
        };
        for (col, key) in f_cols {
            close(
                f.value(row, col),
                x.1.get(key).and_then(num),
                &format!("{} finance.{key}", x.0),
            );
        }
    }

    // The chart data: share trained by unit.
    let c = book.worksheet_range(T::SheetCharts.get(lang)).unwrap();
    for x in units {
        let name = unit_name(&p, x["unit"].as_str().unwrap(), lang);
        let cell = c
            .used_cells()
            .find(|(_, _, d)| matches!(d, Data::String(s) if *s == name))
            .expect("unit in chart data");
        let share = c.get((cell.0, cell.1 + 1)).and_then(|d| d.as_f64());
        close(share, num(&x["trained_share"]), &format!("chart {name}"));
    }
}

/// Every text the inputs gave, which may be in any language or script.
fn data_texts(o: &Outcome) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for r in &o.reports {
        set.insert(r.rel.clone());
        set.insert(r.name.clone());
        if let Some(c) = &r.coverage {
            set.insert(c.sheet.clone());
            set.extend(c.rows.iter().map(|x| x.name.clone()));
        }
        if let Some(e) = &r.events {
            set.insert(e.sheet.clone());
            for x in &e.rows {
                set.extend([
                    x.topic.clone(),
                    x.venue.clone(),
                    x.form_written.trim().into(),
                    x.topic_area_written.trim().into(),
                ]);
            }
        }
        if let Some(f) = &r.finance {
            set.insert(f.sheet.clone());
        }
    }
    set.extend(o.registry.orgs.iter().map(|x| x.name.clone()));
    set
}

/// Texts of the workbook that are labels, not data: strings of every sheet
/// that the inputs did not give.
fn label_texts(book: &mut Book, data: &BTreeSet<String>) -> Vec<(String, String)> {
    let link_file = format!("discrepancies-{PERIOD}.xlsx");
    let mut out = Vec::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).unwrap();
        for (_, _, d) in range.used_cells() {
            if let Data::String(s) = d {
                if !data.contains(s) {
                    out.push((sheet.clone(), s.replace(&link_file, "")));
                }
            }
        }
        out.push((sheet.clone(), sheet.clone()));
    }
    out
}

#[test]
fn a_kazakh_run_has_no_english_and_a_russian_run_no_kazakh() {
    let shared = shared();
    let p = pipeline();
    let kk_only = |c: char| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c);
    for (lang, bad, what) in [
        (
            Lang::Kk,
            (|c: char| c.is_ascii_alphabetic()) as fn(char) -> bool,
            "Latin",
        ),
        (Lang::Ru, kk_only as fn(char) -> bool, "Kazakh"),
    ] {
        let o = run(&p, &shared, lang);
        let data = data_texts(&o);
        let mut book = open(bytes_of(&o));
        let labels = label_texts(&mut book, &data);
        assert!(
            labels.len() > 100,
            "{lang}: only {} labels read",
            labels.len()
        );
        let offending: Vec<_> = labels.iter().filter(|(_, s)| s.chars().any(bad)).collect();
        assert!(
            offending.is_empty(),
            "{lang} run has {what} label text: {offending:?}"
        );
    }
}

#[test]
fn two_runs_give_the_same_bytes() {
    let shared = shared();
    let p = pipeline();
    let first = bytes_of(&run(&p, &shared, Lang::Kk));
    let second = bytes_of(&run(&p, &shared, Lang::Kk));
    assert!(first.len() > 10_000);
    assert!(first == second, "two builds from the same inputs differ");
}

#[test]
fn the_previous_year_appears_beside_the_period_when_history_has_it() {
    let shared = shared();
    let p = pipeline();
    let lang = Lang::Ru;
    let mut o = run(&p, &shared, lang);
    // Last year's figures: made from this year's so the test needs no
    // figures of its own; the seed's jump of activists (x4.75) included.
    let now = o.consolidation.region.clone();
    let mut before: Figures = now.clone();
    before.members = now.members.map(|m| m - 89.0);
    before.trained.activists = now.trained.activists.map(|a| (a / 4.75).round());
    before.trained_share = Some(before.trained.total.unwrap() / before.members.unwrap() * 0.9);
    before.events = None;
    o.previous_year = Some(Snapshot {
        period: Period::new(2025, 3).unwrap(),
        region: before.clone(),
        units: Default::default(),
        orgs: Default::default(),
        imported: None,
    });
    let mut book = open(bytes_of(&o));
    let s = Table::of(&mut book, T::SheetSummary, lang);
    let (label, now_col) = (s.col(T::Indicator, None), s.col(T::Indicator, None) + 1);
    assert_eq!(s.text(s.header, now_col), "01.04.2026");
    let prev_col = (0..=s.last_col())
        .find(|c| s.text(s.header, *c) == "01.04.2025")
        .expect("the previous year's column");
    let change = s.col(T::Change, None);
    let change_pct = s.col(T::ChangePct, None);

    let members = s.row_of(label, T::IndMembers.get(lang));
    close(
        s.value(members, prev_col),
        before.members,
        "previous members",
    );
    close(
        s.value(members, change),
        Some(now.members.unwrap() - before.members.unwrap()),
        "members change",
    );
    let activists = s.row_of(label, T::CatActivists.get(lang));
    let (a_now, a_before) = (
        now.trained.activists.unwrap(),
        before.trained.activists.unwrap(),
    );
    close(
        s.value(activists, change_pct),
        Some((a_now - a_before) / a_before),
        "activists change, %",
    );
    // A share changes in percentage points; its relative change stays empty.
    let share = s.row_of(label, T::IndShare.get(lang));
    // Counted from the shares as the first sheet shows them (cut to one
    // decimal by the shipped pipeline), to the tenth of a point.
    let shown = |v: Option<f64>| p.share.apply(v.unwrap());
    let points = ((shown(now.trained_share) - shown(before.trained_share)) * 1000.0).round() / 10.0;
    close(
        s.value(share, change),
        Some(points),
        "share change in points",
    );
    assert_eq!(s.value(share, change_pct), None);
    // Events of last year were not reported: empty, and no change.
    let events = s.row_of(label, T::EventsHeld.get(lang));
    assert_eq!(
        (s.value(events, prev_col), s.value(events, change)),
        (None, None)
    );
}

#[test]
fn a_unit_without_a_report_reads_empty_and_timeliness_follows_the_due_day() {
    let shared = shared();
    let p = pipeline();
    let lang = Lang::Kk;
    let exp = expected(&shared);
    let source = shared.join(PERIOD);
    let inbox =
        std::env::temp_dir().join(format!("jinaq-consolidated-book-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&inbox);
    std::fs::create_dir_all(&inbox).unwrap();
    let unit_of = |file: &str| {
        exp["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["file"] == file)
            .map(|u| u["unit"].as_str().unwrap().to_string())
    };
    let (mut missing, mut early, mut late) = (None, None, None);
    for entry in std::fs::read_dir(&source).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        let unit = unit_of(&name);
        if missing.is_none() && unit.as_deref() == Some("yrgyz") {
            missing = unit;
            continue;
        }
        std::fs::copy(entry.path(), inbox.join(&name)).unwrap();
        match unit.as_deref() {
            Some("alga") => early = unit,
            Some("kobda") => late = unit,
            _ => {}
        }
    }
    let (missing, early, late) = (missing.unwrap(), early.unwrap(), late.unwrap());
    // The specialist's record overrides the saved times: Алға on the due
    // day (by its Kazakh name), Қобда the day after (by the Russian one).
    std::fs::write(
        inbox.join("received.csv"),
        format!(
            "Аудан;Дата поступления\n{};05.04.2026\n{};2026-04-06\n",
            unit_name(&p, &early, Lang::Kk),
            unit_name(&p, &late, Lang::Ru)
        ),
    )
    .unwrap();
    let o = process(&Request {
        pipeline: &p,
        input: inbox.clone(),
        registry: shared.join("registry.xlsx"),
        period: Some(PERIOD.parse().unwrap()),
        lang,
        progress: false,
        history: None,
    })
    .unwrap();
    let mut book = open(bytes_of(&o));
    std::fs::remove_dir_all(&inbox).unwrap();

    let u = Table::of(&mut book, T::SheetUnits, lang);
    let name_col = u.col(T::Unit, None);
    let status = u.col(T::Report, Some(T::Status));
    let timeliness = u.col(T::Report, Some(T::Timeliness));
    let row = u.row_of(name_col, &unit_name(&p, &missing, lang));
    assert_eq!(u.text(row, status), T::NotReceived.get(lang));
    for (group, sub) in [
        (T::Members, None),
        (T::Trained, Some(T::TrainedTotal)),
        (T::Events, Some(T::EventsCount)),
    ] {
        assert_eq!(
            u.value(row, u.col(group, sub)),
            None,
            "{missing} {group:?} {sub:?} is empty, not 0"
        );
    }
    // The registry still knows the unit's organisations.
    assert!(u.value(row, u.col(T::Orgs, Some(T::InRegistry))).unwrap() > 0.0);
    assert_eq!(
        u.text(u.row_of(name_col, &unit_name(&p, &early, lang)), timeliness),
        T::OnTime.get(lang)
    );
    assert_eq!(
        u.text(u.row_of(name_col, &unit_name(&p, &late, lang)), timeliness),
        T::Late.get(lang)
    );
    let from = u.col(T::Report, Some(T::DateFrom));
    for unit in [&early, &late] {
        assert_eq!(
            u.text(u.row_of(name_col, &unit_name(&p, unit, lang)), from),
            T::FromRecorded.get(lang)
        );
    }

    // The region's figures leave the unit out; the first sheet counts 13 reports.
    let gone = exp["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["unit"] == missing.as_str())
        .unwrap();
    let s = Table::of(&mut book, T::SheetSummary, lang);
    let (label, value) = (s.col(T::Indicator, None), s.col(T::Indicator, None) + 1);
    let members = exp["region"]["members"].as_f64().unwrap() - gone["members"].as_f64().unwrap();
    close(
        s.value(s.row_of(label, T::IndMembers.get(lang)), value),
        Some(members),
        "members without the unit",
    );
    let reported = exp["region"]["units_reported"].as_f64().unwrap() - 1.0;
    close(
        s.value(s.row_of(label, T::UnitsReported.get(lang)), value),
        Some(reported),
        "units reported",
    );
}

/// The organisations sheet of the shipped sample month: every data cell
/// carries its column's look (borders, counts with thousands, shares in per
/// cent), blanks included, and a row with issues names them in colour.
#[test]
fn every_organisation_cell_has_its_columns_format() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let p = pipeline();
    let o = process(&Request {
        pipeline: &p,
        input: root.join("samples/inbox"),
        registry: root.join("samples/registry.xlsx"),
        period: Some(PERIOD.parse().unwrap()),
        lang: Lang::Kk,
        progress: false,
        history: None,
    })
    .expect("the samples consolidate");
    let mut book = open(bytes_of(&o));
    let g = Table::of(&mut book, T::SheetOrgs, Lang::Kk);
    let styles = book
        .worksheet_style(T::SheetOrgs.get(Lang::Kk))
        .expect("styles read");
    let counts: Vec<u32> = std::iter::once(g.col(T::Members, None))
        .chain(std::iter::once(g.col(T::Trained, Some(T::TrainedTotal))))
        .chain(
            [
                T::CatMembers,
                T::CatAudit,
                T::CatActivists,
                T::CatChairs,
                T::CatConciliation,
            ]
            .map(|t| g.col(T::Trained, Some(t))),
        )
        .collect();
    let share = g.col(T::Trained, Some(T::ShareTrained));
    let flags = g.col(T::IssueFlags, None);
    let unit_col = g.col(T::Unit, None);
    let rows: Vec<u32> = (g.first_data_row()..=g.range.end().unwrap().0)
        .filter(|r| {
            matches!(g.range.get_value((*r, 0)), Some(Data::Float(_)))
                && !g.text(*r, unit_col).is_empty()
        })
        .collect();
    assert_eq!(rows.len(), 168, "the sample month's organisations");
    let mut flagged = 0;
    for &r in &rows {
        for c in 0..=g.last_col() {
            let style = styles
                .get((r, c))
                .unwrap_or_else(|| panic!("no style at ({r}, {c})"));
            let borders = style.borders.as_ref().expect("borders");
            assert_eq!(
                borders.left.style,
                calamine::BorderStyle::Thin,
                "({r}, {c})"
            );
            let code = style
                .number_format
                .as_ref()
                .map(|n| n.format_code.as_str())
                .unwrap_or("General");
            if counts.contains(&c) {
                assert!(code.ends_with("#,##0"), "({r}, {c}): {code}");
            } else if c == share {
                assert!(code.ends_with("0.0%"), "({r}, {c}): {code}");
            } else {
                assert_eq!(code, "General", "({r}, {c})");
            }
        }
        if !g.text(r, flags).is_empty() {
            flagged += 1;
            let font = styles.get((r, flags)).and_then(|s| s.font.as_ref());
            assert!(
                font.and_then(|f| f.color.as_ref()).is_some(),
                "row {r}: issue titles in colour"
            );
        }
    }
    assert!(flagged > 0, "the sample month has rows with issues");
}

#[test]
fn a_workbook_of_values_asks_for_no_recalculation_and_ends_with_the_organisations() {
    let p = pipeline();
    for lang in [Lang::Kk, Lang::Ru] {
        let o = run(&p, &shared(), lang);
        let bytes = bytes_of(&o);
        let parts = zip_parts(&bytes);
        let sheets = parts
            .iter()
            .filter(|(n, _)| n.starts_with("xl/worksheets/sheet"))
            .count();
        assert!(sheets >= 10, "{sheets} sheets");
        let calc = assert_values_only("consolidated", &parts);
        assert!(
            !calc.contains("calcMode"),
            "{calc}: calculation stays automatic"
        );

        let book = open(bytes);
        let names = book.sheet_names();
        assert_eq!(
            names.first().map(String::as_str),
            Some(T::SheetSummary.get(lang))
        );
        assert_eq!(
            names.last().map(String::as_str),
            Some(T::SheetOrgs.get(lang))
        );
        let charts = names.iter().position(|n| n == T::SheetCharts.get(lang));
        assert_eq!(charts, Some(names.len() - 2), "{names:?}");
    }
}

/// The region's verdict on the finance sheet and beside the region's share
/// on the first sheet.
fn region_verdicts(o: &Outcome) -> (String, String) {
    let lang = o.lang;
    let mut book = open(bytes_of(o));
    let f = Table::of(&mut book, T::SheetFinance, lang);
    let region = f.row_of(f.col(T::Unit, None), T::RegionTotal.get(lang));
    let on_finance = f.text(region, f.col(T::AgainstNorm, None));
    let s = Table::of(&mut book, T::SheetSummary, lang);
    let label = s.col(T::Indicator, None);
    let norm = o.pipeline.rule(jinaq::Rule::FinanceBelowNorm).norm;
    let line = T::FinanceShareLine
        .get(lang)
        .replace("{norm}", &jinaq::fmt_pct(norm, lang));
    let row = s.row_of(label, &line);
    let beside = (label + 1..=s.last_col() + 1)
        .map(|c| s.text(row, c))
        .find(|t| !t.is_empty())
        .unwrap_or_default();
    (on_finance, beside)
}

#[test]
fn the_regions_share_meets_the_norm_only_when_every_unit_that_must_report_did() {
    let lang = Lang::En;
    let mut p = pipeline();
    let total = p.units.len();
    let mut o = run(&p, &shared(), lang);
    // Every unit reports financing at the region's own share.
    let share = o
        .consolidation
        .region
        .finance
        .clone()
        .expect("the region's financing");
    for u in o.consolidation.units.iter_mut() {
        u.figures.finance = Some(share.clone());
    }
    let met = o.pipeline.rule(jinaq::Rule::FinanceBelowNorm).norm <= share.share.unwrap();
    let judged = if met { T::MeetsNorm } else { T::BelowNorm }.get(lang);
    let all = format!("{total} of {total} units reported financing");
    for text in <[String; 2]>::from(region_verdicts(&o)) {
        assert!(text.starts_with(judged) && text.contains(&all), "{text}");
    }

    // Every other unit sends none: the norm is not judged, and the count says why.
    let silent: Vec<String> = o
        .consolidation
        .units
        .iter()
        .step_by(2)
        .map(|u| u.unit.clone())
        .collect();
    for u in o.consolidation.units.iter_mut().step_by(2) {
        u.figures.finance = None;
    }
    let some = format!(
        "{} of {total} units reported financing",
        total - silent.len()
    );
    for text in <[String; 2]>::from(region_verdicts(&o)) {
        assert!(text.starts_with(T::NormNotJudged.get(lang)), "{text}");
        assert!(text.contains(&some), "{text}");
    }

    // Those units need not report: the verdict is given again.
    let figures: Vec<_> = o.consolidation.units.clone();
    for u in p.units.iter_mut().filter(|u| silent.contains(&u.id)) {
        u.reports_finance = false;
    }
    let mut o = run(&p, &shared(), lang);
    o.consolidation.units = figures;
    for text in <[String; 2]>::from(region_verdicts(&o)) {
        assert!(text.starts_with(judged) && text.contains(&some), "{text}");
    }
}

#[test]
fn a_change_too_small_to_show_reads_as_zero_never_minus_zero() {
    let p = pipeline();
    let lang = Lang::Ru;
    let mut o = run(&p, &shared(), lang);
    let now = o.consolidation.region.clone();
    // Last year: one member more (a change of a few hundredths of a per
    // cent) and a share higher by a hundredth of a point.
    let mut before: Figures = now.clone();
    before.members = now.members.map(|m| m + 1.0);
    before.trained_share = now.trained_share.map(|s| s + 0.0001);
    o.previous_year = Some(Snapshot {
        period: Period::new(2025, 3).unwrap(),
        region: before,
        units: Default::default(),
        orgs: Default::default(),
        imported: None,
    });
    assert!(now.members.unwrap() > 2000.0, "one member is under 0.05 %");
    let mut book = open(bytes_of(&o));
    let s = Table::of(&mut book, T::SheetSummary, lang);
    let label = s.col(T::Indicator, None);
    let members = s.row_of(label, T::IndMembers.get(lang));
    let share = s.row_of(label, T::IndShare.get(lang));
    let (change, change_pct) = (s.col(T::Change, None), s.col(T::ChangePct, None));
    assert_eq!(s.value(members, change), Some(-1.0));
    for (row, col) in [(members, change_pct), (share, change)] {
        let v = s.value(row, col).expect("a change");
        assert!(v == 0.0 && v.is_sign_positive(), "({row}, {col}) holds {v}");
    }
    // No cell of any sheet holds a negative zero.
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for (r, c, d) in range.used_cells() {
            if let Data::Float(v) = d {
                assert!(
                    !(*v == 0.0 && v.is_sign_negative()),
                    "{name} ({r}, {c}) holds -0"
                );
            }
        }
    }
}

/// The moment from which a local day begins to be `day`'s successor, as the
/// ISO UTC text the fixture manifest uses (offsets east of UTC).
fn local_midnight_after(day: (i32, u32, u32), offset_hours: i64) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:00:00Z",
        day.0,
        day.1,
        day.2,
        24 - offset_hours
    )
}

#[test]
fn received_dates_come_from_the_saved_time_not_the_copy() {
    let p = pipeline();
    let lang = Lang::Ru;
    let fixtures = root().join("tests/fixtures");
    let manifest = read_json(&fixtures.join("saved-times/saved-times.json"));
    let period: Period = manifest["period"].as_str().unwrap().parse().unwrap();
    let inbox = scratch("received-dates");
    // Every file copied now: the file system says "today" for all of them.
    let now = std::time::SystemTime::now();
    let files = manifest["files"].as_object().unwrap();
    for (name, f) in files {
        let from = fixtures.join(match f["from"].as_str().unwrap() {
            "saved-times" => "saved-times",
            _ => "reference-month",
        });
        let copy = inbox.join(name);
        std::fs::copy(from.join(period.to_string()).join(name), &copy).unwrap();
        let file = std::fs::File::options().write(true).open(&copy).unwrap();
        file.set_modified(now).unwrap();
    }
    let o = process(&Request {
        pipeline: &p,
        input: inbox.clone(),
        registry: fixtures.join("reference-month/registry.xlsx"),
        period: Some(period),
        lang,
        progress: false,
        history: None,
    })
    .unwrap();
    let mut book = open(bytes_of(&o));
    let u = Table::of(&mut book, T::SheetUnits, lang);
    let name_col = u.col(T::Unit, None);
    let timeliness = u.col(T::Report, Some(T::Timeliness));
    let from = u.col(T::Report, Some(T::DateFrom));

    // Late: saved on or after midnight after the due day, office time;
    // unknown: saved before the period's last day began.
    let offset = p.utc_offset_secs / 3600;
    let (y, m, _) = period.as_of();
    let late_from = local_midnight_after((y, m, p.due_day), offset);
    let last = period.last_day();
    let before = |d: u32| (last.year, last.month, d);
    let true_from = local_midnight_after(before(last.day - 1), offset);
    let (mut late, mut on_time, mut by_file_system, mut unknown) = (0, 0, 0, 0);
    for r in o
        .reports
        .iter()
        .filter(|r| r.status == jinaq::FileStatus::Read)
    {
        let unit = r.unit.as_deref().unwrap();
        let row = u.row_of(name_col, &unit_name(&p, unit, lang));
        let (got_time, got_from) = (u.text(row, timeliness), u.text(row, from));
        let what = format!("{} ({unit})", r.name);
        match files[&r.name]["saved"].as_str() {
            Some(saved) if saved < true_from.as_str() => {
                assert_eq!(got_from, T::FromUnknown.get(lang), "{what}");
                assert_eq!(got_time, "", "{what}");
                unknown += 1;
            }
            Some(saved) => {
                assert_eq!(got_from, T::FromSaved.get(lang), "{what}");
                let want = if saved >= late_from.as_str() {
                    late += 1;
                    T::Late
                } else {
                    on_time += 1;
                    T::OnTime
                };
                assert_eq!(got_time, want.get(lang), "{what}: saved {saved}");
            }
            None => {
                // Only the copy's time: shown, never judged late.
                assert_eq!(got_from, T::FromFileSystem.get(lang), "{what}");
                assert_eq!(got_time, "", "{what}");
                by_file_system += 1;
            }
        }
    }
    // Every kind is on the month: the test cannot pass by saying nothing.
    assert!(late >= 2 && on_time >= 2, "late {late}, on time {on_time}");
    assert!(unknown >= 1 && by_file_system >= 1);
    let _ = std::fs::remove_dir_all(&inbox);
}
