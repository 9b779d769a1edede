//! A static file server that behaves like GitHub Pages, for the e2e tests.
//!
//! `pages-server <dir> <prefix>` serves `<dir>` under `<prefix>` (e.g. `/` or
//! `/leadpact/`) on 127.0.0.1, on a free port it prints as its first line.
//! Like Pages: a file is served as is, a directory by its `index.html`, and any
//! other path under the prefix gets `404.html` with status 404.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(prefix)) = (args.next(), args.next()) else {
        eprintln!("usage: pages-server <dir> <prefix>");
        std::process::exit(2);
    };
    let root = PathBuf::from(dir);
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    println!("{}", listener.local_addr().expect("local address").port());
    for stream in listener.incoming().flatten() {
        let (root, prefix) = (root.clone(), prefix.clone());
        std::thread::spawn(move || {
            match serve(stream, &root, &prefix) {
                // The browser may drop a connection it no longer needs.
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset
                    ) => {}
                Err(e) => eprintln!("pages-server: {e}"),
                Ok(()) => {}
            }
        });
    }
}

fn serve(stream: TcpStream, root: &Path, prefix: &str) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (status, file) = resolve(root, prefix, path);
    let body = match &file {
        Some(f) => std::fs::read(f)?,
        None => b"not found".to_vec(),
    };
    let mime = file.as_deref().map_or("text/plain", mime_of);
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    out.write_all(&body)?;
    out.flush()
}

fn resolve(root: &Path, prefix: &str, path: &str) -> (&'static str, Option<PathBuf>) {
    let not_found = || {
        let page = root.join("404.html");
        ("404 Not Found", page.is_file().then_some(page))
    };
    let Some(rest) = path.strip_prefix(prefix.trim_end_matches('/')) else {
        return ("404 Not Found", None);
    };
    let rel = Path::new(rest.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return not_found();
    }
    let candidate = root.join(rel);
    let file = if candidate.is_dir() {
        candidate.join("index.html")
    } else {
        candidate
    };
    if file.is_file() {
        ("200 OK", Some(file))
    } else {
        not_found()
    }
}

fn mime_of(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}
