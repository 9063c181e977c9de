//! What every handler can reach.

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::FromRef;
use url::Url;

use crate::app::search_log::SearchLog;
use crate::app::{Catalogue, IndexStatus};
use crate::domain::SharedVocabulary;
use crate::search::{SearchIndex, Suggester};
use crate::store::{CoverageCache, Store};
use crate::web::client::TrustedProxies;
use crate::web::page_cache::PageCache;

/// How this installation is reached and whether it can send mail.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The address people use to reach the site; links in mail start with
    /// it. When it is `https`, session cookies are `Secure` and `__Host-`.
    pub public_url: Url,
    /// Whether an SMTP server is configured. Without one, mail waits in the
    /// outbox and the Secretariat is shown the links it would carry.
    pub mail_configured: bool,
    /// Who may read `/metrics` on the site; nobody when `None`.
    pub metrics_token: Option<MetricsToken>,
    /// Where scheduled backups are written, for their age in the metrics.
    pub backup_dir: Option<PathBuf>,
    /// The reverse proxies whose forwarded client address is believed.
    pub proxies: TrustedProxies,
    /// How fast the API may be used.
    pub api_limits: ApiLimits,
    /// Days searches are kept in the search log; `None` records none.
    pub search_log_days: Option<u32>,
}

/// Thirteen months: a year's searches compared with the same month a year
/// before.
pub const SEARCH_LOG_DAYS: u32 = 396;

/// Rates the API allows, per second; 0 lets everything through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiLimits {
    /// Searches and completions per client address, with bursts of twice
    /// as many: other systems and scripts could search without pause,
    /// while a person typing in the search box asks a few a second.
    pub searches_per_second: u32,
    /// Writes per API token, with bursts of three times as many; a
    /// contributor's system meets the limit by waiting as `Retry-After` says.
    pub writes_per_second: u32,
}

impl Default for ApiLimits {
    fn default() -> Self {
        ApiLimits {
            searches_per_second: 20,
            writes_per_second: 10,
        }
    }
}

/// The secret that opens `/metrics` on the site; never printed.
#[derive(Clone)]
pub struct MetricsToken(pub String);

impl std::fmt::Debug for MetricsToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MetricsToken(..)")
    }
}

impl Settings {
    /// Settings for a site on `public_url`, without mail.
    pub fn new(public_url: Url) -> Self {
        Settings {
            public_url,
            mail_configured: false,
            metrics_token: None,
            backup_dir: None,
            proxies: TrustedProxies::default(),
            api_limits: ApiLimits::default(),
            search_log_days: Some(SEARCH_LOG_DAYS),
        }
    }

    /// An absolute address for a path of the site.
    pub fn link(&self, path: &str) -> String {
        crate::app::notices::site_link(&self.public_url, path)
    }

    /// Whether cookies must only travel over TLS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.scheme() == "https"
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings::new(Url::parse("http://localhost:8080/").expect("a valid URL"))
    }
}

/// Shared state; handlers take only the part they need.
#[derive(Debug, Clone, FromRef)]
pub struct AppState {
    /// The system of record.
    pub store: Store,
    /// The search index.
    pub index: SearchIndex,
    /// Completions while typing, over the same index.
    pub suggester: Suggester,
    /// Installation settings.
    pub settings: Arc<Settings>,
    /// Whether the index is ready, catching up or being rebuilt.
    pub index_status: IndexStatus,
    /// The vocabulary in force.
    pub vocabulary: SharedVocabulary,
    /// Anonymous readers' results pages, kept while they stay true.
    pub pages: PageCache,
    /// Where searches are recorded.
    pub search_log: SearchLog,
    /// The coverage page's figures, kept while nothing public changes.
    pub coverage: CoverageCache,
}

impl AppState {
    /// State over an opened catalogue, with default settings.
    pub fn new(catalogue: Catalogue) -> Self {
        AppState::with_settings(catalogue, Settings::default(), IndexStatus::default())
    }

    /// State over an opened catalogue.
    pub fn with_settings(
        catalogue: Catalogue,
        settings: Settings,
        index_status: IndexStatus,
    ) -> Self {
        let search_log = match settings.search_log_days {
            Some(days) => SearchLog::start(catalogue.store.clone(), days),
            None => SearchLog::off(),
        };
        AppState {
            search_log,
            store: catalogue.store,
            suggester: Suggester::new(catalogue.index.clone()),
            index: catalogue.index,
            vocabulary: catalogue.vocabulary,
            settings: Arc::new(settings),
            index_status,
            pages: PageCache::default(),
            coverage: CoverageCache::default(),
        }
    }
}
