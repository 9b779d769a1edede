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

const html = readFileSync(join(dist, "index.html"), "utf8");
const referenced = new Set(
  [...html.matchAll(/([\w./-]+\.(?:js|wasm|css))\b/g)].map((m) =>
    m[1].replace(/^\.?\//, "").replace(/^.*\//, ""),
  ),
);
const rows = [];
for (const path of files(dist)) {
  const name = relative(dist, path);
  const first = name === "index.html" || referenced.has(name.replace(/^.*\//, ""));
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
