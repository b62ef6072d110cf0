//! Helpers shared by the integration tests.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the project, or None (with a printed notice) when this
/// machine does not have it.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared/fixtures");
    if p.join("2026-03").is_dir() {
        Some(p)
    } else {
        eprintln!("notice: ../shared/fixtures is absent on this machine; test skipped");
        None
    }
}

/// A fresh scratch folder under the target directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

pub fn jinaq(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jinaq"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("jinaq runs")
}

pub fn jinaq_ok(args: &[&str]) -> (i32, String) {
    let out = jinaq(args);
    let code = out.status.code().expect("exit code, not a signal");
    assert!(
        code == 0 || code == 1,
        "jinaq {args:?} exited {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (code, String::from_utf8_lossy(&out.stdout).to_string())
}

pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Whether two JSON numbers agree within a relative tolerance.
pub fn close(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-3 * x.abs().max(1.0),
        _ => a == b,
    }
}

/// Compares every key of `expected` with `got`, recursively; returns the
/// differences as lines.
pub fn diff_json(expected: &Value, got: &Value, path: &str, skip: &[&str], out: &mut Vec<String>) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (k, v) in e {
                if skip.contains(&k.as_str()) {
                    continue;
                }
                match g.get(k) {
                    Some(gv) => diff_json(v, gv, &format!("{path}.{k}"), skip, out),
                    None => out.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Number(_), Value::Number(_)) => {
            let (x, y) = (expected.as_f64().unwrap(), got.as_f64().unwrap());
            if (x - y).abs() > 1e-9 * x.abs().max(1.0) {
                out.push(format!("{path}: expected {x}, got {y}"));
            }
        }
        (e, g) if e != g => out.push(format!("{path}: expected {e}, got {g}")),
        _ => {}
    }
}
