//! `discrepancies-<period>.xlsx` as its readers get it: the real pipeline run
//! on the reference month (`tests/fixtures/reference-month/2026-03`), the workbook built
//! and read back with calamine (values) and zip (links, dropdowns).

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use jinaq::process;
use jinaq::Lang;
use jinaq::Outcome;
use jinaq::Period;
use jinaq::Request;
use jinaq::Status;
use jinaq::DISCREPANCY_COLUMNS as COLUMNS;
use jinaq::{column, COLUMN_IDS};
use jinaq::{discrepancy_workbook as build, discrepancy_workbook_at as build_at};
use jinaq::{rule_title, severity_label};
use jinaq::{Issue, Place, Rule, Severity};
use jinaq::{Pipeline, DEFAULT_PIPELINE};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The reference month made by real office software.
fn shared() -> PathBuf {
    manifest().join("tests/fixtures/reference-month")
}

fn pipeline() -> Pipeline {
    Pipeline::load(&manifest().join(DEFAULT_PIPELINE)).expect("the shipped pipeline loads")
}

fn run<'p>(p: &'p Pipeline, input: &Path, registry: &Path, lang: Lang) -> Outcome<'p> {
    let request = Request {
        pipeline: p,
        input: input.to_path_buf(),
        registry: registry.to_path_buf(),
        period: Some("2026-03".parse::<Period>().unwrap()),
        lang,
        progress: false,
        history: None,
    };
    process(&request).expect("the reference month runs")
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("the workbook reads back")
}

fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn text(r: &Range<Data>, row: u32, col: u16) -> String {
    match r.get_value((row, col as u32)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn num(r: &Range<Data>, row: u32, col: u16) -> Option<f64> {
    match r.get_value((row, col as u32)) {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

fn col(id: &str) -> u16 {
    column(id).unwrap_or_else(|| panic!("no column {id}"))
}

/// One part of the xlsx package as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("an xlsx is a zip");
    let mut out = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut out)
        .unwrap();
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn unit_name(o: &Outcome, id: Option<&str>) -> String {
    id.and_then(|id| o.pipeline.unit(id))
        .map(|u| u.name(o.lang).to_string())
        .unwrap_or_default()
}

/// The rows of a summary table: the first row at or below `from` whose
/// column B is `label`.
fn find_row(r: &Range<Data>, from: u32, label: &str) -> Option<u32> {
    (from..r.end().map_or(0, |e| e.0 + 1)).find(|row| text(r, *row, 1) == label)
}

fn counts(r: &Range<Data>, row: u32) -> [usize; 4] {
    [2, 3, 4, 5].map(|c| num(r, row, c).unwrap_or(-1.0) as usize)
}

fn severity_counts(issues: &[&Issue]) -> [usize; 4] {
    let n = |s| issues.iter().filter(|i| i.severity == s).count();
    [
        n(Severity::Error),
        n(Severity::Warning),
        n(Severity::Info),
        issues.len(),
    ]
}

#[test]
fn the_reference_month_reads_back_sheet_by_sheet() {
    let shared = shared();
    let p = pipeline();
    for lang in [Lang::Kk, Lang::Ru] {
        let o = run(
            &p,
            &shared.join("2026-03"),
            &shared.join("registry.xlsx"),
            lang,
        );
        assert!(
            o.issues.len() >= 10,
            "the reference month has issues: {}",
            o.issues.len()
        );
        let bytes = build(&o).unwrap();
        let mut book = open(&bytes);

        // Sheets: summary, all issues, then the units with issues in pipeline order.
        let names = book.sheet_names();
        let (summary_name, detail_name) = match lang {
            Lang::Kk => ("Жиынтық", "Барлық мәселелер"),
            _ => ("Сводка", "Все замечания"),
        };
        let units_with_issues: Vec<&str> = p
            .units
            .iter()
            .filter(|u| {
                o.issues
                    .iter()
                    .any(|i| i.unit.as_deref() == Some(u.id.as_str()))
            })
            .map(|u| u.name(lang))
            .collect();
        assert!(units_with_issues.len() >= 5);
        assert_eq!(names[0], summary_name);
        assert_eq!(names[1], detail_name);
        assert_eq!(names.len(), 2 + units_with_issues.len(), "{names:?}");
        for (sheet, unit) in names[2..].iter().zip(&units_with_issues) {
            if unit.chars().count() <= 31 {
                assert_eq!(sheet, unit);
            } else {
                // The Kazakh name of the directly subordinate organisations is too long.
                assert_eq!(sheet, "Тікелей бағынатын ұйымдар");
            }
        }

        // The summary: every unit in pipeline order with its counts, the region total.
        let s = sheet(&mut book, summary_name);
        assert!(text(&s, 0, 0).len() > 10);
        assert!(
            (0..6).any(|r| text(&s, r, 0).contains("01.04.2026")),
            "the as-of date is in the title rows"
        );
        let mut at = 0;
        for (k, u) in p.units.iter().enumerate() {
            let row = find_row(&s, at, u.name(lang))
                .unwrap_or_else(|| panic!("{} is in the summary", u.id));
            assert!(row > at || k == 0, "units in pipeline order");
            at = row;
            assert_eq!(num(&s, row, 0), Some((k + 1) as f64));
            let mine: Vec<&Issue> = o
                .issues
                .iter()
                .filter(|i| i.unit.as_deref() == Some(u.id.as_str()))
                .collect();
            assert_eq!(counts(&s, row), severity_counts(&mine), "{}", u.id);
        }
        let total_label = if lang == Lang::Kk {
            "Облыс бойынша барлығы"
        } else {
            "Итого по области"
        };
        let total = find_row(&s, at, total_label).expect("region total row");
        let all: Vec<&Issue> = o.issues.iter().collect();
        assert_eq!(counts(&s, total), severity_counts(&all));
        assert_eq!(counts(&s, total)[3], o.issues.len());
        // Issues of no unit (files that are not reports) have their own row.
        let no_unit: Vec<&Issue> = o.issues.iter().filter(|i| i.unit.is_none()).collect();
        assert!(!no_unit.is_empty());
        let label = if lang == Lang::Kk {
            "Бөлімшесі анықталмаған"
        } else {
            "Подразделение не определено"
        };
        assert_eq!(
            counts(&s, find_row(&s, 0, label).expect("no-unit row")),
            severity_counts(&no_unit)
        );

        // By check: title, counts and id for every rule that fired.
        let mut rules: Vec<Rule> = o.issues.iter().map(|i| i.rule).collect();
        rules.sort();
        rules.dedup();
        for rule in &rules {
            let row = find_row(&s, total, rule_title(*rule, lang))
                .unwrap_or_else(|| panic!("{rule} in the summary"));
            assert_eq!(text(&s, row, 6), rule.id());
            let mine: Vec<&Issue> = o.issues.iter().filter(|i| i.rule == *rule).collect();
            assert_eq!(counts(&s, row), severity_counts(&mine), "{rule}");
        }

        // All issues: the head, then one row per issue in order.
        let d = sheet(&mut book, detail_name);
        for (c, column) in COLUMNS.iter().enumerate() {
            assert_eq!(
                column.id, COLUMN_IDS[c],
                "laid out as the follow-up reads it"
            );
            assert_eq!(text(&d, 0, c as u16), column.head(lang));
        }
        assert_eq!(
            d.end().unwrap().0 as usize,
            o.issues.len(),
            "one row per issue"
        );
        for (k, i) in o.issues.iter().enumerate() {
            let r = k as u32 + 1;
            assert_eq!(num(&d, r, col("number")), Some((k + 1) as f64));
            assert_eq!(
                text(&d, r, col("severity")),
                capitalised(severity_label(i.severity, lang))
            );
            assert_eq!(text(&d, r, col("unit")), unit_name(&o, i.unit.as_deref()));
            assert_eq!(
                text(&d, r, col("file")),
                i.place.file.clone().unwrap_or_default()
            );
            assert_eq!(
                text(&d, r, col("sheet")),
                i.place.sheet.clone().unwrap_or_default()
            );
            let cell = text(&d, r, col("cell"));
            match i.place.a1() {
                Some(a1) => assert_eq!(cell, a1),
                None if i.place.file.is_some() => assert!(!cell.is_empty()),
                None => assert_eq!(cell, ""),
            }
            assert_eq!(text(&d, r, col("check")), rule_title(i.rule, lang));
            assert_eq!(text(&d, r, col("description")), i.message.trim());
            // Shares as fractions (a stated share comes as per cents) and
            // their difference in percentage points; other values as they are.
            let share = matches!(i.field.as_deref(), Some("trained_share" | "finance.share"));
            let stated = matches!(
                i.rule,
                Rule::RowShareMismatch | Rule::FinanceShareMismatch | Rule::SummaryMismatch
            );
            let per = if share && stated { 100.0 } else { 1.0 };
            let value = |v: &Option<serde_json::Value>| {
                v.as_ref().and_then(|v| v.as_f64()).map(|v| v / per)
            };
            let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                (a, b) => a == b,
            };
            let (e, a) = (value(&i.expected), value(&i.actual));
            assert!(close(num(&d, r, col("expected")), e), "row {r}");
            assert!(close(num(&d, r, col("actual")), a), "row {r}");
            if let (Some(e), Some(a)) = (e, a) {
                let diff = num(&d, r, col("difference")).expect("a difference");
                let want = if share { (a - e) * 100.0 } else { a - e };
                assert!((diff - want).abs() < 1e-6, "row {r}: {diff} vs {want}");
            }
            assert_eq!(text(&d, r, col("status")), Status::New.label(lang));
            assert_eq!(
                Status::parse(&text(&d, r, col("status"))),
                Some(Status::New)
            );
            assert_eq!(text(&d, r, col("rule_id")), i.rule.id());
            assert_eq!(
                text(&d, r, col("unit_id")),
                i.unit.clone().unwrap_or_default()
            );
            assert_eq!(
                text(&d, r, col("org_key")),
                i.org.clone().unwrap_or_default()
            );
            assert_eq!(
                text(&d, r, col("field_id")),
                i.field.clone().unwrap_or_default()
            );
            assert_eq!(text(&d, r, col("severity_id")), i.severity.as_str());
        }
        // Known figures of the reference month: Mugalzhar's total row states
        // 3 120 members against rows adding up to 3 102.
        let k = o
            .issues
            .iter()
            .position(|i| i.rule == Rule::TotalMismatch)
            .expect("a total mismatch") as u32
            + 1;
        assert_eq!(text(&d, k, col("cell")), "C72");
        assert_eq!(num(&d, k, col("difference")), Some(18.0));

        // Each unit's sheet: its issues, numbered as on the sheet of all issues.
        for (name, u) in names[2..].iter().zip(p.units.iter().filter(|u| {
            o.issues
                .iter()
                .any(|i| i.unit.as_deref() == Some(u.id.as_str()))
        })) {
            let us = sheet(&mut book, name);
            let mine: Vec<(usize, &Issue)> = o
                .issues
                .iter()
                .enumerate()
                .filter(|(_, i)| i.unit.as_deref() == Some(u.id.as_str()))
                .collect();
            assert_eq!(us.end().unwrap().0 as usize, mine.len(), "{name}");
            for (k, (n, i)) in mine.iter().enumerate() {
                let r = k as u32 + 1;
                assert_eq!(num(&us, r, col("number")), Some((*n + 1) as f64));
                assert_eq!(text(&us, r, col("description")), i.message.trim());
                assert_eq!(text(&us, r, col("unit_id")), u.id);
            }
        }
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let shared = shared();
    let p = pipeline();
    let o = run(
        &p,
        &shared.join("2026-03"),
        &shared.join("registry.xlsx"),
        Lang::Kk,
    );
    let dir = Path::new("/tmp/out/2026-03");
    assert_eq!(build(&o).unwrap(), build(&o).unwrap());
    assert_eq!(build_at(&o, dir).unwrap(), build_at(&o, dir).unwrap());
    let again = run(
        &p,
        &shared.join("2026-03"),
        &shared.join("registry.xlsx"),
        Lang::Kk,
    );
    assert_eq!(
        build_at(&o, dir).unwrap(),
        build_at(&again, dir).unwrap(),
        "two runs, the same bytes"
    );
}

/// A scratch folder under the system's temporary folder, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("jinaq-disc-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn links_follow_the_tree_and_missing_units_are_listed() {
    let shared = shared();
    let scratch = Scratch::new("links");
    let inbox = scratch.0.join("inbox/2026-03");
    std::fs::create_dir_all(&inbox).unwrap();
    for f in [
        "Есеп Темір наурыз 2026.xlsx",
        "Мұғалжар ауданы наурыз 2026.xlsx",
    ] {
        std::fs::copy(shared.join("2026-03").join(f), inbox.join(f)).unwrap();
    }
    let p = pipeline();
    let o = run(&p, &inbox, &shared.join("registry.xlsx"), Lang::Ru);
    let out = scratch.0.join("output/2026-03");
    let bytes = build_at(&o, &out).unwrap();

    // Links are relative to the workbook's folder: the tree can move.
    let rels = part(&bytes, "xl/worksheets/_rels/sheet2.xml.rels");
    assert!(
        rels.contains(r#"Target="../../inbox/2026-03/%D0%95"#)
            || rels.contains(r#"Target="../../inbox/2026-03/Есеп%20Темір%20наурыз%202026.xlsx""#),
        "{rels}"
    );
    assert!(
        !rels.contains(&scratch.0.display().to_string()),
        "no absolute path: {rels}"
    );
    let sheet2 = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(
        sheet2.contains(r#"location="'Оқыту'!C72""#),
        "the total row's cell: {sheet2}"
    );
    // The status dropdown offers the statuses of the run's language.
    assert!(
        sheet2.contains("<dataValidation type=\"list\""),
        "a dropdown"
    );
    assert!(
        sheet2.contains("Новое,В работе,Исправлено,Дано пояснение,Снято с контроля"),
        "the Russian statuses"
    );
    // Without the folder, the link is the source's absolute path.
    let absolute = part(&build(&o).unwrap(), "xl/worksheets/_rels/sheet2.xml.rels");
    assert!(absolute.contains("/inbox/2026-03/"), "{absolute}");
    assert!(!absolute.contains("Target=\"../"), "{absolute}");

    // Twelve units sent nothing: counted and listed in the summary.
    let missing: Vec<&Issue> = o
        .issues
        .iter()
        .filter(|i| i.rule == Rule::UnitMissing)
        .collect();
    assert_eq!(missing.len(), p.units.len() - 2);
    let mut book = open(&bytes);
    let s = sheet(&mut book, "Сводка");
    let heading = (0..200)
        .find(|r| text(&s, *r, 0) == "Подразделения, не представившие отчёт")
        .expect("the missing units' table");
    for (k, i) in missing.iter().enumerate() {
        let r = heading + 2 + k as u32;
        assert_eq!(num(&s, r, 0), Some((k + 1) as f64));
        assert_eq!(text(&s, r, 1), unit_name(&o, i.unit.as_deref()));
        assert_eq!(text(&s, r, 2), i.message.trim());
    }
    let row = find_row(&s, 0, "Мартукский район").unwrap();
    assert_eq!(text(&s, row, 6), "отчёт не поступил");
}

#[test]
fn report_text_stays_text_and_fits_a_cell() {
    let shared = shared();
    // A pipeline whose unit names are hostile to sheet names.
    let path = manifest().join(DEFAULT_PIPELINE);
    let toml = std::fs::read_to_string(&path).unwrap();
    // (English names: the registry names units in Kazakh and Russian.)
    let hostile = toml
        .replace(
            "en = \"Temir district\"",
            "en = \"'Temir: [district]/*?\\\\ report with a very long name'\"",
        )
        .replace(
            "en = \"Mugalzhar district\"",
            "en = \"TEMIR: [DISTRICT]/*?\\\\ report with a very long name\"",
        );
    assert_ne!(hostile, toml);
    let p = Pipeline::parse(&hostile, &path).expect("the edited pipeline parses");
    let mut o = run(
        &p,
        &shared.join("2026-03"),
        &shared.join("registry.xlsx"),
        Lang::En,
    );
    let formula = "=HYPERLINK(\"http://example.com\",\"click\")";
    let long = "ы".repeat(40_000);
    let mut extra = Issue::new(
        Rule::ValueNotANumber,
        Place::cell("Есеп Темір наурыз 2026.xlsx", "Sheet1", 11, 4),
    )
    .unit(Some("temir"))
    .actual(formula)
    .expected("+1")
    .org(Some("@SUM(A1)"));
    extra.message = format!("{formula}\u{0}\u{7}\t{long}");
    o.issues.push(extra);
    let bytes = build(&o).unwrap();
    let mut book = open(&bytes);
    let names = book.sheet_names();
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    for n in &names {
        assert!(n.chars().map(char::len_utf16).sum::<usize>() <= 31, "{n}");
        assert!(
            !n.contains(['[', ']', ':', '*', '?', '/', '\\'])
                && !n.starts_with('\'')
                && !n.ends_with('\''),
            "{n}"
        );
        assert_eq!(
            lower.iter().filter(|l| **l == n.to_lowercase()).count(),
            1,
            "{n} is unique"
        );
    }
    assert_eq!(names[1], "All issues", "{names:?}");
    let d = sheet(&mut book, "All issues");
    let r = o.issues.len() as u32;
    let message = text(&d, r, col("description"));
    assert!(message.starts_with(formula), "written as text: {message}");
    assert!(
        !message.chars().any(|c| c.is_control()),
        "control characters removed"
    );
    assert!(message.chars().map(char::len_utf16).sum::<usize>() <= 32_767);
    assert_eq!(text(&d, r, col("actual")), formula);
    assert_eq!(text(&d, r, col("expected")), "+1");
    assert_eq!(text(&d, r, col("org_key")), "@SUM(A1)");
    let sheet_xml = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(
        !sheet_xml.contains("<f>"),
        "no formula anywhere in the issue list"
    );
}

#[test]
fn a_month_without_issues_still_makes_a_workbook() {
    let shared = shared();
    let p = pipeline();
    let mut o = run(
        &p,
        &shared.join("2026-03"),
        &shared.join("registry.xlsx"),
        Lang::Ru,
    );
    o.issues.clear();
    let bytes = build(&o).unwrap();
    let mut book = open(&bytes);
    assert_eq!(book.sheet_names(), ["Сводка", "Все замечания"]);
    let s = sheet(&mut book, "Сводка");
    let total = find_row(&s, 0, "Итого по области").unwrap();
    assert_eq!(counts(&s, total), [0, 0, 0, 0]);
    assert!(find_row(&s, total, "Все подразделения представили отчёты.").is_some());
    let d = sheet(&mut book, "Все замечания");
    assert_eq!(d.end().map(|e| e.0), Some(0), "the head row only");
}

/// The discrepancy workbook and every district's file hold values only and
/// say so: no formula in a sheet, no recalculation asked of Excel on
/// opening (which would ask "Save changes?" of a file nobody changed).
#[test]
fn the_issue_workbooks_ask_for_no_recalculation() {
    let out = crate::common::scratch("discrepancy-values-only");
    let samples = crate::common::root().join("samples");
    crate::common::consolidate_ok(
        &samples.join("inbox"),
        &samples.join("registry.xlsx"),
        "2026-03",
        &out,
    );
    let period = out.join("2026-03");
    let mut books = vec![period.join("discrepancies-2026-03.xlsx")];
    for e in std::fs::read_dir(period.join("districts")).unwrap() {
        books.push(e.unwrap().path());
    }
    assert!(books.len() > 5, "{books:?}");
    for book in &books {
        let parts = crate::common::zip_parts(&std::fs::read(book).unwrap());
        crate::common::assert_values_only(&book.display().to_string(), &parts);
    }
}
