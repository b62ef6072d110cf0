//! `jinaq check FILE...`: a district's self-check before sending. Runs every
//! rule that the files alone (and the registry for their unit) can trigger
//! and prints, file by file, what was read and a short table of problems:
//! the sheet and cell of each, and what to do, in the chosen language. Ends
//! with a one-line verdict; exit 1 on errors.
//!
//! The table is aligned by the width text takes on screen (Cyrillic letters
//! one column each, combining marks none, CJK and emoji two), long messages
//! wrap to the terminal's width, and colour is used only when stdout is a
//! terminal (and `NO_COLOR` is not set): all through `console`.

use super::texts::T;
use super::{load_pipeline, parse_lang, parse_period, sources_lines};
use crate::checks;
use crate::cli::CheckArgs;
use crate::error::{Error, Result};
use crate::ingest::discover::{extension, FileKind, InputFile};
use crate::ingest::format::{NotReport, Refusal};
use crate::issue::{Issue, Place, Rule, Severity};
use crate::lang::{fill, Lang};
use crate::messages::{fmt_count, fmt_num, fmt_pct, severity_count, severity_label};
use crate::pipeline::Pipeline;
use crate::registry::Registry;
use crate::run::finish::finish_issues;
use crate::run::read::read_all;
use crate::tables::{FileReport, FileStatus};
use std::path::{Path, PathBuf};

pub(crate) fn run(args: &CheckArgs) -> Result<u8> {
    let pipeline = load_pipeline(args.pipeline.as_deref())?;
    let lang = parse_lang(args.lang.as_deref(), &pipeline)?;
    let period = parse_period(args.period.as_deref())?;
    // Only a registry asked for, or the working folder's: never the samples'.
    let registry_path = args
        .registry
        .clone()
        .or_else(|| pipeline.file_registry().map(Path::to_path_buf));
    let style = Style::detect();
    for line in sources_lines(&pipeline, registry_path.as_deref(), lang) {
        println!("{}", style.paint(Paint::Dim, &line));
    }
    println!();
    let registry = registry_path.and_then(|path| match Registry::load(&path, &pipeline) {
        Ok(r) => Some(r),
        Err(e) => {
            let note = fill(T::RegistryUnread.get(lang), &[("error", &e.message(lang))]);
            println!("{}\n", style.paint(Paint::Warning, &note));
            None
        }
    });
    let files: Vec<InputFile> = expand(&args.files, &pipeline.files.ignore_prefixes)?
        .iter()
        .map(|p| input_file(p, &pipeline))
        .collect();
    let mut reports = read_all(&files, &pipeline, period, false);
    for r in reports.iter_mut() {
        if r.status == FileStatus::Read {
            if r.unit.is_none() {
                r.issues
                    .push(Issue::new(Rule::FileUnitUnknown, Place::file(&r.rel)));
            }
            checks::check_file(r, registry.as_ref(), &pipeline);
        }
    }

    let width = terminal_width();
    let mut counts = [0usize; 3];
    for (i, r) in reports.iter().enumerate() {
        if i > 0 {
            println!();
        }
        let mut issues = finish_issues(r.issues.clone(), &pipeline, lang);
        issues.sort_by_key(|i| {
            (
                sheet_rank(r, i.place.sheet.as_deref()),
                i.place.excel_row(),
                i.place.cell.map(|c| c.1),
            )
        });
        for i in &issues {
            counts[i.severity as usize] += 1;
        }
        println!("{}", style.paint(Paint::Bold, &r.name));
        for line in read_lines(r, &pipeline, lang) {
            println!("  {line}");
        }
        println!();
        for line in issue_table(&issues, lang, width, &style) {
            if line.is_empty() {
                println!();
            } else {
                println!("  {line}");
            }
        }
    }
    println!();
    let (errors, warnings) = (counts[0], counts[1]);
    let not_reports = reports.iter().filter(|r| !is_report(r)).count();
    let (paint, verdict) = verdict(errors, warnings, not_reports, reports.len() > 1, lang);
    println!("{}", style.paint(paint, &verdict));
    Ok(if errors > 0 || not_reports > 0 { 1 } else { 0 })
}

/// Whether a file is a report: read, with a report table found in it. An
/// empty workbook, a CSV, a document or a cover letter is not, whatever its
/// name: no verdict of "ready to send" on it.
fn is_report(r: &FileReport) -> bool {
    r.status == FileStatus::Read && r.holds_report()
}

/// The files named on the command line, patterns expanded (`inbox/*.xlsx`,
/// letter case ignored), since shells on Windows pass them as typed. A name
/// that exists is taken as it is, even with `[` in it; a pattern matching
/// nothing is an error. What a pattern finds leaves out the owner and lock
/// files Excel and LibreOffice keep beside an open workbook (`~$…`).
fn expand(args: &[PathBuf], ignore_prefixes: &[String]) -> Result<Vec<PathBuf>> {
    let options = glob::MatchOptions {
        case_sensitive: false,
        require_literal_separator: true,
        require_literal_leading_dot: true,
    };
    let mut files = Vec::new();
    for arg in args {
        let text = arg.to_string_lossy();
        let pattern = text.contains(['*', '?', '[']);
        if !pattern || std::fs::symlink_metadata(arg).is_ok() {
            files.push(arg.clone());
            continue;
        }
        let matches =
            glob::glob_with(&text, options).map_err(|_| Error::FilePattern(text.to_string()))?;
        let owner = |p: &PathBuf| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                ignore_prefixes.iter().any(|x| n.starts_with(x.as_str()))
            })
        };
        let mut found: Vec<PathBuf> = matches
            .filter_map(|m| m.ok())
            .filter(|p| !owner(p))
            .collect();
        if found.is_empty() {
            return Err(Error::NoFileMatches(text.to_string()));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// A file named on the command line, told apart as `consolidate` tells the
/// inbox's: a folder, a pipe or a device is refused before anything is read
/// (a pipe would never end).
fn input_file(p: &Path, pipeline: &Pipeline) -> InputFile {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let meta = std::fs::metadata(p);
    let ext = extension(&name);
    let kind = match &meta {
        Ok(m) if m.is_dir() => FileKind::Unreadable(Refusal::Folder),
        Ok(m) if !m.is_file() => FileKind::Unreadable(Refusal::NotAFile),
        Ok(_) if pipeline.files.workbook_extensions.contains(&ext) => FileKind::Workbook,
        Ok(_) => FileKind::Ignored(NotReport::Other),
        Err(e) => FileKind::Unreadable(Refusal::CannotOpen(e.to_string())),
    };
    InputFile {
        path: p.to_path_buf(),
        rel: name.clone(),
        name,
        modified: meta.as_ref().ok().and_then(|m| m.modified().ok()),
        size: meta.as_ref().map(|m| m.len()).unwrap_or(0),
        kind,
    }
}

/// Where a sheet comes in the file: the coverage table first, then events,
/// financing, the unit's own summary, anything else.
fn sheet_rank(r: &FileReport, sheet: Option<&str>) -> usize {
    let Some(sheet) = sheet else { return 0 };
    let known = [
        r.coverage.as_ref().map(|c| c.sheet.as_str()),
        r.events.as_ref().map(|e| e.sheet.as_str()),
        r.finance.as_ref().map(|f| f.sheet.as_str()),
        r.summary.as_ref().map(|s| s.sheet.as_str()),
    ];
    known
        .iter()
        .position(|k| *k == Some(sheet))
        .map_or(5, |p| p + 1)
}

/// What was read from a file, so a district chair sees at once that the
/// right tables were taken.
fn read_lines(r: &FileReport, pipeline: &Pipeline, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if r.status != FileStatus::Read {
        return out;
    }
    let unit = r
        .unit
        .as_deref()
        .and_then(|u| pipeline.unit(u))
        .map(|u| u.name(lang).to_string())
        .unwrap_or_else(|| T::UnitUnknown.get(lang).to_string());
    let period = match (r.period, lang) {
        (Some(p), Lang::Kk | Lang::Ru) => crate::template::texts::period_title(p, lang),
        (Some(p), Lang::En) => p.to_string(),
        (None, _) => T::PeriodUnknown.get(lang).to_string(),
    };
    out.push(format!("{unit}, {period}"));
    let n = |v: f64| fmt_num(v, lang);
    let f = |v: Option<f64>| v.map_or("—".to_string(), |v| fmt_num(v, lang));
    if let Some(cov) = &r.coverage {
        let sums = crate::checks::levels::sums(cov);
        let orgs = cov.accepted().count() as f64;
        out.push(fill(
            T::CoverageRead.get(lang),
            &[
                ("sheet", &cov.sheet),
                ("orgs", &n(orgs)),
                ("members", &f(sums[0])),
                ("trained", &f(sums[1])),
            ],
        ));
    }
    if let Some(e) = &r.events {
        let count = e
            .rows
            .iter()
            .filter(|r| r.date.is_some() || r.participants.is_some() || !r.topic.is_empty())
            .count() as f64;
        out.push(fill(
            T::EventsRead.get(lang),
            &[
                ("sheet", &e.sheet),
                ("events", &n(count)),
                ("participants", &f(e.participants())),
            ],
        ));
    }
    if let Some(fin) = &r.finance {
        let share = match (fin.budget, fin.training) {
            (Some(b), Some(t)) if b > 0.0 => format!(" ({})", fmt_pct(t / b, lang)),
            _ => String::new(),
        };
        out.push(fill(
            T::FinanceRead.get(lang),
            &[
                ("sheet", &fin.sheet),
                ("budget", &f(fin.budget)),
                ("training", &f(fin.training)),
                ("share", &share),
            ],
        ));
    }
    out
}

/// The cell as a district finds it: `E9`, or the row, or nothing.
fn cell_text(place: &Place, lang: Lang) -> String {
    match (place.a1(), place.excel_row()) {
        (Some(c), _) => c,
        (None, Some(r)) => fill(T::RowNo.get(lang), &[("row", &r.to_string())]),
        (None, None) => "—".to_string(),
    }
}

/// The issues of one file as aligned, wrapped lines.
fn issue_table(issues: &[Issue], lang: Lang, width: usize, style: &Style) -> Vec<String> {
    if issues.is_empty() {
        return vec![style.paint(Paint::Ok, T::NoIssues.get(lang))];
    }
    let head = [
        T::HeadSheet.get(lang),
        T::HeadCell.get(lang),
        T::HeadSeverity.get(lang),
        T::HeadToDo.get(lang),
    ];
    let rows: Vec<[String; 3]> = issues
        .iter()
        .map(|i| {
            [
                i.place.sheet.clone().unwrap_or_else(|| "—".into()),
                cell_text(&i.place, lang),
                severity_label(i.severity, lang).to_string(),
            ]
        })
        .collect();
    let mut w = [0usize; 3];
    for (k, h) in head.iter().take(3).enumerate() {
        w[k] = rows
            .iter()
            .map(|r| display_width(&r[k]))
            .chain([display_width(h)])
            .max()
            .unwrap_or(0);
    }
    // The table sits two columns in; at least 30 columns for the message.
    let used = 2 + w.iter().sum::<usize>() + 3 * 2;
    let msg_width = width.saturating_sub(used).max(30);
    let gap = "  ";
    let mut out = vec![style.paint(
        Paint::Dim,
        &format!(
            "{}{gap}{}{gap}{}{gap}{}",
            pad(head[0], w[0]),
            pad(head[1], w[1]),
            pad(head[2], w[2]),
            head[3]
        ),
    )];
    for (issue, row) in issues.iter().zip(&rows) {
        let lines = wrap(&issue.message, msg_width);
        let sev = style.paint(Paint::from(issue.severity), &pad(&row[2], w[2]));
        for (k, line) in lines.iter().enumerate() {
            if k == 0 {
                out.push(format!(
                    "{}{gap}{}{gap}{sev}{gap}{line}",
                    pad(&row[0], w[0]),
                    pad(&row[1], w[1]),
                ));
            } else {
                out.push(format!("{}{line}", " ".repeat(used - 2)));
            }
        }
    }
    let count = |s: Severity| issues.iter().filter(|i| i.severity == s).count();
    let (e, wn, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    out.push(String::new());
    out.push(fill(
        T::CheckCounts.get(lang),
        &[
            ("errors", &severity_count(Severity::Error, e, lang)),
            ("warnings", &severity_count(Severity::Warning, wn, lang)),
            ("infos", &severity_count(Severity::Info, i, lang)),
        ],
    ));
    out
}

/// The one-line verdict over every file checked.
fn verdict(
    errors: usize,
    warnings: usize,
    not_reports: usize,
    several: bool,
    lang: Lang,
) -> (Paint, String) {
    if not_reports > 0 {
        let n = not_reports.to_string();
        let text = if several {
            fill(T::CheckNotReports.get(lang), &[("n", &n)])
        } else {
            T::CheckNotReport.get(lang).to_string()
        };
        return (Paint::Error, text);
    }
    if errors > 0 {
        let errors = fmt_count(errors, T::ErrorsToFix.get(lang), lang);
        let text = fill(T::CheckFix.get(lang), &[("errors", &errors)]);
        return (Paint::Error, text);
    }
    let ready = if several {
        T::ReadySeveral
    } else {
        T::ReadyOne
    }
    .get(lang);
    if warnings > 0 {
        let warnings = fmt_count(warnings, T::WarningsToLook.get(lang), lang);
        let text = fill(
            T::CheckLook.get(lang),
            &[("ready", ready), ("warnings", &warnings)],
        );
        (Paint::Warning, text)
    } else {
        (Paint::Ok, fill(T::Ready.get(lang), &[("ready", ready)]))
    }
}

// ------------------------------------------------------------------ screen

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Paint {
    Bold,
    Dim,
    Ok,
    Error,
    Warning,
    Info,
}

impl From<Severity> for Paint {
    fn from(s: Severity) -> Paint {
        match s {
            Severity::Error => Paint::Error,
            Severity::Warning => Paint::Warning,
            Severity::Info => Paint::Info,
        }
    }
}

struct Style {
    colour: bool,
}

impl Style {
    /// Colour when stdout is a terminal that takes it (`NO_COLOR`,
    /// `CLICOLOR` and `CLICOLOR_FORCE` as `console` reads them).
    fn detect() -> Style {
        Style {
            colour: console::colors_enabled(),
        }
    }

    fn paint(&self, p: Paint, text: &str) -> String {
        let style = console::Style::new().force_styling(self.colour);
        let style = match p {
            Paint::Bold => style.bold(),
            Paint::Dim => style.dim(),
            Paint::Ok => style.green().bold(),
            Paint::Error => style.red().bold(),
            Paint::Warning => style.yellow(),
            Paint::Info => style.cyan(),
        };
        style.apply_to(text).to_string()
    }
}

/// Columns of the terminal: `COLUMNS`, else the terminal's own size, else 100.
fn terminal_width() -> usize {
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok());
    from_env
        .or_else(|| {
            console::Term::stdout()
                .size_checked()
                .map(|(_, cols)| usize::from(cols))
        })
        .unwrap_or(100)
        .clamp(60, 200)
}

/// Columns a text takes on a terminal.
fn display_width(s: &str) -> usize {
    console::measure_text_width(s)
}

fn pad(s: &str, width: usize) -> String {
    console::pad_str(s, width, console::Alignment::Left, None).into_owned()
}

/// Wraps at ordinary spaces (a non-breaking space inside `3 102` holds), a
/// word longer than the line is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut word = word;
        if !line.is_empty() && display_width(&line) + 1 + display_width(word) > width {
            lines.push(std::mem::take(&mut line));
        }
        while display_width(word) > width {
            let head = console::truncate_str(word, width, "");
            // a first character wider than the line still moves on
            let cut = head
                .len()
                .max(word.chars().next().map_or(0, char::len_utf8));
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word[..cut].to_string());
            word = &word[cut..];
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_counts_what_the_screen_shows() {
        assert_eq!(display_width("Оқыту"), 5);
        assert_eq!(display_width("Іс-шаралар"), 10);
        // й written as и + combining breve
        assert_eq!(display_width("и\u{306}"), 1);
        assert_eq!(display_width("表"), 2);
        assert_eq!(pad("Қаржы", 8), "Қаржы   ");
    }

    #[test]
    fn wrapping_keeps_words_and_numbers_whole() {
        let lines = wrap(
            "В строке 9 сумма пяти категорий равна 3\u{a0}102, исправьте.",
            20,
        );
        assert!(lines.iter().all(|l| display_width(l) <= 20), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("3\u{a0}102")), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "В строке 9 сумма пяти категорий равна 3\u{a0}102, исправьте."
        );
        assert_eq!(wrap("абвгдеёжз", 4), ["абвг", "деёж", "з"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn the_table_aligns_cyrillic_and_wraps_to_the_width() {
        let issue = |sheet: &str, row: u32, col: u32, sev: Severity, msg: &str| {
            let mut i = Issue::new(Rule::ValueNegative, Place::cell("f.xlsx", sheet, row, col));
            i.severity = sev;
            i.message = msg.to_string();
            i
        };
        let long = "Сөз ".repeat(40);
        let issues = [
            issue("Оқыту", 9, 6, Severity::Error, &long),
            issue("Іс-шаралар", 8, 1, Severity::Warning, "Күнді тексеріңіз."),
        ];
        let lines = issue_table(&issues, Lang::Kk, 80, &Style { colour: false });
        let msg_col = display_width(&lines[0]) - display_width("Не істеу керек");
        for l in &lines[1..] {
            if l.is_empty() || l.starts_with("Қате:") {
                continue;
            }
            assert!(display_width(l) <= 80 - 2, "{l}");
            let (head, _) = l.split_at(
                l.char_indices()
                    .nth(msg_col)
                    .map(|(i, _)| i)
                    .unwrap_or(l.len()),
            );
            assert_eq!(display_width(head), msg_col, "{l}");
        }
        assert!(
            lines[1].starts_with("Оқыту       G10    қате         Сөз"),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.starts_with("Іс-шаралар  B9")));
        assert_eq!(
            lines.last().unwrap(),
            "Барлығы: 1 қате, 1 ескерту, 0 ақпарат."
        );
    }

    #[test]
    fn verdicts() {
        assert_eq!(
            verdict(2, 1, 0, false, Lang::Kk).1,
            "✗ Жіберер алдында 2 қатені түзетіңіз."
        );
        assert_eq!(
            verdict(0, 0, 0, false, Lang::Ru).1,
            "✓ Отчёт готов к отправке."
        );
        assert_eq!(
            verdict(0, 3, 0, true, Lang::En).1,
            "✓ Ready to send; 3 warnings worth a look."
        );
        assert_eq!(
            verdict(0, 1, 0, false, Lang::En).1,
            "✓ Ready to send; 1 warning worth a look."
        );
        let fix = |n| verdict(n, 0, 0, false, Lang::Ru).1;
        assert_eq!(
            [fix(1), fix(3), fix(5), fix(21)],
            [
                "✗ Перед отправкой исправьте 1 ошибку.",
                "✗ Перед отправкой исправьте 3 ошибки.",
                "✗ Перед отправкой исправьте 5 ошибок.",
                "✗ Перед отправкой исправьте 21 ошибку.",
            ]
        );
        assert_eq!(
            verdict(0, 2, 0, false, Lang::Ru).1,
            "✓ Отчёт готов к отправке; просмотрите 2 предупреждения."
        );
        // A file with no report table is never "ready to send".
        let (paint, text) = verdict(0, 1, 1, false, Lang::Kk);
        assert_eq!(paint, Paint::Error);
        assert!(
            text.starts_with('✗') && text.contains("есеп емес"),
            "{text}"
        );
        assert!(verdict(3, 0, 2, true, Lang::Ru).1.contains(": 2"));
    }
}
