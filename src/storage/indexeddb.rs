//! The IndexedDB store (wasm32 only): the [`Records`] model on IndexedDB.
//!
//! Layout, schema version 4: one object store per [`Table`] (`lead_chunks`,
//! `activity_chunks`, `sync_chunks`, `settings`, `sync`, `outbox`, `inbox`).
//! Each record's value is an object `{ v, d }`: `v` is its version (a random
//! number, new at every write, so a write can check that nobody else wrote
//! the record since it was read), `d` its JSON text, **as a `Blob`** for the
//! large tables and inline for the small bookkeeping (`sync`, `outbox`).
//!
//! Why blobs: Chromium keeps inline values in its LevelDB database. When the
//! disk fills up, a LevelDB write (its log, a table flush, a background
//! compaction) fails, and Chromium then force-closes the connection and
//! deletes the site's whole database. Measured on a 9 MB filesystem: with
//! JSON text values a page lost every record at 64–71 % disk use, before any
//! error reached it; with blob values the same writes end with a clean
//! `QuotaExceededError` or "Failed to write blobs" while the disk reaches
//! 100 %, every record intact after a restart (BENCHMARKS.md, "a full disk").
//! Blobs are written to files before the small LevelDB record that points to
//! them, so a full disk stops the write before it touches the database, and
//! LevelDB stays a few kilobytes, with little to flush or compact.
//!
//! After a write failed for lack of space the app stops writing until the
//! person frees space (`app::health`): the measurements also showed that
//! more writes to a full disk end in LevelDB errors.
//!
//! History: version 1 had only `leads` (one record per lead); version 2 added
//! `activities` (one record per lead) and `settings`; version 3 moved leads
//! and activities into 64 chunks (values were JSON text); version 4 added the
//! sync stores and made every value a `{ v, d }` record. The ladder in
//! `upgrade` creates the stores of each version; older records are moved
//! into the current form in one transaction right after opening
//! (`migrate`). The stores of versions 1–2 stay, empty.

use super::StorageError;
use super::chunks::{self, chunk_key};
use super::records::{Need, Reads, Records, Table, Writes};
use crate::domain::workspace::Workspace;
use async_trait::async_trait;
use js_sys::{Array, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const LEADS_V1: &str = "leads";
const ACTIVITIES_V2: &str = "activities";
/// The current schema version; raise it with a new rung in `upgrade`.
pub const SCHEMA_VERSION: u32 = 4;

/// A connection to one IndexedDB database, opened again when the browser
/// closed it.
pub struct IdbStore {
    name: String,
    db: Rc<RefCell<Option<IdbDatabase>>>,
    /// Called when the browser closes the connection on its own (after a
    /// disk error, or when the site's data is cleared).
    on_lost: LostHandler,
}

/// What to call when the browser closes the connection by itself.
type LostHandler = Rc<RefCell<Option<Rc<dyn Fn()>>>>;

/// What a failed request or transaction means for the person.
fn classify(operation: &'static str, name: &str, message: &str) -> StorageError {
    let text = format!("{name}: {message}");
    if name == "QuotaExceededError" || message.contains("Failed to write blobs") {
        StorageError::OutOfSpace
    } else if message.contains("NO_SPACE")
        || message.contains("full disk")
        || message.contains("onnection is closing")
        || message.contains("onnection was closed")
        || name == "InvalidStateError"
    {
        StorageError::ConnectionLost(text)
    } else {
        StorageError::Failed {
            operation,
            message: text,
        }
    }
}

/// A thrown value or an error event, as a storage error.
fn from_js(operation: &'static str, e: &JsValue) -> StorageError {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        return classify(operation, &d.name(), &d.message());
    }
    // An error event: the request or transaction it came from holds the error.
    let target = Reflect::get(e, &"target".into()).unwrap_or(JsValue::UNDEFINED);
    let error = Reflect::get(&target, &"error".into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(d) = error.dyn_ref::<web_sys::DomException>() {
        return classify(operation, &d.name(), &d.message());
    }
    StorageError::Failed {
        operation,
        message: format!("{e:?}"),
    }
}

/// Waits for a request: its result, or its error. The handlers are the
/// promise's own functions, so nothing of Rust's has to outlive the request.
pub(super) async fn done(
    operation: &'static str,
    req: &IdbRequest,
) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    match JsFuture::from(promise).await {
        Ok(_) => req.result().map_err(|e| from_js(operation, &e)),
        Err(e) => Err(from_js(operation, &e)),
    }
}

/// A promise settled when `tx` completes (Ok) or aborts (Err, with why).
pub(super) fn settled(tx: &IdbTransaction) -> JsFuture {
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    }))
}

fn upgrade(db: &IdbDatabase, old: u32, version: u32) -> Result<(), JsValue> {
    let create = |name: &str| db.create_object_store(name).map(drop);
    if old < 1 && version >= 1 {
        create(LEADS_V1)?;
    }
    if old < 2 && version >= 2 {
        create(ACTIVITIES_V2)?;
        create(Table::Settings.store_name())?;
    }
    if old < 3 && version >= 3 {
        create(Table::Leads.store_name())?;
        create(Table::Activities.store_name())?;
    }
    if old < 4 && version >= 4 {
        for t in [Table::Meta, Table::Sync, Table::Outbox, Table::Inbox] {
            create(t.store_name())?;
        }
    }
    Ok(())
}

crate::split::split_point!(
    /// Older schemas' records moved to the current form (`migrate.rs`):
    /// code a database of the current schema never runs, out of the first
    /// load. The store comes back with the result.
    fn migrate_records(
        store: IdbStore,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = (IdbStore, Result<(), StorageError>)>>>
    {
        Box::pin(async move {
            let moved = store.migrate().await;
            (store, moved)
        })
    }
);

fn new_version() -> f64 {
    (js_sys::Math::random() * 9_007_199_254_740_991.0).floor() + 1.0
}

impl IdbStore {
    /// Opens (creating or upgrading) the database `name`.
    pub async fn open(name: &str) -> Result<IdbStore, StorageError> {
        let store = IdbStore::unopened(name);
        store.connect(SCHEMA_VERSION).await?;
        if !store.has_legacy().await? {
            return Ok(store);
        }
        // Older records read the same as current ones; should the
        // migration's module not come, they are moved at the next start.
        match migrate_records(store).await {
            Ok(moving) => {
                let (store, moved) = moving.await;
                moved.map(|()| store)
            }
            Err(_) => {
                let store = IdbStore::unopened(name);
                store.connect(SCHEMA_VERSION).await?;
                Ok(store)
            }
        }
    }

    /// Whether records of older schemas are still stored (`migrate`'s
    /// work): schema 1's leads, or schema 3's records as JSON text. A
    /// read-only look, with none of the migration's code.
    async fn has_legacy(&self) -> Result<bool, StorageError> {
        let operation = "move your data to the new storage layout";
        let db = self.db().await?;
        let names = [
            LEADS_V1,
            Table::Leads.store_name(),
            Table::Activities.store_name(),
            Table::Settings.store_name(),
        ];
        let look = self.transaction(&db, &names, IdbTransactionMode::Readonly, operation)?;
        for name in names {
            let records = all(&store(&look, name, operation)?, operation).await?;
            if records
                .iter()
                .any(|(_, v)| name == LEADS_V1 || v.as_string().is_some())
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Opens `name` at an explicit schema version (tests build old schemas
    /// with it, then write raw records with [`IdbStore::put_raw`]).
    pub async fn open_version(name: &str, version: u32) -> Result<IdbStore, StorageError> {
        let store = IdbStore::unopened(name);
        store.connect(version).await?;
        Ok(store)
    }

    fn unopened(name: &str) -> IdbStore {
        IdbStore {
            name: name.to_owned(),
            db: Rc::new(RefCell::new(None)),
            on_lost: Rc::new(RefCell::new(None)),
        }
    }

    /// Calls `f` whenever the browser closes the connection on its own.
    pub fn on_lost(&self, f: impl Fn() + 'static) {
        *self.on_lost.borrow_mut() = Some(Rc::new(f));
    }

    fn factory() -> Result<web_sys::IdbFactory, StorageError> {
        let unavailable = |why: String| StorageError::Unavailable(why);
        web_sys::window()
            .ok_or_else(|| unavailable("no window".into()))?
            .indexed_db()
            .map_err(|e| unavailable(format!("{e:?}")))?
            .ok_or_else(|| unavailable("IndexedDB is turned off".into()))
    }

    async fn connect(&self, version: u32) -> Result<IdbDatabase, StorageError> {
        // Opening writes too, and on a full disk Chromium may delete the
        // database it cannot open: no opening without room.
        if super::space::room_for(0).await.is_err() {
            return Err(StorageError::FullAtOpen);
        }
        let request = Self::factory()?
            .open_with_u32(&self.name, version)
            .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
        // An error here aborts the version change; opening then fails and
        // reports it, and the previous schema stays as it was.
        let upgrade_needed = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
            move |event: web_sys::IdbVersionChangeEvent| {
                let db = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
                    .and_then(|r| r.result().ok())
                    .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
                if let Some(db) = db
                    && let Err(e) = upgrade(&db, event.old_version() as u32, version)
                {
                    web_sys::console::error_1(&e);
                }
            },
        );
        request.set_onupgradeneeded(Some(upgrade_needed.as_ref().unchecked_ref()));
        let opened = done("open the storage", &request).await;
        request.set_onupgradeneeded(None);
        drop(upgrade_needed);
        let db: IdbDatabase = match opened {
            Ok(db) => db.unchecked_into(),
            Err(e) => {
                let text = e.to_string();
                return Err(
                    if text.contains("VersionError") || text.contains("less than") {
                        StorageError::NewerVersion
                    } else if text.contains("full disk") || text.contains("NO_SPACE") {
                        StorageError::FullAtOpen
                    } else {
                        StorageError::Unavailable(text)
                    },
                );
            }
        };
        let on_lost = Rc::clone(&self.on_lost);
        let slot = Rc::clone(&self.db);
        let on_close = Closure::<dyn FnMut()>::new(move || {
            // The next operation opens the database again.
            slot.borrow_mut().take();
            let f = on_lost.borrow().clone();
            if let Some(f) = f {
                f();
            }
        });
        db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        // The handler lives as long as the connection (the page, at most).
        on_close.forget();
        *self.db.borrow_mut() = Some(db.clone());
        Ok(db)
    }

    /// The open connection, opened again when the browser closed it.
    async fn db(&self) -> Result<IdbDatabase, StorageError> {
        let current = self.db.borrow().clone();
        match current {
            Some(db) => Ok(db),
            None => self.connect(SCHEMA_VERSION).await,
        }
    }

    fn transaction(
        &self,
        db: &IdbDatabase,
        names: &[&str],
        mode: IdbTransactionMode,
        operation: &'static str,
    ) -> Result<IdbTransaction, StorageError> {
        let list = Array::new();
        for n in names {
            list.push(&JsValue::from_str(n));
        }
        db.transaction_with_str_sequence_and_mode(&list, mode)
            .map_err(|e| self.noted(from_js(operation, &e)))
    }

    /// Waits for a read-write transaction to end.
    async fn finish(
        &self,
        tx: &IdbTransaction,
        done: JsFuture,
        operation: &'static str,
    ) -> Result<(), StorageError> {
        match done.await {
            Ok(_) => Ok(()),
            Err(_) => Err(self.noted(match tx.error() {
                Some(e) => classify(operation, &e.name(), &e.message()),
                None => StorageError::Failed {
                    operation,
                    message: "the browser aborted the transaction".into(),
                },
            })),
        }
    }

    /// Forgets the connection when the browser closed it (the next
    /// operation opens it again).
    fn noted(&self, e: StorageError) -> StorageError {
        if matches!(e, StorageError::ConnectionLost(_)) {
            self.db.borrow_mut().take();
        }
        e
    }

    /// Deletes a whole database (tests use a fresh one per case).
    pub async fn delete(name: &str) -> Result<(), StorageError> {
        let request = Self::factory()?
            .delete_database(name)
            .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
        done("delete the database", &request).await.map(drop)
    }

    /// Writes one raw text record into any store, as schemas 1–3 did (tests
    /// of the upgrade ladder build old databases with it).
    pub async fn put_raw(&self, store_name: &str, k: &str, json: &str) -> Result<(), StorageError> {
        let operation = "save a record";
        let db = self.db().await?;
        let tx = self.transaction(&db, &[store_name], IdbTransactionMode::Readwrite, operation)?;
        let ended = settled(&tx);
        store(&tx, store_name, operation)?
            .put_with_key(&JsValue::from_str(json), &key(k))
            .map_err(|e| from_js(operation, &e))?;
        self.finish(&tx, ended, operation).await
    }
}

mod migrate;
mod records;
use records::{all, key, record, store};

impl Drop for IdbStore {
    fn drop(&mut self) {
        if let Some(db) = self.db.borrow_mut().take() {
            db.close();
        }
    }
}
