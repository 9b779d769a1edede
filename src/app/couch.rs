//! The team's CouchDB over HTTP (`fetch`), as `sync::protocol` describes it.
//!
//! Signing in: the app asks for CouchDB's `_session` cookie and never stores
//! the password. When the browser refuses the cookie (the app and the server
//! are on different sites and the browser blocks third-party cookies, as
//! Safari and private modes do), it falls back to sending the user name and
//! password with each request, kept in this tab's memory only: after a
//! reload the person signs in again; nothing is written to disk.
//! (`docs/team-sync.md` says what is stored where.)

use crate::sync::protocol::ServerUrl;
use crate::sync::protocol::{
    BulkResult, Changes, DbInfo, ErrorBody, SyncError, db_path, status_error,
};
use serde_json::{Value, json};
use std::cell::RefCell;

mod account;

/// How requests prove who is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Auth {
    /// The `_session` cookie (the browser sends it).
    Cookie,
    /// `Authorization: Basic …`, held in memory only.
    Basic(String),
    /// Not signed in.
    None,
}

/// One server database, as one user.
pub struct Couch {
    server: ServerUrl,
    db: String,
    auth: RefCell<Auth>,
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// This page's origin, for the CORS advice.
pub fn origin() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

impl Couch {
    /// A client of `db` on `server`, not signed in yet.
    pub fn new(server: ServerUrl, db: &str) -> Couch {
        Couch {
            server,
            db: db.to_owned(),
            auth: RefCell::new(Auth::None),
        }
    }

    /// The server.
    pub fn server(&self) -> &ServerUrl {
        &self.server
    }

    /// How this client signs its requests.
    pub fn auth(&self) -> Auth {
        self.auth.borrow().clone()
    }

    /// Uses the session cookie the browser may still hold.
    pub fn assume_cookie(&self) {
        *self.auth.borrow_mut() = Auth::Cookie;
    }

    fn db_url(&self, rest: &str) -> String {
        let db = db_path(&self.db);
        if rest.is_empty() {
            self.server.join(&db)
        } else {
            self.server.join(&format!("{db}/{rest}"))
        }
    }

    /// One request: (status, JSON body).
    async fn call(
        &self,
        method: &str,
        url: &str,
        body: Option<&Value>,
    ) -> Result<(u16, Value), SyncError> {
        self.call_within(method, url, body, None).await
    }

    /// [`Couch::call`] with a deadline of the app's own: a request still
    /// unanswered after `deadline_ms` is abandoned and reads as status 408
    /// (a longpoll a server or proxy holds open forever cannot hang the
    /// loop that waits on it).
    async fn call_within(
        &self,
        method: &str,
        url: &str,
        body: Option<&Value>,
        deadline_ms: Option<u32>,
    ) -> Result<(u16, Value), SyncError> {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            use wasm_bindgen_futures::JsFuture;
            let init = web_sys::RequestInit::new();
            init.set_method(method);
            init.set_mode(web_sys::RequestMode::Cors);
            let headers = web_sys::Headers::new().map_err(|_| SyncError::Offline)?;
            let _ = headers.set("Accept", "application/json");
            if let Some(b) = body {
                let _ = headers.set("Content-Type", "application/json");
                init.set_body(&wasm_bindgen::JsValue::from_str(&b.to_string()));
            }
            match &*self.auth.borrow() {
                Auth::Basic(token) => {
                    let _ = headers.set("Authorization", &format!("Basic {token}"));
                    init.set_credentials(web_sys::RequestCredentials::Omit);
                }
                _ => init.set_credentials(web_sys::RequestCredentials::Include),
            }
            init.set_headers(&headers);
            // `AbortSignal.timeout` (every browser since 2022), set through
            // Reflect: RequestInit is a plain object.
            let deadline = deadline_ms.and_then(|ms| {
                let class = js_sys::Reflect::get(&js_sys::global(), &"AbortSignal".into()).ok()?;
                let timeout = js_sys::Reflect::get(&class, &"timeout".into())
                    .ok()?
                    .dyn_into::<js_sys::Function>()
                    .ok()?;
                let signal = timeout.call1(&class, &ms.into()).ok()?;
                js_sys::Reflect::set(&init, &"signal".into(), &signal).ok()?;
                Some(signal)
            });
            let request = web_sys::Request::new_with_str_and_init(url, &init)
                .map_err(|_| SyncError::BadUrl(url.to_owned()))?;
            let window = web_sys::window().ok_or(SyncError::Offline)?;
            let response = match JsFuture::from(window.fetch_with_request(&request)).await {
                Ok(r) => r.unchecked_into::<web_sys::Response>(),
                Err(_)
                    if deadline.as_ref().is_some_and(|s| {
                        js_sys::Reflect::get(s, &"aborted".into()).is_ok_and(|a| a.is_truthy())
                    }) =>
                {
                    return Ok((408, Value::Null));
                }
                Err(_) => return Err(self.why_unreachable().await),
            };
            let status = response.status();
            let text = match response.text() {
                Ok(p) => JsFuture::from(p)
                    .await
                    .ok()
                    .and_then(|t| t.as_string())
                    .unwrap_or_default(),
                Err(_) => String::new(),
            };
            let value = serde_json::from_str(&text).unwrap_or(Value::Null);
            Ok((status, value))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = (method, url, body, deadline_ms);
            Err(SyncError::Offline)
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    /// A request failed without an answer: offline, or a server that
    /// answers but whose replies the browser may not read (CORS).
    async fn why_unreachable(&self) -> SyncError {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen_futures::JsFuture;
            let Some(window) = web_sys::window() else {
                return SyncError::Offline;
            };
            if !window.navigator().on_line() {
                return SyncError::Offline;
            }
            let init = web_sys::RequestInit::new();
            init.set_mode(web_sys::RequestMode::NoCors);
            let probe = web_sys::Request::new_with_str_and_init(&self.server.join(""), &init);
            match probe {
                Ok(r) if JsFuture::from(window.fetch_with_request(&r)).await.is_ok() => {
                    SyncError::Cors { origin: origin() }
                }
                _ => SyncError::Offline,
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        SyncError::Offline
    }

    fn fail(&self, status: u16, body: &Value) -> SyncError {
        let body: ErrorBody = crate::json::from_value(body.clone()).unwrap_or_default();
        status_error(status, &body, &self.db)
    }

    /// The database, or None when it does not exist.
    pub async fn info(&self) -> Result<Option<DbInfo>, SyncError> {
        let (status, body) = self.call("GET", &self.db_url(""), None).await?;
        match status {
            200 => Ok(Some(crate::json::from_value(body).unwrap_or_default())),
            404 => Ok(None),
            _ => Err(self.fail(status, &body)),
        }
    }

    /// Creates the database (a server admin only).
    pub async fn create(&self) -> Result<(), SyncError> {
        let (status, body) = self.call("PUT", &self.db_url(""), None).await?;
        match status {
            201 | 202 | 412 => Ok(()),
            401 | 403 => Err(SyncError::NeedsAdmin),
            _ => Err(self.fail(status, &body)),
        }
    }

    /// A document, or None.
    pub async fn get(&self, id: &str) -> Result<Option<Value>, SyncError> {
        let (status, body) = self.call("GET", &self.db_url(&encode_id(id)), None).await?;
        match status {
            200 => Ok(Some(body)),
            404 => Ok(None),
            _ => Err(self.fail(status, &body)),
        }
    }

    /// One revision of a document (a sibling the server keeps beside the
    /// winner), or None when it is gone.
    pub async fn get_rev(&self, id: &str, rev: &str) -> Result<Option<Value>, SyncError> {
        let path = format!("{}?rev={}", encode_id(id), encode_query(rev));
        let (status, body) = self.call("GET", &self.db_url(&path), None).await?;
        match status {
            200 => Ok(Some(body)),
            404 => Ok(None),
            _ => Err(self.fail(status, &body)),
        }
    }

    /// Writes one document; its new revision.
    pub async fn put(&self, doc: &Value) -> Result<String, SyncError> {
        let id = doc["_id"].as_str().unwrap_or_default();
        let (status, body) = self
            .call("PUT", &self.db_url(&encode_id(id)), Some(doc))
            .await?;
        match status {
            200..=202 => Ok(body["rev"].as_str().unwrap_or_default().to_owned()),
            _ => Err(self.fail(status, &body)),
        }
    }

    /// Changes since `since`: `wait_ms` > 0 waits for the next one
    /// (longpoll); at most `limit`; with their documents (and the revisions
    /// in conflict with them) when `docs`, else with every leaf revision
    /// (more than one: siblings to make one).
    pub async fn changes(
        &self,
        since: &str,
        limit: usize,
        wait_ms: u32,
        docs: bool,
    ) -> Result<Changes, SyncError> {
        let mut path = format!("_changes?since={}&limit={limit}", encode_query(since));
        path.push_str(if docs {
            "&include_docs=true&conflicts=true"
        } else {
            "&style=all_docs"
        });
        if wait_ms > 0 {
            path.push_str(&format!("&feed=longpoll&timeout={wait_ms}"));
        }
        // A longpoll is given up 10 s after the server should have
        // answered (PouchDB Server and some proxies ignore `timeout`): as
        // if nothing changed, and the next request finds out whether this
        // person may still read.
        let deadline = (wait_ms > 0).then_some(wait_ms + 10_000);
        let (status, body) = self
            .call_within("GET", &self.db_url(&path), None, deadline)
            .await?;
        match status {
            200 => crate::json::from_value(body)
                .map_err(|e| SyncError::Server(200, format!("an unreadable changes feed: {e}"))),
            408 if wait_ms > 0 => Ok(Changes {
                results: Vec::new(),
                last_seq: Value::from(since),
                pending: None,
            }),
            _ => Err(self.fail(status, &body)),
        }
    }

    /// Writes documents in one request.
    pub async fn bulk_docs(&self, docs: &[Value]) -> Result<Vec<BulkResult>, SyncError> {
        let body = json!({ "docs": docs });
        let (status, reply) = self
            .call("POST", &self.db_url("_bulk_docs"), Some(&body))
            .await?;
        match status {
            200..=202 => Ok(crate::json::from_value(reply).unwrap_or_default()),
            _ => Err(self.fail(status, &reply)),
        }
    }

    /// The current documents (and deletions' revisions) of `ids`, each with
    /// the revisions in conflict with it (`_conflicts`).
    pub async fn fetch(&self, ids: &[String]) -> Result<Vec<Value>, SyncError> {
        let body = json!({ "keys": ids });
        let (status, reply) = self
            .call(
                "POST",
                &self.db_url("_all_docs?include_docs=true&conflicts=true"),
                Some(&body),
            )
            .await?;
        if status != 200 {
            return Err(self.fail(status, &reply));
        }
        let rows = reply["rows"].as_array().cloned().unwrap_or_default();
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                if row["value"]["deleted"] == true {
                    Some(json!({ "_id": row["id"], "_rev": row["value"]["rev"], "_deleted": true }))
                } else {
                    row.get("doc").filter(|d| !d.is_null()).cloned()
                }
            })
            .collect())
    }
}

/// A document id in a URL path (design documents keep their `/`).
fn encode_id(id: &str) -> String {
    match id.strip_prefix("_design/") {
        Some(rest) => format!("_design/{}", encode_query(rest)),
        None => encode_query(id),
    }
}

fn encode_query(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
