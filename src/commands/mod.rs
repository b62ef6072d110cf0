//! Subcommands: each resolves its flags, calls the stages (a month's
//! consolidation through [`crate::run`]) and talks to the user (run summary,
//! the self-check's table); the stages themselves never print, save the
//! run's progress bar over files when the command asks for one.

pub(crate) mod bench;
pub(crate) mod brief;
pub(crate) mod check;
pub(crate) mod consolidate;
pub(crate) mod history;
pub(crate) mod init;
pub(crate) mod template;
pub(crate) mod texts;

use crate::cli::{Cli, Command};
use crate::error::{Error, Result};
use crate::lang::{fill, Lang};
use crate::period::Period;
use crate::pipeline::Pipeline;
use std::path::Path;
use std::process::ExitCode;
use texts::T;

/// The pipeline file of a working folder (`jinaq init` writes it).
pub(crate) const WORKING_PIPELINE: &str = "jinaq.toml";

/// The pipeline a command uses: the one named on the command line, else the
/// working folder's `jinaq.toml`, else the one built into the program (its
/// paths relative to the current folder). Never a file beside the program.
pub(crate) fn load_pipeline(path: Option<&Path>) -> Result<Pipeline> {
    let local = Path::new(WORKING_PIPELINE);
    let loaded = match path {
        Some(p) => Pipeline::load(p),
        None if local.is_file() => Pipeline::load(local),
        None => Pipeline::builtin(),
    };
    Ok(loaded?)
}

/// The two lines every command starts with: the pipeline it uses and the
/// registry (or that there is none, and what that leaves out).
pub(crate) fn sources_lines(
    pipeline: &Pipeline,
    registry: Option<&Path>,
    lang: Lang,
) -> [String; 2] {
    let pipeline_line = if pipeline.builtin {
        fill(
            T::PipelineBuiltIn.get(lang),
            &[("id", pipeline.id.as_str())],
        )
    } else {
        fill(
            T::PipelineFile.get(lang),
            &[("path", display_path(&pipeline.path).as_str())],
        )
    };
    let registry_line = match registry {
        Some(r) => fill(
            T::RegistryFile.get(lang),
            &[("path", display_path(r).as_str())],
        ),
        None => fill(
            T::RegistryNone.get(lang),
            &[("flag", "--registry FILE"), ("init", "jinaq init")],
        ),
    };
    [pipeline_line, registry_line]
}

/// The folder or file as a person would look for it: absolute, without the
/// `pipelines/..` of a path taken relative to the pipeline file. Windows
/// drops `..` in making a path absolute; elsewhere a path that exists is
/// resolved by the system.
pub(crate) fn display_path(p: &Path) -> String {
    #[cfg(unix)]
    let resolved = std::fs::canonicalize(p).or_else(|_| std::path::absolute(p));
    #[cfg(not(unix))]
    let resolved = std::path::absolute(p);
    resolved
        .unwrap_or_else(|_| p.to_path_buf())
        .display()
        .to_string()
}

/// The run the flags ask for: the pipeline's folders unless given, earlier
/// periods read from `output/history`, a progress bar on a terminal unless
/// quiet.
pub(crate) fn request<'p>(
    args: &crate::cli::ConsolidateArgs,
    pipeline: &'p crate::pipeline::Pipeline,
    output: &std::path::Path,
) -> Result<crate::run::request::Request<'p>> {
    Ok(crate::run::request::Request {
        pipeline,
        input: args.input.clone().unwrap_or_else(|| pipeline.input.clone()),
        registry: args
            .registry
            .clone()
            .unwrap_or_else(|| pipeline.registry.clone()),
        period: parse_period(args.period.as_deref())?,
        lang: parse_lang(args.lang.as_deref(), pipeline)?,
        progress: !args.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        history: Some(output.join("history")),
    })
}

pub(crate) fn parse_lang(flag: Option<&str>, pipeline: &Pipeline) -> Result<Lang> {
    flag.map_or(Ok(pipeline.lang), lang_flag)
}

fn lang_flag(flag: &str) -> Result<Lang> {
    flag.parse().map_err(|_| Error::LangFlag(flag.to_string()))
}

pub(crate) fn parse_period(flag: Option<&str>) -> Result<Option<Period>> {
    flag.map(period_flag).transpose()
}

pub(crate) fn period_flag(flag: &str) -> Result<Period> {
    flag.parse()
        .map_err(|_| Error::PeriodFlag(flag.to_string()))
}

/// The language a command that failed speaks in: its `--lang`, else the
/// pipeline's (when the pipeline can be read), else Kazakh.
pub(crate) fn failure_lang(lang: Option<&str>, pipeline: Option<&Path>) -> Lang {
    match lang.map(lang_flag) {
        Some(Ok(lang)) => lang,
        Some(Err(_)) => Lang::default(),
        None => load_pipeline(pipeline).map_or(Lang::default(), |p| p.lang),
    }
}

/// Runs the command the line asks for and gives the exit status: 0 clean,
/// 1 error-severity issues, 2 could not run (the reason printed in the
/// user's language).
pub fn run_cli(cli: &Cli) -> ExitCode {
    crate::messages::show_technical(cli.verbosity() > 0);
    quiet_reader_panics();
    let result = match &cli.command {
        Some(Command::Consolidate(args)) => consolidate::run(args),
        None => consolidate::run(&cli.consolidate),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::History(args)) => history::run(args),
        Some(Command::Bench(args)) => bench::run(args),
        Some(Command::Template(args)) => template::run(args),
        Some(Command::Init(args)) => init::run(args),
        Some(Command::Brief(args)) => brief::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("jinaq: {}", e.message(cli_lang(cli)));
            ExitCode::from(2)
        }
    }
}

/// A panic caught inside a reader becomes the file's `file.unreadable`
/// sentence in the user's language; its default text (a source path, the
/// library's words) stays off the terminal. Any other panic is told as usual.
fn quiet_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !crate::run::read::in_reader() {
            default(info);
        }
    }));
}

/// The language a failure is told in: the command's `--lang`, else the
/// pipeline's, else Kazakh (a form is Kazakh unless asked otherwise).
fn cli_lang(cli: &Cli) -> Lang {
    let (lang, pipeline) = match &cli.command {
        Some(Command::Consolidate(a)) => (a.lang.as_deref(), a.pipeline.as_deref()),
        None => (
            cli.consolidate.lang.as_deref(),
            cli.consolidate.pipeline.as_deref(),
        ),
        Some(Command::Check(a)) => (a.lang.as_deref(), a.pipeline.as_deref()),
        Some(Command::History(a)) => match &a.action {
            Some(crate::cli::HistoryAction::Import(i)) => {
                (i.lang.as_deref(), i.pipeline.as_deref())
            }
            None => (a.lang.as_deref(), a.pipeline.as_deref()),
        },
        Some(Command::Bench(a)) => (None, a.pipeline.as_deref()),
        Some(Command::Brief(a)) => (a.lang.as_deref(), a.pipeline.as_deref()),
        Some(Command::Template(a)) => return lang_flag_or_default(a.lang.as_deref()),
        Some(Command::Init(a)) => return lang_flag_or_default(a.lang.as_deref()),
    };
    failure_lang(lang, pipeline)
}

fn lang_flag_or_default(flag: Option<&str>) -> Lang {
    flag.and_then(|l| l.parse().ok()).unwrap_or_default()
}
