//! Matching measured on a generated registry and month: organisations of
//! every type across the units, a third of them written abbreviated,
//! reordered, in the other language, with look-alike letters or with their
//! legal form and settlement words changed, plus organisations the registry
//! does not have. Every automatic match is checked against the true БСН.

use super::{Match, Registry, RegistryOrg};
use crate::pipeline::Pipeline;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Villages: Kazakh and Russian spelling.
const VILLAGES: [(&str, &str); 24] = [
    ("Бестамақ", "Бестамак"),
    ("Қарабұтақ", "Карабутак"),
    ("Ақкемір", "Аккемир"),
    ("Көктөбе", "Коктобе"),
    ("Жарқамыс", "Жаркамыс"),
    ("Шұбарқұдық", "Шубаркудук"),
    ("Бөгетсай", "Богетсай"),
    ("Айшуақ", "Айшуак"),
    ("Тоғыз", "Тогыз"),
    ("Ақтоғай", "Актогай"),
    ("Құмсай", "Кумсай"),
    ("Сарыжар", "Сарыжар"),
    ("Ебейті", "Ебейты"),
    ("Қайыңды", "Каинды"),
    ("Нұрбек", "Нурбек"),
    ("Хазірет", "Хазрет"),
    ("Бірлік", "Бирлик"),
    ("Мөңке би", "Монке би"),
    ("Қарауылкелді", "Карауылкельды"),
    ("Жайсаң", "Жайсан"),
    ("Талдысай", "Талдысай"),
    ("Үшқұдық", "Ушкудук"),
    ("Көсембай", "Косембай"),
    ("Ащысай", "Ащысай"),
];

/// Parts of more village names: a first and a second part, each in Kazakh
/// and Russian spelling.
const FIRST: [(&str, &str); 8] = [
    ("Ақ", "Ак"),
    ("Қара", "Кара"),
    ("Көк", "Кок"),
    ("Сары", "Сары"),
    ("Жаңа", "Жана"),
    ("Қызыл", "Кызыл"),
    ("Ұзын", "Узын"),
    ("Шұбар", "Шубар"),
];
const SECOND: [(&str, &str); 8] = [
    ("төбе", "тобе"),
    ("бұлақ", "булак"),
    ("құдық", "кудук"),
    ("сай", "сай"),
    ("жар", "жар"),
    ("тоғай", "тогай"),
    ("шың", "шын"),
    ("көл", "коль"),
];

/// Every village, each in one unit only: (Kazakh, Russian).
fn villages() -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<(&'static str, &'static str)> = VILLAGES.to_vec();
    for (fk, fr) in FIRST {
        for (sk, sr) in SECOND {
            let kk: &'static str = Box::leak(format!("{fk}{sk}").into_boxed_str());
            let ru: &'static str = Box::leak(format!("{fr}{sr}").into_boxed_str());
            all.push((kk, ru));
        }
    }
    all
}

/// Quoted names of kindergartens and mini-centres.
const QUOTED: [&str; 14] = [
    "Арман",
    "Балдырған",
    "Ақбота",
    "Айгөлек",
    "Еркетай",
    "Балапан",
    "Қуаныш",
    "Күншуақ",
    "Болашақ",
    "Шаттық",
    "Ертегі",
    "Сказка",
    "Колосок",
    "Аленушка",
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Secondary,
    Basic,
    Primary,
    Gymnasium,
    Lyceum,
    Boarding,
    Preschool,
    MiniCentre,
    Music,
    Creativity,
    Sports,
}

const KINDS: [Kind; 11] = [
    Kind::Secondary,
    Kind::Basic,
    Kind::Primary,
    Kind::Gymnasium,
    Kind::Lyceum,
    Kind::Boarding,
    Kind::Preschool,
    Kind::MiniCentre,
    Kind::Music,
    Kind::Creativity,
    Kind::Sports,
];

/// One generated organisation: what its names are made of.
#[derive(Debug, Clone)]
struct Org {
    kind: Kind,
    village: (&'static str, &'static str),
    number: Option<u32>,
    quoted: Option<&'static str>,
}

impl Kind {
    /// The type in full (kk, ru) and short (kk, ru).
    fn words(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
    ) {
        match self {
            Kind::Secondary => (
                "жалпы орта білім беретін мектебі",
                "Средняя школа",
                &["ЖОББМ", "ЖОБМ", "орта мектебі", "Ж.О.Б.Б.М."],
                &["СШ", "СОШ", "Средняя общеобразовательная школа", "С.Ш."],
            ),
            Kind::Basic => (
                "негізгі орта мектебі",
                "Основная средняя школа",
                &["НОМ", "негізгі мектебі", "НМ"],
                &["ОСШ", "Основная школа", "ООШ"],
            ),
            Kind::Primary => (
                "бастауыш мектебі",
                "Начальная школа",
                &["БМ", "бастауыш мектеп"],
                &["НШ", "Начальная общеобразовательная школа"],
            ),
            Kind::Gymnasium => (
                "мектеп-гимназиясы",
                "Школа-гимназия",
                &["МГ", "мектеп гимназия", "гимназиясы"],
                &["ШГ", "гимназия"],
            ),
            Kind::Lyceum => (
                "мектеп-лицейі",
                "Школа-лицей",
                &["МЛ", "лицейі"],
                &["ШЛ", "лицей"],
            ),
            Kind::Boarding => (
                "мектеп-интернаты",
                "Школа-интернат",
                &["мектеп интернат", "интернаты"],
                &["школа интернат", "интернат"],
            ),
            Kind::Preschool => (
                "бөбекжай-балабақшасы",
                "Ясли-сад",
                &["б/б", "балабақшасы", "Б.Б.", "бөбекжай балабақша"],
                &["Я/с", "д/с", "детский сад", "Д.С."],
            ),
            Kind::MiniCentre => (
                "шағын орталығы",
                "Мини-центр",
                &["ш/о", "шағын орталық"],
                &["мини центр", "миницентр"],
            ),
            Kind::Music => (
                "балалар музыка мектебі",
                "Детская музыкальная школа",
                &["БММ", "музыка мектебі"],
                &["ДМШ", "музыкальная школа"],
            ),
            Kind::Creativity => (
                "балалар шығармашылық үйі",
                "Дом детского творчества",
                &["БШҮ", "шығармашылық үйі"],
                &["ДДТ", "Д.Д.Т."],
            ),
            Kind::Sports => (
                "балалар-жасөспірімдер спорт мектебі",
                "Детско-юношеская спортивная школа",
                &["БЖСМ", "спорт мектебі"],
                &["ДЮСШ", "спортивная школа"],
            ),
        }
    }

    fn legal(self) -> (&'static str, &'static str) {
        match self {
            Kind::Preschool | Kind::MiniCentre => ("МКҚК", "ГККП"),
            _ => ("КММ", "КГУ"),
        }
    }
}

impl Org {
    /// The own part of the name (kk or ru): number, village, quoted name.
    fn own(&self, ru: bool, village_word: &str) -> Vec<String> {
        let mut out = Vec::new();
        let v = if ru { self.village.1 } else { self.village.0 };
        if !village_word.is_empty() {
            out.push(if ru {
                format!("{village_word} {v}")
            } else {
                format!("{v} {village_word}")
            });
        } else {
            out.push(v.to_string());
        }
        if let Some(q) = self.quoted {
            out.push(format!("«{q}»"));
        }
        out
    }

    /// The registry's Kazakh name.
    fn kk_full(&self) -> String {
        let (kind, _, _, _) = self.kind.words();
        let legal = self.kind.legal().0;
        let village = if self.quoted.is_some() {
            "ауылының"
        } else {
            ""
        };
        let mut parts = self.own(false, village);
        if let Some(n) = self.number {
            parts.insert(0, format!("№{n}"));
        }
        format!("\"{} {kind}\" {legal}", parts.join(" "))
    }

    /// The registry's Russian name.
    fn ru_full(&self) -> String {
        let (_, kind, _, _) = self.kind.words();
        let legal = self.kind.legal().1;
        let mut s = format!("{legal} \"{kind}");
        if let Some(n) = self.number {
            s.push_str(&format!(" №{n}"));
        }
        if let Some(q) = self.quoted {
            s.push_str(&format!(" «{q}»"));
        }
        s.push_str(&format!(" с. {}\"", self.village.1));
        s
    }

    /// The name as a district may write it, in one of many ways.
    fn written(&self, rng: &mut Rng) -> String {
        let ru = rng.chance(50);
        let (kk_kind, ru_kind, kk_short, ru_short) = self.kind.words();
        let kind = match (ru, rng.chance(70)) {
            (false, true) => rng.pick(kk_short).to_string(),
            (false, false) => kk_kind.to_string(),
            (true, true) => rng.pick(ru_short).to_string(),
            (true, false) => ru_kind.to_string(),
        };
        let village_word = if ru {
            *rng.pick(&["с.", "село", "", "п."])
        } else {
            *rng.pick(&["ауылы", "ауылының", "", "а."])
        };
        let mut own = self.own(ru, village_word);
        let number = self.number.map(|n| {
            rng.pick(&[
                format!("№{n}"),
                format!("№ {n}"),
                format!("{n}"),
                format!("{n}-ші"),
            ])
            .clone()
        });
        if rng.chance(30) && self.quoted.is_some() && own.len() > 1 {
            // the village left out
            own.remove(0);
        }
        let mut parts: Vec<String> = Vec::new();
        let number_first = rng.chance(50);
        if let (Some(n), true) = (&number, number_first) {
            parts.push(n.clone());
        }
        if rng.chance(50) {
            parts.push(kind);
            parts.extend(own);
        } else {
            parts.extend(own);
            parts.push(kind);
        }
        if let (Some(n), false) = (&number, number_first) {
            parts.push(n.replace("-ші", ""));
        }
        let mut s = parts.join(" ");
        match rng.below(4) {
            0 => s = format!("{} \"{s}\"", self.kind.legal().0),
            1 => s = format!("{} «{s}»", self.kind.legal().1),
            _ => {}
        }
        if rng.chance(40) {
            s = typed_on_a_russian_keyboard(&s, rng);
        }
        s
    }
}

/// Kazakh letters as a Russian keyboard types them, a Latin look-alike
/// here and there.
fn typed_on_a_russian_keyboard(s: &str, rng: &mut Rng) -> String {
    s.chars()
        .map(|c| match c {
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'ң' => 'н',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'і' if rng.chance(50) => 'i',
            'і' => 'и',
            'Қ' => 'К',
            'о' if rng.chance(10) => 'o',
            'с' if rng.chance(10) => 'c',
            c => c,
        })
        .collect()
}

/// Organisations of a unit in its villages: of every kind, a village and a
/// number once per kind.
fn unit_orgs(rng: &mut Rng, villages: &[(&'static str, &'static str)], count: usize) -> Vec<Org> {
    let mut orgs: Vec<Org> = Vec::new();
    while orgs.len() < count {
        let kind = *rng.pick(&KINDS);
        let village = *rng.pick(villages);
        let numbered = matches!(kind, Kind::Gymnasium | Kind::Lyceum) || rng.chance(25);
        let number = numbered.then(|| 1 + rng.below(40) as u32);
        let quoted = matches!(kind, Kind::Preschool | Kind::MiniCentre).then(|| *rng.pick(&QUOTED));
        let org = Org {
            kind,
            village,
            number,
            quoted,
        };
        let same = |o: &Org| {
            o.kind == org.kind
                && (o.village == org.village && o.quoted == org.quoted
                    || o.number.is_some() && o.number == org.number)
        };
        if !orgs.iter().any(same) {
            orgs.push(org);
        }
    }
    orgs
}

/// What one generated month gave.
#[derive(Default)]
struct Tally {
    registered: usize,
    varied: usize,
    matched: usize,
    unregistered: usize,
    wrong: Vec<String>,
}

/// Generates a registry and a month from `seed` and matches the month.
fn one_month(p: &Pipeline, seed: u64, tally: &mut Tally) {
    let mut rng = Rng(seed);
    let mut registered = Vec::new();
    let mut unregistered = Vec::new();
    let villages = villages();
    for (u, unit) in p.units.iter().enumerate() {
        let orgs = unit_orgs(&mut rng, &villages[u * 6..u * 6 + 6], 30);
        for (i, o) in orgs.into_iter().enumerate() {
            // one organisation in ten is new: not in the registry
            if i % 10 == 9 {
                unregistered.push((unit.id.clone(), o));
            } else {
                registered.push((unit.id.clone(), o));
            }
        }
    }
    let orgs: Vec<RegistryOrg> = registered
        .iter()
        .enumerate()
        .map(|(i, (unit, o))| RegistryOrg {
            id: format!("{:012}", 100_000 + i),
            unit: unit.clone(),
            name: o.kk_full(),
            aliases: if i % 2 == 0 {
                vec![o.ru_full()]
            } else {
                Vec::new()
            },
            kind: String::new(),
            members: None,
        })
        .collect();
    let mut registry = Registry::new(orgs, &p.registry_spec);
    for u in &p.units {
        registry.set_unit_names(&u.id, &[&u.kk, &u.ru]);
    }
    let threshold = p.rule(crate::issue::Rule::RegistryUnknownOrg).threshold;
    tally.registered += registered.len();
    tally.unregistered += unregistered.len();
    for (i, (unit, o)) in registered.iter().enumerate() {
        let written = if i % 3 == 0 {
            tally.varied += 1;
            o.written(&mut rng)
        } else if i % 2 == 0 {
            o.ru_full()
        } else {
            o.kk_full()
        };
        match registry.find(Some(unit), &written, None, threshold) {
            Match::Found(j, _) if j == i => tally.matched += usize::from(i % 3 == 0),
            Match::Found(j, how) => tally.wrong.push(format!(
                "`{written}` taken as `{}` ({how:?}), is `{}`",
                registry.orgs[j].name,
                o.kk_full()
            )),
            Match::Unknown(_) if i % 3 != 0 => {
                panic!("`{written}` is written as the registry has it")
            }
            Match::Unknown(_) => {}
        }
    }
    for (unit, o) in &unregistered {
        let written = o.written(&mut rng);
        if let Match::Found(j, how) = registry.find(Some(unit), &written, None, threshold) {
            tally.wrong.push(format!(
                "`{written}`, not in the registry, taken as `{}` ({how:?})",
                registry.orgs[j].name
            ));
        }
    }
}

#[test]
fn generated_months_match_without_a_wrong_match() {
    let p = super::tests::shipped();
    let mut tally = Tally::default();
    for seed in 1..=8 {
        one_month(&p, 0x5EED_2026_0000 + seed, &mut tally);
    }
    let share = tally.matched as f64 / tally.varied as f64;
    println!(
        "generated months: {} organisations in the registries, {} names written otherwise, {} of them matched automatically ({:.1} %), {} names not in the registry, {} wrong matches",
        tally.registered,
        tally.varied,
        tally.matched,
        share * 100.0,
        tally.unregistered,
        tally.wrong.len()
    );
    assert!(
        tally.wrong.is_empty(),
        "wrong matches:\n{}",
        tally.wrong.join("\n")
    );
    assert!(share > 0.9, "{} of {} matched", tally.matched, tally.varied);
}
