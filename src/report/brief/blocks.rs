//! The brief as a list of blocks, before any file format: the title,
//! numbered headings, paragraphs (parts of them bold or italic), bullet
//! lists, the table and the signature. The sections build these; the docx
//! writer ([`super::docx`]) only lays them out, so the text of a brief can be
//! tested without opening a document.

/// A piece of a paragraph with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) text: String,
    pub(crate) bold: bool,
    pub(crate) italic: bool,
}

/// One block of the brief, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// The title block: bold, centred lines.
    Title(Vec<String>),
    /// A numbered section's heading: `5. Кәсіподақтық ...`.
    Heading(String),
    /// A paragraph of running text.
    Para(Vec<Span>),
    /// A bulleted list, one entry per item.
    Bullets(Vec<String>),
    /// A table: its header row, then its rows; the first column narrow,
    /// the second wide, the others figures.
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The signature: the position (bold lines) and the person's name.
    Signature {
        position: Vec<String>,
        person: String,
    },
}

impl Block {
    /// A paragraph from a text whose `**...**` parts are bold.
    pub(crate) fn marked(text: &str) -> Block {
        Block::Para(
            text.split("**")
                .enumerate()
                .filter(|(_, t)| !t.is_empty())
                .map(|(i, t)| Span {
                    text: t.to_string(),
                    bold: i % 2 == 1,
                    italic: false,
                })
                .collect(),
        )
    }

    /// A paragraph in italics.
    pub(crate) fn italic(text: &str) -> Block {
        Block::Para(vec![Span {
            text: text.to_string(),
            bold: false,
            italic: true,
        }])
    }

    /// The block's text as one would read it aloud, for tests and logs:
    /// table cells separated by ` | `, rows and lines by new lines.
    #[cfg(test)]
    pub(crate) fn plain(&self) -> String {
        match self {
            Block::Title(lines) => lines.join("\n"),
            Block::Heading(t) => t.clone(),
            Block::Para(spans) => spans.iter().map(|s| s.text.as_str()).collect(),
            Block::Bullets(items) => items.join("\n"),
            Block::Table { head, rows } => std::iter::once(head)
                .chain(rows)
                .map(|r| r.join(" | "))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Signature { position, person } => {
                let mut lines = position.clone();
                lines.push(person.clone());
                lines.join("\n")
            }
        }
    }
}

/// A share (a fraction) as the pipeline shows it, with a per cent sign and
/// no space, as the office's table writes it: `16,9%` (`16.9%` in English).
pub(crate) fn share_text(
    share: f64,
    shown: crate::measures::ShareShown,
    lang: crate::lang::Lang,
) -> String {
    format!("{}%", shown_digits(share, shown, lang))
}

/// The per cent of a share as shown, in the language's digits: `16,9`.
fn shown_digits(share: f64, shown: crate::measures::ShareShown, lang: crate::lang::Lang) -> String {
    crate::messages::pct_digits(shown.apply(share), shown.decimals, lang)
}

/// A share of a budget as the office writes it: shown as the pipeline says,
/// then without trailing zero decimals (`8%`, `9,5%`).
pub(crate) fn budget_share_text(
    share: f64,
    shown: crate::measures::ShareShown,
    lang: crate::lang::Lang,
) -> String {
    let digits = shown_digits(share, shown, lang);
    let trimmed = if digits.contains([',', '.']) {
        digits.trim_end_matches('0').trim_end_matches([',', '.'])
    } else {
        &digits
    };
    format!("{trimmed}%")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::measures::ShareShown;

    #[test]
    fn bold_parts_are_marked_with_two_stars() {
        let Block::Para(spans) = Block::marked("бар **614** ұйым, **33 557** адам")
        else {
            panic!("a paragraph");
        };
        let bold: Vec<&str> = spans
            .iter()
            .filter(|s| s.bold)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(bold, ["614", "33 557"]);
        assert_eq!(
            Block::marked("бар **614** ұйым").plain(),
            "бар 614 ұйым".to_string()
        );
    }

    #[test]
    fn shares_as_the_office_writes_them() {
        let office = ShareShown::OFFICE;
        assert_eq!(share_text(5673.0 / 33468.0, office, Lang::Kk), "16,9%");
        assert_eq!(share_text(6101.0 / 33557.0, office, Lang::Ru), "18,1%");
        assert_eq!(share_text(0.17, office, Lang::En), "17.0%");
        let round = ShareShown {
            truncate: false,
            decimals: 2,
        };
        assert_eq!(share_text(5673.0 / 33468.0, round, Lang::Kk), "16,95%");
        assert_eq!(budget_share_text(0.08, office, Lang::Kk), "8%");
        assert_eq!(budget_share_text(0.095, office, Lang::Kk), "9,5%");
        assert_eq!(budget_share_text(0.1, office, Lang::Kk), "10%");
    }
}
