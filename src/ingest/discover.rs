//! Finding the files of the inbox folder.
//!
//! Input: the inbox folder. Output: every file below it, sorted by path, each
//! marked as a workbook to read or as ignored (owner and lock files, documents,
//! anything that is not a spreadsheet by name). Nothing here opens a file.

use super::format::{NotReport, Refusal};
use crate::lang::{fill, Lang};
use crate::pipeline::FileRules;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug, Clone)]
pub(crate) struct InputFile {
    pub(crate) path: PathBuf,
    /// Path relative to the inbox, with `/` separators: how issues name it.
    pub(crate) rel: String,
    /// The file name alone.
    pub(crate) name: String,
    pub(crate) modified: Option<SystemTime>,
    pub(crate) size: u64,
    pub(crate) kind: FileKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// A spreadsheet by its extension: to be opened.
    Workbook,
    /// Not a report, by its name.
    Ignored(NotReport),
    /// Found but not a regular readable file (a folder named `.xlsx`, a
    /// broken link), or a reader failed on it.
    Unreadable(Refusal),
}

/// An inbox that cannot be listed; the run stops.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum InputError {
    NotAFolder(PathBuf),
    List {
        path: PathBuf,
        source: std::io::Error,
    },
}

crate::texts! {
    enum Text {
        NotAFolder => (
            "{path} кіріс қалтасы жоқ немесе ол қалта емес",
            "входная папка {path} не существует или это не папка",
            "the input folder {path} does not exist or is not a folder",
        ),
        List => (
            "{path} кіріс қалтасының тізімін алу мүмкін емес: {source}",
            "не удаётся получить список файлов входной папки {path}: {source}",
            "cannot list the input folder {path}: {source}",
        ),
    }
}

impl InputError {
    /// What failed, in a language.
    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            InputError::NotAFolder(path) => fill(
                Text::NotAFolder.get(lang),
                &[("path", path.display().to_string().as_str())],
            ),
            InputError::List { path, source } => fill(
                Text::List.get(lang),
                &[
                    ("path", path.display().to_string().as_str()),
                    ("source", source.to_string().as_str()),
                ],
            ),
        }
    }
}

type Result<T> = std::result::Result<T, InputError>;

/// Lists every file below `dir`, sorted by relative path.
pub(crate) fn discover(dir: &Path, rules: &FileRules) -> Result<Vec<InputFile>> {
    if !dir.is_dir() {
        return Err(InputError::NotAFolder(dir.to_path_buf()));
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
    let entries = std::fs::read_dir(dir).map_err(|source| InputError::List {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        // The specialist's record of received dates is read by the run.
        if depth == 0 && super::saved::is_record(&name) {
            continue;
        }
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
                        FileKind::Unreadable(Refusal::Folder),
                    ));
                } else if depth < MAX_DEPTH && !name.starts_with('.') {
                    walk(root, &path, rules, out, seen, depth + 1)?;
                }
            }
            Ok(m) if !m.is_file() => {
                // A pipe or a device named like a report would block or
                // never end when read.
                let kind = if looks_like_workbook {
                    FileKind::Unreadable(Refusal::NotAFile)
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
                    FileKind::Unreadable(Refusal::CannotOpen(e.to_string())),
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

pub(crate) fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn classify(name: &str, ext: &str, looks_like_workbook: bool, rules: &FileRules) -> FileKind {
    if rules
        .ignore_prefixes
        .iter()
        .any(|p| name.starts_with(p.as_str()))
    {
        return FileKind::Ignored(NotReport::Owner);
    }
    if name.ends_with('#') || ext == "tmp" || ext == "bak" {
        return FileKind::Ignored(NotReport::Temp);
    }
    if looks_like_workbook {
        return FileKind::Workbook;
    }
    FileKind::Ignored(match ext {
        "doc" | "docx" | "odt" | "rtf" => NotReport::Document,
        "pdf" => NotReport::Pdf,
        "jpg" | "jpeg" | "png" | "gif" | "bmp" | "tif" | "tiff" | "heic" => NotReport::Picture,
        "zip" | "rar" | "7z" => NotReport::Archive,
        "csv" | "txt" => NotReport::Text,
        "" => NotReport::NoExtension,
        _ => NotReport::Other,
    })
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
        assert_eq!(
            classify("~$Алға.xlsx", "xlsx", true, &r),
            FileKind::Ignored(NotReport::Owner)
        );
        assert_eq!(
            classify(".~lock.Алға.xlsx#", "xlsx#", false, &r),
            FileKind::Ignored(NotReport::Owner)
        );
        assert_eq!(
            classify("хат.docx", "docx", false, &r),
            FileKind::Ignored(NotReport::Document)
        );
        assert_eq!(extension("A.B.XlSx"), "xlsx");
    }

    #[test]
    fn missing_folder_is_an_error() {
        assert!(matches!(
            discover(Path::new("/no/such/folder"), &rules()),
            Err(InputError::NotAFolder(_))
        ));
    }
}
