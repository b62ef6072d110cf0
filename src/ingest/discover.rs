//! Finding the files of the inbox folder.
//!
//! Input: the inbox folder. Output: every file below it, sorted by path, each
//! marked as a workbook to read or as ignored (owner and lock files, documents,
//! anything that is not a spreadsheet by name). Nothing here opens a file.

use crate::error::{Error, Result};
use crate::pipeline::FileRules;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug, Clone)]
pub struct InputFile {
    pub path: PathBuf,
    /// Path relative to the inbox, with `/` separators: how issues name it.
    pub rel: String,
    /// The file name alone.
    pub name: String,
    pub modified: Option<SystemTime>,
    pub size: u64,
    pub kind: FileKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// A spreadsheet by its extension: to be opened.
    Workbook,
    /// Not a report; the reason's code (see `messages`).
    Ignored(String),
    /// Found but not a regular readable file (a folder named `.xlsx`, a
    /// broken link): the reason's code (see `messages`).
    Unreadable(String),
}

/// Lists every file below `dir`, sorted by relative path.
pub fn discover(dir: &Path, rules: &FileRules) -> Result<Vec<InputFile>> {
    if !dir.is_dir() {
        return Err(Error::NoInput(dir.to_path_buf()));
    }
    let mut out = Vec::new();
    let mut seen = Vec::new();
    walk(dir, dir, rules, &mut out, &mut seen, 0)?;
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

const MAX_DEPTH: usize = 8;

fn walk(
    root: &Path,
    dir: &Path,
    rules: &FileRules,
    out: &mut Vec<InputFile>,
    seen: &mut Vec<PathBuf>,
    depth: usize,
) -> Result<()> {
    // A link back to a folder already listed would list it again, forever.
    if let Ok(real) = std::fs::canonicalize(dir) {
        if seen.contains(&real) {
            return Ok(());
        }
        seen.push(real);
    }
    let entries = std::fs::read_dir(dir).map_err(|source| Error::InputList {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let meta = std::fs::metadata(&path);
        let ext = extension(&name);
        let looks_like_workbook = rules.workbook_extensions.contains(&ext);
        match meta {
            Ok(m) if m.is_dir() => {
                if looks_like_workbook {
                    out.push(file(
                        path,
                        rel,
                        name,
                        None,
                        0,
                        FileKind::Unreadable("folder".into()),
                    ));
                } else if depth < MAX_DEPTH && !name.starts_with('.') {
                    walk(root, &path, rules, out, seen, depth + 1)?;
                }
            }
            Ok(m) if !m.is_file() => {
                // A pipe or a device named like a report would block or
                // never end when read.
                let kind = if looks_like_workbook {
                    FileKind::Unreadable("not_a_file".into())
                } else {
                    classify(&name, &ext, false, rules)
                };
                out.push(file(path, rel, name, None, 0, kind));
            }
            Ok(m) => {
                let kind = classify(&name, &ext, looks_like_workbook, rules);
                out.push(file(path, rel, name, m.modified().ok(), m.len(), kind));
            }
            Err(e) => {
                out.push(file(
                    path,
                    rel,
                    name,
                    None,
                    0,
                    FileKind::Unreadable(format!("cannot_open|{e}")),
                ));
            }
        }
    }
    Ok(())
}

fn file(
    path: PathBuf,
    rel: String,
    name: String,
    modified: Option<SystemTime>,
    size: u64,
    kind: FileKind,
) -> InputFile {
    InputFile {
        path,
        rel,
        name,
        modified,
        size,
        kind,
    }
}

pub fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn classify(name: &str, ext: &str, looks_like_workbook: bool, rules: &FileRules) -> FileKind {
    if let Some(prefix) = rules
        .ignore_prefixes
        .iter()
        .find(|p| name.starts_with(p.as_str()))
    {
        let _ = prefix;
        return FileKind::Ignored("owner".into());
    }
    if name.ends_with('#') || ext == "tmp" || ext == "bak" {
        return FileKind::Ignored("temp".into());
    }
    if looks_like_workbook {
        return FileKind::Workbook;
    }
    let what = match ext {
        "doc" | "docx" | "odt" | "rtf" => "document",
        "pdf" => "pdf",
        "jpg" | "jpeg" | "png" | "gif" | "bmp" | "tif" | "tiff" | "heic" => "picture",
        "zip" | "rar" | "7z" => "archive",
        "csv" | "txt" => "text",
        "" => "no_extension",
        _ => "other",
    };
    FileKind::Ignored(what.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> FileRules {
        FileRules {
            ignore_prefixes: vec!["~$".into(), ".~lock.".into(), "._".into()],
            workbook_extensions: vec!["xlsx".into(), "xls".into(), "ods".into()],
            corrected_markers: vec![],
        }
    }

    #[test]
    fn classifies_names() {
        let r = rules();
        assert_eq!(classify("Алға.XLSX", "xlsx", true, &r), FileKind::Workbook);
        assert!(matches!(
            classify("~$Алға.xlsx", "xlsx", true, &r),
            FileKind::Ignored(_)
        ));
        assert!(matches!(
            classify(".~lock.Алға.xlsx#", "xlsx#", false, &r),
            FileKind::Ignored(_)
        ));
        assert!(matches!(
            classify("хат.docx", "docx", false, &r),
            FileKind::Ignored(_)
        ));
        assert_eq!(extension("A.B.XlSx"), "xlsx");
    }

    #[test]
    fn missing_folder_is_an_error() {
        assert!(matches!(
            discover(Path::new("/no/such/folder"), &rules()),
            Err(Error::NoInput(_))
        ));
    }
}
