//! The `catalogue` command: serve the site, import, export, reindex, back up,
//! restore and check.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};

use crate::app::{self, Catalogue, WriterMark};
use crate::config::Paths;
use crate::domain::{EntryError, NewPerson};
use crate::search;
use crate::store::{LinkPurpose, Organisation};
use crate::{interchange, web};

/// The Regional Training Catalogue.
#[derive(Debug, Parser)]
#[command(name = "catalogue", version, about)]
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
    },
    /// Import listings from interchange files (a JSON array or JSON Lines).
    /// A file with any invalid record is not imported at all.
    Import {
        /// Files to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
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
    /// One row per listing, for spreadsheets.
    Csv,
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
            } => {
                let options = app::serve::Options {
                    addr,
                    public_url,
                    mail: smtp_url.map(|url| (url, mail_from)),
                    backups: backup_dir.map(|dir| (dir, backup_keep as usize)),
                };
                app::serve::run(&paths, options)
                    .await
                    .map(|()| ExitCode::SUCCESS)
            }
            Command::Backup { file } => backup(&paths, &file).await.map(|()| ExitCode::SUCCESS),
            Command::Restore { file } => restore(&paths, &file).await.map(|()| ExitCode::SUCCESS),
            Command::Check { repair } => check(&paths, repair).await,
            Command::Org { command } => org(&paths, command).await.map(|()| ExitCode::SUCCESS),
            Command::User { command } => user(&paths, &public_url, command)
                .await
                .map(|()| ExitCode::SUCCESS),
            Command::Token { command } => token(&paths, command).await.map(|()| ExitCode::SUCCESS),
            Command::Import { files } => import(&paths, &files).await,
            Command::Export { format, output } => export(&paths, format, output)
                .await
                .map(|()| ExitCode::SUCCESS),
            Command::Reindex => reindex(&paths).await.map(|()| ExitCode::SUCCESS),
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
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
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

async fn import(paths: &Paths, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let catalogue = Catalogue::open(paths).await?;
    let mut failed = false;
    let mut imported = 0;
    for file in files {
        let name = file.display();
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("{name}: cannot read the file: {err}");
                failed = true;
                continue;
            }
        };
        match interchange::json::read(&text, &catalogue.vocabulary.current()) {
            Ok(listings) => {
                let count = listings.len();
                catalogue.save(listings).await?;
                imported += count;
                println!("{name}: imported {count} listing(s)");
            }
            Err(interchange::Error::Invalid(errors)) => {
                failed = true;
                for error in &errors {
                    eprintln!("{name}: {error}");
                }
                eprintln!(
                    "{name}: {} invalid record(s); nothing from this file was imported",
                    errors.len()
                );
            }
            Err(err) => {
                failed = true;
                eprintln!("{name}: {err}; nothing from this file was imported");
            }
        }
    }
    if imported > 0 {
        update_index(&catalogue, paths).await?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Brings the index up to date unless a running service holds it, in which
/// case that service indexes the changes itself.
async fn update_index(catalogue: &Catalogue, paths: &Paths) -> anyhow::Result<()> {
    match catalogue.writer() {
        Ok(indexer) => {
            let mark = WriterMark::set(&paths.index_dir)?;
            let done = app::catch_up(&catalogue.store, &indexer).await?;
            finish(indexer).await?;
            mark.clear();
            println!("search index updated ({} listing(s) indexed)", done.indexed);
        }
        Err(search::Error::Locked) => {
            println!(
                "a running service holds the search index; it will index the changes within a second"
            );
        }
        Err(err) => return Err(err.into()),
    }
    Ok(())
}

/// Lets the writer finish merging segments before the command exits.
async fn finish(indexer: search::SharedIndexer) -> anyhow::Result<()> {
    let indexer = std::sync::Arc::try_unwrap(indexer)
        .map_err(|_| anyhow::anyhow!("the index writer is still in use"))?
        .into_inner();
    tokio::task::spawn_blocking(move || indexer.finish()).await??;
    Ok(())
}

async fn export(paths: &Paths, format: Format, output: Option<PathBuf>) -> anyhow::Result<()> {
    let catalogue = Catalogue::open(paths).await?;
    let listings = catalogue.store.all_listings().await?;
    let mut out: Box<dyn Write> = match &output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match format {
        Format::Json => interchange::json::write(&listings, &mut out)?,
        Format::Csv => interchange::csv::write(&listings, &mut out)?,
    }
    out.flush()?;
    if let Some(path) = output {
        eprintln!(
            "exported {} listing(s) to {}",
            listings.len(),
            path.display()
        );
    }
    Ok(())
}

async fn reindex(paths: &Paths) -> anyhow::Result<()> {
    let catalogue = Catalogue::open(paths).await?;
    let indexer = take_writer(&catalogue, paths, held_by_service("run reindex again"))?;
    let mark = WriterMark::set(&paths.index_dir)?;
    let done = app::rebuild(&catalogue.store, &indexer).await?;
    finish(indexer).await?;
    mark.clear();
    println!("rebuilt the search index: {} listing(s)", done.indexed);
    Ok(())
}

async fn backup(paths: &Paths, file: &std::path::Path) -> anyhow::Result<()> {
    let database = paths.database();
    if !database.is_file() {
        bail!(
            "there is no database at {}; give the --data-dir the service uses",
            database.display()
        );
    }
    let store = crate::store::Store::open(&database)
        .await
        .with_context(|| format!("cannot open the database {}", database.display()))?;
    store
        .back_up(file)
        .await
        .with_context(|| format!("cannot write the backup {}", file.display()))?;
    store.close().await;
    let check = app::backup::check_backup(file).await?;
    println!(
        "backed up the database to {} ({} listing(s))",
        file.display(),
        check.listings
    );
    Ok(())
}

async fn restore(paths: &Paths, file: &std::path::Path) -> anyhow::Result<()> {
    let check = app::backup::check_backup(file).await?;
    // A running service holds the index's writer: holding it here proves
    // none runs, and keeps one from starting until the restore is done.
    std::fs::create_dir_all(&paths.index_dir)?;
    let index = search::SearchIndex::open(&paths.index_dir)?;
    let holder = index.writer().map_err(|err| match err {
        search::Error::Locked => anyhow::anyhow!(
            "a running `catalogue serve` uses this catalogue; stop it, then restore"
        ),
        other => other.into(),
    })?;
    let kept = app::backup::replace_database(paths, file)?;
    drop(holder);
    let catalogue = Catalogue::open(paths).await?;
    let indexer = take_writer(&catalogue, paths, held_by_service("run reindex"))?;
    let mark = WriterMark::set(&paths.index_dir)?;
    let done = app::rebuild(&catalogue.store, &indexer).await?;
    finish(indexer).await?;
    mark.clear();
    catalogue.store.close().await;
    println!(
        "restored {} ({} listing(s)); the search index holds {} published listing(s)",
        file.display(),
        check.listings,
        done.indexed
    );
    if let Some(kept) = kept {
        println!("the database it replaced is kept as {}", kept.display());
    }
    Ok(())
}

/// Exit code of `check` when something was repaired.
const REPAIRED: u8 = 3;

async fn check(paths: &Paths, repair: bool) -> anyhow::Result<ExitCode> {
    let database = paths.database();
    if !database.is_file() {
        bail!(
            "there is no database at {}; give the --data-dir the service uses",
            database.display()
        );
    }
    let catalogue = Catalogue::open(paths).await?;
    let problems = catalogue.store.check_integrity().await?;
    let mut broken = false;
    if problems.is_empty() {
        println!("database: ok");
    } else {
        broken = true;
        println!("database: DAMAGED");
        for problem in &problems {
            println!("  {problem}");
        }
        println!("  restore the newest sound backup with `catalogue restore FILE`");
    }
    let index = catalogue.index.clone();
    let damage = tokio::task::spawn_blocking(move || index.validate()).await?;
    let indexer = if repair {
        Some(take_writer(
            &catalogue,
            paths,
            held_by_service(
                "run check --repair again (the service repairs by itself after a crash)",
            ),
        )?)
    } else {
        None
    };
    let mark = indexer
        .as_ref()
        .map(|_| WriterMark::set(&paths.index_dir))
        .transpose()?;
    let mut repaired = false;
    if let Err(damage) = damage {
        println!("index files: DAMAGED ({damage})");
        match &indexer {
            Some(indexer) => {
                let done = app::rebuild(&catalogue.store, indexer).await?;
                println!("  rebuilt the index: {} listing(s)", done.indexed);
                repaired = true;
            }
            None => {
                broken = true;
                println!(
                    "  run `catalogue check --repair` or `catalogue reindex` with the service stopped"
                );
            }
        }
    } else {
        println!("index files: ok");
    }
    if let Some(indexer) = &indexer {
        app::catch_up(&catalogue.store, indexer).await?;
    }
    let found = match &indexer {
        Some(indexer) => app::repair(&catalogue.store, indexer).await?,
        None => app::compare(&catalogue.store, &catalogue.index).await?,
    };
    println!(
        "index and database: {} published listing(s), {} document(s), {} missing, {} stale, {} extra, {} duplicated, {} change(s) pending",
        found.listings,
        found.documents,
        found.missing.len(),
        found.stale.len(),
        found.extra.len(),
        found.duplicated.len(),
        found.pending,
    );
    for (what, ids) in [
        ("missing", &found.missing),
        ("stale", &found.stale),
        ("extra", &found.extra),
        ("duplicated", &found.duplicated),
    ] {
        if !ids.is_empty() {
            println!("  {what}: {}", ids.join(", "));
        }
    }
    if !found.agrees() {
        if indexer.is_some() {
            println!("  repaired: those documents were rewritten from the database");
            repaired = true;
        } else {
            broken = true;
            println!("  run `catalogue check --repair` with the service stopped to rewrite them");
        }
    }
    if let Some(indexer) = indexer {
        finish(indexer).await?;
    }
    if let Some(mark) = mark {
        mark.clear();
    }
    catalogue.store.close().await;
    Ok(if broken {
        ExitCode::FAILURE
    } else if repaired {
        ExitCode::from(REPAIRED)
    } else {
        ExitCode::SUCCESS
    })
}

/// The problems found in what was given, one a line, each under the flag
/// that gave the value.
fn flag_errors(found: Vec<EntryError>) -> anyhow::Error {
    let lines: Vec<String> = found
        .iter()
        .map(|e| {
            let flag = match e.field {
                "kind" => "type",
                other => other,
            };
            format!("--{flag}: {}", e.problem)
        })
        .collect();
    anyhow::anyhow!(lines.join("\n"))
}

async fn org(paths: &Paths, command: OrgCommand) -> anyhow::Result<()> {
    let OrgCommand::Add {
        id,
        name,
        kind,
        country,
    } = command;
    let org = Organisation::parse(&id, &name, &kind, &country).map_err(flag_errors)?;
    let catalogue = Catalogue::open(paths).await?;
    catalogue.store.add_organisation(&org).await?;
    println!("added the organisation {} ({})", org.name, org.id);
    Ok(())
}

async fn user(paths: &Paths, public_url: &url::Url, command: UserCommand) -> anyhow::Result<()> {
    let UserCommand::Add {
        email,
        name,
        org,
        role,
    } = command;
    let NewPerson {
        email,
        name,
        role,
        org,
    } = NewPerson::parse(&email, &name, &role, org.as_deref().unwrap_or_default())
        .map_err(flag_errors)?;
    let catalogue = Catalogue::open(paths).await?;
    let account = catalogue
        .store
        .add_account(&email, &name, role, org.as_ref())
        .await?;
    let settings = web::Settings::new(public_url.clone());
    let link_for = |secret: &str| settings.link(&web::paths::at(web::paths::LINK, secret));
    let link =
        app::mail::send_link(&catalogue.store, &account, LinkPurpose::Invite, link_for).await?;
    println!(
        "added {} <{}> as {}; the invitation (valid for 7 days, once) is queued in the outbox.\nInvitation link: {link}",
        account.name, account.email, account.role
    );
    Ok(())
}

async fn token(paths: &Paths, command: TokenCommand) -> anyhow::Result<()> {
    let TokenCommand::Create { email } = command;
    let catalogue = Catalogue::open(paths).await?;
    let Some(account) = catalogue.store.account_by_email(&email).await? else {
        bail!("no account has the e-mail address {email}; add it with `catalogue user add`");
    };
    if account.disabled {
        bail!("the account of {email} is disabled");
    }
    let token = catalogue.store.create_api_token(account.id).await?;
    eprintln!(
        "API token for {} <{}> ({}); it is shown only now, so store it safely:",
        account.name, account.email, account.role
    );
    println!("{token}");
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
