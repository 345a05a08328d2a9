//! Constructable stylesheets: the widget's CSS without `<style>` elements
//! or inline styles, so it works under a strict Content-Security-Policy and
//! leaves no trace in the page's markup.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::CssStyleSheet;

/// A stylesheet adopted by a document or shadow root; dropping it takes it
/// back out.
#[must_use = "the stylesheet is removed when this is dropped"]
pub struct Adopted {
    owner: JsValue,
    sheet: CssStyleSheet,
}

/// Adopts a new stylesheet with `css` into `owner` (a `Document` or a
/// `ShadowRoot`), after the sheets already there.
pub fn adopt(owner: &JsValue, css: &str) -> Result<Adopted, JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    let key = JsValue::from_str("adoptedStyleSheets");
    let current: js_sys::Array = js_sys::Reflect::get(owner, &key)?.dyn_into()?;
    let next = current.slice(0, current.length());
    next.push(&sheet);
    js_sys::Reflect::set(owner, &key, &next)?;
    Ok(Adopted { owner: owner.clone(), sheet })
}

impl Drop for Adopted {
    fn drop(&mut self) {
        let key = JsValue::from_str("adoptedStyleSheets");
        let Ok(current) = js_sys::Reflect::get(&self.owner, &key) else { return };
        let Ok(current) = current.dyn_into::<js_sys::Array>() else { return };
        let sheet: &JsValue = self.sheet.as_ref();
        let kept = current.filter(&mut |s, _, _| &s != sheet);
        let _ = js_sys::Reflect::set(&self.owner, &key, &kept);
    }
}
