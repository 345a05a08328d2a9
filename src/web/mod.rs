//! The browser layer: the JavaScript API, compiled only for wasm32.
//!
//! `analyze(text)` returns the report with UTF-16 offsets; `highlight(root,
//! options)` finds the article ([`article`]), reads its text ([`extract`]),
//! analyses it, paints the findings ([`overlay`] or [`wrap`]) with
//! tooltips and a panel ([`widget`], [`panel`]), and returns a
//! [`Highlighter`] whose `clear()` puts the page back as it was.

mod args;
mod article;
mod events;
mod extract;
mod highlighter;
mod overlay;
mod panel;
mod sheets;
mod shown;
mod style;
mod types;
mod widget;
mod wrap;

use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use highlighter::{highlight, Highlighter, Options};

use crate::report::{Report, Unit};

#[wasm_bindgen(start, skip_typescript)]
fn set_up() {
    std::panic::set_hook(Box::new(|info| {
        // the message and where, in the console; the call that panicked
        // then fails with an error of its own (see index.js)
        console_error_panic_hook::hook(info);
        #[cfg(feature = "reinit")]
        wasm_bindgen::handler::schedule_reinit();
    }));
    // Load the word lists and the model now, while the module starts, so
    // that their cost is a task of its own and not added to the first
    // highlight's.
    crate::lexicon::lexicon();
    crate::learn::shipped();
}

/// Converts a value to JavaScript: structs become plain objects, `None`
/// becomes `null`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&serializer).map_err(|e| JsError::new(&format!("sourcelight: cannot convert the report: {e}")))
}

/// The report for `text` as a plain object `{findings: [...]}`, with offsets
/// in UTF-16 code units: `text.slice(start, end)` is each part's text.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn analyze(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> Result<JsValue, JsValue> {
    let text = args::string("analyze(text)", "text", &text)?;
    #[cfg(feature = "panic-test")]
    assert_ne!(text, "sourcelight: test panic", "a panic for the tests");
    let report: Report = crate::analyze(&text).into_unit(&text, Unit::Utf16);
    Ok(to_js(&report)?)
}

/// The version of sourcelight.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
