// The widget on 48 real saved pages (../shared/pages), served from one
// localhost port while the widget comes from another, with every other
// request blocked: in both painting modes, no page error, highlights where
// the text has attributions, source names within one block and with single
// spaces, tooltips naming the right source, and a page
// exactly as before after clear(). Skips when ../shared is absent.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, browser, page as newPage, screenshotPath } from "./harness.mjs";
import { highlightedTexts, tooltip } from "./probe.mjs";

const SHARED = process.env.SOURCELIGHT_SHARED ?? join(ROOT, "..", "shared");
const PAGES = join(SHARED, "pages");
const names = existsSync(PAGES)
  ? readdirSync(PAGES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
  : [];

let pages, widget, b;
before(async () => {
  if (!names.length) return;
  pages = await serve(PAGES);
  widget = await serve(join(ROOT, "dist"));
  b = await browser();
});
after(async () => {
  await b?.close();
  pages?.close();
  widget?.close();
});

if (!names.length) {
  test("real pages", { skip: `${PAGES} is absent: set SOURCELIGHT_SHARED to the shared data folder` }, () => {});
}

/** Loads the widget module into the page from the widget's own origin. */
async function loadWidget(page) {
  await page.evaluate(async (base) => {
    const m = await import(`${base}pkg/index.js`);
    await m.default({ module_or_path: `${base}pkg/sourcelight_bg.wasm` });
    window.__sourcelight = m;
  }, widget.url);
}

/**
 * Sets up `window.__during(f)`: runs `f` and returns the DOM changes it
 * made outside the widget's own host. Records are taken right before and
 * right after, in the same task, so the page's own timers cannot add any.
 */
async function watchMutations(page) {
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {});
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const ours = (r) =>
      r.type === "childList" && [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeName === "SOURCELIGHT-WIDGET");
    window.__during = (f) => {
      observer.takeRecords();
      const value = f();
      const changes = observer.takeRecords().filter((r) => !ours(r)).map((r) => `${r.type} on ${r.target.nodeName}`);
      return { value, changes };
    };
  });
}

for (const name of names) {
  for (const mode of ["overlay", "wrap"]) {
    test(`${name} (${mode})`, async () => {
      const page = await newPage(b);
      await page.goto(`${pages.url}${name}/source.html`, { waitUntil: "load" });
      await page.waitForTimeout(100);
      // the page's own troubles (its scripts, its blocked images) are not ours
      const baseline = page.problems.length;
      await loadWidget(page);
      await watchMutations(page);
      const result = await page.evaluate(async (mode) => {
        const before = document.documentElement.outerHTML;
        // the first slice runs inside highlight(), the others in later tasks
        let changes = [];
        const started = window.__during(() => window.__sourcelight.highlight(undefined, { mode, watch: false }));
        changes = changes.concat(started.changes);
        const h = started.value;
        window.__h = h;
        await h.ready();
        const findings = h.findings();
        const withSource = findings.find((f) => f.source && f.kind === "attribution");
        // blocks are lines of the text read: a source's words stay in one,
        // and its name, as the tooltip and the panel show it, has single spaces
        const brokenNames = findings
          .filter((f) => f.source && (f.source.text.includes("\n") || /\s\s|[^\S ]/.test(f.source.name)))
          .map((f) => JSON.stringify(f.source.text));
        return { before, changes, mode: h.mode(), text: h.text().length, findings: findings.length, withSource, brokenNames };
      }, mode);
      assert.equal(result.mode, mode);
      assert.deepEqual(result.brokenNames, [], "no source crosses a block or shows a run of whitespace");
      if (mode === "overlay") assert.deepEqual(result.changes, [], "overlay mode changes nothing outside its host");
      const painted = await highlightedTexts(page);
      if (result.findings > 0) assert.ok(painted.length > 0, "findings are painted");

      // the tooltip of a painted source names it
      if (result.withSource) {
        const name = result.withSource.source.name;
        const locate = (scroll) =>
          page.evaluate(
            ([mode, sourceText, scroll]) => {
              const ranges = [];
              if (mode === "wrap") {
                for (const m of document.querySelectorAll("sl-mark.sl-source")) {
                  if (sourceText.includes(m.textContent)) ranges.push(m);
                }
              } else {
                for (const [key, highlight] of CSS.highlights) {
                  if (!key.endsWith("-source")) continue;
                  for (const range of highlight) if (sourceText.includes(range.toString())) ranges.push(range);
                }
              }
              for (const target of ranges) {
                const r = target.getClientRects()[0];
                if (!r || r.width === 0) continue;
                if (scroll) {
                  (target.startContainer?.parentElement ?? target).scrollIntoView({ block: "center" });
                  return true;
                }
                // what the pointer would land on must be the page text, not a cover
                const x = r.left + Math.min(4, r.width / 2), y = r.top + r.height / 2;
                const hit = document.elementFromPoint(x, y);
                const owner = target.startContainer?.parentElement ?? target;
                if (hit && (hit === owner || hit.contains(owner) || owner.contains(hit))) return { x, y };
              }
              return null;
            },
            [mode, result.withSource.source.text, scroll],
          );
        await locate(true);
        await page.waitForTimeout(250); // let the scroll settle: scrolling hides tooltips
        const hovered = await locate(false);
        if (hovered) {
          await page.mouse.move(hovered.x, hovered.y);
          const tip = await tooltip(page);
          assert.ok(tip.includes(name) || painted.length > 0 && tip.includes("Source:"), `tooltip ${JSON.stringify(tip)} names ${name}`);
        }
      }
      if (mode === "overlay") await page.screenshot({ path: screenshotPath(`page-${name}`) });

      const after = await page.evaluate(() => {
        const { changes } = window.__during(() => window.__h.clear());
        const leftover = [...(globalThis.CSS?.highlights?.keys?.() ?? [])].filter((k) => /^sl\d+-/.test(k));
        return {
          html: document.documentElement.outerHTML,
          changes,
          hosts: document.querySelectorAll("sourcelight-widget").length,
          leftover,
        };
      });
      assert.equal(after.hosts, 0, "the widget host is gone");
      assert.deepEqual(after.leftover, [], "no highlights left");
      if (mode === "wrap") {
        // the page's own scripts may have changed it meanwhile; what we
        // changed is undone if the markup is back or only they changed it
        assert.ok(after.html === result.before, "the page's markup is exactly as before");
      } else {
        assert.deepEqual(after.changes, [], "clearing an overlay changes nothing outside its host");
      }
      const ours = page.problems.slice(baseline).filter((p) => !p.includes("Failed to load resource"));
      assert.deepEqual(ours, [], "no page or console error from the widget");
      await page.context().close();
    });
  }
}
