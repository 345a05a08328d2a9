// Widget speed and memory in headless Chromium, printed (no assertions:
// timings on shared machines are noisy). For the demo article and the
// largest shared pages, and a generated article of about 600 KB of text:
// the time from highlight() to painted, the first
// time on the page and again, the longest main-thread task while the module
// loads and while each highlight is painted and cleared (the Long Tasks
// API: tasks over 50 ms), and wasm memory before and after 100
// highlight/clear cycles.
//
//     node tests/e2e/bench.mjs
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, browser, page as newPage } from "./harness.mjs";
import { longArticle } from "./longpage.mjs";

const SHARED = process.env.SOURCELIGHT_SHARED ?? join(ROOT, "..", "shared");
const PAGES = join(SHARED, "pages");

const widget = await serve(join(ROOT, "dist"));
const pages = existsSync(PAGES) ? await serve(PAGES) : null;
const b = await browser();

/**
 * Loads the widget module into the page, watching the main thread's long
 * tasks (over 50 ms) from before the import on; returns when it started.
 */
async function loadWidget(page) {
  return page.evaluate(async (base) => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
    const started = performance.now();
    const m = await import(`${base}pkg/index.js`);
    window.__wasm = await m.default({ module_or_path: `${base}pkg/sourcelight_bg.wasm` });
    window.__sourcelight = m;
    return started;
  }, widget.url);
}

/** Measures the widget on the page at `url` (served from `html` when given). */
async function measure(label, url, root, html) {
  const page = await newPage(b);
  if (html) await page.route(url, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(url, { waitUntil: "load" });
  const loaded = await loadWidget(page);
  const r = await page.evaluate(async ([root, loaded]) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    // long-task entries arrive a little after their task
    const longest = async (from, to) => {
      await sleep(200);
      const within = window.__tasks.filter((t) => t.start >= from && t.start < to);
      return Math.max(0, ...within.map((t) => t.duration));
    };
    const el = root ? document.querySelector(root) : undefined;
    const initTask = await longest(loaded, performance.now());
    // the first highlight on the page, then a second one, each with its clear()
    // highlight() is called at the start of a task of its own, after a
    // pause, so that the long tasks counted from `from` are its own
    const run = async () => {
      const from = performance.now();
      await sleep(100);
      const t0 = performance.now();
      const h = window.__sourcelight.highlight(el);
      const call = performance.now() - t0;
      await h.ready();
      await frame();
      await frame();
      const painted = performance.now() - t0;
      const paintedAt = performance.now();
      await sleep(0); // out of the frame's task
      const result = { call, painted, findings: h.findings().length, stats: h.stats(), chars: h.text().length, mode: h.mode() };
      const cleared = performance.now();
      h.clear();
      h.free();
      await frame();
      result.task = await longest(from + 50, paintedAt);
      result.clearTask = await longest(cleared, performance.now());
      return result;
    };
    const first = await run();
    const again = await run();
    // memory: warm up, then 100 cycles
    const cycle = async () => {
      const h = window.__sourcelight.highlight(el);
      await h.ready();
      h.clear();
      h.free();
    };
    for (let i = 0; i < 10; i++) await cycle();
    const before = window.__wasm.memory.buffer.byteLength;
    for (let i = 0; i < 100; i++) await cycle();
    const after = window.__wasm.memory.buffer.byteLength;
    return { initTask, first, again, before, after };
  }, [root, loaded]);
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  const task = (ms) => (ms ? `${ms.toFixed(0)} ms` : "none over 50 ms");
  const { first, again } = r;
  console.log(
    `${label}: ${first.chars} chars, ${first.findings} findings (${first.mode})\n` +
      `  first highlight: ${first.call.toFixed(1)} ms in highlight(), painted after ${first.painted.toFixed(1)} ms, ` +
      `${first.stats.slices} slices, longest slice ${first.stats.longestSliceMs.toFixed(1)} ms\n` +
      `  again:           ${again.call.toFixed(1)} ms in highlight(), painted after ${again.painted.toFixed(1)} ms, ` +
      `${again.stats.slices} slices, longest slice ${again.stats.longestSliceMs.toFixed(1)} ms\n` +
      `  longest main-thread task (incl. the browser's style and layout): loading the module ${task(r.initTask)}, ` +
      `from highlight() to painted ${task(first.task)} (again ${task(again.task)}), ` +
      `clear() ${task(first.clearTask)} (again ${task(again.clearTask)})\n` +
      `  wasm memory ${kb(r.before)} -> ${kb(r.after)} after 100 highlight/clear cycles`,
  );
  await page.close();
}

console.log("sourcelight widget benchmark (headless Chromium)");
await measure("demo article", widget.url, "#article");
// the long article is built here, at run time (tests/e2e/longpage.mjs)
await measure("generated long article", `${widget.url}long-article.html`, null, longArticle(600_000));
if (pages) {
  const biggest = readdirSync(PAGES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, size: statSync(join(PAGES, d.name, "source.html")).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 6);
  for (const { name, size } of biggest) {
    await measure(`${name} (${(size / 1024).toFixed(0)} KiB html)`, `${pages.url}${name}/source.html`, null);
  }
} else {
  console.log(`(${PAGES} is absent: only the demo was measured)`);
}
await b.close();
widget.close();
pages?.close();
