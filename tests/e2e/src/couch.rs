//! A CouchDB-compatible server for the team-sync journeys: PouchDB Server
//! (installed by the Makefile into `.tools/`), on 127.0.0.1, in its own
//! process group, with its data in a scratch dir removed afterwards. It
//! starts in "admin party" and is given a server admin at once
//! (`founder` / [`ADMIN_PASSWORD`]); databases are created as that admin
//! only (an anonymous database creation crashes PouchDB Server).

use super::{GroupChild, Scratch, free_port, wait_for_port};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The server admin.
pub const ADMIN: &str = "founder";
/// The server admin's password.
pub const ADMIN_PASSWORD: &str = "founder-secret";

/// A running PouchDB Server.
pub struct CouchServer {
    child: Option<GroupChild>,
    scratch: Scratch,
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    port: u16,
}

fn binary() -> PathBuf {
    if let Some(p) = std::env::var_os("LEADPACT_POUCHDB_SERVER") {
        return PathBuf::from(p);
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.join(".tools/node_modules/.bin/pouchdb-server")
}

fn basic(user: &str, password: &str) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = format!("{user}:{password}").into_bytes();
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            out.push(if i <= c.len() {
                T[(n >> (18 - 6 * i)) as usize & 63] as char
            } else {
                '='
            });
        }
    }
    out
}

impl CouchServer {
    /// Starts the server and gives it its admin.
    pub fn start() -> CouchServer {
        let bin = binary();
        assert!(
            bin.exists(),
            "no PouchDB Server at {} — run `make test` (or `make tools`) to install it",
            bin.display()
        );
        let scratch = Scratch::new("couch");
        let port = free_port();
        std::fs::create_dir_all(scratch.path().join("data")).expect("data dir");
        let mut server = CouchServer {
            child: None,
            scratch,
            url: format!("http://127.0.0.1:{port}"),
            port,
        };
        server.spawn();
        // Admin party ends: the first call names the server admin.
        let (status, body) = server.call(
            "PUT",
            &format!("/_config/admins/{ADMIN}"),
            Some(&format!("\"{ADMIN_PASSWORD}\"")),
            None,
        );
        assert_eq!(status, 200, "set the server admin: {body}");
        // A session secret of its own, kept in its config.json: sessions
        // survive a restart, as with CouchDB.
        let (status, body) = server.admin(
            "PUT",
            "/_config/couch_httpd_auth/secret",
            Some("\"leadpact-e2e-session-secret\""),
        );
        assert_eq!(status, 200, "set the session secret: {body}");
        server
    }

    /// Starts the server process (its data and config in the scratch dir).
    fn spawn(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.scratch.path().join("server.log"))
            .expect("log");
        let mut cmd = Command::new(binary());
        cmd.current_dir(self.scratch.path())
            .arg("--dir")
            .arg(self.scratch.path().join("data"))
            .args([
                "--port",
                &self.port.to_string(),
                "-o",
                "127.0.0.1",
                "--no-color",
            ])
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_or(Stdio::null(), Stdio::from))
            .stderr(Stdio::from(log));
        self.child = Some(GroupChild::spawn(&mut cmd).expect("spawn pouchdb-server"));
        wait_for_port(self.port, "pouchdb-server");
    }

    /// Stops the server (killed, as a crash would) and starts it again on
    /// the same port with the same data.
    pub fn restart(&mut self) {
        self.child = None;
        self.spawn();
    }

    /// Its log (for failure messages).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.scratch.path().join("server.log")).unwrap_or_default()
    }

    /// One request: (status, body). `auth`: (user, password).
    pub fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        auth: Option<(&str, &str)>,
    ) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        let body = body.unwrap_or("");
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
            self.port,
            body.len()
        );
        if let Some((u, p)) = auth {
            request.push_str(&format!("Authorization: Basic {}\r\n", basic(u, p)));
        }
        request.push_str("\r\n");
        request.push_str(body);
        stream.write_all(request.as_bytes()).expect("send");
        let mut reply = String::new();
        let _ = stream.read_to_string(&mut reply);
        let status = reply
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = reply
            .split("\r\n\r\n")
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        (status, body)
    }

    /// The same request as the server admin.
    pub fn admin(&self, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
        self.call(method, path, body, Some((ADMIN, ADMIN_PASSWORD)))
    }

    /// Creates a server user.
    pub fn create_user(&self, name: &str, password: &str) {
        let doc =
            serde_json::json!({ "name": name, "password": password, "roles": [], "type": "user" });
        let (status, body) = self.admin(
            "PUT",
            &format!("/_users/org.couchdb.user:{name}"),
            Some(&doc.to_string()),
        );
        assert!(
            status == 201 || status == 200,
            "create user {name}: {status} {body}"
        );
    }

    /// How many documents of ours (not design documents) `db` holds.
    pub fn doc_ids(&self, db: &str) -> Vec<String> {
        let (status, body) = self.admin("GET", &format!("/{db}/_all_docs"), None);
        assert_eq!(status, 200, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
        v["rows"]
            .as_array()
            .map(|rows| {
                rows.iter()
                    .filter_map(|r| r["id"].as_str())
                    .filter(|id| !id.starts_with("_design/"))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}
