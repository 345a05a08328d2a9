//! TypeScript types for the JavaScript API, written out because the values
//! cross the boundary as plain objects: the report's shape and the options
//! of `highlight()`. They go into the package's `sourcelight.d.ts`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** What a finding is. */
export type Kind = "attribution" | "unverified";

/** How a finding is shown: one colour each. */
export type Category = "named" | "unnamed" | "no-source" | "hedged" | "disputed";

/** What kind of thing a source is. */
export type SourceType = "person" | "organization" | "media" | "social" | "unnamed" | "document";

/** Why a claim is flagged as unverified. */
export type Reason = "hedge" | "hearsay" | "disputed";

/** The judgement a loaded cue carries ("revealed" affirms, "claimed" doubts, "admitted" concedes). */
export type Judgement = "affirms" | "doubts" | "concedes";

/** A piece of a part split in several ("…" in `text`). Offsets count UTF-16 code units. */
export interface Fragment {
  start: number;
  end: number;
}

/** A stretch of the text: `text.slice(start, end)`. Offsets count UTF-16 code units. */
export interface Part {
  start: number;
  end: number;
  text: string;
  /** Present when the part is in several pieces (a quotation split by "she said"). */
  fragments?: Fragment[];
}

/** Who or what a claim comes from. */
export interface SourcePart extends Part {
  type: SourceType;
  /** The canonical name, the same however the text refers to the source. */
  name: string;
}

/** One attribution or unverified claim. */
export interface Finding {
  kind: Kind;
  category: Category;
  cue: Part;
  source: SourcePart | null;
  content: Part | null;
  reason: Reason | null;
  speech: "direct" | "reported" | null;
  loaded: Judgement | null;
  /** For a dispute: the index of the finding it disputes. */
  disputes: number | null;
  /** The rule that found it ("model" for the learned cue tagger). */
  rule: string;
  /**
   * How likely the finding is right, 0 to 1: for attributions with a source,
   * the learned scorer's estimate that cue and source are right; findings
   * below the threshold are not reported. Other findings carry 1 for now.
   */
  confidence: number;
}

/** What `analyze()` returns. */
export interface Report {
  findings: Finding[];
}

/** Options of `highlight()`; all optional. */
export interface HighlightOptions {
  /** "overlay" (CSS Custom Highlight API, no DOM change) or "wrap" (elements). Default: overlay where supported. */
  mode?: "overlay" | "wrap";
  /** Colours for light or dark pages; "auto" decides from the page. */
  theme?: "auto" | "light" | "dark";
  /** Show the panel. Default true. */
  panel?: boolean;
  /** Answer the keyboard shortcuts (Alt+Shift+H, N, P). Default true. */
  keys?: boolean;
  /** Paint again when the page changes. Default true. */
  watch?: boolean;
  /** Also read <pre> and <code>. Default false. */
  includeCode?: boolean;
  /**
   * Read and paint editable regions (contenteditable) too, repainting as
   * they are edited; overlay mode only. Default false.
   */
  editable?: boolean;
}

/**
 * Finds and highlights the attributions and unverified claims under `root`
 * (default: the page's article, else its body). Small pages are painted
 * before it returns; `ready()` settles when a long one is.
 */
export function highlight(root?: Element | null, options?: HighlightOptions): Highlighter;

/** How a highlight's work was done. */
export interface HighlightStats {
  /** Slices of work the paintings so far took. */
  slices: number;
  /** The longest slice, in milliseconds. */
  longestSliceMs: number;
  /** Parts of the text the last painting analysed. */
  partsAnalysed: number;
  /** Parts it took unchanged from the painting before. */
  partsReused: number;
}
"#;
