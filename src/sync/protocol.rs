//! CouchDB's HTTP API as the app uses it: the checks of a server address
//! and a database name, the shapes of the replies, and what every failure
//! means for a person ([`SyncError`]). Pure: the requests are made by
//! `app::couch`.

use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// A server address that may be used: `https://…`, or `http://` to this
/// computer only (`localhost`, `127.0.0.1`, `[::1]`). Never ends with `/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerUrl(String);

impl ServerUrl {
    /// Checks an address as typed (surrounding spaces and a final `/` are dropped).
    pub fn parse(text: &str) -> Result<ServerUrl, SyncError> {
        let raw = text.trim();
        let t = raw.trim_end_matches('/');
        let bad = || SyncError::BadUrl(raw.to_owned());
        let (scheme, rest) = t.split_once("://").ok_or_else(bad)?;
        let host_port = rest.split('/').next().unwrap_or_default();
        let host = match host_port.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or_default(),
            None => host_port.split(':').next().unwrap_or_default(),
        };
        if host.is_empty() || host.contains(char::is_whitespace) {
            return Err(bad());
        }
        match scheme.to_ascii_lowercase().as_str() {
            "https" => Ok(ServerUrl(t.to_owned())),
            "http" if matches!(host, "localhost" | "127.0.0.1" | "::1") => {
                Ok(ServerUrl(t.to_owned()))
            }
            "http" => Err(SyncError::PlainHttp(host_port.to_owned())),
            _ => Err(bad()),
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address of a path on the server (`path` starts without `/`).
    pub fn join(&self, path: &str) -> String {
        format!("{}/{path}", self.0)
    }
}

/// Checks a database name as CouchDB wants it: a lowercase letter, then
/// lowercase letters, digits and `_ $ ( ) + - /`.
pub fn check_db_name(name: &str) -> Result<(), SyncError> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c))
        && name.len() <= 238;
    if ok {
        Ok(())
    } else {
        Err(SyncError::BadDbName(name.to_owned()))
    }
}

/// A database name's form in a URL path (`/` must be escaped).
pub fn db_path(name: &str) -> String {
    name.replace('/', "%2F")
        .replace('+', "%2B")
        .replace('$', "%24")
}

/// Why syncing stopped or a team action failed, as a person reads it.
/// Local data is never touched by any of these; edits keep waiting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncError {
    /// The address is not a web address.
    BadUrl(String),
    /// Plain `http://` to another computer: passwords and data would cross
    /// the network readable by anyone on the way.
    PlainHttp(String),
    /// The database name is not one CouchDB accepts.
    BadDbName(String),
    /// No network, or the server does not answer.
    Offline,
    /// The server answers, but the browser blocks its replies: CORS is not
    /// enabled for this site.
    Cors {
        /// This site's origin, to allow on the server.
        origin: String,
    },
    /// The address answers, but it is not a CouchDB server.
    NotCouch,
    /// Wrong user name or password, or the session expired.
    Unauthorized,
    /// The server refused: a viewer's write, or access was removed.
    Forbidden(String),
    /// The user is no longer allowed into this workspace.
    Revoked,
    /// The database does not exist.
    NoDatabase(String),
    /// Creating a database needs a server admin.
    NeedsAdmin,
    /// The request was too large for the server.
    TooLarge,
    /// The server failed.
    Server(u16, String),
    /// This device has no room to store what came.
    Storage(String),
    /// No user of this name on the server, and no password to create it.
    NoSuchUser(String),
    /// Joining would replace this browser's workspace: the person confirms first.
    WouldReplace {
        /// Leads this browser holds.
        leads: usize,
    },
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyncError::BadUrl(u) => write!(
                f,
                "'{u}' is not a server address: write it like https://couch.example.com"
            ),
            SyncError::PlainHttp(host) => write!(
                f,
                "http://{host} would send your password and data readable over the network: serve CouchDB over https:// (for example behind a reverse proxy with a certificate) and use that address. Plain http is only allowed to this computer (http://localhost)."
            ),
            SyncError::BadDbName(n) => write!(
                f,
                "'{n}' is not a database name CouchDB accepts: start with a lowercase letter, then lowercase letters, digits or _ $ ( ) + - /"
            ),
            SyncError::Offline => f.write_str(
                "The server cannot be reached (no network, or the server is down).",
            ),
            SyncError::Cors { origin } => write!(
                f,
                "The server answers but does not let this site read its replies: enable CORS on the CouchDB server for {origin} ([chttpd] enable_cors = true; [cors] origins = {origin}, credentials = true, methods = GET, PUT, POST, HEAD, DELETE)."
            ),
            SyncError::NotCouch => f.write_str(
                "This address answers, but it is not a CouchDB server. Check the address (it is the server's, without the database name).",
            ),
            SyncError::Unauthorized => f.write_str(
                "Wrong user name or password, or your session has expired: sign in again.",
            ),
            SyncError::Forbidden(why) => write!(f, "The server refused the change: {why}."),
            SyncError::Revoked => f.write_str(
                "Your access to this workspace was removed. Syncing stopped; what is on this device stays readable here.",
            ),
            SyncError::NoDatabase(db) => write!(
                f,
                "There is no database '{db}' on this server. Check its name, or ask your admin to create it (signing in as a server admin creates it)."
            ),
            SyncError::NeedsAdmin => f.write_str(
                "Only a server admin can create the team's database: sign in as the admin once, then invite your team.",
            ),
            SyncError::TooLarge => f.write_str(
                "The server refused a request as too large; it is sent again in smaller parts.",
            ),
            SyncError::Server(status, why) => {
                write!(f, "The server failed ({status}: {why}); it is tried again shortly.")
            }
            SyncError::Storage(why) => write!(
                f,
                "What came from the server could not be stored on this device ({why}); it is fetched again later."
            ),
            SyncError::NoSuchUser(name) => write!(
                f,
                "There is no user '{name}' on this server: give a password to create it, or check the spelling."
            ),
            SyncError::WouldReplace { leads } => write!(
                f,
                "The team already has a workspace: joining replaces the {leads} leads in this browser with the team's. Download a backup first if you want to keep them."
            ),
        }
    }
}

impl std::error::Error for SyncError {}

/// CouchDB's error body.
#[derive(Debug, Default, Deserialize)]
pub struct ErrorBody {
    /// Short code (`unauthorized`, `forbidden`, `not_found`…).
    #[serde(default)]
    pub error: String,
    /// A sentence.
    #[serde(default)]
    pub reason: String,
}

/// What an HTTP failure status means.
pub fn status_error(status: u16, body: &ErrorBody, db: &str) -> SyncError {
    match status {
        401 => SyncError::Unauthorized,
        403 => SyncError::Forbidden(body.reason.clone()),
        404 => SyncError::NoDatabase(db.to_owned()),
        413 => SyncError::TooLarge,
        _ => SyncError::Server(
            status,
            format!("{} {}", body.error, body.reason).trim().to_owned(),
        ),
    }
}

/// True when the server's welcome (`GET /`) is CouchDB's or a compatible
/// server's (PouchDB Server).
pub fn is_couch(welcome: &Value) -> bool {
    welcome.get("couchdb").is_some()
        || welcome.get("express-pouchdb").is_some()
        || welcome["vendor"]["name"]
            .as_str()
            .is_some_and(|v| v.contains("CouchDB") || v.contains("PouchDB"))
}

/// `GET /_session`.
#[derive(Debug, Default, Deserialize)]
pub struct Session {
    /// Who the server thinks is asking.
    #[serde(rename = "userCtx", default)]
    pub user_ctx: UserCtx,
}

/// A user and their server roles.
#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
pub struct UserCtx {
    /// The user name (None: nobody signed in).
    pub name: Option<String>,
    /// Server roles (`_admin` for a server admin).
    #[serde(default)]
    pub roles: Vec<String>,
}

/// `GET /{db}`.
#[derive(Debug, Default, Deserialize)]
pub struct DbInfo {
    /// Documents, design documents included.
    #[serde(default)]
    pub doc_count: u64,
    /// The sequence of the last change (a number or an opaque text).
    #[serde(default)]
    pub update_seq: Value,
}

/// A sequence as the feed gives it (CouchDB 3: text; older: a number).
pub fn seq_text(seq: &Value) -> String {
    match seq {
        Value::String(s) => s.clone(),
        Value::Null => "0".into(),
        other => other.to_string(),
    }
}

/// `GET /{db}/_changes`.
#[derive(Debug, Default, Deserialize)]
pub struct Changes {
    /// The changes, oldest first.
    #[serde(default)]
    pub results: Vec<Change>,
    /// Where the next request starts.
    #[serde(default)]
    pub last_seq: Value,
    /// Changes left after these (CouchDB 2+).
    #[serde(default)]
    pub pending: Option<u64>,
}

/// One change of the feed.
#[derive(Debug, Default, Deserialize)]
pub struct Change {
    /// The document.
    pub id: String,
    /// Its current revision(s) (the winner first).
    #[serde(default)]
    pub changes: Vec<Rev>,
    /// The document itself (`include_docs=true`).
    #[serde(default)]
    pub doc: Option<Value>,
    /// True when it was deleted.
    #[serde(default)]
    pub deleted: bool,
}

/// A revision in the feed.
#[derive(Debug, Default, Deserialize)]
pub struct Rev {
    /// The revision.
    pub rev: String,
}

impl Change {
    /// The revision the feed names.
    pub fn rev(&self) -> &str {
        self.changes.first().map_or("", |r| r.rev.as_str())
    }

    /// The revision this change is recognised by: the one the feed names,
    /// or none (fetch it) when a live document has several leaf revisions
    /// (siblings, or siblings made one: deleted leaves stay listed), as the
    /// winner is then not known without the document.
    pub fn known_by(&self) -> &str {
        if self.changes.len() > 1 && !self.deleted {
            ""
        } else {
            self.rev()
        }
    }
}

/// One result of `POST /{db}/_bulk_docs`.
#[derive(Debug, Default, Deserialize)]
pub struct BulkResult {
    /// The document.
    pub id: String,
    /// Its new revision, when accepted.
    #[serde(default)]
    pub rev: Option<String>,
    /// Why it was refused (`conflict`, `forbidden`…).
    #[serde(default)]
    pub error: Option<String>,
    /// A sentence.
    #[serde(default)]
    pub reason: Option<String>,
}

/// The result of each document sent to `_bulk_docs`, found by its id: a
/// server need not answer in the order of the request (PouchDB Server puts
/// the documents its validation refused first, and the others in the order
/// their checks finished). The n-th document of an id gets the n-th result
/// of that id; a document the server did not answer gets `None`.
pub fn results_for<'a>(ids: &[&str], results: &'a [BulkResult]) -> Vec<Option<&'a BulkResult>> {
    let mut taken = vec![false; results.len()];
    ids.iter()
        .map(|id| {
            let i = (0..results.len()).find(|&i| !taken[i] && results[i].id == *id)?;
            taken[i] = true;
            Some(&results[i])
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
