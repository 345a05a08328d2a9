//! Checks of the values JavaScript passes to the exported functions: a
//! wrong type is a `TypeError` whose message names the function and the
//! argument, never a trap or an error from inside the bindings.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A `TypeError` from `function` ("analyze(text)"): "sourcelight.analyze(text): ...".
pub fn type_error(function: &str, message: &str) -> JsValue {
    js_sys::TypeError::new(&format!("sourcelight.{function}: {message}")).into()
}

/// An `Error` from `function`, as [`type_error`] names it.
pub fn error(function: &str, message: &str) -> JsValue {
    js_sys::Error::new(&format!("sourcelight.{function}: {message}")).into()
}

/// What a value is, for a message: "a number", "null", "an object".
pub fn what(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if js_sys::Array::is_array(value) {
        return "an array".into();
    }
    match value.js_typeof().as_string().as_deref() {
        Some("undefined") => "undefined".into(),
        Some("object") => "an object".into(),
        Some(kind) => format!("a {kind}"),
        None => "an unknown value".into(),
    }
}

/// `value` as a string, or a `TypeError` naming `argument` of `function`.
pub fn string(function: &str, argument: &str, value: &JsValue) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| type_error(function, &format!("{argument} must be a string, not {}", what(value))))
}

/// `value` as true or false, or a `TypeError`.
pub fn boolean(function: &str, argument: &str, value: &JsValue) -> Result<bool, JsValue> {
    value
        .as_bool()
        .ok_or_else(|| type_error(function, &format!("{argument} must be true or false, not {}", what(value))))
}

/// `value` as an element of a document, `None` when it is `undefined` or
/// `null`; a `TypeError` for anything else that is no element, and an
/// `Error` for an element that is in no document (detached).
pub fn optional_element(function: &str, argument: &str, value: &JsValue) -> Result<Option<web_sys::Element>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let Some(element) = value.dyn_ref::<web_sys::Element>() else {
        return Err(type_error(function, &format!("{argument} must be an Element, not {}", what_node(value))));
    };
    if !element.is_connected() {
        return Err(error(function, &format!("{argument} is not in the document (a detached element)")));
    }
    Ok(Some(element.clone()))
}

/// [`what`], naming the kind of a node that is no element ("a Text node").
fn what_node(value: &JsValue) -> String {
    match value.dyn_ref::<web_sys::Node>() {
        Some(node) => format!("a node of type {} ({})", node.node_type(), node.node_name()),
        None => what(value),
    }
}
