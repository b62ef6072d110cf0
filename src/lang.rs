//! The languages of the outputs, and the one way their texts are kept.
//!
//! Every user-visible text (issue messages, workbook labels, the form, the
//! terminal) lives in a table declared with [`texts!`](crate::texts): an enum
//! per area, each text given in Kazakh, Russian and English side by side.
//! Texts with values are templates whose `{name}` placeholders [`fill`] puts
//! the values in. A count before a noun takes the form its number asks for
//! ([`plural`]).

pub(crate) mod plural;

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Kk,
    Ru,
    En,
}

impl Lang {
    /// Every language, in the order a text table gives them.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Picks the text of this language out of a (kk, ru, en) triple.
    pub const fn pick<'a>(self, kk: &'a str, ru: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

/// Declares a table of user-visible texts: an enum with one variant per
/// text, each given in Kazakh, Russian and English, so that a text cannot be
/// added in one language only (the match is checked at compile time).
///
/// `texts! { pub enum Name { Variant => ("kk", "ru", "en"), ... } }` gives
/// `Name::get(self, lang) -> &'static str` (a `const fn`) and `Name::ALL`.
/// A variant may carry doc comments. Texts with `{name}` are templates:
/// [`fill`] puts the values in.
///
/// `texts! { pub enum Name for Key { ... } }` keys the table by an existing
/// enum: the variants are exactly those of `Key`, and `Name: From<Key>`.
///
/// Each module that declares a table tests it with `lang::assert_complete`.
#[macro_export]
macro_rules! texts {
    (
        $(#[$meta:meta])*
        $vis:vis enum $enum:ident for $key:ident {
            $($(#[$vmeta:meta])* $name:ident => ($kk:expr, $ru:expr, $en:expr $(,)?),)*
        }
    ) => {
        $crate::texts! {
            $(#[$meta])*
            $vis enum $enum { $($(#[$vmeta])* $name => ($kk, $ru, $en),)* }
        }

        impl From<$key> for $enum {
            fn from(key: $key) -> $enum {
                match key { $($key::$name => $enum::$name,)* }
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $enum:ident {
            $($(#[$vmeta:meta])* $name:ident => ($kk:expr, $ru:expr, $en:expr $(,)?),)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $enum { $($(#[$vmeta])* $name,)* }

        impl $enum {
            /// Every text of the table, in declaration order.
            #[allow(dead_code)]
            pub(crate) const ALL: &'static [$enum] = &[$($enum::$name,)*];

            /// The text in a language.
            #[allow(dead_code)]
            pub const fn get(self, lang: $crate::lang::Lang) -> &'static str {
                match self { $($enum::$name => lang.pick($kk, $ru, $en),)* }
            }
        }
    };
}

/// A text template with its `{name}` placeholders replaced by the values of
/// those names. Values go in as they are: a `{` inside a value is not read
/// as a placeholder. A placeholder with no value is left as it stands.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

crate::texts! {
    /// The months, nominative, January first (`Month::ALL[m - 1]`).
    pub(crate) enum Month {
        January => ("қаңтар", "январь", "January"),
        February => ("ақпан", "февраль", "February"),
        March => ("наурыз", "март", "March"),
        April => ("сәуір", "апрель", "April"),
        May => ("мамыр", "май", "May"),
        June => ("маусым", "июнь", "June"),
        July => ("шілде", "июль", "July"),
        August => ("тамыз", "август", "August"),
        September => ("қыркүйек", "сентябрь", "September"),
        October => ("қазан", "октябрь", "October"),
        November => ("қараша", "ноябрь", "November"),
        December => ("желтоқсан", "декабрь", "December"),
    }
}

impl Month {
    /// The month of a number, 1 to 12 (out of range numbers are clamped).
    pub(crate) const fn of(month: u32) -> Month {
        let i = if month < 1 {
            0
        } else if month > 12 {
            11
        } else {
            month - 1
        };
        Month::ALL[i as usize]
    }

    /// The twelve names in a language, January first.
    const fn names(lang: Lang) -> [&'static str; 12] {
        let mut out = [""; 12];
        let mut i = 0;
        while i < 12 {
            out[i] = Month::ALL[i].get(lang);
            i += 1;
        }
        out
    }
}

/// Month names, nominative, January first.
pub(crate) const MONTHS_KK: [&str; 12] = Month::names(Lang::Kk);

/// The name of a month (1..=12) in a language.
pub(crate) fn month_name(month: u32, lang: Lang) -> &'static str {
    Month::of(month).get(lang)
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "kk" | "kz" | "kaz" => Ok(Lang::Kk),
            "ru" | "rus" => Ok(Lang::Ru),
            "en" | "eng" => Ok(Lang::En),
            other => Err(format!("unknown language `{other}` (use kk, ru or en)")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
pub(crate) use table_check::assert_complete;

/// What a text table must hold, checked by each table's tests.
#[cfg(test)]
mod table_check {
    use super::Lang;
    use std::collections::BTreeSet;
    use std::fmt::Debug;

    /// Words a Kazakh or Russian text may write in Latin letters: the names
    /// of programs and file formats, written so in every language, and the
    /// page codes of an Excel page header.
    const LATIN_WORDS: &[&str] = &[
        "jinaq", "Excel", "Word", "PDF", "CSV", "JSON", "QR", "zip", "&P", "&N",
    ];

    /// Fails, naming every fault, unless each text of a table is non-empty
    /// in every language, its Kazakh and Russian texts have no Latin letters
    /// but [`LATIN_WORDS`], and its three languages have the same
    /// placeholders.
    pub(crate) fn assert_complete<T: Copy + Debug>(
        all: &[T],
        get: impl Fn(T, Lang) -> &'static str,
    ) {
        let faults: Vec<String> = all
            .iter()
            .flat_map(|&t| faults_of(&format!("{t:?}"), Lang::ALL.map(|l| get(t, l))))
            .collect();
        assert!(faults.is_empty(), "{}", faults.join("\n"));
    }

    pub(super) fn faults_of(name: &str, texts: [&str; 3]) -> Vec<String> {
        let mut out = Vec::new();
        for (lang, text) in Lang::ALL.into_iter().zip(texts) {
            if text.trim().is_empty() {
                out.push(format!("{name} {lang}: empty"));
            }
            let mut plain = text.to_string();
            for p in placeholders(text) {
                plain = plain.replace(&format!("{{{p}}}"), "");
            }
            for word in LATIN_WORDS {
                plain = plain.replace(word, "");
            }
            let latin = |c: char| {
                c.is_alphabetic() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c))
            };
            if lang != Lang::En && plain.chars().any(latin) {
                out.push(format!("{name} {lang}: Latin letters in «{text}»"));
            }
        }
        // `{at_cell}` counts as `{cell}`: it is the cell with its words
        // around it, for a language that opens the sentence with the place
        // and says nothing where there is no cell.
        let sets = texts.map(|t| {
            placeholders(t)
                .into_iter()
                .map(|p| if p == "at_cell" { "cell" } else { p })
                .collect::<BTreeSet<_>>()
        });
        if sets[1] != sets[0] || sets[2] != sets[0] {
            out.push(format!("{name}: placeholders differ: {sets:?}"));
        }
        out
    }

    /// The `{name}`s of a template.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            rest = &rest[open + 1..];
            if let Some(close) = rest.find('}') {
                let name = &rest[..close];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    out.push(name);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::table_check::faults_of;
    use super::*;

    #[test]
    fn values_go_in_as_they_are() {
        assert_eq!(
            fill("{a} and {b}, {a}; {c}", &[("a", "{b}"), ("b", "2")]),
            "{b} and 2, {b}; {c}"
        );
        assert_eq!(fill("no {place", &[("place", "x")]), "no {place");
        assert_eq!(fill("{}", &[]), "{}");
    }

    #[test]
    fn every_month_is_named_in_every_language() {
        assert_complete(Month::ALL, Month::get);
        assert_eq!(month_name(3, Lang::Kk), "наурыз");
        assert_eq!(month_name(0, Lang::Ru), "январь");
        assert_eq!(month_name(13, Lang::En), "December");
        assert_eq!(month_name(12, Lang::Ru), "декабрь");
    }

    #[test]
    fn faults_are_found() {
        assert!(faults_of("ok", ["{n} Excel-де", "{n} в Excel", "{n} in Excel"]).is_empty());
        assert!(faults_of("at", ["{at_cell}жол", "ячейка {cell}", "cell {cell}"]).is_empty());
        assert_eq!(faults_of("empty", ["", "б", "c"]).len(), 1);
        assert_eq!(faults_of("latin", ["a", "б", "c"]).len(), 1);
        assert_eq!(faults_of("slots", ["{n}", "{m}", "{n}"]).len(), 1);
    }
}
