//! The `catalogue` command: serve the site, import, export and reindex.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use tokio::sync::watch;

use crate::app::{self, Catalogue};
use crate::config::Paths;
use crate::domain::Vocabulary;
use crate::search;
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
    let command = cli.command.unwrap_or(Command::Serve {
        addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
    });
    let result = runtime.block_on(async move {
        match command {
            Command::Serve { addr } => serve(&paths, addr).await.map(|()| ExitCode::SUCCESS),
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

async fn serve(paths: &Paths, addr: SocketAddr) -> anyhow::Result<()> {
    let catalogue = Catalogue::open(paths).await?;
    let seeded = catalogue.seed_if_empty().await?;
    if seeded > 0 {
        tracing::info!(
            listings = seeded,
            "the catalogue was empty: loaded the built-in listings"
        );
    }
    let indexer = catalogue.writer().map_err(|err| match err {
        search::Error::Locked => anyhow::anyhow!(
            "another `catalogue serve` is already using the index in {}; stop it or give this one its own --index-dir",
            paths.index_dir.display()
        ),
        other => other.into(),
    })?;
    let caught_up = search::catch_up(&catalogue.store, &indexer).await?;
    tracing::info!(
        indexed = caught_up.indexed,
        seq = caught_up.seq,
        rebuilt = caught_up.rebuilt,
        "search index is up to date"
    );

    let (stop_tx, stop_rx) = watch::channel(false);
    let follower = app::follow_changes(catalogue.store.clone(), indexer, stop_rx);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    tracing::info!(
        "serving the catalogue on http://{}/",
        listener.local_addr()?
    );
    let router = web::router(web::AppState::new(catalogue.clone()));
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    let _ = stop_tx.send(true);
    follower.await?;
    catalogue.store.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
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
        match interchange::json::read(&text, Vocabulary::builtin()) {
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
        update_index(&catalogue).await?;
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Brings the index up to date unless a running service holds it, in which
/// case that service indexes the changes itself.
async fn update_index(catalogue: &Catalogue) -> anyhow::Result<()> {
    match catalogue.writer() {
        Ok(indexer) => {
            let done = search::catch_up(&catalogue.store, &indexer).await?;
            finish(indexer).await?;
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
    let indexer = match catalogue.writer() {
        Ok(indexer) => indexer,
        Err(search::Error::Locked) => bail!(
            "a running service holds the search index in {}; stop it, then run reindex again",
            paths.index_dir.display()
        ),
        Err(err) => return Err(err.into()),
    };
    let done = search::rebuild(&catalogue.store, &indexer).await?;
    finish(indexer).await?;
    println!("rebuilt the search index: {} listing(s)", done.indexed);
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
