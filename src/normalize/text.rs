//! Text normalisation for matching: header texts, labels, unit and
//! organisation names are compared as keys, never as written.
//!
//! A key is lower case, with `ё` as `е`, the Kazakh letters as the Russian
//! letters typed for them on a Russian keyboard (`ә` as `а`, `ғ` as `г`, `қ`
//! as `к`, `ң` as `н`, `ө` as `о`, `ұ` and `ү` as `у`, `һ` as `х`, `і` as
//! `и`), Latin letters that look Cyrillic turned Cyrillic (inside Cyrillic
//! words only; a Latin `i` is taken as `і`), every kind of quote, hyphen,
//! soft hyphen and line break removed or folded, punctuation turned into
//! spaces and runs of spaces collapsed. `Тәжірибе алмасу` and `тажирибе
//! алмасу` have one key.

/// Latin letters that districts type inside Cyrillic words by accident.
fn cyrillic_lookalike(c: char) -> Option<char> {
    Some(match c {
        'A' | 'a' => 'а',
        'B' => 'в',
        'C' | 'c' => 'с',
        'E' | 'e' => 'е',
        'H' => 'н',
        'h' => 'һ',
        'I' | 'i' => 'і',
        'K' | 'k' => 'к',
        'M' => 'м',
        'O' | 'o' => 'о',
        'P' | 'p' => 'р',
        'T' => 'т',
        'X' | 'x' => 'х',
        'Y' | 'y' => 'у',
        _ => return None,
    })
}

/// A lower-case letter as it is compared: `ё` as `е`, and each Kazakh letter
/// as the Russian letter typed in its place on a Russian keyboard.
fn fold_letter(c: char) -> char {
    match c {
        'ё' => 'е',
        'ә' => 'а',
        'ғ' => 'г',
        'қ' => 'к',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' | 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        _ => c,
    }
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '‚' | '`' | '´' | '‹' | '›'
    )
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2212}'
            | '\u{00AD}'
    )
}

/// `char::is_alphanumeric`, answered without a table lookup for ASCII and
/// the Cyrillic block (every code point of which is a letter but the signs
/// U+0482..U+0489).
fn is_alnum(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// The lower case of a letter that lower-cases to one letter, answered
/// without a table lookup for ASCII and the Cyrillic block; `None` for the
/// few letters whose lower case is longer than one character.
fn lower(c: char) -> Option<char> {
    let u = c as u32;
    let shifted = |d: u32| char::from_u32(u + d);
    match u {
        0x41..=0x5A => shifted(0x20),
        0x00..=0x7F => Some(c),
        0x0400..=0x040F => shifted(0x50),
        0x0410..=0x042F => shifted(0x20),
        0x0430..=0x045F => Some(c),
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x04FF => {
            shifted(u32::from(u.is_multiple_of(2)))
        }
        0x04C0 => Some('\u{04CF}'),
        0x04C1..=0x04CE => shifted(u32::from(!u.is_multiple_of(2))),
        _ => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        }
    }
}

/// Each word of `s` (a run of letters and digits) with `map` applied to its
/// characters when the word holds a Cyrillic letter, and every other
/// character as it is, handed to `emit` in order.
fn for_each_folded(s: &str, mut emit: impl FnMut(char)) {
    let mut rest = s;
    while let Some(first) = rest.chars().next() {
        if is_alnum(first) {
            let end = rest
                .char_indices()
                .find(|(_, c)| !is_alnum(*c))
                .map_or(rest.len(), |(i, _)| i);
            let (word, tail) = rest.split_at(end);
            if word.chars().any(is_cyrillic) {
                word.chars()
                    .for_each(|c| emit(cyrillic_lookalike(c).unwrap_or(c)));
            } else {
                word.chars().for_each(&mut emit);
            }
            rest = tail;
        } else {
            emit(first);
            rest = &rest[first.len_utf8()..];
        }
    }
}

/// The matching key of a name in Cyrillic script: every Latin look-alike
/// letter is taken as Cyrillic, even in a word of its own (`c. Мартук`).
pub(crate) fn cyrillic_key(s: &str) -> String {
    let mut k = KeyBuilder::with_capacity(s.len());
    // Every look-alike is already Cyrillic: folding words changes nothing more.
    s.chars()
        .for_each(|c| k.push(cyrillic_lookalike(c).unwrap_or(c)));
    k.out
}

/// The matching key of a text. See the module documentation.
pub(crate) fn key(s: &str) -> String {
    let mut k = KeyBuilder::with_capacity(s.len());
    for_each_folded(s, |c| k.push(c));
    k.out
}

/// A key written one (already folded) character at a time.
struct KeyBuilder {
    out: String,
    pending_space: bool,
}

impl KeyBuilder {
    fn with_capacity(n: usize) -> KeyBuilder {
        KeyBuilder {
            out: String::with_capacity(n),
            pending_space: false,
        }
    }

    fn push(&mut self, c: char) {
        match lower(c) {
            Some(l) => self.push_lower(l),
            None => c.to_lowercase().for_each(|l| self.push_lower(l)),
        }
    }

    fn push_lower(&mut self, c: char) {
        let c = fold_letter(c);
        if is_quote(c) || is_dash(c) {
            return;
        }
        if c.is_whitespace() || matches!(c, '.' | ',' | ':' | ';' | '(' | ')' | '_' | '*') {
            self.pending_space = !self.out.is_empty();
            return;
        }
        if c.is_control() {
            return;
        }
        if self.pending_space {
            self.out.push(' ');
            self.pending_space = false;
        }
        self.out.push(c);
    }
}

/// Whether `needle` (a key) occurs in `haystack` (a key) at the start of a word.
pub(crate) fn contains_at_word_start(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() || needle.len() > haystack.len() {
        return false;
    }
    // Compared at each word start: cheaper than a substring search for the
    // short texts of headers and titles, tried against many needles.
    let mut in_word = false;
    for (i, c) in haystack.char_indices() {
        if !in_word && haystack[i..].starts_with(needle) {
            return true;
        }
        in_word = is_alnum(c);
    }
    false
}

/// Text as it should appear in an output: trimmed, control characters
/// (other than line breaks in long text) replaced by spaces, and cut to the
/// 32 767 characters a cell can hold.
pub(crate) fn clean_display(s: &str) -> String {
    let mut out: String = s
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if out.chars().count() > 32_000 {
        out = out.chars().take(32_000).collect();
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fast_char_classes_agree_with_the_standard_library() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            let mut std_lower = c.to_lowercase();
            let std_one = match (std_lower.next(), std_lower.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            };
            assert_eq!(lower(c), std_one, "{c:?}");
        }
    }

    /// The key as first written: fold the words, then lower-case, then
    /// drop and collapse, one step after the other.
    fn reference_key(s: &str) -> String {
        let mut folded = String::new();
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            if word.chars().any(is_cyrillic) {
                out.extend(word.chars().map(|c| cyrillic_lookalike(c).unwrap_or(c)));
            } else {
                out.push_str(word);
            }
            word.clear();
        };
        for c in s.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut folded);
                folded.push(c);
            }
        }
        flush(&mut word, &mut folded);
        let mut out = String::new();
        let mut pending_space = false;
        const KAZAKH: [(char, char); 10] = [
            ('ё', 'е'),
            ('ә', 'а'),
            ('ғ', 'г'),
            ('қ', 'к'),
            ('ң', 'н'),
            ('ө', 'о'),
            ('ұ', 'у'),
            ('ү', 'у'),
            ('һ', 'х'),
            ('і', 'и'),
        ];
        let lowered: String = folded.chars().flat_map(char::to_lowercase).collect();
        let typed: String = lowered
            .chars()
            .map(|c| KAZAKH.iter().find(|(k, _)| *k == c).map_or(c, |(_, r)| *r))
            .collect();
        for c in typed.chars() {
            if is_quote(c) || is_dash(c) || c.is_control() && !c.is_whitespace() {
                continue;
            }
            if c.is_whitespace() || matches!(c, '.' | ',' | ':' | ';' | '(' | ')' | '_' | '*') {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
        out
    }

    /// Word-start matching as first written: search, then look behind.
    fn reference_contains_at_word_start(haystack: &str, needle: &str) -> bool {
        if needle.is_empty() {
            return false;
        }
        let mut from = 0;
        while let Some(pos) = haystack[from..].find(needle) {
            let at = from + pos;
            let before = haystack[..at].chars().next_back();
            if before.is_none_or(|c| !c.is_alphanumeric()) {
                return true;
            }
            from = at + needle.chars().next().map_or(1, char::len_utf8);
        }
        false
    }

    proptest! {
        #[test]
        fn word_start_matching_is_the_reference(
            haystack in "[ab аә1.\\-]{0,12}",
            needle in "[ab аә1.\\-]{0,4}",
        ) {
            prop_assert_eq!(
                contains_at_word_start(&haystack, &needle),
                reference_contains_at_word_start(&haystack, &needle)
            );
        }

        #[test]
        fn key_is_the_reference_key(s in "[a-zA-Z0-9 .,«»\"\\-–\n\tİIЁёӀӏҚқҒғӘәҰұҮүІіӨөҢңҺһАаВЕКМНОРСТХУ№ẞ\u{0482}\u{0488}\u{00AD}\u{00A0}]{0,24}") {
            prop_assert_eq!(key(&s), reference_key(&s));
        }
    }

    #[test]
    fn keys_fold_case_quotes_spaces_and_lookalikes() {
        assert_eq!(
            key("  Кәсіподақ мүшелерінің\nжалпы  саны "),
            "касиподак мушелеринин жалпы саны"
        );
        assert_eq!(key("КГУ \u{ab}СШ №5\u{bb}"), "кгу сш №5");
        // Latin K and O inside a Cyrillic word
        assert_eq!(key("KOБДА"), "кобда");
        assert_eq!(key("ҰЙЫМНЫҢ АТАУЫ"), "уйымнын атауы");
        assert_eq!(key("ұйымдары-ның"), "уйымдарынын");
        assert_eq!(
            key("Оқытудан өткендер, барлығы"),
            "окытудан откендер барлыгы"
        );
        assert_eq!(key("Ёлка"), "елка");
        assert_eq!(key("a\u{a0}b"), "a b");
    }

    #[test]
    fn the_key_of_every_character_is_the_reference_key() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("д{c}"), format!("{c}d")] {
                assert_eq!(key(&s), reference_key(&s), "{c:?}");
            }
        }
    }

    #[test]
    fn kazakh_letters_typed_on_a_russian_keyboard() {
        assert_eq!(key("тажирибе алмасу"), key("Тәжірибе алмасу"));
        assert_eq!(key("БАРЛЫГЫ"), key("Барлығы"));
        assert_eq!(key("Жиынтыгы"), key("жиынтығы"));
        assert_eq!(
            key("Касиподак мушелеринин саны"),
            key("Кәсіподақ мүшелерінің саны")
        );
        assert_eq!(key("Шалкар"), key("Шалқар"));
        assert_eq!(key("Кобда"), key("Қобда"));
        assert_eq!(key("Ыргыз"), key("Ырғыз"));
        assert_eq!(key("Мугалжар"), key("Мұғалжар"));
        assert_eq!(key("Хромтау ауданы"), key("Һромтау ауданы"));
        // Latin i and h inside Cyrillic words, as Kazakh keyboards leave them
        assert_eq!(key("Бiлiм"), key("Білім"));
        assert_eq!(key("БIЛIМ"), key("білім"));
        assert_eq!(key("Шаhар"), key("Шаһар"));
        // a Latin word stays Latin
        assert_eq!(key("Direct"), "direct");
        assert_eq!(
            cyrillic_key("Бiлiм беру бөлiмi"),
            cyrillic_key("Білім беру бөлімі")
        );
    }

    /// The shipped pipeline's texts, grouped by what they name: (group,
    /// owner, text). Texts of one group are told apart by their keys only.
    fn shipped_texts() -> Vec<(String, String, String)> {
        let file = include_str!("../../pipelines/aktobe-training.toml");
        let v: toml::Table = toml::from_str(file).unwrap();
        let strings = |v: &toml::Value| -> Vec<String> {
            match v {
                toml::Value::String(s) => vec![s.clone()],
                toml::Value::Array(a) => a
                    .iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect(),
                _ => Vec::new(),
            }
        };
        let mut out = Vec::new();
        let mut push = |group: &str, owner: &str, texts: Vec<String>| {
            for t in texts {
                out.push((group.to_string(), owner.to_string(), t));
            }
        };
        for (group, path) in [
            ("coverage.headers", ["coverage", "headers"]),
            ("events.headers", ["events", "headers"]),
            ("finance.labels", ["finance", "labels"]),
            ("summary.labels", ["summary", "labels"]),
        ] {
            for (field, texts) in v[path[0]][path[1]].as_table().unwrap() {
                push(group, field, strings(texts));
            }
        }
        for u in v["units"].as_array().unwrap() {
            let id = u["id"].as_str().unwrap();
            for k in ["match", "kk", "ru"] {
                push("units", id, strings(&u[k]));
            }
        }
        for list in ["forms", "topic_areas"] {
            for t in v["vocabulary"][list].as_array().unwrap() {
                let id = t["id"].as_str().unwrap();
                for k in ["aliases", "kk", "ru", "en"] {
                    let squashed = strings(&t[k]).iter().map(|s| s.replace(' ', "")).collect();
                    push(list, id, squashed);
                }
            }
        }
        out
    }

    #[test]
    fn no_two_things_of_the_shipped_pipeline_share_a_key() {
        let texts = shipped_texts();
        assert!(texts.len() > 200, "{}", texts.len());
        let mut seen: std::collections::HashMap<(String, String), (String, String)> =
            std::collections::HashMap::new();
        for (group, owner, text) in texts {
            let k = key(&text).replace(
                ' ',
                if group.contains("topic") || group == "forms" {
                    ""
                } else {
                    " "
                },
            );
            if let Some((other, other_text)) = seen.get(&(group.clone(), k.clone())) {
                assert_eq!(
                    other, &owner,
                    "[{group}] `{other_text}` ({other}) and `{text}` ({owner}) have one key `{k}`"
                );
            }
            seen.insert((group, k), (owner, text));
        }
    }

    #[test]
    fn no_unit_stem_names_another_unit_after_folding() {
        let texts = shipped_texts();
        let stems: Vec<(&str, String)> = texts
            .iter()
            .filter(|(g, _, _)| g == "units")
            .map(|(_, o, t)| (o.as_str(), key(t)))
            .collect();
        for (a, sa) in &stems {
            for (b, sb) in &stems {
                if a != b {
                    assert!(
                        !contains_at_word_start(sb, sa),
                        "unit {a}'s `{sa}` is found in unit {b}'s `{sb}`"
                    );
                }
            }
        }
    }

    #[test]
    fn names_fold_every_lookalike() {
        assert_eq!(
            cyrillic_key("Я/с «Еpкетай» c. Мартук"),
            cyrillic_key("Я/с «Еркетай» с. Мартук")
        );
    }

    #[test]
    fn latin_words_stay_latin() {
        assert_eq!(key("otchet_shalkar"), "otchet shalkar");
        assert_ne!(key("otchet"), "отсхет");
    }

    #[test]
    fn word_start_matching() {
        assert!(contains_at_word_start("есеп темір наурыз", "темір"));
        assert!(!contains_at_word_start("итемір", "темір"));
        assert!(contains_at_word_start("алгинский р н", "алгинск"));
        assert!(!contains_at_word_start("abc", ""));
    }
}
