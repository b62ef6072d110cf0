//! `jinaq`: parse the command line, start logging, run the command, map the
//! outcome to the exit status (0 clean, 1 error-severity issues, 2 could not run).

use clap::Parser;
use jinaq::Cli;
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
    // Log lines are English and technical: none unless asked for (-v).
    let filter = match cli.verbosity() {
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
    jinaq::run_cli(&cli)
}
