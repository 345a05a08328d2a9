//! The widget's look: colours, underlines and the panel, as CSS text that
//! goes into constructable stylesheets (no inline styles, so pages with a
//! strict Content-Security-Policy accept it).
//!
//! One colour per category, from the Okabe-Ito palette that colour-blind
//! readers can tell apart, and an underline style per category as a second
//! cue that needs no colour: solid for a named source, dashed for an
//! unnamed one, dotted for no source, wavy for the writer's hedges, double
//! for disputes. Sources get the strongest tint, cues a middle one, content
//! a light one, so the text stays readable.

use std::fmt::Write as _;

use crate::report::Category;

/// A category's colour (red, green, blue) on light and on dark pages, and
/// its underline style.
fn palette(category: Category, dark: bool) -> ((u8, u8, u8), &'static str) {
    let (light, darkc, line) = match category {
        Category::Named => ((0, 114, 178), (86, 180, 233), "solid"),
        Category::Unnamed => ((204, 121, 167), (232, 163, 203), "dashed"),
        Category::NoSource => ((230, 159, 0), (245, 192, 74), "dotted"),
        Category::Hedged => ((0, 158, 115), (60, 200, 160), "wavy"),
        Category::Disputed => ((213, 94, 0), (255, 138, 80), "double"),
    };
    (if dark { darkc } else { light }, line)
}

/// True when the page behind `element` is dark: the first background
/// colour found from the element up to the root is of low luminance.
pub fn page_is_dark(window: &web_sys::Window, element: &web_sys::Element) -> bool {
    let mut current = Some(element.clone());
    while let Some(e) = current {
        if let Ok(Some(style)) = window.get_computed_style(&e) {
            let background = style.get_property_value("background-color").unwrap_or_default();
            if let Some((r, g, b, opaque)) = parse_rgb(&background) {
                if opaque {
                    // relative luminance, in thousandths of 255
                    let luminance = 2126 * r + 7152 * g + 722 * b;
                    return luminance < 4 * 255 * 1000;
                }
            }
        }
        current = e.parent_element();
    }
    false
}

/// Reads `rgb(r, g, b)` or `rgba(r, g, b, a)` as computed styles give
/// them: the channels and whether the colour is mostly opaque.
fn parse_rgb(css: &str) -> Option<(u32, u32, u32, bool)> {
    let inner = css.trim().strip_prefix("rgba(").or_else(|| css.trim().strip_prefix("rgb("))?.strip_suffix(')')?;
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    let channel = |k: usize| parts.get(k)?.split('.').next()?.parse::<u32>().ok();
    let (r, g, b) = (channel(0)?, channel(1)?, channel(2)?);
    let opaque = match parts.get(3) {
        None => true,
        // "1", "0.8", ".8": more than half
        Some(a) => a.starts_with('1') || a.trim_start_matches('0').strip_prefix('.').is_some_and(|f| f >= "5"),
    };
    Some((r, g, b, opaque))
}

/// CSS for the marks in the page: `::highlight()` ranges in overlay mode,
/// `sl-mark` elements in wrap mode. Highlight names start with `prefix`,
/// one per `highlight()`, so that two of them on one page do not paint
/// over each other. Each mode gets only its own rules: a rule for every
/// element (as `::highlight()` is) makes the browser restyle the whole
/// page when the sheet comes and goes.
pub fn marks_css(prefix: &str, dark: bool, overlay: bool) -> String {
    let mut css = if overlay {
        format!("::highlight({prefix}-current){{background-color:rgba(255,214,0,.55);}}")
    } else {
        String::from(
            "sl-mark{all:unset;display:inline;border-radius:2px;cursor:help;}\
             sl-mark:focus{outline:none;}\
             sl-mark.sl-current{outline:2px solid rgba(255,170,0,.9);outline-offset:1px;background-color:rgba(255,214,0,.35);}",
        )
    };
    // content is only tinted, so that a page full of quotations stays
    // readable; the cue and the source carry the colour
    // alphas as text: formatting floats would add their code to the download
    let (tint, mid, strong) = if dark { (".14", ".28", ".36") } else { (".06", ".16", ".24") };
    for category in Category::ALL {
        let ((r, g, b), line) = palette(category, dark);
        let name = category.as_str();
        for (role, alpha, thickness, line_alpha) in
            [("content", tint, 1, ".55"), ("cue", mid, 2, ".95"), ("source", strong, 2, ".95")]
        {
            if overlay {
                let _ = write!(css, "::highlight({prefix}-{name}-{role})");
            } else {
                let _ = write!(css, "sl-mark.sl-{name}.sl-{role}");
            }
            let _ = write!(
                css,
                "{{background-color:rgba({r},{g},{b},{alpha});\
                 text-decoration:underline {line} rgba({r},{g},{b},{line_alpha});text-decoration-thickness:{thickness}px;\
                 text-underline-offset:3px;}}"
            );
        }
    }
    if !overlay {
        css.push_str("sl-mark.sl-hidden{all:unset;display:inline;}");
    }
    css
}

/// CSS for the widget's shadow root: tooltip and panel.
pub fn widget_css(dark: bool) -> String {
    let (bg, fg, muted, border, shadow) = if dark {
        ("#1e2127", "#eceff4", "#a3acb9", "#3b4252", "rgba(0,0,0,.5)")
    } else {
        ("#ffffff", "#1d2330", "#5b6472", "#d8dde6", "rgba(20,30,50,.18)")
    };
    let mut css = format!(
        ":host{{all:initial;}}\
         *{{box-sizing:border-box;}}\
         .tip{{position:fixed;z-index:2147483647;max-width:340px;padding:10px 12px;border-radius:8px;\
         background:{bg};color:{fg};border:1px solid {border};box-shadow:0 6px 24px {shadow};\
         font:13px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;pointer-events:none;}}\
         .tip[hidden]{{display:none;}}\
         .tip h3{{margin:0 0 4px;font-size:13px;font-weight:650;display:flex;align-items:center;gap:6px;}}\
         .tip p{{margin:2px 0;color:{muted};}}\
         .tip p:first-of-type{{color:{fg};}}\
         .swatch{{display:inline-block;width:10px;height:10px;border-radius:3px;flex:none;}}\
         .live{{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;}}\
         .panel{{position:fixed;z-index:2147483646;right:16px;bottom:16px;width:300px;max-height:70vh;display:flex;flex-direction:column;\
         background:{bg};color:{fg};border:1px solid {border};border-radius:12px;box-shadow:0 10px 32px {shadow};\
         font:13px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;overflow:hidden;}}\
         .panel[hidden]{{display:none;}}\
         .bar{{display:flex;align-items:center;gap:6px;padding:8px 10px;border-bottom:1px solid {border};cursor:move;user-select:none;}}\
         .bar strong{{flex:1;font-size:13px;}}\
         button{{font:inherit;color:inherit;background:transparent;border:1px solid {border};border-radius:6px;padding:2px 8px;cursor:pointer;}}\
         button:hover,button:focus-visible{{border-color:{muted};}}\
         .body{{overflow:auto;padding:8px 10px 10px;}}\
         .body[hidden]{{display:none;}}\
         h4{{margin:10px 0 4px;font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:{muted};}}\
         .legend label{{display:flex;align-items:center;gap:8px;padding:2px 0;cursor:pointer;}}\
         .legend .count{{margin-left:auto;color:{muted};font-variant-numeric:tabular-nums;}}\
         .profile{{display:flex;height:8px;border-radius:4px;overflow:hidden;background:{border};margin:4px 0;}}\
         .profile span{{display:block;height:100%;}}\
         .sources{{list-style:none;margin:0;padding:0;}}\
         .sources li{{content-visibility:auto;contain-intrinsic-size:auto 28px;}}\
         .sources li button{{display:flex;width:100%;text-align:left;gap:8px;border:0;border-radius:6px;padding:4px 6px;}}\
         .sources li button:hover,.sources li button:focus-visible{{background:{border};}}\
         .sources .name{{flex:1;}}\
         .sources .type{{color:{muted};font-size:12px;}}\
         .muted{{color:{muted};}}\
         .keys{{color:{muted};font-size:12px;margin-top:8px;}}\
         .sample{{padding:0 2px;border-radius:2px;}}"
    );
    for category in Category::ALL {
        let ((r, g, b), line) = palette(category, dark);
        let _ = write!(
            css,
            ".c-{name}{{background:rgb({r},{g},{b});}}.u-{name}{{text-decoration:underline {line} rgb({r},{g},{b});text-decoration-thickness:2px;text-underline-offset:3px;background:rgba({r},{g},{b},.15);}}",
            name = category.as_str()
        );
    }
    css
}
