//! Interrupted runs and outputs that cannot be written: the previous
//! outputs of a period stay whole until a complete new set replaces them,
//! no half-written file is ever left under an output's name, an output that
//! cannot be replaced stops the run with exit status 2 and a clear message,
//! and input files are never modified.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const OUTPUTS: [&str; 5] = [
    "consolidated-2026-03.xlsx",
    "discrepancies-2026-03.xlsx",
    "discrepancies-2026-03.csv",
    "discrepancies-2026-03.json",
    "summary-2026-03.json",
];

fn args(inbox: &Path, out: &Path) -> Vec<String> {
    consolidate_args(
        inbox,
        &root().join("tests/fixtures/registry.xlsx"),
        "2026-03",
        out,
    )
}

/// Two inboxes giving different outputs: one report, then three.
fn inboxes(dir: &Path) -> (PathBuf, PathBuf) {
    let (small, large) = (dir.join("inbox-1"), dir.join("inbox-3"));
    for (inbox, files) in [
        (&small, &["formats/Алға_2026-03_lo.xlsx"][..]),
        (
            &large,
            &[
                "formats/Алға_2026-03_lo.xlsx",
                "values/Ойыл ауданы наурыз 2026.xls",
                "values/Мәртөк ауданы 03.2026.xlsx",
            ][..],
        ),
    ] {
        std::fs::create_dir_all(inbox).unwrap();
        for f in files {
            let src = root().join("tests/fixtures").join(f);
            std::fs::copy(&src, inbox.join(src.file_name().unwrap())).unwrap();
        }
    }
    (small, large)
}

fn outputs(period_dir: &Path) -> BTreeMap<String, Vec<u8>> {
    OUTPUTS
        .iter()
        .filter_map(|n| Some((n.to_string(), std::fs::read(period_dir.join(n)).ok()?)))
        .collect()
}

fn run(inbox: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jinaq"))
        .args(args(inbox, out))
        .current_dir(root())
        .output()
        .unwrap()
}

/// Runs killed at moments spread over a run leave, under every output's
/// name, either the previous file or the new one, whole.
#[cfg(unix)]
#[test]
fn a_run_killed_at_any_moment_leaves_whole_outputs() {
    let dir = scratch("interrupted-kill");
    let (small, large) = inboxes(&dir);
    let reference = dir.join("reference");
    assert_ne!(run(&large, &reference).status.code(), Some(2));
    let new = outputs(&reference.join("2026-03"));
    assert_eq!(new.len(), 5);

    for (i, delay_ms) in [0u64, 15, 40, 80, 120, 180, 250, 400].iter().enumerate() {
        let out = dir.join(format!("out-{i}"));
        assert_ne!(run(&small, &out).status.code(), Some(2));
        let period = out.join("2026-03");
        let old = outputs(&period);
        assert_eq!(old.len(), 5);
        assert_ne!(old, new, "the two inboxes give the same outputs");

        let mut child = Command::new(env!("CARGO_BIN_EXE_jinaq"))
            .args(args(&large, &out))
            .current_dir(root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(*delay_ms));
        let _ = child.kill();
        let _ = child.wait();

        for name in OUTPUTS {
            let got = std::fs::read(period.join(name))
                .unwrap_or_else(|e| panic!("after a kill at {delay_ms} ms, {name}: {e}"));
            assert!(
                got == old[name] || got == new[name],
                "after a kill at {delay_ms} ms, {name} is neither the previous nor the new file"
            );
        }
    }
}

/// A failure between two outputs (one of them cannot be replaced) keeps the
/// previous set whole, leaves no temporary file, and exits 2 naming it.
#[test]
fn an_output_that_cannot_be_replaced_keeps_the_previous_set() {
    let dir = scratch("interrupted-blocked");
    let (small, large) = inboxes(&dir);
    let out = dir.join("out");
    assert_ne!(run(&small, &out).status.code(), Some(2));
    let period = out.join("2026-03");
    let before = outputs(&period);
    // the fourth output to be replaced is now a folder
    let blocked = period.join("discrepancies-2026-03.xlsx");
    std::fs::remove_file(&blocked).unwrap();
    std::fs::create_dir_all(blocked.join("inside")).unwrap();

    let o = run(&large, &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    // In the pipeline's language, Kazakh: "a folder of that name is in the way".
    assert!(
        stderr.contains("discrepancies-2026-03.xlsx") && stderr.contains("қалта кедергі"),
        "{stderr}"
    );
    let after = outputs(&period);
    for (name, bytes) in &after {
        assert!(bytes == &before[name], "{name} changed by a failed run");
    }
    let stray: Vec<String> = std::fs::read_dir(&period)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(stray.is_empty(), "temporary files left: {stray:?}");
}

#[test]
fn an_output_folder_that_is_a_file_stops_the_run() {
    let dir = scratch("interrupted-output-file");
    let (small, _) = inboxes(&dir);
    let out = dir.join("out");
    std::fs::write(&out, b"not a folder").unwrap();
    let o = run(&small, &out);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("жазу мүмкін емес"), "{stderr}");
    assert_eq!(std::fs::read(&out).unwrap(), b"not a folder");
}

#[cfg(unix)]
#[test]
fn a_read_only_output_folder_stops_the_run() {
    use std::os::unix::fs::PermissionsExt;
    let place = Unprivileged::new("read-only-output");
    let dir = place.dir.clone();
    let (small, _) = inboxes(&dir);
    let registry = dir.join("registry.xlsx");
    std::fs::copy(root().join("tests/fixtures/registry.xlsx"), &registry).unwrap();
    let out = dir.join("out");
    let period = out.join("2026-03");
    std::fs::create_dir_all(&period).unwrap();
    let mut cmd = place.command(&[&out, &period]);
    std::fs::set_permissions(&period, std::fs::Permissions::from_mode(0o555)).unwrap();
    let o = cmd
        .args(consolidate_args(&small, &registry, "2026-03", &out))
        .output()
        .unwrap();
    std::fs::set_permissions(&period, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&period.display().to_string()), "{stderr}");
    let left: Vec<_> = std::fs::read_dir(&period).unwrap().collect();
    assert!(left.is_empty(), "written into a read-only folder: {left:?}");
}

/// Every input, good or hostile, is byte-for-byte and time-for-time the
/// same after a run.
#[test]
fn inputs_are_never_modified() {
    let dir = scratch("inputs-untouched");
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let fixtures = root().join("tests/fixtures");
    for folder in ["formats", "layouts", "values", "junk", "hostile"] {
        let target = inbox.join(folder);
        std::fs::create_dir_all(&target).unwrap();
        for e in std::fs::read_dir(fixtures.join(folder)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, target.join(p.file_name().unwrap())).unwrap();
        }
    }
    let snapshot = || {
        let mut all = BTreeMap::new();
        for folder in std::fs::read_dir(&inbox).unwrap() {
            for e in std::fs::read_dir(folder.unwrap().path()).unwrap() {
                let p = e.unwrap().path();
                let meta = std::fs::metadata(&p).unwrap();
                all.insert(
                    p.clone(),
                    (
                        std::fs::read(&p).unwrap(),
                        meta.modified().unwrap(),
                        meta.len(),
                    ),
                );
            }
        }
        all
    };
    let before = snapshot();
    let o = run(&inbox, &dir.join("out"));
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let after = snapshot();
    assert_eq!(before.len(), after.len());
    for (p, b) in &before {
        assert!(after[p] == *b, "{} was modified", p.display());
    }
}
