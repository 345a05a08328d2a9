// The package's entry point: the bindings wasm-bindgen writes
// (sourcelight.js), with one change. A method called on a highlighter after
// its free() throws an Error that says so, instead of the bindings' "null
// pointer passed to rust"; free() itself may be called twice. The same
// file sits beside the plain-JavaScript bindings of the browser extension,
// which have no default export (they need no init()).
import * as bindings from "./sourcelight.js";

export * from "./sourcelight.js";
export default bindings.default;

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
    return method.apply(this, args);
  };
}
proto.free = function () {
  if (!freed.has(this)) {
    freed.add(this);
    free.call(this);
  }
};
if (Symbol.dispose) proto[Symbol.dispose] = proto.free;
