// Widget speed and memory in headless Chromium, printed (no assertions:
// timings on shared machines are noisy). For the demo article and the
// largest shared pages: the time from highlight() to painted, the longest
// main-thread task meanwhile, and wasm memory before and after 100
// highlight/clear cycles.
//
//     node tests/e2e/bench.mjs
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, browser, page as newPage } from "./harness.mjs";

const SHARED = process.env.SOURCELIGHT_SHARED ?? join(ROOT, "..", "shared");
const PAGES = join(SHARED, "pages");

const widget = await serve(join(ROOT, "dist"));
const pages = existsSync(PAGES) ? await serve(PAGES) : null;
const b = await browser();

/** Loads the widget module into the page; returns nothing, sets globals. */
async function loadWidget(page) {
  await page.evaluate(async (base) => {
    const m = await import(`${base}pkg/sourcelight.js`);
    window.__wasm = await m.default({ module_or_path: `${base}pkg/sourcelight_bg.wasm` });
    window.__sourcelight = m;
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: "longtask", buffered: false });
  }, widget.url);
}

async function measure(label, url, root) {
  const page = await newPage(b);
  await page.goto(url, { waitUntil: "load" });
  await loadWidget(page);
  const r = await page.evaluate(async ([root]) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const el = root ? document.querySelector(root) : undefined;
    // a cold run and a warm run; the warm one is reported
    const cold = window.__sourcelight.highlight(el);
    await cold.ready();
    cold.clear();
    await frame();
    window.__longest = 0;
    const t0 = performance.now();
    const h = window.__sourcelight.highlight(el);
    const call = performance.now() - t0;
    await h.ready();
    await frame();
    await frame();
    const painted = performance.now() - t0;
    const findings = h.findings().length;
    const stats = h.stats();
    const chars = h.text().length;
    const mode = h.mode();
    h.clear();
    await new Promise((r) => setTimeout(r, 100));
    const longest = window.__longest;
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
    return { call, painted, findings, chars, mode, longest, before, after, stats };
  }, [root]);
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(
    `${label.padEnd(34)} ${String(r.chars).padStart(7)} chars ${String(r.findings).padStart(4)} findings  ` +
      `first slice ${r.call.toFixed(1).padStart(5)} ms, painted ${r.painted.toFixed(1).padStart(6)} ms, ` +
      `${r.stats.slices} slices, longest ${r.stats.longestSliceMs.toFixed(1)} ms; ` +
      `longest task incl. the browser's rendering ${r.longest ? r.longest.toFixed(0) + " ms" : "< 50 ms"}; wasm memory ${kb(r.before)} -> ${kb(r.after)} after 100 cycles (${r.mode})`,
  );
  await page.context().close();
}

console.log("sourcelight widget benchmark (headless Chromium)");
await measure("demo article", widget.url, "#article");
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
