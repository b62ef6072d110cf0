//! An output that cannot be written: which file, and why, in the run's
//! language. Writing stops the run (exit status 2); the outputs written
//! before stay as they were.

use crate::lang::{fill, Lang};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum WriteError {
    /// The file system refused; `in_the_way` when a folder has the file's
    /// name.
    File {
        path: PathBuf,
        source: std::io::Error,
        in_the_way: bool,
    },
    /// A workbook that cannot be made.
    Workbook {
        path: PathBuf,
        source: rust_xlsxwriter::XlsxError,
    },
    /// A document (the year's brief) that cannot be made.
    Document {
        path: PathBuf,
        source: docx_rs::DocxError,
    },
}

crate::texts! {
    enum Text {
        Write => (
            "{path} жазу мүмкін емес: {source}",
            "не удаётся записать {path}: {source}",
            "cannot write {path}: {source}",
        ),
        InTheWay => (
            "сол атаулы қалта кедергі келтіреді; оны басқа жерге жылжытып, қайта іске қосыңыз",
            "мешает папка с таким именем; переместите её и запустите снова",
            "a folder of that name is in the way; move it and run again",
        ),
        /// The file system refused to replace the file: on Windows, a
        /// workbook open in Excel.
        OpenNow => (
            "файл басқа бағдарламада (мысалы, Excel-де) ашық тұр: оны жауып, қайта іске қосыңыз; бұрынғы нәтижелер өзгерген жоқ",
            "файл открыт в другой программе (например, в Excel): закройте его и запустите снова; прежние результаты не изменены",
            "the file is open in another program (Excel, for one): close it and run again; the previous outputs are unchanged",
        ),
        OpenElsewhere => (
            "файл басқа бағдарламада ашық болса, оны жауып, қайта іске қосыңыз",
            "если файл открыт в другой программе, закройте его и запустите снова",
            "if the file is open in another program, close it and run again",
        ),
    }
}

impl WriteError {
    /// The file system refused to write `path`.
    pub(crate) fn file(path: &Path, source: std::io::Error) -> WriteError {
        WriteError::File {
            path: path.to_path_buf(),
            in_the_way: path.is_dir(),
            source,
        }
    }

    /// What failed and where, in a language.
    pub(crate) fn message(&self, lang: Lang) -> String {
        let (path, why) = match self {
            WriteError::File {
                path,
                source,
                in_the_way,
            } => {
                let hint = if *in_the_way {
                    Text::InTheWay
                } else if is_locked(source) {
                    Text::OpenNow
                } else {
                    Text::OpenElsewhere
                };
                (path, format!("{source}; {}", hint.get(lang)))
            }
            WriteError::Workbook { path, source } => (path, source.to_string()),
            WriteError::Document { path, source } => (path, source.to_string()),
        };
        fill(
            Text::Write.get(lang),
            &[
                ("path", path.display().to_string().as_str()),
                ("source", &why),
            ],
        )
    }
}

/// Refused because another program holds the file: access denied, or
/// Windows' sharing and lock violations (32, 33).
fn is_locked(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::PermissionDenied
        || (cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_held_by_another_program_is_to_be_closed() {
        let e = WriteError::file(
            Path::new("out/discrepancies-2026-03.xlsx"),
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        let ru = e.message(Lang::Ru);
        assert!(ru.contains("закройте его и запустите снова"), "{ru}");
        assert!(e.message(Lang::Kk).contains("оны жауып"));
        assert!(e.to_string().contains("close it and run again"));
    }

    #[test]
    fn the_file_and_what_to_do_in_each_language() {
        let e = WriteError::file(
            Path::new("/no/such/out.xlsx"),
            std::io::Error::other("denied"),
        );
        assert_eq!(
            e.to_string(),
            "cannot write /no/such/out.xlsx: denied; if the file is open in another program, close it and run again"
        );
        assert!(e
            .message(Lang::Ru)
            .starts_with("не удаётся записать /no/such/out.xlsx: denied; если файл открыт"));
    }
}
