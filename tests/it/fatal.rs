//! Failures that stop a run (exit 2): one line, `jinaq: ` and what failed
//! and where, in the run's language (`--lang`, else the pipeline's: Kazakh).

use super::common::{jinaq, scratch};

fn stopped(args: &[&str]) -> String {
    let o = jinaq(args);
    let stderr = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(stderr.starts_with("jinaq: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn a_missing_inbox_is_named_in_the_runs_language() {
    let dir = scratch("fatal-no-inbox");
    let inbox = dir.join("no-such-inbox");
    let inbox = inbox.to_str().unwrap();
    let out = dir.join("out");
    let out = out.to_str().unwrap();
    let base = [
        "consolidate",
        "--input",
        inbox,
        "--period",
        "2026-03",
        "--output",
        out,
        "-q",
    ];
    let kk = stopped(&base);
    assert!(
        kk.contains(inbox) && kk.contains("кіріс қалтасы жоқ"),
        "{kk}"
    );
    let ru = stopped(&[&base[..], &["--lang", "ru"]].concat());
    assert!(ru.contains(inbox) && ru.contains("входная папка"), "{ru}");
    let en = stopped(&[&base[..], &["--lang", "en"]].concat());
    assert!(
        en.contains(inbox) && en.contains("the input folder"),
        "{en}"
    );
}

#[test]
fn a_bad_flag_or_pipeline_says_which() {
    let period = stopped(&["history", "--period", "2026-13", "--lang", "en"]);
    assert!(period.contains("`2026-13` is not a period"), "{period}");
    let lang = stopped(&["check", "x.xlsx", "--lang", "fr"]);
    assert!(lang.contains("`fr`") && lang.contains("kk, ru"), "{lang}");

    let dir = scratch("fatal-pipeline");
    let pipeline = dir.join("pipeline.toml");
    let shipped =
        std::fs::read_to_string(super::common::root().join("pipelines/aktobe-training.toml"))
            .unwrap();
    std::fs::write(&pipeline, shipped.replace("due_day = 5", "due_day = 31")).unwrap();
    let p = pipeline.to_str().unwrap();
    let ru = stopped(&["history", "--pipeline", p, "--lang", "ru"]);
    assert!(
        ru.contains(p) && ru.contains("pipeline.due_day должен быть от 1 до 28"),
        "{ru}"
    );
    let missing = dir.join("missing.toml");
    let kk = stopped(&["history", "--pipeline", missing.to_str().unwrap()]);
    assert!(kk.contains("баптау файлын оқу мүмкін емес"), "{kk}");
}
