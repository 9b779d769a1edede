// `make lighthouse`: Lighthouse on the release build served with gzip (as
// GitHub Pages serves it), mobile and desktop, three runs each; prints the
// median score of each category and the median of the main metrics.
// Throttling is Lighthouse's default (simulated: a fast load observed, then
// a slow phone modelled); `devtools` throttles the real load instead, so the
// paints measured are the ones a slow phone would see.
//
//   node tools/lighthouse.mjs <dist dir> <lighthouse bin> [runs] [simulate|devtools]
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [dist, lighthouse, runsArg, throttling = "simulate"] = process.argv.slice(2);
if (!dist || !lighthouse) {
  console.error("usage: node tools/lighthouse.mjs <dist dir> <lighthouse bin> [runs]");
  process.exit(2);
}
const runs = Number(runsArg ?? 3);
const here = dirname(fileURLToPath(import.meta.url));

const port = await new Promise((ok) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const p = s.address().port;
    s.close(() => ok(p));
  });
});
const server = spawn(process.execPath, [join(here, "serve-gzip.mjs"), dist, String(port)], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((ok) => server.stdout.once("data", ok));
const scratch = mkdtempSync(join(tmpdir(), "lp-lighthouse-"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const metrics = [
  ["first-contentful-paint", "FCP"],
  ["largest-contentful-paint", "LCP"],
  ["total-blocking-time", "TBT"],
  ["cumulative-layout-shift", "CLS"],
  ["speed-index", "SI"],
];

try {
  for (const form of ["mobile", "desktop"]) {
    const reports = [];
    for (let i = 0; i < runs; i++) {
      const out = join(scratch, `${form}-${i}.json`);
      const args = [
        `http://127.0.0.1:${port}/`,
        "--quiet",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--output=json",
        `--throttling-method=${throttling}`,
        `--output-path=${out}`,
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir=${join(scratch, `profile-${form}-${i}`)}`,
      ];
      if (form === "desktop") args.push("--preset=desktop");
      const run = spawnSync(lighthouse, args, {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium", TMPDIR: scratch },
        stdio: ["ignore", "ignore", "inherit"],
      });
      if (run.status !== 0) throw new Error(`lighthouse failed (${form}, run ${i + 1})`);
      reports.push(JSON.parse(readFileSync(out, "utf8")));
    }
    const scores = Object.keys(reports[0].categories).map(
      (k) => `${k} ${median(reports.map((r) => Math.round(r.categories[k].score * 100)))}`,
    );
    const values = metrics.map(([id, label]) => {
      const v = median(reports.map((r) => r.audits[id].numericValue));
      return id === "cumulative-layout-shift" ? `${label} ${v.toFixed(3)}` : `${label} ${Math.round(v)} ms`;
    });
    console.log(`${form}, ${throttling} (median of ${runs}): ${scores.join(", ")}; ${values.join(", ")}`);
  }
} finally {
  server.kill();
  rmSync(scratch, { recursive: true, force: true });
}
