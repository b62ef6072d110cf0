//! Text normalisation for matching: header texts, labels, unit and
//! organisation names are compared as keys, never as written.
//!
//! A key is lower case, with `ё` as `е`, Latin letters that look Cyrillic
//! turned Cyrillic (inside Cyrillic words only), every kind of quote, hyphen,
//! soft hyphen and line break removed or folded, punctuation turned into
//! spaces and runs of spaces collapsed.

/// Latin letters that districts type inside Cyrillic words by accident.
fn cyrillic_lookalike(c: char) -> Option<char> {
    Some(match c {
        'A' | 'a' => 'а',
        'B' => 'в',
        'C' | 'c' => 'с',
        'E' | 'e' => 'е',
        'H' => 'н',
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

/// Replaces Latin look-alike letters by Cyrillic ones in words that contain
/// at least one Cyrillic letter; a wholly Latin word (`otchet`, `alga`) stays.
pub fn fold_lookalikes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
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
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The matching key of a name in Cyrillic script: every Latin look-alike
/// letter is taken as Cyrillic, even in a word of its own (`c. Мартук`).
pub fn cyrillic_key(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| cyrillic_lookalike(c).unwrap_or(c))
        .collect();
    key(&folded)
}

/// The matching key of a text. See the module documentation.
pub fn key(s: &str) -> String {
    let folded = fold_lookalikes(s);
    let mut out = String::with_capacity(folded.len());
    let mut pending_space = false;
    for c in folded.chars().flat_map(char::to_lowercase) {
        let c = if c == 'ё' { 'е' } else { c };
        if is_quote(c) || is_dash(c) {
            continue;
        }
        if c.is_whitespace() || matches!(c, '.' | ',' | ':' | ';' | '(' | ')' | '_' | '*') {
            pending_space = !out.is_empty();
            continue;
        }
        if c.is_control() {
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

/// Whether `needle` (a key) occurs in `haystack` (a key) at the start of a word.
pub fn contains_at_word_start(haystack: &str, needle: &str) -> bool {
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

/// Text as it should appear in an output: trimmed, control characters
/// (other than line breaks in long text) replaced by spaces, and cut to the
/// 32 767 characters a cell can hold.
pub fn clean_display(s: &str) -> String {
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

    #[test]
    fn keys_fold_case_quotes_spaces_and_lookalikes() {
        assert_eq!(
            key("  Кәсіподақ мүшелерінің\nжалпы  саны "),
            "кәсіподақ мүшелерінің жалпы саны"
        );
        assert_eq!(key("КГУ \u{ab}СШ №5\u{bb}"), "кгу сш №5");
        // Latin K and O inside a Cyrillic word
        assert_eq!(key("KOБДА"), "кобда");
        assert_eq!(key("ҰЙЫМНЫҢ АТАУЫ"), "ұйымның атауы");
        assert_eq!(key("ұйымдары-ның"), "ұйымдарының");
        assert_eq!(
            key("Оқытудан өткендер, барлығы"),
            "оқытудан өткендер барлығы"
        );
        assert_eq!(key("Ёлка"), "елка");
        assert_eq!(key("a\u{a0}b"), "a b");
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
