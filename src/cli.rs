//! The command line (contract in `contracts.md`): run-time flags only; the
//! meaning of the reports lives in the pipeline file.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "jinaq",
    version,
    about = "Consolidates the monthly union training reports of the districts into one checked workbook and an error report",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
    /// Flags of `consolidate` when no subcommand is given.
    #[command(flatten)]
    pub(crate) consolidate: ConsolidateArgs,
}

impl Cli {
    /// How many `-v` the command was given: 0 keeps the technical words
    /// (log lines, library errors) off the terminal.
    pub fn verbosity(&self) -> u8 {
        match &self.command {
            Some(Command::Consolidate(a)) => a.verbose,
            None => self.consolidate.verbose,
            Some(Command::Check(a)) => a.verbose,
            Some(
                Command::History(_)
                | Command::Bench(_)
                | Command::Template(_)
                | Command::Init(_)
                | Command::Brief(_),
            ) => 0,
        }
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Read every report in the inbox, check and consolidate them, write the outputs.
    Consolidate(ConsolidateArgs),
    /// A district's self-check of its report files before sending.
    Check(CheckArgs),
    /// The periods stored under OUTPUT/history, or one period's figures.
    History(HistoryArgs),
    /// Generate a national-scale inbox and measure a run against its floor.
    #[command(hide = true)]
    Bench(BenchArgs),
    /// The form a district fills: its organisations pre-filled, checked as it is typed.
    Template(TemplateArgs),
    /// Make a working folder: jinaq.toml, inbox/, output/ and registry.xlsx.
    Init(InitArgs),
    /// The year's brief as a Word document: the period run as consolidate runs it, only brief-<period>.docx written.
    Brief(BriefArgs),
}

#[derive(Debug, Args, Clone, Default)]
pub(crate) struct ConsolidateArgs {
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long, global = false)]
    pub(crate) pipeline: Option<PathBuf>,
    /// Inbox folder with the month's reports [default: from the pipeline file]
    #[arg(long)]
    pub(crate) input: Option<PathBuf>,
    /// Registry workbook [default: from the pipeline file]
    #[arg(long)]
    pub(crate) registry: Option<PathBuf>,
    /// Reporting month, YYYY-MM [default: told from the files]
    #[arg(long)]
    pub(crate) period: Option<String>,
    /// Output folder [default: from the pipeline file]
    #[arg(long)]
    pub(crate) output: Option<PathBuf>,
    /// Language of messages and labels: kk, ru or en [default: from the pipeline file]
    #[arg(long)]
    pub(crate) lang: Option<String>,
    /// No progress bar and no run summary.
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// More log lines (-v, -vv).
    #[arg(short, long, action = clap::ArgAction::Count)]
    pub(crate) verbose: u8,
}

#[derive(Debug, Args, Clone)]
pub(crate) struct CheckArgs {
    /// Report files to check; patterns such as "inbox/*.xlsx" are expanded
    /// (letter case ignored).
    #[arg(required = true)]
    pub(crate) files: Vec<PathBuf>,
    /// The readers' own words after a file's reason, and log lines (-v, -vv).
    #[arg(short, long, action = clap::ArgAction::Count)]
    pub(crate) verbose: u8,
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long)]
    pub(crate) pipeline: Option<PathBuf>,
    /// Registry workbook [default: from the pipeline file; none with the built-in pipeline]
    #[arg(long)]
    pub(crate) registry: Option<PathBuf>,
    /// Reporting month, YYYY-MM [default: told from the files]
    #[arg(long)]
    pub(crate) period: Option<String>,
    /// Language: kk, ru or en [default: from the pipeline file]
    #[arg(long)]
    pub(crate) lang: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub(crate) struct HistoryArgs {
    #[command(subcommand)]
    pub(crate) action: Option<HistoryAction>,
    /// Output folder whose history/ is listed [default: from the pipeline file]
    #[arg(long)]
    pub(crate) output: Option<PathBuf>,
    /// Print this period's region and unit figures, YYYY-MM
    #[arg(long)]
    pub(crate) period: Option<String>,
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long)]
    pub(crate) pipeline: Option<PathBuf>,
    /// Language: kk, ru or en [default: from the pipeline file]
    #[arg(long)]
    pub(crate) lang: Option<String>,
}

#[derive(Debug, Subcommand, Clone)]
pub(crate) enum HistoryAction {
    /// Store last year's region figures from a table in the brief's shape
    /// (its columns headed by their "as of" dates) as those periods.
    Import(HistoryImportArgs),
}

#[derive(Debug, Args, Clone)]
pub(crate) struct HistoryImportArgs {
    /// The workbook with the table (xlsx, xlsm, xls, xlsb or ods)
    pub(crate) file: PathBuf,
    /// Import only this period's column, YYYY-MM (as of 01.01.2026 is 2025-12) [default: every dated column]
    #[arg(long)]
    pub(crate) period: Option<String>,
    /// Output folder whose history/ receives the periods [default: from the pipeline file]
    #[arg(long)]
    pub(crate) output: Option<PathBuf>,
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long)]
    pub(crate) pipeline: Option<PathBuf>,
    /// Language: kk, ru or en [default: from the pipeline file]
    #[arg(long)]
    pub(crate) lang: Option<String>,
    /// Replace a period already consolidated from reports
    #[arg(long)]
    pub(crate) replace: bool,
}

#[derive(Debug, Args, Clone)]
pub(crate) struct BenchArgs {
    /// Reporting units (one file each per period)
    #[arg(long, default_value_t = 300)]
    pub(crate) units: usize,
    /// Organisations per unit
    #[arg(long, default_value_t = 60)]
    pub(crate) orgs: usize,
    /// Periods, one inbox folder each, run one after the other
    #[arg(long, default_value_t = 1)]
    pub(crate) periods: usize,
    /// The last period generated
    #[arg(long)]
    pub(crate) period: Option<String>,
    /// All periods' files in one inbox folder, each run picking its month
    #[arg(long)]
    pub(crate) one_folder: bool,
    /// Timed runs per measurement; the best is kept
    #[arg(long, default_value_t = 3)]
    pub(crate) runs: usize,
    /// Working folder for the generated files
    #[arg(long, default_value = "target/bench")]
    pub(crate) dir: PathBuf,
    /// Keep the generated files
    #[arg(long)]
    pub(crate) keep: bool,
    /// Pipeline file whose settings the generated pipeline copies
    #[arg(long)]
    pub(crate) pipeline: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub(crate) struct TemplateArgs {
    /// The unit: its id (`alga`) or a name the pipeline knows (`Алға ауданы`, `Алгинский район`)
    #[arg(long)]
    pub(crate) unit: String,
    /// Reporting month, YYYY-MM
    #[arg(long)]
    pub(crate) period: String,
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long)]
    pub(crate) pipeline: Option<PathBuf>,
    /// Registry workbook [default: from the pipeline file; none with the built-in pipeline]
    #[arg(long)]
    pub(crate) registry: Option<PathBuf>,
    /// Language of the form: kk or ru [default: kk]
    #[arg(long)]
    pub(crate) lang: Option<String>,
    /// Output folder whose history/ gives last period's figures [default: from the pipeline file]
    #[arg(long)]
    pub(crate) output: Option<PathBuf>,
    /// The workbook to write; an existing folder gets `<unit name>_<period>.xlsx` inside it
    #[arg(long)]
    pub(crate) out: PathBuf,
}

#[derive(Debug, Args, Clone)]
pub(crate) struct InitArgs {
    /// The working folder to make (made if missing; an existing file in it is never replaced)
    pub(crate) dir: PathBuf,
    /// Draft the registry from a month of reports in this folder, for review
    #[arg(long)]
    pub(crate) registry_from: Option<PathBuf>,
    /// Reporting month of the reports in --registry-from, YYYY-MM [default: told from the files]
    #[arg(long)]
    pub(crate) period: Option<String>,
    /// Language of what is printed: kk, ru or en [default: kk]
    #[arg(long)]
    pub(crate) lang: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub(crate) struct BriefArgs {
    /// Reporting month, YYYY-MM; December for the year [default: told from the files]
    #[arg(long)]
    pub(crate) period: Option<String>,
    /// Language of the brief: kk, ru or en [default: from the pipeline file]
    #[arg(long)]
    pub(crate) lang: Option<String>,
    /// Output folder: the brief goes into OUTPUT/<period>/, last year is read from OUTPUT/history [default: from the pipeline file]
    #[arg(long)]
    pub(crate) output: Option<PathBuf>,
    /// Inbox folder with the period's reports [default: from the pipeline file]
    #[arg(long)]
    pub(crate) input: Option<PathBuf>,
    /// Registry workbook [default: from the pipeline file]
    #[arg(long)]
    pub(crate) registry: Option<PathBuf>,
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long)]
    pub(crate) pipeline: Option<PathBuf>,
    /// The specialist's texts of the narrative sections (TOML) [default: `[brief] text` of the pipeline file]
    #[arg(long)]
    pub(crate) text: Option<PathBuf>,
}
