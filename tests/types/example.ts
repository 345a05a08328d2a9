// Uses every type the npm package exports, the way an application would.
// `tsc --noEmit` must accept it; the lines marked @ts-expect-error must be
// rejected, which fails the check if a type ever widens to `any`.
import init, {
  analyze,
  highlight,
  initSync,
  version,
  type Category,
  type Finding,
  type Fragment,
  type HighlightOptions,
  type HighlightStats,
  type Highlighter,
  type InitInput,
  type InitOutput,
  type Judgement,
  type Kind,
  type Part,
  type Reason,
  type Report,
  type SourcePart,
  type SourceType,
  type SyncInitInput,
} from "sourcelight";

const KIND_WORDS: Record<Kind, string> = { attribution: "attributed", unverified: "unverified" };
const COLOURS: Record<Category, string> = {
  named: "blue",
  unnamed: "orange",
  "no-source": "purple",
  hedged: "yellow",
  disputed: "red",
};
const TYPE_WORDS: Record<SourceType, string> = {
  person: "a person",
  organization: "an organization",
  media: "a media outlet",
  social: "a social-media channel",
  unnamed: "an unnamed source",
  document: "a document",
};
const REASONS: Record<Reason, string> = { hedge: "hedged", hearsay: "no source", disputed: "disputed" };
const JUDGEMENTS: Record<Judgement, string> = { affirms: "affirms", doubts: "doubts", concedes: "concedes" };

function pieces(part: Part): Fragment[] {
  return part.fragments ?? [{ start: part.start, end: part.end }];
}

function who(source: SourcePart | null): string {
  return source ? `${source.name} (${TYPE_WORDS[source.type]})` : "nobody named";
}

function describe(text: string, finding: Finding): string {
  const cue = text.slice(finding.cue.start, finding.cue.end);
  const content = finding.content ? pieces(finding.content).length : 0;
  const reason = finding.reason ? REASONS[finding.reason] : "";
  const loaded = finding.loaded ? JUDGEMENTS[finding.loaded] : "";
  const speech: "direct" | "reported" | null = finding.speech;
  const disputed: number | null = finding.disputes;
  const sure: number = finding.confidence;
  return [KIND_WORDS[finding.kind], COLOURS[finding.category], who(finding.source), cue, content, reason, loaded, speech, disputed, finding.rule, sure.toFixed(2)].join(" ");
}

export async function start(wasm: InitInput, bytes: SyncInitInput): Promise<void> {
  const output: InitOutput = await init({ module_or_path: wasm });
  const memory: WebAssembly.Memory = output.memory;
  console.log(memory.buffer.byteLength, initSync({ module: bytes }).memory === memory);

  const text = "The minister said the plan was working, according to officials.";
  const report: Report = analyze(text);
  for (const finding of report.findings) console.log(describe(text, finding));
  console.log(version().length);

  const options: HighlightOptions = { mode: "wrap", theme: "dark", panel: false, keys: true, watch: false, includeCode: false };
  const handle: Highlighter = highlight(document.querySelector("article"), options);
  await handle.ready();
  const stats: HighlightStats = handle.stats();
  const shown: Finding[] = handle.findings();
  const mode: "overlay" | "wrap" = handle.mode();
  console.log(stats.slices, stats.longestSliceMs, stats.partsAnalysed, stats.partsReused, shown.length, mode, handle.text().length);
  const draft: Highlighter = highlight(document.querySelector("[contenteditable]"), { mode: "overlay", editable: true });
  draft.clear();
  handle.setVisible(false);
  handle.setCategoryVisible("hedged", true);
  const index: number | undefined = handle.step(true);
  console.log(index);
  handle.clear();
  handle.free();
  highlight().clear();

  // @ts-expect-error: not a mode
  highlight(null, { mode: "paint" });
  // @ts-expect-error: not a category
  handle.setCategoryVisible("rumour", true);
  // @ts-expect-error: a finding's kind is one of two words
  const kind: Kind = "claim";
  // @ts-expect-error: analyze takes text
  analyze(42);
  // @ts-expect-error: a source has a type
  const nameless: SourcePart = { start: 0, end: 1, text: "x", name: "x" };
  console.log(kind, nameless);
}
