// The page audit: for saved pages of ../shared/pages, prints every finding
// the widget shows with what its tooltip says (the source's name and type,
// the cue, the content), the rule that found it and its confidence in
// braces, and the text around it, for reviewing real pages by eye. A
// source name with a line break or a run of whitespace is flagged with
// "!", as the panel would show it wrongly.
//
//   node tests/e2e/audit.mjs                 every page
//   node tests/e2e/audit.mjs 002 wapo-1 ...  these pages
//   node tests/e2e/audit.mjs --json PAGE     one JSON object a page
//
// It needs dist/ (bash scripts/build.sh) and ../shared/pages (or
// SOURCELIGHT_SHARED); every request to another host is blocked.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, browser, page as newPage } from "./harness.mjs";

const SHARED = process.env.SOURCELIGHT_SHARED ?? join(ROOT, "..", "shared");
const PAGES = join(SHARED, "pages");
const args = process.argv.slice(2);
const json = args.includes("--json");
const asked = args.filter((a) => !a.startsWith("--"));

if (!existsSync(PAGES)) {
  console.error(`audit: ${PAGES} is absent: set SOURCELIGHT_SHARED to the shared data folder`);
  process.exit(2);
}
if (!existsSync(join(ROOT, "dist", "pkg", "index.js"))) {
  console.error("audit: dist/ is absent: run bash scripts/build.sh first");
  process.exit(2);
}
const all = readdirSync(PAGES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const unknown = asked.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`audit: no such page: ${unknown.join(", ")} (pages: ${all.join(" ")})`);
  process.exit(2);
}

/** Line breaks and other control characters shown, runs of spaces kept visible. */
function visible(text) {
  return text.replace(/\r?\n/g, "⏎").replace(/\t/g, "⇥");
}

/** The text around a finding: from the start of its cue's sentence-ish window. */
function context(text, finding) {
  const parts = [finding.cue, finding.source, finding.content].filter(Boolean);
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.end));
  const from = Math.max(0, start - 60);
  const to = Math.min(text.length, end + 40);
  // long runs of spaces (indented source) shortened, to keep lines short
  const around = visible(text.slice(from, to)).replace(/ {3,}/g, " ␣ ");
  return `${from > 0 ? "…" : ""}${around}${to < text.length ? "…" : ""}`;
}

const cut = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const pagesServer = await serve(PAGES);
const widget = await serve(join(ROOT, "dist"));
const b = await browser();
try {
  for (const name of asked.length ? asked : all) {
    const page = await newPage(b);
    await page.goto(`${pagesServer.url}${name}/source.html`, { waitUntil: "load" });
    const { text, findings } = await page.evaluate(async (base) => {
      const m = await import(`${base}pkg/index.js`);
      await m.default({ module_or_path: `${base}pkg/sourcelight_bg.wasm` });
      const h = m.highlight(undefined, { watch: false, panel: false, keys: false });
      await h.ready();
      const out = { text: h.text(), findings: h.findings() };
      h.clear();
      return out;
    }, widget.url);
    await page.context().close();
    if (json) {
      console.log(JSON.stringify({ page: name, findings }));
      continue;
    }
    const sourced = findings.filter((f) => f.source).length;
    console.log(`\n=== ${name}: ${findings.length} findings, ${sourced} with a source, ${text.length} characters read`);
    findings.forEach((f, i) => {
      const source = f.source
        ? `${/\n|\s{2,}/.test(f.source.name) ? "! " : ""}${visible(f.source.name)} (${f.source.type})`
        : "(no source)";
      const content = f.content ? ` :: ${cut(visible(f.content.text), 100)}` : "";
      const reason = f.reason ? ` [${f.reason}]` : "";
      const made = ` {${f.rule} ${f.confidence.toFixed(2)}}`;
      console.log(`${String(i + 1).padStart(3)}. ${f.category}${reason}${made}: ${source} <${visible(f.cue.text)}>${content}`);
      console.log(`     ${context(text, f)}`);
    });
  }
} finally {
  await b.close();
  pagesServer.close();
  widget.close();
}
