//! A count before a noun, in the form the number asks for.
//!
//! A noun of a text table gives its forms separated by `|`:
//!
//! - Russian: one, few, many (`ошибка|ошибки|ошибок`): 1, 21, 101 ошибка;
//!   2, 3, 4, 22 ошибки; 0, 5…20, 25, 111 ошибок;
//! - English: one, other (`error|errors`);
//! - Kazakh: one form (`қате`): a noun after a numeral does not change
//!   (`3 қате`).
//!
//! A text with fewer forms than its language has uses its last one.

use super::Lang;

/// The plural forms a count may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    One,
    Few,
    Many,
}

/// The form a count `n` asks for in a language.
pub(crate) fn form(n: u64, lang: Lang) -> Form {
    match lang {
        Lang::Kk => Form::One,
        Lang::En if n == 1 => Form::One,
        Lang::En => Form::Many,
        Lang::Ru => match (n % 10, n % 100) {
            (1, r) if r != 11 => Form::One,
            (2..=4, r) if !(12..=14).contains(&r) => Form::Few,
            _ => Form::Many,
        },
    }
}

/// The noun of `forms` (one text of a table, forms separated by `|`) that
/// a count `n` asks for.
pub(crate) fn noun(n: u64, forms: &str, lang: Lang) -> &str {
    let parts: Vec<&str> = forms.split('|').collect();
    let index = match (lang, form(n, lang)) {
        (_, Form::One) => 0,
        (Lang::Ru, Form::Few) => 1,
        (Lang::Ru, Form::Many) => 2,
        (_, _) => 1,
    };
    parts[index.min(parts.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    const ERRORS: (&str, &str, &str) = ("қате", "ошибка|ошибки|ошибок", "error|errors");

    fn said(n: u64, lang: Lang) -> String {
        let forms = lang.pick(ERRORS.0, ERRORS.1, ERRORS.2);
        format!("{n} {}", noun(n, forms, lang))
    }

    #[test]
    fn russian_counts_from_0_to_200() {
        // The rule as a grammar states it, on the number's last two digits
        // written out: -1 but not -11 asks for one; -2, -3, -4 but not
        // -12, -13, -14 for few; everything else for many.
        for n in 0..=200u64 {
            let digits = format!("{n:02}");
            let tail = &digits[digits.len() - 2..];
            let want = if tail.ends_with('1') && tail != "11" {
                "ошибка"
            } else if ["2", "3", "4"].iter().any(|d| tail.ends_with(d))
                && !["12", "13", "14"].contains(&tail)
            {
                "ошибки"
            } else {
                "ошибок"
            };
            assert_eq!(said(n, Lang::Ru), format!("{n} {want}"));
        }
        let spot = [
            (0, "ошибок"),
            (1, "ошибка"),
            (3, "ошибки"),
            (6, "ошибок"),
            (11, "ошибок"),
            (12, "ошибок"),
            (21, "ошибка"),
            (22, "ошибки"),
            (111, "ошибок"),
            (112, "ошибок"),
            (122, "ошибки"),
            (200, "ошибок"),
        ];
        for (n, want) in spot {
            assert_eq!(said(n, Lang::Ru), format!("{n} {want}"));
        }
    }

    #[test]
    fn kazakh_keeps_the_noun_and_english_has_two_forms() {
        for n in 0..=200 {
            assert_eq!(said(n, Lang::Kk), format!("{n} қате"));
            let want = if n == 1 { "error" } else { "errors" };
            assert_eq!(said(n, Lang::En), format!("{n} {want}"));
        }
    }

    #[test]
    fn a_text_with_fewer_forms_uses_its_last() {
        assert_eq!(noun(5, "штука|штуки", Lang::Ru), "штуки");
        assert_eq!(noun(5, "item", Lang::En), "item");
        assert_eq!(noun(1, "", Lang::Ru), "");
    }
}
