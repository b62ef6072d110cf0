//! The inbox never loses a report: files named after a unit that hold no
//! report table (a cover letter, a phone list, empty workbooks, a CSV, a
//! document), newer than the real reports, leave the month's figures as they
//! are, and every file set aside is named with the file taken instead.

use crate::common::{
    consolidate_ok, diff_json, read_json, reference_month, root, scratch, with_part,
};
use std::path::Path;
use std::time::{Duration, SystemTime};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn files_without_a_report_table_never_replace_a_report() {
    let dir = scratch("inbox-not-reports");
    let (plain, noisy) = (dir.join("plain"), dir.join("noisy"));
    let month = reference_month().join("2026-03");
    copy_dir(&month, &plain);
    copy_dir(&month, &noisy);
    let extra = root().join("tests/fixtures/saved-as/not-reports");
    copy_dir(&extra, &noisy);
    // Newer than every report: git keeps no times, so set them.
    let later = SystemTime::now() + Duration::from_secs(3600);
    for e in std::fs::read_dir(&extra).unwrap() {
        let e = e.unwrap();
        let f = std::fs::File::options()
            .write(true)
            .open(noisy.join(e.file_name()))
            .unwrap();
        f.set_modified(later).unwrap();
    }
    let registry = reference_month().join("registry.xlsx");
    let (out_a, out_b) = (dir.join("out-plain"), dir.join("out-noisy"));
    consolidate_ok(&plain, &registry, "2026-03", &out_a);
    consolidate_ok(&noisy, &registry, "2026-03", &out_b);
    let a = read_json(&out_a.join("2026-03/summary-2026-03.json"));
    let b = read_json(&out_b.join("2026-03/summary-2026-03.json"));
    // The figures, not the issues: the extra files have issues of their own
    // (an empty workbook is a warning, the cover letter set aside an info).
    let mut diffs = Vec::new();
    diff_json(
        &a["region"],
        &b["region"],
        "region",
        &["issues"],
        &mut diffs,
    );
    let units_b = b["units"].as_array().unwrap();
    for (ua, ub) in a["units"].as_array().unwrap().iter().zip(units_b) {
        diff_json(
            ua,
            ub,
            ua["unit"].as_str().unwrap(),
            &["issues"],
            &mut diffs,
        );
    }
    assert_eq!(a["units"].as_array().unwrap().len(), units_b.len());
    assert!(diffs.is_empty(), "{diffs:#?}");
    assert_eq!(a["rows"], b["rows"]);

    // The cover letter is named after Хромтау: set aside for its report, and
    // the summary says so; the phone list names no unit.
    let superseded = b["files"]["superseded"]
        .as_array()
        .expect("superseded list");
    let letter = superseded
        .iter()
        .find(|s| s["file"] == "Хромтау ауданы ілеспе хат.xlsx")
        .unwrap_or_else(|| panic!("cover letter not listed: {superseded:#?}"));
    assert_eq!(letter["unit"], "khromtau");
    assert_eq!(letter["replaced_by"], "Хромтау ауданы 03.2026.xlsx");
    assert!(superseded
        .iter()
        .all(|s| s["file"] != "Тікелей байланыс телефондары.xlsx"));
    // Every copy set aside in the month without them is still set aside, for the same file.
    for s in a["files"]["superseded"].as_array().unwrap() {
        assert!(superseded.contains(s), "{s}");
    }
}

/// Replaces the text of every `<tag ...>text</tag>` by `text`.
fn set_element(xml: &str, tag: &str, text: &str) -> String {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let start = xml.find(&open).unwrap_or_else(|| panic!("{tag} in {xml}"));
    let body = start + xml[start..].find('>').unwrap() + 1;
    let end = body + xml[body..].find(&close).unwrap();
    format!("{}{text}{}", &xml[..body], &xml[end..])
}

/// Two copies of a district's report, in two formats, the one saved later
/// copied into the inbox first: the copy the district saved last is taken,
/// whatever order the files were downloaded in, and the other is named as
/// superseded by it.
#[test]
fn the_copy_saved_last_is_taken_whatever_order_it_was_copied_in() {
    let formats = root().join("tests/fixtures/formats");
    let xlsx = |saved: &str| {
        with_part(
            &formats.join("Алға_2026-03_lo.xlsx"),
            "docProps/core.xml",
            |x| set_element(x, "dcterms:modified", saved),
        )
    };
    let ods = |saved: &str| {
        with_part(&formats.join("Алға_2026-03_lo.ods"), "meta.xml", |x| {
            set_element(x, "dc:date", saved)
        })
    };
    let registry = root().join("tests/fixtures/registry.xlsx");
    let (early, late) = ("2026-04-02T08:00:00Z", "2026-04-03T10:15:00Z");
    for (case, xlsx_saved, ods_saved, taken, set_aside) in [
        (
            "ods-later",
            early,
            late,
            "Алға наурыз 2026.ods",
            "Алға_2026-03.xlsx",
        ),
        (
            "xlsx-later",
            late,
            early,
            "Алға_2026-03.xlsx",
            "Алға наурыз 2026.ods",
        ),
    ] {
        let dir = scratch(&format!("inbox-saved-{case}"));
        let inbox = dir.join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        std::fs::write(inbox.join("Алға_2026-03.xlsx"), xlsx(xlsx_saved)).unwrap();
        std::fs::write(
            inbox.join("Алға наурыз 2026.ods"),
            ods(ods_saved.trim_end_matches('Z')),
        )
        .unwrap();
        // The copy saved first lands last on this disk.
        let later = SystemTime::now() + Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(inbox.join(set_aside))
            .unwrap()
            .set_modified(later)
            .unwrap();
        let out = dir.join("out");
        consolidate_ok(&inbox, &registry, "2026-03", &out);
        let summary = read_json(&out.join("2026-03/summary-2026-03.json"));
        let superseded = summary["files"]["superseded"].as_array().unwrap();
        assert_eq!(superseded.len(), 1, "{case}: {superseded:#?}");
        assert_eq!(superseded[0]["file"], set_aside, "{case}");
        assert_eq!(superseded[0]["replaced_by"], taken, "{case}");
        let alga = summary["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["unit"] == "alga")
            .unwrap();
        assert_eq!(alga["file"], taken, "{case}");
    }
}
