// Serves a built dist as GitHub Pages does, gzip included (Lighthouse
// measures what a phone downloads): a file as is, a directory by its
// index.html, anything else 404.html with status 404; gzip -9 when the
// browser accepts it.
//
//   node tools/serve-gzip.mjs <dir> <port>
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const [dir, port] = process.argv.slice(2);
if (!dir || !port) {
  console.error("usage: node tools/serve-gzip.mjs <dir> <port>");
  process.exit(2);
}
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".json": "application/json",
};
const cache = new Map();

function file(path) {
  try {
    if (statSync(path).isDirectory()) path = join(path, "index.html");
    return { path, body: readFileSync(path) };
  } catch {
    return undefined;
  }
}

createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  const safe = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
  let found = file(join(dir, safe));
  let status = 200;
  if (!found) {
    found = file(join(dir, "404.html"));
    status = 404;
  }
  if (!found) {
    res.writeHead(404).end();
    return;
  }
  const headers = {
    "Content-Type": types[extname(found.path)] ?? "application/octet-stream",
    "Cache-Control": "max-age=600",
  };
  let body = found.body;
  if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    if (!cache.has(found.path)) cache.set(found.path, gzipSync(body, { level: 9 }));
    body = cache.get(found.path);
    headers["Content-Encoding"] = "gzip";
    headers["Vary"] = "Accept-Encoding";
  }
  res.writeHead(status, headers).end(body);
}).listen(Number(port), "127.0.0.1", () => console.log(`serving ${dir} on http://127.0.0.1:${port}/`));
