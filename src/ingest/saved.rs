//! When a workbook was last saved, by what travels inside the file.
//!
//! The file system's modification time changes whenever a file is copied,
//! saved from an e-mail or checked out; the time a spreadsheet program
//! writes into the workbook does not. Input: the file's bytes. Output: the
//! last-saved moment (UTC) the workbook states, or `None`:
//!
//! - xlsx, xlsm, xlsb: `docProps/core.xml`, `dcterms:modified`;
//! - ods: `meta.xml`, `dc:date`, else `meta:creation-date`;
//! - xls: the `SummaryInformation` property set of the compound file,
//!   `PIDSI_LASTSAVE_DTM` (a FILETIME), read through the guard's bounded
//!   walk of the container.
//!
//! Every read is bounded (a part of at most [`MAX_PART`] bytes); a damaged
//! or missing part is `None`, never an error: the date then comes from
//! elsewhere ([`Received`]).

use super::format::Format;
use super::guard;
use super::workbook::sniff;
use crate::period::Ymd;
use quick_xml::events::Event;
use std::io::{Cursor, Read};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The largest metadata part read; real ones are a few kilobytes.
const MAX_PART: u64 = 256 * 1024;
/// Seconds from 1601-01-01 (FILETIME's epoch) to 1970-01-01.
const FILETIME_EPOCH: i64 = 11_644_473_600;
/// `PIDSI_LASTSAVE_DTM` of the SummaryInformation property set.
const PID_LASTSAVE: u32 = 13;
const VT_FILETIME: u16 = 0x0040;

/// Files at the top of the inbox where the specialist records the days
/// reports were received (columns: file or unit, date received); the
/// first is the one the workbook's note names. The run reads them, the
/// inbox listing passes them over.
pub(crate) const RECORD_FILES: &[&str] = &["received.csv", "received.xlsx"];

/// Whether a file at the top of the inbox is the specialist's record of
/// received dates.
pub(crate) fn is_record(name: &str) -> bool {
    RECORD_FILES.iter().any(|f| f.eq_ignore_ascii_case(name))
}

/// Where the received date of a report came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateSource {
    /// Recorded by the specialist beside the inbox.
    Recorded,
    /// The workbook's own last-saved time.
    Saved,
    /// The file system's modification time: the last resort.
    FileSystem,
}

/// The day a report was received and where that day came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Received {
    pub(crate) on: Ymd,
    pub(crate) source: DateSource,
}

impl Received {
    /// The first of: the day the specialist recorded, the day the workbook
    /// was last saved, the file's modification day; saved and modified
    /// moments are days by the office's clock (`offset_secs` east of UTC).
    pub(crate) fn choose(
        recorded: Option<Ymd>,
        saved: Option<SystemTime>,
        modified: Option<SystemTime>,
        offset_secs: i64,
    ) -> Option<Received> {
        let day = |t: Option<SystemTime>| t.and_then(|t| local_day(t, offset_secs));
        recorded
            .map(|on| (on, DateSource::Recorded))
            .or_else(|| day(saved).map(|on| (on, DateSource::Saved)))
            .or_else(|| day(modified).map(|on| (on, DateSource::FileSystem)))
            .map(|(on, source)| Received { on, source })
    }
}

/// The calendar day of a moment by a clock `offset_secs` east of UTC (the
/// pipeline's `utc_offset_hours`): a file saved late on the due day by the
/// office's clock is on time.
pub(crate) fn local_day(t: SystemTime, offset_secs: i64) -> Option<Ymd> {
    let secs = match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    };
    let days = (secs + offset_secs).div_euclid(86_400);
    // Excel's serial 25 569 is 1970-01-01.
    Ymd::from_serial(days as f64 + 25_569.0, false)
}

/// The moment the run takes as "now": `JINAQ_NOW` (`YYYY-MM-DD` or
/// `YYYY-MM-DDTHH:MM:SSZ`, UTC) where set and valid, else the system clock.
/// A received date after it is unknown; tests fix it for byte-identical
/// outputs.
pub(crate) fn run_now() -> SystemTime {
    std::env::var("JINAQ_NOW")
        .ok()
        .and_then(|v| w3c_time(v.trim()))
        .unwrap_or_else(SystemTime::now)
}

/// The workbook's last-saved moment, where it states one.
pub(crate) fn saved_time(bytes: &[u8]) -> Option<SystemTime> {
    match sniff(bytes).ok()? {
        Format::Xlsx | Format::Xlsb => {
            let xml = zip_part(bytes, "docProps/core.xml")?;
            element_text(&xml, b"modified").and_then(|t| w3c_time(&t))
        }
        Format::Ods => {
            let xml = zip_part(bytes, "meta.xml")?;
            element_text(&xml, b"date")
                .and_then(|t| w3c_time(&t))
                .or_else(|| element_text(&xml, b"creation-date").and_then(|t| w3c_time(&t)))
        }
        Format::Xls => {
            let stream = guard::xls_stream(bytes, "\u{5}SummaryInformation")?;
            last_saved(&stream)
        }
    }
}

/// One part of a zip container, at most [`MAX_PART`] bytes of it.
fn zip_part(bytes: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let part = zip.by_name(name).ok()?;
    let mut out = Vec::new();
    part.take(MAX_PART).read_to_end(&mut out).ok()?;
    Some(out)
}

/// The text of the first element of this local name (any prefix).
fn element_text(xml: &[u8], local: &[u8]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut inside = false;
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) => {
                let name = e.local_name();
                let name: &[u8] = name.into_inner().as_bytes();
                inside = name == local;
            }
            Event::Text(t) if inside => {
                let raw = t.chars().collect::<String>().trim().to_string();
                if !raw.is_empty() {
                    return Some(raw);
                }
            }
            Event::End(_) => inside = false,
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// A W3C date-time (`2026-04-05T16:25:54Z`, with or without fractions of a
/// second and an offset `+05:00`; none means UTC) or a plain date, as UTC.
pub(crate) fn w3c_time(s: &str) -> Option<SystemTime> {
    let num = |t: &str| -> Option<i64> {
        (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let (date, rest) = s.split_at(s.find(['T', ' ']).unwrap_or(s.len()));
    let mut d = date.split('-');
    let (y, m, day) = (num(d.next()?)?, num(d.next()?)?, num(d.next()?)?);
    if d.next().is_some() {
        return None;
    }
    let ymd = Ymd::new(i32::try_from(y).ok()?, m as u32, day as u32)?;
    let rest = rest.get(1..).unwrap_or("");
    let (clock, offset) = match rest.find(['Z', 'z', '+', '-']) {
        Some(i) => (&rest[..i], zone(&rest[i..])?),
        None => (rest, 0),
    };
    let mut secs = 0;
    if !clock.is_empty() {
        let clock = clock.split('.').next()?;
        let mut parts = clock.split(':');
        let h = num(parts.next()?)?;
        let mi = num(parts.next()?)?;
        let sec = parts.next().map_or(Some(0), num)?;
        if h > 23 || mi > 59 || sec > 60 || parts.next().is_some() {
            return None;
        }
        secs = h * 3600 + mi * 60 + sec;
    }
    let total = days_from_civil(ymd) * 86_400 + secs - offset;
    at(total)
}

/// A zone designator's offset east of UTC in seconds.
fn zone(z: &str) -> Option<i64> {
    if z.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = if z.starts_with('-') { -1 } else { 1 };
    let (h, m) = z[1..].split_once(':').unwrap_or((&z[1..], "0"));
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 14 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

/// Seconds since 1970 -> a moment; before 1970 is no saved time of a report.
fn at(secs: i64) -> Option<SystemTime> {
    u64::try_from(secs)
        .ok()
        .map(|s| UNIX_EPOCH + Duration::from_secs(s))
}

/// Days from 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(d: Ymd) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// `PIDSI_LASTSAVE_DTM` of a SummaryInformation stream (MS-OLEPS): the
/// first property set's table of (id, offset) pairs, the property a
/// `VT_FILETIME` of 100-ns ticks since 1601.
fn last_saved(stream: &[u8]) -> Option<SystemTime> {
    if u16_at(stream, 0)? != 0xFFFE || u32_at(stream, 24)? == 0 {
        return None;
    }
    let set = u32_at(stream, 44)? as usize;
    let count = u32_at(stream, set + 4)? as usize;
    // Each pair takes 8 bytes: a count past the stream is damage.
    if count > stream.len() / 8 {
        return None;
    }
    let offset = (0..count).find_map(|i| {
        let at = set + 8 + i * 8;
        (u32_at(stream, at)? == PID_LASTSAVE).then(|| u32_at(stream, at + 4))?
    })?;
    let prop = set.checked_add(offset as usize)?;
    if u16_at(stream, prop)? != VT_FILETIME {
        return None;
    }
    let low = u64::from(u32_at(stream, prop + 4)?);
    let high = u64::from(u32_at(stream, prop + 8)?);
    let ticks = (high << 32) | low;
    if ticks == 0 {
        return None;
    }
    at((ticks / 10_000_000) as i64 - FILETIME_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(t: SystemTime) -> u64 {
        t.duration_since(UNIX_EPOCH).unwrap().as_secs()
    }

    #[test]
    fn w3c_times_in_every_form() {
        // 2026-04-05 16:25:54 UTC.
        let want = 1_775_406_354;
        for s in [
            "2026-04-05T16:25:54Z",
            "2026-04-05T16:25:54.123456789Z",
            "2026-04-05T16:25:54",
            "2026-04-05T21:25:54+05:00",
            "2026-04-05T13:25:54-03:00",
            "2026-04-05 16:25:54",
        ] {
            assert_eq!(w3c_time(s).map(secs), Some(want), "{s}");
        }
        assert_eq!(w3c_time("2026-04-05").map(secs), Some(want - 59_154));
        for bad in [
            "",
            "2026-13-01T00:00:00Z",
            "2026-04-05T25:00:00Z",
            "05.04.2026",
            "1601-01-01",
            "x",
        ] {
            assert_eq!(w3c_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_moment_is_the_day_of_the_office_clock() {
        let t = w3c_time("2026-04-05T19:30:00Z").unwrap();
        let aktobe = local_day(t, 5 * 3600).unwrap();
        assert_eq!(aktobe, Ymd::new(2026, 4, 6).unwrap());
        assert_eq!(local_day(t, 0).unwrap(), Ymd::new(2026, 4, 5).unwrap());
    }

    #[test]
    fn the_recorded_day_comes_first_then_the_saved_then_the_file_system() {
        let saved = w3c_time("2026-04-03T10:00:00Z");
        let modified = w3c_time("2026-12-07T10:00:00Z");
        let recorded = Ymd::new(2026, 4, 4);
        let r = Received::choose(recorded, saved, modified, 0).unwrap();
        assert_eq!((r.on, r.source), (recorded.unwrap(), DateSource::Recorded));
        let r = Received::choose(None, saved, modified, 0).unwrap();
        assert_eq!((r.on.day, r.source), (3, DateSource::Saved));
        let r = Received::choose(None, None, modified, 0).unwrap();
        assert_eq!((r.on.month, r.source), (12, DateSource::FileSystem));
        assert_eq!(Received::choose(None, None, None, 0), None);
    }

    /// A SummaryInformation stream holding one FILETIME property.
    fn summary(pid: u32, ticks: u64) -> Vec<u8> {
        let mut s = vec![0u8; 48];
        s[0..2].copy_from_slice(&0xFFFEu16.to_le_bytes());
        s[24..28].copy_from_slice(&1u32.to_le_bytes());
        s[44..48].copy_from_slice(&48u32.to_le_bytes());
        // Set: size, count, one pair (pid, offset 16), the property.
        s.extend(28u32.to_le_bytes());
        s.extend(1u32.to_le_bytes());
        s.extend(pid.to_le_bytes());
        s.extend(16u32.to_le_bytes());
        s.extend(u32::from(VT_FILETIME).to_le_bytes());
        s.extend(ticks.to_le_bytes());
        s
    }

    #[test]
    fn filetimes_of_the_summary_information() {
        let unix = 1_775_200_871u64; // 2026-04-03 07:21:11 UTC
        let ticks = (unix + FILETIME_EPOCH as u64) * 10_000_000;
        assert_eq!(
            last_saved(&summary(PID_LASTSAVE, ticks)).map(secs),
            Some(unix)
        );
        // Another property, no time, or a cut stream: nothing.
        assert_eq!(last_saved(&summary(12, ticks)), None);
        assert_eq!(last_saved(&summary(PID_LASTSAVE, 0)), None);
        let cut = summary(PID_LASTSAVE, ticks);
        for len in 0..cut.len() - 1 {
            assert_eq!(last_saved(&cut[..len]), None, "{len}");
        }
    }

    #[test]
    fn core_properties_text() {
        let xml = br#"<cp:coreProperties xmlns:dcterms="x"><dc:creator>a</dc:creator><dcterms:created>2020-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-04-05T16:25:54Z</dcterms:modified></cp:coreProperties>"#;
        assert_eq!(
            element_text(xml, b"modified").as_deref(),
            Some("2026-04-05T16:25:54Z")
        );
        assert_eq!(element_text(xml, b"date"), None);
        assert_eq!(saved_time(b"not a workbook"), None);
    }
}
