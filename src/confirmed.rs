//! Confirmed matches: which registry organisation a name, as a unit's
//! reports write it, stands for, as the specialist picked it from the
//! suggestions of a `registry.unknown_org` row in the discrepancy workbook.
//!
//! Kept in `OUTPUT/confirmed-matches.csv` (UTF-8 with BOM, so Excel shows
//! Cyrillic; one line per match: unit, name as written, БСН, registry name,
//! the period whose workbook confirmed it), which the specialist can read,
//! correct or back up. Read at the start of every run, written atomically
//! after it with the choices of this run added.

use std::path::Path;

/// The file's name in the output folder.
pub(crate) const FILE: &str = "confirmed-matches.csv";

/// The file's columns (language-neutral ids).
pub(crate) const HEAD: [&str; 5] = ["unit", "name", "bin", "registry_name", "confirmed_in"];

/// One confirmed match.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Confirmed {
    /// The unit id whose reports write the name.
    pub(crate) unit: String,
    /// The name as written.
    pub(crate) name: String,
    /// The БСН it stands for.
    pub(crate) bin: String,
    /// The organisation's name in the registry (for the reader).
    pub(crate) registry_name: String,
    /// The period whose discrepancy workbook confirmed it.
    pub(crate) period: String,
}

/// The БСН of a picked suggestion (`name — БСН`): its last run of twelve
/// digits.
pub(crate) fn bin_of_choice(text: &str) -> Option<String> {
    let digits: Vec<(usize, char)> = text.char_indices().collect();
    let mut end = digits.len();
    while end > 0 {
        if !digits[end - 1].1.is_ascii_digit() {
            end -= 1;
            continue;
        }
        let mut start = end;
        while start > 0 && digits[start - 1].1.is_ascii_digit() {
            start -= 1;
        }
        if end - start == 12 {
            return Some(digits[start..end].iter().map(|(_, c)| c).collect());
        }
        end = start;
    }
    None
}

/// The text of a suggestion as the dropdown offers it.
pub(crate) fn choice_text(name: &str, bin: &str) -> String {
    format!("{name} — {bin}")
}

/// Reads the file; a missing file is no match.
pub(crate) fn read(path: &Path) -> std::io::Result<Vec<Confirmed>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let text = text.trim_start_matches('\u{feff}');
    let mut out = Vec::new();
    for record in records(text).into_iter().skip(1) {
        let field = |k: usize| record.get(k).map_or("", |s| s.trim()).to_string();
        let (unit, name, bin) = (field(0), field(1), field(2));
        if unit.is_empty() || name.is_empty() || bin.is_empty() {
            continue;
        }
        out.push(Confirmed {
            unit,
            name,
            bin,
            registry_name: field(3),
            period: field(4),
        });
    }
    Ok(out)
}

/// CSV records (comma or semicolon separated, as Excel may save it back;
/// quotes doubled inside quoted fields).
fn records(text: &str) -> Vec<Vec<String>> {
    let sep = if text
        .lines()
        .next()
        .is_some_and(|l| l.contains(';') && !l.contains(','))
    {
        ';'
    } else {
        ','
    };
    let mut out = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, c) if c == sep => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                out.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push(record);
    }
    out
}

/// The file's bytes: the head, then the matches by unit and name.
pub(crate) fn to_csv(matches: &[Confirmed]) -> Vec<u8> {
    let mut sorted = matches.to_vec();
    sorted.sort();
    let mut s = String::from("\u{feff}");
    s.push_str(&HEAD.join(","));
    s.push_str("\r\n");
    for m in &sorted {
        let fields = [&m.unit, &m.name, &m.bin, &m.registry_name, &m.period];
        let quoted: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        s.push_str(&quoted.join(","));
        s.push_str("\r\n");
    }
    s.into_bytes()
}

/// A field quoted when it holds a separator or a quote; text a spreadsheet
/// would run as a formula gets a leading apostrophe.
fn quote(f: &str) -> String {
    let f = match f.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{f}"),
        _ => f.to_string(),
    };
    if f.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f
    }
}

/// Adds or replaces the match of (unit, name): a later confirmation wins.
pub(crate) fn add(matches: &mut Vec<Confirmed>, m: Confirmed) {
    match matches
        .iter_mut()
        .find(|x| x.unit == m.unit && x.name == m.name)
    {
        Some(x) => *x = m,
        None => matches.push(m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bin_of_a_choice() {
        assert_eq!(
            bin_of_choice("№5 ЖОББМ КММ — 160640864624").as_deref(),
            Some("160640864624")
        );
        assert_eq!(
            bin_of_choice("Мектеп 2024 — 031040434483 ").as_deref(),
            Some("031040434483")
        );
        assert_eq!(bin_of_choice("Мектеп 2024"), None);
    }

    #[test]
    fn the_file_reads_back_what_it_wrote() {
        let m = vec![
            Confirmed {
                unit: "alga".into(),
                name: "Мектеп, \"Арман\"".into(),
                bin: "160640864624".into(),
                registry_name: "=A1".into(),
                period: "2026-03".into(),
            },
            Confirmed {
                unit: "alga".into(),
                name: "№5".into(),
                bin: "031040434483".into(),
                registry_name: "№5 мектеп".into(),
                period: "2026-02".into(),
            },
        ];
        let dir = std::env::temp_dir().join(format!("jinaq-confirmed-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(FILE);
        std::fs::write(&path, to_csv(&m)).unwrap();
        let back = read(&path).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].name, "Мектеп, \"Арман\"");
        assert_eq!(back[0].registry_name, "'=A1");
        assert_eq!(back[1].bin, "031040434483");
        assert!(read(&dir.join("none.csv")).unwrap().is_empty());
    }
}
