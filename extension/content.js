// Runs in the page (in the extension's own isolated world) each time the
// toolbar button is clicked: the first time it loads sourcelight from the
// extension and highlights; then it toggles. The extension's copy of the
// engine is plain JavaScript (see scripts/build.sh), so a page whose
// security policy blocks the bookmarklet, or forbids WebAssembly, cannot
// block it.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const state = (globalThis.__sourcelightExtension ??= { handle: null, loading: null });
  const load = () => import(api.runtime.getURL("pkg/index.js"));
  (async () => {
    try {
      state.loading ??= load();
      const m = await state.loading;
      if (state.handle) {
        state.handle.clear();
        state.handle.free();
        state.handle = null;
        return;
      }
      state.handle = m.highlight();
      await state.handle.ready();
    } catch (error) {
      state.loading = null;
      console.error("sourcelight:", error);
    }
  })();
})();
