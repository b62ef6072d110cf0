//! Any bytes, opened as a workbook with the shipped pipeline's limits and
//! read to located, normalised tables: must never panic in jinaq's own code,
//! never allocate past libFuzzer's malloc limit, and keep its row counts
//! consistent.
//!
//! A panic inside a third-party reader (calamine, zip, quick-xml) is caught
//! by `workbook::open` and reported as `file.unreadable`, as in a real run;
//! the input is kept under `fuzz/artifacts/read_bytes/caught-*` so that it
//! can become a regression test. Every other panic aborts: a crash.
#![no_main]

use jinaq::Period;
use jinaq::Pipeline;
use jinaq::read_bytes;
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

const PIPELINE: &str = include_str!("../../pipelines/aktobe-training.toml");
const KEEP_CAUGHT: usize = 64;

static CAUGHT: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::parse(PIPELINE, Path::new("pipelines/aktobe-training.toml"))
            .expect("the shipped pipeline parses")
    })
}

fn third_party(file: &str) -> bool {
    ["/calamine-", "/zip-", "/quick-xml-"]
        .iter()
        .any(|c| file.contains(c))
}

fn keep_caught(info: &std::panic::PanicHookInfo) {
    let n = CAUGHT.fetch_add(1, Ordering::Relaxed);
    if n >= KEEP_CAUGHT {
        return;
    }
    let dir = Path::new("artifacts/read_bytes");
    let _ = std::fs::create_dir_all(dir);
    INPUT.with(|i| {
        let bytes = i.borrow();
        let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
        });
        let _ = std::fs::write(dir.join(format!("caught-{hash:016x}")), &*bytes);
        let _ = std::fs::write(
            dir.join(format!("caught-{hash:016x}.txt")),
            info.to_string(),
        );
    });
}

fuzz_target!(
    init: {
        let _ = pipeline();
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            match info.location() {
                Some(l) if third_party(l.file()) => keep_caught(info),
                _ => abort(info),
            }
        }));
    },
    |data: &[u8]| {
        INPUT.with(|i| {
            let mut i = i.borrow_mut();
            i.clear();
            i.extend_from_slice(data);
        });
        let period = Period::new(2026, 3);
        let report = read_bytes("Алға ауданы 2026-03.xlsx", data.to_vec(), pipeline(), period);
        assert!(report.rows_rejected() <= report.rows_read());
        if let Some(c) = &report.coverage {
            assert_eq!(c.rows.len(), c.rows_read);
            assert_eq!(c.rows.iter().filter(|r| !r.accepted).count(), c.rows_rejected);
        }
        // every rejected row has an issue at its row
        let said = |sheet: &str, row: u32| {
            report.issues.iter().any(|i| {
                i.place.sheet.as_deref() == Some(sheet) && i.place.excel_row() == Some(row + 1)
            })
        };
        if let Some(c) = &report.coverage {
            for r in c.rows.iter().filter(|r| !r.accepted) {
                assert!(said(&c.sheet, r.row), "rejected row {} without an issue", r.row + 1);
            }
        }
        if let Some(e) = &report.events {
            assert_eq!(e.rows.len(), e.rows_read);
            let rejected: Vec<_> = e
                .rows
                .iter()
                .filter(|r| r.date.is_none() && r.participants.is_none() && r.topic.is_empty())
                .collect();
            assert_eq!(rejected.len(), e.rows_rejected);
            for r in rejected {
                assert!(said(&e.sheet, r.row), "rejected event row {} without an issue", r.row + 1);
            }
        }
    }
);
