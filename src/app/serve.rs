//! The service: the catalogue opened, the site listening at once, and the
//! background work beside it (following the change log, mail and
//! housekeeping, backups) until a signal stops it. This is the one place
//! where `app` reaches up to `web`: it hands the router to the listener.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::sync::{Semaphore, watch};
use tower::ServiceExt;

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
    /// Where metrics are served on a listener of their own, and the token
    /// that opens `/metrics` on the site itself.
    pub metrics: (Option<SocketAddr>, Option<String>),
    /// The reverse proxies whose forwarded client address is believed.
    pub proxies: web::client::TrustedProxies,
    /// Limits on connections.
    pub connections: ConnectionLimits,
    /// How fast the API may be used.
    pub api_limits: web::ApiLimits,
    /// Days searches are kept in the search log; `None` records none.
    pub search_log_days: Option<u32>,
}

/// What one listener allows its connections.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Connections served at once; further ones wait in the system's
    /// backlog until one ends.
    pub max_connections: usize,
    /// How long a client has to send a request's headers, from the moment
    /// the connection is ready for one; then the connection is closed.
    pub header_read_timeout: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            max_connections: 1024,
            header_read_timeout: Duration::from_secs(10),
        }
    }
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
        metrics: (metrics_addr, metrics_token),
        proxies,
        connections,
        api_limits,
        search_log_days,
    } = options;
    if metrics_addr.is_some() || metrics_token.is_some() {
        web::metrics::install()?;
    }
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
        metrics_token: metrics_token.map(web::MetricsToken),
        backup_dir: backups.as_ref().map(|(dir, _)| dir.clone()),
        proxies,
        api_limits,
        search_log_days,
    };
    let housekeeper = keep_house(
        catalogue.store.clone(),
        mailer,
        settings.public_url.clone(),
        stop_rx.clone(),
    );
    let backer =
        backups.map(|(dir, keep)| keep_backups(catalogue.store.clone(), dir, keep, stop_rx));
    let state = web::AppState::with_settings(catalogue.clone(), settings, status);
    let search_log = state.search_log.clone();
    let (shut_tx, shut_rx) = watch::channel(false);
    let metrics_server = match metrics_addr {
        Some(addr) => {
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .with_context(|| format!("cannot listen for metrics on {addr}"))?;
            tracing::info!(
                "serving metrics on http://{}/metrics",
                listener.local_addr()?
            );
            Some(tokio::spawn(serve_connections(
                listener,
                web::metrics_router(state.clone()),
                ConnectionLimits::default(),
                shut_rx.clone(),
            )))
        }
        None => None,
    };
    tokio::spawn(async move {
        shutdown_signal().await;
        let _ = shut_tx.send(true);
    });
    serve_connections(listener, web::router(state), connections, shut_rx).await;
    if let Some(metrics_server) = metrics_server {
        metrics_server.await?;
    }
    // Searches answered are written before the database closes.
    search_log.flush().await;
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

/// How long answers in progress are waited for once the service is told to
/// stop; a systemd unit's stop timeout should be longer.
const DRAIN: Duration = Duration::from_secs(20);

/// Serves `router` on `listener` within `limits` until `stop` turns true,
/// then waits up to [`DRAIN`] for the answers in progress.
///
/// hyper's own loop rather than `axum::serve`, which sets neither a limit
/// on connections nor a deadline for a request's headers: a client sending
/// half a request would hold its connection, and with enough of them every
/// connection the system allows.
pub async fn serve_connections(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    limits: ConnectionLimits,
    mut stop: watch::Receiver<bool>,
) {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    // The deadline covers each request's headers, including the wait for
    // the next request on a kept-alive connection.
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    loop {
        let permit = tokio::select! {
            permit = Arc::clone(&permits).acquire_owned() => permit.expect("the semaphore is never closed"),
            _ = stop.wait_for(|stop| *stop) => break,
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.wait_for(|stop| *stop) => break,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(err) => {
                // Out of file descriptors, typically: wait rather than spin.
                tracing::warn!(error = %err, "cannot accept a connection");
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        // The peer address is what rate limits count by unless a trusted
        // proxy forwarded another (see `web::client`).
        let service = router.clone().map_request(
            move |mut request: axum::http::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            },
        );
        let connection =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(%peer, error = %err, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN) => {
            tracing::warn!("answers still in progress after {} s were cut off", DRAIN.as_secs());
        }
    }
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
