//! The reporting calendar: a period is a month whose figures are cumulative
//! from 1 January of its year, reported "as of" the first day of the next
//! month; a day ([`Ymd`]) is a date as a cell holds it.

use std::fmt;
use std::str::FromStr;

/// A reporting month; figures are cumulative from 1 January of its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub(crate) year: i32,
    pub(crate) month: u32,
}

impl Period {
    pub fn new(year: i32, month: u32) -> Option<Period> {
        ((1..=12).contains(&month) && (2000..=2099).contains(&year))
            .then_some(Period { year, month })
    }

    /// The "as of" date: the first day of the next month.
    pub fn as_of(&self) -> (i32, u32, u32) {
        if self.month == 12 {
            (self.year + 1, 1, 1)
        } else {
            (self.year, self.month + 1, 1)
        }
    }

    pub(crate) fn as_of_iso(&self) -> String {
        let (y, m, d) = self.as_of();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `01.04.2026`, as the seed's table heads its columns.
    pub(crate) fn as_of_dotted(&self) -> String {
        let (y, m, d) = self.as_of();
        format!("{d:02}.{m:02}.{y:04}")
    }

    pub(crate) fn previous(&self) -> Period {
        if self.month == 1 {
            Period {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Period {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    pub(crate) fn next(&self) -> Period {
        if self.month == 12 {
            Period {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Period {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub(crate) fn year_before(&self) -> Period {
        Period {
            year: self.year - 1,
            month: self.month,
        }
    }

    /// The period whose figures are "as of" `day`: the month before when
    /// it is the first of a month (as of 01.01.2026 is 2025-12, figures
    /// cumulative to the end of December), the month itself when it is its
    /// last day (31.12.2025 is 2025-12 too); None for any other day.
    pub(crate) fn as_of_day(day: Ymd) -> Option<Period> {
        let month = Period::new(day.year, day.month)?;
        if day.day == 1 {
            Some(month.previous()).filter(|p| Period::new(p.year, p.month).is_some())
        } else if day == month.last_day() {
            Some(month)
        } else {
            None
        }
    }

    /// The last day of the period.
    pub fn last_day(&self) -> Ymd {
        Ymd {
            year: self.year,
            month: self.month,
            day: days_in_month(self.year, self.month),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Period, String> {
        let bad = || format!("`{s}` is not a period: write it as YYYY-MM, for example 2026-03");
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.len() != 2 {
            return Err(bad());
        }
        Period::new(y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?).ok_or_else(bad)
    }
}

/// A calendar day, as a cell or a period gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Ymd {
    pub(crate) fn new(year: i32, month: u32, day: u32) -> Option<Ymd> {
        let d = Ymd { year, month, day };
        d.is_valid().then_some(d)
    }

    pub(crate) fn is_valid(&self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
    }

    /// A date from an Excel serial number in the 1900 or 1904 system.
    pub(crate) fn from_serial(serial: f64, is_1904: bool) -> Option<Ymd> {
        if !(1.0..=2_958_465.0).contains(&serial) {
            return None;
        }
        let mut days = serial.floor() as i64;
        if is_1904 {
            days += 1462;
        } else if days < 60 {
            // Excel's 1900 leap-year bug: serials before 1 March 1900 are off by one.
            days += 1;
        }
        // Days since 1899-12-30 -> civil date.
        Some(civil_from_days(days - 25_569))
    }

    pub(crate) fn dd_mm_yyyy(&self) -> String {
        format!("{:02}.{:02}.{:04}", self.day, self.month, self.year)
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 -> date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Ymd {
        year: (if m <= 2 { y + 1 } else { y }) as i32,
        month: m,
        day: d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_text_forms() {
        assert_eq!(
            "2026-03".parse::<Period>().unwrap().as_of_dotted(),
            "01.04.2026"
        );
        assert_eq!(
            "2025-12".parse::<Period>().unwrap().as_of_iso(),
            "2026-01-01"
        );
        assert!("2026-13".parse::<Period>().is_err());
        assert!("март".parse::<Period>().is_err());
    }

    #[test]
    fn the_period_of_an_as_of_date() {
        let p = |s: &str| s.parse::<Period>().ok();
        let day = |y, m, d| Ymd::new(y, m, d).unwrap();
        assert_eq!(Period::as_of_day(day(2026, 1, 1)), p("2025-12"));
        assert_eq!(Period::as_of_day(day(2025, 1, 1)), p("2024-12"));
        assert_eq!(Period::as_of_day(day(2026, 4, 1)), p("2026-03"));
        assert_eq!(Period::as_of_day(day(2025, 12, 31)), p("2025-12"));
        assert_eq!(Period::as_of_day(day(2024, 2, 29)), p("2024-02"));
        assert_eq!(Period::as_of_day(day(2026, 3, 15)), None);
        for q in ["2025-12", "2026-03"] {
            let q: Period = q.parse().unwrap();
            let (y, m, d) = q.as_of();
            assert_eq!(Period::as_of_day(day(y, m, d)), Some(q));
        }
    }

    #[test]
    fn serials_in_both_date_systems() {
        assert_eq!(Ymd::from_serial(46_096.0, false), Ymd::new(2026, 3, 15));
        assert_eq!(Ymd::from_serial(44_634.0, true), Ymd::new(2026, 3, 15));
        assert_eq!(Ymd::from_serial(61.0, false), Ymd::new(1900, 3, 1));
        assert_eq!(Ymd::from_serial(-3.0, false), None);
        assert_eq!(Ymd::new(2026, 2, 29), None);
        assert!(Ymd::new(2024, 2, 29).is_some());
    }
}
