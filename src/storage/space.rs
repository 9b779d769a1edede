//! Is there room on the device? (wasm32 only)
//!
//! Chromium deletes a site's whole IndexedDB database when its LevelDB
//! cannot write for lack of space: when it appends a write to its log (which
//! it may do before writing a transaction's blobs), and sometimes when it
//! opens the database on a full disk (measured: BENCHMARKS.md, "a full
//! disk"). So the store never opens the database or starts a write without
//! room for it: [`room_for`] writes the write's size plus [`MARGIN`] where a
//! failure costs nothing, and deletes it at once. No room: nothing is opened
//! or written.
//!
//! Where: an IndexedDB database of its own storage bucket (Chromium's
//! `navigator.storageBuckets`), so that whatever the browser does to a
//! store that failed to write stays in that bucket; elsewhere the site's
//! Cache Storage. Where neither exists (insecure pages, some private modes)
//! the check is skipped.
//!
//! A failed check is still a failed write to Chromium's quota manager,
//! which may then evict the site's other buckets, the workspace's included
//! (BENCHMARKS.md, "a full disk"); the app stores what it shows again when
//! that happens (`app::state::health`).
//!
//! Tried and refused, in Chromium: the private file system — on a full
//! disk its database fails and the whole browser crashes.

use super::StorageError;
use js_sys::{Function, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Room asked for beyond the write itself: what the browser's database may
/// need to log the write and flush its memory table.
pub const MARGIN: usize = 512 * 1024;

const CACHE: &str = "leadpact-room-check";
const ENTRY: &str = "/leadpact-room-check";

async fn wait(p: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(p).await
}

/// Incompressible bytes (so no filesystem stores them in less room), as a
/// JS array.
fn bytes(n: usize) -> Uint8Array {
    thread_local! {
        /// The noise of the checks so far, up to [`LIMIT`] bytes: every
        /// check of a small write (the start, an edit) needs half a
        /// megabyte, made once instead of on each write.
        static KEPT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    const LIMIT: usize = 2 * MARGIN;
    if n > LIMIT {
        return Uint8Array::from(noise(n).as_slice());
    }
    KEPT.with_borrow_mut(|kept| {
        if kept.len() < n {
            *kept = noise(n);
        }
        Uint8Array::from(&kept[..n])
    })
}

/// `n` bytes of xorshift noise, eight at a time.
fn noise(n: usize) -> Vec<u8> {
    let mut out = vec![0u8; n];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for chunk in out.chunks_mut(8) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
    }
    out
}

/// Ok when `bytes` (plus [`MARGIN`]) fit on the device right now. Every
/// write checks again: a room check found a few seconds earlier says
/// nothing once another app has filled the disk (tried: a five-second
/// allowance let a write through on a disk filled meanwhile).
pub async fn room_for(size: usize) -> Result<(), StorageError> {
    match in_bucket(size).await {
        Some(result) => result,
        None => probe(size).await,
    }
}

const BUCKET: &str = "leadpact-room-check";

/// Writes `size` plus [`MARGIN`] into a database of its own storage bucket
/// and deletes it; None where storage buckets do not exist.
async fn in_bucket(size: usize) -> Option<Result<(), StorageError>> {
    let navigator = web_sys::window()?.navigator();
    let buckets = Reflect::get(&navigator, &"storageBuckets".into()).ok()?;
    let open: Function = Reflect::get(&buckets, &"open".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let opening: Promise = open.call1(&buckets, &BUCKET.into()).ok()?.dyn_into().ok()?;
    let bucket = JsFuture::from(opening).await.ok()?;
    let factory: web_sys::IdbFactory = Reflect::get(&bucket, &"indexedDB".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let request = factory.open_with_u32(BUCKET, 1).ok()?;
    let on_upgrade = Closure::once_into_js({
        let request = request.clone();
        move || {
            if let Ok(db) = request.result() {
                let _ = db
                    .unchecked_into::<web_sys::IdbDatabase>()
                    .create_object_store("room");
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let Ok(db) = super::indexeddb::done("open", &request).await else {
        return Some(Err(StorageError::OutOfSpace));
    };
    let db: web_sys::IdbDatabase = db.unchecked_into();
    let write = |value: Option<&JsValue>| -> Option<JsFuture> {
        let tx = db
            .transaction_with_str_and_mode("room", web_sys::IdbTransactionMode::Readwrite)
            .ok()?;
        let store = tx.object_store("room").ok()?;
        match value {
            Some(v) => store.put_with_key(v, &"room".into()).ok()?,
            None => store.delete(&"room".into()).ok()?,
        };
        Some(super::indexeddb::settled(&tx))
    };
    let data: JsValue = bytes(size + MARGIN).into();
    let stored = match write(Some(&data)) {
        Some(done) => done.await.is_ok(),
        None => false,
    };
    // Only what was stored is deleted: on a full disk a delete after the
    // failed put may never settle (measured: the edit then hung).
    if stored && let Some(done) = write(None) {
        let _ = done.await;
    }
    db.close();
    Some(if stored {
        Ok(())
    } else {
        Err(StorageError::OutOfSpace)
    })
}

/// Puts `size` plus [`MARGIN`] into Cache Storage and deletes it.
async fn probe(size: usize) -> Result<(), StorageError> {
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
        return Ok(());
    };
    let Ok(cache) = wait(caches.open(CACHE)).await else {
        return Ok(());
    };
    let cache: web_sys::Cache = cache.into();
    let data = bytes(size + MARGIN);
    let Ok(response) = web_sys::Response::new_with_opt_buffer_source(Some(&data)) else {
        return Ok(());
    };
    let stored = wait(cache.put_with_str(ENTRY, &response)).await;
    let _ = wait(cache.delete_with_str(ENTRY)).await;
    match stored {
        Ok(_) => Ok(()),
        Err(_) => Err(StorageError::OutOfSpace),
    }
}
