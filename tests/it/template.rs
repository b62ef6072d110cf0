//! The district form (`jinaq template`): made for every unit in both
//! languages and read back as it is (calamine: sheets, headers, БСН, cached
//! formula results) and as a district fills it (values typed by openpyxl,
//! formulas recalculated by LibreOffice), with not a single issue from
//! `check` or `consolidate`; deliberate mistakes are caught at their cells.
//!
//! Filling needs python3 with openpyxl and LibreOffice; where they are
//! missing those tests say so and pass. Forms filled that way once are
//! committed under `tests/fixtures/filled/` (made by
//! `tests/fixtures/gen/fill_template.py fixtures`), so read-back of filled
//! forms is always tested.

use crate::common::*;
use crate::golden::assert_kept;
use calamine::{Data, Reader, SheetVisible, Xlsx};
use jinaq::Lang;
use jinaq::Registry;
use jinaq::{Pipeline, DEFAULT_PIPELINE};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const PERIOD: &str = "2026-03";

fn pipeline() -> Pipeline {
    Pipeline::load(&root().join(DEFAULT_PIPELINE)).expect("the shipped pipeline loads")
}

fn registry_path() -> PathBuf {
    root().join("tests/fixtures/registry.xlsx")
}

fn registry(p: &Pipeline) -> Registry {
    Registry::load(&registry_path(), p).expect("the fixture registry loads")
}

/// Makes the form of `unit` in `dir` (history looked up in `output`, an
/// empty folder unless given); returns its path.
fn make_form(dir: &Path, unit: &str, lang: &str, period: &str, output: Option<&Path>) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let no_history = dir.join(".no-history");
    let output = output.unwrap_or(&no_history);
    let before: Vec<_> = xlsx_in(dir);
    let out = jinaq(&[
        "template",
        "--unit",
        unit,
        "--period",
        period,
        "--registry",
        registry_path().to_str().unwrap(),
        "--lang",
        lang,
        "--output",
        output.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "template {unit} {lang}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let made: Vec<PathBuf> = xlsx_in(dir)
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    made[0].clone()
}

fn xlsx_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn lang_of(code: &str) -> Lang {
    code.parse().unwrap()
}

/// `jinaq check` on files; (exit code, stdout).
fn check(files: &[PathBuf], lang: &str, extra: &[&str]) -> (i32, String) {
    let mut args = vec![
        "check".to_string(),
        "--registry".into(),
        registry_path().to_str().unwrap().into(),
        "--lang".into(),
        lang.into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(files.iter().map(|f| f.to_str().unwrap().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    jinaq_ok(&args)
}

/// The line `check` prints for a file without a single issue.
fn clean_line(lang: &str) -> &'static str {
    match lang {
        "ru" => "Ошибок и замечаний нет.",
        _ => "Қате де, ескерту де жоқ.",
    }
}

fn assert_check_clean(files: &[PathBuf], lang: &str, extra: &[&str]) {
    let (code, out) = check(files, lang, extra);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.matches(clean_line(lang)).count(),
        files.len(),
        "every file checks clean:\n{out}"
    );
}

/// Consolidates a folder; returns (summary, issues).
fn consolidate(inbox: &Path, out: &Path) -> (Value, Vec<Value>) {
    consolidate_ok(inbox, &registry_path(), PERIOD, out);
    let summary = read_json(&out.join(format!("{PERIOD}/summary-{PERIOD}.json")));
    let log = read_json(&out.join(format!("{PERIOD}/discrepancies-{PERIOD}.json")));
    (summary, log["issues"].as_array().unwrap().clone())
}

/// Issues other than `unit.missing` of a unit that has no file in the inbox.
fn unexpected(issues: &[Value], units_present: &[String]) -> Vec<String> {
    issues
        .iter()
        .filter(|i| {
            let absent_unit = !units_present.iter().any(|u| i["unit"] == u.as_str());
            i["rule"] != "unit.missing" || !absent_unit
        })
        .map(|i| {
            format!(
                "{} {} {}!{}: {}",
                i["rule"], i["file"], i["sheet"], i["cell"], i["message"]
            )
        })
        .collect()
}

fn unit_of_file(p: &Pipeline, path: &Path) -> String {
    let stem = path.file_stem().unwrap().to_str().unwrap();
    let name = stem.rsplit_once('_').map_or(stem, |(n, _)| n);
    p.unit_by_name(name)
        .unwrap_or_else(|| panic!("no unit named {name}"))
        .id
        .clone()
}

/// Compares a unit's figures in the summary with what the fill script wrote.
fn figures_match(summary: &Value, unit: &str, want: &Value) -> Vec<String> {
    let Some(got) = summary["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == unit)
    else {
        return vec![format!("{unit}: not in the summary")];
    };
    let mut expected = serde_json::Map::new();
    for k in ["members", "trained", "events", "participants", "finance"] {
        expected.insert(k.into(), want[k].clone());
    }
    expected.insert("orgs_reported".into(), want["orgs"].clone());
    let mut diffs = Vec::new();
    diff_json(&Value::Object(expected), got, unit, &[], &mut diffs);
    diffs
}

/// Each mistake the fill script made is reported at its cell, and every
/// error reported is one of them.
fn mistakes_caught(issues: &[Value], file: &str, want: &Value) -> Vec<String> {
    let mine: Vec<&Value> = issues.iter().filter(|i| i["file"] == file).collect();
    let want = want["mistakes"].as_array().unwrap();
    let mut problems = Vec::new();
    for m in want {
        if !mine
            .iter()
            .any(|i| i["rule"] == m["rule"] && i["sheet"] == m["sheet"] && i["cell"] == m["cell"])
        {
            problems.push(format!(
                "{file}: {} at {}!{} not reported",
                m["rule"], m["sheet"], m["cell"]
            ));
        }
    }
    for i in mine.iter().filter(|i| i["severity"] == "error") {
        if !want
            .iter()
            .any(|m| i["rule"] == m["rule"] && i["cell"] == m["cell"])
        {
            problems.push(format!(
                "{file}: unexpected error {} at {}!{}",
                i["rule"], i["sheet"], i["cell"]
            ));
        }
    }
    problems
}

// ------------------------------------------------------------ as made

fn text(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("({row}, {col}): {other:?}"),
    }
}

fn number(range: &calamine::Range<Data>, row: u32, col: u32) -> f64 {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => *f,
        Some(Data::Int(i)) => *i as f64,
        other => panic!("({row}, {col}): {other:?}"),
    }
}

#[test]
fn every_unit_gets_a_form_that_opens_and_reads_back_clean() {
    let p = pipeline();
    let reg = registry(&p);
    let dir = scratch("template-every-unit");
    for lang in ["kk", "ru"] {
        let mut files = Vec::new();
        for u in &p.units {
            let path = make_form(&dir.join(lang), &u.id, lang, PERIOD, None);
            assert_eq!(
                path.file_name().unwrap().to_str().unwrap(),
                format!("{}_{PERIOD}.xlsx", u.name(lang_of(lang)))
            );
            let orgs: Vec<_> = reg.in_unit(&u.id).map(|(_, o)| o).collect();

            let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
            let sheets: Vec<String> = wb.sheet_names();
            let want: &[&str] = match lang {
                "ru" => &["Обучение", "Мероприятия", "Финансирование", "Инструкция"],
                _ => &["Оқыту", "Іс-шаралар", "Қаржы", "Нұсқаулық"],
            };
            assert_eq!(sheets, want, "{}", u.id);
            assert!(wb
                .sheets_metadata()
                .iter()
                .all(|s| s.visible == SheetVisible::Visible));
            let cov = wb.worksheet_range(want[0]).unwrap();
            let formulas = wb.worksheet_formula(want[0]).unwrap();
            assert_eq!(text(&cov, 0, 0), u.name(lang_of(lang)));
            let (h, first) = (6, 8);
            let (number_head, bin_head, group) = match lang {
                "ru" => ("№ п/п", "БИН", "в том числе"),
                _ => ("№ р/с", "БСН", "оның ішінде"),
            };
            assert_eq!(text(&cov, h, 0), number_head);
            assert_eq!(text(&cov, h, 2), bin_head);
            assert_eq!(text(&cov, h, 5), group);
            assert!(!text(&cov, h + 1, 9).is_empty());
            for (i, o) in orgs.iter().enumerate() {
                let r = first + i as u32;
                assert_eq!(number(&cov, r, 0), (i + 1) as f64);
                assert_eq!(text(&cov, r, 1), o.name);
                assert_eq!(text(&cov, r, 2), o.id, "БСН as 12-digit text");
                assert_eq!(number(&cov, r, 3), o.members.unwrap());
                assert_eq!(number(&cov, r, 4), 0.0, "cached SUM");
                assert_eq!(number(&cov, r, 10), 0.0, "cached share");
            }
            // The total row: formulas with their results stored.
            let t = first + orgs.len() as u32;
            let members: f64 = orgs.iter().map(|o| o.members.unwrap()).sum();
            assert_eq!(number(&cov, t, 3), members);
            assert_eq!(number(&cov, t, 4), 0.0);
            let f = |r: u32, c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
            assert_eq!(f(first, 4), "SUM(F9:J9)");
            assert_eq!(f(first, 10), "IF(D9>0,ROUND(E9/D9*100,1),0)");
            assert_eq!(f(t, 3), format!("SUM(D9:D{})", t));
            files.push(path);
        }
        // As made, each form is already a valid report.
        assert_check_clean(&files, lang, &[]);
        let (summary, issues) = consolidate(&dir.join(lang), &dir.join(format!("out-{lang}")));
        assert!(issues.is_empty(), "{lang}: {:#?}", unexpected(&issues, &[]));
        assert_eq!(summary["region"]["units_reported"], 14);
        assert_eq!(summary["region"]["trained"]["total"], 0);
    }
}

#[test]
fn two_generations_are_byte_identical() {
    let dir = scratch("template-twice");
    for lang in ["kk", "ru"] {
        let made = make_form(&dir.join("a"), "khromtau", lang, PERIOD, None);
        let a = std::fs::read(&made).unwrap();
        let b = std::fs::read(make_form(&dir.join("b"), "khromtau", lang, PERIOD, None)).unwrap();
        assert!(a == b, "{lang}: two generations differ");
        assert_kept(&made, &format!("template-{lang}.xlsx"));
    }
}

#[test]
fn the_unit_is_named_by_id_or_either_name_and_mistakes_in_flags_stop_the_run() {
    let dir = scratch("template-names");
    for (name, lang) in [
        ("alga", "kk"),
        ("Алға ауданы", "ru"),
        ("Алгинский район", "kk"),
    ] {
        let d = dir.join(format!("{name}-{lang}"));
        let path = make_form(&d, name, lang, PERIOD, None);
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        assert!(
            stem == "Алға ауданы_2026-03" || stem == "Алгинский район_2026-03",
            "{stem}"
        );
    }
    let out = dir.join("x.xlsx");
    let registry = registry_path();
    for args in [
        vec!["--unit", "nowhere", "--period", PERIOD],
        vec!["--unit", "alga", "--period", "2026-13"],
        vec!["--unit", "alga", "--period", PERIOD, "--lang", "en"],
    ] {
        let mut all = vec!["template"];
        all.extend(args.iter());
        all.extend([
            "--registry",
            registry.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        let o = jinaq(&all);
        assert_eq!(o.status.code(), Some(2), "{all:?}");
        assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
        assert!(!out.exists());
    }
}

/// The shipped pipeline with one topic area too long (and holding a comma)
/// for a list written into the validation itself.
fn long_lists_pipeline(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(root().join(DEFAULT_PIPELINE)).unwrap();
    let path = dir.join("long-lists.toml");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        &path,
        format!(
            "{text}\n[[vocabulary.topic_areas]]\nid = \"long\"\nkk = \"{kk}\"\nru = \"{ru}\"\nen = \"Long\"\naliases = []\n",
            kk = "Кәсіподақ ұйымдарының әлеуметтік әріптестікті, еңбекті қорғауды және жастар саясатын дамытудағы рөлі",
            ru = "Роль профсоюзных организаций в развитии социального партнёрства, охраны труда и молодёжной политики",
        ),
    )
    .unwrap();
    path
}

fn long_lists_form(dir: &Path, pipeline: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("Темір ауданы_2026-03 (тізімдер).xlsx");
    let o = jinaq(&[
        "template",
        "--unit",
        "temir",
        "--period",
        PERIOD,
        "--pipeline",
        pipeline.to_str().unwrap(),
        "--registry",
        registry_path().to_str().unwrap(),
        "--output",
        dir.join(".no-history").to_str().unwrap(),
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    path
}

#[test]
fn lists_too_long_for_a_cell_go_to_a_hidden_sheet() {
    let dir = scratch("template-long-lists");
    let pipeline = long_lists_pipeline(&dir);
    let path = long_lists_form(&dir.join("form"), &pipeline);
    assert_kept(&path, "template-lists.xlsx");
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let meta: Vec<(String, SheetVisible)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible))
        .collect();
    assert_eq!(
        meta.last().unwrap(),
        &("Тізімдер".to_string(), SheetVisible::Hidden)
    );
    let lists = wb.worksheet_range("Тізімдер").unwrap();
    assert_eq!(text(&lists, 0, 0), "Тақырыптық семинар");
    assert_eq!(text(&lists, 7, 1), "Кәсіподақ ұйымдарының әлеуметтік әріптестікті, еңбекті қорғауды және жастар саясатын дамытудағы рөлі");
    let xml = zip_part(&path, "xl/worksheets/sheet2.xml");
    assert!(
        xml.contains("<formula1>'Тізімдер'!$B$1:$B$8</formula1>"),
        "the topic area list reads the hidden sheet"
    );
    assert_check_clean(
        std::slice::from_ref(&path),
        "kk",
        &["--pipeline", pipeline.to_str().unwrap()],
    );
    // With the shipped lists, no hidden sheet.
    let plain = make_form(&dir.join("plain"), "temir", "kk", PERIOD, None);
    let xml = zip_part(&plain, "xl/worksheets/sheet2.xml");
    assert!(
        xml.contains("<formula1>\"Тақырыптық семинар,"),
        "in-cell list"
    );
    let wb: Xlsx<_> = calamine::open_workbook(&plain).unwrap();
    assert_eq!(wb.sheet_names().len(), 4);
}

// ------------------------------------------------------------ history

/// A plain report of Алға for `period` with its events, written by
/// rust_xlsxwriter (what any district's workbook looks like to the reader).
fn alga_report(dir: &Path, period: &str, cats: &[[f64; 5]], members: &[f64], events: &[f64]) {
    use rust_xlsxwriter::{ExcelDateTime, Format};
    let p = pipeline();
    let reg = registry(&p);
    let orgs: Vec<(String, String, f64)> = reg
        .in_unit("alga")
        .zip(members)
        .map(|((_, o), m)| (o.name.clone(), o.id.clone(), *m))
        .collect();
    let mut wb = crate::history::coverage_book("Алға ауданы", &orgs, period, cats);
    let ev = wb.add_worksheet();
    ev.set_name("Іс-шаралар").unwrap();
    for (c, h) in [
        "№",
        "Өткізілген күні",
        "Оқыту нысаны",
        "Тақырыбы",
        "Бағыты",
        "Қатысушылар саны",
    ]
    .iter()
    .enumerate()
    {
        ev.write(0, c as u16, *h).unwrap();
    }
    let (year, month) = period.split_once('-').unwrap();
    let date_format = Format::new().set_num_format("dd.mm.yyyy");
    for (i, n) in events.iter().enumerate() {
        let r = 1 + i as u32;
        ev.write(r, 0, (i + 1) as f64).unwrap();
        let d = ExcelDateTime::from_ymd(year.parse().unwrap(), month.parse().unwrap(), 10).unwrap();
        ev.write_with_format(r, 1, &d, &date_format).unwrap();
        ev.write(r, 2, "Дөңгелек үстел").unwrap();
        ev.write(r, 3, format!("Тақырып {}", i + 1)).unwrap();
        ev.write(r, 4, "Қаржылық сауаттылық").unwrap();
        ev.write(r, 5, *n).unwrap();
    }
    std::fs::create_dir_all(dir).unwrap();
    wb.save(dir.join(format!("Алға ауданы_{period}.xlsx")))
        .unwrap();
}

#[test]
fn last_period_is_prefilled_and_january_starts_from_zero() {
    let p = pipeline();
    let reg = registry(&p);
    let members: Vec<f64> = reg
        .in_unit("alga")
        .map(|(_, o)| o.members.unwrap() + 1.0)
        .collect();
    let n = members.len();
    let cats: Vec<[f64; 5]> = (0..n)
        .map(|i| [i as f64, 1.0, 0.0, 2.0, (i % 2) as f64])
        .collect();
    let trained: f64 = cats.iter().flatten().sum();
    let dir = scratch("template-history");
    let out = dir.join("out");
    for period in ["2026-02", "2025-12"] {
        let inbox = dir.join(format!("inbox-{period}"));
        alga_report(&inbox, period, &cats, &members, &[trained - 5.0, 5.0]);
        consolidate_ok(&inbox, &registry_path(), period, &out);
        assert!(out.join(format!("history/{period}/orgs.parquet")).is_file());
    }

    // March: February's figures and events carried over.
    let march = make_form(&dir.join("march"), "alga", "kk", PERIOD, Some(&out));
    assert_kept(&march, "template-prefilled.xlsx");
    let mut wb: Xlsx<_> = calamine::open_workbook(&march).unwrap();
    let cov = wb.worksheet_range("Оқыту").unwrap();
    for i in 0..n {
        let r = 8 + i as u32;
        assert_eq!(number(&cov, r, 3), members[i]);
        for (k, v) in cats[i].iter().enumerate() {
            assert_eq!(number(&cov, r, 5 + k as u32), *v);
        }
        assert_eq!(
            number(&cov, r, 4),
            cats[i].iter().sum::<f64>(),
            "cached SUM"
        );
    }
    assert_eq!(number(&cov, 8 + n as u32, 4), trained);
    let ev = wb.worksheet_range("Іс-шаралар").unwrap();
    assert_eq!(text(&ev, 8, 2), "Дөңгелек үстел");
    assert_eq!(text(&ev, 8, 4), "Қаржылық сауаттылық");
    assert_eq!(number(&ev, 8, 6), trained - 5.0);
    assert_eq!(number(&ev, 9, 6), 5.0);
    assert!(matches!(ev.get_value((8, 1)), Some(Data::DateTime(_))));
    assert!(matches!(ev.get_value((10, 1)), Some(Data::Empty) | None));
    let help = wb.worksheet_range("Нұсқаулық").unwrap();
    assert!(
        help.rows()
            .flatten()
            .any(|c| c.to_string().contains("2026-02")),
        "the instructions say where the figures come from"
    );
    // Carried over as they were, they are still a clean report.
    assert_check_clean(std::slice::from_ref(&march), "kk", &[]);

    // January: December's history is of another year.
    let january = make_form(&dir.join("january"), "alga", "ru", "2026-01", Some(&out));
    assert_kept(&january, "template-january.xlsx");
    let mut wb: Xlsx<_> = calamine::open_workbook(&january).unwrap();
    let cov = wb.worksheet_range("Обучение").unwrap();
    assert_eq!(text(&cov, 2, 0), "за январь 2026 года");
    for i in 0..n {
        for k in 0..5 {
            assert_eq!(number(&cov, 8 + i as u32, 5 + k), 0.0);
        }
    }
    let ev = wb.worksheet_range("Мероприятия").unwrap();
    assert!(matches!(ev.get_value((8, 1)), Some(Data::Empty) | None));
    assert_check_clean(std::slice::from_ref(&january), "ru", &[]);
}

/// `template` with the pipeline's output folder and no `--output`; its
/// standard output.
fn form_by_default(pipeline: &Path, dir: &Path, period: &str) -> String {
    std::fs::create_dir_all(dir).unwrap();
    let out = jinaq(&[
        "template",
        "--pipeline",
        pipeline.to_str().unwrap(),
        "--unit",
        "alga",
        "--period",
        period,
        "--registry",
        registry_path().to_str().unwrap(),
        "--lang",
        "ru",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn without_output_the_pipelines_folder_prefills_and_a_missing_month_says_how() {
    let p = pipeline();
    let reg = registry(&p);
    let members: Vec<f64> = reg
        .in_unit("alga")
        .map(|(_, o)| o.members.unwrap())
        .collect();
    let cats: Vec<[f64; 5]> = members.iter().map(|_| [1.0, 0.0, 0.0, 1.0, 0.0]).collect();
    let trained = 2.0 * members.len() as f64;
    let dir = scratch("template-default-output");
    let stored = dir.join("stored");
    // The shipped pipeline, its output folder moved beside it.
    let text = std::fs::read_to_string(root().join(DEFAULT_PIPELINE)).unwrap();
    let moved = text.replace("output = \"../output\"", "output = \"stored\"");
    assert_ne!(text, moved, "the shipped pipeline names its output folder");
    let own = dir.join("jinaq.toml");
    std::fs::write(&own, moved).unwrap();
    let inbox = dir.join("inbox");
    alga_report(&inbox, "2026-02", &cats, &members, &[trained]);
    consolidate_ok(&inbox, &registry_path(), "2026-02", &stored);

    let march = form_by_default(&own, &dir.join("march"), PERIOD);
    assert!(march.contains("2026-02"), "{march}");
    let form = xlsx_in(&dir.join("march"));
    let mut wb: Xlsx<_> = calamine::open_workbook(&form[0]).unwrap();
    let cov = wb.worksheet_range("Обучение").unwrap();
    assert_eq!(number(&cov, 8, 3), members[0], "February's members carried");

    // May: April was never consolidated there.
    let may = form_by_default(&own, &dir.join("may"), "2026-05");
    for part in [
        "2026-04",
        "--output",
        "jinaq consolidate",
        stored.to_str().unwrap(),
    ] {
        assert!(may.contains(part), "{part} in: {may}");
    }
    assert!(!march.contains("--output"), "{march}");
}

// ------------------------------------------------------------ committed filled forms

fn filled() -> PathBuf {
    root().join("tests/fixtures/filled")
}

fn manifest() -> Value {
    read_json(&filled().join("manifest.json"))
}

#[test]
fn committed_filled_forms_read_back_without_a_single_issue() {
    let p = pipeline();
    let m = manifest();
    for folder in ["kk", "ru"] {
        let files = xlsx_in(&filled().join(folder));
        assert!(files.len() >= 3, "{folder}: {files:?}");
        assert_check_clean(&files, folder, &[]);
        let units: Vec<String> = files.iter().map(|f| unit_of_file(&p, f)).collect();
        let dir = scratch(&format!("template-filled-{folder}"));
        let (summary, issues) = consolidate(&filled().join(folder), &dir);
        let bad = unexpected(&issues, &units);
        assert!(bad.is_empty(), "{folder}: {bad:#?}");
        let mut diffs = Vec::new();
        for (f, u) in files.iter().zip(&units) {
            let key = format!("{folder}/{}", f.file_name().unwrap().to_str().unwrap());
            diffs.extend(figures_match(&summary, u, &m[&key]));
        }
        assert!(diffs.is_empty(), "{folder}: {diffs:#?}");
    }
}

#[test]
fn committed_mistakes_are_caught_at_their_cells() {
    let m = manifest();
    let files = xlsx_in(&filled().join("mistakes"));
    assert!(!files.is_empty());
    let mut problems = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_str().unwrap();
        let want = &m[&format!("mistakes/{name}")];
        let lang = want["lang"].as_str().unwrap();
        let (code, out) = check(std::slice::from_ref(f), lang, &[]);
        assert_eq!(code, 1, "{out}");
        for mistake in want["mistakes"].as_array().unwrap() {
            let cell = mistake["cell"].as_str().unwrap();
            assert!(
                out.lines()
                    .any(|l| l.contains(mistake["sheet"].as_str().unwrap())
                        && l.split_whitespace().any(|w| w == cell)),
                "check shows {cell}:\n{out}"
            );
        }
    }
    let dir = scratch("template-filled-mistakes");
    let (_, issues) = consolidate(&filled().join("mistakes"), &dir);
    for f in &files {
        let name = f.file_name().unwrap().to_str().unwrap();
        problems.extend(mistakes_caught(
            &issues,
            name,
            &m[&format!("mistakes/{name}")],
        ));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

// ------------------------------------------------------------ filled by LibreOffice

/// python3 with openpyxl and LibreOffice fill the forms as districts do; a
/// machine without them fails here with what to install (`.ci/run` installs
/// both), never passes by skipping.
fn can_fill() -> bool {
    let python = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    let soffice = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        python && soffice,
        "filling forms needs python3 with openpyxl and LibreOffice (soffice); this machine lacks {}: \
         apt-get install libreoffice-calc-nogui; pip install -r tests/fixtures/gen/requirements.txt",
        match (python, soffice) {
            (false, false) => "both",
            (false, true) => "python3/openpyxl",
            _ => "soffice",
        }
    );
    true
}

/// Every unit's form in both languages, a January form, a form whose lists
/// live on a hidden sheet, and two forms with mistakes, filled in one run.
struct Filled {
    dir: PathBuf,
    manifest: Value,
    long_pipeline: PathBuf,
}

fn filled_once() -> Option<&'static Filled> {
    static FILLED: OnceLock<Option<Filled>> = OnceLock::new();
    FILLED
        .get_or_init(|| {
            if !can_fill() {
                return None;
            }
            let p = pipeline();
            let dir = scratch("template-live");
            let forms = dir.join("forms");
            let mut templates = Vec::new();
            for lang in ["kk", "ru"] {
                for u in &p.units {
                    templates.push(make_form(&forms.join(lang), &u.id, lang, PERIOD, None));
                }
            }
            templates.push(make_form(
                &forms.join("jan"),
                "shalkar",
                "ru",
                "2026-01",
                None,
            ));

            let long_pipeline = long_lists_pipeline(&dir);
            templates.push(long_lists_form(&forms.join("long"), &long_pipeline));

            let mistakes = [
                make_form(&forms.join("wrong-kk"), "baiganin", "kk", PERIOD, None),
                make_form(&forms.join("wrong-ru"), "aktobe-city", "ru", PERIOD, None),
            ];
            let out = dir.join("filled");
            let manifest_path = dir.join("manifest.json");
            let mut cmd = Command::new("python3");
            cmd.arg(root().join("tests/fixtures/gen/fill_template.py"))
                .args(["fill", "--out"])
                .arg(&out)
                .arg("--manifest")
                .arg(&manifest_path);
            for m in &mistakes {
                cmd.arg("--mistakes").arg(m);
            }
            cmd.args(&templates);
            let o = cmd.output().expect("python3 runs");
            assert!(
                o.status.success(),
                "fill_template.py: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            Some(Filled {
                dir: out,
                manifest: read_json(&manifest_path),
                long_pipeline,
            })
        })
        .as_ref()
}

#[test]
fn forms_filled_in_libreoffice_give_no_issue_for_any_unit() {
    let Some(f) = filled_once() else { return };
    let p = pipeline();
    for lang in ["kk", "ru"] {
        let inbox = f.dir.parent().unwrap().join(format!("inbox-{lang}"));
        std::fs::create_dir_all(&inbox).unwrap();
        let mut files = Vec::new();
        for u in &p.units {
            let name = format!("{}_{PERIOD}.xlsx", u.name(lang_of(lang)));
            std::fs::copy(f.dir.join(&name), inbox.join(&name)).unwrap();
            files.push(inbox.join(&name));
        }
        assert_check_clean(&files, lang, &[]);
        let out = f.dir.parent().unwrap().join(format!("out-{lang}"));
        let (summary, issues) = consolidate(&inbox, &out);
        assert!(issues.is_empty(), "{lang}: {:#?}", unexpected(&issues, &[]));
        let mut diffs = Vec::new();
        for (u, path) in p.units.iter().zip(&files) {
            let name = path.file_name().unwrap().to_str().unwrap();
            diffs.extend(figures_match(&summary, &u.id, &f.manifest[name]));
        }
        assert!(diffs.is_empty(), "{lang}: {diffs:#?}");
    }
    // January and a form whose dropdowns read a hidden sheet.
    assert_check_clean(&[f.dir.join("Шалкарский район_2026-01.xlsx")], "ru", &[]);
    let long = f.dir.join("Темір ауданы_2026-03 (тізімдер).xlsx");
    assert_check_clean(
        std::slice::from_ref(&long),
        "kk",
        &["--pipeline", f.long_pipeline.to_str().unwrap()],
    );
}

#[test]
fn mistakes_typed_into_a_form_are_caught_at_their_cells() {
    let Some(f) = filled_once() else { return };
    let inbox = f.dir.join("mistakes");
    let out = f.dir.parent().unwrap().join("out-mistakes");
    let (_, issues) = consolidate(&inbox, &out);
    let mut problems = Vec::new();
    for path in xlsx_in(&inbox) {
        let name = path.file_name().unwrap().to_str().unwrap();
        let want = &f.manifest[&format!("mistakes/{name}")];
        assert!(want["mistakes"].as_array().unwrap().len() >= 4);
        problems.extend(mistakes_caught(&issues, name, want));
        let (code, _) = check(
            std::slice::from_ref(&path),
            want["lang"].as_str().unwrap(),
            &[],
        );
        assert_eq!(code, 1);
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
