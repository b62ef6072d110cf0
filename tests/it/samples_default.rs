//! The README's first command: `jinaq consolidate` with no flags runs the
//! shipped pipeline on the shipped samples.

use crate::common::*;

#[test]
fn default_command_runs_on_the_samples() {
    // The shipped pipeline writes to output/; run it from a copy of the
    // pipeline that points at the samples but writes into a scratch folder.
    let out = scratch("default-command");
    let text = std::fs::read_to_string(root().join("pipelines/aktobe-training.toml")).unwrap();
    let pipeline = root().join("pipelines/.test-default.toml");
    std::fs::write(
        &pipeline,
        text.replace(
            "output = \"../output\"",
            &format!("output = {:?}", out.to_str().unwrap()),
        ),
    )
    .unwrap();
    let outp = jinaq(&["--pipeline", pipeline.to_str().unwrap()]);
    let _ = std::fs::remove_file(&pipeline);
    assert_eq!(
        outp.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&outp.stderr)
    );
    let stdout = String::from_utf8_lossy(&outp.stdout);
    assert!(stdout.contains("2026-03"), "{stdout}");
    for f in ["consolidated", "discrepancies"] {
        assert!(
            out.join(format!("2026-03/{f}-2026-03.xlsx")).is_file(),
            "{f} missing"
        );
    }
    let summary = read_json(&out.join("2026-03/summary-2026-03.json"));
    assert_eq!(summary["region"]["units_reported"], 14);
}
