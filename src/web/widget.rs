//! The widget's own corner of the page: one `<sourcelight-widget>` element
//! whose shadow root holds the tooltip (and the panel). Page CSS cannot
//! reach inside, and nothing inside touches the page. Text from the page
//! only ever goes in through `textContent`.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DomRect, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::sheets::{adopt, Adopted};
use super::style::widget_css;
use crate::explain::Explanation;
use crate::report::Category;

/// The host element's name.
pub const HOST_TAG: &str = "sourcelight-widget";

/// The widget's host, shadow root and tooltip.
pub struct Widget {
    /// The host element, the only thing added to the page outside marks.
    pub host: Element,
    /// Its shadow root, where the tooltip and the panel live.
    pub shadow: ShadowRoot,
    tip: HtmlElement,
    live: HtmlElement,
    _sheet: Adopted,
}

/// Creates an element in `document` with a class.
pub fn element(document: &Document, tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let e: HtmlElement = document.create_element(tag)?.dyn_into()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

impl Widget {
    /// Adds the host to the page.
    pub fn new(document: &Document, dark: bool) -> Result<Widget, JsValue> {
        let host = document.create_element(HOST_TAG)?;
        let init = ShadowRootInit::new(ShadowRootMode::Open);
        let shadow = host.attach_shadow(&init)?;
        let sheet = adopt(shadow.as_ref(), &widget_css(dark))?;
        let tip = element(document, "div", "tip")?;
        tip.set_attribute("role", "tooltip")?;
        tip.set_hidden(true);
        let live = element(document, "div", "live")?;
        live.set_attribute("aria-live", "polite")?;
        live.set_attribute("role", "status")?;
        shadow.append_child(&tip)?;
        shadow.append_child(&live)?;
        let parent =
            document.document_element().ok_or_else(|| JsValue::from_str("the document has no root element"))?;
        parent.append_child(&host)?;
        Ok(Widget { host, shadow, tip, live, _sheet: sheet })
    }

    /// Shows the tooltip for a finding next to `rect` (viewport
    /// coordinates), and has screen readers say it.
    pub fn show_tip(&self, explanation: &Explanation, category: Category, rect: &DomRect) {
        let Some(document) = self.host.owner_document() else { return };
        self.tip.set_text_content(None);
        let _ = (|| -> Result<(), JsValue> {
            let h = element(&document, "h3", "")?;
            let swatch = element(&document, "span", &format!("swatch c-{}", category.as_str()))?;
            h.append_child(&swatch)?;
            h.append_child(&document.create_text_node(&explanation.heading))?;
            self.tip.append_child(&h)?;
            for line in &explanation.lines {
                let p = element(&document, "p", "")?;
                p.set_text_content(Some(line));
                self.tip.append_child(&p)?;
            }
            Ok(())
        })();
        self.tip.set_hidden(false);
        let (vw, vh) = viewport(&document);
        let width = f64::from(self.tip.offset_width().max(1));
        let height = f64::from(self.tip.offset_height().max(1));
        let left = rect.left().min(vw - width - 8.0).max(8.0);
        let below = rect.bottom() + 6.0;
        let top = if below + height > vh - 8.0 && rect.top() - height - 6.0 > 0.0 {
            rect.top() - height - 6.0
        } else {
            below
        };
        let style = self.tip.style();
        let _ = style.set_property("left", &px(left));
        let _ = style.set_property("top", &px(top));
        self.say(&explanation.spoken());
    }

    /// Hides the tooltip.
    pub fn hide_tip(&self) {
        self.tip.set_hidden(true);
    }

    /// Has screen readers announce `text`.
    pub fn say(&self, text: &str) {
        self.live.set_text_content(Some(text));
    }
}

/// A CSS pixel length, whole and not below zero. Integers, because
/// formatting floats would add their code to the download.
pub fn px(value: f64) -> String {
    format!("{}px", value.max(0.0).round() as i64)
}

/// The viewport's width and height in CSS pixels.
pub fn viewport(document: &Document) -> (f64, f64) {
    let window = document.default_view();
    let dim = |v: Option<JsValue>| v.and_then(|v| v.as_f64()).unwrap_or(800.0);
    let w = dim(window.as_ref().and_then(|w| w.inner_width().ok()));
    let h = dim(window.as_ref().and_then(|w| w.inner_height().ok()));
    (w, h)
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.host.remove();
    }
}
