//! The command line: argument definitions and dispatch. Each subcommand's
//! work lives in `commands::<name>`; this file only says what can be typed.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

pub use crate::lang::Lang;

/// Exit status: success, findings (errors in the plan, no route), bad input.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "sysuser",
    version,
    about = "Plan, check, draw and route Altinn system users the way Altinn's setup guidance prescribes",
    long_about = "sysuser walks you through Altinn's guidance for system users (scenarios A–H), \
recommends how many system users to create, of which type, with which access packages and \
which clients, checks a layout against Altinn's real rules and catalog, draws it as a tree, \
and exports it as YAML.\n\nRun it without arguments in a terminal to open the wizard.",
    after_help = "Exit status: 0 ok, 1 the plan has errors (or no route exists), 2 bad input or usage."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Print nothing but results and errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// When to use colour (NO_COLOR is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Language of the wizard and of messages.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
}

/// `--lang`: the command line's side of [`Lang`], so that the core needs no clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Nb,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Nb => Lang::Nb,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the wizard (the default in a terminal).
    Wizard(WizardArgs),
    /// Judge a plan as Altinn would and as the guidance advises.
    Check(CheckArgs),
    /// Draw a plan as the guidance's tree diagrams.
    Render(RenderArgs),
    /// One self-contained HTML page: summary, layout drawn, findings, checklist, routes.
    Report(ReportArgs),
    /// List the organisation access packages in Altinn's catalog.
    Packages(PackagesArgs),
    /// Recommend the layout the guidance prescribes for a situation.
    Advise(AdviseArgs),
    /// Which system user to use for one client and package.
    Route(RouteArgs),
    /// The whole routing table: every party, package and system user.
    Routes(RoutesArgs),
    /// Scenario F's two options side by side for this plan's clients.
    Compare(CompareArgs),
    /// The steps from one layout to another.
    Diff(DiffArgs),
    /// The guidance's go-live checklist, judged from the plan.
    Checklist(ChecklistArgs),
    /// Read a client list (CSV) into a plan.
    Import(ImportArgs),
    /// The runbook: every API call and portal step that makes the plan real.
    Requests(RequestsArgs),
    /// The Maskinporten authorization_details of each system user.
    Tokens(TokensArgs),
    /// A letter to each client that must still register a role or delegate a package.
    Letters(LettersArgs),
    /// Build a plan from the JSON saved from Altinn's read endpoints.
    ImportAltinn(ImportAltinnArgs),
    /// The built-in access package catalog against Altinn's.
    Catalog(CatalogArgs),
    /// Print the JSON Schema of the plan format (for editors).
    Schema,
    /// Explain a rule of `check`: why it exists and how to fix it.
    Explain(ExplainArgs),
    /// Write a large synthetic plan (for benchmarks and trials).
    Generate(GenerateArgs),
    /// Print shell completions.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct WizardArgs {
    /// A situation or plan file to start from.
    pub file: Option<PathBuf>,
    /// Continue from the answers saved by the last wizard session; `--resume N`
    /// continues the Nth earlier one (kept when a new plan was started or a file opened).
    #[arg(long, conflicts_with = "file", value_name = "N", num_args = 0..=1,
          default_missing_value = "0", value_parser = clap::value_parser!(u32).range(0..=3))]
    pub resume: Option<u32>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The plan file (`-` reads standard input).
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: CheckFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CheckFormat {
    /// Like a compiler: each finding with `--> file:line:column` and the line.
    #[default]
    Text,
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow annotations (`::error file=…`).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TreeFormat {
    /// Box-drawing characters.
    #[default]
    Text,
    /// Plain ASCII (`|--`, `` `-- ``).
    Ascii,
    /// A Markdown section with the tree in a code block.
    Markdown,
    Mermaid,
    /// Graphviz.
    Dot,
    /// An SVG drawing of the layout, with the findings' subjects marked.
    Svg,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: TreeFormat,
    /// Show every client (long lists are cut with a count otherwise).
    #[arg(long)]
    pub all: bool,
    /// Clients shown per system user before the list is cut.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    pub file: PathBuf,
    /// Write the page here (atomically) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PackagesArgs {
    /// Match codes and Norwegian and English names (accents ignored).
    #[arg(long, short)]
    pub search: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
    /// Include person packages (never for system users).
    #[arg(long)]
    pub persons: bool,
}

#[derive(Debug, Args)]
pub struct AdviseArgs {
    pub file: PathBuf,
    /// Write the plan here instead of standard output (may be the input file).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Replace the system users the file already has.
    #[arg(long)]
    pub replace: bool,
}

#[derive(Debug, Args)]
pub struct RouteArgs {
    pub file: PathBuf,
    /// The party to act for: a client, the organisation, or an operational unit.
    #[arg(long)]
    pub client: String,
    /// The access package (code or URN).
    #[arg(long)]
    pub package: String,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TableFormat {
    #[default]
    Text,
    Csv,
    Json,
    Yaml,
}

#[derive(Debug, Args)]
pub struct RoutesArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: TableFormat,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    pub old: PathBuf,
    pub new: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct ChecklistArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The client list: a header row, `;` or `,` separated; columns orgnr,
    /// name, unit_type, er_roles, delegated (lists space-separated).
    pub csv: PathBuf,
    /// Merge the clients into this plan (written back atomically).
    #[arg(long)]
    pub into: Option<PathBuf>,
    /// Write the result here instead (default: standard output, or the `--into` file).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum EnvArg {
    /// Altinn's test environment.
    #[default]
    Tt02,
    Prod,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum RunbookFormat {
    /// For people.
    #[default]
    Markdown,
    /// The steps as data.
    Json,
    /// One REST-client file (VS Code, JetBrains) with a {{token}} variable.
    Http,
    /// A POSIX sh script with curl; the token from ALTINN_TOKEN.
    Sh,
}

#[derive(Debug, Args)]
pub struct RequestsArgs {
    /// The plan to make real.
    pub file: PathBuf,
    /// The current plan (e.g. from `import-altinn`): the runbook is then the migration.
    #[arg(long)]
    pub from: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub env: EnvArg,
    #[arg(long, value_enum, default_value_t)]
    pub format: RunbookFormat,
    /// Write the runbook and each JSON body as its own file into this folder.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TokensArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum LettersFormat {
    /// The letters.
    #[default]
    Text,
    /// The summary for a mail merge.
    Csv,
}

#[derive(Debug, Args)]
pub struct LettersArgs {
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    pub format: LettersFormat,
    /// Write one letter per client and summary.csv into this folder.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportAltinnArgs {
    /// The folder with systemregister.json, systemusers.json and clients-{id}.json.
    pub dir: PathBuf,
    /// The plan to write.
    #[arg(long, short)]
    pub output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CatalogArgs {
    #[command(subcommand)]
    pub command: CatalogCommand,
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Compare with a saved export of …/meta/info/accesspackages/export: added,
    /// removed and re-flagged packages (exit 1 when the plan uses one in a way
    /// Altinn would now refuse).
    Diff(CatalogDiffArgs),
}

#[derive(Debug, Args)]
pub struct CatalogDiffArgs {
    /// The export, saved from Access Management's open metadata API.
    pub export: PathBuf,
    /// Say which changed packages this plan uses, and whether that still works.
    #[arg(long)]
    pub plan: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id, e.g. `client-missing-package`; none lists them all.
    pub rule: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of clients.
    #[arg(long, default_value_t = 1000)]
    pub clients: usize,
    /// Number of client system users in the layout (0: a situation file).
    #[arg(long, default_value_t = 4)]
    pub system_users: usize,
    /// Seed for the pseudo-random facts.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// What every command may need to know about how to print.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub color: bool,
    pub quiet: bool,
    pub lang: Lang,
}

impl Ctx {
    pub fn from_cli(cli: &Cli) -> Ctx {
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        };
        Ctx {
            color,
            quiet: cli.quiet,
            lang: cli.lang.map_or_else(Lang::from_env, Lang::from),
        }
    }
}

/// Runs the parsed command line; the number is the exit status.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    use crate::commands as c;
    let ctx = Ctx::from_cli(&cli);
    match cli.command {
        None => c::wizard::run_default(&ctx),
        Some(Command::Wizard(a)) => c::wizard::run(&a, &ctx),
        Some(Command::Check(a)) => c::check::run(&a, &ctx),
        Some(Command::Render(a)) => c::render::run(&a, &ctx),
        Some(Command::Report(a)) => c::report::run(&a, &ctx),
        Some(Command::Packages(a)) => c::packages::run(&a, &ctx),
        Some(Command::Advise(a)) => c::advise::run(&a, &ctx),
        Some(Command::Route(a)) => c::route::run(&a, &ctx),
        Some(Command::Routes(a)) => c::route::run_table(&a, &ctx),
        Some(Command::Compare(a)) => c::compare::run(&a, &ctx),
        Some(Command::Diff(a)) => c::diff::run(&a, &ctx),
        Some(Command::Checklist(a)) => c::checklist::run(&a, &ctx),
        Some(Command::Import(a)) => c::import::run(&a, &ctx),
        Some(Command::Requests(a)) => c::requests::run(&a, &ctx),
        Some(Command::Tokens(a)) => c::tokens::run(&a, &ctx),
        Some(Command::Letters(a)) => c::letters::run(&a, &ctx),
        Some(Command::ImportAltinn(a)) => c::import_altinn::run(&a, &ctx),
        Some(Command::Schema) => c::schema::run(),
        Some(Command::Catalog(a)) => match &a.command {
            CatalogCommand::Diff(d) => c::catalog_diff::run(d, &ctx),
        },
        Some(Command::Explain(a)) => c::explain::run(&a, &ctx),
        Some(Command::Generate(a)) => c::generate::run(&a, &ctx),
        Some(Command::Completions(a)) => c::completions::run(&a),
        Some(Command::Man) => c::completions::man(),
    }
}
