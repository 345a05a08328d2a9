//! A highlight once it is painted: tooltips on hover and focus, the panel's
//! controls, toggles and keyboard navigation. Everything it added to the
//! page is in [`Shown`]; dropping it takes everything away again.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CaretPosition, Document, DomRect, Element, Event, KeyboardEvent, MouseEvent, Node, Range, Window};

use super::events::Listener;
use super::extract::{NodeRange, PageText};
use super::highlighter::{Inner, Stage};
use super::overlay::{Overlay, Painted};
use super::panel::Panel;
use super::sheets::Adopted;
use super::widget::{px, Widget};
use super::wrap::{mark_of, Wrapped};
use crate::explain::explain;
use crate::marks::Role;
use crate::report::{Category, Report};
use crate::summary::Summary;

/// How the findings are painted.
pub(super) enum Paint {
    /// `<sl-mark>` elements; each run's mark, if it got one.
    Wrap { _wrapped: Wrapped, marks: Vec<Option<Element>> },
    /// Highlights; each run's range.
    Overlay { overlay: Overlay, ranges: Vec<Range> },
}

/// One painted run: a stretch of one text node showing a part of a finding.
pub(super) struct PaintRun {
    pub(super) node: NodeRange,
    pub(super) finding: usize,
    pub(super) role: Role,
    pub(super) category: Category,
    /// Byte span in the analysed text, for hit-testing.
    pub(super) start: usize,
    pub(super) end: usize,
}

/// What a highlight holds while it is shown.
pub(super) struct Shown {
    pub(super) owner: String,
    pub(super) page: PageText,
    pub(super) report: Report,
    pub(super) runs: Vec<PaintRun>,
    /// For each finding, its runs (indices into `runs`).
    pub(super) runs_of: Vec<Vec<usize>>,
    pub(super) paint: Paint,
    pub(super) widget: Widget,
    pub(super) panel: Option<Panel>,
    pub(super) summary: Summary,
    pub(super) hidden: HashSet<Category>,
    pub(super) visible: bool,
    pub(super) current: Option<usize>,
    /// For each source row of the panel, the claim shown last.
    pub(super) source_cursor: Vec<Option<usize>>,
    pub(super) _sheets: Vec<Adopted>,
    pub(super) _listeners: Vec<Listener>,
}

/// What the reader changed on a highlight, kept when the page changes and
/// it is painted again: the categories hidden, whether the highlights are
/// shown, and where the panel was moved, collapsed or closed.
pub(super) struct View {
    pub(super) hidden: HashSet<Category>,
    pub(super) visible: bool,
    /// The panel's `left` and `top` once it was dragged.
    place: Option<(String, String)>,
    collapsed: bool,
    closed: bool,
}

impl View {
    /// Puts `panel` where the reader had the one before, as it was.
    pub(super) fn restore_panel(&self, panel: &Panel) {
        if let Some((left, top)) = &self.place {
            let style = panel.root.style();
            for (property, value) in [("left", left.as_str()), ("top", top), ("right", "auto"), ("bottom", "auto")] {
                let _ = style.set_property(property, value);
            }
        }
        if self.collapsed {
            set_collapsed(panel, true);
        }
        panel.root.set_hidden(self.closed);
    }
}

/// Collapses the panel to its bar, or opens it again.
fn set_collapsed(panel: &Panel, collapsed: bool) {
    panel.body.set_hidden(collapsed);
    panel.collapse.set_text_content(Some(if collapsed { "+" } else { "–" }));
    let _ = panel.collapse.set_attribute("aria-expanded", if collapsed { "false" } else { "true" });
}

impl NodeRange {
    /// A DOM `Range` over this stretch.
    pub(super) fn to_range(&self, document: &Document) -> Result<Range, JsValue> {
        let range = document.create_range()?;
        range.set_start(&self.node, self.start)?;
        range.set_end(&self.node, self.end)?;
        Ok(range)
    }
}

impl Shown {
    /// What the reader changed, to keep when this is painted again.
    pub(super) fn view(&self) -> View {
        let panel = self.panel.as_ref();
        let place = panel.and_then(|p| {
            let style = p.root.style();
            let left = style.get_property_value("left").ok().filter(|v| !v.is_empty())?;
            Some((left, style.get_property_value("top").unwrap_or_default()))
        });
        View {
            hidden: self.hidden.clone(),
            visible: self.visible,
            place,
            collapsed: panel.is_some_and(|p| p.body.hidden()),
            closed: panel.is_some_and(|p| p.root.hidden()),
        }
    }

    /// Takes over what the reader had changed on the highlight before,
    /// painting once.
    pub(super) fn apply(&mut self, view: &View) {
        if let Some(panel) = &self.panel {
            view.restore_panel(panel);
            for (category, input) in &panel.toggles {
                input.set_checked(!view.hidden.contains(category));
            }
        }
        if view.visible && view.hidden.is_empty() {
            return;
        }
        self.hidden = view.hidden.clone();
        self.visible = view.visible;
        self.repaint();
    }

    /// Shows the tooltip of finding `i` next to `rect`.
    pub(super) fn show_tip(&self, i: usize, rect: &DomRect) {
        if let Some(f) = self.report.findings.get(i) {
            self.widget.show_tip(&explain(&self.report, i), f.category, rect);
        }
    }

    /// True when finding `i` is painted now.
    pub(super) fn is_shown(&self, i: usize) -> bool {
        self.visible && !self.runs_of[i].is_empty() && !self.hidden.contains(&self.report.findings[i].category)
    }

    pub(super) fn set_visible(&mut self, visible: bool) {
        self.visible = visible;
        if visible {
            if let Some(panel) = &self.panel {
                panel.root.set_hidden(false);
            }
        }
        self.repaint();
    }

    pub(super) fn set_hidden(&mut self, category: Category, hidden: bool) {
        if hidden {
            self.hidden.insert(category);
        } else {
            self.hidden.remove(&category);
        }
        if let Some(panel) = &self.panel {
            for (c, input) in &panel.toggles {
                if *c == category {
                    input.set_checked(!hidden);
                }
            }
        }
        self.repaint();
    }

    /// Paints what is to be shown after a toggle.
    fn repaint(&mut self) {
        self.widget.hide_tip();
        if self.current.is_some_and(|i| !self.is_shown(i)) {
            self.set_current(None);
        }
        let hidden: HashSet<Category> =
            if self.visible { self.hidden.clone() } else { Category::ALL.into_iter().collect() };
        match &mut self.paint {
            Paint::Wrap { marks, .. } => {
                for (run, mark) in self.runs.iter().zip(marks.iter()) {
                    if let Some(mark) = mark {
                        let _ = mark.class_list().toggle_with_force("sl-hidden", hidden.contains(&run.category));
                    }
                }
            }
            Paint::Overlay { overlay, ranges } => {
                let painted: Vec<Painted> = self
                    .runs
                    .iter()
                    .zip(ranges.iter())
                    .map(|(r, range)| Painted { range: range.clone(), category: r.category, role: r.role })
                    .collect();
                let _ = overlay.paint(&painted, &hidden);
            }
        }
    }

    /// Marks finding `i` as the one being looked at (none: no finding).
    pub(super) fn set_current(&mut self, i: Option<usize>) {
        let previous = self.current.take();
        match &mut self.paint {
            Paint::Wrap { marks, .. } => {
                for k in previous.map(|p| self.runs_of[p].clone()).unwrap_or_default() {
                    if let Some(mark) = &marks[k] {
                        let _ = mark.class_list().remove_1("sl-current");
                    }
                }
                for &k in i.map(|i| &self.runs_of[i]).into_iter().flatten() {
                    if let Some(mark) = &marks[k] {
                        let _ = mark.class_list().add_1("sl-current");
                    }
                }
            }
            Paint::Overlay { overlay, ranges } => {
                let current: Vec<Range> =
                    i.map(|i| self.runs_of[i].iter().map(|&k| ranges[k].clone()).collect()).unwrap_or_default();
                overlay.set_current(&current);
            }
        }
        self.current = i;
    }

    /// The viewport rectangle of finding `i`'s first run.
    fn rect_of(&self, i: usize) -> Option<DomRect> {
        let &k = self.runs_of[i].first()?;
        Some(match &self.paint {
            Paint::Wrap { marks, .. } => marks[k].as_ref()?.get_bounding_client_rect(),
            Paint::Overlay { ranges, .. } => ranges[k].get_bounding_client_rect(),
        })
    }

    /// Brings finding `i` into view, marks it and shows its tooltip.
    fn go_to(&mut self, i: usize) {
        self.set_current(Some(i));
        let Some(window) = web_sys::window() else { return };
        if let Some(rect) = self.rect_of(i) {
            let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
            if rect.top() < 0.0 || rect.bottom() > height {
                window.scroll_by_with_x_and_y(0.0, rect.top() - height / 3.0);
            }
        }
        if let Paint::Wrap { marks, .. } = &self.paint {
            if let Some(mark) = self.runs_of[i].first().and_then(|&k| marks[k].as_ref()) {
                if let Some(mark) = mark.dyn_ref::<web_sys::HtmlElement>() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = mark.focus_with_options(&options);
                }
            }
        }
        if let Some(rect) = self.rect_of(i) {
            self.show_tip(i, &rect);
        }
    }

    /// Moves to the next (or previous) finding shown.
    pub(super) fn step(&mut self, backwards: bool) -> Option<usize> {
        let n = self.report.findings.len();
        let shown: Vec<usize> = (0..n).filter(|&i| self.is_shown(i)).collect();
        let next = match (self.current, backwards) {
            (None, false) => shown.first().copied(),
            (None, true) => shown.last().copied(),
            (Some(c), false) => shown.iter().copied().find(|&i| i > c).or(shown.first().copied()),
            (Some(c), true) => shown.iter().rev().copied().find(|&i| i < c).or(shown.last().copied()),
        }?;
        self.go_to(next);
        Some(next)
    }

    /// Shows the next claim of the panel's source row `row`.
    fn step_source(&mut self, row: usize) {
        let Some(findings) = self.summary.sources.get(row).map(|r| r.findings.clone()) else { return };
        let shown: Vec<usize> = findings.into_iter().filter(|&i| !self.runs_of[i].is_empty()).collect();
        let next = match self.source_cursor[row] {
            Some(c) => shown.iter().copied().find(|&i| i > c).or(shown.first().copied()),
            None => shown.first().copied(),
        };
        if let Some(i) = next {
            self.source_cursor[row] = Some(i);
            if !self.visible {
                self.set_visible(true);
            }
            if self.hidden.contains(&self.report.findings[i].category) {
                self.set_hidden(self.report.findings[i].category, false);
            }
            self.go_to(i);
        }
    }

    /// The finding painted under the pointer at (x, y), for overlay mode:
    /// the caret position there, the run holding it, and a check that the
    /// pointer is really on that run's text.
    fn finding_at(&self, document: &Document, x: f64, y: f64) -> Option<(usize, DomRect)> {
        let Paint::Overlay { ranges, .. } = &self.paint else { return None };
        // positions inside shadow trees are only given for the roots named
        let options = js_sys::Object::new();
        if !self.page.shadow_roots.is_empty() {
            let roots: js_sys::Array = self.page.shadow_roots.iter().collect();
            js_sys::Reflect::set(&options, &"shadowRoots".into(), &roots).ok()?;
        }
        // a browser without the method throws: no tooltip, and nothing stuck
        let caret = document.unchecked_ref::<ShadowCaret>().caret_position_in(x, y, &options).ok()??;
        let node: Node = caret.offset_node()?;
        let byte = self.page.offset_of(&node, caret.offset())?;
        let first = self.runs.partition_point(|r| r.end <= byte);
        for (run, range) in self.runs.iter().zip(ranges).skip(first) {
            if run.start > byte + 4 {
                break;
            }
            if !self.is_shown(run.finding) {
                continue;
            }
            let rects = range.get_client_rects()?;
            for r in 0..rects.length() {
                let Some(rect) = rects.item(r) else { continue };
                if x >= rect.left() && x <= rect.right() && y >= rect.top() && y <= rect.bottom() {
                    return Some((run.finding, rect));
                }
            }
        }
        None
    }
}

#[wasm_bindgen]
extern "C" {
    /// A document seen for `caretPositionFromPoint(x, y, options)`:
    /// web-sys binds it without the options, which name the shadow roots
    /// to look into, and without catching what it throws.
    type ShadowCaret;

    #[wasm_bindgen(method, catch, js_name = caretPositionFromPoint)]
    fn caret_position_in(
        this: &ShadowCaret,
        x: f64,
        y: f64,
        options: &js_sys::Object,
    ) -> Result<Option<CaretPosition>, JsValue>;
}

/// Runs `f` on the shown highlight (while it is painted again, the one
/// still shown), if it is still there and not busy.
pub(super) fn with_shown(state: &Weak<RefCell<Inner>>, f: impl FnOnce(&mut Shown)) {
    let Some(state) = state.upgrade() else { return };
    let Ok(mut inner) = state.try_borrow_mut() else { return };
    let inner = &mut *inner;
    match &mut inner.stage {
        Stage::Shown(shown) => f(shown),
        // painting again: the painting before answers until it is replaced
        Stage::Working(_) => {
            if let Some(previous) = &mut inner.previous {
                f(previous);
            }
        }
        Stage::Cleared => {}
    }
}

/// The listeners a highlight needs: tooltips on hover and focus, keyboard
/// shortcuts, and the panel's controls.
pub(super) fn listeners(
    window: &Window,
    document: &Document,
    state: &Weak<RefCell<Inner>>,
    overlay_mode: bool,
    keys: bool,
    panel: Option<&Panel>,
) -> Vec<Listener> {
    let weak = state.clone();
    let doc_target: &web_sys::EventTarget = document.as_ref();
    let mut out = Vec::new();
    if overlay_mode {
        // hit-testing, at most once an animation frame
        let pending = Rc::new(std::cell::Cell::new(false));
        let state = weak.clone();
        let document = document.clone();
        out.push(Listener::new(doc_target, "pointermove", false, move |event: Event| {
            let Some(mouse) = event.dyn_ref::<MouseEvent>() else { return };
            if pending.replace(true) {
                return;
            }
            let (x, y) = (f64::from(mouse.client_x()), f64::from(mouse.client_y()));
            let state = state.clone();
            let document = document.clone();
            let pending = pending.clone();
            let frame = Closure::once_into_js(move || {
                pending.set(false);
                with_shown(&state, |shown| match shown.finding_at(&document, x, y) {
                    Some((i, rect)) => shown.show_tip(i, &rect),
                    None if shown.current.is_none() => shown.widget.hide_tip(),
                    None => {}
                });
            });
            if let Some(window) = web_sys::window() {
                let _ = window.request_animation_frame(frame.unchecked_ref());
            }
        }));
    } else {
        let show = {
            let state = weak.clone();
            move |event: Event| {
                with_shown(&state, |shown| {
                    // the node itself, not its shadow host as `event.target()` says
                    let Some(target) = event.composed_path().get(0).dyn_into::<Node>().ok() else { return };
                    let Some(mark) = mark_of(&target, &shown.owner) else { return };
                    let Some(i) = mark.get_attribute("data-finding").and_then(|v| v.parse::<usize>().ok()) else {
                        return;
                    };
                    if shown.is_shown(i) {
                        shown.show_tip(i, &mark.get_bounding_client_rect());
                    }
                });
            }
        };
        let hide = {
            let state = weak.clone();
            move |_: Event| with_shown(&state, |shown| shown.widget.hide_tip())
        };
        out.push(Listener::new(doc_target, "mouseover", true, show.clone()));
        out.push(Listener::new(doc_target, "focusin", true, show));
        out.push(Listener::new(doc_target, "mouseout", true, hide.clone()));
    }
    {
        // a tooltip stays where its text was: scrolling and resizing hide it
        let state = weak.clone();
        let hide = move |_: Event| with_shown(&state, |shown| shown.widget.hide_tip());
        out.push(Listener::new(window.as_ref(), "scroll", true, hide.clone()));
        out.push(Listener::new(window.as_ref(), "resize", false, hide));
    }
    if keys {
        let state = weak.clone();
        out.push(Listener::new(window.as_ref(), "keydown", false, move |event: Event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
            if key.code() == "Escape" {
                with_shown(&state, |shown| {
                    shown.widget.hide_tip();
                    shown.set_current(None);
                });
                return;
            }
            if !(key.alt_key() && key.shift_key()) || key.ctrl_key() || key.meta_key() {
                return;
            }
            let handled = match key.code().as_str() {
                "KeyH" => {
                    with_shown(&state, |shown| {
                        let visible = !shown.visible;
                        shown.set_visible(visible);
                        shown.widget.say(if visible { "Highlights shown" } else { "Highlights hidden" });
                    });
                    true
                }
                "KeyN" | "KeyP" => {
                    with_shown(&state, |shown| {
                        if shown.step(key.code() == "KeyP").is_none() {
                            shown.widget.say("No findings are shown");
                        }
                    });
                    true
                }
                _ => false,
            };
            if handled {
                event.prevent_default();
            }
        }));
    }
    if let Some(panel) = panel {
        out.extend(panel_listeners(&weak, panel));
    }
    out
}

/// The panel's controls: toggles, source rows, collapse, close, and
/// dragging the bar.
fn panel_listeners(state: &Weak<RefCell<Inner>>, panel: &Panel) -> Vec<Listener> {
    let mut out = Vec::new();
    for (category, input) in &panel.toggles {
        let (state, category, input2) = (state.clone(), *category, input.clone());
        out.push(Listener::new(input.as_ref(), "change", false, move |_| {
            with_shown(&state, |shown| shown.set_hidden(category, !input2.checked()));
        }));
    }
    for (row, button) in panel.sources.iter().enumerate() {
        let state = state.clone();
        out.push(Listener::new(button.as_ref(), "click", false, move |_| {
            with_shown(&state, |shown| shown.step_source(row));
        }));
    }
    {
        let panel = panel.clone();
        out.push(Listener::new(panel.collapse.clone().as_ref(), "click", false, move |_| {
            set_collapsed(&panel, !panel.body.hidden());
        }));
    }
    {
        let root = panel.root.clone();
        let state = state.clone();
        out.push(Listener::new(panel.close.as_ref(), "click", false, move |_| {
            root.set_hidden(true);
            with_shown(&state, |shown| shown.widget.say("Panel closed. Alt+Shift+H shows and hides the highlights."));
        }));
    }
    // moving: the bar follows the pointer while it is down
    let drag: Rc<std::cell::Cell<Option<(f64, f64)>>> = Rc::new(std::cell::Cell::new(None));
    {
        let (drag, root) = (drag.clone(), panel.root.clone());
        out.push(Listener::new(panel.bar.as_ref(), "pointerdown", false, move |event: Event| {
            let Some(p) = event.dyn_ref::<MouseEvent>() else { return };
            if p.target().and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok()).is_some() {
                return; // the bar's buttons are not handles
            }
            let rect = root.get_bounding_client_rect();
            drag.set(Some((f64::from(p.client_x()) - rect.left(), f64::from(p.client_y()) - rect.top())));
            event.prevent_default();
        }));
    }
    if let Some(window) = web_sys::window() {
        let (drag2, root) = (drag.clone(), panel.root.clone());
        out.push(Listener::new(window.as_ref(), "pointermove", false, move |event: Event| {
            let (Some((dx, dy)), Some(p)) = (drag2.get(), event.dyn_ref::<MouseEvent>()) else { return };
            let style = root.style();
            let _ = style.set_property("left", &px(f64::from(p.client_x()) - dx));
            let _ = style.set_property("top", &px(f64::from(p.client_y()) - dy));
            let _ = style.set_property("right", "auto");
            let _ = style.set_property("bottom", "auto");
        }));
        out.push(Listener::new(window.as_ref(), "pointerup", false, move |_| drag.set(None)));
    }
    out
}
