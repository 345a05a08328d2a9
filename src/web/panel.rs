//! The panel: legend with per-category toggles and counts, the article's
//! sourcing profile, and "Who is quoted": every source with its kind and
//! number of claims. It lives in the widget's shadow root; what it shows
//! from the page goes in as text only.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlElement, HtmlInputElement, Node};

use super::widget::element;
use crate::report::Category;
use crate::summary::{category_label, Summary};

/// The panel's elements that respond to the reader.
#[derive(Clone)]
pub struct Panel {
    /// The panel itself.
    pub root: HtmlElement,
    /// The title bar, dragged to move the panel.
    pub bar: HtmlElement,
    /// Collapses and expands the body.
    pub collapse: HtmlElement,
    /// Closes the panel.
    pub close: HtmlElement,
    /// The body under the bar.
    pub body: HtmlElement,
    /// One checkbox per category.
    pub toggles: Vec<(Category, HtmlInputElement)>,
    /// One button per source row (same order as [`Summary::sources`]).
    pub sources: Vec<HtmlElement>,
}

/// Builds the panel into `parent` (the widget's shadow root).
pub fn build(document: &Document, parent: &Node, summary: &Summary) -> Result<Panel, JsValue> {
    let root = element(document, "section", "panel")?;
    root.set_attribute("aria-label", "sourcelight: who is quoted")?;
    let bar = element(document, "div", "bar")?;
    let title = element(document, "strong", "")?;
    title.set_text_content(Some("sourcelight"));
    let collapse = button(document, "–", "Collapse the panel")?;
    let close = button(document, "×", "Close the panel")?;
    bar.append_child(&title)?;
    bar.append_child(&collapse)?;
    bar.append_child(&close)?;
    root.append_child(&bar)?;

    let body = element(document, "div", "body")?;
    let claims: usize = summary.counts[..3].iter().sum();
    let profile_line = element(document, "p", "")?;
    let share = |n: usize| (100 * n + claims / 2).checked_div(claims).unwrap_or(0);
    profile_line.set_text_content(Some(&format!(
        "{claims} claims: {}% from a named source, {}% from an unnamed source, {}% with no source.",
        share(summary.counts[0]),
        share(summary.counts[1]),
        share(summary.counts[2])
    )));
    body.append_child(&profile_line)?;
    let profile = element(document, "div", "profile")?;
    profile.set_attribute("role", "img")?;
    profile.set_attribute("aria-label", &profile_line.text_content().unwrap_or_default())?;
    for (k, category) in Category::ALL.iter().take(3).enumerate() {
        let bar = element(document, "span", &format!("c-{}", category.as_str()))?;
        bar.style().set_property("flex-grow", &summary.counts[k].to_string())?;
        profile.append_child(&bar)?;
    }
    body.append_child(&profile)?;

    let legend_title = element(document, "h4", "")?;
    legend_title.set_text_content(Some("Show"));
    body.append_child(&legend_title)?;
    let legend = element(document, "div", "legend")?;
    let mut toggles = Vec::new();
    for (k, &category) in Category::ALL.iter().enumerate() {
        let label = element(document, "label", "")?;
        let input: HtmlInputElement = document.create_element("input")?.dyn_into()?;
        input.set_type("checkbox");
        input.set_checked(true);
        let swatch = element(document, "span", &format!("sample u-{}", category.as_str()))?;
        swatch.set_text_content(Some(category_label(category)));
        let count = element(document, "span", "count")?;
        count.set_text_content(Some(&summary.counts[k].to_string()));
        label.append_child(&input)?;
        label.append_child(&swatch)?;
        label.append_child(&count)?;
        legend.append_child(&label)?;
        toggles.push((category, input));
    }
    body.append_child(&legend)?;

    let sources_title = element(document, "h4", "")?;
    sources_title.set_text_content(Some("Who is quoted"));
    body.append_child(&sources_title)?;
    let list = element(document, "ul", "sources")?;
    let mut sources = Vec::new();
    if summary.sources.is_empty() {
        let none = element(document, "li", "muted")?;
        none.set_text_content(Some("No named or unnamed sources found."));
        list.append_child(&none)?;
    }
    for row in &summary.sources {
        let item = element(document, "li", "")?;
        let b = element(document, "button", "")?;
        b.set_attribute("type", "button")?;
        let claims =
            if row.findings.len() == 1 { "1 claim".to_owned() } else { format!("{} claims", row.findings.len()) };
        b.set_attribute("aria-label", &format!("{}, {}, {claims}: show the next one", row.name, row.kind))?;
        let swatch = element(document, "span", &format!("swatch c-{}", row.category.as_str()))?;
        let name = element(document, "span", "name")?;
        name.set_text_content(Some(&row.name));
        let kind = element(document, "span", "type")?;
        kind.set_text_content(Some(row.kind));
        let count = element(document, "span", "count")?;
        count.set_text_content(Some(&row.findings.len().to_string()));
        for part in [&swatch, &name, &kind, &count] {
            b.append_child(part)?;
        }
        item.append_child(&b)?;
        list.append_child(&item)?;
        sources.push(b);
    }
    body.append_child(&list)?;
    let keys = element(document, "p", "keys")?;
    keys.set_text_content(Some("Keys: Alt+Shift+H shows or hides the highlights; Alt+Shift+N and Alt+Shift+P go to the next and previous finding; Esc hides the tooltip."));
    body.append_child(&keys)?;
    root.append_child(&body)?;
    parent.append_child(&root)?;
    Ok(Panel { root, bar, collapse, close, body, toggles, sources })
}

fn button(document: &Document, text: &str, label: &str) -> Result<HtmlElement, JsValue> {
    let b = element(document, "button", "")?;
    b.set_attribute("type", "button")?;
    b.set_attribute("aria-label", label)?;
    b.set_attribute("title", label)?;
    b.set_text_content(Some(text));
    Ok(b)
}
