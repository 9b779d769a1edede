//! Is there room on the device? (wasm32 only)
//!
//! Chromium deletes a site's whole IndexedDB database when its LevelDB
//! cannot write for lack of space: when it appends a write to its log (which
//! it may do before writing a transaction's blobs), and sometimes when it
//! opens the database on a full disk (measured: BENCHMARKS.md, "a full
//! disk"). So the store never opens the database or starts a write without
//! room for it: [`room_for`] puts the write's size plus [`MARGIN`] into the
//! site's Cache Storage (outside IndexedDB: on a full disk only that put
//! fails) and deletes it at once. No room: nothing is opened or written.
//! Where Cache Storage does not exist (insecure pages, some private modes),
//! the check is skipped.
//!
//! (The private file system was tried first: on a full disk Chromium's
//! file-system database fails and the whole browser crashes.)

use super::StorageError;
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Room asked for beyond the write itself: what the browser's database may
/// need to log the write and flush its memory table.
pub const MARGIN: usize = 512 * 1024;

const CACHE: &str = "leadpact-room-check";
const ENTRY: &str = "/leadpact-room-check";

async fn wait(p: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(p).await
}

/// Incompressible bytes (so no filesystem stores them in less room).
fn bytes(n: usize) -> Vec<u8> {
    let mut out = vec![0u8; n];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for b in &mut out {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        *b = x as u8;
    }
    out
}

/// Ok when `bytes` (plus [`MARGIN`]) fit on the device right now. Every
/// write checks again: a room check found a few seconds earlier says
/// nothing once another app has filled the disk (tried: a five-second
/// allowance let a write through on a disk filled meanwhile).
pub async fn room_for(size: usize) -> Result<(), StorageError> {
    probe(size).await
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
    let data = Uint8Array::from(bytes(size + MARGIN).as_slice());
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
