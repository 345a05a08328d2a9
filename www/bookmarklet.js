// What the bookmarklet loads: turns sourcelight on for the page, and each
// later click off and on again (one copy at a time). The bookmarklet itself
// (see bookmarklet.html) only imports this module and calls toggle(). When
// the page's Content-Security-Policy blocks loading or compiling it, a short
// message says so and points to the browser extension; any other failure
// gets a message that sourcelight failed here, and the error goes to the
// console.
import init, { highlight } from "./pkg/index.js";

const BLOCKED =
  "sourcelight could not start on this page: the site's security policy blocks it. " +
  "The sourcelight browser extension works here.";
const FAILED = "sourcelight failed on this page. The browser's console has the details.";

let ready = null;
let handle = null;

/** Shows or hides sourcelight on this page. Resolves to "on", "off", "blocked" or "failed". */
export async function toggle() {
  const policy = watchPolicy();
  try {
    ready ??= init({ module_or_path: new URL("./pkg/sourcelight_bg.wasm", import.meta.url) });
    await ready;
    if (handle) {
      handle.clear();
      handle.free();
      handle = null;
      delete window.sourcelight;
      return "off";
    }
    handle = highlight();
    window.sourcelight = handle;
    await handle.ready();
    return "on";
  } catch (error) {
    ready = null;
    console.error("sourcelight:", error);
    const blocked = await policy.blocked(error);
    showMessage(blocked ? BLOCKED : FAILED);
    return blocked ? "blocked" : "failed";
  } finally {
    policy.stop();
  }
}

/**
 * Listens for the page's Content-Security-Policy blocking sourcelight: its
 * files, or compiling WebAssembly. `blocked(error)` tells whether it did,
 * after giving the browser a moment to report it.
 */
function watchPolicy() {
  const origin = new URL(import.meta.url).origin;
  let seen = false;
  const listener = (e) => {
    const uri = String(e.blockedURI);
    if (uri === "wasm-eval" || uri === "eval" || uri.startsWith(origin)) seen = true;
  };
  document.addEventListener("securitypolicyviolation", listener);
  return {
    async blocked(error) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const message = String(error?.message ?? error);
      return seen || /Content.Security.Policy|\bCSP\b|unsafe-eval|wasm-eval/i.test(message);
    },
    stop() {
      document.removeEventListener("securitypolicyviolation", listener);
    },
  };
}

/**
 * A short message in the page's corner, gone after a while or on a click.
 * Built with textContent and CSSOM only, so strict pages accept it too.
 */
export function showMessage(text) {
  const box = document.createElement("div");
  box.setAttribute("role", "alert");
  box.dataset.sourcelightMessage = "";
  box.textContent = text;
  const s = box.style;
  s.setProperty("position", "fixed");
  s.setProperty("z-index", "2147483647");
  s.setProperty("right", "16px");
  s.setProperty("bottom", "16px");
  s.setProperty("max-width", "360px");
  s.setProperty("padding", "12px 14px");
  s.setProperty("background", "#1d2330");
  s.setProperty("color", "#fff");
  s.setProperty("font", "14px/1.4 system-ui, sans-serif");
  s.setProperty("border-radius", "8px");
  s.setProperty("box-shadow", "0 6px 24px rgba(0,0,0,.3)");
  s.setProperty("cursor", "pointer");
  box.addEventListener("click", () => box.remove());
  document.documentElement.appendChild(box);
  setTimeout(() => box.remove(), 12000);
}
