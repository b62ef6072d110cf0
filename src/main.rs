//! `jinaq`: parse the command line, start logging, run the command, map the
//! outcome to the exit status (0 clean, 1 error-severity issues, 2 could not run).

use clap::Parser;
use jinaq::cli::{Cli, Command};
use jinaq::lang::Lang;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Printing into a closed pipe (`jinaq history | head`) ends the program
    // quietly, as command-line tools do, instead of failing on the write.
    #[cfg(unix)]
    // SAFETY: restoring the default signal disposition before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let verbose = match &cli.command {
        Some(Command::Consolidate(a)) => a.verbose,
        None => cli.consolidate.verbose,
        Some(Command::Check(a)) => a.verbose,
        Some(Command::History(_) | Command::Bench(_) | Command::Template(_) | Command::Init(_)) => {
            0
        }
    };
    jinaq::messages::show_technical(verbose > 0);
    quiet_reader_panics();
    // Log lines are English and technical: none unless asked for (-v).
    let filter = match verbose {
        0 => "off",
        1 => "jinaq=info,warn",
        _ => "jinaq=debug,warn",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| filter.into()),
        )
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
    let result = match &cli.command {
        Some(Command::Consolidate(args)) => jinaq::commands::consolidate::run(args),
        None => jinaq::commands::consolidate::run(&cli.consolidate),
        Some(Command::Check(args)) => jinaq::commands::check::run(args),
        Some(Command::History(args)) => jinaq::commands::history::run(args),
        Some(Command::Bench(args)) => jinaq::commands::bench::run(args),
        Some(Command::Template(args)) => jinaq::commands::template::run(args),
        Some(Command::Init(args)) => jinaq::commands::init::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("jinaq: {}", e.message(failure_lang(&cli)));
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
        if !jinaq::run::read::in_reader() {
            default(info);
        }
    }));
}

/// The language a failure is told in: the command's `--lang`, else the
/// pipeline's, else Kazakh (a form is Kazakh unless asked otherwise).
fn failure_lang(cli: &Cli) -> Lang {
    let (lang, pipeline) = match &cli.command {
        Some(Command::Consolidate(a)) => (a.lang.as_deref(), a.pipeline.as_deref()),
        None => (
            cli.consolidate.lang.as_deref(),
            cli.consolidate.pipeline.as_deref(),
        ),
        Some(Command::Check(a)) => (a.lang.as_deref(), a.pipeline.as_deref()),
        Some(Command::History(a)) => match &a.action {
            Some(jinaq::cli::HistoryAction::Import(i)) => {
                (i.lang.as_deref(), i.pipeline.as_deref())
            }
            None => (a.lang.as_deref(), a.pipeline.as_deref()),
        },
        Some(Command::Bench(a)) => (None, a.pipeline.as_deref()),
        Some(Command::Template(a)) => return failure_lang_flag(a.lang.as_deref()),
        Some(Command::Init(a)) => return failure_lang_flag(a.lang.as_deref()),
    };
    jinaq::commands::failure_lang(lang, pipeline)
}

fn failure_lang_flag(flag: Option<&str>) -> Lang {
    flag.and_then(|l| l.parse().ok()).unwrap_or_default()
}
