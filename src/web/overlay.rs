//! Overlay mode: the CSS Custom Highlight API paints ranges of text without
//! touching the page's DOM. One named highlight per category and part
//! (`sl-named-source`, `sl-hedged-cue`, ...), styled by `::highlight()`
//! rules, plus `sl-current` for the finding being looked at.
//!
//! web-sys marks the API unstable, so the few calls needed are bound here.

use std::collections::HashSet;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Range;

use crate::marks::Role;
use crate::report::Category;

#[wasm_bindgen]
extern "C" {
    /// `Highlight`: a set of ranges painted together.
    #[wasm_bindgen(js_name = Highlight)]
    type JsHighlight;

    #[wasm_bindgen(constructor, js_class = "Highlight", catch)]
    fn new() -> Result<JsHighlight, JsValue>;

    #[wasm_bindgen(method, js_class = "Highlight", js_name = add)]
    fn add(this: &JsHighlight, range: &Range);

    #[wasm_bindgen(method, setter, js_class = "Highlight", js_name = priority)]
    fn set_priority(this: &JsHighlight, priority: i32);
}

/// `CSS.highlights`, when the browser has it.
fn registry() -> Option<js_sys::Map> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let highlights = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    let has_constructor = js_sys::Reflect::has(&js_sys::global(), &"Highlight".into()).unwrap_or(false);
    (!highlights.is_undefined() && has_constructor).then(|| highlights.unchecked_into())
}

/// True when the browser can paint highlights without touching the DOM.
pub fn supported() -> bool {
    registry().is_some()
}

/// One painted run: a DOM range with its category and part.
pub struct Painted {
    /// The range of text.
    pub range: Range,
    /// Its colour.
    pub category: Category,
    /// Its part of the finding.
    pub role: Role,
}

/// The highlights registered for one `highlight()`, named after its
/// prefix.
pub struct Overlay {
    registry: js_sys::Map,
    prefix: String,
    names: Vec<String>,
}

impl Overlay {
    /// An overlay with nothing painted yet; its highlights are named
    /// `{prefix}-{category}-{part}` and `{prefix}-current`.
    pub fn new(prefix: &str) -> Result<Overlay, JsValue> {
        let registry = registry().ok_or_else(|| JsValue::from_str("this browser has no CSS Custom Highlight API"))?;
        Ok(Overlay { registry, prefix: prefix.to_owned(), names: Vec::new() })
    }

    fn name(&self, category: Category, role: Role) -> String {
        format!("{}-{}-{}", self.prefix, category.as_str(), role.as_str())
    }

    fn current_name(&self) -> JsValue {
        JsValue::from_str(&format!("{}-current", self.prefix))
    }

    /// Paints `runs`, leaving out the categories in `hidden`; replaces what
    /// was painted before.
    pub fn paint(&mut self, runs: &[Painted], hidden: &HashSet<Category>) -> Result<(), JsValue> {
        self.remove_all();
        // cues over sources over content where they meet
        for (priority, role) in [(1, Role::Content), (2, Role::Source), (3, Role::Cue)] {
            for category in Category::ALL {
                if hidden.contains(&category) {
                    continue;
                }
                let highlight = JsHighlight::new()?;
                highlight.set_priority(priority);
                let mut any = false;
                for run in runs.iter().filter(|r| r.category == category && r.role == role) {
                    highlight.add(&run.range);
                    any = true;
                }
                if any {
                    let name = self.name(category, role);
                    self.registry.set(&JsValue::from_str(&name), &highlight);
                    self.names.push(name);
                }
            }
        }
        Ok(())
    }

    /// Paints `ranges` as the finding being looked at (none: no finding).
    pub fn set_current(&mut self, ranges: &[Range]) {
        let key = self.current_name();
        self.registry.delete(&key);
        if ranges.is_empty() {
            return;
        }
        if let Ok(highlight) = JsHighlight::new() {
            highlight.set_priority(4);
            for range in ranges {
                highlight.add(range);
            }
            self.registry.set(&key, &highlight);
        }
    }

    fn remove_all(&mut self) {
        for name in self.names.drain(..) {
            self.registry.delete(&JsValue::from_str(&name));
        }
    }

    /// Removes every highlight this overlay registered.
    pub fn clear(&mut self) {
        self.remove_all();
        self.registry.delete(&self.current_name());
    }
}

impl Drop for Overlay {
    fn drop(&mut self) {
        self.clear();
    }
}
