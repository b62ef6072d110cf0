//! `jinaq init` and the working folder: a copy of the program, alone in an
//! empty folder away from the project, makes a working folder, consolidates
//! the reports put into it and checks one, touching nothing of the project;
//! with no working folder, `check` and `template` use no registry.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

/// Every file under `dir` with its size and modification time.
fn listing(dir: &Path) -> BTreeMap<PathBuf, (u64, Option<SystemTime>)> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let meta = e.metadata().expect("metadata");
            if meta.is_dir() {
                todo.push(e.path());
            }
            out.insert(e.path(), (meta.len(), meta.modified().ok()));
        }
    }
    out
}

/// The program copied alone into a fresh folder outside the project.
fn portable_copy(name: &str) -> (PathBuf, PathBuf) {
    let home = std::env::temp_dir().join(format!("jinaq-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(home.join("bin")).unwrap();
    let bin = home.join("bin").join("jinaq");
    std::fs::copy(env!("CARGO_BIN_EXE_jinaq"), &bin).unwrap();
    assert!(!home.starts_with(root()));
    (home, bin)
}

/// Runs the copy in `dir` with nothing of the build in its environment.
fn run_in(bin: &Path, dir: &Path, args: &[&str]) -> Output {
    Command::new(bin)
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .output()
        .expect("the copy runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn a_copied_program_makes_a_working_folder_and_runs_in_it() {
    let samples = root().join("samples");
    let project_output = root().join("output");
    let before = (listing(&samples), listing(&project_output));
    let (home, bin) = portable_copy("portable");

    // init, then a second init that would overwrite: refused, nothing changed
    let made = run_in(&bin, &home, &["init", "month"]);
    assert_eq!(made.status.code(), Some(0), "{}", text(&made));
    let work = home.join("month");
    for f in ["jinaq.toml", "registry.xlsx", "inbox", "output"] {
        assert!(work.join(f).exists(), "{f} missing:\n{}", text(&made));
    }
    let printed = String::from_utf8_lossy(&made.stdout);
    assert!(printed.contains("jinaq consolidate"), "{printed}");
    let config = std::fs::read_to_string(work.join("jinaq.toml")).unwrap();
    let again = run_in(&bin, &home, &["init", "month", "--lang", "en"]);
    assert_eq!(again.status.code(), Some(2), "{}", text(&again));
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(
        said.contains("jinaq.toml") && said.contains("registry.xlsx") && said.contains("exist"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(work.join("jinaq.toml")).unwrap(),
        config
    );

    // the month: reports into the inbox, a registry in place of the empty one
    copy_dir(&samples.join("inbox"), &work.join("inbox"));
    std::fs::copy(samples.join("registry.xlsx"), work.join("registry.xlsx")).unwrap();
    let run = run_in(&bin, &work, &["consolidate"]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    let stdout = String::from_utf8_lossy(&run.stdout);
    let first: Vec<&str> = stdout.lines().take(2).collect();
    assert!(first[0].ends_with("month/jinaq.toml"), "{stdout}");
    assert!(first[1].ends_with("month/registry.xlsx"), "{stdout}");
    let summary = read_json(&work.join("output/2026-03/summary-2026-03.json"));
    assert_eq!(summary["region"]["units_reported"], 14);

    // a district's self-check in the folder uses the folder's registry
    let check = run_in(&bin, &work, &["check", "inbox/otchet_shalkar.xlsx"]);
    assert!(
        matches!(check.status.code(), Some(0 | 1)),
        "{}",
        text(&check)
    );
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(
        said.lines()
            .nth(1)
            .unwrap()
            .ends_with("month/registry.xlsx"),
        "{said}"
    );

    // outside any working folder: the built-in pipeline, no registry
    let alone = run_in(
        &bin,
        &home,
        &["check", "month/inbox/otchet_shalkar.xlsx", "--lang", "en"],
    );
    let said = String::from_utf8_lossy(&alone.stdout);
    assert!(said.starts_with("Pipeline: built-in pipeline"), "{said}");
    assert!(said.contains("Registry: none given"), "{said}");
    assert!(
        !said.contains("registry.") || said.contains("none given"),
        "{said}"
    );
    let form = run_in(
        &bin,
        &home,
        &[
            "template", "--unit", "alga", "--period", "2026-03", "--out", "f.xlsx",
        ],
    );
    assert_eq!(form.status.code(), Some(2), "{}", text(&form));
    assert!(!home.join("f.xlsx").exists());
    assert!(text(&form).contains("--registry"), "{}", text(&form));

    assert_eq!((listing(&samples), listing(&project_output)), before);
    let _ = std::fs::remove_dir_all(&home);
}

/// Without a registry, `check` raises no registry finding: no registry
/// (the samples' or any other) is taken in its place.
#[test]
fn check_without_a_registry_compares_nothing_with_one() {
    let (home, bin) = portable_copy("no-registry");
    let file = root().join("samples/inbox/otchet_shalkar.xlsx");
    let file = file.to_str().unwrap();
    let bare = run_in(&bin, &home, &["check", file, "--lang", "en"]);
    // A registry that lists nothing: every organisation is unknown to it.
    let made = run_in(&bin, &home, &["init", "empty"]);
    assert_eq!(made.status.code(), Some(0), "{}", text(&made));
    let empty = home.join("empty/registry.xlsx");
    let with = run_in(
        &bin,
        &home,
        &[
            "check",
            file,
            "--lang",
            "en",
            "--registry",
            empty.to_str().unwrap(),
        ],
    );
    let bare = String::from_utf8_lossy(&bare.stdout).to_string();
    let with = String::from_utf8_lossy(&with.stdout).to_string();
    assert!(with.contains("Registry: /"), "{with}");
    assert!(bare.contains("Registry: none given"), "{bare}");
    // Without a registry, none of the empty registry's unknown names.
    assert!(with.contains("is not in the registry"), "{with}");
    assert!(!bare.contains("is not in the registry"), "{bare}");
    assert!(
        bare.lines().count() < with.lines().count(),
        "{bare}\n---\n{with}"
    );
    let _ = std::fs::remove_dir_all(&home);
}

/// `--registry-from`: one row per organisation of the month's reports, in
/// unit order, each saying where it was read, and the draft reads back as a
/// registry of the folder's pipeline.
#[test]
fn a_registry_drafted_from_a_month_reads_back() {
    let (home, bin) = portable_copy("draft");
    let inbox = home.join("received");
    std::fs::create_dir_all(&inbox).unwrap();
    copy_dir(&reference_month().join("2026-03"), &inbox);
    let made = run_in(&bin, &home, &["init", "w", "--registry-from", "received"]);
    assert_eq!(made.status.code(), Some(0), "{}", text(&made));
    let work = home.join("w");
    let pipeline = jinaq::Pipeline::load(&work.join("jinaq.toml")).unwrap();
    let registry = jinaq::Registry::load(&work.join("registry.xlsx"), &pipeline).unwrap();
    assert!(!registry.orgs.is_empty());
    // unit order as the pipeline lists them
    let rank = |u: &str| pipeline.units.iter().position(|x| x.id == u).unwrap();
    assert!(registry
        .orgs
        .windows(2)
        .all(|w| rank(&w[0].unit) <= rank(&w[1].unit)));
    // no БСН twice
    let mut bins: Vec<&str> = registry.orgs.iter().map(|o| o.id.as_str()).collect();
    let n = bins.len();
    bins.sort();
    bins.dedup();
    assert_eq!(bins.len(), n);
    // the month consolidated against its own draft finds its organisations
    copy_dir(&inbox, &work.join("inbox"));
    let run = run_in(&bin, &work, &["consolidate", "-q"]);
    assert!(matches!(run.status.code(), Some(0 | 1)), "{}", text(&run));
    let log = read_json(&work.join("output/2026-03/discrepancies-2026-03.json"));
    let unknown = log["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["rule"] == "registry.unknown_org")
        .count();
    // Only rows the reports gave no БСН for (left out of the registry until
    // the specialist fills it in) can be unknown.
    use calamine::{open_workbook_auto, Data, Reader};
    let mut book = open_workbook_auto(work.join("registry.xlsx")).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let without_bin = sheet
        .rows()
        .skip(1)
        .filter(|r| matches!(r.get(1), None | Some(Data::Empty)))
        .map(|r| r[6].to_string().split("; ").count())
        .sum::<usize>();
    assert!(
        unknown <= without_bin,
        "{unknown} unknown, {without_bin} rows without БСН"
    );
    let sources = sheet.rows().skip(1).map(|r| r[6].to_string());
    assert!(sources
        .into_iter()
        .all(|s| s.contains(".xls") || s.contains(".ods")));
    let _ = std::fs::remove_dir_all(&home);
}

/// The program's code outside its tests names no folder of the build: no
/// `CARGO_MANIFEST_DIR` and no `env!` path is read at run time.
#[test]
fn the_program_names_no_folder_of_its_build() {
    let mut files = vec![root().join("src")];
    let mut sources = Vec::new();
    while let Some(p) = files.pop() {
        if p.is_dir() {
            files.extend(std::fs::read_dir(&p).unwrap().flatten().map(|e| e.path()));
        } else if p.extension().is_some_and(|e| e == "rs") {
            sources.push(p);
        }
    }
    // Files that are test modules as a whole (`#[cfg(test)] mod x;`).
    let mut test_files = Vec::new();
    for p in &sources {
        let text = std::fs::read_to_string(p).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for w in lines.windows(2) {
            if w[0].trim() == "#[cfg(test)]" {
                if let Some(name) = w[1]
                    .trim()
                    .strip_prefix("mod ")
                    .and_then(|n| n.strip_suffix(';'))
                {
                    let dir = p.parent().unwrap();
                    test_files.push(dir.join(format!("{name}.rs")));
                    test_files.push(dir.join(name).join("mod.rs"));
                }
            }
        }
    }
    let mut found = Vec::new();
    for p in sources.iter().filter(|p| !test_files.contains(p)) {
        let text = std::fs::read_to_string(p).unwrap();
        for (n, line) in run_time_lines(&text) {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("CARGO_MANIFEST_DIR") || code.contains("env!(\"CARGO_TARGET") {
                found.push(format!("{}:{n}: {line}", p.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The lines of a file outside its `#[cfg(test)]` items, numbered from 1.
fn run_time_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut skip_next_item = false;
    let mut depth = 0i32;
    let mut in_test = false;
    for (i, line) in text.lines().enumerate() {
        if !in_test && line.trim() == "#[cfg(test)]" {
            skip_next_item = true;
            continue;
        }
        if skip_next_item {
            in_test = true;
            skip_next_item = false;
            depth = 0;
        }
        if in_test {
            depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
            if depth <= 0 && (line.contains('}') || line.trim_end().ends_with(';')) {
                in_test = false;
            }
            continue;
        }
        out.push((i + 1, line));
    }
    out
}

#[test]
fn test_items_are_told_from_run_time_code() {
    let text = "fn a() {}\n#[cfg(test)]\nmod tests {\n    fn b() { x }\n}\nfn c() {}\n";
    let kept: Vec<&str> = run_time_lines(text).into_iter().map(|(_, l)| l).collect();
    assert_eq!(kept, ["fn a() {}", "fn c() {}"]);
}
