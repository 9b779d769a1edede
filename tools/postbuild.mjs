// Trunk's post-build hook (Trunk.toml): finishes a build in its staging dir.
// - The wasm is split: the pages opened less often become modules of their
//   own, loaded when opened (tools/split.mjs, src/ui/lazy.rs); in a release
//   build the JS is minified by terser (Trunk's own minifier fails on
//   wasm-bindgen's output and leaves it whole).
// - A release build gets its Content-Security-Policy as a <meta> (GitHub
//   Pages sends no headers), with the hash of each inline script Trunk
//   wrote; a debug build (trunk serve, whose live reload is an inline
//   script) gets none.
// - sw.js: the service worker (tools/sw-template.js) with this build's
//   files and a version made from their contents.
// - The stylesheet (Trunk's, minified in a release build) is inlined: the
//   first paint (the page's skeleton or welcome) waits for nothing but
//   index.html — on a phone's network one round trip less before anything
//   shows.
// - The wasm is fetched once the page has painted (the welcome or the
//   skeleton, which need none of it): instead of Trunk's preload, an inline
//   script starts the fetch at the browser's first-contentful-paint entry
//   (at once where the page is hidden or the browser reports no paint; at
//   the latest when it is hidden or a second has passed).
//   Measured: on a fast connection the preloaded wasm arrived before the
//   first paint was presented, and Lighthouse's model then had the paint
//   wait for its 428 KB (mobile LCP 3.2 s instead of 1.0 s); on slow 4G
//   Today shows ≈ 50 ms later (BENCHMARKS.md, "Lighthouse").
// - 404.html: the app itself, so a reload on a deep link boots the app.
//
//   node tools/postbuild.mjs <staging dir>
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { split } from "./split.mjs";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("usage: node tools/postbuild.mjs <staging dir>");
  process.exit(2);
}
const release = (process.env.TRUNK_PROFILE ?? "release") === "release";
const sha = (data, enc) => createHash("sha256").update(data).digest(enc);

// Trunk's index.html, without a policy a previous build may have left.
let html = readFileSync(join(dir, "index.html"), "utf8").replace(
  /<meta http-equiv="Content-Security-Policy"[^>]*>/g,
  "",
);
const here = dirname(fileURLToPath(import.meta.url));
// The lazily loaded pages cut out of the wasm, Trunk's glue and wasm
// replaced by the split's (minified in a release build): tools/split.mjs.
html = await split(dir, html, { root: join(here, ".."), release });
const sheets = [...html.matchAll(/<link\b[^>]*\brel="?stylesheet\b[^>]*>/g)].map((m) => m[0]);
if (sheets.length !== 1) {
  console.error(`postbuild: index.html names ${sheets.length} stylesheets; one (style/main.css) is inlined`);
  process.exit(1);
}
const sheet = basename(sheets[0].match(/\bhref="?([^"\s>]+)/)[1]);
const css = readFileSync(join(dir, sheet), "utf8");
if (css.includes("</")) {
  console.error(`postbuild: ${sheet} holds "</", which would end its <style> early`);
  process.exit(1);
}
html = html.replace(sheets[0], () => `<style>${css}</style>`);
rmSync(join(dir, sheet));
const wasmPreload = /<link\b(?=[^>]*\brel="?preload\b)(?=[^>]*\.wasm\b)[^>]*>/;
const wasmPath = /module_or_path: '([^']+\.wasm)'/;
if (!wasmPreload.test(html) || !wasmPath.test(html)) {
  console.error("postbuild: index.html has no preload of the wasm, or no start script naming it");
  process.exit(1);
}
const wasmUrl = html.match(wasmPath)[1];
// A classic script (run as the parser meets it, not after the module
// graph's downloads) starts the fetch; the start script hands the promise
// of its response to wasm-bindgen's init. Without the preload's integrity,
// as Trunk's own fetch: a checked body is held until its last byte, and
// the wasm was then compiled in one long task instead of while it streamed
// in (measured: 48 ms more of the start's longest task, 4× slower CPU).
//
// The paint entry may never come (a browser may skip paint timing for a
// page hidden before its first paint): the fetch also starts when the page
// is hidden, and one second after this script at the latest, so the app
// always starts.
const wasmFetch = `<script>self.leadpactWasm = new Promise(function (go) {
  var started = false;
  function start() { if (!started) { started = true; go(fetch("${wasmUrl}")); } }
  var types = (self.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (document.visibilityState !== "visible" || types.indexOf("paint") < 0) return start();
  new PerformanceObserver(function (list, seen) {
    if (list.getEntriesByName("first-contentful-paint").length) { seen.disconnect(); start(); }
  }).observe({ type: "paint", buffered: true });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState !== "visible") start(); });
  setTimeout(start, 1000);
});</script>`;
html = html
  .replace(wasmPreload, "")
  .replace(/<script type="?module"?>/, (m) => wasmFetch + m)
  .replace(wasmPath, "module_or_path: self.leadpactWasm");
writeFileSync(join(dir, "index.html"), html);
if (release) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${sha(m[1], "base64")}'`,
  );
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
    // Leptos sets style attributes (the virtual list's heights).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    // The team's sync server: https anywhere, http only on this computer.
    "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
  const charset = /<meta charset="?utf-8"?\s*\/?>/i;
  if (!charset.test(html)) {
    console.error("postbuild: index.html has no <meta charset>; the CSP goes right after it");
    process.exit(1);
  }
  html = html.replace(charset, (m) => m + meta);
  writeFileSync(join(dir, "index.html"), html);
}

function* files(d) {
  for (const name of readdirSync(d)) {
    if (name.startsWith(".")) continue;
    const path = join(d, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
const cached = [...files(dir)]
  .map((p) => relative(dir, p).split("\\").join("/"))
  .filter((name) => name !== "sw.js" && name !== "404.html")
  .sort();
const version = sha(
  cached.map((name) => name + ":" + sha(readFileSync(join(dir, name)), "hex")).join("\n"),
  "hex",
).slice(0, 16);
const sw = readFileSync(join(here, "sw-template.js"), "utf8")
  .replace("__VERSION__", version)
  .replace("__FILES__", JSON.stringify(cached.map((name) => "./" + name)));
writeFileSync(join(dir, "sw.js"), sw);
writeFileSync(join(dir, "404.html"), html);
console.log(`postbuild: ${cached.length} files precached (version ${version})${release ? ", CSP set" : ""}`);
