//! Organisation names as what tells one organisation from another: the type
//! of organisation, its numbers and its own words.
//!
//! A name key (see [`crate::normalize::text::cyrillic_key`]) is read word by
//! word. At each word the longest run of words that, joined, is a legal form,
//! an optional word (settlement, owner, "named after") or a way of writing a
//! type of organisation is taken as that; joining makes `ж о б б м` (from
//! `Ж.О.Б.Б.М.`), `д/с`, `бөбекжай балабақша` and `бөбекжай-балабақша` one
//! form. A word that starts with a digit or `№` is a number; any other word of
//! two letters or more is the name's own word.
//!
//! Two names fit when their numbers agree, their types agree and every own
//! word of the name as written is found among the registry name's words (the
//! same word, an inflected form of it, or a spelling close enough).

use crate::pipeline::RegistrySpec;
use rustc_hash::FxHashMap as HashMap;

/// What a phrase of a name is.
#[derive(Debug, Clone, PartialEq)]
enum Phrase {
    /// A legal form or an optional word: dropped.
    Dropped,
    /// A way of writing a type of organisation.
    Type(String),
}

/// The name rules of the pipeline's `[registry]` section.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameRules {
    /// Joined phrase -> what it is.
    phrases: HashMap<String, Phrase>,
    /// The most words a phrase is looked for in.
    longest: usize,
}

/// What a name says about its organisation.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Signature {
    /// Types of organisation, sorted, each once.
    pub(crate) types: Vec<String>,
    /// Numbers, sorted.
    pub(crate) numbers: Vec<String>,
    /// The name's own words, in order.
    pub(crate) words: Vec<String>,
}

impl Signature {
    /// Everything the name says, for ranking suggestions.
    pub(crate) fn tokens(&self) -> Vec<String> {
        let mut out: Vec<String> = self.types.iter().map(|t| format!("<{t}>")).collect();
        out.extend(self.numbers.iter().cloned());
        out.extend(self.words.iter().cloned());
        out
    }
}

/// How well a name as written fits a registry name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Fit {
    /// The registry name has words the written name leaves out.
    Partial,
    /// Every word is found on both sides.
    Full,
}

/// A phrase key: joined without spaces, slashes and dots.
fn joined<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    words
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| !matches!(c, ' ' | '/' | '\\' | '.'))
        .collect()
}

impl NameRules {
    pub(crate) fn new(spec: &RegistrySpec) -> NameRules {
        let mut rules = NameRules {
            longest: 8,
            ..NameRules::default()
        };
        let mut add = |form: &str, what: Phrase| {
            let words = form.split(' ').filter(|w| !w.is_empty()).count();
            rules.longest = rules.longest.max(words);
            rules.phrases.entry(joined([form])).or_insert(what);
        };
        for form in spec.legal_forms.iter().chain(&spec.optional_words) {
            add(form, Phrase::Dropped);
        }
        for (ty, forms) in &spec.org_types {
            for form in forms {
                add(form, Phrase::Type(ty.clone()));
            }
        }
        rules
    }

    /// The signature of a name key.
    pub(crate) fn signature(&self, key: &str) -> Signature {
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        let mut sig = Signature::default();
        let mut i = 0;
        while i < words.len() {
            let phrase = (1..=self.longest.min(words.len() - i)).rev().find_map(|n| {
                self.phrases
                    .get(&joined(words[i..i + n].iter().copied()))
                    .map(|p| (n, p))
            });
            match phrase {
                Some((n, what)) => {
                    if let Phrase::Type(t) = what {
                        sig.types.push(t.clone());
                    }
                    i += n;
                }
                None => {
                    let w = words[i];
                    if let Some(n) = number(w) {
                        sig.numbers.push(n);
                    } else if w.chars().count() > 1 && w != "№" {
                        sig.words.push(joined([w]));
                    }
                    i += 1;
                }
            }
        }
        sig.types.sort();
        sig.types.dedup();
        sig.numbers.sort();
        sig
    }
}

/// Ordinal endings written after a number (`5-ші`, `5-й`), as keys.
const ORDINAL_ENDINGS: [&str; 10] = ["ши", "шы", "сы", "си", "ы", "и", "й", "я", "ая", "ой"];

/// The number a word is: `№5`, `5`, `5-ші` are `5`; `5а` stays `5а`.
fn number(word: &str) -> Option<String> {
    let w = word.trim_start_matches('№');
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = w.len() - w.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (n, rest) = w.split_at(digits);
    let n = n.trim_start_matches('0');
    let n = if n.is_empty() { "0" } else { n };
    if rest.is_empty() || ORDINAL_ENDINGS.contains(&rest) {
        Some(n.to_string())
    } else {
        Some(format!("{n}{rest}"))
    }
}

/// Endings by which words are inflected or derived forms of one stem
/// (`Бестамақ` / `Бестамакская`, `Шалқар` / `Шалкарского`, `Қобда` /
/// `Хобдинский` / `Кобдинского`, `Абай` / `Абая`, `Бестамақ` /
/// `Бестамақтағы`), as keys.
const ENDINGS: &[&str] = &[
    "а",
    "я",
    "ы",
    "и",
    "у",
    "е",
    "ой",
    "ом",
    "ем",
    "ий",
    "ый",
    "ая",
    "ое",
    "ого",
    "ому",
    "ская",
    "ский",
    "ское",
    "ской",
    "ского",
    "ских",
    "скому",
    "инская",
    "инский",
    "инское",
    "инской",
    "инского",
    "енская",
    "енский",
    "енской",
    "енского",
    "овская",
    "овский",
    "евская",
    "евский",
    "сы",
    "си",
    "нын",
    "нин",
    "дын",
    "дин",
    "тын",
    "тин",
    "ын",
    "ин",
    "дагы",
    "деги",
    "тагы",
    "теги",
    "ндагы",
    "ндеги",
    "нда",
    "нде",
    "да",
    "де",
    "та",
    "те",
    "га",
    "ге",
    "ка",
    "ке",
    "на",
    "не",
    "ны",
    "ни",
    "ды",
    "ди",
    "ты",
    "ти",
    "лык",
    "лик",
    "дык",
    "дик",
    "тык",
    "тик",
    "ия",
    "ии",
];

/// Whether two words are forms of one stem: after their longest common
/// beginning (or that less its last letter), each goes on with nothing or
/// one of the [`ENDINGS`]. The stem is four letters or more, or three where
/// both endings are one letter (`Абай` / `Абая`).
fn inflected(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let ending = |w: &str, stem: usize| -> Option<usize> {
        let rest: String = w.chars().skip(stem).collect();
        (rest.is_empty() || rest == "й" || ENDINGS.contains(&rest.as_str()))
            .then(|| rest.chars().count())
    };
    (common.saturating_sub(1)..=common).any(|stem| match (ending(a, stem), ending(b, stem)) {
        (Some(x), Some(y)) => stem >= 4 || (stem == 3 && x <= 1 && y <= 1),
        _ => false,
    })
}

/// How alike two own words are: 1 for the same word, else the edit
/// similarity where it reaches `threshold` or one is an inflected form of the
/// other; 0 otherwise. Words under four letters must be the same.
pub(crate) fn word_alike(a: &str, b: &str, threshold: f64) -> f64 {
    if a == b {
        return 1.0;
    }
    if a.chars().count().min(b.chars().count()) < 4 {
        return 0.0;
    }
    let s = strsim::jaro_winkler(a, b);
    if s >= threshold {
        s
    } else if inflected(a, b) {
        threshold
    } else {
        0.0
    }
}

/// Whether two sets of types can name one organisation: either has none, or
/// both have the same families and, where both name kinds, the same kinds.
fn types_agree(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let family = |t: &String| t.split('.').next().unwrap_or_default().to_string();
    let families = |v: &[String]| {
        let mut f: Vec<String> = v.iter().map(family).collect();
        f.sort();
        f.dedup();
        f
    };
    let kinds =
        |v: &[String]| -> Vec<String> { v.iter().filter(|t| t.contains('.')).cloned().collect() };
    if families(a) != families(b) {
        return false;
    }
    let (ka, kb) = (kinds(a), kinds(b));
    ka.is_empty() || kb.is_empty() || ka == kb
}

/// How a name as written (`written`) fits a registry name (`registered`):
/// None when the written name names no type of organisation, when the
/// numbers or the types disagree, when a word of the written name is not in
/// the registry name, or when nothing but the type agrees. The words of the
/// unit's own names (`unit_words`: `Алға`, `Алгинский`) may be written in or
/// left out on either side. A registry name with more words than the
/// written one (`«Арман» б/б` for "Айшуақ ауылының «Арман»
/// бөбекжай-балабақшасы") fits only where a number is written too: another
/// village may have its own «Арман».
pub(crate) fn fit(
    written: &Signature,
    registered: &Signature,
    unit_words: &[String],
    threshold: f64,
) -> Option<Fit> {
    if written.types.is_empty()
        || written.numbers != registered.numbers
        || !types_agree(&written.types, &registered.types)
    {
        return None;
    }
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, w) in written.words.iter().enumerate() {
        for (j, r) in registered.words.iter().enumerate() {
            let s = word_alike(w, r, threshold);
            if s > 0.0 {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_w = vec![false; written.words.len()];
    let mut used_r = vec![false; registered.words.len()];
    for (_, i, j) in pairs {
        if !used_w[i] && !used_r[j] {
            used_w[i] = true;
            used_r[j] = true;
        }
    }
    let of_unit = |w: &String| unit_words.iter().any(|u| word_alike(w, u, threshold) > 0.0);
    let left = |words: &[String], used: &[bool]| -> (usize, usize) {
        let unused = words.iter().zip(used).filter(|(_, u)| !**u);
        unused.fold((0, 0), |(own, unit), (w, _)| {
            if of_unit(w) {
                (own, unit + 1)
            } else {
                (own + 1, unit)
            }
        })
    };
    let (written_left, written_unit) = left(&written.words, &used_w);
    let (registered_left, _) = left(&registered.words, &used_r);
    if written_left > 0 {
        return None;
    }
    let matched = used_w.iter().filter(|u| **u).count();
    if registered_left == 0 {
        let said = matched + written_unit + written.numbers.len();
        (said > 0).then_some(Fit::Full)
    } else {
        (!written.numbers.is_empty()).then_some(Fit::Partial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::text::cyrillic_key;
    use crate::registry::tests::shipped;

    fn rules() -> NameRules {
        NameRules::new(&shipped().registry_spec)
    }

    fn sig(r: &NameRules, name: &str) -> Signature {
        r.signature(&cyrillic_key(name).replace("№ ", "№"))
    }

    #[test]
    fn no_form_of_the_shipped_tables_has_two_meanings() {
        let p = shipped();
        let spec = &p.registry_spec;
        let dropped = spec.legal_forms.iter().chain(&spec.optional_words);
        let mut forms: Vec<(&str, &str)> = dropped.map(|f| (f.as_str(), "(dropped)")).collect();
        for (ty, list) in &spec.org_types {
            forms.extend(list.iter().map(|f| (f.as_str(), ty.as_str())));
        }
        let mut seen: HashMap<String, (&str, &str)> = HashMap::default();
        for (form, meaning) in forms {
            if let Some((other, was)) = seen.insert(joined([form]), (form, meaning)) {
                assert_eq!(
                    was, meaning,
                    "`{other}` ({was}) and `{form}` ({meaning}) read alike"
                );
            }
        }
    }

    #[test]
    fn short_forms_of_one_type_read_alike() {
        let r = rules();
        for group in [
            &[
                "ЖОББМ",
                "Ж.О.Б.Б.М.",
                "жалпы орта білім беретін мектебі",
                "ЖОБМ",
                "СШ",
                "С.Ш.",
                "Средняя школа",
                "СОШ",
                "орта мектеп",
                "ОМ",
            ][..],
            &[
                "НОМ",
                "НМ",
                "негізгі мектеп",
                "ОСШ",
                "основная средняя школа",
                "ООШ",
            ],
            &["БМ", "бастауыш мектебі", "НШ", "Начальная школа"],
            &[
                "б/б",
                "Б.Б.",
                "бөбекжай-балабақшасы",
                "бөбекжай балабақша",
                "балабақша",
                "Я/с",
                "ясли-сад",
                "д/с",
                "Д.С.",
                "детский сад",
            ],
            &["мектеп-гимназия", "МГ", "Школа-гимназия", "ШГ", "гимназия"],
            &["мектеп-лицей", "ШЛ", "Школа-лицей", "лицей"],
            &["Мини-центр", "шағын орталығы", "ш/о"],
            &["ДМШ", "Детская музыкальная школа", "балалар музыка мектебі"],
            &["ДДТ", "Дом детского творчества", "балалар шығармашылық үйі"],
            &["ДЮСШ", "балалар-жасөспірімдер спорт мектебі", "БЖСМ"],
            &["әдістемелік кабинеті", "Методический кабинет"],
            &["Отдел образования", "білім бөлімі"],
        ] {
            let types: Vec<Vec<String>> = group.iter().map(|n| sig(&r, n).types).collect();
            assert!(
                types
                    .iter()
                    .all(|t| types_agree(t, &types[0]) && !t.is_empty()),
                "{group:?}: {types:?}"
            );
        }
        assert!(!types_agree(&sig(&r, "ЖОББМ").types, &sig(&r, "НМ").types));
        assert!(!types_agree(
            &sig(&r, "ЖОББМ").types,
            &sig(&r, "мектеп-гимназия").types
        ));
        assert!(!types_agree(
            &sig(&r, "ЖОББМ").types,
            &sig(&r, "ЖОББМ жанындағы шағын орталық").types
        ));
        assert!(types_agree(
            &sig(&r, "мектеп").types,
            &sig(&r, "ЖОББМ").types
        ));
        assert!(!types_agree(
            &sig(&r, "ДМШ").types,
            &sig(&r, "мектеп").types
        ));
    }

    #[test]
    fn numbers_words_and_dropped_words() {
        let r = rules();
        let s = sig(&r, "КГУ \"Средняя школа № 5 имени Абая с. Бестамак\"");
        assert_eq!(s.numbers, ["5"]);
        assert_eq!(s.words, ["абая", "бестамак"]);
        assert_eq!(s.types, ["school.secondary"]);
        for n in [
            "№5 ЖОББМ",
            "ЖОББМ №5",
            "5 ЖОББМ",
            "№ 5 ЖОББМ",
            "5-ші ЖОББМ",
            "№05 ЖОББМ",
        ] {
            assert_eq!(sig(&r, n).numbers, ["5"], "{n}");
        }
        assert_eq!(sig(&r, "№5а мектеп").numbers, ["5а"]);
        let s = sig(
            &r,
            "Ақтөбе облысы білім басқармасының Бестамақ ауылының «Арман» бөбекжай-балабақшасы МКҚК",
        );
        assert_eq!(
            (s.words.as_slice(), s.types.as_slice()),
            (
                &["бестамак".to_string(), "арман".into()][..],
                &["preschool".to_string()][..]
            )
        );
    }

    #[test]
    fn forms_of_one_word() {
        for (a, b) in [
            ("бестамак", "бестамакская"),
            ("шалкар", "шалкарского"),
            ("кобда", "кобдинская"),
            ("хобдинского", "хобдинский"),
            ("абай", "абая"),
            ("бестамак", "бестамактагы"),
        ] {
            assert!(word_alike(a, b, 0.92) > 0.0, "{a} {b}");
        }
        for (a, b) in [
            ("нурсулу", "нурсултан"),
            ("арман", "армандастар"),
            ("ақбота", "ақбөбек"),
            ("жем", "жел"),
        ] {
            assert_eq!(word_alike(a, b, 0.92), 0.0, "{a} {b}");
        }
    }

    #[test]
    fn fits() {
        let r = rules();
        let f = |w: &str, s: &str| fit(&sig(&r, w), &sig(&r, s), &[], 0.92);
        assert_eq!(f("СШ с. Бестамак", "Бестамақ ЖОББМ"), Some(Fit::Full));
        assert_eq!(
            f("Бестамакская средняя школа", "Бестамақ ЖОББМ"),
            Some(Fit::Full)
        );
        assert_eq!(
            f(
                "ГУ Отдел образования Шалкарского района",
                "Шалқар ауданының білім бөлімі"
            ),
            Some(Fit::Full)
        );
        assert_eq!(
            f("СШ с. Хазрет", "Хазірет жалпы орта білім беретін мектебі"),
            Some(Fit::Full)
        );
        assert_eq!(
            f(
                "«Арман» б/б Айшуак",
                "Айшуақ ауылының «Арман» бөбекжай-балабақшасы"
            ),
            Some(Fit::Full)
        );
        assert_eq!(
            f(
                "«Арман» б/б",
                "Айшуақ ауылының «Арман» бөбекжай-балабақшасы"
            ),
            None
        );
        assert_eq!(
            f(
                "№2 «Арман» б/б",
                "Айшуақ ауылының №2 «Арман» бөбекжай-балабақшасы"
            ),
            Some(Fit::Partial)
        );
        assert_eq!(f("Бестамақ", "Бестамақ ЖОББМ"), None);
        assert_eq!(f("мектеп №5", "№5 ЖОББМ"), Some(Fit::Full));
        // numbers, types and the written words must all be found
        assert_eq!(f("№6 ЖОББМ", "№5 ЖОББМ"), None);
        assert_eq!(f("№5 НМ", "№5 ЖОББМ"), None);
        assert_eq!(f("Абай атындағы Бестамақ ЖОББМ", "Бестамақ ЖОББМ"), None);
        assert_eq!(f("ЖОББМ", "Бестамақ ЖОББМ"), None);
        assert_eq!(f("Нұрсұлу б/б", "Нұрсұлтан б/б"), None);
        // the unit's own name may be written in
        let s = sig(&r, "Алға ауданының №5 ЖОББМ");
        assert_eq!(
            fit(&s, &sig(&r, "№5 ЖОББМ"), &["алга".into()], 0.92),
            Some(Fit::Full)
        );
        let office = sig(&r, "Методический кабинет Хобдинского района");
        let unit = ["кобда".to_string(), "хобдинский".into()];
        assert_eq!(
            fit(
                &office,
                &sig(&r, "Қобда ауданының әдістемелік кабинеті"),
                &unit,
                0.92
            ),
            Some(Fit::Full)
        );
        assert_eq!(
            fit(
                &office,
                &sig(&r, "Қобда ауданының білім бөлімі"),
                &unit,
                0.92
            ),
            None
        );
    }
}
