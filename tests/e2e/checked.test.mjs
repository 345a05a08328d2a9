// Checked lists as regression tests (issue 11, item 3): for 12 English news
// pages of ../shared/pages, tests/data/checked/PAGE.tsv lists by hand the
// attributions a careful reader expects in the article body (source, type,
// cue), judged from the page, not from what the engine finds. This test
// highlights each page with the built widget, matches the findings that
// have a source against the list, prints precision and recall per page and
// in total, and fails when either drops below its floor.
//
// The lists. One line per attribution: `source<TAB>type<TAB>cue`, in page
// order, a line again for each repeated (source, cue) pair; `#` starts a
// comment. Source and cue may give alternatives separated by " | ". Types
// are the engine's: person, organization, media, social, unnamed (people
// or groups the text does not identify: "officials", "our sources"),
// document (texts, even vague ones: "the explanatory notes", "reports").
// How the lists were judged: a continued quotation without a new cue is no
// new line; two cues for one statement ("He added that ..., he said") are
// one line with both cues; attributions nested in a quotation count; left out
// are captions, headlines, link lists and galleries, claims with no source
// ("we're told", "reportedly"), negated speech ("has not commented") and
// speech that did not happen ("might have suggested").
//
// The matching, per page, as multisets (a maximum matching, so the order
// of findings does not matter). A finding with a source (whatever its kind)
// matches an unused line when
// - its source name equals one of the line's alternatives, both lower-cased
//   with whitespace collapsed, curly apostrophes made straight and a
//   leading article (the, a, an) or title (Mr, Mrs, Ms, Dr) dropped; or,
//   for partial but right names, the words of one are a contiguous run in
//   the words of the other and that run holds a word capitalized in both
//   ("Fiona" for "Fiona Parry", "Jennifer Mattinson from the West Mercia
//   police" for "Jennifer Mattinson"; not "officials" for "Con Edison
//   officials", not "Lee Sang-min" for "Lee Jae-myung");
// - its type equals the line's type; and
// - its cue, lower-cased, holds as a whole word the first word of one of
//   the line's cue alternatives ("said in a statement" for "said").
// Findings and lines left over that would match but for the type are
// counted apart as type errors (still errors for precision and recall).
// precision = matched / findings, recall = matched / lines, summed over all
// pages (micro-averaged). SOURCELIGHT_CHECKED_VERBOSE=1 also prints every
// wrong finding and every missed line.
//
// Needs dist/ (bash scripts/build.sh) and ../shared/pages (or
// SOURCELIGHT_SHARED); skips with a message when either is absent. Every
// request to another host is blocked.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, browser, page as newPage } from "./harness.mjs";

// The floors are what the engine reached, so that any regression fails
// and is looked at; raise them as the engine gets better (the issue's
// target is precision 0.90 and recall 0.70). The lists are small: one
// finding moves precision by about 0.007, and a retrained model often
// moves a finding or two of the tagger's own either way.
// When the lists were made (2026-11-30, dist/ built 10:27 UTC): 182
// findings with a source, 163 checked lines, 98 matched, 5 more right but
// for the type: precision 0.538, recall 0.601.
// After the fixes of the same day (what stands beside a story is not
// read, pronouns and "the company" resolved, types from the text, the
// writer's "we" and denied cues dropped): 142 findings, 104 matched, 2
// more right but for the type: precision 0.732, recall 0.638. With a
// story split around a box read whole: 146 findings, 107 matched:
// precision 0.733, recall 0.656. With countries as organizations
// (lexicon/countries.txt): 143 findings, 106 matched: precision 0.741,
// recall 0.650. After a review's fixes (class words matched whole, on
// blocks only; listed names only at a name's start): 142 findings, 106
// matched: precision 0.746, recall 0.650. With sources that name no one
// dropped (a sentence's capitalized first word that the text also writes
// in lower case, a "who" that stands for nothing), names in apposition
// ("her mother, Fiona"), listed names only in capitals, reporters'
// credits and headings before a colon left out: 139 findings, 108
// matched: precision 0.777, recall 0.663. With proposed cues that carry on
// a rule's cue or start with a preposition left out, "he" resolved to the
// one person the sentence before names, "found" taken only before "that",
// a colon or a quotation, and "fans and supporters" one source: 137
// findings, 108 matched: precision 0.788, recall 0.663. With "As Mashable
// reports, ..." read (rule as-source-said) and no listed name ("South
// Korea") taken for a person "he" stands for: 137 findings, 109 matched:
// precision 0.796, recall 0.669. With the model retrained after issue
// 11's classes 5-7 were fixed: 137 findings, 110 matched: precision
// 0.803, recall 0.675. With the writer's own "I" outside quotations and
// headings before a colon that open on a common word left out: 136
// findings, 110 matched: precision 0.809, recall 0.675. With the taggers
// trained with half the L1 (twice the weights), "“As Eloise" no first
// name, and the tagger's proposals taking the whole phrase around the
// words believed in as source: 139 findings, 115 matched, precision
// 0.827, recall 0.706. With a written work no claim ("wrote a second
// book"), the layer's words before a mention naming the source ("Law
// enforcement sources"), a participle after "by" in a relative clause
// taking its "who" or "which", and articles analysed whole in parts of up
// to 16 KB (pronouns resolved across the article): 133 findings, 120
// matched, precision 0.902, recall 0.736. With the model retrained on
// more content features (2026-12-01): 136 findings, 120 matched,
// precision 0.882, recall 0.736. With companies and outlets listed by
// name (lexicon/companies.txt, lexicon/outlets.txt), the model retrained
// and the threshold at 0.5 (src/learn/mod.rs says why): 133 findings, 122
// matched, 1 more right but for the type: precision 0.917, recall 0.748.
// With US states as organizations, floating "each"/"all" skipped before a
// verb, a work's title after a colon no claim, "the agency" resolved to
// the agency named before, and the model retrained: 135 findings, 122
// matched, 1 more right but for the type: precision 0.904, recall 0.748.
// With whole opening phrases and shares of a poll as subjects ("Opponents
// of the bridge say", "nine in 10 said"), "“...,” said the designer",
// ",” saying" after a quotation, a quoted "he says" no repeat of the
// claim around it, "many of them" resolved to the group before, and the
// model retrained: 130 findings, 121 matched, 1 more right but for the
// type: precision 0.931, recall 0.742 (two of the tagger's proposals,
// "Uber presented" and "Yoon apologized", fell below the threshold, and
// four wrong ones with them). With "according to" before any phrase
// ("according to show insiders", "according to him"), "according to plan"
// no source, and the taggers retrained with an L1 of 40 (a model 1.7 KB
// smaller, dev F1 as before): 134 findings, 122 matched, 1 more right
// but for the type: precision 0.910, recall 0.748. With the trainer
// visiting examples in an order hashed from each example itself, so that
// retraining after a small change no longer reshuffles every example
// (src/bin/train.rs): 133 findings, 122 matched, 1 more right but for the
// type: precision 0.917, recall 0.748. With the source tagger sparser
// (L1 60) and the model's tables in 2^16 buckets (1.3 KB smaller
// gzipped, dev as before): 132 findings, 122 matched, 1 more right but
// for the type: precision 0.924, recall 0.748. With a short opening
// adjunct before a whole opening phrase ("Indeed, proponents of ... say")
// and the model retrained: 131 findings, 122 matched, 1 more right but
// for the type: precision 0.931, recall 0.748. With "no." ending a
// sentence unless a number follows, "called" that names or telephones
// ("a company called Harmony Enterprises", "called Sanders to
// congratulate him") no longer a cue, and the model retrained: 133
// findings, 123 matched, 1 more right but for the type: precision 0.925,
// recall 0.755. One more right, and one more wrong, a tagger's
// proposal the retraining let through ("much welcomed by many New Yorkers,
// worried Tasos Georgelis": source "Yorkers"); on PolNeAR dev 11 more
// right and 5 more wrong. With "Asked about ..., " and a present-tense
// "is expected to" read as attributions with no source, the modals of a
// condition's outcome, of a wish and of an aside no longer hedges, and the
// model retrained: 132 findings, 123 matched, 1 more right but for the
// type: precision 0.932, recall 0.755 (the retraining no longer lets the
// "Yorkers" proposal through). With fractions of those polled read as
// shares ("Nearly a third say") and a speaker's name before a colon and a
// quotation ("Howard Kurtz, Fox News: “...”") as an attribution, and the
// model retrained: the same 132 findings and 123 matched. With a study or
// people with a long phrase after the head as a subject ("A 2014 study by
// Harvard ... found", "Experts on North Korea and ... said"), how or when
// someone spoke no part of the source ("The senator in a statement said"),
// "those polled say", and the model retrained: 134 findings, 124 matched,
// 1 more right but for the type: precision 0.925, recall 0.761. One more
// right ("a Gallup Korea poll ... showed") and one more wrong, a belief
// the retraining moved from 0.47 to 0.51 ("when the United States hopes
// that it can finish ..."; PolNeAR marks 14 of 16 such "hopes" on dev);
// on PolNeAR dev relation F1 0.704 -> 0.707 at precision 0.888.
const PRECISION_FLOOR = 0.925; // 124 / 134 = 0.9254
const RECALL_FLOOR = 0.76; // 124 / 163 = 0.7607

const SHARED = process.env.SOURCELIGHT_SHARED ?? join(ROOT, "..", "shared");
const PAGES = join(SHARED, "pages");
const CHECKED = join(ROOT, "tests", "data", "checked");
const VERBOSE = Boolean(process.env.SOURCELIGHT_CHECKED_VERBOSE);
const TYPES = new Set(["person", "organization", "media", "social", "unnamed", "document"]);
const TITLES = new Set(["mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr."]);
const ARTICLES = new Set(["the", "a", "an"]);

/** The checked lists: [{page, lines: [{source: [..], type, cue: [..], line}]}]. */
function readLists() {
  return readdirSync(CHECKED)
    .filter((f) => f.endsWith(".tsv"))
    .sort()
    .map((file) => {
      const lines = [];
      readFileSync(join(CHECKED, file), "utf8")
        .split("\n")
        .forEach((text, i) => {
          if (!text.trim() || text.startsWith("#")) return;
          const fields = text.split("\t");
          const where = `${file}:${i + 1}`;
          assert.equal(fields.length, 3, `${where}: want source<TAB>type<TAB>cue, got ${JSON.stringify(text)}`);
          const [source, type, cue] = fields.map((f) => f.trim());
          assert.ok(TYPES.has(type), `${where}: unknown type ${JSON.stringify(type)}`);
          const alternatives = (s) => s.split(" | ").map((a) => a.trim()).filter(Boolean);
          lines.push({ source: alternatives(source), type, cue: alternatives(cue), line: where });
        });
      return { page: file.slice(0, -".tsv".length), lines };
    });
}

/**
 * A name's words: straight apostrophes, whitespace collapsed, edge
 * punctuation and a leading article or title dropped (unless nothing is left).
 */
function words(name) {
  const w = name
    .normalize("NFC")
    .replace(/[\u2018\u2019]/g, "'")
    .split(/\s+/)
    .map((x) => x.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.']+$/gu, ""))
    .filter(Boolean);
  while (w.length > 1 && (ARTICLES.has(w[0].toLowerCase()) || TITLES.has(w[0].toLowerCase()))) w.shift();
  return w;
}
const lower = (ws) => ws.map((w) => w.toLowerCase());
const capitalized = (w) => /^\p{Lu}/u.test(w) && !TITLES.has(w.toLowerCase());

/** Where `inner` (lower-cased words) occurs as a contiguous run in `outer`, or -1. */
function runAt(outer, inner) {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, j) => outer[i + j] === w)) return i;
  }
  return -1;
}

/** Whether the engine's source name stands for the checked alternative (see the top comment). */
function sameSource(found, checked) {
  const a = words(found);
  const b = words(checked);
  const la = lower(a);
  const lb = lower(b);
  if (!la.length || !lb.length) return false;
  if (la.join(" ") === lb.join(" ")) return true;
  const [short, long, shortLower, longLower] = la.length <= lb.length ? [a, b, la, lb] : [b, a, lb, la];
  const at = runAt(longLower, shortLower);
  if (at < 0) return false;
  return short.some((w, j) => capitalized(w) && capitalized(long[at + j]));
}

/** Whether the engine's cue holds the head word of one of the checked cues. */
function sameCue(found, checked) {
  const have = new Set(found.toLowerCase().split(/[^\p{L}\p{N}'\u2019-]+/u).filter(Boolean));
  return checked.some((c) => have.has(c.toLowerCase().split(/\s+/)[0]));
}

/** Maximum matching between `left` and `right` items under `fits` (Kuhn's augmenting paths); returns the pairs. */
function maxMatching(left, right, fits) {
  const owner = new Array(right.length).fill(-1);
  const augment = (i, seen) => {
    for (let j = 0; j < right.length; j++) {
      if (seen[j] || !fits(left[i], right[j])) continue;
      seen[j] = true;
      if (owner[j] < 0 || augment(owner[j], seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  left.forEach((_, i) => augment(i, new Array(right.length).fill(false)));
  return owner.flatMap((i, j) => (i < 0 ? [] : [[i, j]]));
}

/** Scores one page: the findings with a source against the checked lines. */
function score(findings, lines) {
  const named = (f, l) => l.source.some((s) => sameSource(f.source.name, s)) && sameCue(f.cue.text, l.cue);
  const right = maxMatching(findings, lines, (f, l) => named(f, l) && f.source.type === l.type);
  const usedF = new Set(right.map(([i]) => i));
  const usedL = new Set(right.map(([, j]) => j));
  const restF = findings.filter((_, i) => !usedF.has(i));
  const restL = lines.filter((_, j) => !usedL.has(j));
  const typed = maxMatching(restF, restL, named);
  const typedF = new Set(typed.map(([i]) => i));
  const typedL = new Set(typed.map(([, j]) => j));
  return {
    matched: right.length,
    typeErrors: typed.map(([i, j]) => ({ finding: restF[i], line: restL[j] })),
    wrong: restF.filter((_, i) => !typedF.has(i)),
    missed: restL.filter((_, j) => !typedL.has(j)),
  };
}

test("source names and cues match by the documented rule", () => {
  const cases = [
    ["Fiona", "Fiona Parry", true],
    ["the Food Standards Agency", "Food Standards Agency", true],
    ["Jennifer Mattinson from the West Mercia police", "Jennifer Mattinson", true],
    ["Mr. McHugh", "Patrick McHugh", true],
    ["Netanyahu’s Likud party", "Netanyahu's Likud party", true],
    ["officials", "Con Edison officials", false],
    ["Officials", "officials", true],
    ["number of analysts", "a number of analysts", true],
    ["Lee Sang-min", "Lee Jae-myung", false],
    ["Mr.", "Mr. McHugh", false],
    ["government", "government team", false],
    ["Eloise Parry", "Fiona Parry", false],
  ];
  for (const [found, checked, want] of cases) {
    assert.equal(sameSource(found, checked), want, `sameSource(${JSON.stringify(found)}, ${JSON.stringify(checked)})`);
  }
  assert.ok(sameCue("said in a statement", ["said"]));
  assert.ok(sameCue("According to", ["according to"]));
  assert.ok(sameCue("issued a plea", ["plea", "issued a plea"]));
  assert.ok(!sameCue("says", ["said"]));
});

const lists = readLists();
const missingPages = !existsSync(PAGES);
const missingDist = !existsSync(join(ROOT, "dist", "pkg", "index.js"));
const skip = missingPages
  ? `${PAGES} is absent: set SOURCELIGHT_SHARED to the shared data folder`
  : missingDist
    ? "dist/ is absent: run bash scripts/build.sh first"
    : false;

let pagesServer, widget, b;
before(async () => {
  if (skip) return;
  pagesServer = await serve(PAGES);
  widget = await serve(join(ROOT, "dist"));
  b = await browser();
});
after(async () => {
  await b?.close();
  pagesServer?.close();
  widget?.close();
});

/** The findings that have a source, as the widget shows them on a saved page. */
async function sourcedFindings(name) {
  const page = await newPage(b);
  try {
    await page.goto(`${pagesServer.url}${name}/source.html`, { waitUntil: "load" });
    const findings = await page.evaluate(async (base) => {
      const m = await import(`${base}pkg/index.js`);
      await m.default({ module_or_path: `${base}pkg/sourcelight_bg.wasm` });
      const h = m.highlight(undefined, { watch: false, panel: false, keys: false });
      await h.ready();
      const out = h.findings();
      h.clear();
      return out;
    }, widget.url);
    return findings.filter((f) => f.source);
  } finally {
    await page.context().close();
  }
}

const ratio = (n, d) => (d ? (n / d).toFixed(3) : "  -  ");
const oneLine = (s) => s.replace(/\s+/g, " ").trim();

test("checked lists: precision and recall of the sourced findings", { skip, timeout: 120_000 }, async () => {
  const absent = lists.filter(({ page }) => !existsSync(join(PAGES, page, "source.html"))).map(({ page }) => page);
  assert.deepEqual(absent, [], `checked pages missing from ${PAGES}`);
  assert.ok(lists.length >= 12, `want at least 12 checked pages, have ${lists.length}`);

  const rows = [];
  for (const { page, lines } of lists) {
    const findings = await sourcedFindings(page);
    rows.push({ page, findings: findings.length, lines: lines.length, ...score(findings, lines) });
  }
  const total = rows.reduce(
    (t, r) => ({
      findings: t.findings + r.findings,
      lines: t.lines + r.lines,
      matched: t.matched + r.matched,
      typeErrors: t.typeErrors + r.typeErrors.length,
    }),
    { findings: 0, lines: 0, matched: 0, typeErrors: 0 },
  );

  const pad = (s, n) => String(s).padStart(n);
  const header = `${"page".padEnd(27)} ${pad("found", 5)} ${pad("lines", 5)} ${pad("match", 5)} ${pad("type", 4)} ${pad("precision", 9)} ${pad("recall", 6)}`;
  const out = ["", header, "-".repeat(header.length)];
  for (const r of rows) {
    out.push(
      `${r.page.padEnd(27)} ${pad(r.findings, 5)} ${pad(r.lines, 5)} ${pad(r.matched, 5)} ${pad(r.typeErrors.length, 4)} ${pad(ratio(r.matched, r.findings), 9)} ${pad(ratio(r.matched, r.lines), 6)}`,
    );
  }
  out.push("-".repeat(header.length));
  out.push(
    `${"total (micro)".padEnd(27)} ${pad(total.findings, 5)} ${pad(total.lines, 5)} ${pad(total.matched, 5)} ${pad(total.typeErrors, 4)} ${pad(ratio(total.matched, total.findings), 9)} ${pad(ratio(total.matched, total.lines), 6)}`,
  );
  out.push("(found: findings with a source; type: right source and cue, wrong type)");
  if (VERBOSE) {
    for (const r of rows) {
      out.push("", `== ${r.page}`);
      for (const { finding: f, line } of r.typeErrors) {
        out.push(`  type   ${oneLine(f.source.name)} (${f.source.type}, want ${line.type}) <${oneLine(f.cue.text)}>  ${line.line}`);
      }
      for (const f of r.wrong) out.push(`  wrong  ${oneLine(f.source.name)} (${f.source.type}) <${oneLine(f.cue.text)}>`);
      for (const l of r.missed) out.push(`  missed ${l.source.join(" | ")} (${l.type}) <${l.cue.join(" | ")}>  ${l.line}`);
    }
  }
  console.log(out.join("\n"));

  const precision = total.findings ? total.matched / total.findings : 1;
  const recall = total.lines ? total.matched / total.lines : 1;
  assert.ok(precision >= PRECISION_FLOOR, `precision ${precision.toFixed(3)} fell below its floor ${PRECISION_FLOOR}`);
  assert.ok(recall >= RECALL_FLOOR, `recall ${recall.toFixed(3)} fell below its floor ${RECALL_FLOOR}`);
});
