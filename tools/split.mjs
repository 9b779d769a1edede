// The wasm split (src/split.rs), run by tools/postbuild.mjs on a build
// Trunk has just written.
//
// Trunk 0.21 has no step between cargo and wasm-bindgen, where a split must
// happen, so this redoes that part of Trunk's work on the very wasm Trunk's
// cargo built (with `--emit-relocs`: .cargo/config.toml), and replaces
// Trunk's JS glue and wasm with:
//
//   app-<hash>/leadpact.js        wasm-bindgen's glue, for the main module
//   app-<hash>/leadpact_bg.wasm   the main module: all but the split points
//   app-<hash>/__wasm_split.js    the loader of the others, imported by the glue
//   app-<hash>/split_*.wasm       one module per split point (a page, the sync engine)
//   app-<hash>/chunk_*.wasm       code two or more of them share
//
// <hash> is Trunk's own for this build (made from its wasm): one folder per
// build, so no file of one build is ever taken for another's, and the
// loader finds the modules beside it. index.html's references (Trunk's
// preloads, with their integrity, and its start script) are rewritten.
//
// The split modules are kept in target/split-cache/ under a key made of the
// wasm, this script and the profile, so the sub-path's build reuses the
// root's.
//
// The tools: wasm-split-cli (the Makefile installs it), wasm-bindgen and
// wasm-opt (Trunk's), terser (tools/package.json).
import { createHash } from "node:crypto";
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// wasm-opt must accept the features rustc emits for wasm32 by default (and
// no more).
const WASM_OPT = [
  "-Oz",
  "--enable-bulk-memory",
  "--enable-bulk-memory-opt",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-reference-types",
  "--enable-multivalue",
  "--enable-mutable-globals",
];

// Passes before -Oz for the main module (see `build`).
const MAIN_FIRST = ["--flatten", "--rereloop"];

const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

function fail(message) {
  console.error(`postbuild (split): ${message}`);
  process.exit(1);
}

function run(tool, args) {
  try {
    execFileSync(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
  } catch (e) {
    fail(`${tool} ${args.join(" ")} failed: ${e.stderr ?? e.message}`);
  }
}

function runAsync(tool, args) {
  return new Promise((done) =>
    execFile(tool, args, { maxBuffer: 1 << 26 }, (e, _out, stderr) => {
      if (e) fail(`${tool} ${args.join(" ")} failed: ${stderr || e.message}`);
      done();
    }),
  );
}

// The names of a wasm module's custom sections.
function customSections(bytes) {
  const names = [];
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 0) {
      const length = leb();
      names.push(bytes.subarray(at, at + length).toString("utf8"));
    }
    at = end;
  }
  return names;
}

/**
 * Splits the build in `dir` (Trunk's staging dir). `root` is the project,
 * `release` whether this is a release build. Returns index.html rewritten.
 */
export async function split(dir, html, { root, release }) {
  const glue = html.match(/\bhref="?([^"\s>]*?)leadpact-([0-9a-f]+)\.js\b/);
  if (!glue) fail("index.html holds no preload of Trunk's leadpact-<hash>.js");
  const [, prefix, hash] = glue;
  const trunkJs = `leadpact-${hash}.js`;
  const trunkWasm = `leadpact-${hash}_bg.wasm`;
  const folder = `app-${hash}`;
  const out = join(dir, folder);

  const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
  const input = join(target, "wasm32-unknown-unknown", release ? "release" : "debug", "leadpact.wasm");
  if (!existsSync(input)) fail(`no ${input}: the split needs the wasm Trunk's cargo built`);
  const wasm = readFileSync(input);
  const sections = customSections(wasm);
  if (!sections.includes("linking") || !sections.some((s) => s.startsWith("reloc."))) {
    fail(
      `${input} has no relocations: it must be built with -Clink-args=--emit-relocs (.cargo/config.toml); its custom sections: ${sections.join(", ")}`,
    );
  }

  // The same wasm splits the same way: the second build of a release (the
  // sub-path's, or a rebuild with only the page changed) reuses the first's
  // modules. The key covers the wasm, this script and the profile.
  const key = createHash("sha256")
    .update(wasm)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(release ? "release" : "debug")
    .digest("hex")
    .slice(0, 16);
  const caches = join(target, "split-cache");
  const cache = join(caches, key);
  rmSync(out, { recursive: true, force: true });
  if (existsSync(join(cache, ".done"))) {
    cpSync(cache, out, { recursive: true });
    rmSync(join(out, ".done"));
  } else {
    await build();
    rmSync(caches, { recursive: true, force: true });
    cpSync(out, cache, { recursive: true });
    writeFileSync(join(cache, ".done"), "");
  }
  const modules = readdirSync(out).filter((name) => name.endsWith(".wasm"));

  async function build() {
    run("wasm-split-cli", [input, out, "--out-name", "leadpact"]);
    // wasm-split-cli's main module, before wasm-bindgen.
    const main = join(out, "leadpact.wasm");
    run("wasm-bindgen", [
      "--target=web",
      "--keep-lld-exports",
      "--no-demangle",
      "--no-typescript",
      `--out-dir=${out}`,
      "--out-name=leadpact",
      main,
    ]);
    rmSync(main);
    const modules = readdirSync(out).filter((name) => name.endsWith(".wasm"));
    if (release) {
      // The main module takes most of the time; the others run beside it.
      // The main module is the first load: it also gets its control flow
      // flattened and reloopered, then -Oz twice (2.6 KB gzip less than
      // -Oz alone, measured on binaryen 132; about 14 s more).
      await Promise.all(
        modules.map((name) =>
          runAsync("wasm-opt", [
            ...(name === "leadpact_bg.wasm" ? MAIN_FIRST : []),
            ...WASM_OPT,
            ...(name === "leadpact_bg.wasm" ? ["-Oz"] : []),
            join(out, name),
            "-o",
            join(out, name),
          ]),
        ),
      );
      const { minify } = createRequire(join(root, ".tools", "package.json"))("terser");
      for (const name of readdirSync(out).filter((n) => n.endsWith(".js"))) {
        const path = join(out, name);
        const { code } = await minify(readFileSync(path, "utf8"), {
          module: true,
          compress: { passes: 2 },
          format: { comments: false },
        });
        writeFileSync(path, code);
      }
    }
  }

  // index.html: Trunk's glue and wasm become the main module's.
  const replace = (from, to) => {
    if (!html.includes(from)) fail(`index.html does not name ${from}`);
    html = html.split(from).join(to);
  };
  for (const [old, now] of [
    [trunkJs, `${folder}/leadpact.js`],
    [trunkWasm, `${folder}/leadpact_bg.wasm`],
  ]) {
    const before = integrity(readFileSync(join(dir, old)));
    const after = integrity(readFileSync(join(out, now.slice(folder.length + 1))));
    replace(before, after);
    replace(prefix + old, prefix + now);
    rmSync(join(dir, old));
  }
  // The glue imports the loader: fetched beside it, not after it.
  const loader = `${folder}/__wasm_split.js`;
  if (existsSync(join(dir, loader))) {
    const preload = html.match(/<link\b[^>]*\brel="?modulepreload\b[^>]*>/)[0];
    const tag = `<link rel="modulepreload" href="${prefix}${loader}" crossorigin integrity="${integrity(readFileSync(join(dir, loader)))}">`;
    html = html.replace(preload, (m) => m + tag);
  }
  const pages = modules.filter((n) => n.startsWith("split_")).map((n) => n.slice(6, -5));
  const chunks = modules.filter((n) => n.startsWith("chunk_")).length;
  console.log(
    `postbuild: wasm split into ${folder}/: the main module, ${pages.length} split points (${pages.join(", ")}) and ${chunks} chunks they share`,
  );
  return html;
}
