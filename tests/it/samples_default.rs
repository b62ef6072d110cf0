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

/// The run summary names the output folder as a person finds it: the
/// pipeline's `../output` is relative to the pipeline file, and the printed
/// folder carries no `..`.
#[test]
fn the_output_folder_is_printed_without_dot_dot() {
    let dir = scratch("printed-output");
    let pipelines = dir.join("pipelines");
    std::fs::create_dir_all(&pipelines).unwrap();
    let text = std::fs::read_to_string(root().join("pipelines/aktobe-training.toml")).unwrap();
    let samples = root().join("samples");
    let text = text
        .replace(
            "input = \"../samples/inbox\"",
            &format!("input = {:?}", samples.join("inbox").to_str().unwrap()),
        )
        .replace(
            "registry = \"../samples/registry.xlsx\"",
            &format!(
                "registry = {:?}",
                samples.join("registry.xlsx").to_str().unwrap()
            ),
        );
    assert!(text.contains("output = \"../output\""));
    let pipeline = pipelines.join("aktobe-training.toml");
    std::fs::write(&pipeline, text).unwrap();
    let (_, stdout) = jinaq_ok(&["consolidate", "--pipeline", pipeline.to_str().unwrap()]);
    let printed = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Нәтижелер: "))
        .unwrap_or_else(|| panic!("no output folder in:\n{stdout}"));
    let printed = std::path::Path::new(printed);
    assert!(
        printed
            .components()
            .all(|c| c != std::path::Component::ParentDir),
        "{}",
        printed.display()
    );
    assert!(printed.ends_with("output/2026-03"), "{}", printed.display());
    assert!(printed.join("summary-2026-03.json").is_file());
}
