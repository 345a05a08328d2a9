//! `highlight()`: reads, analyses and paints a part of the page, a slice
//! at a time, and the handle that clears it again.
//!
//! The work is a [`Job`] in three phases (read the text, analyse it in
//! parts, paint the runs) that runs until a time budget is spent, then
//! yields to the page and goes on in a later task, so that no task of the
//! widget blocks the page for long. On a small page it all fits in the
//! first slice and `highlight()` returns with everything painted. A
//! `MutationObserver` then watches the page and paints again, a moment
//! after it changes, analysing only the parts whose text changed.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, MutationObserver, MutationObserverInit, MutationRecord, Node, Range, ShadowRoot, Window,
};

use super::args;
use super::article::find_article;
use super::extract::{Extractor, Filter, PageText};
use super::overlay::{self, Overlay, Painted};
use super::panel::{self, Panel};
use super::sheets::{adopt, Adopted};
use super::shown::{listeners, Paint, PaintRun, Shown, View};
use super::style::{marks_css, page_is_dark};
use super::to_js;
use super::widget::Widget;
use super::wrap::{wrap, Run, Wrapped};
use crate::marks::marks;
use crate::parts::{PartCache, Parts};
use crate::report::{Report, Unit};
use crate::summary::{summarize, Summary};

/// The time one slice of work may take, in milliseconds: well under the
/// 50 ms after which a task is long.
const SLICE_MS: f64 = 12.0;
/// The largest part of the text analysed in one go, in bytes. A part is
/// analysed on its own: a pronoun finds its person, and a capital its
/// word's other uses, only within it. So a part holds a whole news article
/// where it can (most are well under 16 KB of text), and a long page is
/// still cut into parts of a few milliseconds each (about 5 ms in Chromium
/// here; 32 KB parts made the longest slice worse on a busy machine).
const PART_BYTES: usize = 16_000;
/// The pause after the marks' stylesheet is adopted, in milliseconds: a
/// frame, for the browser to restyle the page in a task of its own.
const RESTYLE_MS: i32 = 20;
/// Nodes read, or runs painted, between looks at the clock.
const BATCH: usize = 100;
/// How long the page must be still after a change before it is painted
/// again, in milliseconds.
const SETTLE_MS: i32 = 400;

/// Options of `highlight()`, from a plain JavaScript object. Every field
/// is optional; the README lists them.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `"overlay"` (the CSS Custom Highlight API, no change to the page's
    /// DOM) or `"wrap"` (elements around the text). Default: overlay where
    /// the browser has it.
    pub mode: Option<String>,
    /// Read `<pre>` and `<code>` too.
    pub include_code: bool,
    /// `"light"`, `"dark"` or `"auto"` (the default: from the page's
    /// background).
    pub theme: Option<String>,
    /// Show the panel (default: true).
    pub panel: Option<bool>,
    /// Answer the keyboard shortcuts (default: true).
    pub keys: Option<bool>,
    /// Paint again when the page changes (default: true).
    pub watch: Option<bool>,
    /// Read and paint editable regions too, repainting as they are edited
    /// (default: false; overlay mode only, which changes no DOM).
    pub editable: bool,
}

impl Options {
    /// Reads the options object; unknown keys and wrong types are errors,
    /// so that a typo does not pass silently.
    pub fn from_js(value: &JsValue) -> Result<Options, JsValue> {
        let mut options = Options::default();
        if value.is_undefined() || value.is_null() {
            return Ok(options);
        }
        let Some(object) = value.dyn_ref::<js_sys::Object>().filter(|_| value.is_object()) else {
            return Err(args::type_error(HIGHLIGHT, &format!("options must be an object, not {}", args::what(value))));
        };
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            let v = js_sys::Reflect::get(object, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
            if v.is_undefined() {
                continue;
            }
            let argument = format!("option {key}");
            let text = || args::string(HIGHLIGHT, &argument, &v);
            let flag = || args::boolean(HIGHLIGHT, &argument, &v);
            match key.as_str() {
                "mode" => options.mode = Some(text()?),
                "theme" => options.theme = Some(text()?),
                "includeCode" => options.include_code = flag()?,
                "panel" => options.panel = Some(flag()?),
                "keys" => options.keys = Some(flag()?),
                "watch" => options.watch = Some(flag()?),
                "editable" => options.editable = flag()?,
                _ => {
                    return Err(args::error(
                        HIGHLIGHT,
                        &format!(
                            "unknown option {key} (known: mode, theme, includeCode, panel, keys, watch, editable)"
                        ),
                    ))
                }
            }
        }
        Ok(options)
    }
}

/// How the messages of `highlight()` name it.
const HIGHLIGHT: &str = "highlight(root, options)";

/// The options once settled against the page.
#[derive(Clone)]
struct Settings {
    overlay: bool,
    dark: bool,
    panel: bool,
    keys: bool,
    watch: bool,
    filter: Filter,
}

/// Where a highlight is.
pub(super) enum Stage {
    /// Reading, analysing or painting.
    Working(Box<Job>),
    /// Painted and answering the reader.
    Shown(Box<Shown>),
    /// Cleared: nothing of it is left in the page.
    Cleared,
}

/// Everything one `highlight()` holds.
pub(super) struct Inner {
    pub(super) stage: Stage,
    document: Document,
    root: Element,
    /// The root was found, not given: find it again if the page replaces it.
    found_root: bool,
    settings: Settings,
    owner: String,
    cache: PartCache,
    /// The text and findings of the last painting, for `text()` and
    /// `findings()` (the findings turned into JavaScript on first ask).
    text: String,
    report: Report,
    findings: Option<JsValue>,
    /// The promise `ready()` returns, settled when a painting is done.
    ready: js_sys::Promise,
    resolve: Option<js_sys::Function>,
    /// The next slice of work, or the wait for the page to settle.
    timer: Option<Timer>,
    /// Slices of work done, and the longest one in milliseconds.
    slices: u32,
    longest_slice: f64,
    /// Parts of the text analysed, and taken from the cache, by the last
    /// painting.
    parts: (u32, u32),
    observer: Option<Watch>,
    /// In overlay mode, the painting shown while the page is painted again
    /// after a change: it stays until the new one replaces it, so that
    /// nothing blinks as a writer types.
    pub(super) previous: Option<Box<Shown>>,
    /// What the reader changed on the painting before, to keep.
    view: Option<View>,
    /// The page changed while a painting was under way (overlay mode
    /// watches then too): paint again once it is done.
    changed: bool,
}

/// The handle `highlight()` returns.
#[wasm_bindgen]
pub struct Highlighter {
    state: Rc<RefCell<Inner>>,
    mode: &'static str,
}

#[wasm_bindgen]
impl Highlighter {
    /// The findings shown: the array `analyze(text()).findings`, with
    /// offsets into `text()`. Empty while the first painting is under way
    /// (see `ready()`) and after `clear()`.
    #[wasm_bindgen(unchecked_return_type = "Finding[]")]
    pub fn findings(&self) -> JsValue {
        let mut inner = self.state.borrow_mut();
        if inner.findings.is_none() {
            let report = inner.report.clone().into_unit(&inner.text, Unit::Utf16);
            inner.findings = Some(to_js(&report.findings).unwrap_or_else(|_| js_sys::Array::new().into()));
        }
        inner.findings.clone().unwrap_or(JsValue::UNDEFINED)
    }

    /// The text the analysis read.
    pub fn text(&self) -> String {
        self.state.borrow().text.clone()
    }

    /// How the findings are painted: `"overlay"` or `"wrap"`.
    #[wasm_bindgen(unchecked_return_type = "\"overlay\" | \"wrap\"")]
    pub fn mode(&self) -> String {
        self.mode.to_owned()
    }

    /// How the work was done: `{slices, longestSliceMs, partsAnalysed,
    /// partsReused}`, the number of slices the paintings so far took and
    /// the longest of them, and how many parts of the text the last
    /// painting analysed and how many it took unchanged from the one
    /// before.
    #[wasm_bindgen(unchecked_return_type = "HighlightStats")]
    pub fn stats(&self) -> JsValue {
        let inner = self.state.borrow();
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"slices".into(), &inner.slices.into());
        let _ = js_sys::Reflect::set(&o, &"longestSliceMs".into(), &inner.longest_slice.into());
        let _ = js_sys::Reflect::set(&o, &"partsAnalysed".into(), &inner.parts.0.into());
        let _ = js_sys::Reflect::set(&o, &"partsReused".into(), &inner.parts.1.into());
        o.into()
    }

    /// A promise that settles when the painting under way is done (at
    /// once when there is none).
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn ready(&self) -> js_sys::Promise {
        self.state.borrow().ready.clone()
    }

    /// Shows or hides the highlights (the panel's toggles stay as they are).
    #[wasm_bindgen(js_name = setVisible)]
    pub fn set_visible(
        &self,
        #[wasm_bindgen(unchecked_param_type = "boolean")] visible: JsValue,
    ) -> Result<(), JsValue> {
        const NAME: &str = "Highlighter.setVisible(visible)";
        let visible = args::boolean(NAME, "visible", &visible)?;
        self.not_cleared(NAME)?;
        super::shown::with_shown(&Rc::downgrade(&self.state), |shown| shown.set_visible(visible));
        Ok(())
    }

    /// Shows or hides one category: `"named"`, `"unnamed"`, `"no-source"`,
    /// `"hedged"` or `"disputed"`.
    #[wasm_bindgen(js_name = setCategoryVisible)]
    pub fn set_category_visible(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Category")] category: JsValue,
        #[wasm_bindgen(unchecked_param_type = "boolean")] visible: JsValue,
    ) -> Result<(), JsValue> {
        const NAME: &str = "Highlighter.setCategoryVisible(category, visible)";
        let category = args::string(NAME, "category", &category)?;
        let visible = args::boolean(NAME, "visible", &visible)?;
        self.not_cleared(NAME)?;
        let category = crate::report::Category::ALL.into_iter().find(|c| c.as_str() == category).ok_or_else(|| {
            args::error(
                NAME,
                &format!("unknown category \"{category}\" (known: named, unnamed, no-source, hedged, disputed)"),
            )
        })?;
        super::shown::with_shown(&Rc::downgrade(&self.state), |shown| shown.set_hidden(category, !visible));
        Ok(())
    }

    /// Moves to the next finding shown (or the previous one with
    /// `backwards`): scrolls it into view, marks it, and shows its tooltip.
    /// Returns its index in `findings()`, or `undefined` when none is shown.
    pub fn step(
        &self,
        #[wasm_bindgen(unchecked_param_type = "boolean")] backwards: Option<JsValue>,
    ) -> Result<Option<usize>, JsValue> {
        const NAME: &str = "Highlighter.step(backwards)";
        let backwards = backwards.map_or(Ok(false), |v| args::boolean(NAME, "backwards", &v))?;
        self.not_cleared(NAME)?;
        let mut found = None;
        super::shown::with_shown(&Rc::downgrade(&self.state), |shown| found = shown.step(backwards));
        Ok(found)
    }

    /// Removes everything the widget added; the page is as it was before.
    /// Calling it twice does nothing the second time.
    pub fn clear(&self) {
        let (stage, previous, observer, timer, resolve) = {
            let mut inner = self.state.borrow_mut();
            inner.text.clear();
            inner.report = Report::default();
            inner.findings = None;
            inner.view = None;
            (
                std::mem::replace(&mut inner.stage, Stage::Cleared),
                inner.previous.take(),
                inner.observer.take(),
                inner.timer.take(),
                inner.resolve.take(),
            )
        };
        // stop watching before the page is changed back
        drop(observer);
        drop(timer);
        drop(stage);
        drop(previous);
        if let Some(resolve) = resolve {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    }
}

impl Highlighter {
    /// An error from `function` when this highlighter was cleared: there is
    /// nothing left to show, hide or step through.
    fn not_cleared(&self, function: &str) -> Result<(), JsValue> {
        match self.state.try_borrow().map(|inner| matches!(inner.stage, Stage::Cleared)) {
            Ok(true) => Err(args::error(function, "this highlighter was cleared; call highlight() again")),
            _ => Ok(()),
        }
    }
}

/// Finds and highlights the attributions and unverified claims under
/// `root` (default: the page's article, else its body).
/// (Its TypeScript declaration is in `types.rs`: both arguments optional.)
#[wasm_bindgen(skip_typescript)]
pub fn highlight(root: Option<JsValue>, options: Option<JsValue>) -> Result<Highlighter, JsValue> {
    let root = args::optional_element(HIGHLIGHT, "root", &root.unwrap_or(JsValue::UNDEFINED))?;
    let options = Options::from_js(&options.unwrap_or(JsValue::UNDEFINED))?;
    let window = web_sys::window().ok_or_else(|| args::error(HIGHLIGHT, "no window"))?;
    let document = window.document().ok_or_else(|| args::error(HIGHLIGHT, "no document"))?;
    let found_root = root.is_none();
    let root: Element = match root {
        Some(root) => root,
        None => find_article(&document).ok_or_else(|| args::error(HIGHLIGHT, "the page has no body"))?,
    };
    let overlay = match options.mode.as_deref() {
        None => overlay::supported(),
        Some("overlay") if overlay::supported() => true,
        Some("overlay") => {
            return Err(args::error(
                HIGHLIGHT,
                "this browser cannot paint overlays (no CSS Custom Highlight API): use mode \"wrap\"",
            ))
        }
        Some("wrap") => false,
        Some(other) => {
            return Err(args::error(HIGHLIGHT, &format!("unknown mode \"{other}\": use \"overlay\" or \"wrap\"")))
        }
    };
    if options.editable && !overlay {
        // marks inside an editor would become part of what the writer edits
        return Err(args::error(
            HIGHLIGHT,
            "option editable needs overlay mode (the CSS Custom Highlight API), which leaves the editor's DOM alone",
        ));
    }
    let dark = match options.theme.as_deref() {
        None | Some("auto") => page_is_dark(&window, &root),
        Some("dark") => true,
        Some("light") => false,
        Some(other) => {
            return Err(args::error(
                HIGHLIGHT,
                &format!("unknown theme \"{other}\": use \"auto\", \"light\" or \"dark\""),
            ))
        }
    };
    let settings = Settings {
        overlay,
        dark,
        panel: options.panel.unwrap_or(true),
        keys: options.keys.unwrap_or(true),
        watch: options.watch.unwrap_or(true),
        filter: Filter { include_code: options.include_code, include_editable: options.editable },
    };
    let mut resolve = None;
    let ready = js_sys::Promise::new(&mut |res, _| resolve = Some(res));
    let job = Job::new(&root, &settings);
    let state = Rc::new(RefCell::new(Inner {
        stage: Stage::Working(Box::new(job)),
        document,
        root,
        found_root,
        settings,
        owner: next_owner(),
        cache: PartCache::default(),
        text: String::new(),
        report: Report::default(),
        findings: None,
        ready,
        resolve,
        timer: None,
        slices: 0,
        longest_slice: 0.0,
        parts: (0, 0),
        observer: None,
        previous: None,
        view: None,
        changed: false,
    }));
    work(&state).map_err(JsValue::from)?;
    Ok(Highlighter { state, mode: if overlay { "overlay" } else { "wrap" } })
}

/// A name for this highlight's marks and highlights, unique on the page.
fn next_owner() -> String {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(1) });
    let n = NEXT.with(|c| {
        let n = c.get();
        c.set(n + 1);
        n
    });
    format!("sl{n}")
}

fn js_error(e: JsValue) -> JsError {
    let message =
        e.as_string().or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()));
    JsError::new(&format!("sourcelight: {}", message.unwrap_or_else(|| "the page could not be changed".into())))
}

/// Milliseconds on the page's clock.
fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The painting under way.
pub(super) struct Job {
    phase: Phase,
}

enum Phase {
    /// Reading the page's text.
    Read(Extractor),
    /// Analysing it part by part; `part_ms` is how long the last part took.
    Analyse { page: PageText, parts: Parts, part_ms: f64 },
    /// Painting the runs, a batch at a time.
    /// The marks' stylesheet is adopted first (by the document and by
    /// every shadow root the text came from), a frame ahead of the marks:
    /// the browser restyles the whole page for it, and that work is
    /// better not added to the frame that shows the marks.
    /// The widget and the panel come next, a frame ahead of the marks
    /// too: the browser's first layout and paint of a long panel, added to
    /// the frame that paints thousands of highlights, made a long task.
    Paint {
        page: PageText,
        report: Report,
        runs: Vec<PaintRun>,
        done: usize,
        painting: Painting,
        sheets: Vec<Adopted>,
        shell: Option<Shell>,
    },
}

/// The widget's host with its tooltip, and the panel with its summary.
struct Shell {
    widget: Widget,
    panel: Option<Panel>,
    summary: Summary,
}

/// What has been painted so far.
enum Painting {
    Overlay(Vec<Range>),
    Wrap(Wrapped),
}

impl Job {
    fn new(root: &Element, settings: &Settings) -> Job {
        Job { phase: Phase::Read(Extractor::new(root, settings.filter)) }
    }
}

/// Works on the highlight until the slice's time is spent; then asks for
/// another slice, or, when the painting is done, shows it.
fn work(state: &Rc<RefCell<Inner>>) -> Result<(), JsError> {
    let started = now();
    let result = work_slice(state, started + SLICE_MS);
    if let Ok(mut inner) = state.try_borrow_mut() {
        inner.slices += 1;
        inner.longest_slice = inner.longest_slice.max(now() - started);
    }
    result
}

/// One slice of [`work`], until `deadline`.
fn work_slice(state: &Rc<RefCell<Inner>>, deadline: f64) -> Result<(), JsError> {
    let mut inner = state.borrow_mut();
    let inner = &mut *inner;
    let Stage::Working(job) = &mut inner.stage else { return Ok(()) };
    loop {
        match &mut job.phase {
            Phase::Read(extractor) => {
                if extractor.step(BATCH) {
                    let Phase::Read(extractor) = std::mem::replace(
                        &mut job.phase,
                        Phase::Analyse { page: PageText::empty(), parts: Parts::new(PART_BYTES), part_ms: SLICE_MS },
                    ) else {
                        unreachable!("the phase was Read")
                    };
                    if let Phase::Analyse { page, .. } = &mut job.phase {
                        *page = extractor.finish();
                    }
                }
            }
            Phase::Analyse { page, parts, part_ms } if !parts.done(&page.text) => {
                // a part that would end past the deadline waits for the
                // next slice, unless this slice has done nothing yet
                let begun = now();
                if begun + *part_ms > deadline && begun > deadline - SLICE_MS + 1.0 {
                    inner.timer = Some(next_slice(state, 0));
                    return Ok(());
                }
                parts.step(&page.text, &mut inner.cache);
                *part_ms = now() - begun;
                if parts.done(&page.text) {
                    // the last part may have taken most of the slice: the
                    // whole report is put together in a slice of its own
                    inner.timer = Some(next_slice(state, 0));
                    return Ok(());
                }
            }
            Phase::Analyse { page, parts, .. } => {
                let parts = std::mem::take(parts);
                let page = std::mem::replace(page, PageText::empty());
                let report = parts.finish(&page.text, &mut inner.cache);
                inner.parts = inner.cache.forget_unused();
                let runs = paint_runs(&page, &report);
                let painting = if inner.settings.overlay {
                    Painting::Overlay(Vec::new())
                } else {
                    Painting::Wrap(Wrapped::default())
                };
                let css = marks_css(&inner.owner, inner.settings.dark, inner.settings.overlay);
                let mut sheets = vec![adopt(inner.document.as_ref(), &css).map_err(js_error)?];
                for shadow in &page.shadow_roots {
                    sheets.push(adopt(shadow.as_ref(), &css).map_err(js_error)?);
                }
                job.phase = Phase::Paint { page, report, runs, done: 0, painting, sheets, shell: None };
                // let the browser restyle the page before the marks come
                inner.timer = Some(next_slice(state, RESTYLE_MS));
                return Ok(());
            }
            Phase::Paint { shell: shell @ None, report, .. } => {
                *shell = Some(build_shell(&inner.document, &inner.settings, report)?);
                // painting again: the panel waits hidden until the swap, which
                // puts it where the reader had the one before
                if let (Some(Shell { panel: Some(panel), .. }), Some(_)) = (shell.as_ref(), inner.view.as_ref()) {
                    panel.root.set_hidden(true);
                }
                // let the browser lay out and paint the panel before the marks come
                inner.timer = Some(next_slice(state, RESTYLE_MS));
                return Ok(());
            }
            Phase::Paint { runs, done, painting, .. } => {
                // a batch ends where a text node's runs end: they are wrapped together
                let mut end = (*done + BATCH).min(runs.len());
                while end < runs.len() && runs[end].node.node.is_same_node(Some(&runs[end - 1].node.node)) {
                    end += 1;
                }
                match painting {
                    Painting::Overlay(ranges) => {
                        for run in &runs[*done..end] {
                            ranges.push(run.node.to_range(&inner.document).map_err(js_error)?);
                        }
                    }
                    Painting::Wrap(wrapped) => {
                        let batch: Vec<Run<'_>> = runs[*done..end]
                            .iter()
                            .enumerate()
                            .map(|(k, r)| Run {
                                range: &r.node,
                                class: format!("sl-{} sl-{}", r.category.as_str(), r.role.as_str()),
                                finding: r.finding,
                                index: *done + k,
                            })
                            .collect();
                        wrap(&inner.document, &batch, &inner.owner, wrapped).map_err(js_error)?;
                    }
                }
                *done = end;
                if *done >= runs.len() {
                    break;
                }
            }
        }
        if now() >= deadline {
            inner.timer = Some(next_slice(state, 0));
            return Ok(());
        }
    }
    // painted: show it
    let Stage::Working(job) = std::mem::replace(&mut inner.stage, Stage::Cleared) else {
        unreachable!()
    };
    let Phase::Paint { page, report, runs, painting, sheets, shell: Some(shell), .. } = job.phase else {
        unreachable!("painted with a shell")
    };
    // the painting before goes first: its highlights have the same names;
    // what the reader did to it meanwhile is kept
    if let Some(previous) = inner.previous.take() {
        inner.view = Some(previous.view());
    }
    let mut shown = show(inner, state, &report, runs, painting, page, sheets, shell)?;
    if let Some(view) = inner.view.take() {
        shown.apply(&view);
    }
    inner.text = shown.page.text.clone();
    let shadow_roots = shown.page.shadow_roots.clone();
    inner.report = report;
    inner.findings = None;
    inner.stage = Stage::Shown(Box::new(shown));
    inner.timer = None;
    if std::mem::take(&mut inner.changed) {
        inner.timer = Some(settle_then_repaint(state));
    }
    if inner.settings.watch {
        inner.observer = Watch::new(state, &inner.document, &inner.root, &shadow_roots).ok();
    }
    if let Some(resolve) = inner.resolve.take() {
        let _ = resolve.call0(&JsValue::UNDEFINED);
    }
    Ok(())
}

/// Asks for the next slice of [`work`] in `ms` milliseconds.
fn next_slice(state: &Rc<RefCell<Inner>>, ms: i32) -> Timer {
    let weak = Rc::downgrade(state);
    Timer::new(ms, move || {
        if let Some(state) = weak.upgrade() {
            if let Err(e) = work(&state) {
                fail(&state, e);
            }
        }
    })
}

/// A painting that could not be finished: whatever it changed is undone,
/// and the error goes to the console (no exception escapes into the page
/// from a later slice).
fn fail(state: &Rc<RefCell<Inner>>, error: JsError) {
    let (stage, previous, observer, timer) = {
        let mut inner = state.borrow_mut();
        (
            std::mem::replace(&mut inner.stage, Stage::Cleared),
            inner.previous.take(),
            inner.observer.take(),
            inner.timer.take(),
        )
    };
    drop(observer);
    drop(timer);
    drop(stage);
    drop(previous);
    let message: JsValue = error.into();
    web_sys::console::warn_2(&"sourcelight:".into(), &message);
    if let Some(resolve) = state.borrow_mut().resolve.take() {
        let _ = resolve.call0(&JsValue::UNDEFINED);
    }
}

/// The widget and, when asked for, the panel, for `report`.
fn build_shell(document: &Document, settings: &Settings, report: &Report) -> Result<Shell, JsError> {
    let widget = Widget::new(document, settings.dark).map_err(js_error)?;
    let summary = summarize(report);
    let panel = if settings.panel {
        Some(panel::build(document, widget.shadow.as_ref(), &summary).map_err(js_error)?)
    } else {
        None
    };
    Ok(Shell { widget, panel, summary })
}

/// Builds what a finished painting shows: the highlights or marks, and
/// the listeners.
#[allow(clippy::too_many_arguments)]
fn show(
    inner: &Inner,
    state: &Rc<RefCell<Inner>>,
    report: &Report,
    runs: Vec<PaintRun>,
    painting: Painting,
    page: PageText,
    sheets: Vec<Adopted>,
    shell: Shell,
) -> Result<Shown, JsError> {
    let document = &inner.document;
    let settings = &inner.settings;
    let window: Window = web_sys::window().ok_or_else(|| JsError::new("sourcelight: no window"))?;
    let mut runs_of = vec![Vec::new(); report.findings.len()];
    for (k, run) in runs.iter().enumerate() {
        runs_of[run.finding].push(k);
    }
    let paint = match painting {
        Painting::Overlay(ranges) => {
            let mut overlay = Overlay::new(&inner.owner).map_err(js_error)?;
            let painted: Vec<Painted> = runs
                .iter()
                .zip(&ranges)
                .map(|(r, range)| Painted { range: range.clone(), category: r.category, role: r.role })
                .collect();
            overlay.paint(&painted, &HashSet::new()).map_err(js_error)?;
            Paint::Overlay { overlay, ranges }
        }
        Painting::Wrap(wrapped) => {
            let mut marks = vec![None; runs.len()];
            for (index, mark) in &wrapped.marks {
                marks[*index] = Some(mark.clone());
            }
            Paint::Wrap { _wrapped: wrapped, marks }
        }
    };
    let Shell { widget, panel, summary } = shell;
    let listeners =
        listeners(&window, document, &Rc::downgrade(state), settings.overlay, settings.keys, panel.as_ref());
    Ok(Shown {
        owner: inner.owner.clone(),
        page,
        report: report.clone(),
        runs,
        runs_of,
        paint,
        widget,
        panel,
        source_cursor: vec![None; summary.sources.len()],
        summary,
        hidden: HashSet::new(),
        visible: true,
        current: None,
        _sheets: sheets,
        _listeners: listeners,
    })
}

/// The runs to paint: each mark's text cut at text-node boundaries.
fn paint_runs(page: &PageText, report: &Report) -> Vec<PaintRun> {
    let mut runs = Vec::new();
    for m in marks(report, None) {
        for node in page.node_ranges(m.span) {
            runs.push(PaintRun {
                node,
                finding: m.finding,
                role: m.role,
                category: m.category,
                start: m.span.start,
                end: m.span.end,
            });
        }
    }
    runs
}

/// Paints again from scratch: the page changed under the highlight. A
/// root the page has replaced is found again.
fn repaint(state: &Rc<RefCell<Inner>>) {
    let old = {
        let mut inner = state.borrow_mut();
        if matches!(inner.stage, Stage::Cleared) {
            return;
        }
        if inner.found_root && !inner.root.is_connected() {
            match find_article(&inner.document) {
                Some(root) => inner.root = root,
                None => return,
            }
        }
        if inner.resolve.is_none() {
            let mut resolve = None;
            inner.ready = js_sys::Promise::new(&mut |res, _| resolve = Some(res));
            inner.resolve = resolve;
        }
        if !inner.settings.overlay {
            inner.observer = None; // the marks coming and going are not the page's changes
        }
        let job = Job::new(&inner.root, &inner.settings);
        let old = std::mem::replace(&mut inner.stage, Stage::Working(Box::new(job)));
        match old {
            Stage::Shown(shown) => {
                inner.view = Some(shown.view());
                if inner.settings.overlay {
                    // overlays change no DOM: the old one can stay while the new one is made
                    drop(inner.previous.replace(shown));
                    None
                } else {
                    Some(Stage::Shown(shown))
                }
            }
            other => Some(other),
        }
    };
    // marks come out before the text is read again
    drop(old);
    if let Err(e) = work(state) {
        fail(state, e);
    }
}

/// Waits for the page to settle, then paints again.
fn settle_then_repaint(state: &Rc<RefCell<Inner>>) -> Timer {
    let weak = Rc::downgrade(state);
    Timer::new(SETTLE_MS, move || {
        if let Some(state) = weak.upgrade() {
            repaint(&state);
        }
    })
}

/// A `setTimeout` callback, cancelled when dropped.
struct Timer {
    handle: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    fn new(ms: i32, f: impl FnMut() + 'static) -> Timer {
        let callback = Closure::<dyn FnMut()>::new(f);
        let handle = web_sys::window()
            .and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), ms).ok()
            })
            .unwrap_or(0);
        Timer { handle, _callback: callback }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.handle);
        }
    }
}

/// Watches the page for changes to the highlighted text, and the shadow
/// roots it was read from (changes inside them do not reach observers of
/// the page); disconnected when dropped.
struct Watch {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Watch {
    fn new(
        state: &Rc<RefCell<Inner>>,
        document: &Document,
        root: &Element,
        shadow_roots: &[ShadowRoot],
    ) -> Result<Watch, JsValue> {
        let weak: Weak<RefCell<Inner>> = Rc::downgrade(state);
        let root = root.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
            let Some(state) = weak.upgrade() else { return };
            let relevant = records.iter().any(|r| {
                let Ok(record) = r.dyn_into::<MutationRecord>() else { return false };
                match record.target() {
                    Some(target) => {
                        !root.is_connected()
                            || root.contains(Some(&target))
                            || target.contains(Some(&root))
                            || target.get_root_node().is_instance_of::<ShadowRoot>()
                    }
                    None => false,
                }
            });
            if !relevant {
                return;
            }
            let Ok(mut inner) = state.try_borrow_mut() else { return };
            if matches!(inner.stage, Stage::Working(_)) {
                // a painting under way finishes first, then paints again
                inner.changed = true;
                return;
            }
            inner.timer = Some(settle_then_repaint(&state));
        });
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_character_data(true);
        init.set_subtree(true);
        let target: Node = document.body().map(Into::into).unwrap_or_else(|| document.clone().into());
        observer.observe_with_options(&target, &init)?;
        for shadow in shadow_roots {
            observer.observe_with_options(shadow, &init)?;
        }
        Ok(Watch { observer, _callback: callback })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
