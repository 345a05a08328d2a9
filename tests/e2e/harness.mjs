// Shared pieces of the end-to-end tests: a static server on localhost and
// headless Chromium driven by playwright-core (no browser download: the
// system's /usr/bin/chromium).
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SCREENSHOTS = join(ROOT, "tests", "e2e", "screenshots");
mkdirSync(SCREENSHOTS, { recursive: true });

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox", "--disable-gpu", "--headless", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

/** Serves `dir` on a free localhost port; resolves to {url, close}. */
export function serve(dir, { headers = [] } = {}) {
  const args = [join(ROOT, "scripts", "serve.py"), dir, "--port", "0"];
  for (const h of headers) args.push("--header", h);
  const child = spawn("python3", args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve({ url: m[1], close: () => child.kill() });
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** Launches headless Chromium. */
export async function browser(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extraArgs] });
}

/**
 * A new page that may only reach localhost, and that records page errors
 * and console errors in `page.problems`.
 */
export async function page(b, options = {}) {
  const context = await b.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.protocol === "data:") {
      return route.continue();
    }
    return route.abort("blockedbyclient");
  });
  context.setDefaultTimeout(10_000);
  const p = await context.newPage();
  p.problems = [];
  p.on("pageerror", (e) => p.problems.push(`page error: ${e.message}`));
  p.on("console", (m) => {
    if (m.type() === "error") p.problems.push(`console error: ${m.text()}`);
  });
  return p;
}

/**
 * For a test file whose tests load the built widget: serves dist/ and
 * launches Chromium before them, and closes both after. Returns the
 * server's address (`url`) and `page()`, a new page as `page` makes.
 */
export function distSuite() {
  let server, b;
  before(async () => {
    server = await serve(join(ROOT, "dist"));
    b = await browser();
  });
  after(async () => {
    await b?.close();
    server?.close();
  });
  return {
    get url() {
      return server.url;
    },
    page: (options) => page(b, options),
  };
}

export function screenshotPath(name) {
  return join(SCREENSHOTS, `${name}.png`);
}
