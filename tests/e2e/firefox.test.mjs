// The browser extension in headless Firefox, used as a user uses it: the
// built extension installed as a temporary add-on, its toolbar button
// clicked on a page whose Content-Security-Policy blocks the bookmarklet
// (on, then off again), and "Always on for this site" chosen in the
// button's context menu. Talks WebDriver to geckodriver over HTTP with
// node's fetch; skips where Firefox, geckodriver or the built extension is
// missing. SOURCELIGHT_EXTENSION names another build of the extension.
//
// Why the toolbar button and not the Alt+Shift+S shortcut: WebDriver's key
// events reach the page but not Firefox's shortcut handling, which sees
// them only once the focus is taken off the page, as no user has it. The
// button is within reach: WebDriver's "chrome" context is Firefox's own
// window, toolbar and menus included, and mouse events there go through
// Firefox's handling of a click (activeTab granted, action.onClicked
// fired) as a user's click does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { ROOT, serve } from "./harness.mjs";
import { highlightedTexts } from "./probe.mjs";

const EXTENSION = process.env.SOURCELIGHT_EXTENSION ?? join(ROOT, "dist", "extension");
const FIREFOX = process.env.FIREFOX ?? onPath("firefox");
const GECKODRIVER = process.env.GECKODRIVER ?? onPath("geckodriver");
const FIXTURE = readFileSync(join(ROOT, "tests", "e2e", "fixtures", "article.html"), "utf8");
// the policy under which the bookmarklet cannot load (ship.test.mjs)
const CSP = "Content-Security-Policy: default-src 'self'; script-src 'self'";

const missing = [
  !FIREFOX && "firefox on PATH",
  !GECKODRIVER && "geckodriver on PATH",
  !existsSync(join(EXTENSION, "manifest.json")) && `the built extension in ${EXTENSION} (bash scripts/build.sh)`,
].filter(Boolean);

/** The full path of the program `name` on PATH, or null. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {}
  }
  return null;
}

/** Polls `check` until it returns something truthy, and returns that; throws after `timeout` ms. */
async function until(what, check, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends one WebDriver command; resolves to its value, or throws WebDriver's error. */
async function webdriver(method, url, body, timeout = 10_000) {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body && JSON.stringify(body),
    signal: AbortSignal.timeout(timeout),
  });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`${method} ${new URL(url).pathname}: ${value.error}: ${value.message}`);
  return value;
}

/**
 * Starts geckodriver, which starts headless Firefox with a fresh profile
 * under `dir`. Resolves to {session, log, stop}: `log()` is all Firefox
 * printed so far; `stop()` ends Firefox and geckodriver, politely if it can.
 */
async function firefox(dir) {
  // --allow-system-access lets the session into Firefox's own window (the
  // toolbar); TMPDIR keeps Firefox's temporary files in `dir` too
  const driver = spawn(GECKODRIVER, ["--port", "0", "--binary", FIREFOX, "--profile-root", dir, "--allow-system-access"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TMPDIR: dir },
  });
  const exited = new Promise((resolve) => driver.once("exit", resolve));
  let out = "";
  driver.stdout.on("data", (chunk) => (out += chunk));
  driver.stderr.on("data", (chunk) => (out += chunk));
  let session = null;
  const stop = async () => {
    try {
      await session?.close();
    } catch {
      // Firefox does not answer: end it by the process id geckodriver gave
      kill(session.firefoxPid);
    }
    kill(driver.pid);
    await exited;
  };
  try {
    const base = await Promise.race([
      until("geckodriver to listen", () => out.match(/Listening on (\S+)/)?.[1]),
      exited.then((code) => Promise.reject(new Error(`geckodriver exited with ${code}: ${out}`))),
    ]);
    session = await Session.start(`http://${base}`, {
      browserName: "firefox",
      "moz:firefoxOptions": {
        args: ["-headless"],
        prefs: {
          // the console of pages, content scripts and the background on
          // Firefox's output: the one console WebDriver over HTTP can read
          "devtools.console.stdout.content": true,
          "devtools.console.stdout.chrome": true,
        },
      },
    });
    return { session, log: () => out, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function kill(pid) {
  try {
    if (pid) process.kill(pid, "SIGKILL");
  } catch {}
}

/** A WebDriver session with Firefox. */
class Session {
  static async start(base, capabilities) {
    // Firefox's first start takes seconds, more on a busy machine
    const { sessionId, capabilities: got } = await webdriver(
      "POST",
      `${base}/session`,
      { capabilities: { alwaysMatch: capabilities } },
      30_000,
    );
    return new Session(`${base}/session/${sessionId}`, got["moz:processID"]);
  }

  constructor(url, firefoxPid) {
    this.url = url;
    this.firefoxPid = firefoxPid;
  }

  send(method, path, body) {
    return webdriver(method, `${this.url}${path}`, body);
  }

  /** Runs `source` (a function body) in the current context, with `args`. */
  script(source, ...args) {
    return this.send("POST", "/execute/sync", { script: source, args });
  }

  /** Runs `steps` in Firefox's own window (toolbar, menus) rather than the page. */
  async inChrome(steps) {
    await this.send("POST", "/moz/context", { context: "chrome" });
    try {
      return await steps();
    } finally {
      await this.send("POST", "/moz/context", { context: "content" });
    }
  }

  /** The first element matching `selector`, or undefined. */
  async find(selector) {
    return (await this.send("POST", "/elements", { using: "css selector", value: selector }))[0];
  }

  /** Moves the mouse onto `element` and clicks `button` there (2: the right one). */
  mouse(element, button) {
    const steps = [
      { type: "pointerMove", origin: element, x: 0, y: 0 },
      { type: "pointerDown", button },
      { type: "pointerUp", button },
    ];
    return this.send("POST", "/actions", {
      actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: steps }],
    });
  }

  /** As much of a Playwright page as probe.mjs needs. */
  get page() {
    return { evaluate: (fn, arg) => this.script(`return (${fn})(arguments[0]);`, arg) };
  }

  close() {
    return this.send("DELETE", "");
  }
}

/**
 * Pins the extension's button to the toolbar and resolves to it. Firefox
 * keeps the buttons of Manifest V3 extensions in its extensions menu until
 * the user pins them; this is what that menu's "Pin to Toolbar" does.
 */
async function toolbarButton(session, addonId) {
  return session.inChrome(async () => {
    await session.script(
      `const { ExtensionCommon } = ChromeUtils.importESModule("resource://gre/modules/ExtensionCommon.sys.mjs");
       gUnifiedExtensions.pinToToolbar(ExtensionCommon.makeWidgetId(arguments[0]) + "-browser-action", true);`,
      addonId,
    );
    return until("the extension's button in the toolbar", () =>
      session.find(`#nav-bar .webextension-browser-action[data-extensionid="${addonId}"]`),
    );
  });
}

/**
 * Clicks the extension's toolbar button with the mouse. (WebDriver's
 * element click would not do: on Firefox's own elements it is a bare
 * click() from script, with no mouse events before it.)
 */
function clickButton(session, button) {
  return session.inChrome(() => session.mouse(button, 0));
}

/** Chooses the item `label` in the context menu of the extension's toolbar button. */
async function chooseInMenu(session, button, label) {
  await session.inChrome(async () => {
    await session.mouse(button, 2);
    const item = await until(`"${label}" in the button's menu`, () =>
      session.find(`#toolbar-context-menu menuitem[label="${label}"]`),
    );
    // with the mouse again: an element click would run the item's command
    // but leave the menu open, which no user sees
    await session.mouse(item, 0);
    await until("the menu to close", () =>
      session.script(`return document.getElementById("toolbar-context-menu").state === "closed";`),
    );
  });
}

/** Resolves when sourcelight shows on the page, with Maria Lund highlighted as a source. */
async function highlighted(session) {
  await until("the sourcelight widget", () => session.script(`return !!document.querySelector("sourcelight-widget");`));
  // overlays (CSS.highlights) where Firefox has them, marks before: probe.mjs reads both
  const texts = await until("Maria Lund highlighted as a source", async () => {
    const texts = await highlightedTexts(session.page, "article");
    return texts.some((t) => t.role === "source" && t.text.includes("Maria Lund")) && texts;
  });
  assert.ok(texts.some((t) => t.role === "source" && t.text.includes("Radio Skerry")), JSON.stringify(texts));
}

/**
 * The lines of Firefox's output where sourcelight, or any script of the
 * extension (its files are at `origin`), reported an error. Firefox's own
 * add-ons have moz-extension: addresses too, hence the origin.
 */
function extensionErrors(log, origin) {
  return log
    .split("\n")
    .filter(
      (line) =>
        /^console\.error: "?sourcelight/.test(line) ||
        (origin && /^(JavaScript error|console\.error)/.test(line) && line.includes(origin)),
    );
}

test(
  "extension in Firefox: the toolbar button highlights a page that blocks the bookmarklet",
  { skip: missing.length ? `needs ${missing.join(", ")}` : false, timeout: 50_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "sourcelight-firefox-"));
    const site = join(dir, "site");
    const profiles = join(dir, "firefox");
    mkdirSync(site);
    mkdirSync(profiles);
    writeFileSync(join(site, "index.html"), FIXTURE.replace("<!--HEAD-->", "").replace("<!--BODY-->", ""));
    let server, browser, origin;
    try {
      server = await serve(site, { headers: [CSP] });
      browser = await firefox(profiles);
      const { session } = browser;
      const addonId = await session.send("POST", "/moz/addon/install", { path: EXTENSION, temporary: true });
      origin = await session.inChrome(() =>
        session.script(`return "moz-extension://" + WebExtensionPolicy.getByID(arguments[0]).mozExtensionHostname;`, addonId),
      );
      await session.send("POST", "/url", { url: server.url });
      const original = await session.script(`return document.documentElement.outerHTML;`);
      const button = await toolbarButton(session, addonId);

      await clickButton(session, button);
      await highlighted(session);

      // the button again: off, and the page is as it was
      await clickButton(session, button);
      await until("the widget to go", () => session.script(`return !document.querySelector("sourcelight-widget");`));
      assert.deepEqual(await highlightedTexts(session.page, "body"), [], "off");
      assert.equal(await session.script(`return document.documentElement.outerHTML;`), original, "the page is as before");

      // "always on" for the site: on here at once, and on by itself in a new tab
      await chooseInMenu(session, button, "Always on for this site");
      await highlighted(session);
      const { handle } = await session.send("POST", "/window/new", { type: "tab" });
      await session.send("POST", "/window", { handle });
      await session.send("POST", "/url", { url: server.url });
      await highlighted(session);

      assert.deepEqual(extensionErrors(browser.log(), origin), []);
    } catch (error) {
      // a timeout says little by itself; what the extension logged says why
      const errors = extensionErrors(browser?.log() ?? "", origin);
      if (errors.length) error.message += `\nthe extension logged:\n${errors.join("\n")}`;
      throw error;
    } finally {
      await browser?.stop();
      server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
