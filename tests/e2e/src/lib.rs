//! The end-to-end harness: child processes in their own process group (killed
//! with the whole group on drop, also when a test panics), chromedriver with a
//! private Chromium profile, and page objects that find elements by `data-testid`.

pub mod couch;
pub mod pages;

use fantoccini::{Client, ClientBuilder};
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A child process leading its own process group; drop kills the whole group.
pub struct GroupChild {
    child: Child,
}

impl GroupChild {
    /// Spawns `cmd` as the leader of a new process group.
    pub fn spawn(cmd: &mut Command) -> std::io::Result<GroupChild> {
        cmd.process_group(0)
            .spawn()
            .map(|child| GroupChild { child })
    }
}

impl Drop for GroupChild {
    fn drop(&mut self) {
        let pgid = self.child.id() as libc::pid_t;
        // SAFETY: killpg only sends a signal to the group this struct created.
        unsafe {
            libc::killpg(pgid, libc::SIGKILL);
        }
        let _ = self.child.wait();
    }
}

/// A scratch directory for one browser (profile, caches, temp files), removed on drop.
pub struct Scratch(PathBuf);

impl Scratch {
    /// A fresh directory in the system temp dir. The path is kept short on
    /// purpose: Chromium puts a UNIX socket under TMPDIR, and socket paths are
    /// limited to 108 bytes.
    pub fn new(label: &str) -> Scratch {
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("lp-{label}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("tmp")).expect("create scratch dir");
        Scratch(dir)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if std::env::var_os("LEADPACT_E2E_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// The GitHub-Pages-like server (`pages-server`) serving `dir` under `prefix`.
pub struct PagesServer {
    _child: GroupChild,
    /// Base URL, e.g. `http://127.0.0.1:4711/leadpact/`.
    pub url: String,
}

impl PagesServer {
    /// Starts the server binary `bin` (an integration test passes
    /// `env!("CARGO_BIN_EXE_pages-server")`) and waits until it listens.
    pub fn start(bin: &str, dir: &Path, prefix: &str) -> PagesServer {
        assert!(
            dir.join("index.html").is_file(),
            "no release build in {} — run `make build-e2e` (or `make test`) first",
            dir.display()
        );
        let mut cmd = Command::new(bin);
        cmd.arg(dir).arg(prefix).stdout(Stdio::piped());
        let mut child = GroupChild::spawn(&mut cmd).expect("spawn pages-server");
        let stdout = child.child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read port");
        let port: u16 = line.trim().parse().expect("pages-server prints its port");
        PagesServer {
            _child: child,
            url: format!("http://127.0.0.1:{port}{prefix}"),
        }
    }
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub(crate) fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "{what} did not start listening on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A small filesystem (tmpfs) for a browser profile, to play a nearly full
/// device: [`SmallDisk::fill`] takes every free byte, [`SmallDisk::free`]
/// gives them back. Unmounted on drop. Needs root (as `make test` runs in CI)
/// or a user namespace.
pub struct SmallDisk {
    dir: PathBuf,
}

impl SmallDisk {
    /// Mounts a tmpfs of `mib` MiB.
    pub fn mount(label: &str, mib: u32) -> SmallDisk {
        let dir = std::env::temp_dir().join(format!("lp-disk-{label}-{}", std::process::id()));
        let _ = Command::new("umount")
            .arg(&dir)
            .stderr(Stdio::null())
            .status();
        std::fs::create_dir_all(&dir).expect("create the mount point");
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mib}m"), "tmpfs"])
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "could not mount a {mib} MiB tmpfs on {} for the full-disk journeys: \
             they need root (or CAP_SYS_ADMIN), as `make test` has in CI",
            dir.display()
        );
        SmallDisk { dir }
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Free bytes left.
    pub fn free_bytes(&self) -> u64 {
        let c = std::ffi::CString::new(self.dir.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: statvfs writes into the zeroed struct we own.
        unsafe {
            let mut st: libc::statvfs = std::mem::zeroed();
            if libc::statvfs(c.as_ptr(), &mut st) != 0 {
                return 0;
            }
            st.f_bavail as u64 * st.f_frsize as u64
        }
    }

    /// Fills the disk: writes ballast until the filesystem refuses, so the
    /// next write by anyone fails with "no space left".
    pub fn fill(&self) {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join("ballast"))
            .expect("open the ballast");
        for size in [1 << 20, 64 << 10, 4 << 10, 512] {
            let block = vec![0x5a_u8; size];
            while f.write_all(&block).is_ok() {}
        }
        let _ = f.flush();
    }

    /// Gives the ballast's space back.
    pub fn free(&self) {
        let _ = std::fs::remove_file(self.dir.join("ballast"));
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A Chrome DevTools Protocol command, sent through chromedriver.
#[derive(Debug)]
pub struct Cdp {
    /// The method, e.g. `Storage.clearDataForOrigin`.
    pub cmd: &'static str,
    /// Its parameters.
    pub params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Cuts (or restores) the page's network, as DevTools does.
pub async fn set_offline(c: &Client, offline: bool) {
    c.issue_cmd(Cdp {
        cmd: "Network.enable",
        params: serde_json::json!({}),
    })
    .await
    .expect("enable network emulation");
    c.issue_cmd(Cdp {
        cmd: "Network.emulateNetworkConditions",
        params: serde_json::json!({
            "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1
        }),
    })
    .await
    .expect("emulate the network");
}

/// chromedriver plus one headless Chromium session with a private profile.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    _driver: GroupChild,
    _scratch: Scratch,
}

impl Browser {
    /// Starts chromedriver and a Chromium session.
    pub async fn start(label: &str) -> Browser {
        Browser::start_with_profile(label, None).await
    }

    /// Starts chromedriver and a Chromium session whose profile (where
    /// IndexedDB lives) is `profile` when given.
    pub async fn start_with_profile(label: &str, profile: Option<PathBuf>) -> Browser {
        let scratch = Scratch::new(label);
        let dir = scratch.path();
        let profile = profile.unwrap_or_else(|| dir.join("profile"));
        let port = free_port();
        let mut cmd = Command::new("/usr/bin/chromedriver");
        let log = dir.join("chromedriver.log");
        cmd.arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .arg("--enable-chrome-logs")
            .env("TMPDIR", dir.join("tmp"))
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .env("XDG_CACHE_HOME", dir.join("cache"))
            .env("HOME", dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(
                std::fs::File::create(dir.join("browser.stderr"))
                    .map_or(Stdio::null(), Stdio::from),
            );
        let driver = GroupChild::spawn(&mut cmd)
            .expect("spawn /usr/bin/chromedriver (apt-get install chromium-driver)");
        wait_for_port(port, "chromedriver");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "download.default_directory": dir.join("downloads").display().to_string(),
                    "download.prompt_for_download": false
                },
                // A phone hands tel: and mailto: to its dialer and mail app;
                // this machine has neither, and Chromium would ask in an
                // (invisible, input-blocking) dialog: it is told there is
                // nothing to launch.
                "localState": {
                    "protocol_handler": { "excluded_schemes": { "tel": true, "mailto": true } }
                }
            }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|e| {
                let log = std::fs::read_to_string(&log).unwrap_or_default();
                let tail: Vec<&str> = log.lines().rev().take(40).collect();
                let tail: Vec<&str> = tail.into_iter().rev().collect();
                panic!(
                    "no WebDriver session with headless Chromium: {e}\nchromedriver log:\n{}",
                    tail.join("\n")
                )
            });
        // Every page records the Content-Security-Policy violations it
        // reports, from before its own scripts run (see `csp_violations`).
        client
            .issue_cmd(Cdp {
                cmd: "Page.addScriptToEvaluateOnNewDocument",
                params: serde_json::json!({ "source": "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline') + (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : '')));" }),
            })
            .await
            .expect("record CSP violations");
        Browser {
            client,
            _driver: driver,
            _scratch: scratch,
        }
    }

    /// The Content-Security-Policy violations this page reported.
    pub async fn csp_violations(&self) -> Vec<String> {
        let v = self
            .client
            .execute("return window.__cspViolations || []", vec![])
            .await
            .expect("read CSP violations");
        serde_json::from_value(v).unwrap_or_default()
    }

    /// Where this browser saves downloads.
    pub fn downloads(&self) -> PathBuf {
        self._scratch.path().join("downloads")
    }

    /// Waits (10 s at most) for a finished download whose name ends with
    /// `.{ext}` and returns its path.
    pub async fn download(&self, ext: &str) -> PathBuf {
        for _ in 0..200 {
            // Chrome reserves the file's name with an empty file and
            // writes a `.crdownload` beside it: done once that is gone and
            // the file has bytes.
            let files: Vec<PathBuf> = std::fs::read_dir(self.downloads())
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            let writing = files
                .iter()
                .any(|p| p.extension().is_some_and(|x| x == "crdownload"));
            let found = files.into_iter().find(|p| {
                p.extension().is_some_and(|x| x == ext)
                    && std::fs::metadata(p).is_ok_and(|m| m.len() > 0)
            });
            if let (Some(p), false) = (found, writing) {
                return p;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no .{ext} download in {}", self.downloads().display());
    }

    /// Saves a PNG of the page at `width` px to `target/screenshots/<name>-<width>.png`
    /// (a test artifact for people to look at, never committed).
    pub async fn screenshot(&self, name: &str, width: u32) {
        self.client
            .set_window_size(width, 900)
            .await
            .expect("resize window");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        // No page is wider than the window (a region that scrolls on its
        // own, such as the board or a wide table, may be).
        let widths = self
            .client
            .execute(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth, [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.board, .table-scroll, .scroll-x')).slice(0, 5).map(e => e.tagName + '.' + e.className + '[' + (e.dataset.testid || '') + ']')]",
                vec![],
            )
            .await
            .expect("measure the page");
        assert!(
            widths[0].as_u64() <= widths[1].as_u64(),
            "{name} at {width} px is wider than the window (scroll width, window, what sticks out): {widths}"
        );
        let csp = self.csp_violations().await;
        assert!(csp.is_empty(), "{name}: the page broke its CSP: {csp:?}");
        let png = self.client.screenshot().await.expect("take screenshot");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
        std::fs::create_dir_all(&dir).expect("create target/screenshots");
        std::fs::write(dir.join(format!("{name}-{width}.png")), png).expect("write screenshot");
    }

    /// Controls a finger would miss: everything one can tap that is drawn
    /// smaller than 44 × 44 px (a control inside its label counts the
    /// label's area; a link inside a sentence is exempt, as WCAG 2.5.5
    /// exempts inline targets). One line each: what, where, its size.
    pub async fn small_targets(&self) -> Vec<String> {
        let found = self
            .client
            .execute(
                r#"const tappable = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex="0"]';
                   const out = [];
                   for (const e of document.querySelectorAll(tappable)) {
                     const r = e.getBoundingClientRect();
                     const style = getComputedStyle(e);
                     if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
                     if (e.closest('.sr-only, [aria-hidden=true], .skip-link')) continue;
                     if (e.tagName === 'A' && style.display === 'inline' && e.closest('p')) continue;
                     let w = r.width, h = r.height;
                     const label = e.closest('label') || (e.id && document.querySelector(`label[for="${e.id}"]`));
                     if (label) {
                       const l = label.getBoundingClientRect();
                       w = Math.max(w, l.width); h = Math.max(h, l.height);
                     }
                     if (w < 43.5 || h < 43.5) {
                       const near = e.closest('[data-testid]');
                       out.push(e.tagName.toLowerCase() + (e.dataset.testid ? `[${e.dataset.testid}]` : near ? ` in [${near.dataset.testid}]` : '') +
                         (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') +
                         ` "${(e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 24)}"` +
                         ` ${Math.round(w)}×${Math.round(h)}`);
                     }
                   }
                   return out;"#,
                vec![],
            )
            .await
            .expect("measure the targets");
        serde_json::from_value(found).unwrap_or_default()
    }

    /// axe-core's accessibility violations on the page as it is now, one
    /// line each: rule, what it asks, and where (a few selectors). WCAG
    /// 2.2's target size (24 × 24 px, or spaced as far) is checked too.
    pub async fn axe(&self) -> Vec<String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../.tools/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} (make tools installs it): {e}", path.display()));
        self.client
            .execute(&source, vec![])
            .await
            .expect("load axe-core");
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } })
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — ' +
                     v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                   .catch(e => done(['axe-core failed: ' + e]));",
                vec![],
            )
            .await
            .expect("run axe-core");
        serde_json::from_value(found).unwrap_or_default()
    }

    /// Ends the session politely (drop kills everything anyway).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// Serves the release build named by `dist_var` under `prefix` with the
/// `pages-server` binary `server_bin`, and opens `path` (relative to the
/// prefix) in a fresh browser labelled `label`.
pub async fn serve_and_open(
    server_bin: &str,
    dist_var: &str,
    prefix: &str,
    label: &str,
    path: &str,
) -> (PagesServer, Browser) {
    let server = PagesServer::start(server_bin, &dist(dist_var), prefix);
    let browser = Browser::start(label).await;
    browser
        .client
        .goto(&format!("{}{path}", server.url))
        .await
        .unwrap_or_else(|e| panic!("open {prefix}{path}: {e}"));
    (server, browser)
}

/// The release build to test, from the environment `make test-e2e` sets.
pub fn dist(var: &str) -> PathBuf {
    let dir = std::env::var_os(var).unwrap_or_else(|| {
        panic!("{var} is not set: run the end-to-end tests through `make test` (or `make build-e2e test-e2e`)")
    });
    PathBuf::from(dir)
}
