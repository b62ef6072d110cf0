//! The run summary `consolidate` prints: the period written out, the
//! pipeline and registry used, the region's figures, the issues counted with
//! the plural their numbers ask for, and the units whose reports have errors,
//! each checked against the run's own summary and issue files.

use crate::common::{jinaq_ok, reference_month, root, scratch};
use jinaq::Lang;
use jinaq::Severity;
use jinaq::{fmt_num, severity_count};
use jinaq::{Pipeline, DEFAULT_PIPELINE};
use serde_json::Value;
use std::path::Path;

fn absolute(p: &Path) -> String {
    std::fs::canonicalize(p).unwrap().display().to_string()
}

/// The line of `out` that starts with `head`.
fn line<'a>(out: &'a str, head: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(head))
        .unwrap_or_else(|| panic!("no line starts with {head:?} in\n{out}"))
}

#[test]
fn the_summary_gives_the_figures_the_districts_with_errors_and_the_files_used() {
    let pipeline = Pipeline::load(&root().join(DEFAULT_PIPELINE)).unwrap();
    let month = reference_month();
    let registry = month.join("registry.xlsx");
    for (lang, code) in [(Lang::Ru, "ru"), (Lang::Kk, "kk")] {
        let out_dir = scratch(&format!("run-summary-{code}"));
        let path = |p: &Path| p.to_str().unwrap().to_string();
        let args = [
            "consolidate".to_string(),
            "--input".into(),
            path(&month.join("2026-03")),
            "--registry".into(),
            path(&registry),
            "--period".into(),
            "2026-03".into(),
            "--output".into(),
            path(&out_dir),
            "--lang".into(),
            code.into(),
        ];
        let (_, out) = jinaq_ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let read = |name: &str| -> Value {
            let text = std::fs::read_to_string(out_dir.join("2026-03").join(name)).unwrap();
            serde_json::from_str(&text).unwrap()
        };
        let (summary, issues) = (
            read("summary-2026-03.json"),
            read("discrepancies-2026-03.json"),
        );
        let pick = |kk: &'static str, ru: &'static str| lang.pick(kk, ru, "");

        assert!(
            out.contains(pick("Кезең: 2026 жылғы наурыз", "Период: март 2026 г.")),
            "{out}"
        );
        // No pipeline file in the folder the test runs in: the built-in one.
        let pipeline_line = line(&out, pick("Баптау файлы:", "Файл настройки:"));
        assert!(
            pipeline_line.contains(pick("бағдарламаға кірістірілген", "встроенный в программу")),
            "{pipeline_line}"
        );
        assert!(line(&out, pick("Тізілім:", "Реестр:")).ends_with(&absolute(&registry)));

        // The region's figures, the share cut to one decimal as the office
        // writes it (the pipeline's share_shown).
        let region = &summary["region"];
        let figures = line(&out, pick("Кәсіподақ мүшелері:", "Членов профсоюза:"));
        let members = fmt_num(region["members"].as_f64().unwrap(), lang);
        let trained = fmt_num(region["trained"]["total"].as_f64().unwrap(), lang);
        let tenths = (region["trained_share"].as_f64().unwrap() * 1000.0 + 1e-9).floor();
        let share = format!("{:.1}", tenths / 10.0).replace('.', ",");
        assert!(figures.contains(&format!(": {members};")), "{figures}");
        assert!(
            figures.contains(&format!(": {trained} ({share}\u{a0}%)")),
            "{figures}"
        );

        // Counts with their plurals, from the issue file.
        let list = issues["issues"].as_array().unwrap();
        let count = |s: &str| list.iter().filter(|i| i["severity"] == s).count();
        let counted = [
            severity_count(Severity::Error, count("error"), lang),
            severity_count(Severity::Warning, count("warning"), lang),
            severity_count(Severity::Info, count("info"), lang),
        ]
        .join(", ");
        assert!(
            line(&out, pick("Мәселелер:", "Замечания:")).ends_with(&counted),
            "{out}"
        );

        // The districts with errors, by name, in the pipeline's order.
        let with_errors: Vec<String> = pipeline
            .units
            .iter()
            .filter_map(|u| {
                let n = list
                    .iter()
                    .filter(|i| i["severity"] == "error" && i["unit"] == u.id.as_str())
                    .count();
                (n > 0).then(|| {
                    format!(
                        "{} ({})",
                        u.name(lang),
                        severity_count(Severity::Error, n, lang)
                    )
                })
            })
            .collect();
        assert!(!with_errors.is_empty(), "the reference month has errors");
        let units = line(&out, pick("Қатесі бар аудандар:", "Ошибки в отчётах:"));
        assert!(units.ends_with(&with_errors.join(", ")), "{units}");

        // The districts' own files of issues, and how many were written.
        let written = std::fs::read_dir(out_dir.join("2026-03/districts"))
            .unwrap()
            .count();
        assert!(written > 0, "the reference month has districts with issues");
        let districts = line(&out, "  districts/");
        assert!(districts.ends_with(&format!(": {written}")), "{districts}");
    }
}
