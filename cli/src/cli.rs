//! The command line: `cargo zoom-scopes <command> [options]`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};
use zoom_scopes_tables::{Level, Model};

use crate::render::Format;

const EXIT_STATUS: &str = "\
Exit status:
  0  done; nothing to report (`migrate` exits 0 unless its input is bad)
  1  findings: `audit` found operations no declared scope grants, findings denied
     with --deny, or operations with no scope at --level; `explain` got a title
     documented in several API groups (the choices are listed); `minimal` has
     operations no scope of --model or --level grants; `search` found nothing
  2  usage or input errors: bad arguments, unknown titles, API groups or scopes, a
     crate directory or source file that cannot be read or parsed, a bad manifest (one
     mixing the two scope models too), or a use of the macros the compiler refuses";

/// Zoom OAuth scopes: explain operations, search them, audit a crate, plan least privilege,
/// migrate classic scopes to granular ones.
#[derive(Debug, Parser)]
#[command(
    name = "cargo-zoom-scopes",
    bin_name = "cargo zoom-scopes",
    version,
    after_help = EXIT_STATUS,
    max_term_width = 100
)]
pub struct Cli {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    pub format: Format,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// What an operation is, which scopes of each model grant it (least privileged first),
    /// and its endpoints
    #[command(after_help = EXIT_STATUS)]
    Explain {
        /// The operation's title, exactly as Zoom documents it, e.g. "Create a meeting"
        title: String,
        /// The API group, for a title documented in several API groups, e.g. --api Meeting
        #[arg(long, value_name = "GROUP")]
        api: Option<String>,
    },
    /// A scope's model, description, API group and level, and every operation it grants
    #[command(after_help = EXIT_STATUS)]
    Scope {
        /// The scope, classic or granular, exactly as Zoom documents it, e.g.
        /// meeting:write:admin or meeting:write:meeting:admin
        name: String,
        /// The model to read the name in, for the two names both models have
        /// (meeting:write:sip_dialing); default: the name's own, classic for those two
        #[arg(long, value_enum)]
        model: Option<ModelArg>,
    },
    /// Operations matching some words, best first: for finding the title to annotate
    #[command(after_help = EXIT_STATUS)]
    Search {
        /// Words of the title (in any order), of its API group, or an operationId
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,
        /// How many operations to list at most
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// The least-privilege set of scopes granting all the given operations
    ///
    /// Least privilege is lexicographic: fewest :master scopes, then fewest :admin, then fewest
    /// write scopes, then fewest scopes. The answer is optimal, not a greedy approximation.
    #[command(
        group(ArgGroup::new("input").required(true).multiple(true).args(["titles", "from", "all"])),
        after_help = EXIT_STATUS
    )]
    Minimal {
        /// Operation titles; qualify a title documented in several API groups as
        /// "TITLE @ GROUP", e.g. "List meetings @ Meeting"
        #[arg(value_name = "TITLE")]
        titles: Vec<String>,
        /// Read titles from a file (`-` for standard input): one per line, in the same form;
        /// blank lines and lines starting with `#` are skipped
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
        /// Every operation a scope of the --model grants
        #[arg(long, conflicts_with_all = ["titles", "from"])]
        all: bool,
        /// Propose scopes of this model: classic (meeting:write) or granular
        /// (meeting:write:meeting); operations no scope of the model grants are listed
        #[arg(long, value_enum, default_value_t = ModelArg::Classic)]
        model: ModelArg,
        /// Only propose scopes of this level; operations no scope of the level grants are
        /// listed, never covered with another level
        #[arg(long, value_enum)]
        level: Option<LevelArg>,
    },
    /// Every operation a crate's sources use, checked against the scopes its Cargo.toml declares
    ///
    /// Reads src/lib.rs, src/main.rs, src/bin/, examples/, tests/ and benches/, following `mod`
    /// declarations, for `#[requires_api]` and `operation!` uses. Reports `missing` (used operations
    /// no declared scope grants), `minimal` (the least-privilege cover of what is used), `unused`
    /// (declared scopes granting nothing used), `broader` (declared scopes a less privileged
    /// set would replace) and `mixed levels` (user-level scopes declared with :admin or :master
    /// ones, which no Zoom app type holds), in the scope model the crate declares (classic or
    /// granular). `--format sarif` (for GitHub code scanning) and `--format github`
    /// (workflow commands) place the findings on their lines, paths relative to CRATE_DIR.
    #[command(after_help = EXIT_STATUS)]
    Audit {
        /// The crate's directory (the one with its Cargo.toml)
        #[arg(default_value = ".", value_name = "CRATE_DIR")]
        dir: PathBuf,
        /// Plan with scopes of this level only (user-managed apps request user-level scopes;
        /// account-level and server-to-server apps request :admin ones)
        #[arg(long, value_enum)]
        level: Option<LevelArg>,
        /// Exit 1 on these findings too, for CI (repeat or separate with commas)
        #[arg(long, value_enum, value_delimiter = ',', value_name = "FINDING")]
        deny: Vec<Deny>,
    },
    /// The granular declaration to replace a crate's classic scopes with
    ///
    /// Reads the crate as `audit` does and plans the least-privilege granular scopes for the
    /// operations it uses, at the app's own level: user-level scopes for an app declaring only
    /// user-level classic scopes, :admin ones for an app declaring :admin or :master ones.
    /// Operations no granular scope of that level grants get the least privileged one that does,
    /// and are listed apart. Compares the result with Zoom's migration set, what Zoom's
    /// "Migrate" button assigns: every granular scope of every operation the declared classic
    /// scopes grant. A crate declaring granular scopes already has nothing to migrate.
    #[command(after_help = EXIT_STATUS)]
    Migrate {
        /// The crate's directory (the one with its Cargo.toml)
        #[arg(default_value = ".", value_name = "CRATE_DIR")]
        dir: PathBuf,
    },
}

/// A scope model, as written on the command line.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModelArg {
    /// The scopes of Zoom's classic-scope page (meeting:write)
    Classic,
    /// Per-operation scopes (meeting:write:meeting), the only ones apps created since March
    /// 2024 have
    Granular,
}

impl From<ModelArg> for Model {
    fn from(model: ModelArg) -> Model {
        match model {
            ModelArg::Classic => Model::Classic,
            ModelArg::Granular => Model::Granular,
        }
    }
}

/// A scope level, as written on the command line.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// Scopes acting on the signed-in user's own resources (meeting:write)
    User,
    /// Scopes acting on the whole account (meeting:write:admin)
    Admin,
    /// Scopes acting on a master account's sub-accounts (meeting:master)
    Master,
}

impl From<LevelArg> for Level {
    fn from(level: LevelArg) -> Level {
        match level {
            LevelArg::User => Level::User,
            LevelArg::Admin => Level::Admin,
            LevelArg::Master => Level::Master,
        }
    }
}

/// Findings `audit --deny` turns into failures.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Declared scopes that grant none of the used operations
    Unused,
    /// Declared scopes where a less privileged set would do
    Broader,
    /// User-level scopes declared together with :admin or :master ones
    MixedLevels,
}

/// The arguments with cargo's subcommand name removed: cargo runs
/// `cargo-zoom-scopes zoom-scopes <args>`, a direct call is `cargo-zoom-scopes <args>`.
pub fn arguments(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    if args.get(1).is_some_and(|a| a == "zoom-scopes") {
        args.remove(1);
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use std::path::Path;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn cargo_and_direct_invocations_agree() {
        let via_cargo = arguments(os(&["cargo-zoom-scopes", "zoom-scopes", "scope", "x"]));
        let direct = arguments(os(&["cargo-zoom-scopes", "scope", "x"]));
        assert_eq!(via_cargo, direct);
        assert_eq!(
            arguments(os(&["cargo-zoom-scopes"])),
            os(&["cargo-zoom-scopes"])
        );
    }

    #[test]
    fn format_is_accepted_anywhere() {
        let cli = Cli::try_parse_from(os(&["c", "scope", "x", "--format", "json"])).unwrap();
        assert_eq!(cli.format, Format::Json);
        let cli = Cli::try_parse_from(os(&["c", "--format", "markdown", "scope", "x"])).unwrap();
        assert_eq!(cli.format, Format::Markdown);
        let cli = Cli::try_parse_from(os(&["c", "audit", "--format", "sarif"])).unwrap();
        assert_eq!(cli.format, Format::Sarif);
        let cli = Cli::try_parse_from(os(&["c", "--format", "github", "audit"])).unwrap();
        assert_eq!(cli.format, Format::Github);
    }

    #[test]
    fn minimal_needs_some_input_and_deny_takes_lists() {
        assert!(Cli::try_parse_from(os(&["c", "minimal"])).is_err());
        assert!(Cli::try_parse_from(os(&["c", "minimal", "--all", "T"])).is_err());
        let cli = Cli::try_parse_from(os(&["c", "audit", "--deny", "unused,broader"])).unwrap();
        let Command::Audit { deny, dir, .. } = cli.command else {
            panic!("not audit")
        };
        assert_eq!(deny, [Deny::Unused, Deny::Broader]);
        assert_eq!(dir, PathBuf::from("."));
        let cli = Cli::try_parse_from(os(&["c", "audit", "--deny", "mixed-levels"])).unwrap();
        assert!(matches!(cli.command, Command::Audit { deny, .. } if deny == [Deny::MixedLevels]));
    }

    #[test]
    fn models_default_to_classic_for_minimal_and_to_the_name_for_scope() {
        let cli = Cli::try_parse_from(os(&["c", "minimal", "--all"])).unwrap();
        assert!(matches!(
            cli.command,
            Command::Minimal {
                model: ModelArg::Classic,
                ..
            }
        ));
        let cli = Cli::try_parse_from(os(&["c", "minimal", "--all", "--model", "granular"]));
        assert!(matches!(
            cli.unwrap().command,
            Command::Minimal {
                model: ModelArg::Granular,
                ..
            }
        ));
        let cli = Cli::try_parse_from(os(&["c", "scope", "x"])).unwrap();
        assert!(matches!(cli.command, Command::Scope { model: None, .. }));
        let cli = Cli::try_parse_from(os(&["c", "migrate"])).unwrap();
        assert!(matches!(cli.command, Command::Migrate { dir } if dir == Path::new(".")));
        assert!(Cli::try_parse_from(os(&["c", "minimal", "--all", "--model", "both"])).is_err());
    }
}
