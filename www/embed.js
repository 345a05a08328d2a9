// sourcelight for publishers: one tag highlights the page once it is ready.
//
//   <script type="module" src="https://HOST/sourcelight/embed.js"
//           data-root="article" data-mode="overlay"></script>
//
// Every option of highlight() can be given as a data- attribute: data-root
// (a CSS selector; default: the page's article), data-mode, data-theme,
// data-panel, data-keys, data-watch, data-include-code. The handle is
// window.sourcelight, and a "sourcelight:ready" event on document carries it
// in event.detail ("sourcelight:error" carries the error). Nothing here
// throws into the page: errors go to the console and to that event.
import init, { highlight } from "./pkg/index.js";

/** This module's own <script> element, found by its URL. */
function ownScript() {
  for (const script of document.querySelectorAll('script[type="module"][src]')) {
    if (new URL(script.getAttribute("src"), document.baseURI).href === import.meta.url) return script;
  }
  return null;
}

/** highlight() options from the script's data- attributes. */
function options(data) {
  const out = {};
  const flag = (name, value) => {
    if (value === undefined) return;
    if (value !== "true" && value !== "false") throw new Error(`data-${name} must be "true" or "false"`);
    out[name.replace(/-(\w)/g, (_, c) => c.toUpperCase())] = value === "true";
  };
  if (data.mode) out.mode = data.mode;
  if (data.theme) out.theme = data.theme;
  flag("panel", data.panel);
  flag("keys", data.keys);
  flag("watch", data.watch);
  flag("include-code", data.includeCode);
  return out;
}

function domReady() {
  if (document.readyState !== "loading") return Promise.resolve();
  return new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
}

async function start() {
  try {
    const data = ownScript()?.dataset ?? {};
    const opts = options(data);
    await init({ module_or_path: new URL("./pkg/sourcelight_bg.wasm", import.meta.url) });
    await domReady();
    let root;
    if (data.root) {
      root = document.querySelector(data.root);
      if (!root) throw new Error(`data-root "${data.root}" matches nothing on this page`);
    }
    const handle = highlight(root, opts);
    window.sourcelight = handle;
    await handle.ready();
    document.dispatchEvent(new CustomEvent("sourcelight:ready", { detail: handle }));
  } catch (error) {
    console.error("sourcelight:", error);
    document.dispatchEvent(new CustomEvent("sourcelight:error", { detail: error }));
  }
}

start();
