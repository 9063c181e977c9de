//! The service: the catalogue opened, the site listening at once, and the
//! background work beside it (following the change log, mail and
//! housekeeping, backups) until a signal stops it. This is the one place
//! where `app` reaches up to `web`: it hands the router to the listener.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use tokio::sync::watch;

use super::backup::keep_backups;
use super::{Catalogue, IndexState, IndexStatus, Mailer, WriterMark, follow_changes, keep_house};
use crate::config::Paths;
use crate::{search, web};

/// How the service runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// The address people use to reach the site.
    pub public_url: url::Url,
    /// SMTP URL and sender, when mail is sent rather than kept in the outbox.
    pub mail: Option<(String, String)>,
    /// Backup directory and how many daily backups to keep.
    pub backups: Option<(PathBuf, usize)>,
}

/// Serves the catalogue at `paths` until SIGINT or SIGTERM, then stops
/// cleanly: the background tasks finish, the database is closed and the
/// index's running mark removed.
pub async fn run(paths: &Paths, options: Options) -> anyhow::Result<()> {
    let Options {
        addr,
        public_url,
        mail,
        backups,
    } = options;
    let mailer = mail
        .map(|(url, from)| Mailer::new(&url, &from))
        .transpose()?;
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
    let mark = WriterMark::set(&paths.index_dir).with_context(|| {
        format!(
            "cannot write in the index directory {}",
            paths.index_dir.display()
        )
    })?;
    if mark.unclean {
        tracing::warn!(
            "the service did not stop cleanly last time: the search index will be checked against the database"
        );
    }
    // Listen first: the index catches up (or is rebuilt) while the site
    // already answers, searches saying so until the index is usable.
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    tracing::info!(
        "serving the catalogue on http://{}/",
        listener.local_addr()?
    );
    let status = IndexStatus::new(match catalogue.index.applied_seq() {
        Ok(Some(_)) => IndexState::CatchingUp,
        _ => IndexState::Rebuilding,
    });
    let (stop_tx, stop_rx) = watch::channel(false);
    let follower = follow_changes(
        catalogue.store.clone(),
        indexer,
        status.clone(),
        mark.unclean,
        stop_rx.clone(),
    );
    if mailer.is_none() {
        tracing::info!("no SMTP server configured: mail waits in the outbox");
    }
    let settings = web::Settings {
        public_url,
        mail_configured: mailer.is_some(),
    };
    let housekeeper = keep_house(catalogue.store.clone(), mailer, stop_rx.clone());
    let backer =
        backups.map(|(dir, keep)| keep_backups(catalogue.store.clone(), dir, keep, stop_rx));
    let router = web::router(web::AppState::with_settings(
        catalogue.clone(),
        settings,
        status,
    ));
    // The peer address is what sign-in and enquiry rate limits count by.
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    let _ = stop_tx.send(true);
    follower.await?;
    housekeeper.await?;
    if let Some(backer) = backer {
        backer.await?;
    }
    catalogue.store.close().await;
    mark.clear();
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
