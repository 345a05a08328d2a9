// Speed of analyze() in the browser, next to two JavaScript text tools and
// to sourcelight's own native build, printed (no assertions: timings on
// shared machines are noisy; compare the ratios of one run).
//
//     node tests/e2e/speed.mjs [--pkg DIR] [--sourcelight-only]
//
// The texts are the 294 article texts of ../shared/eval/polnear-dev.jsonl
// (SOURCELIGHT_SHARED overrides the shared folder); without it, generated
// wire copy (tests/e2e/longpage.mjs) cut into articles of the same size,
// and the output says so.
//
// In one headless Chromium page, on the same texts, each tool gets a
// warm-up pass and then several timed passes over all texts; the best pass
// gives its MB/s (UTF-8 bytes of text a second; the median is printed too):
// - sourcelight: analyze(text) from dist/pkg (or --pkg DIR, a folder with
//   the same files, e.g. another build to compare), initialised once: the
//   string's way into wasm, the engine, and the report built as JS objects;
// - compromise: nlp(text).quotations().out("array");
// - retext-intensify: retext().use(retextIntensify).processSync(text), and
//   its messages read.
// The two npm packages (devDependencies) are bundled for the browser at run
// time with esbuild into a temporary folder, served with harness.mjs.
//
// To tell the engine from the glue it also prints the cost of one call on
// an empty string, and a least-squares fit of each text's best time to
// a + b * bytes + c * findings: c is what one more finding costs (the rules
// that found it and its report), b the cost of a byte of text on its own
// (rough; on the generated texts, all of one size, it says little).
//
// Native: target/release/sourcelight (from `cargo build --release`; skipped
// with a note when missing) runs `analyze --jsonl` on the same texts; the
// best of five runs less the best of five runs on a one-line file (process
// start, word lists and model loaded) is its time, so it includes reading
// the JSON lines and writing the reports with code-point offsets, the
// native counterpart of the browser's glue. `cargo bench` measures the
// engine alone (benches/analyze.rs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as esbuild from "esbuild";
import { ROOT, serve, browser, page as newPage } from "./harness.mjs";
import { longArticle } from "./longpage.mjs";

const args = process.argv.slice(2);
const pkgAt = args.indexOf("--pkg");
const PKG = pkgAt >= 0 ? resolve(args[pkgAt + 1]) : join(ROOT, "dist", "pkg");
const ONLY = args.includes("--sourcelight-only");
const SHARED = process.env.SOURCELIGHT_SHARED ?? join(ROOT, "..", "shared");
const DEV = join(SHARED, "eval", "polnear-dev.jsonl");
const CLI = join(ROOT, "target", "release", "sourcelight");

/** The texts to measure on, and a line saying where they came from. */
function corpus() {
  if (existsSync(DEV)) {
    const texts = readFileSync(DEV, "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line).text);
    return { texts, origin: `the ${texts.length} articles of ${DEV}` };
  }
  // about the size of PolNeAR dev: 1.4 MB in articles of about 4.8 KB
  const paragraphs = [...longArticle(1_400_000).matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]);
  const texts = [];
  let article = [];
  for (const p of paragraphs) {
    article.push(p);
    if (article.join("\n\n").length >= 4_800) texts.push(article.splice(0).join("\n\n"));
  }
  if (article.length) texts.push(article.join("\n\n"));
  return {
    texts,
    origin: `NOTE: ${DEV} is absent: ${texts.length} articles of GENERATED wire copy (tests/e2e/longpage.mjs); figures are not comparable with runs on PolNeAR`,
  };
}

const { texts, origin } = corpus();
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const version = (name) => JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version;

// the page, its texts and the two npm packages bundled for the browser
const tmp = mkdtempSync(join(tmpdir(), "sourcelight-speed-"));
writeFileSync(join(tmp, "index.html"), "<!doctype html><meta charset=utf-8><title>speed</title>");
writeFileSync(join(tmp, "texts.json"), JSON.stringify(texts));
if (!ONLY) {
  await esbuild.build({
    stdin: {
      contents: `
        import nlp from "compromise";
        import { retext } from "retext";
        import retextIntensify from "retext-intensify";
        export { nlp };
        export const intensify = retext().use(retextIntensify);`,
      resolveDir: ROOT,
    },
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    outfile: join(tmp, "others.js"),
    logLevel: "error",
  });
}
const site = await serve(tmp);
const pkg = await serve(PKG);
const b = await browser();
const page = await newPage(b);
await page.goto(`${site.url}index.html`);

const r = await page.evaluate(
  async ([pkgUrl, only]) => {
    const texts = await (await fetch("texts.json")).json();
    const sl = await import(`${pkgUrl}index.js`);
    await sl.default({ module_or_path: `${pkgUrl}sourcelight_bg.wasm` });
    /**
     * Runs `f` over every text: one warm-up pass, then `passes` timed ones;
     * the time of each pass, each text's best time, and what `f` counted.
     */
    const time = (f, passes) => {
      let count = 0;
      for (const t of texts) count += f(t);
      const totals = [];
      const each = texts.map(() => Infinity);
      for (let p = 0; p < passes; p++) {
        const start = performance.now();
        for (let i = 0; i < texts.length; i++) {
          const t0 = performance.now();
          f(texts[i]);
          each[i] = Math.min(each[i], performance.now() - t0);
        }
        totals.push(performance.now() - start);
      }
      return { totals, each, count };
    };
    const out = {};
    out.findings = texts.map((t) => sl.analyze(t).findings.length);
    out.sourcelight = time((t) => sl.analyze(t).findings.length, 7);
    // the cost of a call on its own: an empty string in, an empty report out
    sl.analyze("");
    const calls = 20_000;
    let start = performance.now();
    for (let i = 0; i < calls; i++) sl.analyze("");
    out.emptyCallUs = ((performance.now() - start) * 1000) / calls;
    if (!only) {
      const { nlp, intensify } = await import("./others.js");
      out.compromise = time((t) => nlp(t).quotations().out("array").length, 3);
      out.retext = time((t) => intensify.processSync(t).messages.length, 3);
    }
    return out;
  },
  [pkg.url, ONLY],
);
if (page.problems.length) console.log(page.problems.join("\n"));
await b.close();
site.close();
pkg.close();

/** Runs the native command line on `docs` texts, `runs` times: the best time in ms. */
function native(docs, runs) {
  const file = join(tmp, `native-${docs.length}.jsonl`);
  writeFileSync(file, docs.map((text, i) => JSON.stringify({ id: String(i), text })).join("\n") + "\n");
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(CLI, ["analyze", "--jsonl", file], { maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${CLI} failed: ${run.stderr}`);
    best = Math.min(best, ms);
  }
  return best;
}
let nativeMs = null;
let startupMs = null;
if (existsSync(CLI)) {
  startupMs = native(["A short text, she said."], 5);
  nativeMs = native(texts, 5) - startupMs;
}
rmSync(tmp, { recursive: true, force: true });

const best = (t) => Math.min(...t.totals);
const median = (t) => [...t.totals].sort((a, b) => a - b)[Math.floor(t.totals.length / 2)];
const mbs = (ms) => bytes / 1e6 / (ms / 1e3);
const line = (label, t, unit) =>
  `${label.padEnd(34)} ${mbs(best(t)).toFixed(2).padStart(7)} MB/s  (best ${best(t).toFixed(0)} ms, ` +
  `median ${median(t).toFixed(0)} ms of ${t.totals.length} passes; ${t.count} ${unit})`;

/** Least squares of each text's best time on [1, bytes, findings]. */
function fit(each, sizes, findings) {
  const rows = each.map((y, i) => [1, sizes[i], findings[i], y]);
  const m = [0, 1, 2].map((i) => [0, 1, 2].map((j) => rows.reduce((s, r) => s + r[i] * r[j], 0)));
  const v = [0, 1, 2].map((i) => rows.reduce((s, r) => s + r[i] * r[3], 0));
  // Gaussian elimination on the 3x3 normal equations
  for (let c = 0; c < 3; c++) {
    for (let r = c + 1; r < 3; r++) {
      const k = m[r][c] / m[c][c];
      for (let j = c; j < 3; j++) m[r][j] -= k * m[c][j];
      v[r] -= k * v[c];
    }
  }
  const x = [0, 0, 0];
  for (let c = 2; c >= 0; c--) x[c] = (v[c] - m[c].slice(c + 1).reduce((s, a, j) => s + a * x[c + 1 + j], 0)) / m[c][c];
  return x;
}

console.log(`sourcelight speed in headless Chromium (${spawnSync("/usr/bin/chromium", ["--version"]).stdout.toString().trim()})`);
console.log(`texts: ${origin}`);
console.log(`${texts.length} texts, ${bytes} bytes of text (UTF-8), ${texts.reduce((n, t) => n + t.length, 0)} UTF-16 code units`);
console.log(`package: ${PKG}`);
const sl = r.sourcelight;
console.log(line("sourcelight analyze()", sl, "findings"));
if (!ONLY) {
  console.log(line(`compromise ${version("compromise")} quotations()`, r.compromise, "quotations"));
  console.log(line(`retext-intensify ${version("retext-intensify")}`, r.retext, "messages"));
  console.log(`ratio sourcelight / compromise:       ${(best(r.compromise) / best(sl)).toFixed(2)}x`);
  console.log(`ratio sourcelight / retext-intensify: ${(best(r.retext) / best(sl)).toFixed(2)}x`);
}
if (nativeMs !== null) {
  console.log(
    `native (target/release/sourcelight analyze --jsonl): ${mbs(nativeMs).toFixed(2)} MB/s ` +
      `(best of 5: ${(nativeMs + startupMs).toFixed(0)} ms less ${startupMs.toFixed(0)} ms for a one-line file)`,
  );
  console.log(`ratio browser / native: ${(mbs(best(sl)) / mbs(nativeMs)).toFixed(2)} (native is ${(best(sl) / nativeMs).toFixed(2)}x as fast)`);
} else {
  console.log(`native: skipped (${CLI} is missing: cargo build --release)`);
}
const sizes = texts.map((t) => Buffer.byteLength(t));
const [a, perByte, perFinding] = fit(sl.each, sizes, r.findings);
const total = sl.each.reduce((s, x) => s + x, 0);
const nFindings = r.findings.reduce((s, x) => s + x, 0);
console.log("where analyze()'s time goes, seen from JavaScript:");
console.log(`  one call on an empty string: ${r.emptyCallUs.toFixed(1)} us (x ${texts.length} texts = ${((r.emptyCallUs * texts.length) / 1000).toFixed(1)} ms of ${total.toFixed(0)} ms)`);
console.log(
  `  fit of each text's best time: ${(a * 1000).toFixed(0)} us a text + ${(perByte * 1e6).toFixed(0)} us a KB ` +
    `+ ${(perFinding * 1000).toFixed(0)} us a finding (${nFindings} findings: ${((perFinding * nFindings * 100) / total).toFixed(0)}% of the time; ` +
    `bytes ${((perByte * bytes * 100) / total).toFixed(0)}%)`,
);
