//! Property test over generated report-like workbooks: random header order
//! and spelling, title rows, numbers typed as text, blanks, total rows, junk
//! cells and formulas without values, written with rust_xlsxwriter and read
//! through the library's bytes-to-tables path. Whatever the layout, reading
//! never panics and nothing is lost: every row read is accepted or rejected,
//! and every rejected row has an issue at its row.

use jinaq::read_bytes;
use jinaq::Period;
use jinaq::Pipeline;
use proptest::prelude::*;
use rust_xlsxwriter::{Formula, Workbook};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let path = crate::common::root().join("pipelines/aktobe-training.toml");
        Pipeline::load(&path).expect("the shipped pipeline loads")
    })
}

/// The columns a report may have, each with spellings districts use.
const COLUMNS: [(&str, &[&str]); 9] = [
    ("row_number", &["№", "№ п/п", "р/с"]),
    (
        "org",
        &[
            "Бастауыш кәсіподақ ұйымының атауы",
            "Наименование ППО",
            "Организация",
        ],
    ),
    (
        "members",
        &["Кәсіподақ мүшелерінің саны", "Численность членов профсоюза"],
    ),
    (
        "trained.total",
        &["Кәсіподақтық оқытудан өткендер саны", "Обучено всего"],
    ),
    (
        "trained.members",
        &["кәсіподақ мүшелері", "члены профсоюза"],
    ),
    (
        "trained.audit",
        &[
            "тексеру комиссияларының мүшелері",
            "члены ревизионных комиссий",
        ],
    ),
    (
        "trained.activists",
        &["кәсіподақ активі", "профсоюзный актив"],
    ),
    (
        "trained.chairs",
        &["кәсіподақ ұйымдарының төрағалары", "председатели ППО"],
    ),
    ("share", &["%", "Охват %"]),
];

/// One value cell as a district might fill it.
#[derive(Debug, Clone)]
enum Value {
    Blank,
    Number(f64),
    TextNumber(String),
    Junk(String),
    FormulaBlank,
    FormulaCached(f64),
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => Just(Value::Blank),
        6 => (0u32..500).prop_map(|n| Value::Number(f64::from(n))),
        1 => (-50.0f64..50.0).prop_map(Value::Number),
        2 => (0u32..5000).prop_map(|n| Value::TextNumber(match n % 4 {
            0 => format!("{n}"),
            1 => format!("{} {:03}", n / 1000, n % 1000),
            2 => format!("{},5", n),
            _ => format!("{n}\u{a0}"),
        })),
        1 => "[a-zA-Zа-яА-Я#!/ ]{1,12}".prop_map(Value::Junk),
        1 => Just(Value::FormulaBlank),
        1 => (0u32..100).prop_map(|n| Value::FormulaCached(f64::from(n))),
    ]
}

#[derive(Debug, Clone)]
struct Layout {
    titles: Vec<String>,
    blank_rows_before_header: u32,
    /// Indices into COLUMNS, in sheet order; spelling choice for each.
    columns: Vec<(usize, usize)>,
    first_col: u16,
    rows: Vec<(String, Vec<Value>)>,
    total_row: bool,
    junk: Vec<(u32, u16, String)>,
}

fn layout() -> impl Strategy<Value = Layout> {
    let columns = Just((0..COLUMNS.len()).collect::<Vec<_>>())
        .prop_shuffle()
        .prop_flat_map(|order| {
            let n = order.len();
            (
                Just(order),
                proptest::collection::vec(any::<bool>(), n),
                proptest::collection::vec(0usize..3, n),
            )
        })
        .prop_map(|(order, keep, spelling)| {
            order
                .into_iter()
                .zip(keep)
                .zip(spelling)
                // org, members and trained total are usually there
                .filter(|((c, k), _)| *k || (1..=3).contains(c))
                .map(|((c, _), s)| (c, s % COLUMNS[c].1.len()))
                .collect::<Vec<_>>()
        });
    (
        proptest::collection::vec(
            prop_oneof![
                Just("Алға ауданы бойынша есеп".to_string()),
                Just("2026 жылғы наурыз".to_string()),
                "[а-яА-Я ]{0,20}",
            ],
            0..3,
        ),
        0u32..3,
        columns,
        0u16..3,
        proptest::collection::vec(
            ("[а-яА-Я№0-9 ]{0,16}", proptest::collection::vec(value(), 9)),
            0..10,
        ),
        any::<bool>(),
        proptest::collection::vec((0u32..30, 0u16..15, "[a-z=+@ ]{0,8}"), 0..4),
    )
        .prop_map(
            |(titles, blank, columns, first_col, rows, total_row, junk)| Layout {
                titles,
                blank_rows_before_header: blank,
                columns,
                first_col,
                rows,
                total_row,
                junk,
            },
        )
}

fn write(layout: &Layout) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let mut r = 0u32;
    for t in &layout.titles {
        ws.write_string(r, 0, t).unwrap();
        r += 1;
    }
    r += layout.blank_rows_before_header;
    let header_row = r;
    for (i, (c, s)) in layout.columns.iter().enumerate() {
        ws.write_string(r, layout.first_col + i as u16, COLUMNS[*c].1[*s])
            .unwrap();
    }
    r += 1;
    for (n, (name, values)) in layout.rows.iter().enumerate() {
        for (i, (c, _)) in layout.columns.iter().enumerate() {
            let col = layout.first_col + i as u16;
            match COLUMNS[*c].0 {
                "row_number" => {
                    ws.write_number(r, col, (n + 1) as f64).unwrap();
                }
                "org" => {
                    ws.write_string(r, col, name).unwrap();
                }
                _ => {
                    match &values[*c] {
                        Value::Blank => {}
                        Value::Number(x) => {
                            ws.write_number(r, col, *x).unwrap();
                        }
                        Value::TextNumber(t) | Value::Junk(t) => {
                            ws.write_string(r, col, t).unwrap();
                        }
                        Value::FormulaBlank => {
                            // rust_xlsxwriter stores 0 unless told: an empty
                            // result is what some writers leave
                            ws.write_formula(r, col, Formula::new("=1+1").set_result(""))
                                .unwrap();
                        }
                        Value::FormulaCached(x) => {
                            ws.write_formula(
                                r,
                                col,
                                Formula::new("=1+1").set_result(x.to_string()),
                            )
                            .unwrap();
                        }
                    }
                }
            }
        }
        r += 1;
    }
    if layout.total_row {
        ws.write_string(r, layout.first_col, "Барлығы").unwrap();
        for i in 1..layout.columns.len() {
            ws.write_number(r, layout.first_col + i as u16, 1.0)
                .unwrap();
        }
    }
    for (jr, jc, text) in &layout.junk {
        // junk around the table, never over the header
        if *jr != header_row {
            ws.write_string(r + 2 + jr, *jc, text).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    #[test]
    fn generated_reports_are_read_and_every_row_is_accounted_for(layout in layout()) {
        let bytes = write(&layout);
        let report = read_bytes("Алға ауданы 2026-03.xlsx", bytes, pipeline(), Period::new(2026, 3));
        prop_assert!(report.rows_rejected() <= report.rows_read());
        if let Some(c) = &report.coverage {
            prop_assert_eq!(c.rows.len(), c.rows_read);
            prop_assert_eq!(c.rows.iter().filter(|r| !r.accepted).count(), c.rows_rejected);
            for row in c.rows.iter().filter(|r| !r.accepted) {
                let at_row = report.issues.iter().any(|i| {
                    i.place.excel_row() == Some(row.row + 1)
                        && i.place.sheet.as_deref() == Some(c.sheet.as_str())
                });
                prop_assert!(at_row, "rejected row {} has no issue: {:#?}", row.row + 1, report.issues);
            }
            // a row is read only when it holds something: no more rows than written
            prop_assert!(c.rows_read <= layout.rows.len() + layout.junk.len());
        }
    }
}
