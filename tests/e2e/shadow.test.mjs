// An article inside web components: text in open shadow roots (nested
// ones too, and light DOM slotted into them) is found, painted in both
// modes, explained by tooltips and listed in the panel; clear() gives the
// shadow trees back exactly. A closed shadow root is left alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { distSuite } from "./harness.mjs";
import { tooltip } from "./probe.mjs";

const dist = distSuite();

// Two custom elements, one inside the other, and one with a closed root.
const PAGE = `<!doctype html><meta charset="utf-8"><title>components</title>
<body><news-story><p>Kept from the light DOM: Tom Hale said the road is closed.</p></news-story>
<sealed-note></sealed-note>
<script type="module">
customElements.define("news-story", class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: "open" }).innerHTML =
      "<h2>Bridge news</h2><p>“The bridge will reopen in May,” said <b>Elena Marsh</b>, the city engineer.</p>" +
      "<story-quote></story-quote><slot></slot>";
  }
});
customElements.define("story-quote", class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: "open" }).innerHTML =
      "<p>The ferry sank near the harbour, Radio Calder reported on Monday.</p>";
  }
});
customElements.define("sealed-note", class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: "closed" }).innerHTML = "<p>“Nobody sees this,” said Ann Lee.</p>";
  }
});
</script>`;

/** A fresh page with the components, and the package loaded as window.__sl. */
async function componentsPage() {
  const page = await dist.page();
  await page.route(`${dist.url}components.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: PAGE }),
  );
  await page.goto(`${dist.url}components.html`);
  await page.evaluate(async () => {
    const m = await import("./pkg/index.js");
    await m.default();
    window.__sl = m;
  });
  return page;
}

/** Every shadow tree's markup, outermost first. */
function shadowMarkup(page) {
  return page.evaluate(() => {
    const story = document.querySelector("news-story").shadowRoot;
    return [story.innerHTML, story.querySelector("story-quote").shadowRoot.innerHTML, document.body.innerHTML];
  });
}

/** Moves the pointer onto `text` inside the shadow tree at `path` (host selectors, outermost first). */
async function hoverInShadow(page, path, text) {
  const point = await page.evaluate(
    ([path, text]) => {
      let root = document;
      for (const host of path) root = root.querySelector(host).shadowRoot;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + Math.min(3, text.length));
        const r = range.getClientRects()[0];
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    [path, text],
  );
  assert.ok(point, `${text} is in the shadow tree`);
  await page.mouse.move(point.x, point.y);
}

for (const mode of ["overlay", "wrap"]) {
  test(`${mode} mode: an article in open shadow roots is found, explained, listed and restored`, async () => {
    const page = await componentsPage();
    const before = await shadowMarkup(page);
    const found = await page.evaluate(async (mode) => {
      // overlay: the article is looked for; wrap: the root is given
      window.__h = window.__sl.highlight(mode === "overlay" ? undefined : document.body, { mode });
      await window.__h.ready();
      const text = window.__h.text();
      return window.__h.findings().filter((f) => f.source).map((f) => text.slice(f.source.start, f.source.end));
    }, mode);
    // a source's words may run on into its description ("Elena Marsh, the city engineer")
    for (const name of ["Elena Marsh", "Radio Calder", "Tom Hale"]) {
      assert.ok(found.some((s) => s.startsWith(name)), `${name} in ${JSON.stringify(found)}`);
    }
    assert.ok(!found.includes("Ann Lee"), "a closed shadow root is not read");

    // tooltips for text two shadow roots deep, and for slotted text
    await hoverInShadow(page, ["news-story"], "Elena Marsh");
    assert.match(await tooltip(page), /Elena Marsh/);
    await page.mouse.move(1, 1);
    await hoverInShadow(page, ["news-story", "story-quote"], "Radio Calder");
    assert.match(await tooltip(page), /Radio Calder/);

    // the panel lists who is quoted
    const panel = await page.locator("sourcelight-widget .panel").innerText();
    for (const name of ["Elena Marsh", "Radio Calder", "Tom Hale"]) assert.match(panel, new RegExp(name));

    await page.evaluate(() => window.__h.clear());
    assert.deepEqual(await shadowMarkup(page), before, "the page and its shadow trees are as before");
    const sheets = await page.evaluate(() => {
      const story = document.querySelector("news-story").shadowRoot;
      return [story.adoptedStyleSheets.length, story.querySelector("story-quote").shadowRoot.adoptedStyleSheets.length];
    });
    assert.deepEqual(sheets, [0, 0], "the stylesheets adopted by the shadow roots are taken back");
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
