// Looking at what the widget painted, from the test side: the text of
// every highlight (overlay mode) or mark (wrap mode), the tooltip, and
// pointing at a piece of text.

/**
 * The highlighted runs under `scope`: [{text, category, role}], from
 * CSS.highlights (overlay) or <sl-mark> elements (wrap).
 */
export async function highlightedTexts(page, scope = "body") {
  return page.evaluate((scope) => {
    const root = document.querySelector(scope);
    const out = [];
    for (const el of root.querySelectorAll("sl-mark")) {
      if (el.classList.contains("sl-hidden")) continue;
      const [category, role] = [...el.classList].filter((c) => c.startsWith("sl-")).map((c) => c.slice(3));
      out.push({ text: el.textContent, category, role });
    }
    if (globalThis.CSS && CSS.highlights) {
      for (const [name, highlight] of CSS.highlights) {
        const m = name.match(/^sl\d+-(.+)-(cue|source|content)$/);
        if (!m) continue;
        for (const range of highlight) {
          if (root.contains(range.commonAncestorContainer)) out.push({ text: range.toString(), category: m[1], role: m[2] });
        }
      }
    }
    return out;
  }, scope);
}

/** Moves the pointer onto the first occurrence of `text` under `scope`. */
export async function hoverText(page, scope, text) {
  const point = await page.evaluate(
    ([scope, text]) => {
      const walker = document.createTreeWalker(document.querySelector(scope), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + Math.min(text.length, 3));
        range.startContainer.parentElement.scrollIntoView({ block: "center" });
        const r = range.getClientRects()[0];
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    [scope, text],
  );
  if (!point) throw new Error(`text not found: ${text}`);
  await page.mouse.move(point.x, point.y);
}

/** The tooltip's text, once it shows. */
export async function tooltip(page) {
  // the one showing: a page can have a widget for each highlight
  const tip = page.locator("sourcelight-widget .tip:not([hidden])");
  await tip.waitFor({ state: "visible" });
  return tip.innerText();
}
