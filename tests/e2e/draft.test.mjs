// Checking a draft in a rich-text editor: highlight(editor, {mode:
// "overlay", editable: true}) paints inside a contenteditable region and
// paints again as the writer types, a moment after they pause, analysing
// only the parts that changed. It never changes the editor's DOM, the
// caret or the undo history, and the reader's panel settings survive the
// repaints. Without `editable`, or in wrap mode, editors stay untouched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { distSuite } from "./harness.mjs";

const dist = distSuite();

// A draft long enough to be analysed in two parts or more (a part holds up
// to 16 KB of text: PART_BYTES in src/web/highlighter.rs).
const PARAGRAPHS = [
  "The council will vote on the harbour plan on Monday, officials said.",
  "It appears the budget is short by about four million euros.",
  ...Array.from(
    { length: 200 },
    (_, k) =>
      `Paragraph ${k + 1} of the background: the harbour was built in 1887 and rebuilt after the storm of 1953, ` +
      "when the old sea wall failed along most of its length and the fishing fleet moved to the river mouth for a decade.",
  ),
  "The last paragraph is where the writer goes on typing.",
];
const PAGE = `<!doctype html><meta charset="utf-8"><title>draft</title>
<h1>Drafts</h1><div id="editor" contenteditable="true">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</div>`;

async function draftPage() {
  const page = await dist.page();
  await page.route(`${dist.url}draft.html`, (route) => route.fulfill({ contentType: "text/html", body: PAGE }));
  await page.goto(`${dist.url}draft.html`);
  await page.evaluate(async () => {
    const m = await import("./pkg/index.js");
    await m.default();
    window.__sl = m;
    // every change to the editor, whoever makes it
    window.__changes = 0;
    new MutationObserver((records) => (window.__changes += records.length)).observe(document.getElementById("editor"), {
      subtree: true, childList: true, characterData: true, attributes: true,
    });
  });
  return page;
}

/** The sources shown, by their text. */
function sources(page) {
  return page.evaluate(() => {
    const text = window.__h.text();
    return window.__h.findings().filter((f) => f.source).map((f) => text.slice(f.source.start, f.source.end));
  });
}

test("without editable, or in wrap mode, an editor is left alone", async () => {
  const page = await draftPage();
  const r = await page.evaluate(async () => {
    const editor = document.getElementById("editor");
    const h = window.__sl.highlight(editor, { mode: "overlay" });
    await h.ready();
    const found = h.findings().length;
    h.clear();
    let wrap = null;
    try {
      window.__sl.highlight(editor, { mode: "wrap", editable: true });
    } catch (e) {
      wrap = `${e.constructor.name}: ${e.message}`;
    }
    return { found, wrap, changes: window.__changes };
  });
  assert.equal(r.found, 0, "an editor is not read without editable: true");
  assert.match(r.wrap, /^Error: sourcelight\.highlight\(root, options\): option editable needs overlay mode/);
  assert.equal(r.changes, 0);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("editable: a draft is painted, and painted again as the writer types, with nothing of the editor changed", async () => {
  const page = await draftPage();
  const first = await page.evaluate(async () => {
    window.__h = window.__sl.highlight(document.getElementById("editor"), { mode: "overlay", editable: true });
    await window.__h.ready();
    return { stats: window.__h.stats(), changes: window.__changes };
  });
  assert.ok(first.stats.partsAnalysed >= 2, JSON.stringify(first.stats));
  assert.equal(first.changes, 0, "painting changed nothing in the editor");
  assert.ok((await sources(page)).includes("officials"));

  // the reader collapses the panel and hides the hedges: kept over repaints
  await page.locator("sourcelight-widget .bar button").first().click();
  await page.evaluate(() => window.__h.setCategoryVisible("hedged", false));

  // the writer clicks at the end of the last paragraph and types
  const original = await page.evaluate(() => document.getElementById("editor").innerHTML);
  await page.locator("#editor p").last().click();
  await page.keyboard.press("End");
  const typed = " “We will not wait,” said Ann Lee.";
  await page.keyboard.type(typed, { delay: 5 });
  const typing = await page.evaluate(() => {
    const s = getSelection();
    return { changes: window.__changes, node: s.anchorNode.data, offset: s.anchorOffset };
  });
  assert.ok(typing.node.endsWith("said Ann Lee."), typing.node);

  // after the pause, the new sentence is found
  await page.waitForFunction(() => window.__h.text().includes("Ann Lee"), null, { timeout: 5000 });
  await page.evaluate(() => window.__h.ready());
  assert.ok((await sources(page)).includes("Ann Lee"));
  const after = await page.evaluate(() => {
    const s = getSelection();
    const shadow = document.querySelector("sourcelight-widget").shadowRoot;
    return {
      stats: window.__h.stats(),
      changes: window.__changes,
      node: s.anchorNode.data,
      offset: s.anchorOffset,
      focused: document.activeElement.id,
      collapsed: shadow.querySelector(".panel .body").hidden,
      hedges: [...CSS.highlights.keys()].filter((k) => k.includes("-hedged-")).length,
      widgets: document.querySelectorAll("sourcelight-widget").length,
    };
  });
  assert.equal(after.changes, typing.changes, "the repaint changed nothing in the editor");
  assert.deepEqual([after.node, after.offset], [typing.node, typing.offset], "the caret is where the writer left it");
  assert.equal(after.focused, "editor", "the editor keeps the focus");
  assert.equal(after.stats.partsAnalysed, 1, `only the changed part is analysed again: ${JSON.stringify(after.stats)}`);
  assert.ok(after.stats.partsReused >= 1, JSON.stringify(after.stats));
  assert.equal(after.collapsed, true, "the panel stays collapsed");
  assert.equal(after.hedges, 0, "hedges stay hidden");
  assert.equal(after.widgets, 1);

  // the undo history is the writer's: undoing takes the typing back
  for (let k = 0; k < typed.length; k++) {
    if ((await page.evaluate(() => document.getElementById("editor").innerHTML)) === original) break;
    await page.keyboard.press("Control+z");
  }
  assert.equal(await page.evaluate(() => document.getElementById("editor").innerHTML), original, "undo restores the draft");
  await page.waitForFunction(() => !window.__h.text().includes("Ann Lee"), null, { timeout: 5000 });

  await page.evaluate(() => window.__h.clear());
  const cleared = await page.evaluate(() => ({
    highlights: [...CSS.highlights.keys()].filter((k) => /^sl\d+-/.test(k)).length,
    widgets: document.querySelectorAll("sourcelight-widget").length,
  }));
  assert.deepEqual(cleared, { highlights: 0, widgets: 0 });
  assert.deepEqual(page.problems, []);
  await page.close();
});
