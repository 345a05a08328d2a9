// The package's entry point: the bindings wasm-bindgen writes
// (sourcelight.js), with clearer errors where the bindings' own would be
// cryptic:
// - an internal failure (a panic: its message is in the console) is an
//   Error that names the call, and in the page's build the next call runs
//   on a fresh instance, so sourcelight keeps working;
// - a method of a highlighter after its free() throws an Error that says
//   so, and free() may be called twice; a highlighter from before an
//   internal failure says it stopped.
// The same file sits beside the plain-JavaScript bindings of the browser
// extension, which have no default export (they need no init()).
import * as bindings from "./sourcelight.js";

export * from "./sourcelight.js";
export default bindings.default;

/** Runs `call`, turning an internal failure into an Error from `name`. */
function guarded(name, call) {
  try {
    return call();
  } catch (error) {
    const message = String(error?.message ?? error);
    if (/stale object/i.test(message)) {
      throw new Error(`sourcelight.${name}: this highlighter stopped after an internal error; call highlight() again`);
    }
    const trapped = (globalThis.WebAssembly && error instanceof WebAssembly.RuntimeError) || /^unreachable/.test(message);
    if (!trapped) throw error;
    // the next call starts the fresh instance (page's build): start it now,
    // before any argument is handed to the old one
    try {
      bindings.version();
    } catch {}
    throw new Error(`sourcelight.${name}: an internal error stopped this call (the console has the details)`, {
      cause: error,
    });
  }
}

export function analyze(text) {
  return guarded("analyze(text)", () => bindings.analyze(text));
}

export function highlight(root, options) {
  return guarded("highlight(root, options)", () => bindings.highlight(root, options));
}

const freed = new WeakSet();
const proto = bindings.Highlighter.prototype;
const free = proto.free;
for (const name of Object.getOwnPropertyNames(proto)) {
  const method = proto[name];
  if (name === "constructor" || name === "free" || name.startsWith("__") || typeof method !== "function") continue;
  proto[name] = function (...args) {
    if (freed.has(this)) {
      throw new Error(`sourcelight.Highlighter.${name}(): this highlighter was freed; call highlight() again`);
    }
    return guarded(`Highlighter.${name}()`, () => method.apply(this, args));
  };
}
proto.free = function () {
  if (!freed.has(this)) {
    freed.add(this);
    free.call(this);
  }
};
if (Symbol.dispose) proto[Symbol.dispose] = proto.free;
