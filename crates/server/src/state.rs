//! Shared state: the store (a small pool of connections: rusqlite's `Connection` is not
//! `Sync`), the search index (one writer, behind a mutex), the law and the map shapes.
//! Handlers run their store work on tokio's blocking threads through [`AppState::run`];
//! read models that only change with the store are kept per store generation ([`crate::cache`]).

use crate::cache::{Cache, StoreWatch};
use crate::error::ApiError;
use crate::map::WorldMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use tierwatch_law::Law;
use tierwatch_app::search::SyncedIndex;
use tierwatch_search::SearchIndex;
use tierwatch_store::{Location, Store};

/// Connections kept open for reuse (more are opened when requests overlap);
/// `TIERWATCH_POOL=0` opens one per request (for measuring).
fn pool_keep() -> usize {
    static KEEP: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *KEEP.get_or_init(|| std::env::var("TIERWATCH_POOL").ok().and_then(|v| v.parse().ok()).unwrap_or(8))
}

/// How to start the server.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store: a SQLite file or a PostgreSQL database.
    pub db: Location,
    /// A `world.json` written by `crates/server/web/build-map.mjs`; `None`: the shipped map
    /// (a given file that is missing or invalid: no map, and the page says why).
    pub map_data: Option<PathBuf>,
    /// Once the store has accounts, let anonymous visitors read (writes still need a login).
    pub public_read: bool,
    /// Mark the session cookie `Secure` (served behind https); it is also marked so on
    /// requests a proxy says came over https (`X-Forwarded-Proto: https`).
    pub secure_cookies: bool,
}

impl Config {
    /// A server on `db` with no map, reading closed once accounts exist, plain-http cookies.
    pub fn new(db: Location) -> Config {
        Config { db, map_data: None, public_read: false, secure_cookies: false }
    }
}

pub struct Inner {
    pub db: Location,
    pool: Mutex<Vec<Store>>,
    /// Searches share the index (read lock); a sync after a store change takes it alone.
    index: RwLock<Option<SyncedIndex>>,
    watch: StoreWatch,
    cache: Cache,
    pub law: Law,
    pub map: Result<WorldMap, String>,
    pub public_read: bool,
    pub secure_cookies: bool,
    /// Whether the store has accounts, as last seen (see [`Accounts`]).
    pub accounts: Accounts,
}

/// Whether the store has accounts, known without a store call: once true it stays true
/// (accounts are disabled, never deleted); while false it is checked again at each new store
/// generation (adding an account is a commit), by the blocking job of any request.
#[derive(Default)]
pub struct Accounts {
    exist: std::sync::atomic::AtomicBool,
    /// The generation at which "no accounts" was last checked.
    checked_at: Mutex<Option<u64>>,
}

impl Accounts {
    /// The last answer (`false` may be one generation old; the request's own store job checks).
    pub fn hint(&self) -> bool {
        self.exist.load(std::sync::atomic::Ordering::Acquire)
    }

    /// The answer at `generation`, asking `store` when it may have changed.
    fn at(&self, generation: u64, store: &Store) -> Result<bool, ApiError> {
        if self.hint() {
            return Ok(true);
        }
        let mut checked = self.checked_at.lock().map_err(|_| ApiError::internal("accounts lock poisoned"))?;
        if *checked != Some(generation) {
            if store.viewer(None).map_err(ApiError::internal)?.accounts_exist {
                self.exist.store(true, std::sync::atomic::Ordering::Release);
                return Ok(true);
            }
            *checked = Some(generation);
        }
        Ok(false)
    }
}

/// Cheap to clone; one per server.
#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

/// What a blocking job gets: a store connection and the rest of the state.
pub struct Ctx<'a> {
    pub store: &'a Store,
    pub inner: &'a Inner,
    /// The store generation when this job started (see [`crate::cache`]).
    pub generation: u64,
}

impl Ctx<'_> {
    pub fn law(&self) -> &Law {
        &self.inner.law
    }

    /// What `f` computes through the app layer, once per store generation and `key`.
    pub fn cached<T: Send + Sync + 'static>(&self, key: &str, f: impl FnOnce() -> Result<T, ApiError>) -> Result<Arc<T>, ApiError> {
        self.inner.cache.get_or_compute(self.generation, key, f)
    }

    /// Run `f` with the search index (opened on first use), synced with the store by the
    /// app layer once per store generation; searches of the same generation run side by side.
    pub fn with_index<T>(&self, f: impl FnOnce(&SyncedIndex) -> Result<T, ApiError>) -> Result<T, ApiError> {
        fn poisoned<T>(_: T) -> ApiError {
            ApiError::internal("search index lock poisoned")
        }
        {
            let guard = self.inner.index.read().map_err(poisoned)?;
            if let Some(ix) = guard.as_ref().filter(|ix| ix.synced_at() == Some(self.generation)) {
                return f(ix);
            }
        }
        let mut guard = self.inner.index.write().map_err(poisoned)?;
        if guard.is_none() {
            let dir = self.inner.db.local_path(".index");
            *guard = Some(SyncedIndex::new(SearchIndex::open(&dir).map_err(ApiError::internal)?));
        }
        let ix = guard.as_mut().expect("opened above");
        tierwatch_app::search::sync_at(self.store, ix, self.generation)?;
        f(ix)
    }
}

impl AppState {
    /// Open the store once (creating and migrating it), load the law and the map.
    pub fn new(config: &Config) -> Result<AppState, String> {
        let store = Store::connect(&config.db).map_err(|e| format!("cannot open store {}: {e}", config.db))?;
        let law = Law::embedded().map_err(|e| format!("the built-in law data is invalid: {e}"))?;
        let map = crate::map::load(config.map_data.as_deref());
        // On a thread of its own: this may run on an async thread, where the PostgreSQL driver
        // must not block.
        let (store, viewer) = std::thread::spawn(move || {
            let v = store.viewer(None);
            (store, v)
        })
        .join()
        .map_err(|_| "the thread reading the store's accounts panicked".to_string())?;
        let accounts = Accounts::default();
        if viewer.map_err(|e| format!("cannot read the store's accounts: {e}"))?.accounts_exist {
            accounts.exist.store(true, std::sync::atomic::Ordering::Release);
        }
        Ok(AppState(Arc::new(Inner {
            db: config.db.clone(),
            pool: Mutex::new(vec![store]),
            index: RwLock::new(None),
            watch: StoreWatch::default(),
            cache: Cache::default(),
            law,
            map,
            public_read: config.public_read,
            secure_cookies: config.secure_cookies,
            accounts,
        })))
    }

    /// Run store work on a blocking thread with a pooled connection.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Ctx<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        let inner = self.0.clone();
        // A request the gate let through as "no accounts" from its last-known answer is
        // refused here if the store has had its first account added since (reads then need a
        // login); writes are checked by the app layer anyway.
        let recheck = crate::auth::current().is_some_and(|w| w.recheck);
        tokio::task::spawn_blocking(move || {
            let generation = inner.watch.generation(&inner.db)?;
            let pooled = inner.pool.lock().ok().and_then(|mut p| p.pop());
            let store = match pooled {
                Some(s) => s,
                None => Store::connect(&inner.db).map_err(ApiError::internal)?,
            };
            let accounts = inner.accounts.at(generation, &store);
            let refuse = match accounts {
                Ok(exist) => (recheck && exist && !inner.public_read).then(|| ApiError::unauthorized("this server needs a login to read (/login)")),
                Err(e) => Some(e),
            };
            if let Some(e) = refuse {
                if let Ok(mut p) = inner.pool.lock() {
                    p.push(store);
                }
                return Err(e);
            }
            // Changes are by whoever the app layer says they are by; until it says, `web`.
            store.set_actor("web");
            let out = f(&Ctx { store: &store, inner: &inner, generation });
            if let Ok(mut p) = inner.pool.lock() {
                if p.len() < pool_keep() {
                    p.push(store);
                }
            }
            out
        })
        .await
        .map_err(ApiError::internal)?
    }
}
