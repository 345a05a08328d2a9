//! Wrap mode: each run of marked text goes into an `<sl-mark>` element, a
//! custom element name that page CSS does not style.
//!
//! Collect, then mutate: all runs are mapped to text-node stretches first,
//! then each text node is split from its end backwards, so that the offsets
//! still to come stay valid. [`Wrapped::clear`] undoes exactly that: every
//! wrapped node goes back where it was, and every split node is joined
//! back into the original node object, so the page holds the same nodes
//! with the same data as before.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Text};

use super::extract::NodeRange;

/// The element name of a mark.
pub const MARK_TAG: &str = "sl-mark";

/// One run to wrap: where, and how the mark element is set up.
pub struct Run<'a> {
    /// The text-node stretch.
    pub range: &'a NodeRange,
    /// The mark's classes.
    pub class: String,
    /// The finding shown (written to `data-finding`).
    pub finding: usize,
    /// The run's index in the caller's list, to find its mark again.
    pub index: usize,
}

/// What wrapping changed, to be undone.
#[derive(Default)]
pub struct Wrapped {
    /// The marks with the index of the run each shows.
    pub marks: Vec<(usize, Element)>,
    /// Each split node: the original and the nodes split off it, in order.
    splits: Vec<(Text, Vec<Text>)>,
}

impl Wrapped {
    /// Puts the page back: unwraps every mark and joins the split text
    /// nodes into their originals. Never fails: nodes the page has removed
    /// meanwhile are left alone.
    pub fn clear(&mut self) {
        for (_, mark) in self.marks.drain(..) {
            let Some(parent) = mark.parent_node() else { continue };
            while let Some(child) = mark.first_child() {
                let _ = parent.insert_before(&child, Some(&mark));
            }
            let _ = parent.remove_child(&mark);
        }
        for (original, pieces) in self.splits.drain(..) {
            for piece in &pieces {
                // as JavaScript strings: text may hold half of a surrogate
                // pair, which a Rust string cannot
                let data = piece.unchecked_ref::<TextData>().data();
                original.unchecked_ref::<TextData>().append_data(&data);
                if let Some(parent) = piece.parent_node() {
                    let _ = parent.remove_child(piece);
                }
            }
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// A text node whose data stays a JavaScript string (web-sys's `Text`
    /// turns it into a Rust one).
    #[wasm_bindgen(js_name = Text)]
    type TextData;

    #[wasm_bindgen(method, getter)]
    fn data(this: &TextData) -> js_sys::JsString;

    #[wasm_bindgen(method, js_name = appendData)]
    fn append_data(this: &TextData, data: &js_sys::JsString);
}

impl Drop for Wrapped {
    fn drop(&mut self) {
        self.clear();
    }
}

/// Wraps the runs, marking each `<sl-mark>` with `data-sl="{owner}"`, and
/// adds what it did to `wrapped`. Runs come in document order and do not
/// overlap. On failure `wrapped` still holds what was done, to be undone.
pub fn wrap(document: &Document, runs: &[Run<'_>], owner: &str, wrapped: &mut Wrapped) -> Result<(), JsValue> {
    // the runs of one text node are next to each other
    let mut from = 0;
    while from < runs.len() {
        let node = &runs[from].range.node;
        let mut to = from + 1;
        while to < runs.len() && runs[to].range.node.is_same_node(Some(node)) {
            to += 1;
        }
        let mut created: Vec<Text> = Vec::new();
        let mut marks: Vec<(usize, Element)> = Vec::new();
        let result = wrap_node(document, node, &runs[from..to], owner, &mut created, &mut marks);
        // record what was done even on failure, to be undone
        marks.reverse();
        wrapped.marks.extend(marks);
        if !created.is_empty() {
            created.reverse();
            wrapped.splits.push((node.clone(), created));
        }
        result?;
        from = to;
    }
    Ok(())
}

/// Wraps the runs of one text node, last first. `created` gets the nodes
/// split off, `marks` the marks, both last first.
fn wrap_node(
    document: &Document,
    node: &Text,
    runs: &[Run<'_>],
    owner: &str,
    created: &mut Vec<Text>,
    marks: &mut Vec<(usize, Element)>,
) -> Result<(), JsValue> {
    for run in runs.iter().rev() {
        let length = node.length();
        let (start, end) = (run.range.start.min(length), run.range.end.min(length));
        if start >= end {
            continue;
        }
        if end < length {
            created.push(node.split_text(end)?);
        }
        let middle = if start > 0 {
            let m = node.split_text(start)?;
            created.push(m.clone());
            m
        } else {
            node.clone()
        };
        let mark = document.create_element(MARK_TAG)?;
        mark.set_class_name(&run.class);
        mark.set_attribute("data-finding", &run.finding.to_string())?;
        mark.set_attribute("data-sl", owner)?;
        // focusable from the keyboard shortcuts, but not a tab stop
        mark.set_attribute("tabindex", "-1")?;
        let parent = middle.parent_node().ok_or_else(|| JsValue::from_str("a text node to mark has no parent"))?;
        parent.insert_before(&mark, Some(&middle))?;
        mark.append_child(&middle)?;
        marks.push((run.index, mark));
    }
    Ok(())
}

/// The mark `node` is or lies inside, if it belongs to `owner`.
pub fn mark_of(node: &Node, owner: &str) -> Option<Element> {
    let element = match node.dyn_ref::<Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    let mark = element.closest(MARK_TAG).ok().flatten()?;
    (mark.get_attribute("data-sl").as_deref() == Some(owner)).then_some(mark)
}
