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
// - 404.html: the app itself, so a reload on a deep link boots the app.
//
//   node tools/postbuild.mjs <staging dir>
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
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
