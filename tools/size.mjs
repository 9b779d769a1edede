// Prints raw / gzip -9 / brotli bytes of every file of a build, and the
// first load: index.html and every script, stylesheet and wasm module it
// references (what a first visit downloads before the app runs).
// With --budget <bytes>, exits 1 when the first load (gzip) is larger.
//
//   node tools/size.mjs <dist> [--budget <bytes>]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const [dist, flag, value] = process.argv.slice(2);
if (!dist) {
  console.error("usage: node tools/size.mjs <dist> [--budget <bytes>]");
  process.exit(2);
}
const budget = flag === "--budget" ? Number(value) : null;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length,
});

// The first load: index.html, what it names, and the JS modules those
// import statically (the split's loader, imported by the glue); not the
// lazily loaded modules, fetched when their page opens.
const html = readFileSync(join(dist, "index.html"), "utf8");
const local = (ref, from) => {
  if (/^[a-z]+:/i.test(ref)) return null;
  const base = ref.startsWith("/") ? "" : from.includes("/") ? from.replace(/[^/]*$/, "") : "";
  const parts = [];
  for (const part of (base + ref).split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
};
const all = new Set([...files(dist)].map((p) => relative(dist, p).split("\\").join("/")));
// Names in index.html are under the public URL (/ or /leadpact/): match
// them by their tail.
const named = (ref) => {
  const path = local(ref, "");
  if (path === null) return null;
  for (let tail = path; ; tail = tail.replace(/^[^/]*\//, "")) {
    if (all.has(tail)) return tail;
    if (!tail.includes("/")) return null;
  }
};
const referenced = new Set();
const queue = [...html.matchAll(/([\w./-]+\.(?:js|wasm|css))\b/g)].map((m) => named(m[1])).filter(Boolean);
while (queue.length > 0) {
  const name = queue.pop();
  if (referenced.has(name)) continue;
  referenced.add(name);
  if (!name.endsWith(".js")) continue;
  const code = readFileSync(join(dist, name), "utf8");
  for (const m of code.matchAll(/\b(?:import|export)\b[^'"`;]*?\bfrom\s*["'`]([^"'`]+)["'`]|\bimport\s*["'`]([^"'`]+)["'`]/g)) {
    const path = local(m[1] ?? m[2], name);
    if (path !== null && all.has(path)) queue.push(path);
  }
}
const rows = [];
for (const path of files(dist)) {
  const name = relative(dist, path).split("\\").join("/");
  const first = name === "index.html" || referenced.has(name);
  rows.push({ name, first, ...sizes(readFileSync(path)) });
}
rows.sort((a, b) => b.gzip - a.gzip);
const pad = (s, n) => String(s).padStart(n);
console.log(`${"file".padEnd(48)} ${pad("raw", 10)} ${pad("gzip -9", 10)} ${pad("brotli", 10)}  first load`);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(48)} ${pad(r.raw, 10)} ${pad(r.gzip, 10)} ${pad(r.brotli, 10)}  ${r.first ? "yes" : ""}`,
  );
}
const total = (k) => rows.filter((r) => r.first).reduce((s, r) => s + r[k], 0);
console.log(
  `${"first load".padEnd(48)} ${pad(total("raw"), 10)} ${pad(total("gzip"), 10)} ${pad(total("brotli"), 10)}`,
);
if (budget !== null) {
  if (!(budget > 0)) {
    console.error(`not a budget: ${value}`);
    process.exit(2);
  }
  if (total("gzip") > budget) {
    console.error(
      `The first load is ${total("gzip")} bytes gzip, over its budget of ${budget} (tools/size-budget). Make it smaller, or raise the budget in the same commit and say why.`,
    );
    process.exit(1);
  }
  console.log(`within the budget of ${budget} bytes gzip (tools/size-budget)`);
}
