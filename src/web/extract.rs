//! The text of a page as a reader sees it, and the way back from offsets in
//! that text to DOM positions.
//!
//! The walk goes through the root in document order. Block elements, `<br>`,
//! list items and table cells put a line break between their text and the
//! rest, so that sentences never run across them. Scripts, styles, form
//! fields, hidden elements, editable regions and code blocks (each unless
//! asked for) and the widget's own elements are left out; so is, inside
//! the root, what stands beside the story (navigation, asides, captions,
//! galleries, tag lists: see [`beside_the_story`]).
//!
//! Open shadow roots are read where their host stands, as the browser
//! shows them: the shadow tree instead of the host's children, and a
//! `<slot>` as the nodes assigned to it (or its own fallback content).
//! Closed shadow roots cannot be reached, and their hosts' children are
//! read as light DOM.
//!
//! Every text node contributes its data with tabs and line breaks turned
//! into spaces, one byte for one byte, so a byte offset inside a node's
//! piece of the text is the same offset inside the node's data; the line
//! breaks between blocks belong to no node.

use wasm_bindgen::JsCast;
use web_sys::{CssStyleDeclaration, Element, HtmlSlotElement, Node, ShadowRoot, Text};

use crate::offsets::bytes_to_utf16;
use crate::Span;

/// Elements whose content is never text for a reader.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "textarea", "input", "select", "option", "button",
    "iframe", "object", "embed", "canvas", "video", "audio", "head", "meta", "link", "title", "datalist", "dialog",
];

/// Elements that always stand apart from the text around them.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "menu",
    "center",
    "legend",
    "html",
];

/// What to leave out besides what is never text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Filter {
    /// Read `<pre>` and `<code>` too.
    pub include_code: bool,
    /// Read editable regions (`contenteditable`) too.
    pub include_editable: bool,
}

/// The text under a root and where each piece of it lives.
pub struct PageText {
    /// The text as the engine reads it.
    pub text: String,
    /// The open shadow roots the text was read from: each needs the marks'
    /// stylesheet of its own, as page styles do not reach inside.
    pub shadow_roots: Vec<ShadowRoot>,
    pieces: Vec<Piece>,
}

/// A text node's share of the text.
struct Piece {
    node: Text,
    span: Span,
}

/// A stretch of one text node, in UTF-16 code units of its data: what a DOM
/// `Range` needs.
#[derive(Clone, Debug)]
pub struct NodeRange {
    /// The text node.
    pub node: Text,
    /// Start offset in the node's data.
    pub start: u32,
    /// End offset in the node's data.
    pub end: u32,
}

/// The widget's own element names: never read as page text.
pub const WIDGET_TAGS: &[&str] = &["sourcelight-widget"];

/// One step of the walk.
enum Step {
    /// Read this node and what it holds.
    Enter(Node),
    /// Leave an element; break the line after it when it is a block.
    Leave(bool),
}

/// A walk through the text under a root that can stop and go on later, so
/// that a long page is read in slices.
pub struct Extractor {
    // An explicit stack instead of recursion: pages can nest deeply.
    stack: Vec<Step>,
    out: PageText,
    filter: Filter,
    window: Option<web_sys::Window>,
    root: Element,
}

impl Extractor {
    /// Starts a walk at `root`.
    pub fn new(root: &Element, filter: Filter) -> Extractor {
        Extractor {
            stack: vec![Step::Enter(root.clone().into())],
            out: PageText::empty(),
            filter,
            window: web_sys::window(),
            root: root.clone(),
        }
    }

    /// Reads up to `nodes` more nodes; true when the walk is over.
    pub fn step(&mut self, nodes: usize) -> bool {
        for _ in 0..nodes {
            let Some(step) = self.stack.pop() else { return true };
            let node = match step {
                Step::Leave(block) => {
                    if block {
                        self.out.line_break();
                    }
                    continue;
                }
                Step::Enter(node) => node,
            };
            match node.node_type() {
                Node::TEXT_NODE => {
                    if let Ok(text) = node.dyn_into::<Text>() {
                        self.out.push_text(text);
                    }
                }
                Node::ELEMENT_NODE => {
                    let Ok(element) = node.dyn_into::<Element>() else { continue };
                    let tag = element.local_name().to_ascii_lowercase();
                    if tag == "br" {
                        self.out.line_break();
                        continue;
                    }
                    if skipped(&element, &tag, self.filter) {
                        continue;
                    }
                    let style = self.window.as_ref().and_then(|w| w.get_computed_style(&element).ok().flatten());
                    let display = style.as_ref().and_then(|s| s.get_property_value("display").ok()).unwrap_or_default();
                    if display == "none" || style.as_ref().is_some_and(invisible) {
                        continue;
                    }
                    let block = BLOCKS.contains(&tag.as_str()) || displays_as_block(&display);
                    // blocks only: an inline "shareable quote" is still the story's text
                    if block && !element.is_same_node(Some(&self.root)) && beside_the_story(&element, &tag) {
                        continue;
                    }
                    if block {
                        self.out.line_break();
                    }
                    self.stack.push(Step::Leave(block));
                    if let Some(children) = self.shown_instead(&element, &tag) {
                        for k in (0..children.length()).rev() {
                            self.stack.push(Step::Enter(children.get(k).unchecked_into()));
                        }
                        continue;
                    }
                    let children = element.child_nodes();
                    for k in (0..children.length()).rev() {
                        if let Some(child) = children.item(k) {
                            self.stack.push(Step::Enter(child));
                        }
                    }
                }
                _ => {}
            }
        }
        self.stack.is_empty()
    }

    /// The nodes the browser shows in place of `element`'s own children,
    /// if any: its open shadow root's, or the nodes assigned to a slot.
    fn shown_instead(&mut self, element: &Element, tag: &str) -> Option<js_sys::Array> {
        if let Some(shadow) = element.shadow_root() {
            let children = js_sys::Array::from(&shadow.child_nodes());
            self.out.shadow_roots.push(shadow);
            return Some(children);
        }
        let assigned = (tag == "slot").then(|| element.dyn_ref::<HtmlSlotElement>())??.assigned_nodes();
        (assigned.length() > 0).then_some(assigned)
    }

    /// The text read.
    pub fn finish(mut self) -> PageText {
        while !self.step(usize::MAX) {}
        self.out
    }
}

/// True when the element and all it holds are not text for a reader, by
/// its markup.
fn skipped(element: &Element, tag: &str, filter: Filter) -> bool {
    if SKIPPED.contains(&tag) || WIDGET_TAGS.contains(&tag) || (!filter.include_code && matches!(tag, "pre" | "code")) {
        return true;
    }
    if element.has_attribute("hidden") || element.get_attribute("aria-hidden").as_deref() == Some("true") {
        return true;
    }
    if !filter.include_editable {
        if let Some(editable) = element.get_attribute("contenteditable") {
            if editable != "false" {
                return true;
            }
        }
    }
    false
}

/// Elements that hold what stands beside a story, not the story itself:
/// navigation, asides (tags, related links, pull quotes), captions and
/// footers (bylines, tag lists).
const BESIDE: &[&str] = &["nav", "aside", "figcaption", "footer"];

/// Words of a class or id (split at spaces, `-` and `_`) that mark what
/// stands beside a story: galleries of other stories, related links,
/// captions and credits, sharing and newsletter boxes, comments, tag
/// lists, bylines.
const BESIDE_WORDS: &[&str] = &[
    "gallery",
    "related",
    "recommended",
    "promo",
    "newsletter",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "byline",
    "tags",
    "breadcrumb",
    "breadcrumbs",
    "caption",
    "credit",
    "credits",
    "sidebar",
    "advert",
    "ad",
    "sponsored",
    "outbrain",
    "taboola",
];

/// Words of a class or id that say an element is the story after all
/// ("article-body share-tools" is not a share box).
const STORY_WORDS: &[&str] = &["article", "story", "body", "content", "main", "text", "entry"];

/// True when an element inside the read root holds something beside the
/// story rather than the story: by its tag, or by the words of its class
/// and id. The root itself is always read: the caller chose it.
fn beside_the_story(element: &Element, tag: &str) -> bool {
    if BESIDE.contains(&tag) || element.get_attribute("role").as_deref() == Some("navigation") {
        return true;
    }
    let mut names = element.get_attribute("class").unwrap_or_default();
    names.push(' ');
    names.push_str(&element.id());
    let names = names.to_ascii_lowercase();
    let words: Vec<&str> = names.split(|c: char| c.is_whitespace() || c == '-' || c == '_').collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    has(BESIDE_WORDS) && !has(STORY_WORDS)
}

/// True when the computed style hides the element's text.
fn invisible(style: &CssStyleDeclaration) -> bool {
    let visibility = style.get_property_value("visibility").unwrap_or_default();
    visibility == "hidden" || visibility == "collapse"
}

/// True when CSS `display` lays the element out as a block of its own.
fn displays_as_block(display: &str) -> bool {
    !(display.is_empty()
        || display.starts_with("inline")
        || display == "contents"
        || display == "ruby"
        || display == "none")
}

impl PageText {
    /// No text.
    pub fn empty() -> PageText {
        PageText { text: String::new(), shadow_roots: Vec::new(), pieces: Vec::new() }
    }

    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    fn push_text(&mut self, node: Text) {
        let data = node.data();
        if data.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.extend(data.chars().map(|c| if matches!(c, '\n' | '\r' | '\t' | '\x0C') { ' ' } else { c }));
        self.pieces.push(Piece { node, span: Span::new(start, self.text.len()) });
    }

    /// The byte offset in [`Self::text`] of a DOM position (a text node and
    /// a UTF-16 offset in its data), if the node is part of the text.
    pub fn offset_of(&self, node: &Node, utf16: u32) -> Option<usize> {
        let piece = self.pieces.iter().find(|p| p.node.is_same_node(Some(node)))?;
        let local = piece.span.text(&self.text);
        let mut units = 0u32;
        for (byte, c) in local.char_indices() {
            if units >= utf16 {
                return Some(piece.span.start + byte);
            }
            units += c.len_utf16() as u32;
        }
        Some(piece.span.end)
    }

    /// The stretches of text nodes that the byte span `span` of
    /// [`Self::text`] covers, in document order.
    pub fn node_ranges(&self, span: Span) -> Vec<NodeRange> {
        let first = self.pieces.partition_point(|p| p.span.end <= span.start);
        let mut out = Vec::new();
        for piece in &self.pieces[first..] {
            if piece.span.start >= span.end {
                break;
            }
            let local = piece.span.text(&self.text);
            let mut offsets =
                [span.start.max(piece.span.start) - piece.span.start, span.end.min(piece.span.end) - piece.span.start];
            // only the text before the end counts, and in ASCII a byte is a unit
            let before_end = local.get(..offsets[1]).unwrap_or(local);
            if !before_end.is_ascii() {
                bytes_to_utf16(before_end, &mut offsets);
            }
            if offsets[0] < offsets[1] {
                out.push(NodeRange { node: piece.node.clone(), start: offsets[0] as u32, end: offsets[1] as u32 });
            }
        }
        out
    }
}
