// A DOM fuzz test of the browser layer: random pages built at test time
// (nested blocks and inlines, hidden and editable parts, quotation marks of
// every kind, attribution cues, odd Unicode, text cut across elements in
// the middle of words, quotations and surrogate pairs), each highlighted in
// both painting modes. It checks what the widget promises on any page: no
// exception and no console error, editable regions left alone, offsets that
// slice the text it read, no change at all to the page while an overlay
// paints it, and after clear() a page exactly as before, down to the text
// node objects. Each page gets one browser page; its tree is built afresh
// for each mode.
//
// The pages come from a seeded generator, so a run is deterministic:
//   SOURCELIGHT_FUZZ_PAGES=200   how many pages (default 30)
//   SOURCELIGHT_FUZZ_SEED=7      another set of pages (default below)
//   SOURCELIGHT_FUZZ_ONLY=12     only page 12 of the seed, to reproduce a failure
// Page k's tree depends only on the seed and k, never on the pages before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { distSuite } from "./harness.mjs";

const SEED = setting("SOURCELIGHT_FUZZ_SEED", 0x51ce11);
const PAGES = setting("SOURCELIGHT_FUZZ_PAGES", 30);
const ONLY = process.env.SOURCELIGHT_FUZZ_ONLY === undefined ? null : setting("SOURCELIGHT_FUZZ_ONLY", 0);
const MODES = ["overlay", "wrap"];

function setting(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name}=${raw}: expected a whole number`);
  return value;
}

// ---------------------------------------------------------------------------
// The generator (runs in Node; the page only builds what it describes)

/** mulberry32: a small, fast 32-bit PRNG; plenty for picking test cases. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random choices for page `k` of `seed`. */
class Dice {
  constructor(seed, k) {
    // mix the page number in, so that any page can be built alone
    this.next = mulberry32((seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0);
    for (let i = 0; i < 4; i++) this.next();
  }
  /** A whole number in [lo, hi]. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  times(lo, hi, make) {
    return Array.from({ length: this.int(lo, hi) }, make);
  }
}

// Opening and closing marks, including pairs that do not match and marks
// that are never closed.
const QUOTES = [
  ["“", "”"], ["‘", "’"], ["«", "»"], ["« ", " »"], ["„", "“"], ["„", "”"], ['"', '"'], ["'", "'"],
  ["‚", "‘"], ["‹", "›"], ["»", "«"], ["”", "”"], ["“", "“"], ["“", ""], ["", "”"], ["'", "’"],
];
const NAMES = [
  "Anna Berg", "Tomas Reyes", "Elena Marsh", "José Martí", "Zoë Ångström", "Rene\u0301e Dubois",
  "Mr. O’Neill", "Dr. Amal Haddad", "Nguyễn Văn An", "Ahmed al-Sharaa", "محمد عباس", "יעל כהן",
  "Li Wei (李伟)", "Ana\u200dMaria Pop", "the mayor", "a spokeswoman for the ministry", "Reuters",
  "the BBC", "Interior Minister Jan Novák", "officials", "two people familiar with the talks",
  "👩‍⚕️ Dr. Sara Okafor", "İlhan Yıldız", "the minister", "police", "Agence France-Presse",
];
const CLAIMS = [
  "the port will reopen on Monday", "we will not sign this deal", "the talks collapsed overnight",
  "nobody was hurt in the blast", "the army may have crossed the border", "prices rose by 4.5 % in May",
  "the report was a fabrication", "there is no evidence of fraud", "the café in Zürich stays closed",
  "the vote was rigged 🗳️", "the ceasefire holds, for now", "it appears the dam is leaking",
  "the strike will go ahead", "ministers knew about the leak", "this is not over",
];
const CUES = [
  "said", "says", "according to", "officials said", "the minister told reporters", "reportedly",
  "may have", "denied", "told", "claimed", "allegedly", "added", "wrote", "insisted", "it is said",
];
const WORDS = [
  "the", "port", "on", "Monday", "talks", "vote", "and", "but", "that", "in", "was", "were", "a",
  "U.S.", "No.", "3", "2024", "—", "–", ",", ".", ";", ":", "?", "!", "…", "(", ")", "[", "]",
];
// Each a trouble for offsets or tokens: combining marks, emoji (with ZWJ,
// flags, variation selectors), right-to-left text and marks, zero-width
// characters, a soft hyphen, a BOM, letters whose lower case is longer, a
// lone surrogate, and whitespace that the reader turns into spaces.
const ODD = [
  "e\u0301", "\u0301", "😀", "👩‍👩‍👧", "🇫🇷", "❤️", "\u200d", "\u200b", "\u200f", "\u200e", "\u202e",
  "مرحبا بكم", "שלום", "\u00a0", "\u00ad", "\ufeff", "ﬁ", "İ", "ß", "ΣΑΣ", "记者说", "\t", "\n", "\r\n",
  "\u2028", "\ud83d", "Å", "𝒜",
];

const BLOCKS = ["div", "p", "p", "section", "blockquote", "ul", "h2", "table", "figure"];
const INLINES = ["span", "em", "b", "a", "q", "small"];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// One sentence or so, each an attribution pattern or near one.
const TEMPLATES = [
  ({ o, c, n, x }) => `${o}${cap(x)},${c} ${n} said.`,
  ({ o, c, n, x }) => `${o}${cap(x)},${c} said ${n}, the minister.`,
  ({ n, x }) => `According to ${n}, ${x}.`,
  ({ n, x }) => `${cap(n)} said that ${x}.`,
  ({ x }) => `${cap(x)}, officials said.`,
  ({ o, c, x }) => `The minister told reporters: ${o}${cap(x)}.${c}`,
  ({ n, x }) => `${cap(n)} reportedly said ${x}.`,
  ({ n, x }) => `${cap(n)} denied that ${x}.`,
  ({ n }) => `The army may have known, according to ${n}.`,
  ({ o, c, n, x, d }) => `${o}${cap(x)}. ${cap(d.pick(CLAIMS))},${c} ${n} told reporters. ${o}${cap(d.pick(CLAIMS))}.${c}`,
  ({ o, c, n, x }) => `${cap(n)} said: ${o}They told us ‘${x}’ yesterday.${c}`,
  ({ o, c, x }) => `${o}${cap(x)}${c}`,
  ({ x }) => `${cap(x)}, it reportedly emerged, though this may have changed.`,
  ({ d }) => d.times(3, 14, () => d.pick([...WORDS, ...CUES, ...NAMES, ...QUOTES.flat(), ...ODD])).join(" "),
];

/** A sentence, sometimes with odd characters put in at random places. */
function sentence(d) {
  const [o, c] = d.pick(QUOTES);
  let s = d.pick(TEMPLATES)({ o, c, n: d.pick(NAMES), x: d.pick(CLAIMS), d });
  for (let k = d.chance(0.4) ? d.int(1, 3) : 0; k > 0; k--) {
    const points = Array.from(s);
    const at = d.int(0, points.length);
    s = [...points.slice(0, at), d.pick(ODD), ...points.slice(at)].join("");
  }
  return s;
}

function sentences(d, lo, hi) {
  return d.times(lo, hi, () => sentence(d)).join(d.chance(0.2) ? "\n" : " ");
}

/**
 * `text` cut in pieces: anywhere (also inside a surrogate pair), next to a
 * quotation mark, or inside a cue word.
 */
function cut(d, text, most) {
  const at = new Set();
  for (let k = d.int(0, most); k > 0 && text.length > 1; k--) {
    const how = d.next();
    if (how < 0.6) {
      at.add(d.int(1, text.length - 1));
      continue;
    }
    const marks = how < 0.85 ? /[“”‘’«»"'„‚‹›]/g : /said|according|reported|denied|told|may have/g;
    const hits = [...text.matchAll(marks)];
    if (!hits.length) continue;
    const hit = d.pick(hits);
    const offset = hit[0].length > 1 ? d.int(1, hit[0].length - 1) : d.int(0, 1);
    if (hit.index + offset > 0 && hit.index + offset < text.length) at.add(hit.index + offset);
  }
  const points = [...at].sort((a, b) => a - b);
  return [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length));
}

/** Attributes for an element: sometimes hidden, editable, right-to-left, restyled. */
function attributes(d, tag) {
  const attrs = [];
  if (tag === "a") attrs.push(["href", "#"]);
  if (d.chance(0.1)) {
    attrs.push(d.pick([["style", "display:none"], ["hidden", ""], ["style", "visibility:hidden"], ["aria-hidden", "true"]]));
  } else if (d.chance(0.09)) {
    attrs.push(["contenteditable", d.pick(["true", "true", "true", "", "plaintext-only"])]);
  } else if (d.chance(0.05)) {
    attrs.push(["style", d.pick(["display:block", "display:inline", "display:inline-block", "display:contents"])]);
  }
  if (d.chance(0.08)) attrs.push(["dir", "rtl"], ["lang", "ar"]);
  if (d.chance(0.1)) attrs.push(["class", d.pick(["lead", "quote", "note byline"])]);
  return attrs;
}

function element(d, tag, kids) {
  return { tag, attrs: attributes(d, tag), kids };
}

/** `text` as inline content: text nodes, inline elements, line breaks. */
function inline(d, text, depth) {
  const kids = [];
  for (const piece of cut(d, text, depth === 0 ? 6 : 2)) {
    const roll = d.next();
    if (depth < 3 && roll < 0.35) {
      kids.push(element(d, d.pick(INLINES), inline(d, piece, depth + 1)));
    } else if (roll < 0.45) {
      // two text nodes side by side, one of them maybe empty
      const at = d.int(0, piece.length);
      kids.push({ text: piece.slice(0, at) }, { text: piece.slice(at) });
    } else {
      kids.push({ text: piece });
    }
    if (d.chance(0.06)) kids.push({ tag: "br", attrs: [], kids: [] });
    if (d.chance(0.03)) kids.push({ comment: " said the note " });
  }
  return kids;
}

/** A block element with what it holds. */
function block(d, depth) {
  const tag = depth >= 3 ? d.pick(["p", "h2"]) : d.pick(BLOCKS);
  const text = (lo, hi) => inline(d, sentences(d, lo, hi), 0);
  switch (tag) {
    case "ul":
      return element(d, "ul", d.times(1, 3, () => element(d, "li", d.chance(0.2) ? [block(d, depth + 1)] : text(1, 2))));
    case "table":
      return element(d, "table", d.times(1, 2, () => element(d, "tr", d.times(1, 2, () => element(d, "td", text(1, 1))))));
    case "figure": {
      const kids = [element(d, "figcaption", text(1, 1))];
      if (d.chance(0.5)) kids.unshift(element(d, "p", text(1, 2)));
      return element(d, "figure", kids);
    }
    case "p":
      return element(d, "p", text(1, 3));
    case "h2":
      return element(d, "h2", text(1, 1));
    default: {
      const kids = [];
      for (let k = d.int(1, 3); k > 0; k--) {
        if (d.chance(0.3)) kids.push({ text: "\n  " });
        kids.push(...(d.chance(0.7) ? [block(d, depth + 1)] : text(1, 2)));
      }
      return element(d, tag, kids);
    }
  }
}

/** The whole tree of page `k`: one root element. */
function generate(seed, k) {
  const d = new Dice(seed, k);
  const kids = d.times(2, 5, () => block(d, 0));
  return { tag: d.pick(["div", "article", "main", "section"]), attrs: [["id", "fuzz-root"]], kids };
}

/** The data of every text node of `spec`, in document order. */
function textsOf(spec, out = []) {
  if (spec.text !== undefined) out.push(spec.text);
  for (const kid of spec.kids ?? []) textsOf(kid, out);
  return out;
}

// ---------------------------------------------------------------------------
// In the page

/**
 * Installs `window.__fuzz`: build a tree, snapshot the page, list the
 * editable regions. Runs in the browser.
 */
function installHelpers() {
  const build = (spec) => {
    if (spec.text !== undefined) return document.createTextNode(spec.text);
    if (spec.comment !== undefined) return document.createComment(spec.comment);
    const el = document.createElement(spec.tag);
    for (const [name, value] of spec.attrs) el.setAttribute(name, value);
    for (const kid of spec.kids) el.appendChild(build(kid));
    return el;
  };
  const textNodes = (root) => {
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    return nodes;
  };
  const snapshot = (root) => ({
    html: root.innerHTML,
    texts: textNodes(root).map((n) => n.data),
    head: document.head.childNodes.length,
    bodyAttributes: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
    bodyChildren: document.body.childNodes.length,
    sheets: document.adoptedStyleSheets.length,
  });
  // the outermost editable elements: what the browser lets a user edit
  const editable = (root) =>
    [...root.querySelectorAll("*")].filter((e) => e.isContentEditable && !e.parentElement.isContentEditable);
  const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));
  window.__fuzz = { build, textNodes, snapshot, editable, frames };
}

/** Builds the tree under <body> and takes the snapshot to restore. */
function buildPage(spec) {
  const { build, snapshot, textNodes, editable } = window.__fuzz;
  const root = build(spec);
  // the tree of the mode before, already checked, makes way
  window.__root?.remove();
  window.__h = null;
  document.body.appendChild(root);
  window.__root = root;
  window.__nodes = textNodes(root);
  window.__editable = editable(root).map((e) => [e, e.innerHTML]);
  window.__before = snapshot(root);
  return { before: window.__before, editable: window.__editable.length };
}

/** Highlights the root, waits until painted, and looks at the page meanwhile. */
async function highlightPage(mode) {
  const { snapshot, frames } = window.__fuzz;
  const root = window.__root;
  let error = null;
  try {
    window.__h = window.__sourcelight.highlight(root, { mode });
    await window.__h.ready();
    await frames();
  } catch (e) {
    error = `${e?.name ?? "Error"}: ${e?.message ?? e}`;
  }
  const h = window.__h;
  if (!h) return { error };
  const text = h.text();
  // every part must be the slice of the text its offsets name
  const misplaced = [];
  const findings = h.findings();
  findings.forEach((f, i) => {
    for (const role of ["cue", "source", "content"]) {
      const part = f[role];
      if (!part || part.fragments) continue;
      if (text.slice(part.start, part.end) !== part.text) {
        misplaced.push({ finding: i, role, start: part.start, end: part.end, text: part.text, slice: text.slice(part.start, part.end) });
      }
    }
  });
  const editable = window.__editable
    .filter(([e, html]) => e.innerHTML !== html)
    .map(([e, html]) => ({ before: html, during: e.innerHTML }));
  return {
    error,
    mode: h.mode(),
    text: text.length,
    findings: findings.length,
    marks: root.querySelectorAll("sl-mark").length,
    ranges: [...(globalThis.CSS?.highlights ?? [])].reduce((n, [, hl]) => n + hl.size, 0),
    misplaced: misplaced.slice(0, 3),
    editable,
    during: snapshot(root),
  };
}

/** Clears, then compares the page with the snapshot, now and a little later. */
async function clearPage() {
  const { snapshot, textNodes, frames } = window.__fuzz;
  const root = window.__root;
  let error = null;
  try {
    window.__h?.clear();
  } catch (e) {
    error = `${e?.name ?? "Error"}: ${e?.message ?? e}`;
  }
  const now = snapshot(root);
  await frames();
  const later = snapshot(root);
  const nodes = textNodes(root);
  const lost = window.__nodes.findIndex((n, i) => nodes[i] !== n);
  return {
    error,
    now,
    later,
    // the index of the first text node that is not the original object
    lost: lost < 0 && nodes.length > window.__nodes.length ? window.__nodes.length : lost,
    hosts: document.querySelectorAll("sourcelight-widget").length,
    leftover: [...(globalThis.CSS?.highlights?.keys() ?? [])].filter((k) => /^sl\d+-/.test(k)),
  };
}

// ---------------------------------------------------------------------------
// Comparing

/** `s` around `at`, quoted, with its unprintable characters escaped. */
function around(s, at, width = 70) {
  const from = Math.max(0, at - width);
  return `${from > 0 ? "…" : ""}${JSON.stringify(s.slice(from, at + width))}${at + width < s.length ? "…" : ""}`;
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** What differs between two snapshots, in words, or null. */
function difference(before, after) {
  if (before.html !== after.html) {
    const at = firstDifference(before.html, after.html);
    return `root.innerHTML differs at ${at}:\n  before ${around(before.html, at)}\n  after  ${around(after.html, at)}`;
  }
  const n = Math.max(before.texts.length, after.texts.length);
  for (let i = 0; i < n; i++) {
    if (before.texts[i] !== after.texts[i]) {
      return `text node ${i} of ${before.texts.length}: before ${JSON.stringify(before.texts[i])}, after ${JSON.stringify(after.texts[i])}`;
    }
  }
  for (const key of ["head", "bodyAttributes", "bodyChildren", "sheets"]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      return `${key}: before ${JSON.stringify(before[key])}, after ${JSON.stringify(after[key])}`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// The test

const dist = distSuite();

const BLANK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fuzz</title></head>` +
  `<body class="fuzz" data-page="blank"></body></html>`;

/** A blank page on the server's origin with the widget loaded. */
async function blankPage() {
  const page = await dist.page();
  // the widget's own warnings are how a failed later slice shows
  page.on("console", (m) => {
    if (m.type() === "warning" && m.text().startsWith("sourcelight")) page.problems.push(`console warning: ${m.text()}`);
  });
  const url = `${dist.url}fuzz-blank.html`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: BLANK }));
  await page.goto(url);
  await page.evaluate(async () => {
    const m = await import(new URL("/pkg/index.js", location.href).href);
    await m.default({ module_or_path: new URL("/pkg/sourcelight_bg.wasm", location.href).href });
    window.__sourcelight = m;
  });
  await page.evaluate(installHelpers);
  return page;
}

/**
 * One page in one mode: build, snapshot, highlight, look, clear, compare.
 * Throws on the first thing wrong, naming the seed, page and mode.
 */
async function roundTrip(t, page, spec, k, mode) {
  const where = `seed ${SEED}, page ${k}, mode ${mode}`;
  const again = `reproduce: SOURCELIGHT_FUZZ_SEED=${SEED} SOURCELIGHT_FUZZ_ONLY=${k} node --test tests/e2e/fuzz.test.mjs`;
  const fail = (what) => assert.fail(`${where}: ${what}\n(${again})`);
  page.problems.length = 0;

  const built = await page.evaluate(buildPage, spec);
  // the transport must carry the odd text intact, or nothing below means anything
  if (JSON.stringify(built.before.texts) !== JSON.stringify(textsOf(spec))) {
    fail("the page was not built as generated (a fault of the test, not of sourcelight)");
  }
  if (ONLY !== null) t.diagnostic(`root: ${JSON.stringify(built.before.html)}`);

  const during = await page.evaluate(highlightPage, mode);
  if (during.error) fail(`highlight() or ready() threw ${during.error}`);
  if (page.problems.length) fail(`errors while highlighting: ${page.problems.join(" | ")}`);
  if (during.mode !== mode) fail(`painted in mode ${during.mode}`);
  if (during.misplaced.length) fail(`offsets do not slice the text read: ${JSON.stringify(during.misplaced)}`);
  for (const region of during.editable) {
    fail(`an editable region changed while highlighted:\n  before ${JSON.stringify(region.before)}\n  during ${JSON.stringify(region.during)}`);
  }
  if (mode === "overlay") {
    // the widget's host and its stylesheets are the only changes allowed
    const seen = { ...during.during, bodyChildren: built.before.bodyChildren, sheets: built.before.sheets };
    const changed = difference(built.before, seen);
    if (changed) fail(`overlay mode changed the page: ${changed}`);
  }

  const cleared = await page.evaluate(clearPage);
  if (cleared.error) fail(`clear() threw ${cleared.error}`);
  const now = difference(built.before, cleared.now);
  if (now) fail(`the page is not as before after clear(): ${now}`);
  const later = difference(built.before, cleared.later);
  if (later) fail(`the page changed again after clear(): ${later}`);
  if (cleared.lost >= 0) fail(`text node ${cleared.lost} is not the original node object after clear()`);
  if (cleared.hosts) fail(`${cleared.hosts} widget host(s) left after clear()`);
  if (cleared.leftover.length) fail(`highlights left after clear(): ${cleared.leftover.join(", ")}`);
  if (page.problems.length) fail(`errors while clearing: ${page.problems.join(" | ")}`);
  const painted = mode === "wrap" ? `${during.marks} marks` : `${during.ranges} ranges`;
  t.diagnostic(`${during.text} characters read, ${during.findings} findings, ${painted}, ${built.editable} editable region(s)`);
}

const numbers = ONLY === null ? Array.from({ length: PAGES }, (_, k) => k) : [ONLY];
for (const k of numbers) {
  test(`fuzz page ${k} of seed ${SEED}`, { timeout: 120_000 }, async (t) => {
    const spec = generate(SEED, k);
    let page = await blankPage();
    try {
      for (const mode of MODES) {
        let passed = false;
        await t.test(mode, async (t) => {
          await roundTrip(t, page, spec, k, mode);
          passed = true;
        });
        if (!passed && mode !== MODES.at(-1)) {
          // a failed mode may leave the page in any state: the next gets a fresh one
          await page.context().close();
          page = await blankPage();
        }
      }
    } finally {
      await page.context().close();
    }
  });
}
