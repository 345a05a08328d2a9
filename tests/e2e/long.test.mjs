// A long article (about 600 KB of text, built at run time by longpage.mjs)
// is painted in full while the page stays responsive: highlight() returns
// at once, the work runs in many slices with the event loop turning in
// between, every finding is painted, and clear() restores the page.
// Timings are printed, not asserted (machines here are shared and noisy);
// tests/e2e/bench.mjs measures them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { distSuite } from "./harness.mjs";
import { longArticle } from "./longpage.mjs";

const dist = distSuite();

for (const mode of ["overlay", "wrap"]) {
  test(`${mode} mode: a 600 KB article is painted in slices, fully, and cleared`, async () => {
    const page = await dist.page();
    const url = `${dist.url}long-article.html`;
    await page.route(url, (route) => route.fulfill({ contentType: "text/html", body: longArticle(600_000) }));
    await page.goto(url);
    const r = await page.evaluate(async (mode) => {
      const m = await import("./pkg/index.js");
      await m.default();
      const article = document.querySelector("article");
      const before = article.innerHTML;
      const tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push(e);
      }).observe({ type: "longtask" });
      // a timer that ticks whenever the main thread is free
      let ticks = 0;
      let ticking = true;
      const tick = () => {
        ticks++;
        if (ticking) setTimeout(tick, 0);
      };
      setTimeout(tick, 0);
      // highlight() is called at the start of a task of its own, so that
      // the long tasks counted are its work and the browser's only
      const settle = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const h = m.highlight(undefined, { mode });
      const returnedBeforeDone = h.findings().length === 0;
      await h.ready();
      // and the browser's frames that show it
      for (let k = 0; k < 2; k++) await new Promise((resolve) => requestAnimationFrame(resolve));
      const done = performance.now();
      ticking = false;
      await new Promise((resolve) => setTimeout(resolve, 0)); // out of the last slice's task
      const text = h.text();
      const findings = h.findings();
      // what was painted: every finding's runs
      const painted =
        mode === "overlay"
          ? [...CSS.highlights.keys()].filter((k) => /^sl\d+-/.test(k)).reduce((n, k) => n + CSS.highlights.get(k).size, 0)
          : document.querySelectorAll("sl-mark").length;
      const whole = m.analyze(text).findings.length;
      await new Promise((resolve) => setTimeout(resolve, 200)); // long-task entries come late
      const during = tasks.filter((t) => t.startTime > settle + 50 && t.startTime < done).map((t) => t.duration);
      h.clear();
      return {
        chars: text.length,
        findings: findings.length,
        whole,
        painted,
        returnedBeforeDone,
        stats: h.stats(),
        ticks,
        longest: Math.max(0, ...during),
        restored: article.innerHTML === before,
      };
    }, mode);
    console.log(
      `${mode}: ${r.chars} chars, ${r.findings} findings, ${r.stats.slices} slices (longest ${r.stats.longestSliceMs.toFixed(0)} ms), ` +
        `${r.ticks} timer ticks while painting, longest task ${r.longest ? `${r.longest.toFixed(0)} ms` : "none over 50 ms"}`,
    );
    assert.ok(r.chars > 550_000, `${r.chars} chars read`);
    assert.ok(r.returnedBeforeDone, "highlight() returned before the painting was done");
    // Parts are analysed on their own (src/parts.rs), and a few signals are
    // the whole text's (how often a word is written capitalized), so a
    // finding near the threshold may come out on one side in its part and
    // on the other in the whole: a handful in two thousand, never more.
    const apart = Math.abs(r.findings - r.whole);
    assert.ok(apart <= r.whole / 500, `${r.findings} findings in parts, ${r.whole} in the whole text`);
    assert.ok(r.findings > 1500, `${r.findings} findings`);
    assert.ok(r.painted >= r.findings, `${r.painted} runs painted for ${r.findings} findings`);
    assert.ok(r.stats.slices >= 10, `${r.stats.slices} slices`);
    assert.ok(r.ticks >= 10, `the event loop turned ${r.ticks} times during the painting`);
    assert.ok(r.restored, "clear() restored the article");
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
