//! Zip-based files (xlsx, xlsm, xlsb, ods): the central directory read
//! before any part is unpacked, then the parts a reader would hold whole.

use super::{ods_cells, over, Format, Limit, Refusal};
use crate::pipeline::Limits;
use std::io::{Cursor, Read, Seek};
use zip::ZipArchive;

/// Parts smaller than this unpacked are not held to the compression ratio:
/// a small part cannot be a bomb, and tiny XML parts pack very densely.
const RATIO_FLOOR: u64 = 1024 * 1024;

pub(crate) fn check(bytes: &[u8], format: Format, limits: &Limits) -> Result<(), Refusal> {
    let mut zip =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| Refusal::Damaged(format!("zip: {e}")))?;
    let parts = zip.len() as u64;
    if parts > limits.max_zip_entries {
        return Err(over(
            Limit::ZipParts,
            format!(
                "{parts} parts, limits.max_zip_entries = {}",
                limits.max_zip_entries
            ),
        ));
    }
    let mut total: u64 = 0;
    let mut shared_strings = Vec::new();
    let mut styles = Vec::new();
    let mut contents = Vec::new();
    for i in 0..zip.len() {
        let part = zip
            .by_index_raw(i)
            .map_err(|e| Refusal::Damaged(format!("zip part {i}: {e}")))?;
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let (size, packed) = (part.size(), part.compressed_size());
        total = total.saturating_add(size);
        if size > RATIO_FLOOR && size / packed.max(1) > limits.max_compression_ratio {
            return Err(over(
                Limit::CompressionRatio,
                format!(
                    "{name}: {packed} bytes unpack to {size}, limits.max_compression_ratio = {}",
                    limits.max_compression_ratio
                ),
            ));
        }
        let key = name.replace('\\', "/").to_ascii_lowercase();
        if key.ends_with("sharedstrings.xml") {
            shared_strings.push(i);
        }
        if key.ends_with("styles.xml") {
            styles.push(i);
        }
        if name == "content.xml" {
            contents.push(i);
        }
    }
    if total > limits.max_unpacked_bytes {
        return Err(over(
            Limit::Unpacked,
            format!(
                "{total} bytes unpacked, limits.max_unpacked_bytes = {}",
                limits.max_unpacked_bytes
            ),
        ));
    }
    match format {
        Format::Xlsx => {
            for i in shared_strings {
                check_shared_strings(&mut zip, i, limits)?;
            }
            for i in styles {
                check_styles(&mut zip, i, limits)?;
            }
        }
        Format::Ods => {
            let mut budget = super::CellBudget::default();
            for i in contents {
                let part = zip
                    .by_index(i)
                    .map_err(|e| Refusal::Damaged(format!("content.xml: {e}")))?;
                ods_cells::check(part.take(limits.max_unpacked_bytes), limits, &mut budget)?;
            }
        }
        Format::Xlsb | Format::Xls => {}
    }
    Ok(())
}

/// The reader reserves room for the count the table declares, then holds
/// every text: both are bounded here.
fn check_shared_strings<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    index: usize,
    limits: &Limits,
) -> Result<(), Refusal> {
    let max_bytes = limits.max_shared_strings_bytes;
    let part = zip
        .by_index(index)
        .map_err(|e| Refusal::Damaged(format!("shared strings: {e}")))?;
    let name = part.name().map(|n| n.to_string()).unwrap_or_default();
    let too_big = |size: u64| {
        over(
            Limit::SharedStrings,
            format!("{name}: {size} bytes unpacked, limits.max_shared_strings_bytes = {max_bytes}"),
        )
    };
    if part.size() > max_bytes {
        return Err(too_big(part.size()));
    }
    let xml = read_part(part, &name, max_bytes + 1)?;
    if xml.len() as u64 > max_bytes {
        return Err(too_big(xml.len() as u64));
    }
    let xml = as_utf8(xml);
    let declared = declared_count(&xml);
    let held = element_count(&xml, b"si");
    let max = limits.max_shared_strings;
    if declared > max || held > max {
        return Err(over(
            Limit::SharedStrings,
            format!(
                "{name}: {} texts declared, {held} held, limits.max_shared_strings = {max}",
                if declared == u64::MAX {
                    "more than 2^64".to_string()
                } else {
                    declared.to_string()
                }
            ),
        ));
    }
    Ok(())
}

/// The reader builds, for every cell format (`<xf>`), a style holding
/// copies of its font, fill and border: a few bytes of XML each, pointing at
/// one huge font, would copy it millions of times. Both the count and the
/// bytes copied are bounded here.
fn check_styles<R: Read + Seek>(
    zip: &mut ZipArchive<R>,
    index: usize,
    limits: &Limits,
) -> Result<(), Refusal> {
    let part = zip
        .by_index(index)
        .map_err(|e| Refusal::Damaged(format!("styles: {e}")))?;
    let name = part.name().map(|n| n.to_string()).unwrap_or_default();
    let xml = as_utf8(read_part(part, &name, limits.max_unpacked_bytes)?);
    let formats = element_count(&xml, b"xf");
    if formats > limits.max_styles {
        return Err(over(
            Limit::Styles,
            format!(
                "{name}: {formats} cell formats, limits.max_styles = {}",
                limits.max_styles
            ),
        ));
    }
    let copied_per_format: u64 = [&b"font"[..], b"fill", b"border"]
        .iter()
        .map(|e| largest_element(&xml, e))
        .sum();
    let copied = formats.saturating_mul(copied_per_format);
    if copied > limits.max_unpacked_bytes {
        return Err(over(
            Limit::Styles,
            format!(
                "{name}: {formats} cell formats would copy {copied} bytes of fonts, fills and borders, limits.max_unpacked_bytes = {}",
                limits.max_unpacked_bytes
            ),
        ));
    }
    Ok(())
}

/// At most `max` bytes of a part, unpacked.
fn read_part(part: impl Read, name: &str, max: u64) -> Result<Vec<u8>, Refusal> {
    let mut xml = Vec::new();
    part.take(max)
        .read_to_end(&mut xml)
        .map_err(|e| Refusal::Damaged(format!("{name}: {e}")))?;
    Ok(xml)
}

/// The size in bytes of the largest element of this local name: from its
/// start tag to its end tag (or the end of the part, where none follows).
/// Linear: the next `>` and the next end tag are each searched once, then
/// reused by every start before them.
pub(super) fn largest_element(xml: &[u8], local: &[u8]) -> u64 {
    let mut closing = b"/".to_vec();
    closing.extend_from_slice(local);
    closing.push(b'>');
    let next_at =
        |needle: &[u8], from: usize| find(&xml[from..], needle).map_or(xml.len(), |at| from + at);
    let (mut tag_end, mut close) = (0, 0);
    let mut largest = 0;
    let mut from = 0;
    while let Some(at) = find(&xml[from..], local) {
        let i = from + at;
        from = i + local.len();
        let before = i.checked_sub(1).and_then(|j| xml.get(j));
        let after = xml.get(i + local.len());
        if !matches!(before, Some(b'<' | b':'))
            || !matches!(after, Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n'))
        {
            continue;
        }
        if tag_end < from {
            tag_end = next_at(b">", from);
        }
        let end = if tag_end < xml.len() && xml[tag_end - 1] == b'/' {
            tag_end + 1
        } else {
            if close < from {
                close = next_at(&closing, from);
            }
            (close + closing.len()).min(xml.len())
        };
        largest = largest.max((end - i + 1) as u64);
    }
    largest
}

/// XML in UTF-16 (by its byte order mark or a NUL in its first bytes) as
/// UTF-8, so that one byte scan serves both.
fn as_utf8(xml: Vec<u8>) -> Vec<u8> {
    let head = &xml[..xml.len().min(4)];
    let (le, be) = match head {
        [0xFF, 0xFE, ..] => (true, false),
        [0xFE, 0xFF, ..] => (false, true),
        [a, 0, ..] if *a != 0 => (true, false),
        [0, b, ..] if *b != 0 => (false, true),
        _ => (false, false),
    };
    if !le && !be {
        return xml;
    }
    let units: Vec<u16> = xml
        .chunks_exact(2)
        .map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16_lossy(&units).into_bytes()
}

/// The largest `uniqueCount="N"` anywhere in the part (`u64::MAX` when it
/// does not fit). Reading every occurrence, not only the root's, cannot miss
/// the one the reader uses.
pub(super) fn declared_count(xml: &[u8]) -> u64 {
    const ATTR: &[u8] = b"uniqueCount";
    let mut max = 0u64;
    let mut from = 0;
    while let Some(at) = find(&xml[from..], ATTR) {
        let mut i = from + at + ATTR.len();
        from = i;
        while xml.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if xml.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while xml.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if !matches!(xml.get(i), Some(b'"' | b'\'')) {
            continue;
        }
        i += 1;
        let mut n = 0u64;
        while let Some(d) = xml.get(i).filter(|b| b.is_ascii_digit()) {
            n = n.saturating_mul(10).saturating_add(u64::from(d - b'0'));
            i += 1;
        }
        max = max.max(n);
    }
    max
}

/// How many elements of this local name start in the XML (`<si>`, `<x:si>`).
pub(super) fn element_count(xml: &[u8], local: &[u8]) -> u64 {
    let mut n = 0;
    let mut from = 0;
    while let Some(at) = find(&xml[from..], local) {
        let i = from + at;
        from = i + local.len();
        let before = i.checked_sub(1).and_then(|j| xml.get(j));
        let after = xml.get(i + local.len());
        if matches!(before, Some(b'<' | b':'))
            && matches!(after, Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n'))
        {
            n += 1;
        }
    }
    n
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_counts() {
        assert_eq!(declared_count(b"<sst count=\"3\" uniqueCount=\"2\">"), 2);
        assert_eq!(declared_count(b"<sst uniqueCount = '0099'>"), 99);
        assert_eq!(
            declared_count(b"<sst uniqueCount=\"99999999999999999999999\">"),
            u64::MAX
        );
        assert_eq!(declared_count(b"<sst>"), 0);
    }

    #[test]
    fn element_counts() {
        assert_eq!(
            element_count(b"<sst><si><t>a</t></si><x:si/><si >b</si></sst>", b"si"),
            3
        );
        assert_eq!(element_count(b"<t>basis</t>", b"si"), 0);
    }

    #[test]
    fn largest_elements() {
        let xml = b"<fonts><font><name val=\"A\"/></font><x:font/><font><name val=\"Longer\"/></font></fonts>";
        assert_eq!(largest_element(xml, b"font"), 33);
        assert_eq!(largest_element(b"<fills/>", b"fill"), 0);
        // starts with no end: the rest of the part, found in linear time
        let open = b"<font ".repeat(200_000);
        assert_eq!(largest_element(&open, b"font"), open.len() as u64);
    }

    #[test]
    fn utf16_is_scanned_too() {
        let text = "<sst uniqueCount=\"7\">";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(declared_count(&as_utf8(le)), 7);
    }
}
