// The demo page in headless Chromium: the sample article is highlighted on
// load (overlays by default, elements on request) with the right sources
// in the tooltips and the panel, pasted text is highlighted as text (never
// as markup), clearing restores the article, and nothing logs an error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { screenshotPath, distSuite } from "./harness.mjs";
import { highlightedTexts, hoverText, tooltip } from "./probe.mjs";

const dist = distSuite();

async function openDemo() {
  const page = await dist.page();
  await page.goto(dist.url);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

test("the article is painted with overlays: sources, hedges, disputes, and no change to its markup", async () => {
  const page = await openDemo();
  assert.equal(await page.evaluate(() => document.body.dataset.mode), "overlay");
  assert.equal(await page.locator("#article sl-mark").count(), 0, "overlay mode adds no elements to the article");
  const texts = await highlightedTexts(page);
  const sources = texts.filter((t) => t.role === "source");
  const has = (category, text) => sources.some((s) => s.category === category && s.text.includes(text));
  assert.ok(has("named", "Elena Marsh"), JSON.stringify(sources));
  assert.ok(has("named", "Radio Calder"), "the broadcaster");
  assert.ok(has("unnamed", "Officials familiar with the talks"), "the unnamed officials");
  assert.ok(texts.some((t) => t.category === "hedged" && t.text === "it appears"), "a hedge");
  assert.ok(texts.some((t) => t.category === "disputed"), "a dispute");
  assert.ok(texts.some((t) => t.category === "no-source"), "a claim with no source");

  // the tooltip names the canonical source, found by pointing at the words
  await hoverText(page, "#article", "Marsh told");
  const tip = await tooltip(page);
  assert.match(tip, /Claim attributed to a named person/);
  assert.match(tip, /Elena Marsh/);
  // and says, in words and per cent, how sure the engine is
  assert.match(tip, /Confidence: (very likely right|likely right|less sure, check the text) \(\d+ %\)/);
  await hoverText(page, "#article", "it appears");
  assert.match(await tooltip(page), /The writer hedges/);

  // the panel lists who is quoted; a click steps to their claims
  const panel = page.locator("sourcelight-widget .panel");
  assert.match(await panel.innerText(), /Who is quoted[\s\S]*Elena Marsh/i);
  await page.locator("sourcelight-widget .sources button", { hasText: "Tomas Reyes" }).click();
  assert.match(await tooltip(page), /Tomas Reyes/);
  await page.screenshot({ path: screenshotPath("demo"), fullPage: false });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("keyboard: next finding, hide and show, and the panel toggles", async () => {
  const page = await openDemo();
  await page.keyboard.press("Alt+Shift+KeyN");
  assert.match(await tooltip(page), /Claim|hedges|Disputed|Hearsay/);
  const count = async () => (await highlightedTexts(page, "#article")).length;
  const before = await count();
  await page.keyboard.press("Alt+Shift+KeyH");
  assert.equal(await count(), 0, "hidden");
  await page.keyboard.press("Alt+Shift+KeyH");
  assert.equal(await count(), before, "shown again");
  await page.locator("sourcelight-widget .legend label", { hasText: "Writer hedges" }).locator("input").uncheck();
  assert.ok(!(await highlightedTexts(page, "#article")).some((t) => t.category === "hedged"), "hedges toggled off");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("wrap mode paints elements, and clearing restores the article's markup exactly", async () => {
  const page = await openDemo();
  const original = await page.evaluate(() => {
    window.sourcelightDemo.article.clear();
    return document.getElementById("article").innerHTML;
  });
  await page.check("#wrap");
  await page.waitForFunction(() => document.body.dataset.mode === "wrap");
  assert.ok((await page.locator("#article sl-mark").count()) > 30);
  const marked = await page.$$eval("#article sl-mark.sl-source", (els) => els.map((e) => e.textContent));
  assert.ok(marked.includes("Radio Calder"), marked.join("|"));
  await page.locator("#article sl-mark.sl-source", { hasText: /^Reyes/ }).first().hover();
  assert.match(await tooltip(page), /Tomas Reyes/);
  await page.screenshot({ path: screenshotPath("demo-wrap") });
  const after = await page.evaluate(() => {
    window.sourcelightDemo.article.clear();
    return {
      html: document.getElementById("article").innerHTML,
      hosts: document.querySelectorAll("sourcelight-widget").length,
    };
  });
  assert.equal(after.html, original);
  assert.equal(after.hosts, 1, "only the draft box's widget is left");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("pasted text is highlighted as text, and markup in it stays text", async () => {
  const page = await openDemo();
  const pasted = "<img src=x onerror=alert(1)> “We will win,” said Anna Berg, the mayor.\nThe port will reopen, according to officials.";
  await page.fill("#input", pasted);
  await page.click("#run");
  await page.waitForFunction(() => document.getElementById("try-status").textContent.includes("findings"));
  assert.equal(await page.locator("#output img").count(), 0, "no markup from the pasted text");
  assert.match(await page.locator("#output").innerText(), /<img src=x onerror=alert\(1\)>/);
  const sources = (await highlightedTexts(page, "#output")).filter((t) => t.role === "source").map((t) => t.text);
  assert.deepEqual(sources, ["Anna Berg, the mayor", "officials"]);
  await page.screenshot({ path: screenshotPath("demo-pasted") });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the draft box is painted in place and again as the writer types", async () => {
  const page = await openDemo();
  const status = () => page.locator("#draft-status").innerText();
  await page.waitForFunction(() => document.getElementById("draft-status").textContent.length > 0);
  assert.match(await status(), /^\d+ claims with no source, 0 from unnamed sources, 1 from named ones; [1-9]\d* hedges/);
  const before = await page.evaluate(() => document.getElementById("draft").innerHTML);
  const texts = await highlightedTexts(page, "#draft");
  assert.ok(texts.some((t) => t.role === "source" && t.text.includes("harbour office")), JSON.stringify(texts));
  assert.equal(before.includes("sl-mark"), false, "no elements in the writer's text");

  await page.locator("#draft p").last().click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Officials said the talks failed.", { delay: 5 });
  await page.waitForFunction(() => /1 from unnamed sources/.test(document.getElementById("draft-status").textContent), null, {
    timeout: 5000,
  });
  const after = await highlightedTexts(page, "#draft");
  assert.ok(after.some((t) => t.role === "source" && t.text === "Officials"), JSON.stringify(after));
  assert.deepEqual(page.problems, []);
  await page.close();
});
