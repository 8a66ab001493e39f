//! Command-line arguments (clap derive); the doc comments are the help text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Compare crypto-asset regulation frameworks side by side, from an open, cited, dated dataset.
#[derive(Debug, Parser)]
#[command(name = "cryptoreg", version, about, long_about = None)]
pub struct Cli {
    /// Read the dataset from this directory instead of the copy built into the binary.
    #[arg(long, global = true, value_name = "DIR", env = "CRYPTOREG_DATA")]
    pub data: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web app (pages, JSON twins, OpenAPI) on --addr.
    Serve(ServeArgs),
    /// Check the dataset: report every problem in every file (exit 1 if any error).
    Check(CheckArgs),
    /// Compare two or more frameworks or jurisdictions side by side.
    Compare(CompareArgs),
    /// List the jurisdictions with their codes, regions, memberships and the frameworks that apply there.
    Jurisdictions(ListArgs),
    /// How far a jurisdiction has implemented the international standards, requirement by requirement.
    Align(AlignArgs),
    /// Which jurisdictions leave which recommended requirement open (absent or unknown).
    Gaps(GapsArgs),
    /// What must I do to do X in markets A, B, C: per market, the checklist, the numbers, what is coming.
    Path(PathArgs),
    /// What changed between two dates (milestones, cell changes, corrections) and what is coming.
    Changes(ChangesArgs),
    /// Search frameworks, cells, jurisdictions (by the names people type), glossary terms and sources.
    Search(SearchArgs),
    /// List the frameworks.
    Frameworks(ListArgs),
    /// List the aspects (rows of the comparison) with their groups.
    Aspects(ListArgs),
    /// Show one framework: every cell with its citations, its milestones and sources.
    Show(ShowArgs),
    /// Export the whole dataset as SQLite (with full-text search), CSV files or one JSON document.
    Export(ExportArgs),
    /// Counts: frameworks, jurisdictions, aspects, cells, citation and confidence shares, review dates.
    Stats(ListArgs),
    /// Regenerate docs/ASPECTS.md, docs/LINT-RULES.md and docs/EXPORT.md (or check them with --check).
    Docs(DocsArgs),
    /// Write the JSON Schemas of the data files (to data/schema/ by default).
    Schema(SchemaArgs),
}

/// Output formats of listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table that fits the terminal.
    Table,
    /// A Markdown table.
    Markdown,
    /// CSV (RFC 4180), one record per cell or item.
    Csv,
    /// JSON, as documented in docs/JSON.md.
    Json,
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080", env = "CRYPTOREG_ADDR")]
    pub addr: std::net::SocketAddr,
    /// Memory for kept answers, in megabytes (0 turns the answer cache off).
    #[arg(long, default_value_t = cryptoreg_web::DEFAULT_CACHE_MB, env = "CRYPTOREG_CACHE_MB")]
    pub cache_mb: u64,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The data directory to check (default: --data, or ./data if it exists, or the built-in copy).
    pub dir: Option<PathBuf>,
    /// Print diagnostics as JSON.
    #[arg(long)]
    pub json: bool,
    /// Only print errors, not warnings.
    #[arg(long, short)]
    pub quiet: bool,
    /// List the lint rules and exit.
    #[arg(long)]
    pub rules: bool,
}

/// Arguments of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Framework ids, e.g. `eu-mica us-genius-act` (at least two columns in all, with -j).
    #[arg(value_name = "ID")]
    pub frameworks: Vec<String>,
    /// Jurisdictions to compare (comma-separated codes, names or synonyms, case-insensitive), e.g. `-j EU,US,JP`:
    /// each column merges the frameworks that apply there, including those of its unions.
    #[arg(short = 'j', long = "jurisdictions", value_delimiter = ',', value_name = "CODES")]
    pub jurisdictions: Vec<String>,
    /// Only these aspects (comma-separated ids).
    #[arg(long, value_delimiter = ',', conflicts_with = "group")]
    pub aspects: Vec<String>,
    /// Only the aspects of these groups (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub group: Vec<String>,
    /// Sort by `name`, `aspect`, an aspect id (level, then mandatory requirements), `<aspect>.<parameter>`, or a framework id or jurisdiction code (orders the aspects).
    #[arg(long)]
    pub sort: Option<String>,
    /// Sort descending.
    #[arg(long)]
    pub desc: bool,
    /// Show frameworks as rows and aspects as columns.
    #[arg(long)]
    pub transpose: bool,
    /// Show each cell as it stood on this date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// List the cells that differ between this date and the as-of date (or today); JSON gives them as `diff`.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub diff: Option<String>,
    /// Withhold cells whose confidence is lower than this (`medium` or `high`).
    #[arg(long, value_name = "LEVEL")]
    pub min_confidence: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `align`.
#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The jurisdiction: a code (EU, US-NY), a name or a synonym, case-insensitive.
    pub jurisdiction: String,
    /// Only this international standard (e.g. fsb-stablecoins).
    #[arg(long)]
    pub standard: Option<String>,
    /// Measure as of this date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    /// The activity (without it, the activities are listed), e.g. issue-fiat-stablecoin.
    #[arg(long)]
    pub activity: Option<String>,
    /// The markets: comma-separated codes, names or synonyms, e.g. `EU,SG,AE`.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub markets: Vec<String>,
    /// As of this date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Output format (markdown prints the whole answer as a document).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The words to find, e.g. `travel rule` or `uae`.
    #[arg(required = true)]
    pub words: Vec<String>,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `changes`.
#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// First day (YYYY-MM-DD); default one year before --to.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Last day (YYYY-MM-DD); default today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Only the frameworks that apply in these jurisdictions (comma-separated codes, names or synonyms).
    #[arg(short = 'j', long = "jurisdictions", value_delimiter = ',', value_name = "CODES")]
    pub jurisdictions: Vec<String>,
    /// Only these frameworks (comma-separated ids).
    #[arg(short = 'f', long = "frameworks", value_delimiter = ',', value_name = "IDS")]
    pub frameworks: Vec<String>,
    /// Only these aspects (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub aspect: Vec<String>,
    /// Months ahead for "coming up" (default 12).
    #[arg(long, value_name = "MONTHS")]
    pub upcoming: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `gaps`.
#[derive(Debug, Args)]
pub struct GapsArgs {
    /// Only the requirements of this aspect.
    #[arg(long)]
    pub aspect: Option<String>,
    /// As of this date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `frameworks` and `aspects`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Arguments of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The framework id.
    pub framework: String,
    /// Show each cell as it stood on this date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Output format (table and markdown print a readable report).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One SQLite database (schema in docs/EXPORT.md), with an FTS5 index `search`.
    Sqlite,
    /// A directory with one CSV file per table.
    Csv,
    /// One JSON document: the whole dataset.
    Json,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Where to write (a file, or a directory for CSV). Written atomically; an existing one is replaced.
    pub path: PathBuf,
}

/// Arguments of `docs`.
#[derive(Debug, Args)]
pub struct DocsArgs {
    /// Directory to write to.
    #[arg(long, default_value = "docs")]
    pub out: PathBuf,
    /// Do not write; exit 1 if the files on disk are stale.
    #[arg(long)]
    pub check: bool,
}

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Directory to write the schemas to.
    #[arg(long, default_value = "data/schema")]
    pub out: PathBuf,
    /// Do not write; exit 1 if the files on disk differ from the generated ones.
    #[arg(long)]
    pub check: bool,
}
