//! What a file is to the readers: the workbook [`Format`] told from its
//! bytes, or the [`Refusal`] saying why it is not read (its name is not a
//! report's, it is no workbook, it is damaged, encrypted or empty, or reading
//! it would pass one of the pipeline's limits).
//!
//! The bottom of `ingest`: [`super::discover`], [`super::guard`] and
//! [`super::workbook`] all speak in these types and none of them in each
//! other's. The messages that tell a refusal to people are made where the
//! messages are (`messages::file_reason`).

/// A workbook format, told from the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl Format {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xlsb => "xlsb",
            Format::Xls => "xls",
            Format::Ods => "ods",
        }
    }
}

/// What a file that is no report is, by its name (`file.ignored`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotReport {
    /// An Excel owner or lock file (`~$…`, `.~lock.…`).
    Owner,
    /// A temporary or backup file.
    Temp,
    Document,
    Pdf,
    Picture,
    Archive,
    Text,
    NoExtension,
    Other,
}

/// The kind of excess a file was refused for: one or more of the
/// pipeline's `[limits]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limit {
    /// `max_file_bytes`.
    FileSize,
    /// `max_sheet_cells`.
    SheetCells,
    /// `max_workbook_cells`.
    WorkbookCells,
    /// `max_unpacked_bytes`: the parts or the cell text unpacked.
    Unpacked,
    /// `max_compression_ratio`: a part packed like a zip bomb.
    CompressionRatio,
    /// `max_zip_entries`.
    ZipParts,
    /// `max_shared_strings`, `max_shared_strings_bytes`.
    SharedStrings,
    /// `max_styles`, and the bytes the formats would copy.
    Styles,
}

/// Why a file is not read. Technical details (an operating-system or a
/// reader's error, the figures that passed a limit) are kept as written, for
/// the person who looks into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Not a report, by its name: passed over (`file.ignored`).
    NotReport(NotReport),
    /// No sheet holds any data (`file.empty`).
    Empty,
    /// Password-protected (`file.encrypted`).
    Encrypted,
    /// A folder named like a workbook.
    Folder,
    /// A pipe, a device or a broken link named like a workbook.
    NotAFile,
    /// The operating system refused to open or read it.
    CannotOpen(String),
    /// A Word document under a workbook's name.
    Word,
    /// A PDF document under a workbook's name.
    Pdf,
    /// Neither a workbook nor anything else known; `zip` when it is a zip
    /// archive of something else.
    NotSpreadsheet { zip: bool },
    /// Damaged or cut off: what the reader or the guard found.
    Damaged(String),
    /// Reading it would pass a limit: which, and by how much.
    OverLimit { limit: Limit, detail: String },
    /// A reader failed unexpectedly on it.
    ReaderFailed,
    /// A file this program stored itself (an earlier period's figures, last
    /// month's discrepancy workbook) cannot be read back.
    Stored(String),
}

impl Refusal {
    /// The technical detail shown after the reason, when there is one.
    pub(crate) fn detail(&self) -> Option<&str> {
        match self {
            Refusal::CannotOpen(d) | Refusal::Damaged(d) | Refusal::Stored(d) => Some(d),
            Refusal::OverLimit { detail, .. } => Some(detail),
            Refusal::NotSpreadsheet { zip: true } => Some("zip"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::messages::file_reason_with;

    fn file_reason(r: &Refusal, lang: Lang) -> String {
        file_reason_with(r, lang, true)
    }

    #[test]
    fn a_refusal_is_told_with_its_detail() {
        let zip = Refusal::NotSpreadsheet { zip: true };
        assert_eq!(file_reason(&zip, Lang::En), "not a spreadsheet (zip)");
        let over = Refusal::OverLimit {
            limit: Limit::CompressionRatio,
            detail: "x.xml: 1 bytes unpack to 9, limits.max_compression_ratio = 5".into(),
        };
        assert_eq!(
            file_reason(&over, Lang::Ru),
            "файл подозрительно сильно сжат (возможно, zip-бомба) (x.xml: 1 bytes unpack to 9, limits.max_compression_ratio = 5)"
        );
        assert_eq!(
            file_reason(&Refusal::NotReport(NotReport::Owner), Lang::Kk),
            "Excel-дің уақытша иелік файлы"
        );
        assert_eq!(
            file_reason(&Refusal::CannotOpen(String::new()), Lang::En),
            "the file cannot be opened"
        );
        // Without -v, no reader's own words.
        assert_eq!(
            file_reason_with(&zip, Lang::Kk, false),
            "бұл электрондық кесте емес"
        );
        assert_eq!(
            file_reason_with(&over, Lang::En, false),
            "the file is suspiciously highly compressed (possibly a zip bomb)"
        );
    }
}
