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
    pub command: Option<Command>,
    /// Flags of `consolidate` when no subcommand is given.
    #[command(flatten)]
    pub consolidate: ConsolidateArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
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
}

#[derive(Debug, Args, Clone, Default)]
pub struct ConsolidateArgs {
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long, global = false)]
    pub pipeline: Option<PathBuf>,
    /// Inbox folder with the month's reports [default: from the pipeline file]
    #[arg(long)]
    pub input: Option<PathBuf>,
    /// Registry workbook [default: from the pipeline file]
    #[arg(long)]
    pub registry: Option<PathBuf>,
    /// Reporting month, YYYY-MM [default: told from the files]
    #[arg(long)]
    pub period: Option<String>,
    /// Output folder [default: from the pipeline file]
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Language of messages and labels: kk, ru or en [default: from the pipeline file]
    #[arg(long)]
    pub lang: Option<String>,
    /// No progress bar and no run summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// More log lines (-v, -vv).
    #[arg(short, long, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    /// Report files to check; patterns such as "inbox/*.xlsx" are expanded
    /// (letter case ignored).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The readers' own words after a file's reason, and log lines (-v, -vv).
    #[arg(short, long, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long)]
    pub pipeline: Option<PathBuf>,
    /// Registry workbook [default: from the pipeline file; none with the built-in pipeline]
    #[arg(long)]
    pub registry: Option<PathBuf>,
    /// Reporting month, YYYY-MM [default: told from the files]
    #[arg(long)]
    pub period: Option<String>,
    /// Language: kk, ru or en [default: from the pipeline file]
    #[arg(long)]
    pub lang: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub struct HistoryArgs {
    #[command(subcommand)]
    pub action: Option<HistoryAction>,
    /// Output folder whose history/ is listed [default: from the pipeline file]
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Print this period's region and unit figures, YYYY-MM
    #[arg(long)]
    pub period: Option<String>,
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long)]
    pub pipeline: Option<PathBuf>,
    /// Language: kk, ru or en [default: from the pipeline file]
    #[arg(long)]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand, Clone)]
pub enum HistoryAction {
    /// Store last year's region figures from a table in the brief's shape
    /// (its columns headed by their "as of" dates) as those periods.
    Import(HistoryImportArgs),
}

#[derive(Debug, Args, Clone)]
pub struct HistoryImportArgs {
    /// The workbook with the table (xlsx, xlsm, xls, xlsb or ods)
    pub file: PathBuf,
    /// Import only this period's column, YYYY-MM (as of 01.01.2026 is 2025-12) [default: every dated column]
    #[arg(long)]
    pub period: Option<String>,
    /// Output folder whose history/ receives the periods [default: from the pipeline file]
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long)]
    pub pipeline: Option<PathBuf>,
    /// Language: kk, ru or en [default: from the pipeline file]
    #[arg(long)]
    pub lang: Option<String>,
    /// Replace a period already consolidated from reports
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Args, Clone)]
pub struct BenchArgs {
    /// Reporting units (one file each per period)
    #[arg(long, default_value_t = 300)]
    pub units: usize,
    /// Organisations per unit
    #[arg(long, default_value_t = 60)]
    pub orgs: usize,
    /// Periods, one inbox folder each, run one after the other
    #[arg(long, default_value_t = 1)]
    pub periods: usize,
    /// The last period generated
    #[arg(long)]
    pub period: Option<String>,
    /// All periods' files in one inbox folder, each run picking its month
    #[arg(long)]
    pub one_folder: bool,
    /// Timed runs per measurement; the best is kept
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// Working folder for the generated files
    #[arg(long, default_value = "target/bench")]
    pub dir: PathBuf,
    /// Keep the generated files
    #[arg(long)]
    pub keep: bool,
    /// Pipeline file whose settings the generated pipeline copies
    #[arg(long)]
    pub pipeline: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct TemplateArgs {
    /// The unit: its id (`alga`) or a name the pipeline knows (`Алға ауданы`, `Алгинский район`)
    #[arg(long)]
    pub unit: String,
    /// Reporting month, YYYY-MM
    #[arg(long)]
    pub period: String,
    /// Pipeline file [default: jinaq.toml in the current folder, else the built-in pipeline]
    #[arg(long)]
    pub pipeline: Option<PathBuf>,
    /// Registry workbook [default: from the pipeline file; none with the built-in pipeline]
    #[arg(long)]
    pub registry: Option<PathBuf>,
    /// Language of the form: kk or ru [default: kk]
    #[arg(long)]
    pub lang: Option<String>,
    /// Output folder whose history/ gives last period's figures [default: from the pipeline file]
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// The workbook to write; an existing folder gets `<unit name>_<period>.xlsx` inside it
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args, Clone)]
pub struct InitArgs {
    /// The working folder to make (made if missing; an existing file in it is never replaced)
    pub dir: PathBuf,
    /// Draft the registry from a month of reports in this folder, for review
    #[arg(long)]
    pub registry_from: Option<PathBuf>,
    /// Reporting month of the reports in --registry-from, YYYY-MM [default: told from the files]
    #[arg(long)]
    pub period: Option<String>,
    /// Language of what is printed: kk, ru or en [default: kk]
    #[arg(long)]
    pub lang: Option<String>,
}
