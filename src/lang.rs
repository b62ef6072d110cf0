//! The languages of messages and labels.

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
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Picks the text of this language out of a (kk, ru, en) triple.
    pub fn pick<'a>(self, kk: &'a str, ru: &'a str, en: &'a str) -> &'a str {
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
/// `Name::get(self, lang) -> &'static str` and `Name::ALL`. Texts with
/// `{name}` are templates: [`fill`] puts the values in.
#[macro_export]
macro_rules! texts {
    ($(#[$meta:meta])* $vis:vis enum $enum:ident { $($name:ident => ($kk:expr, $ru:expr, $en:expr $(,)?),)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $enum { $($name,)* }

        impl $enum {
            /// Every text of the table, in declaration order.
            #[allow(dead_code)]
            pub const ALL: &'static [$enum] = &[$($enum::$name,)*];

            /// The text in a language.
            pub fn get(self, lang: $crate::lang::Lang) -> &'static str {
                match self { $($enum::$name => lang.pick($kk, $ru, $en),)* }
            }
        }
    };
}

/// A text template with its `{name}` placeholders replaced, in order.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Month names, nominative, January first.
pub const MONTHS_KK: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
pub const MONTHS_RU: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of a month (1..=12) in a language.
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    lang.pick(MONTHS_KK[i], MONTHS_RU[i], MONTHS_EN[i])
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
