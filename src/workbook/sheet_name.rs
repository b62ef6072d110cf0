//! Sheet names Excel accepts, unique in their workbook, made from any text
//! (a unit's name from the pipeline, a label).
//!
//! Excel refuses a workbook whose sheet names are longer than 31 characters
//! (counted in UTF-16 units), contain any of `[]:*?/\`, start or end with an
//! apostrophe, repeat another name ignoring case, or are `History`.

use crate::lang::Lang;
use rust_xlsxwriter::utility::check_sheet_name;

/// Excel's limit on a sheet name, in UTF-16 units.
pub(crate) const MAX_SHEET_NAME: usize = 31;

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Replaces what Excel forbids in a sheet name and collapses whitespace.
fn scrub(wanted: &str) -> String {
    let replaced: String = wanted
        .chars()
        .filter(|c| !matches!(c, '*' | '?' | '\u{FFFE}' | '\u{FFFF}'))
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            ':' | '/' | '\\' => '-',
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    let collapsed = replaced.split_whitespace().collect::<Vec<_>>().join(" ");
    trim_edges(&collapsed).to_string()
}

/// Spaces, apostrophes and dashes at either end are dropped: apostrophes are
/// forbidden there, and the others are what a cut leaves behind.
fn trim_edges(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\'' || c == '-')
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Cuts a name to `max` UTF-16 units at a word boundary where it can. In a
/// Kazakh or English name the defining noun comes last ("... бағынатын
/// ұйымдар", "Directly subordinate organisations"), so leading words go
/// first; a long Russian name puts it first ("Организации прямого
/// подчинения"), so trailing words go.
fn shorten(name: &str, lang: Lang, max: usize) -> String {
    if utf16_len(name) <= max {
        return name.to_string();
    }
    let mut words: Vec<&str> = name.split(' ').collect();
    while words.len() > 1 && utf16_len(&words.join(" ")) > max {
        if lang == Lang::Ru {
            words.pop();
        } else {
            words.remove(0);
        }
    }
    let mut out = words.join(" ");
    if lang != Lang::Ru {
        out = capitalise(&out);
    }
    if utf16_len(&out) > max {
        let mut cut = String::new();
        for c in out.chars() {
            if utf16_len(&cut) + c.len_utf16() > max {
                break;
            }
            cut.push(c);
        }
        out = cut;
    }
    trim_edges(&out).to_string()
}

fn is_taken(name: &str, taken: &[String]) -> bool {
    let lower = name.to_lowercase();
    lower == "history" || taken.iter().any(|t| t.to_lowercase() == lower)
}

crate::texts! {
    /// The name of a sheet whose wanted name is empty once cleaned.
    enum Word {
        Sheet => ("Парақ", "Лист", "Sheet"),
    }
}

/// A valid sheet name for `wanted`, unique among `taken` ignoring case.
///
/// Forbidden characters are replaced (`[` `]` by parentheses, `:` `/` `\` by
/// a dash, `*` `?` dropped), control characters and runs of whitespace
/// become one space, edge apostrophes go, a long name is shortened at a word
/// boundary (see [`shorten`]), and a clash gets ` (2)`, ` (3)`, ... . An empty
/// result falls back to the word "sheet" of the run's language.
pub(crate) fn sheet_name(wanted: &str, lang: Lang, taken: &[String]) -> String {
    let fallback = Word::Sheet.get(lang);
    let mut base = shorten(&scrub(wanted), lang, MAX_SHEET_NAME);
    if base.is_empty() {
        base = fallback.to_string();
    }
    if !is_taken(&base, taken) && check_sheet_name(&base).is_ok() {
        return base;
    }
    for n in 2.. {
        let suffix = format!(" ({n})");
        let stem = shorten(&base, lang, MAX_SHEET_NAME - suffix.len());
        let candidate = format!("{stem}{suffix}");
        if !is_taken(&candidate, taken) && check_sheet_name(&candidate).is_ok() {
            return candidate;
        }
    }
    unreachable!("some numbered name is always free")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(name: &str) -> bool {
        check_sheet_name(name).is_ok()
    }

    #[test]
    fn the_words_are_complete() {
        crate::lang::assert_complete(Word::ALL, Word::get);
    }

    #[test]
    fn a_clash_is_numbered_and_forbidden_characters_replaced() {
        let taken = vec!["Алға ауданы".to_string()];
        assert_eq!(
            sheet_name("АЛҒА АУДАНЫ", Lang::Kk, &taken),
            "АЛҒА АУДАНЫ (2)"
        );
        assert_eq!(sheet_name("a/b: [c]?", Lang::En, &[]), "a-b- (c)");
    }

    #[test]
    fn forbidden_characters_are_replaced() {
        let n = sheet_name("Ойыл [ауд.]: 2026/03 * ? \\ есеп", Lang::Kk, &[]);
        assert!(valid(&n), "{n}");
        assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
        assert_eq!(sheet_name("a\tb\n\u{0}c", Lang::En, &[]), "a b c");
    }

    #[test]
    fn edge_apostrophes_and_blanks_go() {
        assert_eq!(sheet_name("'Шалқар'", Lang::Kk, &[]), "Шалқар");
        assert_eq!(sheet_name("  ''  ", Lang::Ru, &[]), "Лист");
        assert_eq!(sheet_name("", Lang::Kk, &[]), "Парақ");
        assert_eq!(sheet_name("***", Lang::En, &[]), "Sheet");
        assert_eq!(sheet_name("O'Hara", Lang::En, &[]), "O'Hara");
    }

    #[test]
    fn long_names_keep_their_defining_words() {
        let kk = sheet_name("Облыстық ұйымға тікелей бағынатын ұйымдар", Lang::Kk, &[]);
        assert_eq!(kk, "Тікелей бағынатын ұйымдар");
        let ru = sheet_name(
            "Организации прямого подчинения областной организации",
            Lang::Ru,
            &[],
        );
        assert_eq!(ru, "Организации прямого подчинения");
        let one_word = sheet_name(&"Ы".repeat(40), Lang::Kk, &[]);
        assert_eq!(one_word.chars().count(), 31);
        // Characters outside the BMP count twice, as Excel counts them.
        let astral = sheet_name(&"😀".repeat(20), Lang::En, &[]);
        assert!(utf16_len(&astral) <= 31 && valid(&astral), "{astral}");
    }

    #[test]
    fn names_are_unique_ignoring_case() {
        let mut taken = vec!["Жиынтық".to_string()];
        let a = sheet_name("жиынтық", Lang::Kk, &taken);
        assert_eq!(a, "жиынтық (2)");
        taken.push(a);
        let b = sheet_name("ЖИЫНТЫҚ", Lang::Kk, &taken);
        assert_eq!(b, "ЖИЫНТЫҚ (3)");
        taken.push(b);
        let long = "Облыстық ұйымға тікелей бағынатын ұйымдар".to_string();
        let first = sheet_name(&long, Lang::Kk, &taken);
        taken.push(first.clone());
        let second = sheet_name(&long, Lang::Kk, &taken);
        assert!(
            utf16_len(&second) <= 31 && valid(&second) && second.ends_with("(2)"),
            "{second}"
        );
        assert_ne!(first.to_lowercase(), second.to_lowercase());
        assert_ne!(
            sheet_name("History", Lang::En, &[]).to_lowercase(),
            "history"
        );
    }
}
