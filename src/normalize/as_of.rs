//! The "as of" date a column header gives, in every form the office writes
//! it: `01.01.2026 жылы`, `на 01.01.2026`, `01.01.2026 г.`, a real date
//! cell, `2026 жылғы 1 қаңтар`, `1 января 2026 г.`, or a year alone
//! (`2025 жыл`, `2025 год`: its last day, the year's figures).
//!
//! Input: a header cell. Output: the day, or None when the cell gives none.
//! Which period a day closes is [`crate::period::Period::as_of_day`].

use super::identify::month_of_word;
use super::text::key;
use super::value::parse_date_text;
use crate::ingest::grid::Cell;
use crate::period::Ymd;

/// Serial numbers of 1 January 2000 and 31 December 2099 (1900 system).
const SERIALS: std::ops::RangeInclusive<f64> = 36_526.0..=73_050.0;

/// The day a header cell gives, if any.
pub(crate) fn as_of_day(cell: &Cell, is_1904: bool) -> Option<Ymd> {
    match cell {
        Cell::Date(d) => Some(*d),
        Cell::Number(n) if n.fract() == 0.0 && (2000.0..=2099.0).contains(n) => {
            Ymd::new(*n as i32, 12, 31)
        }
        Cell::Number(n) if n.fract() == 0.0 && SERIALS.contains(n) => Ymd::from_serial(*n, is_1904),
        Cell::Text(t) => day_in_text(t),
        _ => None,
    }
}

fn day_in_text(text: &str) -> Option<Ymd> {
    // A date written in digits anywhere among the words (`на 01.01.2026`,
    // `01.01.2026 жылы`), read as an event date is.
    let written = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find_map(parse_date_text);
    if written.is_some() {
        return written;
    }
    // Words: `2026 жылғы 1 қаңтар`, `на 1 января 2026 года`, `2025 жыл`.
    let k = key(text);
    let mut year = None;
    let mut day = None;
    let mut month = None;
    for word in k.split(' ') {
        let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
        match digits.len() {
            4 if digits.starts_with("20") => year = year.or(digits.parse().ok()),
            1 | 2 => day = day.or(digits.parse::<u32>().ok()),
            0 => month = month.or_else(|| month_of_word(word)),
            _ => {}
        }
    }
    match (year?, month, day) {
        (y, Some(m), Some(d)) => Ymd::new(y, m, d),
        // A year alone: the year's figures, as of its end.
        (y, None, None) => Ymd::new(y, 12, 31),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Option<Ymd> {
        as_of_day(&Cell::Text(s.into()), false)
    }

    #[test]
    fn every_written_form_of_an_as_of_date() {
        let jan26 = Ymd::new(2026, 1, 1);
        for s in [
            "01.01.2026 жылы",
            "на 01.01.2026",
            "01.01.2026 г.",
            "по состоянию на 1.1.2026 г.",
            "2026-01-01",
            "01/01/2026",
            "2026 жылғы 1 қаңтар",
            "2026 жылғы 01 қаңтардағы жағдай бойынша",
            "на 1 января 2026 года",
            "1 January 2026",
        ] {
            assert_eq!(text(s), jan26, "{s}");
        }
        assert_eq!(text("2025 жыл"), Ymd::new(2025, 12, 31));
        assert_eq!(text("за 2025 год"), Ymd::new(2025, 12, 31));
        assert_eq!(
            as_of_day(&Cell::Date(Ymd::new(2025, 1, 1).unwrap()), false),
            Ymd::new(2025, 1, 1)
        );
        assert_eq!(
            as_of_day(&Cell::Number(45_658.0), false),
            Ymd::new(2025, 1, 1)
        );
        assert_eq!(
            as_of_day(&Cell::Number(2024.0), false),
            Ymd::new(2024, 12, 31)
        );
        for s in ["Көрсеткіш", "Показатель", "№", "33 468", "5 673"] {
            assert_eq!(text(s), None, "{s}");
        }
        assert_eq!(as_of_day(&Cell::Number(33_468.0), false), None);
    }
}
