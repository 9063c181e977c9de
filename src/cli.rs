//! The `catalogue` command: serve the site, import, export, reindex, back up,
//! restore and check.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::LazyLock;

use clap::{Parser, Subcommand, ValueEnum};

use crate::app::{self, Catalogue};
use crate::config::Paths;
use crate::search;

mod listings;
mod people;
mod progress;
mod safekeeping;

/// The Regional Training Catalogue.
#[derive(Debug, Parser)]
#[command(name = "catalogue", version = version(), about)]
pub struct Cli {
    /// Where the data lives.
    #[command(flatten)]
    pub paths: Paths,
    /// Log as JSON lines instead of text.
    #[arg(long, env = "CATALOGUE_LOG_JSON", global = true)]
    pub log_json: bool,
    /// The address people use to reach the site; links in mail start with
    /// it. With https, session cookies are Secure and `__Host-` prefixed.
    #[arg(
        long,
        env = "CATALOGUE_PUBLIC_URL",
        default_value = "http://localhost:8080",
        global = true
    )]
    pub public_url: url::Url,
    /// What to do; `serve` when left out.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The version with the schema versions this build writes: what an
/// operator compares before an upgrade or a restore.
fn version() -> &'static str {
    static VERSION: LazyLock<String> = LazyLock::new(|| {
        format!(
            "{} (database schema {}, search index schema {})",
            env!("CARGO_PKG_VERSION"),
            crate::store::backup::known_schema_version(),
            search::schema::SCHEMA_VERSION
        )
    });
    &VERSION
}

/// A network in CIDR notation, or one address.
fn parse_network(text: &str) -> Result<ipnet::IpNet, String> {
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| {
            format!(
                "`{text}` is neither an address nor a CIDR range (such as 127.0.0.1 or 10.0.0.0/8)"
            )
        })
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site and the API (loads the built-in listings into an empty catalogue).
    Serve {
        /// Address to listen on.
        #[arg(long, env = "CATALOGUE_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// SMTP server for mail, as `smtps://user:password@host` or
        /// `smtp://host:25`. Without it, mail waits in the outbox and the
        /// Secretariat is shown the links.
        #[arg(long, env = "CATALOGUE_SMTP_URL", hide_env_values = true)]
        smtp_url: Option<String>,
        /// Sender of the catalogue's mail.
        #[arg(
            long,
            env = "CATALOGUE_MAIL_FROM",
            default_value = "Regional Training Catalogue <no-reply@localhost>"
        )]
        mail_from: String,
        /// Take a backup of the database into this directory at start and
        /// once a day.
        #[arg(long, env = "CATALOGUE_BACKUP_DIR")]
        backup_dir: Option<PathBuf>,
        /// How many of the daily backups to keep.
        #[arg(long, env = "CATALOGUE_BACKUP_KEEP", default_value_t = 14, value_parser = clap::value_parser!(u32).range(1..))]
        backup_keep: u32,
        /// Serve Prometheus metrics at /metrics on this address of their own
        /// (such as 127.0.0.1:9187), reachable by the monitoring only.
        #[arg(long, env = "CATALOGUE_METRICS_ADDR")]
        metrics_addr: Option<SocketAddr>,
        /// Serve /metrics on the site's address too, to requests carrying
        /// `Authorization: Bearer <this token>`. Prefer the environment
        /// variable: arguments are visible to every user of the machine.
        #[arg(long, env = "CATALOGUE_METRICS_TOKEN", hide_env_values = true)]
        metrics_token: Option<String>,
        /// Reverse proxies (addresses or CIDR ranges such as 10.0.0.0/8)
        /// whose forwarded client address is believed, for rate limits and
        /// logs. Requests from anywhere else count by their own address.
        #[arg(long, env = "CATALOGUE_TRUSTED_PROXIES", value_delimiter = ',', num_args = 1.., value_parser = parse_network)]
        trusted_proxy: Vec<ipnet::IpNet>,
        /// The header those proxies forward the client's address in.
        #[arg(long, env = "CATALOGUE_PROXY_HEADER", value_enum, default_value_t)]
        proxy_header: crate::web::client::ProxyHeader,
        /// API searches and completions allowed per second from one client
        /// address (bursts of twice as many); 0 for no limit.
        #[arg(long, env = "CATALOGUE_API_SEARCH_RATE", default_value_t = 20)]
        api_search_rate: u32,
        /// API writes allowed per second with one token (bursts of three
        /// times as many); 0 for no limit.
        #[arg(long, env = "CATALOGUE_API_WRITE_RATE", default_value_t = 10)]
        api_write_rate: u32,
        /// Days searches are kept in the search log (what was searched for,
        /// never by whom); 396 is thirteen months.
        #[arg(long, env = "CATALOGUE_SEARCH_LOG_DAYS", default_value_t = crate::web::SEARCH_LOG_DAYS, value_parser = clap::value_parser!(u32).range(1..))]
        search_log_days: u32,
        /// Record no searches at all.
        #[arg(long, env = "CATALOGUE_NO_SEARCH_LOG")]
        no_search_log: bool,
        /// Connections served at once; more wait until one ends.
        #[arg(long, env = "CATALOGUE_MAX_CONNECTIONS", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..))]
        max_connections: u32,
        /// Seconds a client has to send a request's headers (and the most a
        /// kept-alive connection stays idle).
        #[arg(long, env = "CATALOGUE_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
        header_timeout: u64,
    },
    /// Import listings from interchange files (a JSON array or JSON Lines)
    /// or spreadsheets (.csv or .xlsx, in the template's layout). A file
    /// with any invalid record is not imported at all.
    Import {
        /// Files to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Check every record of the files against the catalogue and
        /// report each problem, writing nothing.
        #[arg(long)]
        check: bool,
    },
    /// Export the whole catalogue to standard output or a file.
    Export {
        /// Output format; JSON re-imports to the same catalogue.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Rebuild the search index from the database.
    Reindex,
    /// Write a consistent copy of the whole database to FILE (safe while
    /// the service runs; sessions are left out).
    Backup {
        /// Where to write the backup; an existing file is replaced.
        file: PathBuf,
    },
    /// Put a backup in place of the database (the service must be stopped),
    /// then rebuild the search index. The database replaced is kept beside it.
    Restore {
        /// The backup to restore.
        file: PathBuf,
    },
    /// Check the database's integrity and that the search index agrees with
    /// it. Exits 0 when all is well, 3 when something was repaired, and 1
    /// when something is broken.
    Check {
        /// Rewrite the index's documents that disagree with the database
        /// (the service must be stopped; it repairs by itself after a crash).
        #[arg(long)]
        repair: bool,
    },
    /// Manage organisations (the providers that own listings).
    Org {
        /// What to do.
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Manage people's accounts.
    User {
        /// What to do.
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        /// What to do.
        #[command(subcommand)]
        command: TokenCommand,
    },
}

/// Organisation subcommands.
#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Add an organisation.
    Add {
        /// Its id: lower-case letters, digits and hyphens (such as `jclec`).
        #[arg(long)]
        id: String,
        /// Its name.
        #[arg(long)]
        name: String,
        /// member-state, international-organisation, regional-institution,
        /// civil-society or academic.
        #[arg(long = "type")]
        kind: String,
        /// ISO 3166-1 alpha-2 code of its country (such as ID).
        #[arg(long)]
        country: String,
    },
}

/// Account subcommands.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a person and print their invitation link (also queued as mail).
    Add {
        /// E-mail address (the sign-in name).
        #[arg(long)]
        email: String,
        /// Full name.
        #[arg(long)]
        name: String,
        /// Their organisation's id (required for contributors).
        #[arg(long)]
        org: Option<String>,
        /// contributor or secretariat.
        #[arg(long)]
        role: String,
    },
}

/// Token subcommands.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a person and print it (shown only once).
    Create {
        /// The person's e-mail address.
        #[arg(long)]
        email: String,
    },
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Interchange format v1, a JSON array.
    Json,
    /// One row per listing and one per translation, for spreadsheets;
    /// imports again as it is.
    Csv,
    /// The same rows as an Excel workbook (.xlsx).
    Xlsx,
}

/// Runs the command line and returns the process's exit code.
pub fn run(cli: Cli) -> ExitCode {
    init_logging(cli.log_json);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let paths = cli.paths;
    let public_url = cli.public_url;
    let command = match cli.command {
        Some(command) => command,
        // `catalogue` alone serves, with the same settings from the
        // environment as `catalogue serve`.
        None => match Cli::try_parse_from(["catalogue", "serve"]) {
            Ok(Cli {
                command: Some(command),
                ..
            }) => command,
            Ok(_) => unreachable!("serve was given"),
            Err(err) => err.exit(),
        },
    };
    let result = runtime.block_on(async move {
        match command {
            Command::Serve {
                addr,
                smtp_url,
                mail_from,
                backup_dir,
                backup_keep,
                metrics_addr,
                metrics_token,
                trusted_proxy,
                proxy_header,
                max_connections,
                header_timeout,
                api_search_rate,
                api_write_rate,
                search_log_days,
                no_search_log,
            } => {
                let options = app::serve::Options {
                    addr,
                    public_url,
                    mail: smtp_url.map(|url| (url, mail_from)),
                    backups: backup_dir.map(|dir| (dir, backup_keep as usize)),
                    metrics: (metrics_addr, metrics_token),
                    proxies: crate::web::client::TrustedProxies::new(trusted_proxy, proxy_header),
                    connections: app::serve::ConnectionLimits {
                        max_connections: max_connections as usize,
                        header_read_timeout: std::time::Duration::from_secs(header_timeout),
                    },
                    api_limits: crate::web::ApiLimits {
                        searches_per_second: api_search_rate,
                        writes_per_second: api_write_rate,
                    },
                    search_log_days: (!no_search_log).then_some(search_log_days),
                };
                app::serve::run(&paths, options)
                    .await
                    .map(|()| ExitCode::SUCCESS)
            }
            Command::Backup { file } => safekeeping::backup(&paths, &file)
                .await
                .map(|()| ExitCode::SUCCESS),
            Command::Restore { file } => safekeeping::restore(&paths, &file)
                .await
                .map(|()| ExitCode::SUCCESS),
            Command::Check { repair } => safekeeping::check(&paths, repair).await,
            Command::Org { command } => people::org(&paths, command)
                .await
                .map(|()| ExitCode::SUCCESS),
            Command::User { command } => people::user(&paths, &public_url, command)
                .await
                .map(|()| ExitCode::SUCCESS),
            Command::Token { command } => people::token(&paths, command)
                .await
                .map(|()| ExitCode::SUCCESS),
            Command::Import {
                files,
                check: false,
            } => listings::import(&paths, &files).await,
            Command::Import { files, check: true } => listings::check(&paths, &files).await,
            Command::Export { format, output } => listings::export(&paths, format, output)
                .await
                .map(|()| ExitCode::SUCCESS),
            Command::Reindex => listings::reindex(&paths).await.map(|()| ExitCode::SUCCESS),
        }
    });
    result.unwrap_or_else(|err| {
        eprintln!("error: {err:#}");
        ExitCode::FAILURE
    })
}

fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tantivy=warn,sqlx=warn"));
    // Colours only on a terminal: a journal or a file gets plain text.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    // A second initialisation (tests calling `run` twice) keeps the first.
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

/// Takes the index's writer; when another process holds it, fails with
/// `refusal`, given the index directory.
fn take_writer(
    catalogue: &Catalogue,
    paths: &Paths,
    refusal: impl FnOnce(&std::path::Path) -> String,
) -> anyhow::Result<search::SharedIndexer> {
    catalogue.writer().map_err(|err| match err {
        search::Error::Locked => anyhow::anyhow!(refusal(&paths.index_dir)),
        other => other.into(),
    })
}

/// Why a command other than `serve` cannot take the index's writer.
fn held_by_service(then: &'static str) -> impl FnOnce(&std::path::Path) -> String {
    move |dir| {
        format!(
            "a running service holds the search index in {}; stop it, then {then}",
            dir.display()
        )
    }
}

/// Lets the writer finish merging segments before the command exits.
async fn finish(indexer: search::SharedIndexer) -> anyhow::Result<()> {
    let indexer = std::sync::Arc::try_unwrap(indexer)
        .map_err(|_| anyhow::anyhow!("the index writer is still in use"))?
        .into_inner();
    tokio::task::spawn_blocking(move || indexer.finish()).await??;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_subcommand_means_serve() {
        let cli = Cli::try_parse_from(["catalogue"]).unwrap();
        assert!(cli.command.is_none());
        let cli = Cli::try_parse_from([
            "catalogue",
            "export",
            "--format",
            "csv",
            "--data-dir",
            "/tmp/x",
        ])
        .unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Export {
                format: Format::Csv,
                ..
            })
        ));
        assert_eq!(cli.paths.data_dir, PathBuf::from("/tmp/x"));
    }
}
