//! Same inputs, byte-identical outputs.

use crate::common::*;

#[test]
fn two_runs_give_identical_bytes() {
    let month = reference_month();
    let (input, registry) = (month.join("2026-03"), month.join("registry.xlsx"));
    let mut outputs = Vec::new();
    for run in ["a", "b"] {
        let out = scratch(&format!("determinism-{run}"));
        consolidate_ok(&input, &registry, "2026-03", &out);
        outputs.push(out.join("2026-03"));
    }
    let mut names: Vec<_> = std::fs::read_dir(&outputs[0])
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    // Five files and the folder of the districts' files.
    assert_eq!(names.len(), 6, "{names:?}");
    let districts = std::path::Path::new("districts");
    let mut files: Vec<std::path::PathBuf> = names
        .iter()
        .map(std::path::PathBuf::from)
        .filter(|n| n != districts)
        .collect();
    for e in std::fs::read_dir(outputs[0].join(districts)).unwrap() {
        files.push(districts.join(e.unwrap().file_name()));
    }
    assert!(files.len() > 6, "no district files: {files:?}");
    for name in files {
        let a = std::fs::read(outputs[0].join(&name)).unwrap();
        let b = std::fs::read(outputs[1].join(&name)).unwrap();
        assert!(a == b, "{name:?} differs between two runs");
    }
}
