//! Hyperlinks from an issue to the cell of the source workbook it is about.
//!
//! A link is relative to the folder of the discrepancy workbook when that
//! folder is known and on the same root as the source: a relative link keeps
//! working when the whole tree (inbox and output) is moved or copied to
//! another computer, as long as the two keep their relative places. Without
//! the folder, or across drives, the link is the source's absolute path.
//!
//! Excel and LibreOffice resolve a relative target against the folder of the
//! workbook that holds it. Path segments are percent-encoded where a URL needs
//! it (spaces, `%`, `#`, `?`, brackets, quotes, control characters);
//! Cyrillic stays as it is, as Excel itself writes it. A link that cannot be
//! written safely is left out rather than written broken: longer than
//! Excel's 2 080-character limit even without the cell part, or a path whose
//! escaping `rust_xlsxwriter` would escape a second time (see
//! [`survives_writer`]).

use std::path::{Component, Path, PathBuf};

/// Excel's limit on a hyperlink, in UTF-16 units (`rust_xlsxwriter` checks
/// the path and the cell part each against it; the whole stays under it).
pub(crate) const MAX_URL: usize = 2_080;

/// Excel keeps at most this many hyperlinks on one worksheet.
pub(crate) const MAX_LINKS_PER_SHEET: usize = 65_530;

/// Removes `.` and resolves `..` without touching the file system: the
/// output folder may not exist yet, and the user's spelling of the inbox is
/// what the link should follow.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn absolute(path: &Path) -> Option<PathBuf> {
    std::path::absolute(path).ok().map(|p| lexical(&p))
}

/// The segments of `target` as seen from the folder `from`, or None when
/// the two have different roots (another drive).
fn relative_segments(from: &Path, target: &Path) -> Option<Vec<String>> {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = target.components().collect();
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut segs: Vec<String> =
        std::iter::repeat_n("..".to_string(), from.len() - common).collect();
    segs.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().to_string()),
    );
    Some(segs)
}

/// An absolute path for a link: `/srv/in/a.xlsx` on Unix (rust_xlsxwriter
/// stores it as a path from the root), `C:/in/a.xlsx` on Windows, and a
/// network share as Excel writes it, `\\server\share\in\a.xlsx`.
fn absolute_path_text(target: &Path) -> String {
    let text = target.to_string_lossy();
    // A backslash is a separator on Windows only; elsewhere it is part of a name.
    let text = if cfg!(windows) {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    };
    let encode = |rest: &str, sep: &str| {
        rest.split('/')
            .map(encode_segment)
            .collect::<Vec<_>>()
            .join(sep)
    };
    if let Some(share) = text.strip_prefix("//") {
        let mut parts = share.splitn(3, '/');
        let server = parts.next().unwrap_or_default();
        let name = parts.next().unwrap_or_default();
        format!(
            "\\\\{server}\\{name}\\{}",
            encode(parts.next().unwrap_or_default(), "\\")
        )
    } else if let Some(rest) = text.strip_prefix('/') {
        format!("/{}", encode(rest, "/"))
    } else {
        let (drive, rest) = text.split_once('/').unwrap_or((&text, ""));
        format!("{drive}/{}", encode(rest, "/"))
    }
}

/// Percent-encodes one path segment for a hyperlink target.
fn encode_segment(seg: &str) -> String {
    let mut out = String::with_capacity(seg.len());
    for c in seg.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '"' => out.push_str("%22"),
            '#' => out.push_str("%23"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '?' => out.push_str("%3F"),
            '[' => out.push_str("%5B"),
            ']' => out.push_str("%5D"),
            '^' => out.push_str("%5E"),
            '`' => out.push_str("%60"),
            '{' => out.push_str("%7B"),
            '|' => out.push_str("%7C"),
            '}' => out.push_str("%7D"),
            // A backslash or colon inside a Unix file name is a character of
            // the name, not a separator or a drive.
            '\\' | ':' if !cfg!(windows) => out.push_str(if c == ':' { "%3A" } else { "%5C" }),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// rust_xlsxwriter escapes a link itself unless it already holds one of the
/// escapes it knows (`%20`, `%25`, `%22`, `%3C`, ...); a path escaped only
/// with others (`%23` for `#`) would have its `%` escaped again and point
/// nowhere. Such a link is left out.
pub(crate) fn survives_writer(path: &str) -> bool {
    if !path.contains('%') {
        return true;
    }
    const KNOWN: [&str; 11] = [
        "%20", "%25", "%22", "%60", "%3C", "%3E", "%5B", "%5D", "%5E", "%7B", "%7D",
    ];
    let upper = path.to_uppercase();
    KNOWN.iter().any(|k| upper.contains(k))
}

/// `'Sheet name'!C4`: always quoted, which Excel accepts for any name, with
/// apostrophes doubled.
pub(crate) fn sheet_ref(sheet: &str, cell: &str) -> String {
    format!("'{}'!{cell}", sheet.replace('\'', "''"))
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// The hyperlink (for `rust_xlsxwriter::Url`) that opens `file` of the inbox
/// `input` at `sheet`!`cell` (at the sheet when there is no cell, at the
/// file when there is no sheet), seen from the folder `book_dir` of the
/// discrepancy workbook, or absolute when `book_dir` is None. None when no
/// safe link can be made.
pub(crate) fn source_url(
    input: &Path,
    file: &str,
    sheet: Option<&str>,
    cell: Option<&str>,
    book_dir: Option<&Path>,
) -> Option<String> {
    if file.trim().is_empty() {
        return None;
    }
    let target = absolute(&input.join(file))?;
    let relative = book_dir
        .and_then(absolute)
        .and_then(|dir| relative_segments(&dir, &target));
    let path = match relative {
        Some(segs) => segs
            .iter()
            .map(|s| encode_segment(s))
            .collect::<Vec<_>>()
            .join("/"),
        None => absolute_path_text(&target),
    };
    let base = format!("file:///{path}");
    if !survives_writer(&path) || utf16_len(&base) > MAX_URL {
        return None;
    }
    let anchor = sheet.map(|s| sheet_ref(s, cell.unwrap_or("A1")));
    match anchor {
        Some(a) if utf16_len(&base) + 1 + utf16_len(&a) <= MAX_URL => Some(format!("{base}#{a}")),
        _ => Some(base),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_from_the_output_folder() {
        let url = source_url(
            Path::new("/data/inbox/2026-03"),
            "Алға ауданы 03.2026.xlsx",
            Some("Оқыту"),
            Some("C72"),
            Some(Path::new("/data/output/2026-03")),
        );
        assert_eq!(
            url.as_deref(),
            Some("file:///../../inbox/2026-03/Алға%20ауданы%2003.2026.xlsx#'Оқыту'!C72")
        );
    }

    #[test]
    fn sheet_without_cell_and_file_without_sheet() {
        let dir = Some(Path::new("/d/out/2026-03"));
        let sheet = source_url(Path::new("/d/in"), "a b.xlsx", Some("Sheet 1"), None, dir).unwrap();
        assert!(sheet.ends_with("a%20b.xlsx#'Sheet 1'!A1"), "{sheet}");
        let file = source_url(Path::new("/d/in"), "a b.xlsx", None, None, dir).unwrap();
        assert!(file.ends_with("/in/a%20b.xlsx"), "{file}");
        assert_eq!(source_url(Path::new("/d/in"), "", None, None, dir), None);
        let quote = source_url(
            Path::new("/d/in"),
            "x y.xlsx",
            Some("O'Hara"),
            Some("B2"),
            dir,
        )
        .unwrap();
        assert!(quote.ends_with("#'O''Hara'!B2"), "{quote}");
    }

    #[test]
    fn dots_in_the_inbox_path_are_resolved() {
        let url = source_url(
            Path::new("/w/wt/../shared/./in"),
            "f g.xlsx",
            None,
            None,
            Some(Path::new("/w/out/2026-03")),
        )
        .unwrap();
        assert_eq!(url, "file:///../../shared/in/f%20g.xlsx");
    }

    #[cfg(unix)]
    #[test]
    fn absolute_without_a_book_folder() {
        let url = source_url(
            Path::new("/srv/inbox"),
            "Есеп Темір.xlsx",
            Some("Sheet1"),
            Some("C12"),
            None,
        )
        .unwrap();
        assert_eq!(url, "file:////srv/inbox/Есеп%20Темір.xlsx#'Sheet1'!C12");
    }

    #[test]
    fn url_characters_are_escaped() {
        let url = source_url(
            Path::new("/in"),
            "50% [итог] #2.xlsx",
            None,
            None,
            Some(Path::new("/in")),
        )
        .unwrap();
        assert_eq!(url, "file:///50%25%20%5Bитог%5D%20%232.xlsx");
        // Escaped only with escapes the writer does not recognise: left out.
        assert_eq!(
            source_url(
                Path::new("/in"),
                "№#2.xlsx",
                None,
                None,
                Some(Path::new("/in"))
            ),
            None
        );
        assert!(survives_writer("a%20b%23c"));
        assert!(!survives_writer("a%23c"));
    }

    #[test]
    fn too_long_links_drop_the_cell_then_the_link() {
        let long_sheet = "Ш".repeat(2_075);
        let url = source_url(
            Path::new("/in"),
            "a.xlsx",
            Some(&long_sheet),
            Some("A1"),
            Some(Path::new("/in")),
        )
        .unwrap();
        assert_eq!(url, "file:///a.xlsx");
        let long_file = format!("{}.xlsx", "ф".repeat(2_100));
        assert_eq!(
            source_url(
                Path::new("/in"),
                &long_file,
                None,
                None,
                Some(Path::new("/in"))
            ),
            None
        );
    }
}
