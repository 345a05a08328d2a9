// The demo page: highlights the sample article on load, any pasted text on
// request, and a draft as it is written. Pasted text is put into the page
// with textContent only.
import init, { highlight } from "./pkg/index.js";

const CATEGORIES = ["named", "unnamed", "no-source", "hedged", "disputed"];
const $ = (id) => document.getElementById(id);

function counts(findings) {
  const c = Object.fromEntries(CATEGORIES.map((k) => [k, 0]));
  for (const f of findings) c[f.category] += 1;
  return c;
}

// The article's sourcing in one line (the panel has the details).
function showSummary(findings) {
  const c = counts(findings);
  const claims = c.named + c.unnamed + c["no-source"];
  const pct = (n) => (claims ? Math.round((100 * n) / claims) : 0);
  $("status").textContent =
    `${claims} claims: ${pct(c.named)}% from a named source, ${pct(c.unnamed)}% from an unnamed one, ` +
    `${pct(c["no-source"])}% with no source; ${c.hedged} hedges, ${c.disputed} disputes.`;
}

let pasted = null;
let article = null;

// Overlay where the browser can (the default), or elements when asked.
function currentMode() {
  return $("wrap").checked ? "wrap" : undefined;
}

async function highlightArticle() {
  if (article) article.clear();
  article = highlight($("article"), { mode: currentMode() });
  window.sourcelightDemo = { article };
  await article.ready();
  document.body.dataset.mode = article.mode();
  showSummary(article.findings());
}

async function highlightPasted() {
  if (pasted) pasted.clear();
  const out = $("output");
  out.replaceChildren();
  const text = $("input").value;
  for (const line of text.split(/\n+/)) {
    if (!line.trim()) continue;
    const p = document.createElement("p");
    p.textContent = line;
    out.append(p);
  }
  const started = performance.now();
  pasted = highlight(out, { panel: false, keys: false, mode: currentMode() });
  await pasted.ready();
  const ms = performance.now() - started;
  const n = pasted.findings().length;
  $("try-status").textContent = text.trim() ? `${n} findings in ${ms.toFixed(1)} ms` : "";
}

// The draft box: painted in place as the writer types (overlay mode reads
// and paints an editor without touching its text, caret or undo history).
let draft = null;
let draftTimer = 0;

async function showDraftStatus() {
  await draft.ready();
  const c = counts(draft.findings());
  $("draft-status").textContent =
    `${c["no-source"]} claims with no source, ${c.unnamed} from unnamed sources, ${c.named} from named ones; ` +
    `${c.hedged} hedges, ${c.disputed} disputes.`;
}

async function checkDraft() {
  const box = $("draft");
  try {
    draft = highlight(box, { mode: "overlay", editable: true, panel: false, keys: false });
  } catch (e) {
    // wrap mode would put elements into the writer's text: no fallback
    $("draft-status").textContent = `This browser cannot paint inside an editor: ${e.message}`;
    return;
  }
  await showDraftStatus();
  // the draft is painted again a moment after typing stops
  box.addEventListener("input", () => {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(showDraftStatus, 600);
  });
}

async function main() {
  try {
    await init();
    await highlightArticle();
    await checkDraft();
    $("wrap").addEventListener("change", async () => {
      await highlightArticle();
      if (pasted) await highlightPasted();
    });
    $("run").addEventListener("click", highlightPasted);
    $("clear").addEventListener("click", () => {
      if (pasted) pasted.clear();
      pasted = null;
      $("output").replaceChildren();
      $("input").value = "";
      $("try-status").textContent = "";
    });
    document.body.dataset.ready = "true";
  } catch (e) {
    $("status").textContent = `sourcelight could not start: ${e.message ?? e}`;
    console.error(e);
  }
}

main();
