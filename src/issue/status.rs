//! The follow-up of an issue: what the specialist wrote about it in the
//! discrepancy workbook (a status from the dropdown, a comment, who is
//! responsible), and the parser that reads a status back from an earlier
//! month's workbook, whatever language that workbook was written in.

use crate::lang::Lang;
use crate::normalize::text::key;

/// Where the specialist's follow-up of an issue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Raised by this run, nobody has looked at it yet.
    New,
    /// The district has been asked and is working on it.
    InProgress,
    /// The district corrected the report.
    Fixed,
    /// The district explained the figure; it stays as reported.
    Explained,
    /// Leadership decided not to pursue it.
    Waived,
}

crate::texts! {
    /// What the dropdown shows for each status.
    enum StatusLabel for Status {
        New => ("Жаңа", "Новое", "New"),
        InProgress => ("Орындалуда", "В работе", "In progress"),
        Fixed => ("Түзетілді", "Исправлено", "Fixed"),
        Explained => ("Түсініктеме берілді", "Дано пояснение", "Explained"),
        Waived => ("Бақылаудан алынды", "Снято с контроля", "Waived"),
    }
}

/// What the specialist wrote about an issue.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub(crate) status: Status,
    pub(crate) comment: String,
    pub responsible: String,
    /// The due date the specialist set, as an Excel serial day.
    pub due: Option<f64>,
    /// The period whose workbook it was read from.
    pub(crate) from: String,
}

/// Every status, in the order of the dropdown.
pub const STATUSES: [Status; 5] = [
    Status::New,
    Status::InProgress,
    Status::Fixed,
    Status::Explained,
    Status::Waived,
];

impl Status {
    /// The language-neutral id (`new`, `in_progress`, `fixed`, `explained`,
    /// `waived`).
    pub fn id(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InProgress => "in_progress",
            Status::Fixed => "fixed",
            Status::Explained => "explained",
            Status::Waived => "waived",
        }
    }

    /// What the dropdown shows in a run of this language.
    pub fn label(self, lang: Lang) -> &'static str {
        StatusLabel::from(self).get(lang)
    }

    /// Reads a status as a specialist may have left it in the status cell:
    /// the label of any of the three languages, the id, or a common synonym,
    /// in any case, with stray spaces, quotes or a trailing dot. An empty
    /// cell or unknown text gives None.
    pub fn parse(text: &str) -> Option<Status> {
        let k = key(text);
        if k.is_empty() {
            return None;
        }
        if let Some(s) = STATUSES.iter().find(|s| {
            key(s.id()) == k
                || [Lang::Kk, Lang::Ru, Lang::En]
                    .iter()
                    .any(|l| key(s.label(*l)) == k)
        }) {
            return Some(*s);
        }
        let synonyms: &[(&str, Status)] = &[
            ("жаңа", Status::New),
            ("новый", Status::New),
            ("новая", Status::New),
            ("open", Status::New),
            ("жұмыста", Status::InProgress),
            ("орындалу үстінде", Status::InProgress),
            ("в процессе", Status::InProgress),
            ("inprogress", Status::InProgress),
            ("түзетілген", Status::Fixed),
            ("исправлен", Status::Fixed),
            ("исправлена", Status::Fixed),
            ("устранено", Status::Fixed),
            ("түсіндірілді", Status::Explained),
            ("пояснено", Status::Explained),
            ("объяснено", Status::Explained),
            ("есепке алынбайды", Status::Waived),
            ("снято", Status::Waived),
            ("снята с контроля", Status::Waived),
            ("снят с контроля", Status::Waived),
        ];
        synonyms
            .iter()
            .find(|(word, _)| key(word) == k)
            .map(|(_, s)| *s)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// The labels of every status in a run's language, for the dropdown.
pub fn status_labels(lang: Lang) -> Vec<&'static str> {
    STATUSES.iter().map(|s| s.label(lang)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_labels_are_complete() {
        crate::lang::assert_complete(StatusLabel::ALL, StatusLabel::get);
    }

    #[test]
    fn every_label_of_every_language_reads_back() {
        for s in STATUSES {
            assert_eq!(Status::parse(s.id()), Some(s), "{s}");
            for lang in [Lang::Kk, Lang::Ru, Lang::En] {
                assert_eq!(Status::parse(s.label(lang)), Some(s), "{s} {lang}");
            }
        }
    }

    #[test]
    fn statuses_as_people_type_them() {
        assert_eq!(Status::parse("  ТҮЗЕТІЛДІ "), Some(Status::Fixed));
        assert_eq!(Status::parse("в работе."), Some(Status::InProgress));
        assert_eq!(Status::parse("«Дано пояснение»"), Some(Status::Explained));
        assert_eq!(Status::parse("снято"), Some(Status::Waived));
        assert_eq!(Status::parse("бақылаудан\nалынды"), Some(Status::Waived));
        assert_eq!(Status::parse("In_Progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("waived"), Some(Status::Waived));
        assert_eq!(Status::parse("Новое"), Some(Status::New));
        assert_eq!(
            Status::parse("түсініктеме берілді"),
            Some(Status::Explained)
        );
        assert_eq!(Status::parse(""), None);
        assert_eq!(Status::parse("   "), None);
        assert_eq!(Status::parse("см. письмо"), None);
    }

    #[test]
    fn the_dropdown_fits_excel_list_limit() {
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let joined = status_labels(lang).join(",");
            assert!(joined.chars().count() <= 255, "{joined}");
            assert!(status_labels(lang).iter().all(|l| !l.contains(',')));
        }
    }
}
