//! Browser tests of the JavaScript API, run by `wasm-pack test --headless
//! --chrome` (and `--firefox`): highlight and clear round trips on real
//! DOM, across element boundaries and with non-ASCII text.
#![cfg(target_arch = "wasm32")]

use sourcelight::web::{analyze, highlight as start, Highlighter};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `<div>` in the document holding `html`.
fn fixture(html: &str) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    div.set_inner_html(html);
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Highlights and waits until the painting is done.
async fn highlight(root: JsValue, options: JsValue) -> Result<Highlighter, JsValue> {
    let h = start(Some(root), Some(options))?;
    JsFuture::from(h.ready()).await.unwrap();
    Ok(h)
}

/// `{mode: "..."}`, and the other options given as key-value pairs.
fn options(mode: &str, extra: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"mode".into(), &mode.into()).unwrap();
    for (k, v) in extra {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

/// Wrap mode without the panel, for tests of the page's markup.
fn wrap_mode() -> JsValue {
    options("wrap", &[("panel", JsValue::FALSE)])
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

/// The findings of a report as an array.
fn findings(report: &JsValue) -> js_sys::Array {
    get(report, "findings").dyn_into().unwrap()
}

/// The findings a highlighter shows.
fn shown(h: &sourcelight::web::Highlighter) -> js_sys::Array {
    h.findings().dyn_into().unwrap()
}

/// `text.slice(start, end)` in JavaScript's own units.
fn js_slice(text: &str, part: &JsValue) -> String {
    let s = js_sys::JsString::from(text);
    let start = get(part, "start").as_f64().unwrap() as u32;
    let end = get(part, "end").as_f64().unwrap() as u32;
    s.slice(start, end).into()
}

#[wasm_bindgen_test]
fn analyze_offsets_slice_javascript_strings() {
    let text = "🙂 日本語 “Ça va,” Zoe\u{301} Adèle said, according to אמר.";
    let report = analyze(text.into()).unwrap();
    let list = findings(&report);
    assert!(list.length() > 0);
    for f in list.iter() {
        let confidence = get(&f, "confidence").as_f64().expect("every finding has a confidence");
        assert!((0.0..=1.0).contains(&confidence), "{confidence}");
        for part in ["cue", "source", "content"] {
            let p = get(&f, part);
            if p.is_null() {
                continue;
            }
            let expected = get(&p, "text").as_string().unwrap();
            if get(&p, "fragments").is_undefined() {
                assert_eq!(js_slice(text, &p), expected, "{part}");
            }
        }
    }
}

#[wasm_bindgen_test]
async fn highlight_then_clear_restores_the_dom_exactly() {
    let html = "<p>“They are <b>preparing</b> on their land,” <i>Zelensky</i> said after meeting <a href=\"#\">NATO</a> ministers.</p>\
                <p>Three more officers were injured, according to Russian Telegram channel <em>Kremlin Snuffbox</em>.</p>";
    let root = fixture(html);
    let before_nodes: Vec<web_sys::Node> = descendants(&root);
    let h = highlight(root.clone().into(), wrap_mode()).await.unwrap();
    assert_eq!(h.mode(), "wrap");
    let marks = root.query_selector_all("sl-mark").unwrap();
    assert!(marks.length() > 0, "marks were painted");
    // the marked text across elements is the findings' text
    let text = h.text();
    let list = shown(&h);
    let zelensky = list
        .iter()
        .find(|f| get(&get(f, "cue"), "text").as_string().as_deref() == Some("said"))
        .expect("the quotation's cue");
    let source = get(&zelensky, "source");
    assert_eq!(js_slice(&text, &source), "Zelensky");
    assert_eq!(get(&source, "type").as_string().as_deref(), Some("person"));
    let content = get(&zelensky, "content");
    assert_eq!(js_slice(&text, &content), "They are preparing on their land");
    // the marked pieces of the content span the <b> element
    let marked: String = (0..marks.length())
        .filter_map(|i| marks.item(i))
        .filter(|m| m.dyn_ref::<Element>().unwrap().class_name().contains("sl-content"))
        .map(|m| m.text_content().unwrap_or_default())
        .collect();
    assert!(marked.starts_with("They are preparing on their land"), "{marked}");
    h.clear();
    assert_eq!(root.inner_html(), html, "markup restored");
    assert_eq!(root.query_selector_all("sl-mark").unwrap().length(), 0);
    let after_nodes = descendants(&root);
    assert_eq!(before_nodes.len(), after_nodes.len());
    for (a, b) in before_nodes.iter().zip(&after_nodes) {
        assert!(a.is_same_node(Some(b)), "the same node objects are back");
    }
    let document = web_sys::window().unwrap().document().unwrap();
    assert!(document.query_selector("sourcelight-widget").unwrap().is_none(), "widget host removed");
    h.clear(); // twice is harmless
    root.remove();
}

#[wasm_bindgen_test]
async fn wrap_mode_restores_text_with_half_a_surrogate_pair() {
    // a page script may cut an emoji in two: "…reopen.\uD83D" (no Rust
    // string can hold it, so it is built in JavaScript)
    let root = fixture("<p>x</p>");
    let node = root.first_child().unwrap().first_child().unwrap();
    let half = js_sys::JsString::from_char_code1(0xD83D);
    let data = js_sys::JsString::from("Anna Berg said the port will reopen.").concat(&half);
    js_sys::Reflect::set(&node, &"data".into(), &data).unwrap();
    let h = highlight(root.clone().into(), wrap_mode()).await.unwrap();
    assert_eq!(shown(&h).length(), 1);
    h.clear();
    let after = js_sys::Reflect::get(&node, &"data".into()).unwrap();
    assert_eq!(js_sys::JsString::from(after), data, "the same text node holds the same data");
    root.remove();
}

#[wasm_bindgen_test]
async fn non_ascii_text_maps_to_the_right_nodes() {
    let html = "<p>🙂🙂 日本語のテキスト。</p><p>«Nous gagnerons», a dit Zoe\u{301}. “We will win,” <span>Zoë Ādams</span> said.</p>";
    let root = fixture(html);
    let h = highlight(root.clone().into(), wrap_mode()).await.unwrap();
    let list = shown(&h);
    let f = list.iter().find(|f| !get(f, "source").is_null()).expect("an attribution");
    let source = get(&f, "source");
    assert_eq!(js_slice(&h.text(), &source), "Zoë Ādams");
    let source_marks: Vec<String> = (0..root.query_selector_all("sl-mark.sl-source").unwrap().length())
        .filter_map(|i| root.query_selector_all("sl-mark.sl-source").unwrap().item(i))
        .map(|m| m.text_content().unwrap_or_default())
        .collect();
    assert_eq!(source_marks, ["Zoë Ādams"]);
    h.clear();
    assert_eq!(root.inner_html(), html);
    root.remove();
}

/// Checks that `result` failed with a `TypeError` (or, with `type_error`
/// false, any `Error`) whose message names `function` and `argument`.
#[track_caller]
fn rejected<T>(result: Result<T, JsValue>, type_error: bool, function: &str, argument: &str) {
    let Err(e) = result else { panic!("{function} accepted a bad {argument}") };
    let message = get(&e, "message").as_string().unwrap_or_default();
    assert!(e.is_instance_of::<js_sys::Error>(), "{function}: not an Error: {e:?}");
    if type_error {
        assert!(e.is_instance_of::<js_sys::TypeError>(), "{function}: not a TypeError: {message}");
    }
    assert!(message.contains(function) && message.contains(argument), "{function} / {argument}: {message}");
}

/// Values of every wrong kind.
fn odd_values() -> Vec<JsValue> {
    vec![
        JsValue::UNDEFINED,
        JsValue::NULL,
        123.into(),
        JsValue::TRUE,
        js_sys::Object::new().into(),
        js_sys::Array::of1(&"x".into()).into(),
        js_sys::Symbol::for_("odd").into(),
        js_sys::Function::new_no_args("return 1").into(),
    ]
}

#[wasm_bindgen_test]
async fn bad_arguments_are_clear_errors() {
    let document = web_sys::window().unwrap().document().unwrap();
    // analyze(text): anything but a string
    for v in odd_values() {
        rejected(analyze(v), true, "analyze(text)", "text");
    }
    // highlight(root, options): roots that are no element, or detached
    let h = "highlight(root, options)";
    for v in [JsValue::from_str("body"), 123.into(), js_sys::Object::new().into(), JsValue::TRUE] {
        rejected(highlight(v, JsValue::UNDEFINED).await, true, h, "root");
    }
    rejected(highlight(document.create_text_node("said").into(), JsValue::UNDEFINED).await, true, h, "root");
    rejected(highlight(document.into(), JsValue::UNDEFINED).await, true, h, "root");
    let detached = web_sys::window().unwrap().document().unwrap().create_element("div").unwrap();
    detached.set_text_content(Some("The war is over, Zelensky said."));
    rejected(highlight(detached.into(), JsValue::UNDEFINED).await, false, h, "root");
    // options that are no object, unknown, of the wrong type, or with unknown values
    let root = fixture("<p>The war is over, Zelensky said.</p>");
    for v in [JsValue::from_str("wrap"), 1.into(), JsValue::TRUE] {
        rejected(highlight(root.clone().into(), v).await, true, h, "options");
    }
    rejected(highlight(root.clone().into(), options("wrap", &[("colour", "red".into())])).await, false, h, "colour");
    rejected(highlight(root.clone().into(), options("wrap", &[("panel", "no".into())])).await, true, h, "panel");
    rejected(highlight(root.clone().into(), options("sideways", &[])).await, false, h, "mode");
    rejected(highlight(root.clone().into(), options("wrap", &[("theme", "pink".into())])).await, false, h, "theme");
    // the handle's methods
    let handle = highlight(root.clone().into(), wrap_mode()).await.unwrap();
    for v in odd_values() {
        rejected(handle.set_category_visible(v.clone(), JsValue::TRUE), true, "setCategoryVisible", "category");
        if v.as_bool().is_some() {
            continue;
        }
        rejected(handle.set_visible(v.clone()), true, "setVisible(visible)", "visible");
        if !v.is_undefined() && !v.is_null() {
            rejected(handle.step(Some(v.clone())), true, "step(backwards)", "backwards");
        }
        rejected(handle.set_category_visible("named".into(), v), true, "setCategoryVisible", "visible");
    }
    rejected(handle.set_category_visible("purple".into(), JsValue::TRUE), false, "setCategoryVisible", "category");
    // and everything still works afterwards
    assert_eq!(shown(&handle).length(), 1);
    handle.set_visible(JsValue::TRUE).unwrap();
    handle.clear();
    assert_eq!(root.inner_html(), "<p>The war is over, Zelensky said.</p>");
    assert!(findings(&analyze("The war is over, Zelensky said.".into()).unwrap()).length() > 0);
    // a cleared handle says so, and clearing again does nothing
    rejected(handle.set_visible(JsValue::TRUE), false, "setVisible(visible)", "was cleared");
    rejected(handle.set_category_visible("named".into(), JsValue::TRUE), false, "setCategoryVisible", "was cleared");
    rejected(handle.step(None), false, "step(backwards)", "was cleared");
    handle.clear();
    assert_eq!(shown(&handle).length(), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn empty_and_hidden_text_give_no_findings() {
    let root = fixture("<p hidden>He said it was over.</p><script>var said = 'x, he said.'</script><p></p>");
    let h = highlight(root.clone().into(), wrap_mode()).await.unwrap();
    assert_eq!(shown(&h).length(), 0);
    assert_eq!(h.text().trim(), "");
    h.clear();
    root.remove();
}

fn descendants(root: &web_sys::Node) -> Vec<web_sys::Node> {
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(n) = stack.pop() {
        let children = n.child_nodes();
        for i in (0..children.length()).rev() {
            let c = children.item(i).unwrap();
            out.push(c.clone());
            stack.push(c);
        }
    }
    out
}

/// `CSS.highlights`, when the browser has it.
fn highlight_registry() -> Option<js_sys::Map> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    (!registry.is_undefined()).then(|| registry.unchecked_into())
}

#[wasm_bindgen_test]
async fn overlay_leaves_the_dom_untouched() {
    let Some(registry) = highlight_registry() else {
        console_log!("SKIPPED overlay test: this browser has no CSS Custom Highlight API");
        return;
    };
    let html = "<p>“We are <b>ready</b>,” said Anna Berg, the mayor. It appears the port will open, according to officials.</p>";
    let root = fixture(html);
    let document = web_sys::window().unwrap().document().unwrap();
    let page_before = document.body().unwrap().inner_html();
    let top_before = document.document_element().unwrap().child_element_count();
    let highlights_before = registry.size();
    let h = highlight(root.clone().into(), options("overlay", &[])).await.unwrap();
    assert_eq!(h.mode(), "overlay");
    assert_eq!(document.body().unwrap().inner_html(), page_before, "the page's markup is untouched");
    assert_eq!(document.document_element().unwrap().child_element_count(), top_before + 1, "one widget host added");
    assert!(registry.size() > highlights_before, "highlights registered");
    // every painted range covers text of a finding
    let list = shown(&h);
    let source = get(&list.iter().find(|f| !get(f, "source").is_null()).unwrap(), "source");
    assert_eq!(js_slice(&h.text(), &source), "Anna Berg, the mayor", "the source with its description");
    h.clear();
    assert_eq!(registry.size(), highlights_before, "highlights removed");
    assert_eq!(document.document_element().unwrap().child_element_count(), top_before, "host removed");
    assert_eq!(document.body().unwrap().inner_html(), page_before);
    root.remove();
}

#[wasm_bindgen_test]
async fn blocks_line_breaks_and_hidden_text_in_extraction() {
    let root = fixture(
        "<div>Officials said<div>the port closed</div></div><ul><li>one</li><li>two<br>three</li></ul>\
         <p aria-hidden=\"true\">secret</p><p style=\"display:none\">gone</p><textarea>typed</textarea>\
         <pre>code said x</pre><p>visible <span hidden>hidden</span>end</p>",
    );
    let h = highlight(root.clone().into(), wrap_mode()).await.unwrap();
    let text = h.text();
    assert!(text.contains("Officials said\nthe port closed"), "{text:?}");
    assert!(text.contains("one\ntwo\nthree"), "{text:?}");
    for absent in ["secret", "gone", "typed", "code said", "hidden"] {
        assert!(!text.contains(absent), "{absent} should be left out of {text:?}");
    }
    assert!(text.contains("visible end"), "{text:?}");
    h.clear();
    let with_code =
        highlight(root.clone().into(), options("wrap", &[("includeCode", JsValue::TRUE), ("panel", JsValue::FALSE)]))
            .await
            .unwrap();
    assert!(with_code.text().contains("code said x"));
    with_code.clear();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_article_is_found_without_a_root() {
    let root = fixture(
        "<nav>Home said nothing</nav><article><p>The port will close on Monday, officials said. \
         The union rejected the plan, calling it a betrayal of the workers who keep the harbour running.</p>\
         <p>“We will strike,” said union leader Tomas Reyes, who has led the dockworkers for a decade and more.</p>\
         <p>Ships were diverted, according to the port authority, which expects delays into next week at least.</p></article>\
         <footer>Comments said it all</footer>",
    );
    let h = highlight(JsValue::UNDEFINED, wrap_mode()).await.unwrap();
    let text = h.text();
    assert!(
        text.contains("officials said") && !text.contains("Home said") && !text.contains("Comments said"),
        "{text:?}"
    );
    h.clear();
    root.remove();
}

#[wasm_bindgen_test]
async fn categories_toggle_and_steps_visit_findings() {
    let html = "<p>The port closed, officials said. It appears the talks failed. “No,” said Ann Lee.</p>";
    let root = fixture(html);
    let h = highlight(root.clone().into(), wrap_mode()).await.unwrap();
    let first = h.step(None).unwrap().expect("a finding to go to");
    assert!(root.query_selector_all("sl-mark.sl-current").unwrap().length() > 0);
    let second = h.step(None).unwrap().unwrap();
    assert_ne!(first, second);
    h.set_category_visible("hedged".into(), JsValue::FALSE).unwrap();
    let hedges = root.query_selector_all("sl-mark.sl-hedged").unwrap();
    assert!(hedges.length() > 0);
    for i in 0..hedges.length() {
        let mark: Element = hedges.item(i).unwrap().dyn_into().unwrap();
        assert!(mark.class_list().contains("sl-hidden"));
    }
    assert!(h.set_category_visible("sideways".into(), JsValue::FALSE).is_err());
    h.set_visible(JsValue::FALSE).unwrap();
    assert_eq!(h.step(None).unwrap(), None, "nothing to step to when hidden");
    h.clear();
    assert_eq!(root.inner_html(), html);
    root.remove();
}

/// Waits `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_long_page_is_painted_in_slices_and_fully() {
    let paragraph =
        "<p>“The port will close,” said Elena Marsh, according to Radio Calder. It appears talks failed.</p>";
    let root = fixture(&paragraph.repeat(1500));
    let h = start(Some(root.clone().into()), Some(options("overlay", &[("panel", JsValue::FALSE)]))).unwrap();
    let first = shown(&h).length();
    JsFuture::from(h.ready()).await.unwrap();
    let all = shown(&h).length();
    assert!(all >= 1500 * 3, "{all} findings");
    assert!(first == 0 || first == all, "findings appear when the painting is done");
    h.clear();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_changing_page_is_painted_again() {
    let root = fixture("<p>The port closed, officials said.</p>");
    let h = highlight(root.clone().into(), wrap_mode()).await.unwrap();
    assert_eq!(shown(&h).length(), 1);
    let document = web_sys::window().unwrap().document().unwrap();
    let p = document.create_element("p").unwrap();
    p.set_text_content(Some("“We will reopen,” said Ann Lee."));
    root.append_child(&p).unwrap();
    sleep(700).await;
    JsFuture::from(h.ready()).await.unwrap();
    assert_eq!(shown(&h).length(), 2, "the new paragraph is analysed");
    assert!(h.text().contains("Ann Lee"));
    h.clear();
    assert_eq!(root.inner_html(), "<p>The port closed, officials said.</p><p>“We will reopen,” said Ann Lee.</p>");
    root.remove();
}

/// An open shadow root on `host` holding `html`.
fn open_shadow(host: &Element, html: &str) -> web_sys::ShadowRoot {
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    shadow.set_inner_html(html);
    shadow
}

/// The stylesheets `owner` (a document or shadow root) has adopted.
fn adopted(owner: &JsValue) -> u32 {
    get(owner, "adoptedStyleSheets").dyn_into::<js_sys::Array>().unwrap().length()
}

#[wasm_bindgen_test]
async fn text_in_open_shadow_roots_is_read_painted_and_restored() {
    for mode in ["wrap", "overlay"] {
        if mode == "overlay" && highlight_registry().is_none() {
            console_log!("SKIPPED overlay part: this browser has no CSS Custom Highlight API");
            continue;
        }
        let root = fixture("<p>The council met on Monday.</p><section id=card><span>Tom Hale said the road is closed.</span></section><div id=closed></div>");
        let card = root.query_selector("#card").unwrap().unwrap();
        let card_html =
            "<p>“The bridge will reopen,” said <b>Elena Marsh</b>.</p><div id=\"inner\"></div><p><slot></slot></p>";
        let shadow = open_shadow(&card, card_html);
        let inner_host = shadow.query_selector("#inner").unwrap().unwrap();
        let inner_html = "<p>Radio Calder reported that the ferry sank.</p>";
        let inner = open_shadow(&inner_host, inner_html);
        let closed = root.query_selector("#closed").unwrap().unwrap();
        let hidden = closed.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Closed)).unwrap();
        hidden.set_inner_html("<p>“Nobody sees this,” said Ann Lee.</p>");

        let h = highlight(root.clone().into(), options(mode, &[("panel", JsValue::FALSE)])).await.unwrap();
        let text = h.text();
        // read in the order the browser shows it: the slotted span after the shadow paragraphs
        let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{mode}: {s:?} not read in {text:?}"));
        assert!(at("council") < at("Elena Marsh") && at("Elena Marsh") < at("Radio Calder"));
        assert!(at("Radio Calder") < at("Tom Hale"), "{mode}: {text:?}");
        assert!(!text.contains("Ann Lee"), "{mode}: a closed root is skipped");
        let sources: Vec<String> = shown(&h)
            .iter()
            .filter(|f| !get(f, "source").is_null())
            .map(|f| js_slice(&text, &get(&f, "source")))
            .collect();
        for name in ["Elena Marsh", "Radio Calder", "Tom Hale"] {
            assert!(sources.iter().any(|s| s == name), "{mode}: {name} in {sources:?}");
        }
        // the marks' stylesheet reaches inside each shadow root
        assert_eq!(adopted(shadow.as_ref()), 1, "{mode}");
        assert_eq!(adopted(inner.as_ref()), 1, "{mode}");
        if mode == "wrap" {
            assert!(shadow.query_selector("sl-mark").unwrap().is_some(), "marks in the shadow tree");
            assert!(inner.query_selector("sl-mark").unwrap().is_some(), "marks in the nested shadow tree");
        } else {
            assert_eq!(shadow.inner_html(), card_html, "overlay changes no shadow tree");
        }

        // a change inside a shadow root is seen and painted again
        let p = web_sys::window().unwrap().document().unwrap().create_element("p").unwrap();
        p.set_text_content(Some("“We will rebuild,” said Ines Ford."));
        inner.append_child(&p).unwrap();
        sleep(700).await;
        JsFuture::from(h.ready()).await.unwrap();
        assert!(h.text().contains("Ines Ford"), "{mode}: the change inside the shadow root is read");
        inner.remove_child(&p).unwrap();
        sleep(700).await;
        JsFuture::from(h.ready()).await.unwrap();

        h.clear();
        assert_eq!(shadow.inner_html(), card_html, "{mode}: the shadow tree is restored");
        assert_eq!(inner.inner_html(), inner_html, "{mode}: the nested shadow tree is restored");
        assert_eq!(adopted(shadow.as_ref()), 0, "{mode}: the stylesheet is taken back");
        assert_eq!(adopted(inner.as_ref()), 0, "{mode}");
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn an_editor_is_read_only_when_asked_and_never_changed() {
    if highlight_registry().is_none() {
        console_log!("SKIPPED editable test: this browser has no CSS Custom Highlight API");
        return;
    }
    let html = "<p>The vote is on Monday, officials said.</p><p>It appears the budget is short.</p>";
    let root = fixture("");
    root.set_attribute("contenteditable", "true").unwrap();
    root.set_inner_html(html);
    let plain = highlight(root.clone().into(), options("overlay", &[("panel", JsValue::FALSE)])).await.unwrap();
    assert_eq!(shown(&plain).length(), 0, "an editor is not read without editable");
    plain.clear();
    let editable = [("panel", JsValue::FALSE), ("editable", JsValue::TRUE)];
    let h = highlight(root.clone().into(), options("overlay", &editable)).await.unwrap();
    assert_eq!(shown(&h).length(), 2, "{}", h.text());
    assert_eq!(root.inner_html(), html, "nothing in the editor changed");
    // an edit, as typing makes it: the data of a text node
    let text = root.query_selector("p").unwrap().unwrap().first_child().unwrap();
    text.set_node_value(Some("The vote is on Monday, said Ann Lee."));
    sleep(700).await;
    JsFuture::from(h.ready()).await.unwrap();
    assert!(h.text().contains("Ann Lee"), "painted again after the edit");
    let stats = h.stats();
    assert_eq!(get(&stats, "partsAnalysed").as_f64(), Some(1.0));
    h.clear();
    let wrap = start(Some(root.clone().into()), Some(options("wrap", &editable)));
    rejected(wrap, false, "highlight(root, options)", "option editable");
    root.remove();
}

#[wasm_bindgen_test]
async fn what_stands_beside_the_story_is_not_read() {
    let root = fixture(
        "<nav><a href=\"#\">World</a> Officials said the menu works.</nav>\
         <p>The port closed on Sunday, officials said.</p>\
         <figure><img alt=\"\"><figcaption>Photo: the port, as a guard said.</figcaption></figure>\
         <aside class=\"views-tags\">Tagged: ports</aside>\
         <ul class=\"gallery\"><li data-gallery-legend=\"1\">A club said it had sold the stadium.</li></ul>\
         <div class=\"article-body share-tools\"><p>“We will reopen,” said Ann Lee.</p></div>\
         <footer>Stella Kim reported from Seoul.</footer>",
    );
    let h = highlight(root.clone().into(), wrap_mode()).await.unwrap();
    let text = h.text();
    for beside in ["menu works", "a guard said", "Tagged", "club said", "Stella Kim"] {
        assert!(!text.contains(beside), "{beside:?} was read: {text:?}");
    }
    assert!(text.contains("The port closed") && text.contains("Ann Lee"), "{text:?}");
    assert_eq!(shown(&h).length(), 2);
    h.clear();
    // what the caller gives as the root is read, whatever it is
    let aside = root.query_selector("aside").unwrap().unwrap();
    let h = highlight(aside.into(), wrap_mode()).await.unwrap();
    assert!(h.text().contains("Tagged"));
    h.clear();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_story_split_around_a_box_is_read_whole() {
    // no <article>: the block with the most paragraph text is found, and
    // read with its parent, whose own paragraphs are the story's start
    let lead = "<p>The port will close on Monday, officials said, in a decision that surprised the fishing fleet and the ferry companies alike.</p>";
    let more = "<p>Ships were diverted to the river mouth, according to the port authority, which expects delays into next week at least.</p>";
    let root = fixture(&format!(
        "<div class=\"story\">{}<div class=\"read-more\">{}</div></div><div class=\"links\"><p>Home news said nothing at all here.</p></div>",
        lead.repeat(2),
        more.repeat(6)
    ));
    let h = highlight(JsValue::UNDEFINED, wrap_mode()).await.unwrap();
    let text = h.text();
    assert!(text.contains("officials said") && text.contains("port authority"), "{text:?}");
    assert!(!text.contains("Home news"), "{text:?}");
    h.clear();
    root.remove();
}
