// The demo page in headless Chromium: the sample article is highlighted on
// load with the right sources in the tooltips, pasted text is highlighted
// as text (never as markup), and nothing logs an error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, serve, browser, page as newPage, screenshotPath } from "./harness.mjs";

let server, b;
before(async () => {
  server = await serve(join(ROOT, "www"));
  b = await browser();
});
after(async () => {
  await b?.close();
  server?.close();
});

/** The tooltip's text after pointing at the first mark whose text is exactly `text`. */
async function tooltipFor(page, text) {
  const mark = page.locator("#article sl-mark").filter({ hasText: new RegExp(`^${text}$`) }).first();
  await mark.hover();
  const tip = page.locator("sourcelight-widget .tip");
  await tip.waitFor({ state: "visible" });
  return tip.innerText();
}

test("the sample article is highlighted with named, unnamed and unsourced claims", async () => {
  const page = await newPage(b);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  const marks = await page.locator("#article sl-mark").count();
  assert.ok(marks > 30, `expected many marks, got ${marks}`);

  // the sources a reader should see, with their categories
  const sources = await page.$$eval("#article sl-mark.sl-source", (els) => els.map((e) => `${e.className}|${e.textContent}`));
  const has = (cls, text) => sources.some((s) => s.includes(cls) && s.endsWith(`|${text}`));
  assert.ok(has("sl-named", "Transport Minister Elena Marsh") || has("sl-named", "Elena Marsh"), sources.join("\n"));
  assert.ok(sources.some((s) => s.includes("sl-named") && s.includes("Radio Calder")), "the broadcaster");
  assert.ok(sources.some((s) => s.includes("sl-unnamed") && /officials/i.test(s)), "the unnamed officials");

  // tooltips name the canonical source and say what kind it is
  const marsh = await tooltipFor(page, "Marsh");
  assert.match(marsh, /Claim attributed to a named person/);
  assert.match(marsh, /Elena Marsh/);
  const hedge = await tooltipFor(page, "it appears");
  assert.match(hedge, /The writer hedges/);

  // a claim with no source and a dispute are shown
  assert.ok(await page.locator("#article sl-mark.sl-no-source").count() > 0, "unsourced claims");
  assert.ok(await page.locator("#article sl-mark.sl-disputed").count() > 0, "disputes");

  // the summary counts what was found
  const status = await page.locator("#status").innerText();
  assert.match(status, /\d+ claims: \d+% from a named source/);

  await page.locator("#article sl-mark").filter({ hasText: /^Elena Marsh$/ }).first().hover();
  await page.screenshot({ path: screenshotPath("demo"), fullPage: false });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("pasted text is highlighted as text, and markup in it stays text", async () => {
  const page = await newPage(b);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  const pasted = "<img src=x onerror=alert(1)> “We will win,” said Anna Berg, the mayor.\nThe port will reopen, according to officials.";
  await page.fill("#input", pasted);
  await page.click("#run");
  await page.waitForSelector("#output sl-mark");
  assert.equal(await page.locator("#output img").count(), 0, "no markup from the pasted text");
  const text = await page.locator("#output").innerText();
  assert.match(text, /<img src=x onerror=alert\(1\)>/);
  const sources = await page.$$eval("#output sl-mark.sl-source", (els) => els.map((e) => e.textContent));
  assert.deepEqual(sources, ["Anna Berg", "officials"]);
  await page.screenshot({ path: screenshotPath("demo-pasted") });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("clearing the article restores its markup exactly", async () => {
  const page = await newPage(b);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  const result = await page.evaluate(async () => {
    const { article } = window.sourcelightDemo;
    article.clear();
    return {
      marks: document.querySelectorAll("sl-mark").length,
      hosts: document.querySelectorAll("sourcelight-widget").length,
      html: document.getElementById("article").innerHTML,
    };
  });
  const original = await (await fetch(server.url)).text();
  assert.equal(result.marks, 0);
  assert.equal(result.hosts, 0);
  const start = original.indexOf('<article id="article" class="news">') + '<article id="article" class="news">'.length;
  const end = original.indexOf("</article>");
  assert.equal(result.html, original.slice(start, end));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
