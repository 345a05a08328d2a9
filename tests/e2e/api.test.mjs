// The JavaScript API as a developer calls it, through the real package in
// dist/pkg: every export given values of the wrong type throws a TypeError
// (or an Error for a value of the right type that makes no sense) whose
// message names the function and the argument; nothing traps, and the
// module works normally afterwards. And with a build that panics on
// purpose (target/panic-pkg, made by scripts/test.sh), a panic is an Error
// of the call, and later calls work.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, browser, page as newPage } from "./harness.mjs";

let server, b, page;

before(async () => {
  server = await serve(join(ROOT, "dist"));
  b = await browser();
  page = await newPage(b);
  await page.goto(`${server.url}index.html`);
  await page.evaluate(async () => {
    const m = await import("./pkg/index.js");
    await m.default();
    window.__sl = m;
  });
});
after(async () => {
  await b?.close();
  server?.close();
});

/** Runs each call in the page; returns, per call, the error it threw: {name, message}, or null. */
function errorsOf(calls) {
  return page.evaluate((calls) => {
    const m = window.__sl;
    const root = document.createElement("div");
    root.textContent = "The war is over, Zelensky said.";
    document.body.append(root);
    const out = calls.map((source) => {
      try {
        new Function("m", "root", source)(m, root);
        return null;
      } catch (e) {
        return { name: e?.constructor?.name, message: String(e?.message) };
      }
    });
    root.remove();
    return out;
  }, calls);
}

const ODD = ["undefined", "null", "123", "{}", "[1]", "Symbol('x')", "() => 1", "10n"];

test("analyze(text) rejects anything but a string with a TypeError", async () => {
  const errors = await errorsOf(ODD.map((v) => `m.analyze(${v})`));
  errors.forEach((e, i) => {
    assert.equal(e?.name, "TypeError", `analyze(${ODD[i]}): ${JSON.stringify(e)}`);
    assert.match(e.message, /analyze\(text\): text must be a string/);
  });
  const after = await page.evaluate(() => window.__sl.analyze("The war is over, Zelensky said.").findings.length);
  assert.equal(after, 1, "the module still works");
});

test("highlight(root, options) names the bad root or option", async () => {
  const cases = [
    ["m.highlight(123)", "TypeError", /root must be an Element, not a number/],
    ["m.highlight('body')", "TypeError", /root must be an Element, not a string/],
    ["m.highlight(document.createTextNode('x'))", "TypeError", /root must be an Element/],
    ["m.highlight(document.createElement('div'))", "Error", /root is not in the document/],
    ["m.highlight(root, 'wrap')", "TypeError", /options must be an object/],
    ["m.highlight(root, { colour: 'red' })", "Error", /unknown option colour/],
    ["m.highlight(root, { panel: 'no' })", "TypeError", /option panel must be true or false/],
    ["m.highlight(root, { mode: 'sideways' })", "Error", /unknown mode "sideways"/],
    ["m.highlight(root, { theme: 1 })", "TypeError", /option theme must be a string/],
  ];
  const errors = await errorsOf(cases.map(([call]) => call));
  errors.forEach((e, i) => {
    const [call, name, message] = cases[i];
    assert.equal(e?.name, name, `${call}: ${JSON.stringify(e)}`);
    assert.match(e.message, /^sourcelight\.highlight\(root, options\): /, call);
    assert.match(e.message, message, call);
  });
});

test("a highlighter's methods reject bad values and keep working", async () => {
  const calls = [
    "h.setVisible('yes')",
    "h.setVisible(undefined)",
    "h.setCategoryVisible(1, true)",
    "h.setCategoryVisible('purple', true)",
    "h.setCategoryVisible('named', 'no')",
    "h.step('back')",
  ];
  const result = await page.evaluate(async (calls) => {
    const m = window.__sl;
    const root = document.createElement("div");
    root.textContent = "The war is over, Zelensky said.";
    document.body.append(root);
    const h = m.highlight(root, { mode: "wrap", panel: false });
    await h.ready();
    const errors = calls.map((c) => {
      try {
        new Function("h", c)(h);
        return null;
      } catch (e) {
        return { name: e?.constructor?.name, message: String(e?.message) };
      }
    });
    const shown = h.findings().length;
    h.setCategoryVisible("named", false);
    h.setVisible(true);
    h.clear();
    const restored = root.innerHTML === "The war is over, Zelensky said.";
    root.remove();
    return { errors, shown, restored };
  }, calls);
  result.errors.forEach((e, i) => {
    assert.ok(e, `${calls[i]} threw nothing`);
    assert.match(e.name, /^(TypeError|Error)$/, calls[i]);
    assert.match(e.message, /^sourcelight\.Highlighter\.\w+\(/, `${calls[i]}: ${e.message}`);
  });
  assert.equal(result.shown, 1);
  assert.ok(result.restored, "clear() restored the page");
});

const PANIC_PKG = join(ROOT, "target", "panic-pkg");

test("a panic is an Error of the call that names it, and later calls work", {
  skip: !existsSync(join(PANIC_PKG, "index.js")) && "target/panic-pkg is absent: scripts/test.sh builds it",
}, async () => {
  const panicking = await serve(PANIC_PKG);
  const p = await newPage(b);
  try {
    await p.goto(panicking.url);
    const result = await p.evaluate(async () => {
      const m = await import("./index.js");
      await m.default();
      const root = document.createElement("div");
      root.textContent = "The war is over, Zelensky said.";
      document.body.append(root);
      const h = m.highlight(root, { mode: "wrap", panel: false });
      await h.ready();
      const outcome = (f) => {
        try {
          return { value: f() };
        } catch (e) {
          return { name: e?.constructor?.name, message: String(e?.message) };
        }
      };
      const panicked = outcome(() => m.analyze("sourcelight: test panic"));
      const after = [1, 2, 3].map(() => outcome(() => m.analyze("The war is over, Zelensky said.").findings.length));
      const again = outcome(() => m.analyze("sourcelight: test panic"));
      const stale = outcome(() => h.findings());
      const fresh = m.highlight(root, { mode: "wrap", panel: false });
      await fresh.ready();
      const shown = fresh.findings().length;
      fresh.clear();
      return { panicked, after, again, stale, shown };
    });
    assert.equal(result.panicked.name, "Error", JSON.stringify(result.panicked));
    assert.match(result.panicked.message, /^sourcelight\.analyze\(text\): an internal error stopped this call/);
    assert.deepEqual(result.after, [{ value: 1 }, { value: 1 }, { value: 1 }], "later calls work");
    assert.match(result.again.message, /internal error/, "a second panic is handled the same way");
    assert.match(result.stale.message, /this highlighter stopped after an internal error/);
    assert.equal(result.shown, 1, "a new highlight works");
    assert.ok(p.problems.some((x) => x.includes("a panic for the tests")), "the panic's message is in the console");
  } finally {
    await p.context().close();
    panicking.close();
  }
});
