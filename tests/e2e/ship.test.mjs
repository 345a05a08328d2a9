// The ways sourcelight reaches a page, each on a page served from another
// localhost port than the widget: the one-tag embed under a strict
// Content-Security-Policy, the bookmarklet (on, off, on again; and its
// message where the page's policy blocks it), and the browser extension
// on a page that blocks the bookmarklet.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT, serve, browser, page as newPage } from "./harness.mjs";
import { highlightedTexts } from "./probe.mjs";

const DIST = join(ROOT, "dist");
const FIXTURE = readFileSync(join(ROOT, "tests", "e2e", "fixtures", "article.html"), "utf8");
let widget, b;
const sites = [];
const dirs = [];

before(async () => {
  widget = await serve(DIST);
  b = await browser();
});
after(async () => {
  await b?.close();
  widget?.close();
  for (const s of sites) s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Serves the fixture article, with extra head and body markup and headers, from a new port. */
async function site({ head = "", body = "", headers = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "sourcelight-site-"));
  dirs.push(dir);
  writeFileSync(join(dir, "index.html"), FIXTURE.replace("<!--HEAD-->", head).replace("<!--BODY-->", body));
  const s = await serve(dir, { headers });
  sites.push(s);
  return s;
}

/** Records Content-Security-Policy violations in the page. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
}

test("embed: one tag highlights the article under a strict Content-Security-Policy", async () => {
  const host = widget.url.replace(/\/$/, "");
  const csp = `Content-Security-Policy: default-src 'self'; script-src 'self' ${host} 'wasm-unsafe-eval'; style-src 'self' ${host}; connect-src 'self' ${host}`;
  const s = await site({
    head: `<script type="module" src="${widget.url}embed.js" data-root="article" data-mode="overlay"></script>`,
    headers: [csp],
  });
  const page = await newPage(b);
  await watchViolations(page);
  await page.goto(s.url);
  await page.waitForFunction(() => window.sourcelight && window.sourcelight.findings().length > 0);
  const texts = await highlightedTexts(page, "article");
  assert.ok(texts.some((t) => t.role === "source" && t.text.includes("Maria Lund")), JSON.stringify(texts));
  assert.ok(!(await highlightedTexts(page, "nav")).length, "only the article is highlighted");
  assert.equal(await page.locator("sourcelight-widget .panel").count(), 1, "the panel shows");
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violation");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("embed: data- attributes carry the options, and a bad one is reported, not thrown", async () => {
  const s = await site({ head: `<script type="module" src="${widget.url}embed.js" data-mode="wrap" data-panel="false"></script>` });
  const page = await newPage(b);
  await page.goto(s.url);
  await page.waitForFunction(() => window.sourcelight);
  await page.waitForSelector("article sl-mark");
  assert.equal(await page.locator("sourcelight-widget .panel").count(), 0);
  await page.context().close();

  const bad = await site({ head: `<script type="module" src="${widget.url}embed.js" data-panel="maybe"></script>` });
  const page2 = await newPage(b);
  await page2.goto(bad.url);
  await page2.waitForFunction(() => document.readyState === "complete");
  await page2.waitForTimeout(300);
  assert.ok(page2.problems.some((p) => p.includes("data-panel must be")), page2.problems.join("\n"));
  assert.ok(!page2.problems.some((p) => p.startsWith("page error")), "no exception escaped into the page");
  await page2.context().close();
});

/** The bookmarklet's code, as the install page builds it for this host. */
async function bookmarkletCode() {
  const page = await newPage(b);
  await page.goto(`${widget.url}bookmarklet.html`);
  const code = await page.evaluate(() => window.sourcelightBookmarklet);
  const href = await page.getAttribute("#bookmarklet", "href");
  await page.context().close();
  assert.ok(href.startsWith("javascript:"));
  return code;
}

test("bookmarklet: click on, off, on again, one copy at a time", async () => {
  const code = await bookmarkletCode();
  const s = await site({ body: `<a id="bookmark" href="javascript:${encodeURIComponent(code)}">sourcelight</a>` });
  const page = await newPage(b);
  await page.goto(s.url);
  const original = await page.evaluate(() => document.documentElement.outerHTML);
  const hosts = () => page.locator("sourcelight-widget").count();

  await page.click("#bookmark");
  await page.waitForFunction(() => window.sourcelight && window.sourcelight.findings().length > 0);
  assert.ok((await highlightedTexts(page, "article")).length > 0, "on");
  assert.equal(await hosts(), 1);

  await page.evaluate(() => {
    window.__old = window.sourcelight;
  });
  await page.click("#bookmark");
  await page.waitForFunction(() => !document.querySelector("sourcelight-widget"));
  assert.equal((await highlightedTexts(page, "article")).length, 0, "off");
  assert.equal(await page.evaluate(() => "sourcelight" in window), false, "off removes window.sourcelight");
  // a handle kept from before says it was freed, in words
  const stale = await page.evaluate(() => {
    const old = window.__old;
    delete window.__old;
    return ["findings", "setVisible", "step", "clear"].map((name) => {
      try {
        old[name](true);
        return `${name}: no error`;
      } catch (e) {
        return e.message;
      }
    });
  });
  for (const message of stale) {
    assert.match(message, /^sourcelight\.Highlighter\.\w+\(\): this highlighter was freed/, message);
  }
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), original, "the page is as before");

  await page.click("#bookmark");
  await page.waitForFunction(() => document.querySelector("sourcelight-widget"));
  await page.waitForFunction(() => window.sourcelight.findings().length > 0);
  assert.equal(await hosts(), 1, "one copy only");
  assert.ok((await highlightedTexts(page, "article")).length > 0, "on again");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/**
 * Clicks the bookmarklet on a site served with `headers` (after `prepare(page)`),
 * and returns the page and the text of the message the bookmarklet shows.
 */
async function bookmarkletMessage({ headers = [], prepare = async () => {} } = {}) {
  const code = await bookmarkletCode();
  const s = await site({ body: `<a id="bookmark" href="javascript:${encodeURIComponent(code)}">sourcelight</a>`, headers });
  const page = await newPage(b);
  await prepare(page);
  await page.goto(s.url);
  await page.click("#bookmark");
  const message = page.locator("[data-sourcelight-message]");
  await message.waitFor();
  return { page, text: await message.innerText() };
}

test("bookmarklet: where the page's policy forbids the widget's host, a message says so", async () => {
  const { page, text } = await bookmarkletMessage({
    headers: ["Content-Security-Policy: script-src 'self' 'unsafe-inline'"],
  });
  assert.match(text, /security policy blocks it[\s\S]*extension/);
  assert.equal(await page.locator("sourcelight-widget").count(), 0);
  await page.context().close();
});

test("bookmarklet: where the page's policy forbids WebAssembly, a message says so", async () => {
  const { page, text } = await bookmarkletMessage({
    headers: [`Content-Security-Policy: script-src 'self' 'unsafe-inline' ${widget.url}`],
  });
  assert.match(text, /security policy blocks it[\s\S]*extension/);
  assert.equal(await page.locator("sourcelight-widget").count(), 0);
  await page.context().close();
});

test("bookmarklet: any other failure says that sourcelight failed, with the error in the console", async () => {
  // the engine's file cannot be had: a broken deployment, not a policy
  const { page, text } = await bookmarkletMessage({
    prepare: (page) => page.route("**/sourcelight_bg.wasm", (route) => route.fulfill({ status: 404, body: "gone" })),
  });
  assert.match(text, /sourcelight failed on this page[\s\S]*console/);
  assert.ok(page.problems.some((p) => p.startsWith("console error: sourcelight:")), page.problems.join("\n"));
  await page.context().close();
});

test("extension: the toolbar action highlights a page that blocks the bookmarklet", async () => {
  const extension = join(DIST, "extension");
  const profile = mkdtempSync(join(tmpdir(), "sourcelight-profile-"));
  dirs.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: false,
    args: [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
      `--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
    ],
  });
  try {
    const s = await site({ headers: ["Content-Security-Policy: default-src 'self'; script-src 'self'"] });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // the content script reports its failures on the console
    page.on("console", (m) => m.type() === "error" && m.text().startsWith("sourcelight") && errors.push(m.text()));
    await page.goto(s.url);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await globalThis.toggle(tab.id);
    }, s.url);
    await page.waitForFunction(() => document.querySelector("sourcelight-widget"), null, { timeout: 10_000 });
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => /^sl\d+-/.test(k)), null, { timeout: 10_000 });
    const texts = await highlightedTexts(page, "article");
    assert.ok(texts.some((t) => t.role === "source" && t.text.includes("Maria Lund")), JSON.stringify(texts));

    // the button again: off
    await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await globalThis.toggle(tab.id);
    }, s.url);
    await page.waitForFunction(() => !document.querySelector("sourcelight-widget"));

    // "always on" for the site: a page opened there is highlighted by itself
    const host = new URL(s.url).host;
    await worker.evaluate((host) => chrome.storage.local.set({ sites: { [host]: true } }), host);
    const again = await context.newPage();
    await again.goto(s.url);
    await again.waitForFunction(() => document.querySelector("sourcelight-widget"), null, { timeout: 10_000 });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
