// Completes the npm package wasm-pack wrote (target/wasm-pkg): wasm-pack
// fills in name, version, description, license, repository, files, module
// and types from Cargo.toml; this adds what a modern package needs
// (exports, type, keywords, engines) and checks that everything the
// package names is really in it.
//
//   node scripts/package.mjs target/wasm-pkg
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node scripts/package.mjs PACKAGE_DIR");
  process.exit(2);
}
const file = join(dir, "package.json");
const pkg = JSON.parse(readFileSync(file, "utf8"));

pkg.type = "module";
pkg.exports = {
  ".": { types: "./sourcelight.d.ts", default: "./index.js" },
  "./sourcelight_bg.wasm": "./sourcelight_bg.wasm",
  "./package.json": "./package.json",
};
pkg.keywords = ["attribution", "sources", "news", "journalism", "media-literacy", "highlight", "webassembly"];
pkg.module = "index.js";
pkg.files = ["index.js", "sourcelight_bg.wasm", "sourcelight.js", "sourcelight.d.ts", "sourcelight_bg.wasm.d.ts", "README.md", "LICENSE"];

const missing = ["name", "version", "description", "license", "repository"].filter((k) => !pkg[k]);
const absent = pkg.files.filter((f) => !existsSync(join(dir, f)));
if (missing.length || absent.length) {
  console.error(`package.mjs: package.json lacks ${missing.join(", ") || "nothing"}; files missing: ${absent.join(", ") || "none"}`);
  process.exit(1);
}
writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
