//! The narrative sections of the brief, in the specialist's own words: a
//! TOML file she keeps (`[brief] text` in the pipeline, or `--text FILE`),
//! carried into every brief.
//!
//! One table per section (`purpose`, `basis`, `practice`, `factors`,
//! `recommendations`) and one for the `signature` (the position above the
//! name), each with `kk`, `ru` and, if wanted, `en` texts. In a text, a blank
//! line starts a new paragraph, a line starting with `- ` is an item of a
//! bulleted list, and `**...**` is bold. A section left empty gets its
//! heading and one line saying the specialist writes it there.

use super::blocks::Block;
use crate::lang::{fill, Lang};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The narrative parts of the brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Purpose,
    Basis,
    Practice,
    Factors,
    Recommendations,
    Signature,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    #[serde(default)]
    kk: String,
    #[serde(default)]
    ru: String,
    #[serde(default)]
    en: String,
}

impl RawSection {
    fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.kk, &self.ru, &self.en)
    }
}

/// The file as written: every section optional, no other key allowed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNarrative {
    #[serde(default)]
    purpose: RawSection,
    #[serde(default)]
    basis: RawSection,
    #[serde(default)]
    practice: RawSection,
    #[serde(default)]
    factors: RawSection,
    #[serde(default)]
    recommendations: RawSection,
    #[serde(default)]
    signature: RawSection,
}

/// The specialist's texts, and the file they come from (named in the line
/// of a section left empty).
#[derive(Debug, Default)]
pub(crate) struct Narrative {
    raw: RawNarrative,
    /// The file's name, as the brief names it.
    pub(crate) file: String,
}

/// A text file that cannot be used: the brief is not written.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum NarrativeError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Syntax {
        path: PathBuf,
        detail: String,
    },
}

crate::texts! {
    enum Text {
        Read => (
            "анықтаманың мәтін файлын {path} оқу мүмкін емес: {source}; файлдың жолын тексеріңіз",
            "не удаётся прочитать файл текстов справки {path}: {source}; проверьте путь к файлу",
            "cannot read the brief's text file {path}: {source}; check the file's path",
        ),
        Syntax => (
            "анықтаманың мәтін файлы {path} қате жазылған: {source}; көрсетілген жолды түзетіңіз",
            "файл текстов справки {path} записан с ошибкой: {source}; исправьте указанную строку",
            "the brief's text file {path} is not written right: {source}; correct the line it names",
        ),
    }
}

impl NarrativeError {
    /// What failed and what to do, in a language.
    pub(crate) fn message(&self, lang: Lang) -> String {
        let (text, path, source) = match self {
            NarrativeError::Read { path, source } => (Text::Read, path, source.to_string()),
            NarrativeError::Syntax { path, detail } => (Text::Syntax, path, detail.clone()),
        };
        fill(
            text.get(lang),
            &[
                ("path", path.display().to_string().as_str()),
                ("source", source.trim()),
            ],
        )
    }
}

impl Narrative {
    /// Reads the specialist's file.
    pub(crate) fn load(path: &Path) -> Result<Narrative, NarrativeError> {
        let text = std::fs::read_to_string(path).map_err(|source| NarrativeError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Narrative::parse(&text, path)
    }

    /// Reads the text of a file; `path` names it in errors and in the brief.
    pub(crate) fn parse(text: &str, path: &Path) -> Result<Narrative, NarrativeError> {
        let raw = toml::from_str::<RawNarrative>(text).map_err(|e| NarrativeError::Syntax {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        Ok(Narrative {
            raw,
            file: file_name(path),
        })
    }

    /// No text at all: every section left for the specialist; `path` is the
    /// file she would keep them in.
    pub(crate) fn empty(path: &Path) -> Narrative {
        Narrative {
            raw: RawNarrative::default(),
            file: file_name(path),
        }
    }

    /// A part's text in a language, trimmed; empty when not written.
    pub(crate) fn text(&self, part: Part, lang: Lang) -> &str {
        let r = &self.raw;
        let section = match part {
            Part::Purpose => &r.purpose,
            Part::Basis => &r.basis,
            Part::Practice => &r.practice,
            Part::Factors => &r.factors,
            Part::Recommendations => &r.recommendations,
            Part::Signature => &r.signature,
        };
        section.get(lang).trim()
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    )
}

/// A text as blocks: paragraphs split at blank lines, lines of a paragraph
/// joined; lines starting with `- ` (or `– `, `• `) make a bulleted list.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut items: Vec<String> = Vec::new();
    let flush_lines = |lines: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !lines.is_empty() {
            out.push(Block::marked(&lines.join(" ")));
            lines.clear();
        }
    };
    let flush_items = |items: &mut Vec<String>, out: &mut Vec<Block>| {
        if !items.is_empty() {
            out.push(Block::Bullets(std::mem::take(items)));
        }
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            flush_lines(&mut lines, &mut out);
            flush_items(&mut items, &mut out);
        } else if let Some(item) = bullet(line) {
            flush_lines(&mut lines, &mut out);
            items.push(item.to_string());
        } else {
            flush_items(&mut items, &mut out);
            lines.push(line);
        }
    }
    flush_lines(&mut lines, &mut out);
    flush_items(&mut items, &mut out);
    out
}

/// The item of a bulleted line, without its mark.
fn bullet(line: &str) -> Option<&str> {
    ["- ", "– ", "• "]
        .iter()
        .find_map(|mark| line.strip_prefix(mark))
        .map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_lists() {
        let b = blocks("Бірінші жол\nжалғасы.\n\nТізім:\n- бір;\n- екі.\nСоңы.");
        let plain: Vec<String> = b.iter().map(Block::plain).collect();
        assert_eq!(
            plain,
            ["Бірінші жол жалғасы.", "Тізім:", "бір;\nекі.", "Соңы."]
        );
        assert!(matches!(b[2], Block::Bullets(ref items) if items.len() == 2));
        assert!(blocks("  \n\n").is_empty());
    }

    #[test]
    fn a_section_in_each_language_and_unknown_keys_refused() {
        let path = Path::new("/office/brief-text.toml");
        let n = Narrative::parse(
            "[purpose]\nkk = \"Мақсаты\"\nru = \"\"\n[signature]\nkk = \"Бас маман\"\n",
            path,
        )
        .unwrap();
        assert_eq!(n.text(Part::Purpose, Lang::Kk), "Мақсаты");
        assert_eq!(n.text(Part::Purpose, Lang::Ru), "");
        assert_eq!(n.text(Part::Basis, Lang::Kk), "");
        assert_eq!(n.file, "brief-text.toml");
        let e = Narrative::parse("[purpos]\nkk = \"x\"\n", path).unwrap_err();
        assert!(e.message(Lang::Ru).contains("исправьте"), "{e}");
        assert!(e.to_string().contains("purpos"), "{e}");
    }

    #[test]
    fn every_text_in_every_language() {
        crate::lang::assert_complete(Text::ALL, Text::get);
    }
}
