//! Cell -> typed value, in every written form the districts use.
//!
//! Counts arrive as numbers or as text with any space, a trailing dot, an
//! empty cell for zero; shares as 16.9, 0.169 or "16,9%"; dates as real
//! dates, text or serial numbers. A value that cannot be read is `None` plus a
//! [`Problem`] naming the rule; never a silent 0.

use crate::ingest::grid::Cell;
use crate::issue::Rule;
use crate::period::Ymd;

/// Why a cell's value could not be taken as it is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    pub(crate) rule: Rule,
    /// The cell as written: a number where the cell holds a number.
    pub(crate) actual: serde_json::Value,
}

impl Problem {
    fn new(rule: Rule, cell: &Cell) -> Problem {
        let actual = match cell {
            Cell::Number(n) => crate::issue::num(*n),
            other => other.display().into(),
        };
        Problem { rule, actual }
    }
}

/// A value read from a cell, with the problem found in it, if any.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Read<T> {
    pub(crate) value: Option<T>,
    pub(crate) problem: Option<Problem>,
    /// The cell is a formula without a computed value.
    pub(crate) no_value: bool,
}

impl<T> Read<T> {
    fn ok(v: Option<T>) -> Read<T> {
        Read {
            value: v,
            problem: None,
            no_value: false,
        }
    }

    fn bad(problem: Problem) -> Read<T> {
        Read {
            value: None,
            problem: Some(problem),
            no_value: false,
        }
    }
}

/// Text that stands for "nothing" in a count cell.
fn is_placeholder(s: &str) -> bool {
    matches!(s, "-" | "–" | "—" | "−" | "x" | "х" | "X" | "Х")
}

/// Whether a text is a spreadsheet's error value, as a cell shows it in any
/// language (`#DIV/0!`, `#ДЕЛ/0!`, `#ЗНАЧ!`, `#Н/Д`) or as LibreOffice
/// writes it (`Err:532`): a value pasted as text or kept as text by a file.
pub(crate) fn is_error_text(t: &str) -> bool {
    let t = t.trim();
    let excel = t.starts_with('#')
        && t.chars().count() <= 16
        && (t.ends_with(['!', '?']) || matches!(t, "#N/A" | "#Н/Д"));
    let libreoffice = t
        .strip_prefix("Err:")
        .is_some_and(|n| n.len() == 3 && n.chars().all(|c| c.is_ascii_digit()));
    excel || libreoffice
}

/// Parses a number written as text: any kind of space as a thousands
/// separator, decimal comma, Unicode minus, trailing dot, trailing `%`.
/// Returns the number and whether a `%` sign was written.
pub(crate) fn parse_number_text(s: &str) -> Option<(f64, bool)> {
    let mut t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{FEFF}' | '\''))
        .map(|c| match c {
            '\u{2212}' | '\u{2013}' => '-',
            ',' => '.',
            c => c,
        })
        .collect();
    let percent = t.ends_with('%');
    if percent {
        t.pop();
    }
    while t.ends_with('.') {
        t.pop();
    }
    if t.is_empty() || !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // `1.234.567` written with dots as thousands separators
    if t.matches('.').count() > 1 {
        let parts: Vec<&str> = t.split('.').collect();
        if parts[1..].iter().all(|p| p.len() == 3) {
            t = parts.concat();
        } else {
            return None;
        }
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
    {
        return None;
    }
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| (v, percent))
}

/// A number from a cell, before any rule about counts.
fn number(cell: &Cell) -> Read<f64> {
    match cell {
        Cell::Empty => Read::ok(None),
        Cell::Number(n) => Read::ok(Some(*n)),
        Cell::Text(s) => {
            let t = s.trim();
            if t.is_empty() || is_placeholder(t) {
                Read::ok(None)
            } else if is_error_text(t) {
                Read::bad(Problem::new(Rule::ValueErrorCell, cell))
            } else {
                match parse_number_text(t) {
                    Some((v, _)) => Read::ok(Some(v)),
                    None => Read::bad(Problem::new(Rule::ValueNotANumber, cell)),
                }
            }
        }
        Cell::Error(_) => Read::bad(Problem::new(Rule::ValueErrorCell, cell)),
        Cell::NoValue => Read {
            value: None,
            problem: None,
            no_value: true,
        },
        Cell::Bool(_) | Cell::Date(_) => Read::bad(Problem::new(Rule::ValueNotANumber, cell)),
    }
}

/// A count of people: whole and not negative. A negative or fractional count
/// keeps its value (it is what the district wrote) and carries the problem.
pub(crate) fn count(cell: &Cell) -> Read<f64> {
    let mut r = number(cell);
    if let Some(v) = r.value {
        if v < 0.0 {
            r.problem = Some(Problem::new(Rule::ValueNegative, cell));
        } else if v.fract().abs() > 1e-9 {
            r.problem = Some(Problem::new(Rule::ValueFractional, cell));
        }
    }
    r
}

/// An amount of money: not negative, fractions allowed.
pub(crate) fn amount(cell: &Cell) -> Read<f64> {
    let mut r = number(cell);
    if r.value.is_some_and(|v| v < 0.0) {
        r.problem = Some(Problem::new(Rule::ValueNegative, cell));
    }
    r
}

/// A share as written: the number, whether a `%` sign was written, and the
/// decimals written (for text) or needed (for numbers).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Share {
    pub(crate) value: f64,
    pub(crate) percent_sign: bool,
    pub(crate) decimals: u32,
}

/// A stated share. `#DIV/0!` is a problem the caller may forgive where the
/// members are 0.
pub(crate) fn share(cell: &Cell) -> Read<Share> {
    match cell {
        Cell::Text(s) => {
            let t = s.trim();
            if t.is_empty() || is_placeholder(t) {
                return Read::ok(None);
            }
            if is_error_text(t) {
                return Read::bad(Problem::new(Rule::ValueErrorCell, cell));
            }
            match parse_number_text(t) {
                Some((v, pct)) => {
                    let decimals = t
                        .trim_end_matches('%')
                        .trim()
                        .rsplit_once([',', '.'])
                        .map_or(0, |(_, d)| {
                            d.chars().filter(char::is_ascii_digit).count() as u32
                        });
                    Read::ok(Some(Share {
                        value: v,
                        percent_sign: pct,
                        decimals,
                    }))
                }
                None => Read::bad(Problem::new(Rule::ValueNotANumber, cell)),
            }
        }
        _ => {
            let r = number(cell);
            Read {
                value: r.value.map(|v| Share {
                    value: v,
                    percent_sign: false,
                    decimals: decimals_of(v),
                }),
                problem: r.problem,
                no_value: r.no_value,
            }
        }
    }
}

/// The fewest decimals (up to 6) that write `v` exactly.
pub(crate) fn decimals_of(v: f64) -> u32 {
    (0..=6)
        .find(|&d| {
            let p = 10f64.powi(d as i32);
            ((v * p).round() / p - v).abs() < 1e-9 * v.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// A date, from a date cell, text `dd.mm.yyyy` / `dd.mm.yy` / `yyyy-mm-dd` /
/// `dd/mm/yyyy`, or a bare serial number in the workbook's date system.
pub(crate) fn date(cell: &Cell, is_1904: bool) -> Read<Ymd> {
    match cell {
        Cell::Empty => Read::ok(None),
        Cell::Date(d) => Read::ok(Some(*d)),
        Cell::Number(n) => match Ymd::from_serial(*n, is_1904) {
            Some(d) if n.fract() == 0.0 => Read::ok(Some(d)),
            _ => Read::bad(Problem::new(Rule::ValueBadDate, cell)),
        },
        Cell::Text(s) => {
            let t = s.trim();
            if t.is_empty() {
                return Read::ok(None);
            }
            match parse_date_text(t) {
                Some(d) => Read::ok(Some(d)),
                None => Read::bad(Problem::new(Rule::ValueBadDate, cell)),
            }
        }
        Cell::NoValue => Read {
            value: None,
            problem: None,
            no_value: true,
        },
        Cell::Error(_) => Read::bad(Problem::new(Rule::ValueErrorCell, cell)),
        Cell::Bool(_) => Read::bad(Problem::new(Rule::ValueBadDate, cell)),
    }
}

pub(crate) fn parse_date_text(t: &str) -> Option<Ymd> {
    let t = t.trim().trim_end_matches(['ж', '.', ' ', 'г']).trim();
    let head = t.split_whitespace().next()?;
    let parts: Vec<&str> = head.split(['.', '/', '-']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (a, b, c): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    let (y, m, d) = if parts[0].len() == 4 {
        (a as i32, b, c)
    } else {
        let y = match parts[2].len() {
            2 => 2000 + c as i32,
            4 => c as i32,
            _ => return None,
        };
        (y, b, a)
    };
    Ymd::new(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn counts_in_every_written_form() {
        for (cell, want) in [
            (Cell::Number(1494.0), 1494.0),
            (text("1 494"), 1494.0),
            (text("1\u{a0}494"), 1494.0),
            (text("1\u{2009}494"), 1494.0),
            (text("1\u{202f}494"), 1494.0),
            (text("12."), 12.0),
            (text(" 7 "), 7.0),
        ] {
            let r = count(&cell);
            assert_eq!(r.value, Some(want), "{cell:?}");
            assert_eq!(r.problem, None, "{cell:?}");
        }
        assert_eq!(count(&Cell::Empty).value, None);
        assert_eq!(count(&text("-")).value, None);
    }

    #[test]
    fn count_problems() {
        assert_eq!(
            count(&text("нет")).problem.unwrap().rule,
            Rule::ValueNotANumber
        );
        assert_eq!(
            count(&Cell::Error("#REF!".into())).problem.unwrap().rule,
            Rule::ValueErrorCell
        );
        let neg = count(&Cell::Number(-3.0));
        assert_eq!(
            (neg.value, neg.problem.unwrap().rule),
            (Some(-3.0), Rule::ValueNegative)
        );
        assert_eq!(
            count(&Cell::Number(2.5)).problem.unwrap().rule,
            Rule::ValueFractional
        );
        assert!(count(&Cell::NoValue).no_value);
        assert_eq!(
            count(&text("−5")).problem.unwrap().rule,
            Rule::ValueNegative
        );
    }

    #[test]
    fn shares() {
        let s = share(&text("16,9%")).value.unwrap();
        assert_eq!((s.value, s.percent_sign, s.decimals), (16.9, true, 1));
        let s = share(&text("16,9")).value.unwrap();
        assert_eq!((s.value, s.percent_sign, s.decimals), (16.9, false, 1));
        let s = share(&Cell::Number(0.169)).value.unwrap();
        assert_eq!((s.value, s.decimals), (0.169, 3));
        assert_eq!(
            share(&Cell::Error("#DIV/0!".into())).problem.unwrap().rule,
            Rule::ValueErrorCell
        );
        for t in [
            "#DIV/0!",
            "#ДЕЛ/0!",
            "#ЗНАЧ!",
            "#VALUE!",
            "#Н/Д",
            "#N/A",
            "#ИМЯ?",
            "Err:532",
            " #ДЕЛ/0! ",
        ] {
            assert_eq!(
                share(&text(t)).problem.unwrap().rule,
                Rule::ValueErrorCell,
                "{t}"
            );
            assert_eq!(
                count(&text(t)).problem.unwrap().rule,
                Rule::ValueErrorCell,
                "{t}"
            );
        }
        for t in ["#5", "№ 5", "Err:", "16,9%"] {
            assert!(!is_error_text(t), "{t}");
        }
    }

    #[test]
    fn dates_in_every_form() {
        let want = Ymd::new(2026, 3, 15);
        assert_eq!(date(&text("15.03.2026"), false).value, want);
        assert_eq!(date(&text("15.03.26"), false).value, want);
        assert_eq!(date(&text("2026-03-15"), false).value, want);
        assert_eq!(date(&text("15/03/2026"), false).value, want);
        assert_eq!(date(&Cell::Number(46_096.0), false).value, want);
        assert_eq!(date(&Cell::Number(44_634.0), true).value, want);
        assert_eq!(date(&Cell::Date(want.unwrap()), false).value, want);
        assert_eq!(
            date(&text("31.02.2026"), false).problem.unwrap().rule,
            Rule::ValueBadDate
        );
        assert_eq!(
            date(&text("наурыз"), false).problem.unwrap().rule,
            Rule::ValueBadDate
        );
    }

    #[test]
    fn number_text_edge_cases() {
        assert_eq!(parse_number_text("1.234.567"), Some((1_234_567.0, false)));
        assert_eq!(parse_number_text("12,5 %"), Some((12.5, true)));
        assert_eq!(parse_number_text("abc"), None);
        assert_eq!(parse_number_text("."), None);
        assert_eq!(decimals_of(16.9), 1);
        assert_eq!(decimals_of(4.0), 0);
    }
}
