//! `highlight()`: reads, analyses and paints a part of the page, and the
//! handle that clears it again.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event};

use super::events::Listener;
use super::extract::{extract, Filter};
use super::sheets::{adopt, Adopted};
use super::style::marks_css;
use super::to_js;
use super::widget::Widget;
use super::wrap::{inside_mark, wrap, Run, Wrapped};
use crate::explain::explain;
use crate::marks::marks;
use crate::report::{Report, Unit};

/// Options of `highlight()`, from a plain JavaScript object. Every field
/// is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// `"wrap"`: marks are elements around the text.
    pub mode: Option<String>,
    /// Read `<pre>` and `<code>` too.
    pub include_code: bool,
    /// Use the colours for dark pages (default: decided from the page).
    pub dark: Option<bool>,
}

/// What a highlight holds while it is shown.
struct Shown {
    report: Report,
    wrapped: Wrapped,
    widget: Widget,
    _sheet: Adopted,
    _listeners: Vec<Listener>,
}

/// The handle `highlight()` returns.
#[wasm_bindgen]
pub struct Highlighter {
    state: Rc<RefCell<Option<Shown>>>,
    text: String,
    findings: JsValue,
}

#[wasm_bindgen]
impl Highlighter {
    /// The findings shown: the array `analyze(text()).findings`, with
    /// offsets into `text()`.
    pub fn findings(&self) -> JsValue {
        self.findings.clone()
    }

    /// The text the analysis read.
    pub fn text(&self) -> String {
        self.text.clone()
    }

    /// Removes everything the widget added; the page is as it was before.
    /// Calling it twice does nothing the second time.
    pub fn clear(&self) {
        // take the state out first: its parts clean up as they drop
        let shown = self.state.borrow_mut().take();
        if let Some(mut shown) = shown {
            shown.wrapped.clear();
        }
    }
}

/// Finds and highlights the attributions and unverified claims under `root`
/// (default: the document body).
#[wasm_bindgen]
pub fn highlight(root: JsValue, options: JsValue) -> Result<Highlighter, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("sourcelight: bad options: {e}")))?
    };
    let window = web_sys::window().ok_or_else(|| JsError::new("sourcelight: no window"))?;
    let document = window.document().ok_or_else(|| JsError::new("sourcelight: no document"))?;
    let root: Element = if root.is_undefined() || root.is_null() {
        document.body().map(Into::into).ok_or_else(|| JsError::new("sourcelight: the document has no body"))?
    } else {
        root.dyn_into().map_err(|_| JsError::new("sourcelight: highlight(root): root must be an Element"))?
    };
    if let Some(mode) = options.mode.as_deref() {
        if mode != "wrap" {
            return Err(JsError::new(&format!("sourcelight: unknown mode {mode:?}: use \"wrap\"")));
        }
    }
    let page = extract(&root, Filter { include_code: options.include_code });
    let report = crate::analyze(&page.text);
    let dark = options.dark.unwrap_or(false);
    let runs: Vec<Run> = marks(&report, None)
        .into_iter()
        .flat_map(|m| {
            let class = format!("sl-{} sl-{}", m.category.as_str(), m.role.as_str());
            page.node_ranges(m.span).into_iter().map(move |range| Run {
                range,
                class: class.clone(),
                finding: m.finding,
            })
        })
        .collect();
    let wrapped = wrap(&document, runs).map_err(js_error)?;
    let sheet = adopt(document.as_ref(), &marks_css(dark)).map_err(js_error)?;
    let widget = Widget::new(&document, dark).map_err(js_error)?;
    let findings = to_js(&report.clone().into_unit(&page.text, Unit::Utf16).findings)?;
    let text = page.text.clone();
    let state = Rc::new(RefCell::new(None));
    let listeners = tooltip_listeners(&document, Rc::downgrade(&state));
    *state.borrow_mut() = Some(Shown { report, wrapped, widget, _sheet: sheet, _listeners: listeners });
    Ok(Highlighter { state, text, findings })
}

fn js_error(e: JsValue) -> JsError {
    let message =
        e.as_string().or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()));
    JsError::new(&format!("sourcelight: {}", message.unwrap_or_else(|| "the page could not be changed".into())))
}

/// Hover and keyboard focus on a mark show its tooltip.
fn tooltip_listeners(document: &Document, state: Weak<RefCell<Option<Shown>>>) -> Vec<Listener> {
    let show = {
        let state = state.clone();
        move |event: Event| {
            let Some(state) = state.upgrade() else { return };
            let Ok(shown) = state.try_borrow() else { return };
            let Some(shown) = shown.as_ref() else { return };
            let Some(target) = event.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()) else { return };
            let Some(mark) = inside_mark(&target) else { return };
            let Some(i) = mark.get_attribute("data-finding").and_then(|v| v.parse::<usize>().ok()) else {
                return;
            };
            let Some(finding) = shown.report.findings.get(i) else { return };
            shown.widget.show_tip(&explain(&shown.report, i), finding.category, &mark.get_bounding_client_rect());
        }
    };
    let hide = move |_: Event| {
        let Some(state) = state.upgrade() else { return };
        let Ok(shown) = state.try_borrow() else { return };
        if let Some(shown) = shown.as_ref() {
            shown.widget.hide_tip();
        }
    };
    let target: &web_sys::EventTarget = document.as_ref();
    vec![
        Listener::new(target, "mouseover", true, show.clone()),
        Listener::new(target, "focusin", true, show),
        Listener::new(target, "mouseout", true, hide.clone()),
        Listener::new(target, "focusout", true, hide.clone()),
        Listener::new(target, "scroll", true, hide),
    ]
}
