//! Finding the article: the part of a page worth reading, so that menus,
//! comments and footers are not analysed.
//!
//! In order: an element marked as the article body (`[itemprop=articleBody]`),
//! an `<article>`, `<main>` or `[role=main]` (the one with the most
//! paragraph text when there are several), else the element holding the
//! most paragraph text (with its parent, when paragraphs beside it hold
//! a good share of the story too), else the body.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// Below this many characters of paragraph text a candidate is too thin
/// to be the article (a teaser card, an empty `<main>`).
const MIN_TEXT: usize = 280;

/// The article element of `document`, or its body.
pub fn find_article(document: &Document) -> Option<Element> {
    for selector in ["[itemprop=articleBody]", "article", "main", "[role=main]"] {
        let Ok(list) = document.query_selector_all(selector) else { continue };
        let best = (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
            .map(|e| (paragraph_text(&e), e))
            .max_by_key(|(len, _)| *len);
        if let Some((len, element)) = best {
            if len >= MIN_TEXT {
                return Some(element);
            }
        }
    }
    most_paragraph_text(document).or_else(|| document.body().map(Into::into))
}

/// The characters of text in the `<p>` elements under `element`.
fn paragraph_text(element: &Element) -> usize {
    let Ok(paragraphs) = element.query_selector_all("p") else { return 0 };
    (0..paragraphs.length()).filter_map(|i| paragraphs.item(i)).map(|p| text_length(&p)).sum()
}

#[wasm_bindgen]
extern "C" {
    /// A node seen for its `textContent` as a JavaScript string: its length
    /// is read without copying the text into WebAssembly, which on a long
    /// page took longer than the rest of `highlight()`.
    type TextContent;

    #[wasm_bindgen(method, getter, js_name = textContent)]
    fn text_content(this: &TextContent) -> js_sys::JsString;
}

/// The characters (UTF-16 code units) of text under `node`, without the
/// white space around it.
fn text_length(node: &web_sys::Node) -> usize {
    node.unchecked_ref::<TextContent>().text_content().trim().length() as usize
}

/// The element whose `<p>` children hold the most text: the parent of the
/// paragraphs of the story.
fn most_paragraph_text(document: &Document) -> Option<Element> {
    let paragraphs = document.query_selector_all("p").ok()?;
    let mut scores: Vec<(Element, usize)> = Vec::new();
    for i in 0..paragraphs.length() {
        let Some(p) = paragraphs.item(i) else { continue };
        let Some(parent) = p.parent_element() else { continue };
        let len = text_length(&p);
        match scores.iter_mut().find(|(e, _)| e.is_same_node(Some(&parent))) {
            Some((_, score)) => *score += len,
            None => scores.push((parent, len)),
        }
    }
    let (mut best, score) = scores.iter().filter(|(_, s)| *s >= MIN_TEXT).max_by_key(|(_, s)| *s).cloned()?;
    // a story whose first paragraphs sit beside its main block ("read
    // more" boxes, blocks between ads) is read from their common parent
    while let Some(parent) = best.parent_element() {
        let direct = scores.iter().find(|(e, _)| e.is_same_node(Some(&parent))).map_or(0, |(_, s)| *s);
        if direct * 100 < score * SIBLING_SHARE {
            break;
        }
        best = parent;
    }
    Some(best)
}

/// The share of the best block's paragraph text, in percent, that
/// paragraphs right beside it must hold to be read with it.
const SIBLING_SHARE: usize = 15;
