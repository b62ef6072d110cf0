//! `jinaq brief`: the year's brief on two Decembers whose region totals are
//! the office's own table (`tests/fixtures/two-years`, made by openpyxl).
//! Last year consolidated into the output's history, this year run by
//! `brief` alone; the document read back from its XML and, rendered by
//! LibreOffice to PDF, from its text (`pdftotext`).

use crate::common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn two_years() -> PathBuf {
    root().join("tests/fixtures/two-years")
}

/// The office's table (the annual brief's section 5), as the brief must
/// write it: counts with a non-breaking space between thousands, shares cut
/// to one decimal.
const SEED_FIGURES: [(&str, &str); 8] = [
    ("33\u{a0}468", "33\u{a0}557"),
    ("5\u{a0}673", "6\u{a0}101"),
    ("1\u{a0}494", "1\u{a0}597"),
    ("545", "593"),
    ("238", "1\u{a0}131"),
    ("583", "522"),
    ("2\u{a0}813", "2\u{a0}258"),
    ("16,9%", "18,1%"),
];

const SEED_LABELS_KK: [&str; 8] = [
    "Кәсіподақ мүшелерінің жалпы саны",
    "Кәсіподақтық оқытудан өткендер саны. Оның ішінде:",
    "кәсіподақ мүшелері",
    "тексеру комиссияларының мүшелері",
    "кәсіподақ активі",
    "кәсіподақ ұйымдарының төрағалары",
    "келісу комиссияларының мүшелері",
    "Оқытудан өткендердің кәсіподақ мүшелерінің жалпы санына шаққандағы пайызы",
];

/// Consolidates December 2024 into `out` (its history is last year).
fn last_year_into(out: &Path) {
    let dir = two_years();
    let (code, _) = consolidate_ok(
        &dir.join("2024-12"),
        &dir.join("registry.xlsx"),
        "2024-12",
        out,
    );
    assert_eq!(code, 0, "December 2024 consolidates without errors");
}

/// Runs `jinaq brief` for December 2025 in `lang`; returns the document's path.
fn brief(out: &Path, lang: &str) -> PathBuf {
    brief_with(out, lang, &[])
}

/// [`brief`] with further flags.
fn brief_with(out: &Path, lang: &str, more: &[&str]) -> PathBuf {
    let dir = two_years();
    let s = |p: &Path| p.to_str().unwrap().to_string();
    let mut args = vec![
        "brief".to_string(),
        "--input".into(),
        s(&dir.join("2025-12")),
        "--registry".into(),
        s(&dir.join("registry.xlsx")),
        "--period".into(),
        "2025-12".into(),
        "--output".into(),
        s(out),
        "--lang".into(),
        lang.into(),
    ];
    args.extend(more.iter().map(|m| m.to_string()));
    let (code, stdout) = jinaq_ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{stdout}");
    let path = out.join("2025-12/brief-2025-12.docx");
    assert!(stdout.contains("brief-2025-12.docx"), "{stdout}");
    assert!(path.is_file(), "{}", path.display());
    path
}

/// The document's paragraphs outside tables, and its table's rows of cells.
fn read_docx(docx: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    use quick_xml::events::Event;
    let xml = zip_part(docx, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut paras, mut rows) = (Vec::new(), Vec::new());
    let (mut in_table, mut in_text) = (false, false);
    let (mut text, mut row): (String, Vec<String>) = (String::new(), Vec::new());
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => match e.name().as_ref() {
                "w:tbl" => in_table = true,
                "w:tr" => row.clear(),
                "w:tc" | "w:p" if !in_table || e.name().as_ref() == "w:tc" => text.clear(),
                "w:t" => in_text = true,
                _ => {}
            },
            Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let name: &str = &r;
                text.push_str(match name {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("entity {other}"),
                });
            }
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:tbl" => in_table = false,
                "w:tr" => rows.push(std::mem::take(&mut row)),
                "w:tc" => row.push(std::mem::take(&mut text)),
                "w:p" if !in_table => paras.push(std::mem::take(&mut text)),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    (paras, rows)
}

fn has(paras: &[String], sentence: &str) {
    assert!(
        paras.iter().any(|p| p.contains(sentence)),
        "no paragraph holds «{sentence}»:\n{}",
        paras.join("\n")
    );
}

#[test]
fn the_brief_carries_the_offices_table_digit_for_digit() {
    let out = scratch("brief-kk");
    last_year_into(&out);
    let docx = brief(&out, "kk");
    let (paras, rows) = read_docx(&docx);
    assert_eq!(
        rows[0],
        ["№", "Көрсеткіш", "01.01.2025 жылы", "01.01.2026 жылы"]
    );
    assert_eq!(rows.len(), 9, "{rows:?}");
    for (i, row) in rows[1..].iter().enumerate() {
        let (last, now) = SEED_FIGURES[i];
        let want = [
            format!("{}.", i + 1),
            SEED_LABELS_KK[i].into(),
            last.into(),
            now.into(),
        ];
        assert_eq!(row, &want, "row {}", i + 1);
    }
    assert_eq!(paras[0], "«Қазақстандық салалық білім және ғылым қызметкерлері кәсіптік одағының Ақтөбе облыстық ұйымы» ҚБ-дағы қолданыстағы кәсіподақтық оқыту жүйесінің тиімділігін бағалау туралы");
    assert_eq!(paras[1], "АНЫҚТАМА");
    has(&paras, "2026 жылғы 01 қаңтардағы жағдай бойынша Облыстық ұйым 614 бастауыш кәсіподақ ұйымын біріктіреді, кәсіподақ мүшелерінің жалпы саны 33\u{a0}557 адамды құрайды.");
    has(
        &paras,
        "2024 жылы 5\u{a0}673 адамды қамтыған 29 оқыту іс-шаралары өткізілді.",
    );
    has(
        &paras,
        "2025 жылы 64 оқыту семинарлары өткізіліп, оған 6\u{a0}101 адам қатысты.",
    );
    has(&paras, "кемінде 10%-ын құрауға тиіс.");
    has(&paras, "Оқытуға нақты бағытталған қаражат үлесі: 2024 жылы – 8%, 2025 жылы – 10% болды, бұл қаржыландырудың артқанын және оның белгіленген нормативке сәйкестендірілгенін көрсетеді.");
    has(&paras, "2025 жылы оқытуға жұмсалған үлесі нормативтен төмен бөлімшелер: Темір ауданы (8%), Ырғыз ауданы (9%).");
    has(&paras, "кәсіподақ активі 238 → 1\u{a0}131");
    has(
        &paras,
        "нормативтен төмен бөлімшелер саны: 2024 жылы – 13, 2025 жылы – 2.",
    );
    // The sections in the office's order, numbered 1 to 8; its own text in
    // the narrative ones; the signature's position from the text file.
    let headings: Vec<&String> = paras
        .iter()
        .filter(|p| {
            let b = p.as_bytes();
            b.len() > 3 && b[0].is_ascii_digit() && &b[1..3] == b". "
        })
        .collect();
    let numbers: Vec<char> = headings.iter().map(|h| h.chars().next().unwrap()).collect();
    assert_eq!(
        numbers,
        ['1', '2', '3', '4', '5', '6', '7', '8'],
        "{headings:?}"
    );
    has(&paras, "Талдау жүргізудің мақсаты");
    has(&paras, "бас маманы");
    // Only the brief is written for the period, and no period is stored.
    let written: Vec<String> = std::fs::read_dir(out.join("2025-12"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(written, ["brief-2025-12.docx"]);
    assert!(!out.join("history/2025-12").exists());
    // December 2024's own run wrote its brief beside its workbook.
    assert!(out.join("2024-12/brief-2024-12.docx").is_file());
}

#[test]
fn the_brief_in_russian() {
    let out = scratch("brief-ru");
    last_year_into(&out);
    let (paras, rows) = read_docx(&brief(&out, "ru"));
    assert_eq!(
        rows[0],
        ["№", "Показатель", "на 01.01.2025", "на 01.01.2026"]
    );
    assert_eq!(rows[5][1], "профсоюзный актив");
    assert_eq!(rows[8][2..], ["16,9%", "18,1%"]);
    assert_eq!(paras[0], "СПРАВКА");
    has(&paras, "По состоянию на 1 января 2026 года Областная организация объединяет 614 первичных профсоюзных организаций, общая численность членов профсоюза составляет 33\u{a0}557 человек.");
    has(
        &paras,
        "В 2024 году проведено 29 обучающих мероприятий с охватом 5\u{a0}673 человек.",
    );
    has(
        &paras,
        "В 2025 году проведено 64 обучающих семинара, в них приняли участие 6\u{a0}101 человек.",
    );
    has(&paras, "в 2024 году – 8%, в 2025 году – 10%");
    has(&paras, "Темирский район (8%), Иргизский район (9%)");
    // The office's narrative in Russian, from the shipped text file, and
    // the position above the signature.
    has(
        &paras,
        "Цель анализа – оценить эффективность действующей системы",
    );
    has(&paras, "Главный специалист");
}

#[test]
fn without_last_year_the_brief_says_so_and_shows_one_column() {
    let out = scratch("brief-first-year");
    let (paras, rows) = read_docx(&brief(&out, "kk"));
    assert_eq!(rows[0], ["№", "Көрсеткіш", "01.01.2026 жылы"]);
    assert_eq!(rows[8][2], "18,1%");
    has(
        &paras,
        "2024 жылғы мәліметтер (2024-12 кезеңі) сақталмаған, сондықтан салыстыру берілмеді",
    );
    has(
        &paras,
        "өткен жылғы анықтаманың кестесін «jinaq history import» командасымен енгізіңіз",
    );
    has(
        &paras,
        "2025 жылы 64 оқыту семинарлары өткізіліп, оған 6\u{a0}101 адам қатысты.",
    );
    has(&paras, "Оқытуға нақты бағытталған қаражат үлесі 2025 жылы 10% болды, бұл белгіленген нормативке сәйкес келеді.");
    assert!(
        !paras.iter().any(|p| p.contains("→")),
        "no change without last year"
    );
}

/// The first year of use: last year not consolidated but imported from
/// the office's own table, and the brief is the same: the table digit for
/// digit. The table as LibreOffice saved it (rows in another order, with the
/// organisations, events and participants, so last year's events too), and
/// as people shorten its rows in Russian and in Kazakh ("членов
/// ревкомиссий", "профактив", "председателей ППО", "БКҰ төрағалары").
#[test]
fn last_year_imported_from_the_offices_table_gives_the_same_brief() {
    for (name, with_events) in [
        ("seed-kk.ods", true),
        ("short-ru.xlsx", false),
        ("short-kk.xlsx", false),
    ] {
        let out = scratch(&format!("brief-imported-{name}"));
        let table = root().join("tests/fixtures/history-import").join(name);
        let s = |p: &Path| p.to_str().unwrap().to_string();
        let args = [
            "history".to_string(),
            "import".into(),
            s(&table),
            "--period".into(),
            "2024-12".into(),
            "--output".into(),
            s(&out),
        ];
        let (code, stdout) = jinaq_ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(code, 0, "{name}: {stdout}");
        assert!(
            out.join("history/2024-12/imported.json").is_file(),
            "{name}"
        );
        let (paras, rows) = read_docx(&brief(&out, "kk"));
        assert_eq!(
            rows[0],
            ["№", "Көрсеткіш", "01.01.2025 жылы", "01.01.2026 жылы"],
            "{name}"
        );
        assert_eq!(rows.len(), 9, "{name}: {rows:?}");
        for (i, row) in rows[1..].iter().enumerate() {
            let (last, now) = SEED_FIGURES[i];
            assert_eq!(row[1], SEED_LABELS_KK[i], "{name}: row {}", i + 1);
            assert_eq!(row[2..], [last, now], "{name}: row {}", i + 1);
        }
        if with_events {
            has(
                &paras,
                "2024 жылы 5\u{a0}673 адамды қамтыған 29 оқыту іс-шаралары өткізілді.",
            );
        }
        has(
            &paras,
            "2025 жылы 64 оқыту семинарлары өткізіліп, оған 6\u{a0}101 адам қатысты.",
        );
        has(&paras, "кәсіподақ активі 238 → 1\u{a0}131");
    }
}

/// The specialist's own text file (`--text`): what she wrote goes in; a
/// section she left empty keeps its heading and one line saying she writes
/// it there, naming her file.
#[test]
fn the_specialists_text_file_and_a_section_left_to_write() {
    let out = scratch("brief-text-file");
    let text = out.join("our-text.toml");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(
        &text,
        "[purpose]\nkk = \"Біздің мақсатымыз – оқытуды бағалау.\"\nru = \"\"\n",
    )
    .unwrap();
    for (lang, written, left) in [
        (
            "kk",
            "Біздің мақсатымыз – оқытуды бағалау.",
            "Бұл бөлімнің мәтінін маман осында жазады; оны our-text.toml файлына енгізсе",
        ),
        (
            "ru",
            "",
            "Текст этого раздела специалист пишет здесь; внесённый в файл our-text.toml",
        ),
    ] {
        let docx = brief_with(&out, lang, &["--text", text.to_str().unwrap()]);
        let (paras, _) = read_docx(&docx);
        if !written.is_empty() {
            has(&paras, written);
        }
        has(&paras, left);
    }
}

#[test]
fn two_runs_give_the_same_bytes_dated_by_the_period() {
    let out = scratch("brief-twice");
    last_year_into(&out);
    let first = std::fs::read(brief(&out, "kk")).unwrap();
    let second = std::fs::read(brief(&out, "kk")).unwrap();
    assert!(first == second, "two runs wrote different bytes");
    let docx = out.join("2025-12/brief-2025-12.docx");
    let core = zip_part(&docx, "docProps/core.xml");
    assert!(
        core.contains(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:created>"
        ),
        "{core}"
    );
    assert!(
        core.contains(
            "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z</dcterms:modified>"
        ),
        "{core}"
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    for i in 0..zip.len() {
        let entry = zip.by_index(i).unwrap();
        let t = entry.last_modified().expect("a time");
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (1980, 1, 1),
            "{:?}",
            entry.name()
        );
    }
}

/// Runs a tool; a tool that is missing fails the test.
fn tool(program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program} must be installed (LibreOffice Writer, poppler-utils): {e}")
        });
    assert!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn libreoffice_renders_the_brief_and_its_text_holds_the_table() {
    let out = scratch("brief-pdf");
    last_year_into(&out);
    let docx = brief(&out, "kk");
    let pdf_dir = out.join("pdf");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        out.join("lo-profile").display()
    );
    tool(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            pdf_dir.to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
    );
    let pdf = pdf_dir.join("brief-2025-12.pdf");
    assert!(pdf.is_file(), "LibreOffice wrote no PDF");
    let txt = out.join("brief.txt");
    tool("pdftotext", &[pdf.to_str().unwrap(), txt.to_str().unwrap()]);
    // pdftotext writes a non-breaking space as it is or as a space.
    let text = std::fs::read_to_string(&txt)
        .unwrap()
        .replace('\u{a0}', " ");
    for want in [
        "АНЫҚТАМА",
        "2026 жылғы 01 қаңтардағы жағдай бойынша",
        "33 468",
        "33 557",
        "5 673",
        "6 101",
        "1 131",
        "2 813",
        "16,9%",
        "18,1%",
        "01.01.2025",
        "8. Кәсіподақтық оқытудың тиімділігін",
    ] {
        assert!(
            text.contains(want),
            "the PDF's text lacks «{want}»:\n{text}"
        );
    }
}
