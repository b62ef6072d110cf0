//! Reference outputs: the reference month and the shipped sample month,
//! consolidated in each language, give byte for byte the files kept in
//! `tests/fixtures/golden/<case>/`; district forms made by `jinaq template`
//! (see `template.rs`) give the files kept as
//! `tests/fixtures/golden/template-<case>.xlsx` ([`assert_kept`]).
//!
//! A change that is meant to alter the outputs regenerates them on purpose:
//! `JINAQ_BLESS=1 cargo test golden`, then the diff of the kept files is
//! reviewed like code. Every other change must leave them as they are.

use crate::common::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Every inbox file is given this modification time (2026-04-03 10:00 in
/// Aktobe), so that the received dates do not depend on the checkout.
const RECEIVED: u64 = 1_775_192_400;

struct Case {
    name: &'static str,
    inbox: PathBuf,
    registry: PathBuf,
    lang: &'static str,
}

fn cases() -> Vec<Case> {
    let reference = reference_month();
    let samples = root().join("samples");
    let mut cases = Vec::new();
    for lang in ["kk", "ru", "en"] {
        cases.push(Case {
            name: leak(format!("reference-{lang}")),
            inbox: reference.join("2026-03"),
            registry: reference.join("registry.xlsx"),
            lang,
        });
    }
    for lang in ["kk", "ru"] {
        cases.push(Case {
            name: leak(format!("samples-{lang}")),
            inbox: samples.join("inbox"),
            registry: samples.join("registry.xlsx"),
            lang,
        });
    }
    cases
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Copies `from` into `to` (files only, one level), every file's
/// modification time set to [`RECEIVED`].
fn copy_inbox(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if !entry.file_type().unwrap().is_file() {
            continue;
        }
        let target = to.join(entry.file_name());
        std::fs::copy(entry.path(), &target).unwrap();
        let mut perms = std::fs::metadata(&target).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        std::fs::set_permissions(&target, perms).unwrap();
        let file = std::fs::File::options().write(true).open(&target).unwrap();
        file.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(RECEIVED))
            .unwrap();
    }
}

/// The files of a folder, by name.
fn files_of(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let e = e.unwrap();
            e.file_type()
                .unwrap()
                .is_file()
                .then(|| e.file_name().to_string_lossy().to_string())
        })
        .collect();
    names.sort();
    names
}

/// The zip parts of two xlsx files that differ, to say where a change is.
fn differing_parts(a: &[u8], b: &[u8]) -> Vec<String> {
    use std::io::Read;
    let parts = |bytes: &[u8]| -> std::collections::BTreeMap<String, Vec<u8>> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).unwrap();
                let mut v = Vec::new();
                f.read_to_end(&mut v).unwrap();
                (f.name().unwrap().to_string(), v)
            })
            .collect()
    };
    let (pa, pb) = (parts(a), parts(b));
    let mut names: Vec<&String> = pa.keys().chain(pb.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|n| pa.get(*n) != pb.get(*n))
        .cloned()
        .collect()
}

/// A made file equals the one kept as `tests/fixtures/golden/<name>`; with
/// `JINAQ_BLESS` set, the made file is kept instead.
pub fn assert_kept(made: &Path, name: &str) {
    let kept = root().join("tests/fixtures/golden").join(name);
    let a = std::fs::read(made).unwrap_or_else(|e| panic!("{}: {e}", made.display()));
    if std::env::var_os("JINAQ_BLESS").is_some() {
        std::fs::write(&kept, &a).unwrap();
        return;
    }
    let b = std::fs::read(&kept).unwrap_or_else(|e| panic!("{}: {e}", kept.display()));
    assert!(
        a == b,
        "{name} differs from tests/fixtures/golden (JINAQ_BLESS=1 regenerates it when a \
         change is meant to alter it): parts {:?}",
        differing_parts(&a, &b)
    );
}

#[test]
fn outputs_equal_the_kept_reference_outputs() {
    let bless = std::env::var_os("JINAQ_BLESS").is_some();
    let mut failures = Vec::new();
    for case in cases() {
        let dir = scratch(&format!("golden-{}", case.name));
        let inbox = dir.join("inbox");
        copy_inbox(&case.inbox, &inbox);
        let out = dir.join("out");
        let mut args = consolidate_args(&inbox, &case.registry, "2026-03", &out);
        args.extend(["--lang".to_string(), case.lang.to_string()]);
        jinaq_ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let made = out.join("2026-03");
        let kept = root().join("tests/fixtures/golden").join(case.name);
        if bless {
            let _ = std::fs::remove_dir_all(&kept);
            std::fs::create_dir_all(&kept).unwrap();
            for name in files_of(&made) {
                std::fs::copy(made.join(&name), kept.join(&name)).unwrap();
            }
            continue;
        }
        let (made_names, kept_names) = (files_of(&made), files_of(&kept));
        assert!(!kept_names.is_empty(), "{}: no kept outputs", case.name);
        if made_names != kept_names {
            failures.push(format!(
                "{}: files {made_names:?}, kept {kept_names:?}",
                case.name
            ));
            continue;
        }
        for name in made_names {
            let a = std::fs::read(made.join(&name)).unwrap();
            let b = std::fs::read(kept.join(&name)).unwrap();
            if a != b {
                let detail = if name.ends_with(".xlsx") {
                    format!("parts {:?}", differing_parts(&a, &b))
                } else {
                    format!("{} bytes against {}", a.len(), b.len())
                };
                failures.push(format!("{}/{name} differs: {detail}", case.name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "outputs differ from tests/fixtures/golden (JINAQ_BLESS=1 regenerates them \
         when a change is meant to alter them):\n{}",
        failures.join("\n")
    );
}
